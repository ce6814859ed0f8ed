// Java properties as java.util.Properties.load reads them: logical lines continued by an odd
// number of trailing backslashes, comment lines starting with # or !, a key ending at an
// unescaped '=', ':' or blank, escapes (\t, \n, \uXXXX, \x for x). The value of each line that
// defines the key is replaced, up to the end of its logical line; the key, its separator and
// every other byte stay as they were.

#include <cstdint>
#include <cstdlib>

#include "interpreter/steps/update_config/config_changes.h"

namespace planrun {
namespace {

bool blank(char c) { return c == ' ' || c == '\t' || c == '\f'; }
bool line_end(char c) { return c == '\n' || c == '\r'; }

class PropertiesReader {
 public:
  explicit PropertiesReader(std::string_view text) : text_(text) {}

  struct Entry {
    std::string key;
    size_t value_start, value_end;  // value_end: the end of the logical line, before its line break
  };

  // The next key/value line, skipping blank and comment lines; false at the end.
  bool next(Entry& entry) {
    while (at_ < text_.size()) {
      while (at_ < text_.size() && blank(text_[at_])) ++at_;
      if (at_ < text_.size() && (text_[at_] == '#' || text_[at_] == '!')) skip_to_next_line();
      else if (at_ < text_.size() && line_end(text_[at_])) skip_line_break();
      else if (at_ < text_.size()) return read_entry(entry);
    }
    return false;
  }

 private:
  void skip_to_next_line() {
    while (at_ < text_.size() && !line_end(text_[at_])) ++at_;
    skip_line_break();
  }
  void skip_line_break() {
    if (at_ < text_.size() && text_[at_] == '\r') ++at_;
    if (at_ < text_.size() && text_[at_] == '\n') ++at_;
  }
  // A backslash before a line break joins the next line, without its leading blanks.
  bool continuation() {
    if (at_ + 1 >= text_.size() || text_[at_] != '\\' || !line_end(text_[at_ + 1])) return false;
    ++at_;
    skip_line_break();
    while (at_ < text_.size() && blank(text_[at_])) ++at_;
    return true;
  }
  void skip_blanks() {
    while (at_ < text_.size() && (blank(text_[at_]) || continuation())) {
      if (at_ < text_.size() && blank(text_[at_])) ++at_;
    }
  }

  bool read_entry(Entry& entry) {
    entry.key.clear();
    while (at_ < text_.size() && !line_end(text_[at_])) {
      if (continuation()) continue;
      char c = text_[at_];
      if (blank(c) || c == '=' || c == ':') break;
      if (c == '\\') entry.key += unescape();
      else entry.key += c, ++at_;
    }
    skip_blanks();
    if (at_ < text_.size() && (text_[at_] == '=' || text_[at_] == ':')) ++at_;
    skip_blanks();
    entry.value_start = at_;
    while (at_ < text_.size() && !line_end(text_[at_])) {
      if (continuation()) continue;
      at_ += text_[at_] == '\\' && at_ + 1 < text_.size() && !line_end(text_[at_ + 1]) ? 2 : 1;
    }
    entry.value_end = at_;
    skip_line_break();
    return true;
  }

  // The character after a backslash, as UTF-8.
  std::string unescape() {
    char c = at_ + 1 < text_.size() ? text_[at_ + 1] : '\\';
    at_ += 2;
    if (c == 't') return "\t";
    if (c == 'n') return "\n";
    if (c == 'r') return "\r";
    if (c == 'f') return "\f";
    if (c != 'u' || at_ + 4 > text_.size()) return std::string(1, c);
    std::string digits(text_.substr(at_, 4));
    char* end = nullptr;
    uint32_t code = static_cast<uint32_t>(std::strtoul(digits.c_str(), &end, 16));
    if (end != digits.c_str() + 4) return "u";  // malformed: Java refuses the file; the key will not match
    at_ += 4;
    return utf8(code);
  }

  static std::string utf8(uint32_t code) {
    std::string out;
    if (code < 0x80) return out += static_cast<char>(code), out;
    if (code < 0x800) return out += static_cast<char>(0xC0 | (code >> 6)), out += static_cast<char>(0x80 | (code & 0x3F)), out;
    out += static_cast<char>(0xE0 | (code >> 12));
    out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code & 0x3F));
    return out;
  }

  std::string_view text_;
  size_t at_ = 0;
};

std::string hex4(uint32_t unit) {
  static const char digits[] = "0123456789ABCDEF";
  std::string out = "\\u";
  for (int shift = 12; shift >= 0; shift -= 4) out += digits[(unit >> shift) & 0xF];
  return out;
}

// Decodes one UTF-8 sequence at text[at], advancing at; a broken byte stands for itself.
uint32_t decode_utf8(const std::string& text, size_t& at) {
  unsigned char lead = static_cast<unsigned char>(text[at++]);
  int extra = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0;
  uint32_t code = extra == 3 ? lead & 0x07 : extra == 2 ? lead & 0x0F : extra == 1 ? lead & 0x1F : lead;
  for (int i = 0; i < extra && at < text.size(); ++i) code = (code << 6) | (static_cast<unsigned char>(text[at++]) & 0x3F);
  return code;
}

// The value as a properties file holds it: readable by load(InputStream) (ISO-8859-1) and
// load(Reader) alike, since everything outside printable ASCII is a \u escape.
std::string escaped_value(const std::string& value) {
  std::string out;
  for (size_t at = 0; at < value.size();) {
    char c = value[at];
    if (c == '\\') out += "\\\\", ++at;
    else if (c == '\t') out += "\\t", ++at;
    else if (c == '\n') out += "\\n", ++at;
    else if (c == '\r') out += "\\r", ++at;
    else if (c == '\f') out += "\\f", ++at;
    else if (c == ' ' && at == 0) out += "\\ ", ++at;
    else if (static_cast<unsigned char>(c) >= 0x20 && static_cast<unsigned char>(c) < 0x7F) out += c, ++at;
    else {
      uint32_t code = decode_utf8(value, at);
      if (code >= 0x10000) out += hex4(0xD800 + ((code - 0x10000) >> 10)) + hex4(0xDC00 + ((code - 0x10000) & 0x3FF));
      else out += hex4(code);
    }
  }
  return out;
}

}  // namespace

ConfigChanges properties_changes(std::string_view text, const std::vector<ConfigAssignment>& assignments) {
  std::vector<PropertiesReader::Entry> entries;
  PropertiesReader reader(text);
  for (PropertiesReader::Entry entry; reader.next(entry);) entries.push_back(entry);
  ConfigChanges changes;
  for (const ConfigAssignment& assignment : assignments) {
    bool found = false;
    for (const PropertiesReader::Entry& entry : entries) {
      if (entry.key != assignment.where) continue;
      found = true;
      changes.edits.push_back({entry.value_start, entry.value_end - entry.value_start,
                               escaped_value(assignment.value.to_text()), assignment.value.contains_secret(),
                               assignment.where});
    }
    if (found) continue;
    if (!assignment.optional) throw ConfigEditError("property '" + assignment.where + "' is not in the file");
    changes.skipped.push_back(assignment.where);
  }
  return changes;
}

}  // namespace planrun
