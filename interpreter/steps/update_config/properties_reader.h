#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace planrun {

// Java properties as java.util.Properties.load reads them: logical lines continued by an odd
// number of trailing backslashes (the next line's leading blanks dropped), comment lines
// starting with # or !, a key ending at an unescaped '=', ':' or blank, escapes (\t, \n, \r,
// \f, \uXXXX, \x for x). update-config reads where each value is to replace it; config-review
// reads what each value means to compare it.
class PropertiesReader {
 public:
  explicit PropertiesReader(std::string_view text) : text_(text) {}

  struct Entry {
    std::string key;                // unescaped
    std::string value;              // unescaped, continuation lines joined
    size_t value_start, value_end;  // the value's bytes in the text; value_end: the end of the
                                    // logical line, before its line break
  };

  // The next key/value line, skipping blank and comment lines; false at the end.
  bool next(Entry& entry);

 private:
  void skip_to_next_line();
  void skip_line_break();
  bool continuation();
  void skip_blanks();
  bool read_entry(Entry& entry);
  std::string unescape();

  std::string_view text_;
  size_t at_ = 0;
};

}  // namespace planrun
