#pragma once

#include "interpreter/step_kit/step_field.h"
#include "interpreter/values/type_spec.h"

namespace planrun {

// Field types that several step types share, so each is declared once.

// A command: a list runs as argv, a string with /bin/sh -c (run, smoke-test checks).
TypeSpec command_line_type();
// The exit codes that count as success, default [0] (run, smoke-test checks).
const StepField<std::vector<int64_t>>& expect_exit_field();
// The fields of an HTTP endpoint to probe, declared once: http_probe_type is made of them and
// wait-for reads a probe through them.
struct HttpProbeFields {
  StepField<std::string> url = StepField<std::string>::required("url", types::string(), "the URL to request");
  StepField<int64_t> status =
      StepField<int64_t>::with_default("status", types::integer(), 200, "the HTTP status the answer must have");
  StepField<bool> insecure = StepField<bool>::with_default(
      "insecure", types::boolean(), false, "accept any TLS certificate (a fresh server's self-signed one)");
};
const HttpProbeFields& http_probe_fields();

// An HTTP endpoint to probe (wait-for); smoke tests can also look into the body.
TypeSpec http_probe_type(bool with_contains);

}  // namespace planrun
