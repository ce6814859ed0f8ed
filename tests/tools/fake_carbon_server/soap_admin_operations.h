#pragma once

// Private to the fake's admin services: who calls, how an answer is made, and each service's
// operations (one file per service).

#include <string>

#include "tests/tools/fake_carbon_server/carbon_realm_database.h"
#include "tests/tools/fake_carbon_server/soap_admin_services.h"

namespace planrun::fake_carbon {

// The authenticated caller: a user of a tenant (super tenant: -1234, domain carbon.super).
struct Caller {
  std::string user;
  int tenant_id = super_tenant_id;
  std::string domain = "carbon.super";
};

// Everything an operation works with.
struct AdminCall {
  const std::string& operation;
  const std::string& body;
  const Caller& caller;
  const AdminContext& context;
  CarbonRealmDatabase& realm;
};

// A result element `content` (200), a one-way operation's 202, a SOAP fault (500).
AdminAnswer answered(const std::string& content);
AdminAnswer accepted();
AdminAnswer failed(const std::string& text);

AdminAnswer remote_user_store_manager(const AdminCall& call);
AdminAnswer user_store_config_admin(const AdminCall& call);
AdminAnswer tenant_mgt_admin(const AdminCall& call);

}  // namespace planrun::fake_carbon
