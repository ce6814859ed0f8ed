// DSN parsing. Error messages quote the DSN, so a password in it is masked before anything
// is shown: the point of rejecting it is that it must not reach logs.

#include "interpreter/values/dsn.h"

#include <map>

#include <algorithm>
#include <cctype>
#include <charconv>

namespace planrun {
namespace {

// A reason a DSN is rejected; parse_dsn() adds the DSN itself to the message.
struct Rejected {
  std::string reason;
};

struct Scheme {
  std::string_view prefix;
  Dsn::Kind kind;
};

constexpr Scheme schemes[] = {
    {"sqlite:", Dsn::Kind::Sqlite},
    {"jdbc:sqlite:", Dsn::Kind::Sqlite},
    {"postgresql://", Dsn::Kind::Postgresql},
    {"postgres://", Dsn::Kind::Postgresql},
    {"jdbc:postgresql://", Dsn::Kind::Postgresql},
    {"mysql://", Dsn::Kind::Mysql},
    {"mariadb://", Dsn::Kind::Mysql},
    {"jdbc:mysql://", Dsn::Kind::Mysql},
    {"jdbc:mariadb://", Dsn::Kind::Mysql},
    {"h2:", Dsn::Kind::H2},
    {"jdbc:h2:", Dsn::Kind::H2},
};

constexpr const char* expected_forms =
    "expected sqlite:path, postgresql://user@host:port/db, mysql://user@host:port/db (or mariadb://, postgres://) "
    "or their jdbc: forms, or jdbc:h2:path (an embedded H2 database)";

// Kinds a Carbon installation may use that planrun recognises but cannot test here, so refuses
// by name rather than as unknown; `scheme_of` gives the key ("oracle", "jdbc:oracle", ...).
const std::map<std::string, std::string, std::less<>> refused_kinds = {
    {"oracle", "Oracle"},         {"jdbc:oracle", "Oracle"},       {"sqlserver", "SQL Server"},
    {"jdbc:sqlserver", "SQL Server"}, {"jdbc:jtds", "SQL Server"}, {"db2", "DB2"},
    {"jdbc:db2", "DB2"},
};

// password, PASSWORD, sslpassword, trustStorePassword, pwd, passwd, pass: names drivers take a
// password or a key store's password under (passwordCharacterEncoding is not one).
bool is_password_key(std::string_view key) {
  std::string lower(key);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  return lower.ends_with("password") || lower == "pwd" || lower == "passwd" || lower == "pass";
}

// The password of user:password@ replaced by ***.
std::string masked_userinfo(std::string_view text) {
  size_t scheme_end = text.find("://");
  if (scheme_end == std::string_view::npos) return std::string(text);
  size_t start = scheme_end + 3;
  std::string_view authority = text.substr(start, text.find('/', start) - start);
  size_t at = authority.rfind('@');
  size_t colon = authority.find(':');
  if (at == std::string_view::npos || colon > at) return std::string(text);
  return std::string(text.substr(0, start + colon + 1)) + "***" + std::string(text.substr(start + at));
}

// The values of password parameters (?password=x&..., and ;password=x as other JDBC drivers
// write them) replaced by ***.
std::string masked_parameters(std::string text) {
  size_t separator = text.find_first_of("?;");
  while (separator != std::string::npos) {
    size_t key_start = separator + 1;
    size_t end = std::min(text.find_first_of("&;", key_start), text.size());
    size_t equals = text.find('=', key_start);
    if (equals < end && is_password_key(std::string_view(text).substr(key_start, equals - key_start))) {
      text.replace(equals + 1, end - equals - 1, "***");
      end = equals + 4;
    }
    separator = end < text.size() ? end : std::string::npos;
  }
  return text;
}

// The DSN as a message may show it: every password in it replaced by ***.
std::string masked(std::string_view text) { return masked_parameters(masked_userinfo(text)); }

// A password given as a query parameter (postgresql://u@h/db?password=x,
// jdbc:mysql://h/db?user=u&password=x) is refused like one in user:password@.
void refuse_password_parameter(std::string_view query) {
  size_t key_start = 1;  // after the '?'
  while (key_start < query.size()) {
    size_t end = std::min(query.find('&', key_start), query.size());
    std::string_view key = query.substr(key_start, std::min(query.find('=', key_start), end) - key_start);
    if (is_password_key(key))
      throw Rejected{"a password is not allowed in a DSN (query parameter '" + std::string(key) +
                     "'); passwords come from a `secret` param"};
    key_start = end + 1;
  }
}

// H2 options come as ;KEY=VALUE (;PASSWORD=x is refused like ?password=x).
void refuse_h2_password(std::string_view options) {
  for (size_t start = 0; start < options.size();) {
    size_t end = std::min(options.find(';', start + 1), options.size());
    std::string_view option = options.substr(start + 1, end - start - 1);
    if (is_password_key(option.substr(0, option.find('='))))
      throw Rejected{"a password is not allowed in a DSN (option '" + std::string(option.substr(0, option.find('='))) +
                     "'); passwords come from a `secret` param"};
    start = end;
  }
}

// Splits "db?a=b" into "db" and "?a=b".
std::string_view split_query(std::string_view& rest) {
  size_t question = rest.find('?');
  if (question == std::string_view::npos) return {};
  std::string_view query = rest.substr(question);
  rest = rest.substr(0, question);
  return query;
}

void parse_sqlite(std::string_view rest, Dsn& dsn) {
  if (rest.starts_with("//")) {
    rest.remove_prefix(2);
    if (!rest.starts_with("/"))
      throw Rejected{"sqlite takes a file, sqlite:relative/path.db or sqlite:///absolute/path.db, not a host"};
  }
  if (rest.empty()) throw Rejected{"no database file after 'sqlite:'"};
  dsn.path = rest;
}

// An embedded H2 database: [file:]PATH[;OPTION=VALUE...]. Carbon's default is
// jdbc:h2:./repository/database/WSO2CARBON_DB;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=60000.
void parse_h2(std::string_view rest, Dsn& dsn) {
  size_t semicolon = rest.find(';');
  if (semicolon != std::string_view::npos) {
    dsn.query = rest.substr(semicolon);
    rest = rest.substr(0, semicolon);
  }
  if (rest.starts_with("file:")) rest.remove_prefix(5);
  for (const char* mode : {"mem:", "tcp:", "ssl:", "zip:", "nio:", "split:"})
    if (rest.starts_with(mode))
      throw Rejected{"H2 in '" + std::string(mode) + "' mode is not supported: planrun handles an embedded H2 "
                     "database (jdbc:h2:path) as its files, with the server stopped"};
  if (rest.empty()) throw Rejected{"no database path after 'jdbc:h2:'"};
  dsn.path = rest;
}

int parse_port(std::string_view text) {
  int port = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), port);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || port < 1 || port > 65535)
    throw Rejected{"bad port '" + std::string(text) + "', expected a number from 1 to 65535"};
  return port;
}

