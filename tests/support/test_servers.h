#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <optional>
#include <string>

#include "interpreter/values/dsn.h"

namespace planrun::testing {

// A real database server started by scripts/test-servers.sh: its DSN and the password of its login.
struct TestServer {
  Dsn dsn;
  std::string password;
};

// The server named by the environment variables PREFIX_DSN and PREFIX_PASSWORD, or nullopt.
inline std::optional<TestServer> test_server_from_env(const std::string& prefix) {
  const char* dsn_text = std::getenv((prefix + "_DSN").c_str());
  const char* password = std::getenv((prefix + "_PASSWORD").c_str());
  if (!dsn_text || !*dsn_text) return std::nullopt;
  std::string error;
  auto dsn = parse_dsn(dsn_text, &error);
  if (!dsn) return std::nullopt;
  return TestServer{*dsn, password ? password : ""};
}

// Whether a missing server is a failure (under scripts/test.sh, so CI never skips these tests
// silently) or a skip (a developer's plain ctest without servers).
inline bool servers_required() { return std::getenv("PLANRUN_TEST_REQUIRE_SERVERS") != nullptr; }

}  // namespace planrun::testing

// In a fixture's SetUp: sets `server` from PREFIX_DSN / PREFIX_PASSWORD, or fails or skips the test.
#define PLANRUN_REQUIRE_SERVER(server, prefix)                                                           \
  do {                                                                                                 \
    server = ::planrun::testing::test_server_from_env(prefix);                                         \
    if (!server && ::planrun::testing::servers_required())                                             \
      FAIL() << prefix << "_DSN is not set, and PLANRUN_TEST_REQUIRE_SERVERS is: scripts/test-servers.sh " \
                       "must start the server";                                                        \
    if (!server) GTEST_SKIP() << prefix << "_DSN is not set (scripts/test.sh starts the servers)";         \
  } while (false)
