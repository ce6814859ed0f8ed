// TenantMgtAdminService (namespace http://services.mgt.tenant.carbon.wso2.org; TenantInfoBean's
// fields in http://beans.common.stratos.carbon.wso2.org/xsd): only the super tenant's users
// manage tenants. A tenant is a UM_TENANT row and its administrator a UM_USER row with its id;
// Carbon 4.4 removes no tenant, it deactivates one.

#include <filesystem>
#include <regex>

#include "tests/tools/fake_carbon_server/soap_admin_operations.h"
#include "tests/tools/fake_carbon_server/soap_message.h"

namespace planrun::fake_carbon {
namespace {

const std::string namespaces = "xmlns:ns=\"http://services.mgt.tenant.carbon.wso2.org\" "
                               "xmlns:ax=\"http://beans.common.stratos.carbon.wso2.org/xsd\" "
                               "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"";

AdminAnswer add_tenant(const AdminCall& call) {
  std::vector<std::string> beans = elements(call.body, "tenantInfoBean");
  if (beans.empty()) return failed("tenantInfoBean is missing");
  const std::string& bean = beans.front();
  std::string domain = element_text(bean, "tenantDomain");
  std::string admin = element_text(bean, "admin");
  std::string password = element_text(bean, "adminPassword");
  if (!std::regex_match(domain, std::regex(R"(^[a-zA-Z0-9-]+(\.[a-zA-Z0-9-]+)+$)")))
    return failed("Invalid domain '" + domain + "': a tenant domain is a name with a dot, like example.com");
  if (!std::regex_match(admin, std::regex(R"(^\S{3,30}$)"))) return failed("Invalid tenant admin name '" + admin + "'");
  if (!std::regex_match(password, std::regex(R"(^\S{5,30}$)")))
    return failed("Credential not valid. Credential must be a non null string with following format, ^[\\S]{5,30}$");
  if (call.realm.tenant(domain)) return failed("Tenant domain " + domain + " is already registered");
  int id = call.realm.add_tenant(domain, element_text(bean, "email"), admin, password);
  std::filesystem::create_directories(call.context.home / "repository" / "tenants" / std::to_string(id));
  return answered("<ns:addTenantResponse " + namespaces + "><ns:return>" + std::to_string(id) + "</ns:return></ns:addTenantResponse>");
}

AdminAnswer get_tenant(const TenantRow& tenant) {
  return answered("<ns:getTenantResponse " + namespaces + "><ns:return xsi:type=\"ax:TenantInfoBean\"><ax:active>" +
                  (tenant.active ? "true" : "false") + "</ax:active><ax:email>" + xml_escaped(tenant.email) +
                  "</ax:email><ax:tenantDomain>" + xml_escaped(tenant.domain) + "</ax:tenantDomain><ax:tenantId>" +
                  std::to_string(tenant.id) + "</ax:tenantId></ns:return></ns:getTenantResponse>");
}

}  // namespace

AdminAnswer tenant_mgt_admin(const AdminCall& call) {
  if (call.caller.tenant_id != super_tenant_id)
    return failed("Access Denied: " + call.caller.user + "@" + call.caller.domain + " cannot manage tenants");
  if (call.operation == "addTenant") return add_tenant(call);
  if (call.operation != "getTenant" && call.operation != "activateTenant" && call.operation != "deactivateTenant")
    return failed("The endpoint reference (EPR) for the Operation not found is TenantMgtAdminService: " + call.operation);
  std::string domain = element_text(call.body, "tenantDomain");
  std::optional<TenantRow> tenant = call.realm.tenant(domain);
  if (!tenant) return failed("Tenant domain " + domain + " is not registered");
  if (call.operation == "getTenant") return get_tenant(*tenant);
  call.realm.set_tenant_active(tenant->id, call.operation == "activateTenant");
  return accepted();
}

}  // namespace planrun::fake_carbon
