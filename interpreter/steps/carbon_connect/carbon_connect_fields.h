#pragma once

#include <filesystem>
#include <string>

#include "interpreter/step_kit/step_field.h"
#include "interpreter/step_kit/step_schema.h"
#include "interpreter/values/dsn.h"

namespace planrun {

// The fields of `carbon-connect`, declared once: the schema is made of them and the action reads them.
struct CarbonConnectFields {
  StepField<std::filesystem::path> old_home = StepField<std::filesystem::path>::required(
      "old_home", types::path(), "the old Carbon installation, read only: which datasources are in use, its driver jars");
  StepField<std::filesystem::path> new_home = StepField<std::filesystem::path>::required(
      "new_home", types::path(), "the new Carbon installation whose datasources and components/lib are written");
  StepField<Dsn> database = StepField<Dsn>::optional(
      "database", types::database(),
      "one database for every datasource in use (an error when the old home's are on more than one database)");
  StepField<Value> databases = StepField<Value>::optional(
      "databases", types::map_of(types::database()),
      "datasource name -> database, one entry for each datasource in use (a missing one is an error)");
};

// The one instance, which the schema is made of and the action reads.
const CarbonConnectFields& carbon_connect_fields();
// `carbon-connect` in the catalogue: its fields, effect and outputs (compiler, explain, fingerprint).
const StepSchema& carbon_connect_schema();

}  // namespace planrun
