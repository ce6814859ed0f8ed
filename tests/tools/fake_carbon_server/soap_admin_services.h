#pragma once

#include <optional>
#include <string>

#include "tests/tools/fake_carbon_server/soap_admin_context.h"

namespace planrun::fake_carbon {

// One HTTP request to /services/..., as far as an admin service reads it.
struct AdminRequest {
  std::string path;           // /services/RemoteUserStoreManagerService[.Endpoint]
  std::string soap_action;    // the SOAPAction header, may be empty
  std::string authorization;  // the Authorization header, may be empty
  std::string body;           // a SOAP 1.1 envelope
};

// What the service answers: the HTTP status, the SOAP body, extra header lines ("Name: v\r\n").
struct AdminAnswer {
  int status = 200;
  std::string body;
  std::string headers;
};

// Carbon's admin services, as the upgrade guide's production tests call them (SOAP shapes of
// the public WSDLs): AuthenticationAdmin (login, logout), RemoteUserStoreManagerService
// (isExistingUser, addUser, deleteUser, listUsers), UserStoreConfigAdminService (addUserStore,
// getSecondaryRealmConfigurations, deleteUserStore) and TenantMgtAdminService (addTenant,
// getTenant, activateTenant, deactivateTenant). Callers authenticate with HTTP basic auth
// against the realm in the connected database (admin, or admin@DOMAIN for a tenant); the
// PRIMARY store and the tenants are UM_USER and UM_TENANT rows there. Operations without a
// result answer 202 and no body, as Axis2 does for Carbon's one-way operations; errors are SOAP
// faults with status 500. nullopt for a path that is no service the fake knows.
std::optional<AdminAnswer> answer_admin_service(const AdminRequest& request, const AdminContext& context);

}  // namespace planrun::fake_carbon