// host, host:port, [v6 address] or [v6 address]:port.
void parse_host_port(std::string_view text, Dsn& dsn) {
  size_t port_colon = text.rfind(':');
  if (text.starts_with("[")) {
    size_t close = text.find(']');
    if (close == std::string_view::npos) throw Rejected{"'[' without ']' around the host"};
    port_colon = close + 1 < text.size() && text[close + 1] == ':' ? close + 1 : std::string_view::npos;
    dsn.host = text.substr(1, close - 1);
  } else {
    dsn.host = text.substr(0, port_colon);
  }
  if (port_colon != std::string_view::npos) dsn.port = parse_port(text.substr(port_colon + 1));
  if (dsn.host.empty()) throw Rejected{"no host"};
}

// user@host:port/database.
void parse_server(std::string_view rest, Dsn& dsn) {
  size_t slash = rest.find('/');
  std::string_view authority = rest.substr(0, slash);
  size_t at = authority.rfind('@');
  if (at != std::string_view::npos) {
    dsn.user = authority.substr(0, at);
    if (dsn.user.find(':') != std::string::npos)
      throw Rejected{"a password is not allowed in a DSN; passwords come from a `secret` param"};
    authority.remove_prefix(at + 1);
  }
  parse_host_port(authority, dsn);
  dsn.database = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
  if (dsn.database.empty()) throw Rejected{"no database name after the host"};
  if (dsn.database.find('/') != std::string::npos) throw Rejected{"'/' in the database name '" + dsn.database + "'"};
}

// "oracle" for oracle://..., "jdbc:oracle" for jdbc:oracle:thin:...
std::string scheme_of(std::string_view text) {
  size_t start = text.starts_with("jdbc:") ? 5 : 0;
  return std::string(text.substr(0, text.find(':', start)));
}

Dsn parse(std::string_view text) {
  for (const Scheme& scheme : schemes) {
    if (!text.starts_with(scheme.prefix)) continue;
    Dsn dsn;
    dsn.kind = scheme.kind;
    std::string_view rest = text.substr(scheme.prefix.size());
    if (scheme.kind == Dsn::Kind::H2) {
      parse_h2(rest, dsn);
      refuse_h2_password(dsn.query);
      return dsn;
    }
    dsn.query = split_query(rest);
    refuse_password_parameter(dsn.query);
    if (scheme.kind == Dsn::Kind::Sqlite)
      parse_sqlite(rest, dsn);
    else
      parse_server(rest, dsn);
    return dsn;
  }
  if (text.find(':') == std::string_view::npos) throw Rejected{std::string("not a DSN; ") + expected_forms};
  std::string scheme = scheme_of(text);
  if (auto refused = refused_kinds.find(scheme); refused != refused_kinds.end())
    throw Rejected{refused->second + " databases are not supported yet: planrun supports SQLite, PostgreSQL and "
                   "MySQL/MariaDB; " + expected_forms};
  throw Rejected{"unknown database kind '" + scheme + "'; " + expected_forms};
}

std::string host_port(const Dsn& dsn) {
  std::string host = dsn.host.find(':') == std::string::npos ? dsn.host : "[" + dsn.host + "]";
  return dsn.port ? host + ":" + std::to_string(dsn.port) : host;
}

}  // namespace

std::string kind_name(Dsn::Kind kind) {
  switch (kind) {
    case Dsn::Kind::Sqlite: return "sqlite";
    case Dsn::Kind::Postgresql: return "postgresql";
    case Dsn::Kind::Mysql: return "mysql";
    case Dsn::Kind::H2: return "h2";
  }
  return "unknown";
}

std::string Dsn::to_string() const {
  if (kind == Kind::Sqlite) return "sqlite:" + path + query;
  if (kind == Kind::H2) return "jdbc:h2:" + path + query;
  std::string user_at = user.empty() ? "" : user + "@";
  return kind_name(kind) + "://" + user_at + host_port(*this) + "/" + database + query;
}

std::string Dsn::jdbc_url() const {
  if (kind == Kind::Sqlite) return "jdbc:sqlite:" + path + query;
  if (kind == Kind::H2) return "jdbc:h2:" + path + query;
  return "jdbc:" + kind_name(kind) + "://" + host_port(*this) + "/" + database + query;
}

std::optional<Dsn> parse_dsn(std::string_view text, std::string* error) {
  try {
    return parse(text);
  } catch (const Rejected& rejected) {
    if (error) *error = "DSN '" + masked(text) + "': " + rejected.reason;
    return std::nullopt;
  }
}

}  // namespace planrun
