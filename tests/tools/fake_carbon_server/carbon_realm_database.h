#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "interpreter/databases/database_connection.h"
#include "tests/tools/fake_carbon_server/soap_admin_context.h"

namespace planrun::fake_carbon {

// The super tenant's id in every UM_* table.
constexpr int super_tenant_id = -1234;

// A tenant as UM_TENANT holds it.
struct TenantRow {
  int id = 0;
  std::string domain;
  std::string email;
  bool active = false;
};

// Carbon's user realm in the database the server is connected to: UM_TENANT and the PRIMARY
// user store's UM_USER, read and written with the SQL Carbon's JDBCUserStoreManager and
// TenantManager use (ids from the tables' own sequences / AUTO_INCREMENT on PostgreSQL and
// MariaDB, so a copy that lost their state fails here as it would in Carbon; passwords
// SHA-256 over password + salt, base64, as its PasswordDigest=SHA-256 stores them). One
// connection per object; throws DatabaseError or soci::soci_error with the database's words.
class CarbonRealmDatabase {
 public:
  explicit CarbonRealmDatabase(const AdminContext& context);
  ~CarbonRealmDatabase();

  std::optional<TenantRow> tenant(const std::string& domain);
  // Adds a tenant (active) and its administrator in one transaction; its id.
  int add_tenant(const std::string& domain, const std::string& email, const std::string& admin,
                 const std::string& admin_password);
  void set_tenant_active(int tenant_id, bool active);

  bool user_exists(const std::string& user, int tenant_id);
  // Whether `password` is the user's; nullopt when the user is not in UM_USER.
  std::optional<bool> password_matches(const std::string& user, int tenant_id, const std::string& password);
  void add_user(const std::string& user, const std::string& password, int tenant_id);
  void delete_user(const std::string& user, int tenant_id);
  // The users of a tenant whose names match `filter` (Carbon's: * any characters), sorted.
  std::vector<std::string> users(int tenant_id, const std::string& filter, int limit);

 private:
  // The SQL expression for a new UM_ID of `table`: the column's own default where Carbon's
  // schema has one, else the next free number (SQLite, which Carbon itself does not ship).
  std::string new_id(const std::string& table) const;

  std::unique_ptr<DatabaseConnection> connection_;
};

// Carbon's stored form of a password: base64(SHA-256(password + salt)).
std::string carbon_password_hash(const std::string& password, const std::string& salt);

}  // namespace planrun::fake_carbon
