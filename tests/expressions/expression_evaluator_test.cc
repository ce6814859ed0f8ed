#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>

#include "interpreter/expressions/expression.h"

namespace planrun::expr {
namespace PLANRUN_UNITY_ID {

// A Scope over dotted paths ("steps.x.outputs.y") that remembers every path it was asked for.
class FakeScope : public Scope {
 public:
  FakeScope(std::map<std::string, Value> values) : values_(std::move(values)) {}

  std::optional<Value> lookup(const std::vector<std::string>& path) const override {
    std::string key;
    for (const std::string& segment : path) key += (key.empty() ? "" : ".") + segment;
    asked.push_back(key);
    auto found = values_.find(key);
    if (found == values_.end()) return std::nullopt;
    return found->second;
  }

  mutable std::vector<std::string> asked;

 private:
  std::map<std::string, Value> values_;
};

Value secret(Value value) { return value.mark_secret(); }

const FakeScope& scope() {
  static const FakeScope values({
      {"n", 3},
      {"half", 0.5},
      {"name", "Carbon"},
      {"empty", ""},
      {"nothing", nullptr},
      {"items", Value::List{"a", "b"}},
      {"settings", Value::Map{{"port", 5432}, {"host", "db"}}},
      {"password", secret("hunter2")},
      {"credentials", Value::Map{{"user", "app"}, {"password", secret("hunter2")}}},
      {"steps.copy-db.outputs.rows", 120},
      {"env.HOME", "/home/wso2"},
  });
  return values;
}

Value eval(std::string_view text, const Scope& with = scope()) { return evaluate(parse_template(text), with); }

// The message and offset an evaluation fails with.
std::pair<std::string, size_t> error_of(std::string_view text) {
  try {
    eval(text);
  } catch (const ExpressionError& error) {
    return {error.what(), error.offset};
  }
  ADD_FAILURE() << "no error for: " << text;
  return {"", 0};
}

using Error = std::pair<std::string, size_t>;

std::string not_yet_known(std::string_view text) {
  try {
    eval(text);
  } catch (const NotYetKnown& missing) {
    return missing.what();
  }
  ADD_FAILURE() << "no NotYetKnown for: " << text;
  return "";
}

TEST(ExpressionEvaluator, SingleExpressionKeepsItsType) {
  EXPECT_EQ(eval("${ n }"), Value(3));
  EXPECT_TRUE(eval("${ n }").is_int());
  EXPECT_TRUE(eval("${ half }").is_double());
  EXPECT_EQ(eval("${ items }"), Value(Value::List{"a", "b"}));
  EXPECT_TRUE(eval("${ settings }").is_map());
  EXPECT_TRUE(eval("${ nothing }").is_null());
  EXPECT_EQ(eval("${ n == 3 }"), Value(true));
}

TEST(ExpressionEvaluator, MixedTemplateIsText) {
  EXPECT_EQ(eval("n=${n}"), Value("n=3"));
  EXPECT_EQ(eval("${n}${n}"), Value("33"));
  EXPECT_EQ(eval(" ${ items }"), Value(" [a, b]"));
  EXPECT_EQ(eval("${ nothing } and ${ true }"), Value("null and true"));
  EXPECT_EQ(eval("${ half }x"), Value("0.5x"));
}

TEST(ExpressionEvaluator, LiteralTemplateIsItsText) {
  EXPECT_EQ(eval("plain"), Value("plain"));
  EXPECT_EQ(eval("$${HOME}"), Value("${HOME}"));
  EXPECT_EQ(eval(""), Value(""));
}

TEST(ExpressionEvaluator, NamesAreLookedUpByTheirFullPathOnly) {
  FakeScope recording({{"steps.copy-db.outputs.rows", 7}, {"steps", Value::Map{}}});
  EXPECT_EQ(eval("${ steps.copy-db.outputs.rows }", recording), Value(7));
  EXPECT_EQ(recording.asked, (std::vector<std::string>{"steps.copy-db.outputs.rows"}));
}

TEST(ExpressionEvaluator, APrefixMapIsNotUsedForAMissingFullPath) {
  FakeScope prefix_only({{"steps.a", Value::Map{{"outputs", Value::Map{{"x", 1}}}}}});
  try {
    eval("${ steps.a.outputs.x }", prefix_only);
    FAIL() << "expected NotYetKnown";
  } catch (const NotYetKnown& missing) {
    EXPECT_STREQ(missing.what(), "steps.a.outputs.x");
  }
  EXPECT_EQ(prefix_only.asked, (std::vector<std::string>{"steps.a.outputs.x"}));
}

TEST(ExpressionEvaluator, NotYetKnownNamesTheDottedPath) {
  EXPECT_EQ(not_yet_known("${ steps.load.outputs.count }"), "steps.load.outputs.count");
  EXPECT_EQ(not_yet_known("text ${ later } text"), "later");
  // The scope holds `settings` as a map but not the path settings.port itself.
  EXPECT_EQ(not_yet_known("${ settings.port == 5432 }"), "settings.port");
}

TEST(ExpressionEvaluator, NotYetKnownPropagatesThroughOperatorsAndCalls) {
  EXPECT_EQ(not_yet_known("${ n + later }"), "later");
  EXPECT_EQ(not_yet_known("${ default(later, 'x') }"), "later");
  EXPECT_EQ(not_yet_known("${ default(nothing, later) }"), "later");
  EXPECT_EQ(not_yet_known("${ !later }"), "later");
  EXPECT_EQ(not_yet_known("${ true && later }"), "later");
  EXPECT_EQ(not_yet_known("${ later || true }"), "later");
}

TEST(ExpressionEvaluator, LogicalOperatorsShortCircuit) {
  EXPECT_EQ(eval("${ false && later }"), Value(false));
  EXPECT_EQ(eval("${ true || later }"), Value(true));
  EXPECT_EQ(eval("${ empty && later }"), Value(false));
}

TEST(ExpressionEvaluator, LogicalOperatorsYieldBools) {
  EXPECT_EQ(eval("${ name && n }"), Value(true));
  EXPECT_EQ(eval("${ empty || nothing }"), Value(false));
  EXPECT_EQ(eval("${ !name }"), Value(false));
  EXPECT_EQ(eval("${ !'false' }"), Value(true));
}

TEST(ExpressionEvaluator, Addition) {
  EXPECT_EQ(eval("${ 1 + 2 }"), Value(3));
  EXPECT_TRUE(eval("${ 1 + 2 }").is_int());
  EXPECT_EQ(eval("${ 1 + 2.5 }"), Value(3.5));
  EXPECT_EQ(eval("${ half + half }"), Value(1.0));
  EXPECT_TRUE(eval("${ half + half }").is_double());
}

TEST(ExpressionEvaluator, AdditionWithAStringConcatenatesText) {
  EXPECT_EQ(eval("${ 'a' + 'b' }"), Value("ab"));
  EXPECT_EQ(eval("${ name + n }"), Value("Carbon3"));
  EXPECT_EQ(eval("${ n + name }"), Value("3Carbon"));
  EXPECT_EQ(eval("${ 'x' + nothing }"), Value("xnull"));
  EXPECT_EQ(eval("${ 'v' + true }"), Value("vtrue"));
  EXPECT_EQ(eval("${ env.HOME + '/repository' }"), Value("/home/wso2/repository"));
}

TEST(ExpressionEvaluator, AdditionTypeErrorsPointAtTheOperator) {
  EXPECT_EQ(error_of("${ 1 + true }"), Error("cannot apply '+' to int and bool", 5));
  EXPECT_EQ(error_of("abc ${ n +nothing }"), Error("cannot apply '+' to int and null", 9));
  EXPECT_EQ(error_of("${ items + items }"), Error("cannot apply '+' to list and list", 9));
  EXPECT_EQ(error_of("${ 9223372036854775807 + 1 }"), Error("integer overflow in '+'", 23));
}

TEST(ExpressionEvaluator, Comparisons) {
  EXPECT_EQ(eval("${ 1 < 2 }"), Value(true));
  EXPECT_EQ(eval("${ 2 <= 2.0 }"), Value(true));
  EXPECT_EQ(eval("${ half > 1 }"), Value(false));
  EXPECT_EQ(eval("${ n >= 3 }"), Value(true));
  EXPECT_EQ(eval("${ 'apple' < 'banana' }"), Value(true));
  EXPECT_EQ(eval("${ 'b' <= 'a' }"), Value(false));
  EXPECT_EQ(eval("${ 9007199254740993 > 9007199254740992 }"), Value(true));
}

TEST(ExpressionEvaluator, ComparisonTypeErrorsNameBothTypes) {
  EXPECT_EQ(error_of("${ name < 1 }"), Error("cannot apply '<' to string and int", 8));
  EXPECT_EQ(error_of("${ nothing >= 1 }"), Error("cannot apply '>=' to null and int", 11));
  EXPECT_EQ(error_of("${ true > false }"), Error("cannot apply '>' to bool and bool", 8));
}

TEST(ExpressionEvaluator, Equality) {
  EXPECT_EQ(eval("${ 1 == 1.0 }"), Value(true));
  EXPECT_EQ(eval("${ '1' == 1 }"), Value(false));
  EXPECT_EQ(eval("${ nothing == null }"), Value(true));
  EXPECT_EQ(eval("${ name != 'Carbon' }"), Value(false));
  EXPECT_EQ(eval("${ items == items }"), Value(true));
}

TEST(ExpressionEvaluator, Truthiness) {
  for (Value falsy : {Value(false), Value(nullptr), Value(0), Value(0.0), Value(""), Value("false"), Value(Value::List{}),
                      Value(Value::Map{})})
    EXPECT_FALSE(truthy(falsy)) << falsy.display();
  for (Value truthful : {Value(true), Value(1), Value(-1), Value(0.5), Value("0"), Value("no"), Value("False"),
                         Value(Value::List{Value(false)}), Value(Value::Map{{"k", Value()}})})
    EXPECT_TRUE(truthy(truthful)) << truthful.display();
}

TEST(ExpressionEvaluator, SecretsTaintWhatIsBuiltFromThem) {
  EXPECT_TRUE(eval("${ password }").secret());
  Value text = eval("pw=${ password }");
  EXPECT_TRUE(text.secret());
  EXPECT_EQ(text.as_string(), "pw=hunter2");
  EXPECT_TRUE(eval("${ 'x' + password }").secret());
  EXPECT_TRUE(eval("${ upper(password) }").secret());
  EXPECT_TRUE(eval("${ password == 'x' }").secret());
  EXPECT_TRUE(eval("${ !password }").secret());
  EXPECT_TRUE(eval("${ password && true }").secret());
  EXPECT_TRUE(eval("${ default(nothing, password) }").secret());
  EXPECT_TRUE(eval("user: ${ credentials }").secret());
}

// A command's output may show the secret part alone: "echo ${upper(pw)}" prints HUNTER2.
TEST(ExpressionEvaluator, TextBuiltAroundASecretRemembersTheSecretParts) {
  EXPECT_EQ(eval("echo ${ upper(password) } for ${ 'x' }").secret_parts(), std::vector<std::string>{"HUNTER2"});
  EXPECT_EQ(eval("${ 'pw=' + lower(password) }").secret_parts(), std::vector<std::string>{"hunter2"});
  EXPECT_EQ(eval("a ${ 'b=' + password } c").secret_parts(), std::vector<std::string>{"hunter2"});
  EXPECT_TRUE(eval("${ password }").secret_parts().empty());  // secret as a whole
  EXPECT_TRUE(eval("plain ${ 'text' }").secret_parts().empty());
}

TEST(ExpressionEvaluator, ValuesWithoutSecretsStayPlain) {
  EXPECT_FALSE(eval("${ name }").secret());
  EXPECT_FALSE(eval("a ${ name } ${ n + 1 }").secret());
  EXPECT_FALSE(eval("${ false && password }").secret());
}

TEST(ExpressionEvaluator, EvaluatesASingleExpressionNode) {
  Template t = parse_template("${ n + 1 }");
  EXPECT_EQ(evaluate(*t.parts[0].expression, scope()), Value(4));
}

TEST(ExpressionEvaluator, MembersOfComputedValues) {
  EXPECT_EQ(eval("${ default(settings, null).port }"), Value(5432));
  EXPECT_TRUE(eval("${ default(credentials, null).password }").secret());
  //                  0         1         2         3
  //                  0123456789012345678901234567890
  EXPECT_EQ(error_of("${ default(settings, null).prt }"), Error("no member 'prt' in map (did you mean 'port'?)", 27));
  EXPECT_EQ(error_of("${ lower(name).size }"), Error("cannot read member 'size' of string", 15));
}

// Built-in functions.

TEST(ExpressionFunctions, EachHasADocAndASaneArity) {
  std::set<std::string> names;
  for (const FunctionSignature& f : functions()) {
    names.insert(f.name);
    EXPECT_FALSE(f.doc.empty()) << f.name;
    EXPECT_LE(f.min_arguments, f.max_arguments) << f.name;
  }
  for (std::string required : {"exists", "basename", "dirname", "default", "lower", "upper", "jdbc_url", "db_type", "get"})
    EXPECT_TRUE(names.count(required)) << required;
}

TEST(ExpressionFunctions, UnknownFunctionSuggestsANearName) {
  EXPECT_EQ(error_of("x ${ lowr(name) }"), Error("unknown function 'lowr' (did you mean 'lower'?)", 5));
  EXPECT_EQ(error_of("${ frobnicate() }"), Error("unknown function 'frobnicate'", 3));
}

TEST(ExpressionFunctions, CallsAreCheckedBeforeArgumentsAreEvaluated) {
  EXPECT_EQ(error_of("${ nope(later) }"), Error("unknown function 'nope'", 3));
  EXPECT_EQ(error_of("${ lower(later, later) }"), Error("lower() takes 1 argument, not 2", 3));
}

TEST(ExpressionFunctions, WrongArgumentCount) {
  EXPECT_EQ(error_of("${ n + default(name) }"), Error("default() takes 2 arguments, not 1", 7));
  EXPECT_EQ(error_of("${ exists() }"), Error("exists() takes 1 argument, not 0", 3));
}

TEST(ExpressionFunctions, WrongArgumentTypeIsReportedAtTheCall) {
  EXPECT_EQ(error_of("${ 'a' + lower(5) }"), Error("lower() expects a string, not int", 9));
  EXPECT_EQ(error_of("${ join(name, ',') }"), Error("join() expects a list as argument 1, not string", 3));
  EXPECT_EQ(error_of("${ join(items, 1) }"), Error("join() expects a string as argument 2, not int", 3));
  EXPECT_EQ(error_of("${ basename(nothing) }"), Error("basename() expects a string, not null", 3));
}

TEST(ExpressionFunctions, Exists) {
  auto here = std::filesystem::temp_directory_path();
  EXPECT_EQ(eval("${ exists(p) }", FakeScope({{"p", here.string()}})), Value(true));
  EXPECT_EQ(eval("${ exists('/no/such/planrun/path') }"), Value(false));
  EXPECT_EQ(eval("${ exists('') }"), Value(false));
}

TEST(ExpressionFunctions, BasenameAndDirnameFollowPosix) {
  std::vector<std::tuple<std::string, std::string, std::string>> cases = {
      {"/a/b.txt", "b.txt", "/a"}, {"/a/b/", "b", "/a"}, {"a/b", "b", "a"}, {"b", "b", "."},
      {"/b", "b", "/"},            {"/", "/", "/"},      {"a//b", "b", "a"}, {"/opt/wso2/carbon-4.4", "carbon-4.4", "/opt/wso2"},
  };
  for (const auto& [path, base, dir] : cases) {
    FakeScope with_path({{"p", path}});
    EXPECT_EQ(eval("${ basename(p) }", with_path), Value(base)) << path;
    EXPECT_EQ(eval("${ dirname(p) }", with_path), Value(dir)) << path;
  }
}

TEST(ExpressionFunctions, DefaultReplacesOnlyNullAndEmpty) {
  EXPECT_EQ(eval("${ default(nothing, 'x') }"), Value("x"));
  EXPECT_EQ(eval("${ default(empty, 'x') }"), Value("x"));
  EXPECT_EQ(eval("${ default(0, 'x') }"), Value(0));
  EXPECT_EQ(eval("${ default(false, 'x') }"), Value(false));
  EXPECT_EQ(eval("${ default(name, 'x') }"), Value("Carbon"));
  EXPECT_EQ(eval("${ default(items, null) }"), Value(Value::List{"a", "b"}));
}

TEST(ExpressionFunctions, LowerAndUpper) {
  EXPECT_EQ(eval("${ lower(name) }"), Value("carbon"));
  EXPECT_EQ(eval("${ upper('mixed-Case_1') }"), Value("MIXED-CASE_1"));
}

TEST(ExpressionFunctions, JdbcUrl) {
  EXPECT_EQ(eval("${ jdbc_url('postgresql://app@db:5432/carbon') }"), Value("jdbc:postgresql://db:5432/carbon"));
  EXPECT_EQ(eval("${ jdbc_url('sqlite:/var/db/wso2.db') }"), Value("jdbc:sqlite:/var/db/wso2.db"));
  EXPECT_EQ(error_of("${ jdbc_url('carbon.db') }"),
            Error("jdbc_url(): DSN 'carbon.db': not a DSN; expected sqlite:path, postgresql://user@host:port/db, "
                  "mysql://user@host:port/db (or mariadb://, postgres://) or their jdbc: forms, or jdbc:h2:path (an embedded H2 database)",
                  3));
}

TEST(ExpressionFunctions, DbType) {
  EXPECT_EQ(eval("${ db_type('postgresql://app@db:5432/carbon') }"), Value("postgresql"));
  EXPECT_EQ(eval("${ db_type('jdbc:mysql://db:3306/carbon') }"), Value("mysql"));
  EXPECT_EQ(eval("${ db_type('mariadb://app@db/carbon') }"), Value("mysql"));
  EXPECT_EQ(eval("${ db_type('sqlite:/var/db/wso2.db') }"), Value("sqlite"));
  EXPECT_EQ(eval("${ db_type('jdbc:h2:./repository/database/WSO2CARBON_DB') }"), Value("h2"));
  EXPECT_EQ(error_of("${ db_type('carbon.db') }").first.substr(0, 34), "db_type(): DSN 'carbon.db': not a ");
}

TEST(ExpressionFunctions, GetLooksUpAComputedKey) {
  EXPECT_EQ(eval("${ get(settings, 'host', 'none') }"), Value("db"));
  EXPECT_EQ(eval("${ get(settings, lower('PORT'), 0) }"), Value(5432));
  EXPECT_EQ(eval("${ get(settings, 'user', 'none') }"), Value("none"));
  EXPECT_EQ(error_of("${ get(items, 'a', 1) }"), Error("get() expects a map as argument 1, not list", 3));
}

TEST(ExpressionFunctions, Contains) {
  EXPECT_EQ(eval("${ contains(items, 'b') }"), Value(true));
  EXPECT_EQ(eval("${ contains(items, 'c') }"), Value(false));
  EXPECT_EQ(eval("${ contains(name, 'arb') }"), Value(true));
  EXPECT_EQ(eval("${ contains(settings, 'port') }"), Value(true));
  EXPECT_EQ(eval("${ contains(x, 2) }", FakeScope({{"x", Value::List{1, 2.0}}})), Value(true));
  EXPECT_EQ(error_of("${ contains(n, 1) }"), Error("contains() expects a list, map or string as argument 1, not int", 3));
}

TEST(ExpressionFunctions, Join) {
  EXPECT_EQ(eval("${ join(items, ', ') }"), Value("a, b"));
  EXPECT_EQ(eval("${ join(x, '-') }", FakeScope({{"x", Value::List{1, true, nullptr}}})), Value("1-true-null"));
  EXPECT_EQ(eval("${ join(x, '-') }", FakeScope({{"x", Value::List{}}})), Value(""));
}

}  // namespace
}  // namespace planrun::expr
