#include "interpreter/values/secret_texts.h"

#include <gtest/gtest.h>

namespace planrun {
namespace {

TEST(SecretTexts, MasksEveryOccurrenceLongestFirst) {
  SecretTexts texts;
  texts.add(Value("abc").mark_secret());
  texts.add(Value("abcdef").mark_secret());
  texts.add(Value("visible"));
  EXPECT_EQ(texts.mask("x=abcdef y=abc z=visible abcabc"), "x=*** y=*** z=visible ******");
}

TEST(SecretTexts, EverythingInsideASecretListIsSecret) {
  SecretTexts texts;
  texts.add(Value(Value::List{Value("p4ss"), Value(int64_t{42})}).mark_secret());
  EXPECT_EQ(texts.mask("--password=p4ss --pin=42"), "--password=*** --pin=***");
  EXPECT_EQ(SecretTexts().mask("nothing"), "nothing");
}

}  // namespace
}  // namespace planrun
