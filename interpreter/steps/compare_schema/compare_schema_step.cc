// Field names are part of the plan format: add fields, never rename them.

#include "interpreter/steps/compare_schema/compare_schema_step.h"

#include <soci/soci.h>

#include <stdexcept>

#include "interpreter/databases/database_error.h"
#include "interpreter/databases/databases.h"
#include "interpreter/files/durable_write.h"
#include "interpreter/step_kit/step_failure.h"
#include "interpreter/steps/compare_schema/schema_check.h"
#include "interpreter/step_kit/step_secret_masker.h"

namespace planrun {
namespace {

using Kind = StepFailure::Kind;

std::string count_of(size_t count, const char* one, const char* many) {
  return std::to_string(count) + " " + (count == 1 ? one : many);
}

// Where the JSON report goes: beside the step's log in the run directory.
std::filesystem::path report_path(const StepContext& context) {
  std::filesystem::path dir = context.run_dir.empty() ? context.work_dir : context.run_dir;
  return dir / (context.step.id + ".schema-differences.json");
}

std::filesystem::path write_report(const StepContext& context, const SchemaCheckResult& result,
                                   const StepSecretMasker& masker) {
  std::filesystem::path path = report_path(context);
  std::filesystem::create_directories(path.parent_path());
  write_file_durably(path, masker.mask(difference_json(result.differences, result.sides, result.unused_allowances).dump(2)) + "\n");
  return path;
}

}  // namespace

const StepSchema& CompareSchemaStep::schema() const { return compare_schema_schema(); }

std::vector<std::string> CompareSchemaStep::describe(const DescribeContext& context) const {
  return {context.masker.mask(describe_schema_check(schema_check_request(context.fields)))};
}

void CompareSchemaStep::run(StepContext& context) const {
  StepSecretMasker masker(context);
  SchemaCheckRequest request = schema_check_request(context.fields);
  request.scratch_owner = context.work_dir.string();  // the same in every attempt of this step
  // A missing service is a bug in planrun (exit 70), not a failure of the plan.
  if (!context.services.databases) throw std::logic_error("the executor gave the step no Databases service");
  SchemaCheckResult result;
  try {
    result = run_schema_check(*context.services.databases, *context.services.files, request);
  } catch (const DatabaseError& error) {
    throw StepFailure(Kind::Failed, masker.mask(error.what()));
  } catch (const EnvironmentError& error) {  // a script that cannot be read
    throw StepFailure(Kind::Failed, masker.mask(error.what()));
  } catch (const soci::soci_error& error) {
    throw StepFailure(Kind::Failed, masker.mask("cannot compare the schema of " + request.database.to_string() + ": " + error.what()));
  }
  std::filesystem::path report = write_report(context, result, masker);
  size_t unexpected = result.unexpected();
  context.outputs["differences"] = Value(static_cast<int64_t>(unexpected));
  context.outputs["allowed"] = Value(static_cast<int64_t>(result.differences.size() - unexpected));
  context.outputs["report"] = Value(report.string());
  for (const std::string& entry : result.unused_allowances)
    context.log.warn(masker.mask("the allow entry '" + entry +
                                 "' matched no difference: remove it, or it may hide a later drift"));
  std::string table = result.differences.empty() ? "" : "\n" + difference_table(result.differences, result.sides);
  if (unexpected > 0)
    throw StepFailure(Kind::Precondition,
                      masker.mask("the schema of " + result.sides.actual + " differs from " + result.sides.reference +
                                  ": " + count_of(unexpected, "difference", "differences") +
                                  (unexpected == result.differences.size() ? "" : " not allowed") + " (report " +
                                  report.string() + ")" + table));
  context.log.info(masker.mask("the schema of " + result.sides.actual + " equals " + result.sides.reference +
                               (result.differences.empty() ? "" : " but for " + count_of(result.differences.size(), "allowed difference", "allowed differences")) +
                               table));
}

}  // namespace planrun
