// The SQLite schema reader against in-memory databases, and the golden readable report of the
// SQLite drift (tests/fixtures/schema-drift/sqlite-report.golden; PLANRUN_UPDATE_GOLDEN=1 rewrites it).

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "interpreter/databases/database_error.h"
#include "interpreter/databases/soci_databases.h"
#include "interpreter/schema/schema_comparison.h"
#include "interpreter/schema/schema_difference_report.h"
#include "interpreter/schema/schema_reader.h"
#include "interpreter/schema/scratch_schema.h"
#include "interpreter/schema/script_loader.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

namespace fs = std::filesystem;

const fs::path kFixtures = fs::path(PLANRUN_SOURCE_DIR) / "tests/fixtures/schema-drift";

std::string text_of(const fs::path& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

Dsn memory() {
  Dsn dsn;
  dsn.kind = Dsn::Kind::Sqlite;
  dsn.path = ":memory:";
  return dsn;
}

DatabaseSchema schema_of(const std::string& ddl) {
  DatabaseCredentials none;
  SociDatabases databases(none);
  return schema_of_scripts(databases, memory(), {{"test.sql", ddl}});
}

TEST(SqliteSchemaReader, ReadsColumnsKeysIndexesAndForeignKeys) {
  DatabaseSchema schema = schema_of(text_of(kFixtures / "sqlite-v1.sql"));
  std::vector<std::string> tables;
  for (const SchemaTable& table : schema.tables) tables.push_back(table.name);
  EXPECT_EQ(tables, (std::vector<std::string>{"REG_RESOURCE", "UM_TENANT", "UM_USER", "UM_USER_ATTRIBUTE"}));

  const SchemaTable& tenant = *schema.find_table("UM_TENANT");
  ASSERT_EQ(tenant.columns.size(), 5u);
  EXPECT_EQ(tenant.columns[1].name, "UM_DOMAIN_NAME");
  EXPECT_EQ(tenant.columns[1].type, "VARCHAR(255)");
  EXPECT_FALSE(tenant.columns[1].nullable);
  EXPECT_EQ(tenant.columns[3].default_text, "0");
  EXPECT_EQ(tenant.columns[4].default_text, "CURRENT_TIMESTAMP");
  ASSERT_TRUE(tenant.primary_key);
  EXPECT_EQ(tenant.primary_key->columns, std::vector<std::string>{"UM_ID"});
  ASSERT_EQ(tenant.unique_constraints.size(), 1u);
  EXPECT_EQ(tenant.unique_constraints[0].columns, std::vector<std::string>{"UM_DOMAIN_NAME"});

  const SchemaTable& user = *schema.find_table("UM_USER");
  EXPECT_EQ(user.primary_key->columns, (std::vector<std::string>{"UM_ID", "UM_TENANT_ID"}));

  const SchemaTable& attribute = *schema.find_table("UM_USER_ATTRIBUTE");
  ASSERT_EQ(attribute.indexes.size(), 1u);
  EXPECT_EQ(attribute.indexes[0].name, "UM_ATTR_NAME_VALUE_INDEX");
  EXPECT_EQ(attribute.indexes[0].columns, (std::vector<std::string>{"UM_ATTR_NAME", "UM_ATTR_VALUE"}));
  EXPECT_FALSE(attribute.indexes[0].unique);
  ASSERT_EQ(attribute.foreign_keys.size(), 1u);
  EXPECT_EQ(attribute.foreign_keys[0].referenced_table, "UM_USER");
  EXPECT_EQ(attribute.foreign_keys[0].columns, (std::vector<std::string>{"UM_USER_ID", "UM_TENANT_ID"}));
  EXPECT_EQ(attribute.foreign_keys[0].on_delete, "CASCADE");
}

TEST(SqliteSchemaReader, SpellingOfTypesAndDefaultsDoesNotMatter) {
  DatabaseSchema a = schema_of("CREATE TABLE T (A varchar (10) default ( 'x' ), B integer DEFAULT NULL);");
  DatabaseSchema b = schema_of("CREATE TABLE T (A VARCHAR(10) DEFAULT 'x', B INTEGER);");
  EXPECT_TRUE(compare_schemas(a, b).empty());
}

TEST(SqliteSchemaReader, ImplicitReferencesNameThePrimaryKey) {
  DatabaseSchema a = schema_of("CREATE TABLE P (ID INTEGER PRIMARY KEY); CREATE TABLE C (P_ID INTEGER REFERENCES P);");
  DatabaseSchema b = schema_of("CREATE TABLE P (ID INTEGER PRIMARY KEY); CREATE TABLE C (P_ID INTEGER REFERENCES P (ID));");
  EXPECT_TRUE(compare_schemas(a, b).empty());
  EXPECT_EQ(a.find_table("C")->foreign_keys[0].referenced_columns, std::vector<std::string>{"ID"});
}

TEST(SqliteSchemaReader, AFailingScriptNamesItselfAndTheReason) {
  try {
    schema_of("CREATE TABLE T (A INTEGER); CREATE TABLE T (A INTEGER);");
    ADD_FAILURE() << "no error";
  } catch (const DatabaseError& error) {
    EXPECT_EQ(std::string(error.what()),
              "the DDL script test.sql failed in an in-memory SQLite database: line 1:29: table T already exists");
  }
}

TEST(SchemaReportGolden, TheSqliteDriftReadsAsTheGoldenFile) {
  DatabaseSchema v1 = schema_of(text_of(kFixtures / "sqlite-v1.sql"));
  DatabaseSchema v2 = schema_of(text_of(kFixtures / "sqlite-v2.sql"));
  std::string report = difference_table(compare_schemas(v2, v1), {"sqlite-v2.sql", "sqlite:staging.db"}) + "\n";
  fs::path golden = kFixtures / "sqlite-report.golden";
  if (std::getenv("PLANRUN_UPDATE_GOLDEN")) std::ofstream(golden) << report;
  EXPECT_EQ(report, text_of(golden));
}

}  // namespace
}  // namespace planrun
