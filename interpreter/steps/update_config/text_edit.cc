#include "interpreter/steps/update_config/text_edit.h"

#include <algorithm>

namespace planrun {
namespace {

// Sorted by offset, one edit per span (the last given wins); overlapping spans are an error.
std::vector<TextEdit> ordered(std::string_view original, std::vector<TextEdit> edits) {
  std::stable_sort(edits.begin(), edits.end(), [](const TextEdit& a, const TextEdit& b) { return a.offset < b.offset; });
  std::vector<TextEdit> kept;
  for (TextEdit& edit : edits) {
    if (!kept.empty() && kept.back().offset == edit.offset && kept.back().length == edit.length) {
      kept.back() = std::move(edit);
      continue;
    }
    if (!kept.empty() && kept.back().offset + kept.back().length > edit.offset)
      throw ConfigEditError("'" + kept.back().where + "' and '" + edit.where + "' change overlapping text at " +
                            line_column(original, edit.offset));
    kept.push_back(std::move(edit));
  }
  return kept;
}

// `***` once per line of `text`, so a redacted text has the lines of the real one.
std::string stars_for(std::string_view text) {
  std::string shown = "***";
  for (char c : text)
    if (c == '\n') shown += "\n***";
  return shown;
}

}  // namespace

std::string apply_edits(std::string_view original, std::vector<TextEdit> edits) {
  std::string out;
  size_t at = 0;
  for (const TextEdit& edit : ordered(original, std::move(edits))) {
    out.append(original.substr(at, edit.offset - at));
    out.append(edit.text);
    at = edit.offset + edit.length;
  }
  out.append(original.substr(at));
  return out;
}

RedactedTexts redacted_texts(std::string_view original, std::vector<TextEdit> edits) {
  RedactedTexts texts;
  size_t at = 0;
  for (const TextEdit& edit : ordered(original, std::move(edits))) {
    std::string_view between = original.substr(at, edit.offset - at);
    std::string_view old_text = original.substr(edit.offset, edit.length);
    texts.before.append(between).append(edit.secret ? stars_for(old_text) : std::string(old_text));
    texts.after.append(between).append(edit.secret ? stars_for(edit.text) : edit.text);
    at = edit.offset + edit.length;
  }
  texts.before.append(original.substr(at));
  texts.after.append(original.substr(at));
  return texts;
}

}  // namespace planrun
