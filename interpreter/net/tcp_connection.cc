#include "interpreter/net/tcp_connection.h"

#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>

#include <cerrno>
#include <charconv>
#include <memory>
#include <system_error>

namespace planrun {
namespace {

using Clock = std::chrono::steady_clock;

std::string error_text(int error) { return std::error_code(error, std::generic_category()).message(); }

void wait_ready(int fd, short events, NetDeadline deadline) {
  for (;;) {
    auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) throw NetError("timed out");
    pollfd entry{fd, events, 0};
    int ready = ::poll(&entry, 1, static_cast<int>(left.count()));
    if (ready > 0) return;
    if (ready < 0 && errno != EINTR) throw NetError(error_text(errno));
  }
}

FileDescriptor connect_one(const addrinfo& address, NetDeadline deadline) {
  FileDescriptor fd(::socket(address.ai_family, address.ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, address.ai_protocol));
  if (!fd.valid()) throw NetError(error_text(errno));
  if (::connect(fd.get(), address.ai_addr, address.ai_addrlen) == 0) return fd;
  if (errno != EINPROGRESS) throw NetError(error_text(errno));
  wait_ready(fd.get(), POLLOUT, deadline);
  int error = 0;
  socklen_t length = sizeof error;
  if (::getsockopt(fd.get(), SOL_SOCKET, SO_ERROR, &error, &length) != 0) error = errno;
  if (error != 0) throw NetError(error_text(error));
  return fd;
}

}  // namespace

std::optional<HostPort> parse_host_port(std::string_view text) {
  size_t colon = text.rfind(':');
  if (colon == std::string_view::npos || colon == 0) return std::nullopt;
  std::string_view host = text.substr(0, colon), port_text = text.substr(colon + 1);
  if (host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  else if (host.find(':') != std::string_view::npos) return std::nullopt;  // IPv6 needs brackets
  unsigned port = 0;
  auto [end, error] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (host.empty() || error != std::errc() || end != port_text.data() + port_text.size() || port == 0 || port > 65535)
    return std::nullopt;
  return HostPort{std::string(host), static_cast<uint16_t>(port)};
}

TcpConnection TcpConnection::connect(const HostPort& address, NetDeadline deadline) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  int status = ::getaddrinfo(address.host.c_str(), std::to_string(address.port).c_str(), &hints, &found);
  if (status != 0) throw NetError(status == EAI_SYSTEM ? error_text(errno) : ::gai_strerror(status));
  std::unique_ptr<addrinfo, decltype(&::freeaddrinfo)> owned(found, &::freeaddrinfo);
  std::string last_error = "no address";
  for (const addrinfo* candidate = found; candidate != nullptr; candidate = candidate->ai_next) {
    try {
      return TcpConnection(connect_one(*candidate, deadline));
    } catch (const NetError& error) {
      last_error = error.what();
    }
  }
  throw NetError(last_error);
}

void TcpConnection::send_all(std::string_view data, NetDeadline deadline) {
  while (!data.empty()) {
    ssize_t sent = ::send(fd_.get(), data.data(), data.size(), MSG_NOSIGNAL);
    if (sent > 0) data.remove_prefix(static_cast<size_t>(sent));
    else if (errno == EAGAIN || errno == EWOULDBLOCK) wait(POLLOUT, deadline);
    else if (errno != EINTR) throw NetError(error_text(errno));
  }
}

size_t TcpConnection::receive(char* buffer, size_t size, NetDeadline deadline) {
  for (;;) {
    ssize_t got = ::recv(fd_.get(), buffer, size, 0);
    if (got >= 0) return static_cast<size_t>(got);
    if (errno == EAGAIN || errno == EWOULDBLOCK) wait(POLLIN, deadline);
    else if (errno != EINTR) throw NetError(error_text(errno));
  }
}

void TcpConnection::wait(short events, NetDeadline deadline) const { wait_ready(fd_.get(), events, deadline); }

bool connection_refused(const NetError& error) {
  return std::string_view(error.what()).find("refused") != std::string_view::npos;
}

}  // namespace planrun
