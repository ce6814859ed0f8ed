#pragma once

#include <yaml-cpp/mark.h>

#include <string>
#include <string_view>
#include <vector>

#include "interpreter/diagnostics/source_location.h"

namespace planrun {

// A YAML file's text, and where yaml-cpp's 0-based marks lie in it. yaml-cpp counts lines at
// '\n' (CRLF is one break, a lone CR none) and columns in bytes from the line start, not
// counting a UTF-8 byte order mark. Borrows the text, which must outlive this object.
class YamlSourceText {
 public:
  static constexpr size_t npos = std::string_view::npos;

  // Where a node starts: its location and byte offset (npos when yaml-cpp gave no position).
  struct Position {
    SourceLocation location;
    size_t offset = npos;
  };

  YamlSourceText(std::string path, std::string_view text);

  const std::string& path() const { return path_; }

  // The byte offset of a mark, or npos when yaml-cpp gave no usable position.
  size_t offset(const YAML::Mark& mark) const;
  SourceLocation location(const YAML::Mark& mark) const;
  // The text from `offset` on; empty for npos.
  std::string_view rest(size_t offset) const;

  // yaml-cpp marks a node at its properties (`&anchor`, `!tag`) when it has any; authors see
  // the node where its content starts, unless the content is on a later line (a block
  // collection under `key: &anchor`), where the properties are the best place to point at.
  Position node_position(const YAML::Mark& mark) const;
  // Whether `~`, `null`, `Null` or `NULL` is written at `offset`, as opposed to nothing at all.
  bool written_null_at(size_t offset) const;
  // Where the `-` of an empty block sequence item lies, given yaml-cpp's mark for the item
  // (the next token): the last thing before it, skipping blank lines and comments.
  SourceLocation dash_before(const YAML::Mark& item) const;
  // For a scalar starting at `offset`: 0 for plain text and 1 for quoted text that lies column
  // for column in the file; -1 when escapes, doubled quotes, line folding or a block scalar
  // break that correspondence.
  int content_offset(size_t offset, std::string_view scalar) const;

 private:
  SourceLocation location_at(size_t offset) const;
  size_t line_start(size_t offset) const;

  FileName path_;
  std::string_view text_;
  size_t bom_;
  std::vector<size_t> line_starts_;
};

}  // namespace planrun
