#pragma once

#include <string>
#include <vector>

#include "interpreter/values/value.h"

namespace planrun {

// The texts of secret values, to mask them wherever they appear in a line (command lines,
// command output, messages), as CI systems mask secrets in logs. Each line of a secret of
// several lines is masked on its own too, when it has at least kMinimumLine characters
// (surrounding blanks not counted).
class SecretTexts {
 public:
  static constexpr size_t kMinimumLine = 4;

  // Adds the text of every secret inside `value` (all of it, when `value` itself is secret).
  void add(const Value& value);
  // `text` with every occurrence of every secret replaced by ***, longest secrets first so
  // that no part of a longer one is left.
  std::string mask(const std::string& text) const;

 private:
  void collect(const Value& value, bool inside_secret);
  void add_text(const std::string& text);

  std::vector<std::string> texts_;  // longest first
};

}  // namespace planrun
