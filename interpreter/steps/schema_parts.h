#pragma once

#include "interpreter/values/type_spec.h"

namespace planrun {

// Field types that several step types share, so each is declared once.

// A command: a list runs as argv, a string with /bin/sh -c (run, smoke-test checks).
TypeSpec command_line_type();
// The exit codes that count as success, default [0] (run, smoke-test checks).
FieldSpec expect_exit_field();
// An HTTP endpoint to probe (wait-for); smoke tests can also look into the body.
TypeSpec http_probe_type(bool with_contains);

// Shorthands for schema declarations that stay one line per field.
FieldSpec required_field(std::string name, TypeSpec type, std::string doc);
FieldSpec optional_field(std::string name, TypeSpec type, std::string doc);
FieldSpec default_field(std::string name, TypeSpec type, Value default_value, std::string doc);

}  // namespace planrun
