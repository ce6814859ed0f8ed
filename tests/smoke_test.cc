#include <gtest/gtest.h>
#include "interpreter/diagnostics/did_you_mean.h"
TEST(DidYouMean, SuggestsNearMiss) { EXPECT_EQ(planrun::closest_match("copy-dirr", {"copy-dir", "copy-db"}), "copy-dir"); }
