// RemoteUserStoreManagerService (namespace http://service.ws.um.carbon.wso2.org): a user name
// DOMAIN/name is in the secondary store DOMAIN of the caller's tenant, a plain name (or
// PRIMARY/name) in the PRIMARY store, UM_USER. New users pass the JDBC store's default checks
// (UsernameJavaRegEx ^[\S]{3,30}$, PasswordJavaRegEx ^[\S]{5,30}$).

#include <algorithm>
#include <cstring>
#include <regex>

#include "tests/tools/fake_carbon_server/secondary_user_stores.h"
#include "tests/tools/fake_carbon_server/soap_admin_operations.h"
#include "tests/tools/fake_carbon_server/soap_message.h"

namespace planrun::fake_carbon {
namespace {

const std::string ns = "xmlns:ns=\"http://service.ws.um.carbon.wso2.org\"";

// A user name split into its store's domain ("" for PRIMARY) and the name within the store.
struct StoreUser {
  std::string domain;
  std::string name;
};

StoreUser store_user(const std::string& qualified) {
  size_t slash = qualified.find('/');
  if (slash == std::string::npos) return {"", qualified};
  std::string domain = upper_case(qualified.substr(0, slash));
  return {domain == "PRIMARY" ? "" : domain, qualified.substr(slash + 1)};
}

// Carbon's user-name filter: * is any characters.
bool matches(const std::string& name, const std::string& filter) {
  std::string pattern;
  for (char c : filter) {
    if (c == '*') {
      pattern += ".*";
      continue;
    }
    if (std::strchr(".^$|()[]{}+?\\", c)) pattern += '\\';
    pattern += c;
  }
  return std::regex_match(name, std::regex(pattern));
}

AdminAnswer no_store(const StoreUser& user, const Caller& caller) {
  return failed("Invalid Domain Name: no user store " + user.domain + " in tenant " + caller.domain);
}

AdminAnswer is_existing_user(const AdminCall& call, const StoreUser& user) {
  SecondaryUserStores stores(call.context.home, call.caller.tenant_id);
  if (!user.domain.empty() && !stores.find(user.domain)) return no_store(user, call.caller);
  bool exists = user.domain.empty() ? call.realm.user_exists(user.name, call.caller.tenant_id) : stores.user_exists(user.domain, user.name);
  return answered("<ns:isExistingUserResponse " + ns + "><ns:return>" + (exists ? "true" : "false") +
                  "</ns:return></ns:isExistingUserResponse>");
}

AdminAnswer add_user(const AdminCall& call, const StoreUser& user) {
  std::string credential = element_text(call.body, "credential");
  if (!std::regex_match(user.name, std::regex(R"(^\S{3,30}$)")))
    return failed("Username " + user.name + " is not valid. User name must be a non null string with following format, ^[\\S]{3,30}$");
  if (!std::regex_match(credential, std::regex(R"(^\S{5,30}$)")))
    return failed("Credential not valid. Credential must be a non null string with following format, ^[\\S]{5,30}$");
  SecondaryUserStores stores(call.context.home, call.caller.tenant_id);
  if (!user.domain.empty() && !stores.find(user.domain)) return no_store(user, call.caller);
  bool exists = user.domain.empty() ? call.realm.user_exists(user.name, call.caller.tenant_id) : stores.user_exists(user.domain, user.name);
  if (exists) return failed("UserAlreadyExisting:Username already exists in the system. Pick another username.");
  if (user.domain.empty()) call.realm.add_user(user.name, credential, call.caller.tenant_id);
  else stores.add_user(user.domain, user.name);
  return accepted();
}

AdminAnswer delete_user(const AdminCall& call, const StoreUser& user) {
  if (user.domain.empty() && call.caller.user == user.name && call.caller.tenant_id == super_tenant_id)
    return failed("Cannot delete admin user");
  SecondaryUserStores stores(call.context.home, call.caller.tenant_id);
  if (!user.domain.empty() && !stores.find(user.domain)) return no_store(user, call.caller);
  if (user.domain.empty() ? !call.realm.user_exists(user.name, call.caller.tenant_id) : !stores.user_exists(user.domain, user.name))
    return failed("Cannot delete user who is not exist");
  if (user.domain.empty()) call.realm.delete_user(user.name, call.caller.tenant_id);
  else stores.delete_user(user.domain, user.name);
  return accepted();
}

// Every store's users matching the filter (a DOMAIN/ filter: that store's only), names of
// secondary stores' users with their domain, as Carbon lists them.
AdminAnswer list_users(const AdminCall& call) {
  std::string limit_text = element_text(call.body, "maxItemLimit");
  int limit = limit_text.empty() ? -1 : std::stoi(limit_text);
  StoreUser filter = store_user(element_text(call.body, "filter"));
  bool qualified = element_text(call.body, "filter").find('/') != std::string::npos;
  std::vector<std::string> names;
  if (!qualified || filter.domain.empty()) names = call.realm.users(call.caller.tenant_id, filter.name, -1);
  SecondaryUserStores stores(call.context.home, call.caller.tenant_id);
  for (const UserStoreConfig& store : stores.list()) {
    if (qualified && upper_case(store.domain) != filter.domain) continue;
    for (const std::string& name : stores.users(store.domain))
      if (matches(name, filter.name.empty() ? "*" : filter.name)) names.push_back(upper_case(store.domain) + "/" + name);
  }
  if (limit >= 0 && static_cast<int>(names.size()) > limit) names.resize(static_cast<size_t>(limit));
  std::string content = "<ns:listUsersResponse " + ns + ">";
  for (const std::string& name : names) content += "<ns:return>" + xml_escaped(name) + "</ns:return>";
  return answered(content + "</ns:listUsersResponse>");
}

}  // namespace

AdminAnswer remote_user_store_manager(const AdminCall& call) {
  if (call.operation == "listUsers") return list_users(call);
  StoreUser user = store_user(element_text(call.body, "userName"));
  if (call.operation != "isExistingUser" && call.operation != "addUser" && call.operation != "deleteUser")
    return failed("The endpoint reference (EPR) for the Operation not found is RemoteUserStoreManagerService: " + call.operation);
  if (user.name.empty()) return failed("userName is missing");
  if (call.operation == "isExistingUser") return is_existing_user(call, user);
  if (call.operation == "addUser") return add_user(call, user);
  return delete_user(call, user);
}

}  // namespace planrun::fake_carbon
