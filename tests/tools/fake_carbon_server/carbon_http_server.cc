#include "tests/tools/fake_carbon_server/carbon_http_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cstring>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <string>

#include "tests/support/self_signed_tls.h"
#include "tests/tools/fake_carbon_server/soap_admin_services.h"
#include "tests/tools/fake_carbon_server/soap_message.h"

namespace planrun::fake_carbon {
namespace {

int listen_on(uint16_t port) {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  int yes = 1;
  ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(port);
  if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 || ::listen(fd, 64) != 0) {
    std::string cause = std::strerror(errno);
    ::close(fd);
    throw std::runtime_error("Failed to start the connector on 127.0.0.1:" + std::to_string(port) + ": " + cause);
  }
  return fd;
}

// One connection, plain or TLS.
class Connection {
 public:
  Connection(int fd, SSL_CTX* tls) : fd_(fd) {
    timeval limit{5, 0};
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
    ::setsockopt(fd_, SOL_SOCKET, SO_SNDTIMEO, &limit, sizeof limit);
    if (!tls) return;
    ssl_ = SSL_new(tls);
    SSL_set_fd(ssl_, fd_);
    if (SSL_accept(ssl_) != 1) ok_ = false;
  }
  ~Connection() {
    if (ssl_) SSL_shutdown(ssl_), SSL_free(ssl_);
    ::close(fd_);
  }
  bool ok() const { return ok_; }
  // Reads some bytes; 0 at the end or on an error.
  size_t read(char* buffer, size_t size) {
    ssize_t got = ssl_ ? SSL_read(ssl_, buffer, static_cast<int>(size)) : ::recv(fd_, buffer, size, 0);
    return got > 0 ? static_cast<size_t>(got) : 0;
  }
  void write(const std::string& data) {
    if (ssl_) SSL_write(ssl_, data.data(), static_cast<int>(data.size()));
    else ::send(fd_, data.data(), data.size(), MSG_NOSIGNAL);
  }

 private:
  int fd_;
  SSL* ssl_ = nullptr;
  bool ok_ = true;
};

struct Request {
  std::string method, target, head, body;
  std::string header(const std::string& name) const {
    std::smatch found;
    if (std::regex_search(head, found, std::regex("\r\n" + name + ":[ \t]*([^\r]*)", std::regex::icase))) return found[1];
    return "";
  }
};

bool read_request(Connection& connection, Request& request) {
  std::string raw;
  char buffer[8192];
  size_t head_end;
  while ((head_end = raw.find("\r\n\r\n")) == std::string::npos) {
    size_t got = connection.read(buffer, sizeof buffer);
    if (got == 0 || raw.size() > 1024 * 1024) return false;
    raw.append(buffer, got);
  }
  request.head = raw.substr(0, head_end);
  std::istringstream line(request.head);
  line >> request.method >> request.target;
  std::string length = request.header("Content-Length");
  size_t wanted = length.empty() ? 0 : std::stoul(length);
  request.body = raw.substr(head_end + 4);
  while (request.body.size() < wanted) {
    size_t got = connection.read(buffer, sizeof buffer);
    if (got == 0) return false;
    request.body.append(buffer, got);
  }
  return true;
}

std::string response(int status, const std::string& reason, const std::string& body, const std::string& extra = "",
                     const std::string& type = "text/html; charset=UTF-8") {
  return "HTTP/1.1 " + std::to_string(status) + " " + reason + "\r\nServer: WSO2 Carbon Server\r\nContent-Type: " + type +
         "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n" + extra + "Connection: close\r\n\r\n" + body;
}

class FakeCarbon {
 public:
  FakeCarbon(const CarbonStartup& startup, CarbonLog& log) : startup_(startup), log_(log) {}

  std::string answer(const Request& request) const {
    std::string path = request.target.substr(0, request.target.find('?'));
    if (path == "/carbon" || path == "/carbon/")
      return response(302, "Found", "", "Location: https://localhost:" + std::to_string(startup_.https_port) + "/carbon/admin/login.jsp\r\n");
    if (path == "/carbon/admin/login.jsp")
      return response(200, "OK", "<html><head><title>WSO2 Management Console</title></head><body>"
                                 "<form action=\"login_action.jsp\" method=\"POST\"><input name=\"username\"/>"
                                 "<input name=\"password\" type=\"password\"/><input type=\"submit\" value=\"Sign In\"/>"
                                 "</form></body></html>");
    if (request.method == "POST")
      if (std::optional<AdminAnswer> admin = admin_service(path, request)) return soap_response(*admin);
    return response(404, "Not Found", "<html><body>404 " + path + "</body></html>");
  }

 private:
  // user-mgt.xml is read for each request: the admin services answer with a fault naming what
  // is wrong in it, as Carbon's do when its realm cannot be read. The database is the one
  // start-up logged in to.
  std::optional<AdminAnswer> admin_service(const std::string& path, const Request& request) const {
    AdminRequest admin{path, request.header("SOAPAction"), request.header("Authorization"), request.body};
    try {
      std::string error;
      std::optional<Dsn> database = parse_dsn(startup_.user_management.dsn, &error);
      if (!database) throw std::runtime_error("the user-management datasource: " + error);
      AdminContext context = admin_context(startup_.home, *database, startup_.user_management.password);
      context.log_error = [this](const std::string& logger, const std::string& message) { log_.error(logger, message); };
      return answer_admin_service(admin, context);
    } catch (const std::runtime_error& error) {
      log_.error("org.wso2.carbon.user.core.common.DefaultRealmService", error.what());
      return AdminAnswer{500, fault(error.what()), ""};
    }
  }

  static std::string soap_response(const AdminAnswer& answer) {
    std::string reason = answer.status == 200 ? "OK" : answer.status == 202 ? "Accepted"
                         : answer.status == 401 ? "Unauthorized" : "Internal Server Error";
    return response(answer.status, reason, answer.body, answer.headers, "text/xml; charset=UTF-8");
  }

  const CarbonStartup& startup_;
  CarbonLog& log_;
};

void serve(int listener, SSL_CTX* tls, const FakeCarbon& carbon) {
  int client = ::accept4(listener, nullptr, nullptr, SOCK_CLOEXEC);
  if (client < 0) return;
  Connection connection(client, tls);
  Request request;
  if (connection.ok() && read_request(connection, request)) connection.write(carbon.answer(request));
}

}  // namespace

CarbonHttpServer::CarbonHttpServer(CarbonStartup startup) : startup_(std::move(startup)) {
  https_ = listen_on(static_cast<uint16_t>(startup_.https_port));
  try {
    http_ = listen_on(static_cast<uint16_t>(startup_.http_port));
  } catch (...) {
    ::close(https_);
    throw;
  }
}

CarbonHttpServer::~CarbonHttpServer() {
  ::close(https_);
  ::close(http_);
}

void CarbonHttpServer::serve_until(const std::function<bool()>& stop, CarbonLog& log) {
  planrun::testing::TlsServerContext tls = planrun::testing::self_signed_context();
  FakeCarbon carbon(startup_, log);
  while (!stop()) {
    pollfd listeners[2] = {{https_, POLLIN, 0}, {http_, POLLIN, 0}};
    if (::poll(listeners, 2, 200) <= 0) continue;
    if (listeners[0].revents & POLLIN) serve(https_, tls.get(), carbon);
    if (listeners[1].revents & POLLIN) serve(http_, nullptr, carbon);
  }
}

}  // namespace planrun::fake_carbon
