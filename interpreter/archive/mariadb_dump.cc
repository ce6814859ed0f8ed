#include "interpreter/archive/mariadb_dump.h"

#include <fcntl.h>
#include <soci/soci.h>
#include <unistd.h>

#include <cstring>
#include <system_error>

#include "interpreter/databases/database_error.h"
#include "interpreter/databases/dialect/mysql_dialect.h"
#include "interpreter/files/durable_write.h"
#include "interpreter/step_kit/step_failure.h"

namespace planrun {
namespace {

namespace fs = std::filesystem;
using Kind = StepFailure::Kind;

const DumpTool mariadb_dump{"mariadb-dump", "mariadb-client"};
const DumpTool mariadb{"mariadb", "mariadb-client"};

// What mariadb-dump writes last, unless told not to write comments.
constexpr std::string_view completed_line = "-- Dump completed";

// An option-file value: in double quotes, with \ and " escaped.
std::string option_value(const std::string& value) {
  std::string quoted = "\"";
  for (char c : value) {
    if (c == '\\' || c == '"') quoted += '\\';
    quoted += c;
  }
  return quoted + "\"";
}

// The [client] option file with the login of one DSN, readable by its owner only, which lives
// while the tool runs: the password never reaches a command line.
class ClientOptionFile {
 public:
  ClientOptionFile(const Dsn& dsn, const DumpServices& services) : path_(services.work_dir / "client.cnf") {
    std::optional<Credential> login = services.databases.login(dsn);
    std::string text = "[client]\n";
    if (!dsn.host.empty()) text += "host=" + option_value(dsn.host) + "\n";
    if (dsn.port) text += "port=" + std::to_string(dsn.port) + "\n";
    std::string user = !dsn.user.empty() || !login ? dsn.user : login->user;
    if (!user.empty()) text += "user=" + option_value(user) + "\n";
    if (login && !login->password.empty()) text += "password=" + option_value(login->password) + "\n";
    try {
      fs::create_directories(services.work_dir);
      write_file_durably(path_, text, 0600);
    } catch (const std::exception& error) {
      throw EnvironmentError(std::string("cannot write the client option file: ") + error.what());
    }
  }
  ~ClientOptionFile() { ::unlink(path_.c_str()); }
  std::string argument() const { return "--defaults-extra-file=" + path_.string(); }

 private:
  fs::path path_;
};

std::string tail_of(const fs::path& file, size_t size) {
  int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw EnvironmentError("cannot read '" + file.string() + "': " + std::strerror(errno));
  off_t end = ::lseek(fd, 0, SEEK_END);
  off_t start = end > static_cast<off_t>(size) ? end - static_cast<off_t>(size) : 0;
  std::string tail(static_cast<size_t>(end - start), '\0');
  ssize_t got = ::pread(fd, tail.data(), tail.size(), start);
  ::close(fd);
  tail.resize(got > 0 ? static_cast<size_t>(got) : 0);
  return tail;
}

}  // namespace

void MariadbDump::dump(const Dsn& source, const fs::path& file, const DumpServices& services) const {
  ClientOptionFile options(source, services);
  run_dump_tool(services, mariadb_dump,
                {options.argument(), "--single-transaction", "--routines", "--triggers", "--hex-blob",
                 "--no-tablespaces", "--result-file=" + file.string(), source.database},
                {}, "dump " + source.to_string());
}

void MariadbDump::check(const fs::path& file, const DumpServices&) const {
  if (tail_of(file, 256).find(completed_line) == std::string::npos)
    throw StepFailure(Kind::Failed, "the dump " + file.string() + " is incomplete: it does not end with mariadb-dump's \"" +
                                        std::string(completed_line) + "\" line");
}

void MariadbDump::clear(const Dsn& target, const DumpServices& services) const {
  try {
    std::unique_ptr<DatabaseConnection> connection = services.databases.open(target);
    soci::session& session = connection->session();
    std::string charset, collation;
    session << "SELECT CAST(default_character_set_name AS CHAR), CAST(default_collation_name AS CHAR) "
               "FROM information_schema.schemata WHERE schema_name = DATABASE()",
        soci::into(charset), soci::into(collation);
    // Dropped and made again with its own defaults: tables, views, routines and events all go.
    std::string database = MysqlDialect::quote_identifier(target.database);
    session << "DROP DATABASE " << database;
    session << "CREATE DATABASE " << database << " CHARACTER SET " << charset << " COLLATE " << collation;
  } catch (const DatabaseError& error) {
    throw StepFailure(Kind::Failed, services.masker.mask(error.what()));
  } catch (const soci::soci_error& error) {
    throw StepFailure(Kind::Failed, services.masker.mask("cannot empty " + target.to_string() + ": " + error.what()));
  }
}

void MariadbDump::restore(const fs::path& file, const Dsn& target, const DumpServices& services) const {
  ClientOptionFile options(target, services);
  run_dump_tool_reading(services, mariadb, {options.argument(), "--database=" + target.database}, file, {},
                        "restore " + file.string() + " into " + target.to_string());
}

}  // namespace planrun
