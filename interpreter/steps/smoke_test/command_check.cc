#include <algorithm>

#include "interpreter/step_kit/processes.h"
#include "interpreter/step_kit/step_field.h"
#include "interpreter/step_kit/command_text.h"
#include "interpreter/step_kit/schema_parts.h"
#include "interpreter/steps/smoke_test/smoke_check.h"
#include "interpreter/steps/smoke_test/smoke_test_fields.h"
#include "interpreter/step_kit/step_secret_masker.h"

namespace planrun {
namespace {

const CommandCheckFields& fields() { return command_check_fields(); }

// The command's output is kept up to this size for `contains`; a check's output is small.
constexpr size_t kept_output = 1024 * 1024;

std::string ending(const ProcessResult& result) {
  if (!result.started()) return result.start_error;
  if (result.timed_out) return "the step's timeout ran out; the command was stopped";
  if (result.cancelled) return "the run was interrupted; the command was stopped";
  if (result.signal) return "killed by signal " + std::to_string(*result.signal);
  return result.exit_code ? "exit status " + std::to_string(*result.exit_code) : "its exit status was lost";
}

class CommandCheck final : public SmokeCheckKind {
 public:
  const std::string& key() const override {
    static const std::string name = "command";
    return name;
  }
  std::string describe(const Value::Map& given) const override {
    return "would run " + command_line(fields().command.read(given), no_mask());
  }
  CheckOutcome run(const Value::Map& given, StepContext& context) const override {
    Value command = fields().command.read(given);
    ProcessSpec spec;
    spec.argv = command.is_string() ? shell_command(command.as_string()) : value_as<std::vector<std::string>>(command, "command");
    spec.env = fields().env.find(given).value_or(std::map<std::string, std::string>{});
    spec.deadline = context.deadline;
    spec.cancel = &context.cancel;
    std::string output;
    StepSecretMasker masker(context);
    ProcessResult result = context.services.processes->run(spec, [&](OutputStream, const std::string& line) {
      context.log.output(masker.mask(line));
      if (output.size() < kept_output) output += line + "\n";
    });
    std::vector<int64_t> codes = expect_exit_field().read(given);
    std::string expected = "exit status " + listed_codes(codes);
    bool exited_as_expected = result.exit_code && std::count(codes.begin(), codes.end(), *result.exit_code) > 0;
    if (!exited_as_expected) return {false, expected, ending(result)};
    auto contains = fields().contains.find(given);
    if (!contains) return {true, expected, ""};
    expected += " and output containing '" + *contains + "'";
    if (output.find(*contains) != std::string::npos) return {true, expected, ""};
    return {false, expected, "output without it: " + shown_value(output)};
  }

 private:
  static const SecretMasker& no_mask() {
    struct Identity final : SecretMasker {
      std::string mask(const std::string& text) const override { return text; }
    };
    static const Identity identity;
    return identity;
  }
};

}  // namespace

const SmokeCheckKind& command_check() {
  static const CommandCheck check;
  return check;
}

}  // namespace planrun
