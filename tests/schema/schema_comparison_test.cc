// compare-schema's comparison, allowances and report on models built here: schemas in,
// differences out, no database.

#include "interpreter/schema/schema_comparison.h"

#include <gtest/gtest.h>

#include "interpreter/schema/schema_allowances.h"
#include "interpreter/schema/schema_difference_report.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

DatabaseSchema carbon_like() {
  SchemaTable user{"UM_USER",
                   {{"UM_ID", "INTEGER", false, std::nullopt},
                    {"UM_USER_NAME", "VARCHAR(255)", false, std::nullopt},
                    {"UM_TENANT_ID", "INTEGER", false, "0"}},
                   SchemaKey{"UM_USER_PK", {"UM_ID", "UM_TENANT_ID"}},
                   {{"UM_USER_NAME_UNIQUE", {"UM_USER_NAME", "UM_TENANT_ID"}}},
                   {{"UM_USER_NAME_IDX", {"UM_USER_NAME"}, false, "btree"}},
                   {}};
  SchemaTable attribute{"UM_USER_ATTRIBUTE",
                        {{"UM_ID", "INTEGER", false, std::nullopt}, {"UM_USER_ID", "INTEGER", true, std::nullopt},
                         {"UM_TENANT_ID", "INTEGER", true, "0"}},
                        SchemaKey{"UM_USER_ATTRIBUTE_PK", {"UM_ID"}},
                        {},
                        {},
                        {{"UM_ATTR_USER_FK", {"UM_USER_ID", "UM_TENANT_ID"}, "UM_USER", {"UM_ID", "UM_TENANT_ID"}, "CASCADE", "NO ACTION"}}};
  return {{attribute, user}, {{"UM_ID_SEQ", {{"start", "1"}, {"increment", "1"}}}}};
}

SchemaTable& table(DatabaseSchema& schema, const std::string& name) {
  for (SchemaTable& table : schema.tables)
    if (table.name == name) return table;
  throw std::logic_error("no table " + name);
}

std::vector<std::string> labels(const std::vector<SchemaDifference>& differences) {
  std::vector<std::string> found;
  for (const SchemaDifference& difference : differences) found.push_back(difference.label());
  return found;
}

TEST(SchemaComparison, EqualSchemasHaveNoDifference) {
  EXPECT_TRUE(compare_schemas(carbon_like(), carbon_like()).empty());
}

TEST(SchemaComparison, MissingAndExtraTablesAndColumnsAreNamedWithBothSides) {
  DatabaseSchema actual = carbon_like();
  actual.tables.erase(actual.tables.begin());  // UM_USER_ATTRIBUTE
  table(actual, "UM_USER").columns.push_back({"UM_SALT", "VARCHAR(31)", true, std::nullopt});
  table(actual, "UM_USER").columns.erase(table(actual, "UM_USER").columns.begin() + 1);
  std::vector<SchemaDifference> differences = compare_schemas(carbon_like(), actual);
  ASSERT_EQ(labels(differences), (std::vector<std::string>{"missing: table UM_USER column UM_USER_NAME",
                                                           "extra: table UM_USER column UM_SALT",
                                                           "missing: table UM_USER_ATTRIBUTE"}));
  EXPECT_EQ(differences[0].reference, "VARCHAR(255) NOT NULL");
  EXPECT_EQ(differences[0].actual, "absent");
  EXPECT_EQ(differences[1].reference, "absent");
  EXPECT_EQ(differences[1].actual, "VARCHAR(31) NULL");
  EXPECT_EQ(differences[2].reference, "table of 3 columns");
}

TEST(SchemaComparison, ColumnTypeNullabilityAndDefaultChangesAreSeparateDifferences) {
  DatabaseSchema actual = carbon_like();
  SchemaColumn& tenant = table(actual, "UM_USER").columns[2];
  tenant.type = "BIGINT";
  tenant.nullable = true;
  tenant.default_text = std::nullopt;
  std::vector<SchemaDifference> differences = compare_schemas(carbon_like(), actual);
  ASSERT_EQ(labels(differences), (std::vector<std::string>{"changed: table UM_USER column UM_TENANT_ID type",
                                                           "changed: table UM_USER column UM_TENANT_ID null",
                                                           "changed: table UM_USER column UM_TENANT_ID default"}));
  EXPECT_EQ(differences[0].reference, "INTEGER");
  EXPECT_EQ(differences[0].actual, "BIGINT");
  EXPECT_EQ(differences[1].actual, "NULL");
  EXPECT_EQ(differences[2].reference, "0");
  EXPECT_EQ(differences[2].actual, "(no default)");
}

