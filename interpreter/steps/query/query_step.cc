// Field names are part of the plan format: add fields, never rename them.

#include "interpreter/steps/query/query_step.h"
#include "interpreter/steps/query/query_fields.h"

#include <stdexcept>

#include "interpreter/databases/databases.h"
#include "interpreter/databases/query_rows.h"
#include "interpreter/step_kit/step_failure.h"
#include "interpreter/step_kit/step_secret_masker.h"

namespace planrun {
namespace {

const QueryFields& fields() { return query_fields(); }

}  // namespace

const StepSchema& QueryStep::schema() const { return query_schema(); }

std::vector<std::string> QueryStep::describe(const DescribeContext& context) const {
  return {context.masker.mask("would query " + fields().database.read(context.fields).to_string() + ": " +
                              fields().query.read(context.fields) + ", and publish its first row")};
}

void QueryStep::run(StepContext& context) const {
  // A missing service is a bug in planrun (exit 70), not a failure of the plan.
  if (!context.services.databases) throw std::logic_error("the executor gave the step no Databases service");
  Dsn dsn = fields().database.read(context.fields);
  std::string query = fields().query.read(context.fields);
  std::unique_ptr<DatabaseConnection> connection = context.services.databases->open(dsn, {.read_only = true});
  Value::List rows = query_rows(*connection, query);
  int64_t wanted = fields().min_rows.read(context.fields);
  if (static_cast<int64_t>(rows.size()) < wanted)
    throw StepFailure(StepFailure::Kind::Precondition,
                      StepSecretMasker(context).mask("the query found " + std::to_string(rows.size()) + " rows, at least " +
                                                     std::to_string(wanted) + " expected: " + query + " on " + dsn.to_string()));
  Value::List first = rows.empty() ? Value::List{} : rows.front().as_list();
  context.outputs["value"] = first.empty() ? Value() : first.front();
  context.outputs["row"] = Value(first);
  context.outputs["rows"] = Value(static_cast<int64_t>(rows.size()));
  context.log.info(StepSecretMasker(context).mask("found " + std::to_string(rows.size()) + " rows; the first: " +
                                                  Value(first).display()));
}

}  // namespace planrun
