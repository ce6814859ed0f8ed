// The catalogue entry of `config-review`: no database client or archive library is linked from here.

#include "interpreter/steps/config_review/config_review_fields.h"

namespace planrun {

const ConfigReviewFields& config_review_fields() {
  static const ConfigReviewFields declared;
  return declared;
}

const StepSchema& config_review_schema() {
  const ConfigReviewFields& f = config_review_fields();
  static const StepSchema schema = make_step_schema(
      "config-review", 1,
      "lists the settings of an old configuration folder that differ from the new version's (XML and properties per "
      "setting, other files by content), passwords as ***; never fails because of a difference",
      StepSchema::Effect::Check, {f.old_dir.spec(), f.new_dir.spec(), f.exclude.spec()}, {}, {"changes", "report"});
  return schema;
}

}  // namespace planrun
