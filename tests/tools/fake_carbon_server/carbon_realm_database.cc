#include "tests/tools/fake_carbon_server/carbon_realm_database.h"

#include <openssl/evp.h>
#include <openssl/rand.h>
#include <soci/soci.h>

#include "interpreter/databases/soci_databases.h"

namespace planrun::fake_carbon {
namespace {

std::string base64(const unsigned char* bytes, size_t size) {
  std::string out(4 * ((size + 2) / 3) + 1, '\0');
  int length = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), bytes, static_cast<int>(size));
  out.resize(static_cast<size_t>(length));
  return out;
}

std::string new_salt() {
  unsigned char bytes[16];
  RAND_bytes(bytes, sizeof bytes);
  return base64(bytes, sizeof bytes);
}

std::unique_ptr<DatabaseConnection> open(const AdminContext& context) {
  DatabaseCredentials credentials;
  if (context.user_database.kind != Dsn::Kind::Sqlite) credentials.add(context.user_database, context.user_database_password);
  return SociDatabases(credentials).open(context.user_database);
}

// Carbon's user-name filter as a LIKE pattern: * is any characters.
std::string like_pattern(const std::string& filter) {
  std::string pattern;
  for (char c : filter.empty() ? std::string("*") : filter) pattern += c == '*' ? '%' : c;
  return pattern;
}

}  // namespace

std::string carbon_password_hash(const std::string& password, const std::string& salt) {
  std::string input = password + salt;
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_Digest(input.data(), input.size(), digest, &size, EVP_sha256(), nullptr);
  return base64(digest, size);
}

CarbonRealmDatabase::CarbonRealmDatabase(const AdminContext& context) : connection_(open(context)) {}
CarbonRealmDatabase::~CarbonRealmDatabase() = default;

std::string CarbonRealmDatabase::new_id(const std::string& table) const {
  if (connection_->kind() != Dsn::Kind::Sqlite) return "";
  return "(SELECT COALESCE(MAX(UM_ID), 0) + 1 FROM " + table + ")";
}

std::optional<TenantRow> CarbonRealmDatabase::tenant(const std::string& domain) {
  TenantRow row;
  int active = 0;
  soci::indicator email_known = soci::i_ok;
  connection_->session() << "SELECT UM_ID, UM_DOMAIN_NAME, UM_EMAIL, CASE WHEN UM_ACTIVE THEN 1 ELSE 0 END FROM UM_TENANT "
                            "WHERE LOWER(UM_DOMAIN_NAME) = LOWER(:domain)",
      soci::use(domain), soci::into(row.id), soci::into(row.domain), soci::into(row.email, email_known), soci::into(active);
  if (!connection_->session().got_data()) return std::nullopt;
  if (email_known != soci::i_ok) row.email.clear();
  row.active = active != 0;
  return row;
}

int CarbonRealmDatabase::add_tenant(const std::string& domain, const std::string& email, const std::string& admin,
                                    const std::string& admin_password) {
  soci::session& sql = connection_->session();
  soci::transaction transaction(sql);
  std::string id = new_id("UM_TENANT");
  sql << "INSERT INTO UM_TENANT (" + std::string(id.empty() ? "" : "UM_ID, ") +
             "UM_DOMAIN_NAME, UM_EMAIL, UM_ACTIVE, UM_CREATED_DATE) VALUES (" + (id.empty() ? "" : id + ", ") +
             ":domain, :email, TRUE, CURRENT_TIMESTAMP)",
      soci::use(domain, "domain"), soci::use(email, "email");
  int tenant_id = 0;
  sql << "SELECT UM_ID FROM UM_TENANT WHERE UM_DOMAIN_NAME = :domain", soci::use(domain), soci::into(tenant_id);
  std::string salt = new_salt();
  std::string hash = carbon_password_hash(admin_password, salt);
  std::string user_id = new_id("UM_USER");
  sql << "INSERT INTO UM_USER (" + std::string(user_id.empty() ? "" : "UM_ID, ") +
             "UM_USER_NAME, UM_USER_PASSWORD, UM_SALT_VALUE, UM_REQUIRE_CHANGE, UM_CHANGED_TIME, UM_TENANT_ID) VALUES (" +
             (user_id.empty() ? "" : user_id + ", ") + ":name, :hash, :salt, FALSE, CURRENT_TIMESTAMP, :tenant)",
      soci::use(admin, "name"), soci::use(hash, "hash"), soci::use(salt, "salt"), soci::use(tenant_id, "tenant");
  transaction.commit();
  return tenant_id;
}

