// UserStoreConfigAdminService: the operation elements in namespace http://org.apache.axis2/xsd,
// the UserStoreDTO's fields (className, description, disabled, domainId, properties with name
// and value) in http://dto.configuration.store.user.identity.carbon.wso2.org/xsd. A store is
// added to and removed from the caller's tenant.

#include "tests/tools/fake_carbon_server/secondary_user_stores.h"
#include "tests/tools/fake_carbon_server/soap_admin_operations.h"
#include "tests/tools/fake_carbon_server/soap_message.h"

namespace planrun::fake_carbon {
namespace {

const std::string namespaces = "xmlns:ns=\"http://org.apache.axis2/xsd\" "
                               "xmlns:ax=\"http://dto.configuration.store.user.identity.carbon.wso2.org/xsd\" "
                               "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"";

UserStoreConfig store_of(const std::string& dto) {
  UserStoreConfig store;
  store.class_name = element_text(dto, "className");
  store.description = element_text(dto, "description");
  store.disabled = element_text(dto, "disabled") == "true";
  store.domain = upper_case(element_text(dto, "domainId"));
  for (const std::string& property : elements(dto, "properties"))
    store.properties.emplace_back(element_text(property, "name"), element_text(property, "value"));
  return store;
}

std::string dto_of(const UserStoreConfig& store) {
  std::string dto = "<ns:return xsi:type=\"ax:UserStoreDTO\"><ax:className>" + xml_escaped(store.class_name) +
                    "</ax:className><ax:description>" + xml_escaped(store.description) + "</ax:description><ax:disabled>" +
                    (store.disabled ? "true" : "false") + "</ax:disabled><ax:domainId>" + xml_escaped(store.domain) +
                    "</ax:domainId>";
  for (const auto& [name, value] : store.properties)
    dto += "<ax:properties xsi:type=\"ax:PropertyDTO\"><ax:name>" + xml_escaped(name) + "</ax:name><ax:value>" +
           xml_escaped(value) + "</ax:value></ax:properties>";
  return dto + "</ns:return>";
}

AdminAnswer add_user_store(const AdminCall& call, const SecondaryUserStores& stores) {
  std::vector<std::string> dto = elements(call.body, "userStoreDTO");
  if (dto.empty()) return failed("userStoreDTO is missing");
  UserStoreConfig store = store_of(dto.front());
  if (store.domain.empty() || store.domain == "PRIMARY" || store.domain.find('/') != std::string::npos)
    return failed("Invalid domain name '" + store.domain + "' for a secondary user store");
  if (store.class_name.empty()) return failed("The user store manager class of " + store.domain + " is missing");
  if (stores.find(store.domain)) return failed("Cannot add user store " + store.domain + ": the domain name is already in use");
  stores.add(store);
  return accepted();
}

AdminAnswer secondary_realm_configurations(const SecondaryUserStores& stores) {
  std::string content = "<ns:getSecondaryRealmConfigurationsResponse " + namespaces + ">";
  for (const UserStoreConfig& store : stores.list()) content += dto_of(store);
  return answered(content + "</ns:getSecondaryRealmConfigurationsResponse>");
}

}  // namespace

AdminAnswer user_store_config_admin(const AdminCall& call) {
  SecondaryUserStores stores(call.context.home, call.caller.tenant_id);
  if (call.operation == "addUserStore") return add_user_store(call, stores);
  if (call.operation == "getSecondaryRealmConfigurations") return secondary_realm_configurations(stores);
  if (call.operation == "deleteUserStore") {
    std::string domain = element_text(call.body, "domainName");
    if (!stores.remove(domain)) return failed("No user store " + domain + " in tenant " + call.caller.domain);
    return accepted();
  }
  return failed("The endpoint reference (EPR) for the Operation not found is UserStoreConfigAdminService: " + call.operation);
}

}  // namespace planrun::fake_carbon
