#include "interpreter/values/secret_texts.h"

#include <gtest/gtest.h>

namespace planrun {
namespace PLANRUN_UNITY_ID {

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

TEST(SecretTexts, TheSecretPartsOfATextAreMaskedAlone) {
  SecretTexts texts;
  texts.add(Value("echo HUNTER2").mark_secret().set_secret_parts({"HUNTER2"}));
  EXPECT_EQ(texts.mask("HUNTER2"), "***");
  EXPECT_EQ(texts.mask("$ echo HUNTER2"), "$ ***");
}

// Command output reaches the masker one line at a time.
TEST(SecretTexts, EachLineOfAMultiLineSecretIsMaskedOnItsOwn) {
  SecretTexts texts;
  texts.add(Value("-----BEGIN KEY-----\r\n  MIIEvQIBADANBgkq  \nhkiG9w0BAQEFAASC\n-----END KEY-----\n").mark_secret());
  EXPECT_EQ(texts.mask("-----BEGIN KEY-----"), "***");
  EXPECT_EQ(texts.mask("  MIIEvQIBADANBgkq"), "  ***");
  EXPECT_EQ(texts.mask("key: hkiG9w0BAQEFAASC."), "key: ***.");
  EXPECT_EQ(texts.mask("-----END KEY-----"), "***");
}

TEST(SecretTexts, LinesShorterThanTheMinimumAreNotMaskedAlone) {
  SecretTexts texts;
  texts.add(Value("{\nabc\nabcd\n}").mark_secret());
  EXPECT_EQ(texts.mask("{ abc }"), "{ abc }");
  EXPECT_EQ(texts.mask("abcd"), "***");
  EXPECT_EQ(texts.mask("x {\nabc\nabcd\n} y"), "x *** y");  // the whole secret, as before
}

}  // namespace
}  // namespace planrun
