// The one registry of step actions. A step type is its folder plus one line here and one in
// step_catalog.cc (docs/STEP_KIT.md); a test checks that both list the same types in the same
// order.

#include "interpreter/steps/step_registry.h"

#include "interpreter/steps/assert_db_empty/assert_db_empty_step.h"
#include "interpreter/steps/assert_same_dbtype/assert_same_dbtype_step.h"
#include "interpreter/steps/assert_servers_stopped/assert_servers_stopped_step.h"
#include "interpreter/steps/backup/backup_step.h"
#include "interpreter/steps/carbon_connect/carbon_connect_step.h"
#include "interpreter/steps/carbon_keystores/carbon_keystores_step.h"
#include "interpreter/steps/compare_schema/compare_schema_step.h"
#include "interpreter/steps/confirm/confirm_step.h"
#include "interpreter/steps/config_review/config_review_step.h"
#include "interpreter/steps/copy_db/copy_db_step.h"
#include "interpreter/steps/copy_dir/copy_dir_step.h"
#include "interpreter/steps/query/query_step.h"
#include "interpreter/steps/restore/restore_step.h"
#include "interpreter/steps/run/run_step.h"
#include "interpreter/steps/smoke_test/smoke_test_step.h"
#include "interpreter/steps/sql/sql_step.h"
#include "interpreter/steps/unpack/unpack_step.h"
#include "interpreter/steps/update_config/update_config_step.h"
#include "interpreter/steps/wait_for/wait_for_step.h"

namespace planrun {
namespace {

// A type that runs: the registry keeps the one instance (step types are stateless).
template <class Type>
const StepType* runnable() {
  static const Type type;
  return &type;
}

}  // namespace

const std::vector<const StepType*>& step_types() {
  static const std::vector<const StepType*> types{
      runnable<AssertSameDbtypeStep>(),
      runnable<AssertDbEmptyStep>(),
      runnable<AssertServersStoppedStep>(),
      runnable<BackupStep>(),
      runnable<RestoreStep>(),
      runnable<CopyDbStep>(),
      runnable<CopyDirStep>(),
      runnable<SqlStep>(),
      runnable<QueryStep>(),
      runnable<UnpackStep>(),
      runnable<UpdateConfigStep>(),
      runnable<CarbonConnectStep>(),
      runnable<CarbonKeystoresStep>(),
      runnable<ConfigReviewStep>(),
      runnable<RunStep>(),
      runnable<WaitForStep>(),
      runnable<SmokeTestStep>(),
      runnable<CompareSchemaStep>(),
      runnable<ConfirmStep>(),
  };
  return types;
}

const StepType* find_step_type(std::string_view type) {
  for (const StepType* step_type : step_types())
    if (step_type->schema().type == type) return step_type;
  return nullptr;
}

}  // namespace planrun
