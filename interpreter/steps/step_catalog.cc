// The one catalogue of step types: each type's `<type>_fields.cc` in its folder, plus one line
// here (docs/STEP_KIT.md). step_registry.cc lists the same types' actions; a test keeps the two
// in step.

#include "interpreter/steps/step_catalog.h"

#include "interpreter/steps/assert_db_empty/assert_db_empty_fields.h"
#include "interpreter/steps/assert_same_dbtype/assert_same_dbtype_fields.h"
#include "interpreter/steps/assert_servers_stopped/assert_servers_stopped_fields.h"
#include "interpreter/steps/backup/backup_fields.h"
#include "interpreter/steps/carbon_connect/carbon_connect_fields.h"
#include "interpreter/steps/carbon_keystores/carbon_keystores_fields.h"
#include "interpreter/steps/compare_schema/compare_schema_fields.h"
#include "interpreter/steps/confirm/confirm_fields.h"
#include "interpreter/steps/config_review/config_review_fields.h"
#include "interpreter/steps/copy_db/copy_db_fields.h"
#include "interpreter/steps/copy_dir/copy_dir_fields.h"
#include "interpreter/steps/query/query_fields.h"
#include "interpreter/steps/restore/restore_fields.h"
#include "interpreter/steps/run/run_fields.h"
#include "interpreter/steps/smoke_test/smoke_test_fields.h"
#include "interpreter/steps/sql/sql_fields.h"
#include "interpreter/steps/unpack/unpack_fields.h"
#include "interpreter/steps/update_config/update_config_fields.h"
#include "interpreter/steps/wait_for/wait_for_fields.h"

namespace planrun {

const std::vector<StepSchema>& step_schemas() {
  static const std::vector<StepSchema> schemas{
      assert_same_dbtype_schema(),
      assert_db_empty_schema(),
      assert_servers_stopped_schema(),
      backup_schema(),
      restore_schema(),
      copy_db_schema(),
      copy_dir_schema(),
      sql_schema(),
      query_schema(),
      unpack_schema(),
      update_config_schema(),
      carbon_connect_schema(),
      carbon_keystores_schema(),
      config_review_schema(),
      run_schema(),
      wait_for_schema(),
      smoke_test_schema(),
      compare_schema_schema(),
      confirm_schema(),
  };
  return schemas;
}

const StepSchema* find_step_schema(std::string_view type) {
  for (const StepSchema& schema : step_schemas())
    if (schema.type == type) return &schema;
  return nullptr;
}

std::vector<std::string> step_type_names() {
  std::vector<std::string> names;
  for (const StepSchema& schema : step_schemas()) names.push_back(schema.type);
  return names;
}

}  // namespace planrun
