#pragma once

#include <memory>
#include <string>

#include "interpreter/net/tcp_connection.h"

typedef struct ssl_ctx_st SSL_CTX;
typedef struct ssl_st SSL;

namespace planrun {

// TLS (OpenSSL) over a TcpConnection, as a client. With `verify`, the server's certificate
// must chain to the system's trusted roots and name `host`; without it (a plan's `insecure`,
// for a fresh server's self-signed certificate) any certificate is accepted.
class TlsConnection final : public ByteStream {
 public:
  // Shakes hands; NetError with the reason when that fails.
  TlsConnection(TcpConnection tcp, const std::string& host, bool verify, NetDeadline deadline);

  void send_all(std::string_view data, NetDeadline deadline) override;
  size_t receive(char* buffer, size_t size, NetDeadline deadline) override;

 private:
  // Repeats an OpenSSL call while it asks to wait for the socket; its result, 0 at a clean close.
  template <typename Call>
  int drive(Call call, NetDeadline deadline, const char* doing);
  std::string describe_failure(int error) const;

  TcpConnection tcp_;
  std::unique_ptr<SSL_CTX, void (*)(SSL_CTX*)> context_;
  std::unique_ptr<SSL, void (*)(SSL*)> ssl_;
};

}  // namespace planrun