TEST(SchemaComparison, ARenamedIndexIsOneNameChangeUnlessNamesAreIgnored) {
  DatabaseSchema actual = carbon_like();
  table(actual, "UM_USER").indexes[0].name = "IDX_OLD_NAME";
  std::vector<SchemaDifference> differences = compare_schemas(carbon_like(), actual);
  ASSERT_EQ(labels(differences), std::vector<std::string>{"changed: table UM_USER index UM_USER_NAME_IDX name"});
  EXPECT_EQ(differences[0].reference, "UM_USER_NAME_IDX");
  EXPECT_EQ(differences[0].actual, "IDX_OLD_NAME");
  EXPECT_TRUE(compare_schemas(carbon_like(), actual, {.ignore_index_names = true}).empty());
}

TEST(SchemaComparison, IgnoredIndexNamesStillCompareTheIndexesContent) {
  DatabaseSchema actual = carbon_like();
  SchemaIndex& index = table(actual, "UM_USER").indexes[0];
  index.name = "OTHER";
  index.columns = {"UM_USER_NAME", "UM_TENANT_ID"};
  std::vector<SchemaDifference> differences = compare_schemas(carbon_like(), actual, {.ignore_index_names = true});
  EXPECT_EQ(labels(differences), (std::vector<std::string>{"missing: table UM_USER index (UM_USER_NAME)",
                                                           "extra: table UM_USER index (UM_USER_NAME, UM_TENANT_ID)"}));
}

TEST(SchemaComparison, AnIndexWithTheSameNameButOtherColumnsOrMethodIsChanged) {
  DatabaseSchema actual = carbon_like();
  SchemaIndex& index = table(actual, "UM_USER").indexes[0];
  index.columns = {"UM_USER_NAME", "UM_TENANT_ID"};
  index.unique = true;
  index.method = "hash";
  EXPECT_EQ(labels(compare_schemas(carbon_like(), actual)),
            (std::vector<std::string>{"changed: table UM_USER index UM_USER_NAME_IDX columns",
                                      "changed: table UM_USER index UM_USER_NAME_IDX unique",
                                      "changed: table UM_USER index UM_USER_NAME_IDX method"}));
}

TEST(SchemaComparison, KeysAndForeignKeysCompareByNameUnlessConstraintNamesAreIgnored) {
  DatabaseSchema actual = carbon_like();
  table(actual, "UM_USER").primary_key->name = "PRIMARY";
  table(actual, "UM_USER").unique_constraints[0].name = "UM_USER_UQ";
  SchemaForeignKey& key = table(actual, "UM_USER_ATTRIBUTE").foreign_keys[0];
  key.name = "FK_1";
  key.on_delete = "NO ACTION";
  std::vector<SchemaDifference> differences = compare_schemas(carbon_like(), actual);
  EXPECT_EQ(labels(differences),
            (std::vector<std::string>{"changed: table UM_USER primary key name",
                                      "changed: table UM_USER unique constraint UM_USER_NAME_UNIQUE name",
                                      "changed: table UM_USER_ATTRIBUTE foreign key UM_ATTR_USER_FK name",
                                      "changed: table UM_USER_ATTRIBUTE foreign key UM_ATTR_USER_FK on delete"}));
  EXPECT_EQ(labels(compare_schemas(carbon_like(), actual, {.ignore_constraint_names = true})),
            std::vector<std::string>{
                "changed: table UM_USER_ATTRIBUTE foreign key (UM_USER_ID, UM_TENANT_ID) -> UM_USER (UM_ID, UM_TENANT_ID) on delete"});
}

TEST(SchemaComparison, PrimaryKeyColumnsAndPresenceAreCompared) {
  DatabaseSchema actual = carbon_like();
  table(actual, "UM_USER").primary_key->columns = {"UM_ID"};
  table(actual, "UM_USER_ATTRIBUTE").primary_key.reset();
  std::vector<SchemaDifference> differences = compare_schemas(carbon_like(), actual);
  ASSERT_EQ(labels(differences), (std::vector<std::string>{"changed: table UM_USER primary key columns",
                                                           "missing: table UM_USER_ATTRIBUTE primary key"}));
  EXPECT_EQ(differences[0].reference, "(UM_ID, UM_TENANT_ID)");
  EXPECT_EQ(differences[0].actual, "(UM_ID)");
}

