// A query's whole result is read as rows of values and compared with what the plan expects:
// a value (for a one-cell result), a list of rows, a row count, or the same query's result on
// another database (source vs target). Numbers compare as numbers whatever their column type
// (COUNT(*) is an int on SQLite and a bigint on PostgreSQL); everything else as text.

#include <soci/soci.h>

#include <cmath>

#include "interpreter/databases/database_error.h"
#include "interpreter/databases/databases.h"
#include "interpreter/databases/query_rows.h"
#include "interpreter/step_kit/step_field.h"
#include "interpreter/steps/smoke_test/smoke_check.h"
#include "interpreter/steps/smoke_test/smoke_test_fields.h"

namespace planrun {
namespace {

const SqlCheckFields& fields() { return sql_check_fields(); }

using Rows = Value::List;  // each row a Value::List of cells

Rows rows_on(const Dsn& dsn, const std::string& query, StepContext& context) {
  // A missing service is a bug in planrun (exit 70), not a failure of the plan.
  if (!context.services.databases) throw std::logic_error("the executor gave the step no Databases service");
  std::unique_ptr<DatabaseConnection> connection = context.services.databases->open(dsn, {.read_only = true});
  return query_rows(*connection, query);
}

bool same_cell(const Value& a, const Value& b) {
  if (a.is_number() && b.is_number()) return a.is_int() && b.is_int() ? a.as_int() == b.as_int() : a.as_double() == b.as_double();
  if (a.is_number() != b.is_number()) {  // "3" in a plan against a numeric column, or the reverse
    const Value& number = a.is_number() ? a : b;
    const Value& text = a.is_number() ? b : a;
    char* end = nullptr;
    std::string digits = text.to_text();
    double parsed = std::strtod(digits.c_str(), &end);
    return !digits.empty() && end == digits.c_str() + digits.size() && parsed == number.as_double();
  }
  return a.is_null() == b.is_null() && a.to_text() == b.to_text();
}

bool same_rows(const Rows& a, const Rows& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    const Value::List& x = a[i].as_list();
    const Value::List& y = b[i].as_list();
    if (x.size() != y.size()) return false;
    for (size_t j = 0; j < x.size(); ++j)
      if (!same_cell(x[j], y[j])) return false;
  }
  return true;
}

// `equals` as rows: a value is one cell; a list of values is one row per value when the result
// has one column, else one row; a list of lists is the rows.
Rows expected_rows(const Value& equals, const Rows& actual) {
  if (!equals.is_list()) return {Value(Value::List{equals})};
  const Value::List& items = equals.as_list();
  bool nested = !items.empty() && items.front().is_list();
  if (nested) return items;
  size_t columns = actual.empty() ? 1 : actual.front().as_list().size();
  if (columns != 1) return {equals};
  Rows rows;
  for (const Value& item : items) rows.push_back(Value(Value::List{item}));
  return rows;
}

std::string shown_rows(const Rows& rows) {
  if (rows.size() == 1 && rows.front().as_list().size() == 1) return shown_value(rows.front().as_list().front().display());
  return shown_value(Value(rows).display());
}

CheckOutcome compare(const Value::Map& given, const Rows& actual, StepContext& context) {
  const SqlCheckFields& f = fields();
  if (auto count = f.rows.find(given)) {
    std::string expected = std::to_string(*count) + " rows";
    if (static_cast<int64_t>(actual.size()) == *count) return {true, expected, ""};
    return {false, expected, std::to_string(actual.size()) + " rows"};
  }
  if (auto other = f.equals_query_on.find(given)) {
    Rows reference = rows_on(*other, f.query.read(given), context);
    std::string expected = shown_rows(reference) + " (the result on " + other->to_string() + ")";
    return {same_rows(actual, reference), expected, same_rows(actual, reference) ? "" : shown_rows(actual)};
  }
  Rows expected = expected_rows(f.equals.read(given), actual);
  bool passed = same_rows(actual, expected);
  return {passed, shown_rows(expected), passed ? "" : shown_rows(actual)};
}

class SqlCheck final : public SmokeCheckKind {
 public:
  const std::string& key() const override {
    static const std::string name = "sql";
    return name;
  }
  std::string describe(const Value::Map& given) const override {
    const SqlCheckFields& f = fields();
    std::string what = "would query " + f.database.read(given).to_string() + ": " + f.query.read(given) + ", expecting ";
    if (auto count = f.rows.find(given)) return what + std::to_string(*count) + " rows";
    if (auto other = f.equals_query_on.find(given)) return what + "the result on " + other->to_string();
    return what + f.equals.read(given).display();
  }
  CheckOutcome run(const Value::Map& given, StepContext& context) const override {
    try {
      Rows actual = rows_on(fields().database.read(given), fields().query.read(given), context);
      return compare(given, actual, context);
    } catch (const DatabaseError& error) {
      return {false, "an answer", error.what()};
    } catch (const soci::soci_error& error) {
      return {false, "an answer", std::string("the query failed: ") + error.what()};
    }
  }
};

}  // namespace

const SmokeCheckKind& sql_check() {
  static const SqlCheck check;
  return check;
}

}  // namespace planrun
