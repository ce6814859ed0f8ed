// The `schema` check: compare-schema's comparison as one smoke check, e.g.
// {schema: {database: ..., equals_script: ddl/postgresql.sql, ignore_names: [indexes]}}. It
// passes when every difference is allowed; otherwise `actual` names the differences.

#include <soci/soci.h>

#include "interpreter/databases/database_error.h"
#include "interpreter/databases/databases.h"
#include "interpreter/step_kit/step_failure.h"
#include "interpreter/steps/compare_schema/schema_check.h"
#include "interpreter/steps/smoke_test/smoke_check.h"

namespace planrun {
namespace {

// How many differences the check's message names; the rest are counted.
constexpr size_t kNamedDifferences = 10;

std::string differences_in_words(const SchemaCheckResult& result) {
  std::string text = std::to_string(result.unexpected()) + (result.unexpected() == 1 ? " difference: " : " differences: ");
  size_t named = 0;
  for (const SchemaDifference& difference : result.differences) {
    if (difference.allowed) continue;
    if (named == kNamedDifferences) return text + "; and " + std::to_string(result.unexpected() - named) + " more";
    text += (named++ ? "; " : "") + difference.label() + " (" + difference.reference + " / " + difference.actual + ")";
  }
  return text;
}

class SchemaCheck final : public SmokeCheckKind {
 public:
  const std::string& key() const override {
    static const std::string name = "schema";
    return name;
  }
  std::string describe(const Value::Map& given) const override { return describe_schema_check(schema_check_request(given)); }
  CheckOutcome run(const Value::Map& given, StepContext& context) const override {
    std::string expected = "no schema difference";
    try {
      SchemaCheckRequest request = schema_check_request(given);
      // A missing service is a bug in planrun (exit 70), not a failure of the plan.
      if (!context.services.databases) throw std::logic_error("the executor gave the step no Databases service");
      SchemaCheckResult result = run_schema_check(*context.services.databases, *context.services.files, request);
      expected = "the schema of " + result.sides.reference;
      for (const std::string& entry : result.unused_allowances)
        context.log.warn("schema check: the allow entry '" + entry + "' matched no difference");
      if (result.unexpected() == 0) return {true, expected, ""};
      return {false, expected, differences_in_words(result)};
    } catch (const StepFailure& error) {
      return {false, expected, error.what()};
    } catch (const DatabaseError& error) {
      return {false, expected, error.what()};
    } catch (const EnvironmentError& error) {
      return {false, expected, error.what()};
    } catch (const soci::soci_error& error) {
      return {false, expected, std::string("the comparison failed: ") + error.what()};
    }
  }
};

}  // namespace

const SmokeCheckKind& schema_check() {
  static const SchemaCheck check;
  return check;
}

}  // namespace planrun
