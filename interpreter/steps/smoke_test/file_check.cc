#include <algorithm>
#include <string_view>

#include "interpreter/step_kit/file_system.h"
#include "interpreter/step_kit/step_failure.h"
#include "interpreter/step_kit/step_field.h"
#include "interpreter/steps/smoke_test/smoke_check.h"
#include "interpreter/steps/smoke_test/smoke_test_fields.h"

namespace planrun {
namespace {

namespace fs = std::filesystem;

const FileCheckFields& fields() { return file_check_fields(); }

class FileCheck final : public SmokeCheckKind {
 public:
  const std::string& key() const override {
    static const std::string name = "file";
    return name;
  }
  std::string describe(const Value::Map& given) const override {
    std::string path = fields().path.read(given).string();
    if (!fields().exists.read(given)) return "would check that " + path + " does not exist";
    std::string content = content_expected(given);
    return "would check that " + path + (content.empty() ? " exists" : " exists and " + content);
  }
  CheckOutcome run(const Value::Map& given, StepContext& context) const override {
    fs::path path = fields().path.read(given);
    bool must_exist = fields().exists.read(given);
    std::string expected = must_exist ? path.string() + " exists" : "no file " + path.string();
    try {
      bool found = context.services.files->exists(path);
      if (!must_exist) return found ? CheckOutcome{false, expected, "it exists"} : CheckOutcome{true, expected, ""};
      if (!found) return {false, expected, "it does not exist"};
      if (!fields().contains.given(given) && !fields().not_contains.given(given)) return {true, expected, ""};
      expected = path.string() + " " + content_expected(given);
      std::optional<std::string> text = context.services.files->read_file(path);
      if (!text) return {false, expected, "it is gone"};
      return content_outcome(given, *text, expected);
    } catch (const EnvironmentError& error) {  // no permission to look or read
      return {false, expected, error.what()};
    }
  }

 private:
  // "contains 'a' and not 'b' from byte N", or "" without content checks.
  static std::string content_expected(const Value::Map& given) {
    std::string text;
    if (auto contains = fields().contains.find(given)) text += "contains '" + *contains + "'";
    for (const std::string& unwanted : fields().not_contains.find(given).value_or(std::vector<std::string>{}))
      text += (text.empty() ? "not '" : " and not '") + unwanted + "'";
    int64_t from = fields().from_offset.read(given);
    return text + (from > 0 && !text.empty() ? " from byte " + std::to_string(from) : "");
  }

  // The part of the file a check looks at: from `from_offset`, or all of it when the file is
  // shorter than that (a log rotated since: all of it is new).
  static std::string_view looked_at(const Value::Map& given, const std::string& text) {
    int64_t from = fields().from_offset.read(given);
    if (from <= 0 || static_cast<size_t>(from) > text.size()) return text;
    return std::string_view(text).substr(static_cast<size_t>(from));
  }

  static CheckOutcome content_outcome(const Value::Map& given, const std::string& text, const std::string& expected) {
    std::string_view part = looked_at(given, text);
    auto contains = fields().contains.find(given);
    if (contains && part.find(*contains) == std::string_view::npos)
      return {false, expected, "it does not (" + std::to_string(part.size()) + " bytes)"};
    for (const std::string& unwanted : fields().not_contains.find(given).value_or(std::vector<std::string>{})) {
      size_t at = part.find(unwanted);
      if (at == std::string_view::npos) continue;
      size_t line_start = part.rfind('\n', at);
      line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
      size_t line_end = part.find('\n', at);
      size_t line = static_cast<size_t>(std::count(text.begin(), text.begin() + (part.data() - text.data()) + line_start, '\n')) + 1;
      return {false, expected, "line " + std::to_string(line) + ": " + shown_value(std::string(part.substr(line_start, line_end - line_start)))};
    }
    return {true, expected, ""};
  }
};

}  // namespace

const SmokeCheckKind& file_check() {
  static const FileCheck check;
  return check;
}

std::string shown_value(const std::string& text) {
  constexpr size_t longest = 200;
  if (text.size() <= longest) return text;
  return text.substr(0, longest) + "... (" + std::to_string(text.size()) + " characters)";
}

}  // namespace planrun
