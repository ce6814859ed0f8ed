#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "interpreter/diagnostics/source_location.h"  // line_column

namespace planrun {

// One replacement in a configuration file's bytes: `length` bytes at `offset` become `text`.
// Editors only find what to change and where; the original bytes around it are never
// re-serialised, so comments, formatting and attribute order stay byte for byte.
struct TextEdit {
  size_t offset = 0;
  size_t length = 0;
  std::string text;
  bool secret = false;  // the new text is a secret: diffs show *** on both sides
  std::string where;    // what the plan named: an XPath, a property key, a YAML path
};

// A change the plan asked for that the file does not allow; the message names the selector,
// the file position where there is one, and the cause.
struct ConfigEditError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The file with every edit applied. Edits of one span are kept once (the last one wins, as a
// later line of the plan would); edits that overlap otherwise are an error naming both.
std::string apply_edits(std::string_view original, std::vector<TextEdit> edits);

// The same text with the spans of secret edits shown as `***` before and after (each line of a
// multi-line value stays a line), for diffs: the old value of a secret (the old password) is
// hidden as well as the new one.
struct RedactedTexts {
  std::string before;
  std::string after;
};
RedactedTexts redacted_texts(std::string_view original, std::vector<TextEdit> edits);

}  // namespace planrun
