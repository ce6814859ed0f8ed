#pragma once

#include "interpreter/step_kit/step_field.h"
#include "interpreter/step_kit/step_schema.h"
#include "interpreter/values/dsn.h"

namespace planrun {

// The fields of `assert-same-dbtype`, declared once: the schema is made of them and the action reads them.
struct AssertSameDbtypeFields {
  StepField<Dsn> source = StepField<Dsn>::required("source", types::database(), "the database the data comes from");
  StepField<Dsn> target = StepField<Dsn>::required("target", types::database(), "the database the data goes to");
};

// The one instance, which the schema is made of and the action reads.
const AssertSameDbtypeFields& assert_same_dbtype_fields();
// `assert-same-dbtype` in the catalogue: its fields, effect and outputs (compiler, explain, fingerprint).
const StepSchema& assert_same_dbtype_schema();

}  // namespace planrun
