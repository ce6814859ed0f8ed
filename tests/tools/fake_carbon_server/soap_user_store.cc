#include "tests/tools/fake_carbon_server/soap_user_store.h"

#include <fstream>

namespace planrun::fake_carbon {
namespace {

// The text of the first element whose local name is `name` (any prefix), or "" when absent.
std::string element_text(const std::string& xml, const std::string& name) {
  for (size_t at = xml.find('<'); at != std::string::npos; at = xml.find('<', at + 1)) {
    size_t end = xml.find_first_of(" />", at);
    if (end == std::string::npos) return "";
    std::string tag = xml.substr(at + 1, end - at - 1);
    std::string local = tag.substr(tag.find(':') == std::string::npos ? 0 : tag.find(':') + 1);
    if (local != name) continue;
    size_t start = xml.find('>', at) + 1;
    return xml.substr(start, xml.find('<', start) - start);
  }
  return "";
}

std::string envelope(const std::string& content) {
  return "<?xml version='1.0' encoding='UTF-8'?><soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\">"
         "<soapenv:Body>" + content + "</soapenv:Body></soapenv:Envelope>";
}

std::string fault(const std::string& text) {
  return envelope("<soapenv:Fault><faultcode>soapenv:Server</faultcode><faultstring>" + text + "</faultstring></soapenv:Fault>");
}

// The operation a request calls: from SOAPAction ("urn:addUser") or the body's first element.
std::string operation_of(const std::string& soap_action, const std::string& body) {
  std::string action = soap_action;
  if (!action.empty() && action.front() == '"') action = action.substr(1, action.size() - 2);
  if (action.rfind("urn:", 0) == 0) return action.substr(4);
  if (!element_text(body, "addUser").empty() || body.find(":addUser") != std::string::npos) return "addUser";
  if (body.find(":isExistingUser") != std::string::npos) return "isExistingUser";
  return action;
}

}  // namespace

SoapUserStore::Answer SoapUserStore::handle(const std::string& soap_action, const std::string& body) const {
  std::string operation = operation_of(soap_action, body);
  std::string user = element_text(body, "userName");
  if (operation != "addUser" && operation != "isExistingUser") return {500, fault("unknown operation '" + operation + "'")};
  if (user.empty()) return {500, fault("userName is missing")};
  const std::string ns = "xmlns:ns=\"http://service.ws.um.carbon.wso2.org\"";
  if (operation == "isExistingUser")
    return {200, envelope("<ns:isExistingUserResponse " + ns + "><ns:return>" + (exists(user) ? "true" : "false") +
                          "</ns:return></ns:isExistingUserResponse>")};
  if (exists(user)) return {500, fault("UserAlreadyExisting:Username already exists in the system. Pick another username.")};
  add(user);
  return {202, ""};  // Carbon answers a one-way addUser with 202 Accepted and no body
}

bool SoapUserStore::exists(const std::string& user) const {
  std::ifstream in(users_file_);
  for (std::string line; std::getline(in, line);)
    if (line == user) return true;
  return false;
}

void SoapUserStore::add(const std::string& user) const {
  std::filesystem::create_directories(users_file_.parent_path());
  std::ofstream(users_file_, std::ios::app) << user << "\n";
}

}  // namespace planrun::fake_carbon
