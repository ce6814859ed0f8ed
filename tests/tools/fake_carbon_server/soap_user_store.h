#pragma once

#include <filesystem>
#include <string>

namespace planrun::fake_carbon {

// A minimal RemoteUserStoreManagerService, Carbon's admin SOAP service for users: addUser and
// isExistingUser, with the users kept one per line in a file, so they outlive a restart the
// way users in Carbon's database do. Enough for a smoke test to add a user to a user store
// (a name like SECONDARY/alice) and read it back.
class SoapUserStore {
 public:
  explicit SoapUserStore(std::filesystem::path users_file) : users_file_(std::move(users_file)) {}

  struct Answer {
    int status;
    std::string body;  // a SOAP 1.1 envelope
  };
  // Answers one SOAP request (its SOAPAction header, which may be empty, and body).
  Answer handle(const std::string& soap_action, const std::string& body) const;

 private:
  bool exists(const std::string& user) const;
  void add(const std::string& user) const;

  std::filesystem::path users_file_;
};

}  // namespace planrun::fake_carbon
