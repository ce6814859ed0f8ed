// A stand-in for a WSO2 Carbon server, for tests and the demo: what the upgrade's smoke tests
// and server checks see of Carbon, nothing more. Started by the bin/wso2server.sh that
// scripts/make-carbon-home.sh writes:
//
//   fake-carbon-server --home PRODUCT_HOME
//
// It reads <Ports><Offset> from PRODUCT_HOME/repository/conf/carbon.xml and listens on
// 127.0.0.1 only: HTTPS on 9443+offset (a fresh self-signed certificate) and HTTP on
// 9763+offset, as Carbon does. Once both listen it writes PRODUCT_HOME/wso2carbon.pid; SIGTERM
// ends it and removes the pid file. It answers:
//   GET /carbon/                    302 to https://localhost:HTTPS/carbon/admin/login.jsp
//   GET /carbon/admin/login.jsp     200, the login page
//   POST /services/NAME[...]        Carbon's admin services (soap_admin_services.h) on the
//                                   user-management database the home is connected to, with
//                                   basic auth (401 without)
//   anything else                   404

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cstring>
#include <fstream>
#include <iostream>
#include <regex>
#include <sstream>
#include <string>

#include "tests/support/self_signed_tls.h"
#include "tests/tools/fake_carbon_server/soap_admin_services.h"
#include "tests/tools/fake_carbon_server/soap_message.h"

namespace planrun::fake_carbon {
namespace {

namespace fs = std::filesystem;

volatile sig_atomic_t stopping = 0;

int port_offset(const fs::path& home) {
  std::ifstream in(home / "repository" / "conf" / "carbon.xml");
  std::stringstream text;
  text << in.rdbuf();
  std::smatch found;
  std::string xml = text.str();
  if (std::regex_search(xml, found, std::regex(R"(<Ports>[\s\S]*?<Offset>\s*(\d+)\s*</Offset>)")))
    return std::stoi(found[1]);
  return 0;
}

int listen_on(uint16_t port) {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  int yes = 1;
  ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(port);
  if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 || ::listen(fd, 64) != 0) {
    std::cerr << "fake-carbon-server: cannot listen on 127.0.0.1:" << port << ": " << std::strerror(errno) << "\n";
    std::exit(1);
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
  FakeCarbon(const fs::path& home, int https_port)
      : home_(home), https_port_(https_port) {}

  std::string answer(const Request& request) const {
    std::string path = request.target.substr(0, request.target.find('?'));
    if (path == "/carbon" || path == "/carbon/")
      return response(302, "Found", "", "Location: https://localhost:" + std::to_string(https_port_) + "/carbon/admin/login.jsp\r\n");
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
  // The home's configuration is read for each request: the admin services answer with a fault
  // naming what is wrong in it, as Carbon's do when its realm cannot be read.
  std::optional<AdminAnswer> admin_service(const std::string& path, const Request& request) const {
    AdminRequest admin{path, request.header("SOAPAction"), request.header("Authorization"), request.body};
    try {
      return answer_admin_service(admin, admin_context_from_home(home_));
    } catch (const std::runtime_error& error) {
      return AdminAnswer{500, fault(error.what()), ""};
    }
  }

  static std::string soap_response(const AdminAnswer& answer) {
    std::string reason = answer.status == 200 ? "OK" : answer.status == 202 ? "Accepted"
                         : answer.status == 401 ? "Unauthorized" : "Internal Server Error";
    return response(answer.status, reason, answer.body, answer.headers, "text/xml; charset=UTF-8");
  }

  fs::path home_;
  int https_port_;
};

void serve(int listener, SSL_CTX* tls, const FakeCarbon& carbon) {
  int client = ::accept4(listener, nullptr, nullptr, SOCK_CLOEXEC);
  if (client < 0) return;
  Connection connection(client, tls);
  Request request;
  if (connection.ok() && read_request(connection, request)) connection.write(carbon.answer(request));
}

void write_pid_file(const fs::path& file) {
  fs::path temporary = file.string() + ".tmp";
  std::ofstream(temporary) << ::getpid() << "\n";
  fs::rename(temporary, file);
}

}  // namespace
}  // namespace planrun::fake_carbon

int main(int argc, char** argv) {
  using namespace planrun::fake_carbon;
  if (argc != 3 || std::string(argv[1]) != "--home") {
    std::cerr << "usage: fake-carbon-server --home PRODUCT_HOME\n";
    return 2;
  }
  std::filesystem::path home = argv[2];
  int offset = port_offset(home);
  struct sigaction stop {};
  stop.sa_handler = [](int) { stopping = 1; };
  sigaction(SIGTERM, &stop, nullptr);
  sigaction(SIGINT, &stop, nullptr);
  signal(SIGPIPE, SIG_IGN);
  int https = listen_on(static_cast<uint16_t>(9443 + offset));
  int http = listen_on(static_cast<uint16_t>(9763 + offset));
  planrun::testing::TlsServerContext tls = planrun::testing::self_signed_context();
  FakeCarbon carbon(home, 9443 + offset);
  std::filesystem::path pid_file = home / "wso2carbon.pid";
  write_pid_file(pid_file);
  std::cout << "fake Carbon listening on https://127.0.0.1:" << 9443 + offset << " and http://127.0.0.1:" << 9763 + offset
            << std::endl;
  while (!stopping) {
    pollfd listeners[2] = {{https, POLLIN, 0}, {http, POLLIN, 0}};
    if (::poll(listeners, 2, 200) <= 0) continue;
    if (listeners[0].revents & POLLIN) serve(https, tls.get(), carbon);
    if (listeners[1].revents & POLLIN) serve(http, nullptr, carbon);
  }
  std::error_code ignored;
  std::filesystem::remove(pid_file, ignored);
  std::cout << "fake Carbon stopped" << std::endl;
  return 0;
}
