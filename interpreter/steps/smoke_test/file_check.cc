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
    auto contains = fields().contains.find(given);
    return "would check that " + path + " exists" + (contains ? " and contains '" + *contains + "'" : "");
  }
  CheckOutcome run(const Value::Map& given, StepContext& context) const override {
    fs::path path = fields().path.read(given);
    bool must_exist = fields().exists.read(given);
    std::string expected = must_exist ? path.string() + " exists" : "no file " + path.string();
    try {
      bool found = context.services.files->exists(path);
      if (!must_exist) return found ? CheckOutcome{false, expected, "it exists"} : CheckOutcome{true, expected, ""};
      if (!found) return {false, expected, "it does not exist"};
      auto contains = fields().contains.find(given);
      if (!contains) return {true, expected, ""};
      expected = path.string() + " contains '" + *contains + "'";
      std::optional<std::string> text = context.services.files->read_file(path);
      if (!text) return {false, expected, "it is gone"};
      if (text->find(*contains) != std::string::npos) return {true, expected, ""};
      return {false, expected, "it does not (" + std::to_string(text->size()) + " bytes)"};
    } catch (const EnvironmentError& error) {  // no permission to look or read
      return {false, expected, error.what()};
    }
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
