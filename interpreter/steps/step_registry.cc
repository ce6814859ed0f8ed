// The one registry of step types. A step type is one file pair plus one line here
// (docs/STEP_KIT.md). A type registered with its schema alone is in the catalogue (the compiler
// accepts it, `explain` shows it) but this planrun cannot run it yet: find_step_action returns
// nullptr and the executor refuses to start a plan that uses it, naming the step.

#include "interpreter/steps/step_registry.h"

#include <memory>

#include "interpreter/steps/assert_db_empty/assert_db_empty_step.h"
#include "interpreter/steps/assert_same_dbtype/assert_same_dbtype_step.h"
#include "interpreter/steps/assert_servers_stopped/assert_servers_stopped_step.h"
#include "interpreter/steps/backup/backup_step.h"
#include "interpreter/steps/compare_schema/compare_schema_step.h"
#include "interpreter/steps/confirm/confirm_step.h"
#include "interpreter/steps/copy_db/copy_db_step.h"
#include "interpreter/steps/copy_dir/copy_dir_step.h"
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
RegisteredStepType runnable() {
  static const Type type;
  return {type.schema(), &type};
}

std::vector<RegisteredStepType> make_registry() {
  return {
      runnable<AssertSameDbtypeStep>(),
      runnable<AssertDbEmptyStep>(),
      runnable<AssertServersStoppedStep>(),
      runnable<BackupStep>(),
      runnable<RestoreStep>(),
      runnable<CopyDbStep>(),
      runnable<CopyDirStep>(),
      runnable<SqlStep>(),
      runnable<UnpackStep>(),
      runnable<UpdateConfigStep>(),
      runnable<RunStep>(),
      runnable<WaitForStep>(),
      runnable<SmokeTestStep>(),
      runnable<CompareSchemaStep>(),
      runnable<ConfirmStep>(),
  };
}

const RegisteredStepType* find_registered(std::string_view type) {
  for (const RegisteredStepType& registered : registered_step_types())
    if (registered.schema.type == type) return &registered;
  return nullptr;
}

}  // namespace

const std::vector<RegisteredStepType>& registered_step_types() {
  static const std::vector<RegisteredStepType> registry = make_registry();
  return registry;
}

const std::vector<StepSchema>& step_schemas() {
  static const std::vector<StepSchema> schemas = [] {
    std::vector<StepSchema> all;
    for (const RegisteredStepType& registered : registered_step_types()) all.push_back(registered.schema);
    return all;
  }();
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

const StepType* find_step_type(std::string_view type) {
  const RegisteredStepType* registered = find_registered(type);
  return registered ? registered->type : nullptr;
}

const StepAction* find_step_action(const std::string& type) { return find_step_type(type); }

}  // namespace planrun
