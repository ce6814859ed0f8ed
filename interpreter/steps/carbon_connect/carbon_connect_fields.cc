// The catalogue entry of `carbon-connect`: no database client or archive library is linked from here.

#include "interpreter/steps/carbon_connect/carbon_connect_fields.h"

namespace planrun {

const CarbonConnectFields& carbon_connect_fields() {
  static const CarbonConnectFields declared;
  return declared;
}

const StepSchema& carbon_connect_schema() {
  const CarbonConnectFields& f = carbon_connect_fields();
  static const StepSchema schema = make_step_schema(
      "carbon-connect", 1,
      "connects a new Carbon home to the databases: every datasource the old home uses gets the new url, username, "
      "password and driver, and its JDBC driver jar",
      StepSchema::Effect::Create,
      {f.old_home.spec(), f.new_home.spec(), f.database.spec(), f.databases.spec()},
      {{f.database.name(), f.databases.name()}}, {"datasources", "jars", "review"});
  return schema;
}

}  // namespace planrun
