#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "interpreter/files/file_descriptor.h"
#include "interpreter/net/byte_stream.h"

namespace planrun {

// Where to connect: a host name or address and a port.
struct HostPort {
  std::string host;  // without the brackets of an IPv6 literal
  uint16_t port = 0;
};

// "host:port", "127.0.0.1:9443" or "[::1]:9443"; nullopt when malformed.
std::optional<HostPort> parse_host_port(std::string_view text);

// A connected TCP socket (non-blocking underneath, so every wait has a deadline).
class TcpConnection final : public ByteStream {
 public:
  // Tries each address the name resolves to until one accepts; NetError with the last reason.
  static TcpConnection connect(const HostPort& address, NetDeadline deadline);

  void send_all(std::string_view data, NetDeadline deadline) override;
  size_t receive(char* buffer, size_t size, NetDeadline deadline) override;
  // Waits until the socket is ready for `events` (POLLIN, POLLOUT); NetError at the deadline.
  void wait(short events, NetDeadline deadline) const;
  int fd() const { return fd_.get(); }

 private:
  explicit TcpConnection(FileDescriptor fd) : fd_(std::move(fd)) {}
  FileDescriptor fd_;
};

// Whether a failed connect means that nothing listens there (the connection was refused), as
// against a timeout or an unreachable host, after which a server may still be listening.
bool connection_refused(const NetError& error);

}  // namespace planrun
