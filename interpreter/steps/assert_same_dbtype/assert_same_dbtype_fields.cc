// The catalogue entry of `assert-same-dbtype`: no database client or archive library is linked from here.

#include "interpreter/steps/assert_same_dbtype/assert_same_dbtype_fields.h"

namespace planrun {

const AssertSameDbtypeFields& assert_same_dbtype_fields() {
  static const AssertSameDbtypeFields declared;
  return declared;
}

const StepSchema& assert_same_dbtype_schema() {
  const AssertSameDbtypeFields& f = assert_same_dbtype_fields();
  static const StepSchema schema =
      make_step_schema("assert-same-dbtype", 1,
                       "fails unless source and target databases are of the same type (the upgrade cannot change it)",
                       StepSchema::Effect::Check, {f.source.spec(), f.target.spec()}, {},
                       {"dbtype", "source_version", "target_version"});
  return schema;
}

}  // namespace planrun
