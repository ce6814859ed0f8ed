#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace planrun {

// Two versions of a file: the real texts decide which lines changed, the shown texts (the same
// lines with secrets as ***, see redacted_texts) are what the diff prints.
struct DiffTexts {
  std::string_view before, after;
  std::string_view shown_before, shown_after;
};

// A unified diff (`diff -u` style: ---/+++ headers naming `label`, @@ hunks with 3 lines of
// context), one line per element; empty when nothing changed.
std::vector<std::string> unified_diff(const DiffTexts& texts, const std::string& label);

}  // namespace planrun