TEST(SchemaComparison, SequencesAreComparedByNameAndProperties) {
  DatabaseSchema actual = carbon_like();
  actual.sequences[0].properties["start"] = "100";
  actual.sequences.push_back({"EXTRA_SEQ", {}});
  EXPECT_EQ(labels(compare_schemas(carbon_like(), actual)),
            (std::vector<std::string>{"changed: sequence UM_ID_SEQ start", "extra: sequence EXTRA_SEQ"}));
}

TEST(SchemaText, SpellingDifferencesNormalizeAway) {
  EXPECT_EQ(normalized_sql_text("varchar (255)"), "VARCHAR(255)");
  EXPECT_EQ(normalized_sql_text("  ((0))  "), "0");
  EXPECT_EQ(normalized_sql_text("'Mixed  Case'"), "'Mixed  Case'");
  EXPECT_EQ(normalized_sql_text("(a) + (b)"), "(A)+(B)");  // not wrapped: both parentheses stay
  EXPECT_EQ(normalized_sql_text("a  +\n b"), "A + B");
  EXPECT_EQ(normalized_sql_text("current_timestamp"), "CURRENT_TIMESTAMP");
}

std::vector<SchemaDifference> drift() {
  DatabaseSchema actual = carbon_like();
  table(actual, "UM_USER").indexes[0].name = "IDX_OLD_NAME";
  table(actual, "UM_USER").columns[2].default_text = "-1234";
  return compare_schemas(carbon_like(), actual);
}

TEST(SchemaAllowances, AnEntryAllowsTheDifferenceItLabelsAndWhatLiesUnderIt) {
  std::vector<SchemaDifference> differences = drift();
  EXPECT_TRUE(apply_allowances(differences, {"changed: table UM_USER column UM_TENANT_ID default"}).empty());
  EXPECT_TRUE(differences[0].allowed);  // columns come before indexes
  EXPECT_FALSE(differences[1].allowed);
  std::vector<SchemaDifference> all = drift();
  EXPECT_TRUE(apply_allowances(all, {"*: table UM_USER"}).empty());
  for (const SchemaDifference& difference : all) EXPECT_TRUE(difference.allowed) << difference.label();
}

TEST(SchemaAllowances, NamesMatchWhateverTheirCaseAsPostgresqlFoldsThem) {
  std::vector<SchemaDifference> differences = drift();
  EXPECT_TRUE(apply_allowances(differences, {"changed: table um_user column um_tenant_id default"}).empty());
  EXPECT_TRUE(differences[0].allowed);
  EXPECT_FALSE(differences[1].allowed);
}

TEST(SchemaAllowances, AnEntryThatMatchesNothingIsReturnedAsUnused) {
  std::vector<SchemaDifference> differences = drift();
  EXPECT_EQ(apply_allowances(differences, {"extra: table UM_*", "changed: table UM_USER index * name"}),
            std::vector<std::string>{"extra: table UM_*"});
  size_t allowed = 0;
  for (const SchemaDifference& difference : differences) allowed += difference.allowed;
  EXPECT_EQ(allowed, 1u);
}

TEST(SchemaAllowances, AMalformedEntryIsNamed) {
  EXPECT_FALSE(allowance_error("changed: table T"));
  ASSERT_TRUE(allowance_error("table T column C"));
  EXPECT_NE(allowance_error("renamed: table T")->find("'renamed: table T'"), std::string::npos);
}

TEST(SchemaReport, TheTableIsAlignedAndTheJsonHoldsEveryField) {
  std::vector<SchemaDifference> differences = drift();
  apply_allowances(differences, {"changed: table UM_USER column UM_TENANT_ID default"});
  EXPECT_EQ(difference_table(differences, {"v2.sql", "staging"}),
            "reference: v2.sql\n"
            "actual:    staging\n"
            "kind               object                                     reference         actual\n"
            "changed (allowed)  table UM_USER column UM_TENANT_ID default  0                 -1234\n"
            "changed            table UM_USER index UM_USER_NAME_IDX name  UM_USER_NAME_IDX  IDX_OLD_NAME");
  nlohmann::json json = difference_json(differences, {"v2.sql", "staging"}, {"extra: table X"});
  EXPECT_EQ(json["differences"].size(), 2u);
  EXPECT_EQ(json["differences"][1]["object"], "table UM_USER index UM_USER_NAME_IDX name");
  EXPECT_EQ(json["differences"][0]["allowed"], true);
  EXPECT_EQ(json["unused_allowances"][0], "extra: table X");
}

}  // namespace
}  // namespace planrun
