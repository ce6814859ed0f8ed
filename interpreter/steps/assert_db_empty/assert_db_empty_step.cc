// Field names are part of the plan format: add fields, never rename them.

#include "interpreter/steps/assert_db_empty/assert_db_empty_step.h"
#include "interpreter/steps/assert_db_empty/assert_db_empty_fields.h"

#include <fnmatch.h>
#include <soci/soci.h>

#include <algorithm>
#include <filesystem>
#include <stdexcept>

#include "interpreter/databases/database_error.h"
#include "interpreter/databases/databases.h"
#include "interpreter/databases/h2_files.h"
#include "interpreter/databases/user_tables.h"
#include "interpreter/step_kit/step_failure.h"
#include "interpreter/step_kit/step_field.h"
#include "interpreter/step_kit/schema_parts.h"
#include "interpreter/step_kit/step_secret_masker.h"

namespace planrun {
namespace {

using Kind = StepFailure::Kind;

const AssertDbEmptyFields& fields() { return assert_db_empty_fields(); }

// How many of the tables found the failure names.
constexpr size_t named_tables = 5;

// The server's words for a database that does not exist (an absent database is empty).
bool is_absent_database(const Dsn& dsn, const std::string& message) {
  if (dsn.kind == Dsn::Kind::Sqlite) return !std::filesystem::exists(dsn.path);
  if (dsn.kind == Dsn::Kind::Postgresql)
    return message.find("database \"" + dsn.database + "\" does not exist") != std::string::npos;
  return message.find("Unknown database '" + dsn.database + "'") != std::string::npos;
}

bool ignored(const std::string& table, const std::vector<std::string>& patterns) {
  for (const std::string& pattern : patterns)
    if (fnmatch(pattern.c_str(), table.c_str(), 0) == 0) return true;
  return false;
}

std::string count_of(size_t count) { return std::to_string(count) + (count == 1 ? " table" : " tables"); }

std::string not_empty_message(const Dsn& dsn, const std::vector<std::string>& tables) {
  std::string names;
  size_t shown = std::min(tables.size(), named_tables);
  for (size_t i = 0; i < shown; ++i) names += (i == 0 ? "" : i + 1 == tables.size() ? " and " : ", ") + tables[i];
  if (tables.size() > shown) names += " and " + std::to_string(tables.size() - shown) + " more";
  return "the database " + dsn.to_string() + " must be empty but holds " + count_of(tables.size()) + ": " + names;
}

// planrun cannot list an H2 database's tables: it is empty when none of its files exists.
void check_h2_files_absent(StepContext& context, const Dsn& dsn, const StepSecretMasker& masker) {
  std::vector<std::filesystem::path> files = h2_data_files(dsn);
  if (!files.empty())
    throw StepFailure(Kind::Precondition,
                      masker.mask("the H2 database " + dsn.to_string() + " must be empty but its file " +
                                  files.front().string() +
                                  " exists (planrun cannot list H2 tables: an existing file counts as not empty)"));
  context.log.info(masker.mask("the H2 database " + dsn.to_string() + " has no files yet: it is empty"));
}

}  // namespace

const StepSchema& AssertDbEmptyStep::schema() const { return assert_db_empty_schema(); }

std::vector<std::string> AssertDbEmptyStep::describe(const DescribeContext& context) const {
  std::vector<std::string> ignore = fields().ignore.find(context.fields).value_or(std::vector<std::string>{});
  std::string but;
  for (size_t i = 0; i < ignore.size(); ++i) but += (i ? ", " : " (ignoring ") + ignore[i];
  if (!ignore.empty()) but += ")";
  std::string database = fields().database.read(context.fields).to_string();
  return {context.masker.mask("would check that " + database + " holds no tables" + but)};
}

void AssertDbEmptyStep::run(StepContext& context) const {
  StepSecretMasker masker(context);
  Dsn dsn = fields().database.read(context.fields);
  std::vector<std::string> ignore = fields().ignore.find(context.fields).value_or(std::vector<std::string>{});
  if (dsn.kind == Dsn::Kind::H2) return check_h2_files_absent(context, dsn, masker);
  // A missing service is a bug in planrun (exit 70), not a failure of the plan.
  if (!context.services.databases) throw std::logic_error("the executor gave the step no Databases service");
  std::vector<std::string> tables;
  try {
    std::unique_ptr<DatabaseConnection> connection;
    try {
      connection = context.services.databases->open(dsn, {.read_only = true});
    } catch (const DatabaseError& error) {
      if (!is_absent_database(dsn, error.what())) throw;
      context.log.info(masker.mask("the database " + dsn.to_string() + " does not exist yet: it is empty"));
      return;
    }
    for (const std::string& table : user_tables(*connection))
      if (!ignored(table, ignore)) tables.push_back(table);
  } catch (const DatabaseError& error) {
    throw StepFailure(Kind::Failed, masker.mask(error.what()));
  } catch (const soci::soci_error& error) {
    throw StepFailure(Kind::Failed, masker.mask("cannot list the tables of " + dsn.to_string() + ": " + error.what()));
  }
  if (!tables.empty()) throw StepFailure(Kind::Precondition, masker.mask(not_empty_message(dsn, tables)));
  context.log.info(masker.mask("the database " + dsn.to_string() + " holds no tables"));
}

}  // namespace planrun