void CarbonRealmDatabase::set_tenant_active(int tenant_id, bool active) {
  connection_->session() << "UPDATE UM_TENANT SET UM_ACTIVE = " + std::string(active ? "TRUE" : "FALSE") + " WHERE UM_ID = :id",
      soci::use(tenant_id);
}

bool CarbonRealmDatabase::user_exists(const std::string& user, int tenant_id) {
  int id = 0;
  connection_->session() << "SELECT UM_ID FROM UM_USER WHERE UM_USER_NAME = :name AND UM_TENANT_ID = :tenant",
      soci::use(user, "name"), soci::use(tenant_id, "tenant"), soci::into(id);
  return connection_->session().got_data();
}

std::optional<bool> CarbonRealmDatabase::password_matches(const std::string& user, int tenant_id, const std::string& password) {
  std::string hash, salt;
  soci::indicator salted = soci::i_ok;
  connection_->session() << "SELECT UM_USER_PASSWORD, UM_SALT_VALUE FROM UM_USER WHERE UM_USER_NAME = :name AND "
                            "UM_TENANT_ID = :tenant",
      soci::use(user, "name"), soci::use(tenant_id, "tenant"), soci::into(hash), soci::into(salt, salted);
  if (!connection_->session().got_data()) return std::nullopt;
  return carbon_password_hash(password, salted == soci::i_ok ? salt : "") == hash;
}

void CarbonRealmDatabase::add_user(const std::string& user, const std::string& password, int tenant_id) {
  std::string salt = new_salt();
  std::string hash = carbon_password_hash(password, salt);
  std::string id = new_id("UM_USER");
  connection_->session() << "INSERT INTO UM_USER (" + std::string(id.empty() ? "" : "UM_ID, ") +
                                "UM_USER_NAME, UM_USER_PASSWORD, UM_SALT_VALUE, UM_REQUIRE_CHANGE, UM_CHANGED_TIME, "
                                "UM_TENANT_ID) VALUES (" + (id.empty() ? "" : id + ", ") +
                                ":name, :hash, :salt, FALSE, CURRENT_TIMESTAMP, :tenant)",
      soci::use(user, "name"), soci::use(hash, "hash"), soci::use(salt, "salt"), soci::use(tenant_id, "tenant");
}

void CarbonRealmDatabase::delete_user(const std::string& user, int tenant_id) {
  connection_->session() << "DELETE FROM UM_USER WHERE UM_USER_NAME = :name AND UM_TENANT_ID = :tenant",
      soci::use(user, "name"), soci::use(tenant_id, "tenant");
}

std::vector<std::string> CarbonRealmDatabase::users(int tenant_id, const std::string& filter, int limit) {
  std::vector<std::string> names;
  std::string pattern = like_pattern(filter);
  soci::rowset<std::string> rows = (connection_->session().prepare
                                        << "SELECT UM_USER_NAME FROM UM_USER WHERE UM_TENANT_ID = :tenant AND "
                                           "UM_USER_NAME LIKE :pattern ORDER BY UM_USER_NAME",
                                    soci::use(tenant_id, "tenant"), soci::use(pattern, "pattern"));
  for (const std::string& name : rows) {
    if (limit >= 0 && static_cast<int>(names.size()) >= limit) break;
    names.push_back(name);
  }
  return names;
}

}  // namespace planrun::fake_carbon
