// Field names are part of the plan format: add fields, never rename them.

#include "interpreter/steps/assert_same_dbtype/assert_same_dbtype_step.h"
#include "interpreter/steps/assert_same_dbtype/assert_same_dbtype_fields.h"

#include <soci/soci.h>
#include <sqlite3.h>

#include <stdexcept>

#include "interpreter/databases/database_error.h"
#include "interpreter/databases/databases.h"
#include "interpreter/step_kit/step_failure.h"
#include "interpreter/step_kit/step_field.h"
#include "interpreter/step_kit/schema_parts.h"
#include "interpreter/step_kit/step_secret_masker.h"

namespace planrun {
namespace {

using Kind = StepFailure::Kind;

const AssertSameDbtypeFields& fields() { return assert_same_dbtype_fields(); }

// The type as messages name it.
std::string type_title(Dsn::Kind kind) {
  switch (kind) {
    case Dsn::Kind::Sqlite: return "SQLite";
    case Dsn::Kind::Postgresql: return "PostgreSQL";
    case Dsn::Kind::Mysql: return "MySQL";
    case Dsn::Kind::H2: return "H2";
  }
  return "unknown";
}

// The server's version as it reports it ("16.4", "10.11.6-MariaDB"). An SQLite file has no
// server: its version is that of the SQLite library planrun reads and writes it with, and the
// file is not opened (a target that does not exist yet is not created).
std::string version_of(StepContext& context, const Dsn& dsn, const StepSecretMasker& masker) {
  if (dsn.kind == Dsn::Kind::Sqlite) return sqlite3_libversion();
  if (dsn.kind == Dsn::Kind::H2) return "unknown (planrun does not open H2 databases)";
  // A missing service is a bug in planrun (exit 70), not a failure of the plan.
  if (!context.services.databases) throw std::logic_error("the executor gave the step no Databases service");
  try {
    auto connection = context.services.databases->open(dsn, {.read_only = true});
    std::string version;
    connection->session() << (dsn.kind == Dsn::Kind::Postgresql ? "SHOW server_version" : "SELECT VERSION()"),
        soci::into(version);
    return version;
  } catch (const DatabaseError& error) {
    throw StepFailure(Kind::Failed, masker.mask(error.what()));
  } catch (const soci::soci_error& error) {
    throw StepFailure(Kind::Failed,
                      masker.mask("cannot read the server version of " + dsn.to_string() + ": " + error.what()));
  }
}

// "16" of "16.4 (Debian 16.4-1)", "10" of "10.11.6-MariaDB".
std::string major_of(const std::string& version) {
  size_t end = version.find_first_not_of("0123456789");
  return version.substr(0, end);
}

}  // namespace

const StepSchema& AssertSameDbtypeStep::schema() const { return assert_same_dbtype_schema(); }

std::vector<std::string> AssertSameDbtypeStep::describe(const DescribeContext& context) const {
  Dsn source = fields().source.read(context.fields);
  Dsn target = fields().target.read(context.fields);
  return {context.masker.mask("would check that " + source.to_string() + " and " + target.to_string() +
                              " are of the same database type, reading their versions")};
}

void AssertSameDbtypeStep::run(StepContext& context) const {
  StepSecretMasker masker(context);
  Dsn source = fields().source.read(context.fields);
  Dsn target = fields().target.read(context.fields);
  if (source.kind != target.kind)
    throw StepFailure(Kind::Precondition,
                      "the upgrade cannot change the database type (source is " + type_title(source.kind) +
                          ", target is " + type_title(target.kind) +
                          "): moving data between database types needs other scripts");
  std::string source_version = version_of(context, source, masker);
  std::string target_version = version_of(context, target, masker);
  context.outputs["dbtype"] = Value(kind_name(source.kind));
  context.outputs["source_version"] = Value(source_version);
  context.outputs["target_version"] = Value(target_version);
  context.log.info(masker.mask("source and target are both " + type_title(source.kind) + " (source " +
                               source.to_string() + ": " + source_version + "; target " + target.to_string() +
                               ": " + target_version + ")"));
  if (major_of(source_version) != major_of(target_version))
    context.log.warn(masker.mask("the major versions differ (source " + source_version + ", target " +
                                 target_version + "): check that the target server supports the data"));
}

}  // namespace planrun
