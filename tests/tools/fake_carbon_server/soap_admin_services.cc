#include "tests/tools/fake_carbon_server/soap_admin_services.h"

#include <openssl/evp.h>


#include "tests/tools/fake_carbon_server/soap_admin_operations.h"
#include "tests/tools/fake_carbon_server/soap_message.h"

namespace planrun::fake_carbon {
namespace {

using Service = AdminAnswer (*)(const AdminCall&);

// The service a path names: /services/NAME, /services/NAME.NAMEHttpsSoap11Endpoint, /services/NAME/op.
std::string service_of(const std::string& path) {
  const std::string prefix = "/services/";
  if (path.rfind(prefix, 0) != 0) return "";
  std::string rest = path.substr(prefix.size());
  return rest.substr(0, rest.find_first_of("./?"));
}

std::string base64_decoded(const std::string& text) {
  std::string out(text.size(), '\0');
  int length = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()), reinterpret_cast<const unsigned char*>(text.data()),
                               static_cast<int>(text.size()));
  if (length < 0) return "";
  // EVP_DecodeBlock counts the padding as bytes: each '=' at the end is one byte too many.
  size_t padding = text.size() >= 2 && text.compare(text.size() - 2, 2, "==") == 0 ? 2 : !text.empty() && text.back() == '=';
  out.resize(static_cast<size_t>(length) - padding);
  return out;
}

// The user and tenant a login name means: admin@a.com is admin of tenant a.com when a.com is
// a tenant; admin and admin@carbon.super are of the super tenant.
std::optional<Caller> caller_named(const std::string& login, CarbonRealmDatabase& realm) {
  Caller caller;
  caller.user = login;
  size_t at = login.rfind('@');
  if (at == std::string::npos) return caller;
  std::string domain = login.substr(at + 1);
  if (domain == "carbon.super") return Caller{login.substr(0, at)};
  std::optional<TenantRow> tenant = realm.tenant(domain);
  if (!tenant) return caller;  // an e-mail address as a super tenant user name
  if (!tenant->active) return std::nullopt;  // Carbon refuses the users of a deactivated tenant
  return Caller{login.substr(0, at), tenant->id, tenant->domain};
}

// The caller when `login` and `password` are right: the password stored in UM_USER, or, for
// the super tenant's administrator not (yet) in UM_USER, user-mgt.xml's <AdminUser> password,
// which Carbon adds the administrator with.
std::optional<Caller> authenticated(const std::string& login, const std::string& password, const AdminContext& context,
                                    CarbonRealmDatabase& realm) {
  std::optional<Caller> caller = caller_named(login, realm);
  if (!caller) return std::nullopt;
  std::optional<bool> matches = realm.password_matches(caller->user, caller->tenant_id, password);
  if (matches) return *matches ? caller : std::nullopt;
  bool super_admin = caller->tenant_id == super_tenant_id && caller->user == context.admin_user;
  return super_admin && password == context.admin_password ? caller : std::nullopt;
}

std::optional<Caller> basic_auth_caller(const std::string& authorization, const AdminContext& context, CarbonRealmDatabase& realm) {
  const std::string scheme = "Basic ";
  if (authorization.rfind(scheme, 0) != 0) return std::nullopt;
  std::string decoded = base64_decoded(authorization.substr(scheme.size()));
  size_t colon = decoded.find(':');
  if (colon == std::string::npos) return std::nullopt;
  return authenticated(decoded.substr(0, colon), decoded.substr(colon + 1), context, realm);
}

// AuthenticationAdmin: the management console's login, which needs no basic auth.
AdminAnswer authentication_admin(const std::string& operation, const std::string& body, const AdminContext& context,
                                 CarbonRealmDatabase& realm) {
  const std::string ns = "xmlns:ns=\"http://authentication.services.core.carbon.wso2.org\"";
  if (operation == "logout") return accepted();
  if (operation != "login") return failed("The endpoint reference (EPR) for the Operation not found is AuthenticationAdmin: " + operation);
  bool ok = authenticated(element_text(body, "username"), element_text(body, "password"), context, realm).has_value();
  return answered("<ns:loginResponse " + ns + "><ns:return>" + (ok ? "true" : "false") + "</ns:return></ns:loginResponse>");
}

Service service_named(const std::string& name) {
  if (name == "RemoteUserStoreManagerService") return remote_user_store_manager;
  if (name == "UserStoreConfigAdminService") return user_store_config_admin;
  if (name == "TenantMgtAdminService") return tenant_mgt_admin;
  return nullptr;
}

AdminAnswer answer(const AdminRequest& request, const std::string& service, const AdminContext& context) {
  CarbonRealmDatabase realm(context);
  std::string operation = operation_of(request.soap_action, request.body);
  if (service == "AuthenticationAdmin") return authentication_admin(operation, request.body, context, realm);
  std::optional<Caller> caller = basic_auth_caller(request.authorization, context, realm);
  if (!caller) return {401, "", "WWW-Authenticate: Basic realm=\"WSO2 Carbon\"\r\n"};
  return service_named(service)(AdminCall{operation, request.body, *caller, context, realm});
}

}  // namespace

AdminAnswer answered(const std::string& content) { return {200, envelope(content), ""}; }
AdminAnswer accepted() { return {202, "", ""}; }
AdminAnswer failed(const std::string& text) { return {500, fault(text), ""}; }

std::optional<AdminAnswer> answer_admin_service(const AdminRequest& request, const AdminContext& context) {
  std::string service = service_of(request.path);
  if (service != "AuthenticationAdmin" && !service_named(service)) return std::nullopt;
  // Carbon logs every fault of an admin service as an ERROR (and so a plan that reads the log
  // after its checks sees them).
  auto logged = [&](AdminAnswer answer) {
    if (answer.status != 500) return answer;
    std::string logger = "org.wso2.carbon.admin." + service, message = element_text(answer.body, "faultstring");
    if (context.log_error) context.log_error(logger, message);
    return answer;
  };
  try {
    return logged(answer(request, service, context));
  } catch (const std::exception& error) {  // the database refused
    return logged(failed(service + ": " + error.what()));
  }
}

}  // namespace planrun::fake_carbon
