#include <fstream>
#include <sstream>

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
  CheckOutcome run(const Value::Map& given, StepContext&) const override {
    fs::path path = fields().path.read(given);
    std::error_code error;
    bool found = fs::exists(path, error);
    if (!fields().exists.read(given))
      return found ? CheckOutcome{false, "no file " + path.string(), "it exists"} : CheckOutcome{true, "no file " + path.string(), ""};
    if (!found) return {false, path.string() + " exists", error ? error.message() : "it does not exist"};
    auto contains = fields().contains.find(given);
    if (!contains) return {true, path.string() + " exists", ""};
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    std::string expected = path.string() + " contains '" + *contains + "'";
    if (!in) return {false, expected, "cannot read it"};
    if (text.str().find(*contains) != std::string::npos) return {true, expected, ""};
    return {false, expected, "it does not (" + std::to_string(text.str().size()) + " bytes)"};
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
