#include "interpreter/values/value_json.h"

#include <gtest/gtest.h>

namespace planrun {
namespace PLANRUN_UNITY_ID {

TEST(ValueJson, RoundTripsEveryKind) {
  Value value(Value::Map{{"n", Value(int64_t{3})},
                         {"d", Value(1.5)},
                         {"b", Value(true)},
                         {"s", Value("text")},
                         {"none", Value()},
                         {"list", Value(Value::List{Value("a"), Value(int64_t{2})})}});
  EXPECT_EQ(from_json(to_json(value)), value);
}

TEST(ValueJson, SecretsAreMaskedUnlessRevealed) {
  Value secret = Value("hunter2").mark_secret();
  EXPECT_EQ(to_json(secret).get<std::string>(), "***");
  EXPECT_EQ(to_json(secret, true).get<std::string>(), "hunter2");
}

}  // namespace
}  // namespace planrun
