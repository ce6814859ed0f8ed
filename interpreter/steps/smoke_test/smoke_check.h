#pragma once

#include <string>

#include "interpreter/step_kit/step_context.h"
#include "interpreter/values/type_spec.h"

namespace planrun {

// What one check of a smoke-test found. A check that could not run at all (a refused
// connection, a command that does not exist) has failed too, with that cause as `actual`.
struct CheckOutcome {
  bool passed = false;
  std::string expected;  // in words: "status 200", "[[3]] (the result on sqlite:/old.db)"
  std::string actual;    // in words: what was found instead; empty when it passed
};

// One kind of smoke check (sql, http, command, file, schema), each in its own file: what it
// would do (dry run) and how it runs; its object's type is in smoke_test_fields. `given` is the check's
// object as the plan resolved it; secrets in what a check returns are masked by the caller.
class SmokeCheckKind {
 public:
  virtual ~SmokeCheckKind() = default;
  virtual const std::string& key() const = 0;  // "sql", "http", ...
  virtual std::string describe(const Value::Map& given) const = 0;
  virtual CheckOutcome run(const Value::Map& given, StepContext& context) const = 0;
};

const SmokeCheckKind& sql_check();
const SmokeCheckKind& http_check();
const SmokeCheckKind& command_check();
const SmokeCheckKind& file_check();
const SmokeCheckKind& schema_check();

// A value as a check's message shows it, cut at about 200 characters.
std::string shown_value(const std::string& text);

}  // namespace planrun
