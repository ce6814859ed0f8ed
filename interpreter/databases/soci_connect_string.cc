#include "interpreter/databases/soci_connect_string.h"

#include "interpreter/databases/database_error.h"
#include "interpreter/databases/sqlite_read_only.h"

namespace planrun {
namespace {

// A connection attempt to a host that never answers fails after this long instead of the
// system's TCP timeout (minutes).
constexpr const char* kConnectTimeoutSeconds = "10";

// 'value' with ' and \ escaped by \, which libpq and SOCI's MySQL parser both read.
std::string quoted(const std::string& value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

void append(std::string& text, const std::string& key, const std::string& value) {
  if (!text.empty()) text += ' ';
  text += key + "=" + quoted(value);
}

// SOCI's SQLite parser takes "..." around a value with spaces and knows no escape for '"'.
std::string sqlite_text(const Dsn& dsn, const OpenOptions& options) {
  if (dsn.path.find('"') != std::string::npos)
    throw DatabaseError("cannot open " + dsn.to_string() + ": a '\"' in an SQLite file name is not supported");
  if (!options.read_only) return "db=\"" + dsn.path + "\" timeout=" + kConnectTimeoutSeconds;
  return "db=\"" + sqlite_read_only_uri(dsn.path) + "\" timeout=" + kConnectTimeoutSeconds + " readonly=1";
}

std::string user_of(const Dsn& dsn, const std::optional<Credential>& credential) {
  return !dsn.user.empty() || !credential ? dsn.user : credential->user;
}

std::string postgresql_text(const Dsn& dsn, const std::optional<Credential>& credential, const OpenOptions& options) {
  std::string text;
  append(text, "host", dsn.host);
  if (dsn.port) append(text, "port", std::to_string(dsn.port));
  append(text, "dbname", dsn.database);
  if (std::string user = user_of(dsn, credential); !user.empty()) append(text, "user", user);
  if (credential) append(text, "password", credential->password);
  append(text, "connect_timeout", kConnectTimeoutSeconds);
  append(text, "application_name", "planrun");
  if (options.read_only) append(text, "options", "-c default_transaction_read_only=on");
  return text;
}

// Read-only is set by a statement after connecting (SociDatabases): MySQL has no connect option.
std::string mysql_text(const Dsn& dsn, const std::optional<Credential>& credential) {
  std::string text;
  append(text, "host", dsn.host);
  if (dsn.port) append(text, "port", std::to_string(dsn.port));
  append(text, "db", dsn.database);
  if (std::string user = user_of(dsn, credential); !user.empty()) append(text, "user", user);
  if (credential) append(text, "password", credential->password);
  append(text, "connect_timeout", kConnectTimeoutSeconds);
  return text;
}

}  // namespace

SociConnectString SociConnectString::of(const Dsn& dsn, const std::optional<Credential>& credential,
                                        const OpenOptions& options) {
  switch (dsn.kind) {
    case Dsn::Kind::Sqlite: return {sqlite_text(dsn, options)};
    case Dsn::Kind::Postgresql: return {postgresql_text(dsn, credential, options)};
    case Dsn::Kind::Mysql: return {mysql_text(dsn, credential)};
    case Dsn::Kind::H2: break;  // no engine: SociDatabases refuses it
  }
  return {};
}

}  // namespace planrun
