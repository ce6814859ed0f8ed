#pragma once

#include <gtest/gtest.h>

#include <string>

#include "interpreter/values/dsn.h"

namespace planrun::testing {

// A DSN the test knows to be valid; a parse error fails the test.
inline Dsn parsed_dsn(const std::string& text) {
  std::string error;
  auto parsed = parse_dsn(text, &error);
  EXPECT_TRUE(parsed) << error;
  return parsed.value_or(Dsn{});
}

}  // namespace planrun::testing
