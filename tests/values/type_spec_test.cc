#include "interpreter/values/type_spec.h"

#include <gtest/gtest.h>

namespace planrun {
namespace PLANRUN_UNITY_ID {

using Kind = TypeSpec::Kind;

FieldSpec field(std::string name, TypeSpec type, bool required = false, std::optional<Value> default_value = {}) {
  return FieldSpec{std::move(name), std::move(type), required, std::move(default_value), "doc"};
}

// The error conform() gives, or "ok" when it accepts the value.
std::string error_of(const Value& value, const TypeSpec& type) {
  std::string error;
  return conform(value, type, &error) ? "ok" : error;
}

Value conformed(const Value& value, const TypeSpec& type) {
  std::string error;
  auto result = conform(value, type, &error);
  EXPECT_TRUE(result) << error;
  return result.value_or(Value());
}

TEST(TypeSpec, DescribesTypesAsMessagesNameThem) {
  EXPECT_EQ(types::string().describe(), "string");
  EXPECT_EQ(types::integer().describe(), "int");
  EXPECT_EQ(types::list_of(types::path()).describe(), "list of path");
  EXPECT_EQ(types::map_of(types::string()).describe(), "map of string");
  EXPECT_EQ(types::list_of(types::list_of(types::integer())).describe(), "list of list of int");
  EXPECT_EQ(types::one_of({types::string(), types::list_of(types::string())}).describe(), "string or list of string");
  EXPECT_EQ(types::object({}).describe(), "object");
  TypeSpec untyped_list;
  untyped_list.kind = Kind::List;
  EXPECT_EQ(untyped_list.describe(), "list");
  EXPECT_EQ(types::any().describe(), "any");
}

TEST(TypeSpec, BuildersSetKindAndParts) {
  TypeSpec object = types::object({field("a", types::string()), field("b", types::path())}, {{"a", "b"}});
  EXPECT_EQ(object.kind, Kind::Object);
  ASSERT_EQ(object.fields.size(), 2u);
  EXPECT_EQ(object.fields[1].name, "b");
  ASSERT_EQ(object.exactly_one_of.size(), 1u);
  EXPECT_EQ(object.exactly_one_of[0], (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(types::map_of(types::integer()).element.at(0).kind, Kind::Int);
  EXPECT_EQ(types::one_of({types::string(), types::integer()}).alternatives.size(), 2u);
  EXPECT_EQ(types::duration().kind, Kind::Duration);
  EXPECT_EQ(types::database().kind, Kind::Database);
  EXPECT_EQ(types::secret().kind, Kind::Secret);
}

TEST(TypeSpec, ParamKindsAreTheDocumentedNames) {
  EXPECT_EQ(param_kind_names(), (std::vector<std::string>{"string", "int", "bool", "path", "duration", "list", "map",
                                                          "database", "secret"}));
  for (const std::string& name : param_kind_names()) {
    ASSERT_TRUE(param_kind(name)) << name;
    EXPECT_EQ(kind_name(*param_kind(name)), name);
  }
  EXPECT_FALSE(param_kind("object"));
  EXPECT_FALSE(param_kind("any"));
  EXPECT_FALSE(param_kind("integer"));
  EXPECT_EQ(kind_name(Kind::Object), "object");
}

TEST(TypeSpec, StringAndPathTakeTextAndPlainScalars) {
  EXPECT_EQ(conformed("abc", types::string()), Value("abc"));
  EXPECT_EQ(conformed(8080, types::string()), Value("8080"));
  EXPECT_EQ(conformed(true, types::path()), Value("true"));
  EXPECT_EQ(conformed(1.1, types::string()), Value("1.1"));
  EXPECT_EQ(error_of(Value::List{}, types::string()), "expected string, got list");
  EXPECT_EQ(error_of(Value(), types::path()), "expected path, got null");
}

TEST(TypeSpec, IntTakesIntsAndDigitStrings) {
  EXPECT_EQ(conformed(42, types::integer()), Value(42));
  EXPECT_EQ(conformed("42", types::integer()), Value(42));
  EXPECT_EQ(conformed("-7", types::integer()), Value(-7));
  EXPECT_EQ(error_of("abc", types::integer()), "expected int, got string 'abc'");
  EXPECT_EQ(error_of("4 2", types::integer()), "expected int, got string '4 2'");
  EXPECT_EQ(error_of("", types::integer()), "expected int, got string ''");
  EXPECT_EQ(error_of(1.5, types::integer()), "expected int, got number '1.5'");
  EXPECT_EQ(error_of(true, types::integer()), "expected int, got bool 'true'");
  EXPECT_EQ(error_of("99999999999999999999", types::integer()), "expected int, got string '99999999999999999999'");
}

TEST(TypeSpec, BoolTakesBoolsAndTheirWords) {
  EXPECT_EQ(conformed(false, types::boolean()), Value(false));
  EXPECT_EQ(conformed("yes", types::boolean()), Value(true));
  EXPECT_EQ(conformed("True", types::boolean()), Value(true));
  EXPECT_EQ(conformed("no", types::boolean()), Value(false));
  EXPECT_EQ(error_of("maybe", types::boolean()), "expected bool, got string 'maybe'");
  EXPECT_EQ(error_of(1, types::boolean()), "expected bool, got int '1'");
}

TEST(TypeSpec, DurationStaysTextAndSecondsBecomeText) {
  EXPECT_EQ(conformed("5m", types::duration()), Value("5m"));
  EXPECT_EQ(conformed("1h30m", types::duration()), Value("1h30m"));
  EXPECT_EQ(conformed(30, types::duration()), Value("30"));
  EXPECT_EQ(error_of("5 minutes", types::duration()),
            "expected duration (like 30s, 5m or 1h30m), got string '5 minutes'");
  EXPECT_EQ(error_of(-5, types::duration()), "expected duration (like 30s, 5m or 1h30m), got int '-5'");
}

TEST(TypeSpec, DatabaseTakesWhatParseDsnAccepts) {
  EXPECT_EQ(conformed("sqlite:data/carbon.db", types::database()), Value("sqlite:data/carbon.db"));
  EXPECT_EQ(conformed("jdbc:mysql://db:3306/carbon", types::database()), Value("jdbc:mysql://db:3306/carbon"));
  std::string error = error_of("oracle://x/y", types::database());
  EXPECT_TRUE(error.starts_with("invalid DSN 'oracle://x/y': ")) << error;
  EXPECT_EQ(error_of(5, types::database()), "expected database, got int '5'");
}

TEST(TypeSpec, SecretTakesTextAndIsMarkedSecret) {
  Value value = conformed("hunter2", types::secret());
  EXPECT_TRUE(value.secret());
  EXPECT_EQ(value.display(), "***");
  EXPECT_EQ(error_of(Value::Map{}, types::secret()), "expected secret, got map");
}

TEST(TypeSpec, ErrorsNeverShowSecretText) {
  Value secret = Value("hunter2").mark_secret();
  EXPECT_EQ(error_of(secret, types::integer()), "expected int, got string '***'");
  EXPECT_EQ(error_of(secret, types::database()), "invalid database DSN (from a secret, not shown)");
  EXPECT_TRUE(conformed(secret, types::string()).secret());
}

TEST(TypeSpec, AnyTakesAnything) {
  EXPECT_EQ(conformed(Value::List{1, "a"}, types::any()), (Value(Value::List{1, "a"})));
  EXPECT_EQ(conformed(Value(), types::any()), Value());
}

TEST(TypeSpec, ListAndMapCheckEachElementAndSayWhich) {
  EXPECT_EQ(conformed(Value::List{"9443", 9763}, types::list_of(types::integer())), (Value(Value::List{9443, 9763})));
  EXPECT_EQ(error_of(Value::List{1, "x"}, types::list_of(types::integer())), "[1]: expected int, got string 'x'");
  EXPECT_EQ(error_of("a", types::list_of(types::path())), "expected list of path, got string 'a'");
  EXPECT_EQ(conformed(Value::Map{{"A", 1}}, types::map_of(types::string())), (Value(Value::Map{{"A", "1"}})));
  EXPECT_EQ(error_of(Value::Map{{"HOME", Value::List{}}}, types::map_of(types::string())),
            "HOME: expected string, got list");
  EXPECT_EQ(error_of(Value::List{}, types::map_of(types::string())), "expected map of string, got list");
}

TypeSpec check_type() {
  TypeSpec sql = types::object({field("database", types::database(), true), field("query", types::string(), true),
                                field("equals", types::any()), field("equals_query_on", types::database())},
                               {{"equals", "equals_query_on"}});
  return types::object({field("tables", types::list_of(types::string())),
                        field("checks", types::list_of(types::object({field("sql", sql)}))),
                        field("verify", types::boolean(), false, Value(true)),
                        field("jobs", types::integer(), false, Value(2))});
}

TEST(TypeSpec, ObjectRejectsUnknownFieldsWithASuggestion) {
  EXPECT_EQ(error_of(Value::Map{{"tablez", Value::List{}}}, check_type()),
            "unknown field 'tablez' (did you mean 'tables'?)");
  EXPECT_EQ(error_of(Value::Map{{"zzzzzz", 1}}, check_type()), "unknown field 'zzzzzz'");
  EXPECT_EQ(error_of("x", check_type()), "expected object, got string 'x'");
}

TEST(TypeSpec, ObjectFillsDefaultsAndConvertsFields) {
  Value result = conformed(Value::Map{{"jobs", "4"}}, check_type());
  EXPECT_EQ(result, (Value(Value::Map{{"jobs", 4}, {"verify", true}})));
  // A field written as null is not given: its default applies.
  EXPECT_EQ(conformed(Value::Map{{"verify", Value()}}, check_type()), (Value(Value::Map{{"jobs", 2}, {"verify", true}})));
}

TEST(TypeSpec, NestedErrorsCarryTheirPath) {
  Value::Map good_sql{{"database", "sqlite:a.db"}, {"query", "SELECT 1"}, {"equals", 1}};
  Value::Map missing_query{{"database", "sqlite:a.db"}, {"equals", 1}};
  Value checks = Value::List{Value::Map{{"sql", good_sql}}, Value::Map{{"sql", missing_query}}};
  EXPECT_EQ(error_of(Value::Map{{"checks", checks}}, check_type()),
            "checks[1].sql: missing required field 'query' (string)");
  Value::Map typo{{"database", "sqlite:a.db"}, {"querry", "x"}};
  EXPECT_EQ(error_of(Value::Map{{"checks", Value::List{Value::Map{{"sql", typo}}}}}, check_type()),
            "checks[0].sql: unknown field 'querry' (did you mean 'query'?)");
}

TEST(TypeSpec, ExactlyOneOfNeedsOneAndOnlyOne) {
  TypeSpec backup = types::object({field("database", types::database()), field("dir", types::path()),
                                   field("to", types::path(), true)},
                                  {{"database", "dir"}});
  EXPECT_EQ(error_of(Value::Map{{"to", "b"}}, backup), "needs one of 'database', 'dir'");
  EXPECT_EQ(error_of(Value::Map{{"to", "b"}, {"dir", "d"}, {"database", "sqlite:x"}}, backup),
            "takes only one of 'database', 'dir'");
  EXPECT_EQ(error_of(Value::Map{{"to", "b"}, {"dir", "d"}}, backup), "ok");
  EXPECT_EQ(error_of(Value::Map{{"to", "b"}, {"dir", "d"}, {"database", Value()}}, backup), "ok");
}

TEST(TypeSpec, OneOfTakesTheFirstAlternativeThatFits) {
  TypeSpec command = types::one_of({types::string(), types::list_of(types::string())});
  EXPECT_EQ(conformed("ls -l", command), Value("ls -l"));
  EXPECT_EQ(conformed(Value::List{"ls", 1}, command), (Value(Value::List{"ls", "1"})));
  // The shape says which alternative was meant: its error is the useful one.
  EXPECT_EQ(error_of(Value::List{"ls", Value::Map{}}, command), "[1]: expected string, got map");
  EXPECT_EQ(error_of(Value::Map{}, command), "expected string or list of string, got map");
}

TEST(TypeSpec, NullErrorPointerIsAllowed) {
  EXPECT_FALSE(conform("x", types::integer(), nullptr));
  EXPECT_TRUE(conform("1", types::integer(), nullptr));
}

TEST(FieldSpec, AFieldIsPartOfTheFingerprintUnlessMarkedTuning) {
  EXPECT_FALSE(field("verify", types::boolean(), false, Value(true)).tuning);
  FieldSpec jobs = field("jobs", types::integer(), false, Value(2)).as_tuning();
  EXPECT_TRUE(jobs.tuning);
  EXPECT_EQ(jobs.name, "jobs");
  EXPECT_EQ(jobs.default_value, Value(2));
  EXPECT_EQ(jobs.doc, "doc");
}

}  // namespace
}  // namespace planrun
