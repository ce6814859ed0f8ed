// The schemas of the step types this planrun checks, previews and draws but cannot run yet.
// Each function is what the next engineer moves into the type's own file pair (see
// docs/STEP_KIT.md), beside the type's describe and action. Field names are part of the plan
// format: add fields, never rename them.

#include "interpreter/steps/not_yet_runnable_schemas.h"

#include "interpreter/steps/schema_parts.h"

namespace planrun {

using Effect = StepSchema::Effect;

namespace {

// One assignment of a configuration change: where (`set`) and what (`value`).
TypeSpec assignment(std::string set_doc, TypeSpec value_type, std::string value_doc) {
  return types::list_of(types::object({
      required_field("set", types::string(), std::move(set_doc)),
      required_field("value", std::move(value_type), std::move(value_doc)),
  }));
}

}  // namespace

StepSchema assert_same_dbtype_schema() {
  return {"assert-same-dbtype", 1,
          "fails unless source and target databases are of the same type (the upgrade cannot change it)",
          Effect::Check,
          types::object({
              required_field("source", types::database(), "the database the data comes from"),
              required_field("target", types::database(), "the database the data goes to"),
          }),
          {"dbtype"}};
}

StepSchema assert_db_empty_schema() {
  return {"assert-db-empty", 1, "fails unless the database holds no user tables (a staging database starts empty)",
          Effect::Check,
          types::object({
              required_field("database", types::database(), "the database that must be empty"),
          }),
          {}};
}

StepSchema assert_servers_stopped_schema() {
  // Neither field is required: a plan may know only pid files or only ports.
  return {"assert-servers-stopped", 1, "fails while any server of the old installation runs (pid files, ports)",
          Effect::Check,
          types::object({
              optional_field("pid_files", types::list_of(types::path()),
                             "pid files of the servers: one naming a live process means a server runs"),
              optional_field("ports", types::list_of(types::integer()),
                             "ports of the servers: one that accepts a connection means a server runs"),
              default_field("host", types::string(), "127.0.0.1", "the host whose ports are tried"),
          }),
          {}};
}

StepSchema backup_schema() {
  return {"backup", 1,
          "backs up a database (its own dump format) or a directory (archive and sha256 manifest), then verifies it",
          Effect::Backup,
          types::object(
              {
                  optional_field("database", types::database(),
                                 "the database to dump, restorable with the database's own tools"),
                  optional_field("dir", types::path(), "the directory to archive"),
                  required_field("to", types::path(),
                                 "the directory that receives the dump or archive and its sha256 manifest"),
                  optional_field("format", types::string(),
                                 "dump or archive format; default: the database's native dump (pg_dump custom, "
                                 "mysqldump SQL, an SQLite copy), or tar for a directory; zip also works"),
                  optional_field("compression", types::string(),
                                 "gzip, zstd or none; default: the format's usual compression"),
                  default_field("verify", types::boolean(), true,
                                "read the backup back and check it against its manifest before the step is done"),
              },
              {{"database", "dir"}}),
          {"path", "sha256", "bytes"}};
}

StepSchema restore_schema() {
  return {"restore", 1, "restores a backup made by a backup step (for rehearsals and disasters)", Effect::Write,
          types::object(
              {
                  required_field("from", types::path(), "the backup: the `to` directory of a backup step"),
                  optional_field("database", types::database(), "the database to restore into"),
                  optional_field("dir", types::path(), "the directory to restore into"),
                  default_field("replace", types::boolean(), false,
                                "restore over a database or directory that is not empty, losing what it held"),
                  default_field("verify", types::boolean(), true,
                                "check the backup against its manifest before restoring it"),
              },
              {{"database", "dir"}}),
          {}};
}

StepSchema copy_db_schema() {
  return {"copy-db", 1,
          "copies schema and data to another database of the same type; never writes the source; "
          "resumes per table; verified",
          Effect::Write,
          types::object({
              required_field("from", types::database(),
                             "the source database, read in one consistent snapshot and never written"),
              required_field("to", types::database(), "the target database, which must be empty"),
              optional_field("tables", types::list_of(types::string()), "copy only these tables (default: all)"),
              optional_field("exclude_tables", types::list_of(types::string()), "tables not to copy"),
              default_field("verify", types::boolean(), true,
                            "compare row counts and content checksums of every table after copying"),
              default_field("jobs", types::integer(), 2, "how many tables are copied at the same time").as_tuning(),
              default_field("batch_rows", types::integer(), 10000,
                            "rows per write to the target, and per progress checkpoint")
                  .as_tuning(),
          }),
          {"tables", "rows"}};
}

StepSchema copy_dir_schema() {
  return {"copy-dir", 1,
          "copies a directory tree exactly (modes, times, symlinks), with excludes; resumes per file; verified",
          Effect::Write,
          types::object({
              required_field("from", types::path(), "the directory to copy, never written"),
              required_field("to", types::path(),
                             "where the copy goes; created if absent, files already there are replaced"),
              optional_field("exclude", types::list_of(types::string()),
                             "glob patterns, relative to `from`, of files and directories not to copy"),
              default_field("verify", types::boolean(), true,
                            "compare the size and sha256 of every copied file with its source"),
              default_field("preserve_owner", types::boolean(), false,
                            "also keep the owner and group of every file (needs root)"),
          }),
          {"files", "bytes"}};
}

StepSchema unpack_schema() {
  return {"unpack", 1, "unpacks a product archive (zip, tar.*) into a new home", Effect::Create,
          types::object({
              required_field("archive", types::path(), "the archive; its format is read from its content"),
              required_field("to", types::path(), "the directory to unpack into, created if absent"),
              default_field("strip_components", types::integer(), 0,
                            "leading path components to drop from every entry, as tar --strip-components"),
          }),
          {"files"}};
}

StepSchema update_config_schema() {
  // Exactly one of xml / properties / yaml: a file has one format, and the key says which. A step
  // that mixed two would be a mistake; changing several files takes several steps.
  return {"update-config", 1,
          "sets values in an XML (XPath), properties or YAML configuration file; a dry run shows the diff",
          Effect::Create,
          types::object(
              {
                  required_field("file", types::path(), "the configuration file to change"),
                  optional_field("xml",
                                 assignment("XPath of the element or attribute, "
                                            "e.g. //datasource[name='WSO2_CARBON_DB']/definition/configuration/url",
                                            types::string(), "its new text"),
                                 "changes to an XML file"),
                  optional_field("properties",
                                 types::one_of({types::map_of(types::string()),
                                                assignment("the property key", types::string(), "its new value")}),
                                 "changes to a Java properties file: key: value, or a list of set/value"),
                  optional_field("yaml",
                                 assignment("dotted path of the key, e.g. server.port", types::any(),
                                            "its new value (text, number, list or map)"),
                                 "changes to a YAML file"),
                  optional_field("namespaces", types::map_of(types::string()),
                                 "XPath prefixes for a namespaced XML file, e.g. c: http://wso2.org/projects/carbon/carbon.xml"),
              },
              {{"xml", "properties", "yaml"}}),
          {"changed"}};
}

namespace {

TypeSpec smoke_check() {
  TypeSpec sql = types::object(
      {
          required_field("database", types::database(), "the database the query runs on"),
          required_field("query", types::string(), "the SQL query; its whole result is compared"),
          optional_field("equals", types::any(), "the expected result: one value, or a list of rows"),
          optional_field("equals_query_on", types::database(),
                         "run the same query on this database and expect the same result (source vs target)"),
      },
      {{"equals", "equals_query_on"}});
  TypeSpec command = types::object({
      required_field("command", command_line_type(), "the command, as in a run step"),
      expect_exit_field(),
  });
  return types::object(
      {
          optional_field("name", types::string(), "a label for the check in the report"),
          optional_field("sql", std::move(sql), "a query whose result must match"),
          optional_field("http", http_probe_type(true), "a URL that must answer as expected"),
          optional_field("command", std::move(command), "a command that must exit as expected"),
      },
      {{"sql", "http", "command"}});
}

}  // namespace

StepSchema smoke_test_schema() {
  return {"smoke-test", 1,
          "checks after the upgrade: SQL results, source-vs-target comparisons, HTTP answers, commands",
          Effect::Check,
          types::object({
              required_field("checks", types::list_of(smoke_check()),
                             "the checks; all of them run, and the step fails if any fails"),
          }),
          {"passed", "failed"}};
}

}  // namespace planrun
