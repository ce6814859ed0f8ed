#include "interpreter/executor/secret_masker_set.h"

#include <gtest/gtest.h>

namespace planrun {
namespace {

TEST(SecretMaskerSet, MasksEveryOccurrenceLongestFirst) {
  ParamValues params{{"short", Value("abc").mark_secret()},
                     {"long", Value("abcdef").mark_secret()},
                     {"plain", Value("visible")}};
  SecretMaskerSet masker(params);
  EXPECT_EQ(masker.mask("x=abcdef y=abc z=visible abcabc"), "x=*** y=*** z=visible ******");
}

TEST(SecretMaskerSet, MasksSecretsInsideListsAndLeavesTextWithoutSecretsAlone) {
  ParamValues params{{"list", Value(Value::List{Value("p4ss")}).mark_secret()}};
  SecretMaskerSet masker(params);
  EXPECT_EQ(masker.mask("--password=p4ss"), "--password=***");
  EXPECT_EQ(SecretMaskerSet(ParamValues{}).mask("nothing"), "nothing");
}

}  // namespace
}  // namespace planrun
