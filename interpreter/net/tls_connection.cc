#include "interpreter/net/tls_connection.h"

#include <arpa/inet.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>
#include <poll.h>
#include <signal.h>

#include <cerrno>
#include <climits>
#include <system_error>

namespace planrun {
namespace {

// OpenSSL writes to the socket with write(), which raises SIGPIPE when the server has gone
// away; planrun must not die of that, so SIGPIPE is blocked on this thread around each call
// and one raised meanwhile is taken off the pending set.
class SigpipeGuard {
 public:
  SigpipeGuard() {
    sigemptyset(&pipe_);
    sigaddset(&pipe_, SIGPIPE);
    sigset_t pending;
    sigpending(&pending);
    was_pending_ = sigismember(&pending, SIGPIPE) == 1;
    pthread_sigmask(SIG_BLOCK, &pipe_, &previous_);
  }
  ~SigpipeGuard() {
    sigset_t pending;
    sigpending(&pending);
    timespec no_wait{};
    if (!was_pending_ && sigismember(&pending, SIGPIPE) == 1) sigtimedwait(&pipe_, nullptr, &no_wait);
    pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
  }
  SigpipeGuard(const SigpipeGuard&) = delete;
  SigpipeGuard& operator=(const SigpipeGuard&) = delete;

 private:
  sigset_t pipe_;
  sigset_t previous_;
  bool was_pending_ = false;
};

bool is_ip_address(const std::string& host) {
  unsigned char buffer[sizeof(in6_addr)];
  return inet_pton(AF_INET, host.c_str(), buffer) == 1 || inet_pton(AF_INET6, host.c_str(), buffer) == 1;
}

std::string openssl_error_text() {
  unsigned long code = ERR_peek_last_error();
  if (code == 0) return "TLS failure";
  const char* reason = ERR_reason_error_string(code);
  return reason ? reason : "TLS failure";
}

}  // namespace

TlsConnection::TlsConnection(TcpConnection tcp, const std::string& host, bool verify, NetDeadline deadline)
    : tcp_(std::move(tcp)), context_(SSL_CTX_new(TLS_client_method()), SSL_CTX_free), ssl_(nullptr, SSL_free) {
  if (!context_) throw NetError(openssl_error_text());
  // Servers that close without a TLS close_notify are common; their answer is complete.
  SSL_CTX_set_options(context_.get(), SSL_OP_IGNORE_UNEXPECTED_EOF);
  if (verify) {
    SSL_CTX_set_default_verify_paths(context_.get());
    SSL_CTX_set_verify(context_.get(), SSL_VERIFY_PEER, nullptr);
  }
  ssl_.reset(SSL_new(context_.get()));
  if (!ssl_ || SSL_set_fd(ssl_.get(), tcp_.fd()) != 1) throw NetError(openssl_error_text());
  bool ip = is_ip_address(host);
  if (!ip) SSL_set_tlsext_host_name(ssl_.get(), host.c_str());
  if (verify && ip) X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl_.get()), host.c_str());
  if (verify && !ip) SSL_set1_host(ssl_.get(), host.c_str());
  drive([this] { return SSL_connect(ssl_.get()); }, deadline, "TLS handshake");
}

void TlsConnection::send_all(std::string_view data, NetDeadline deadline) {
  while (!data.empty()) {
    int chunk = static_cast<int>(std::min<size_t>(data.size(), INT_MAX));
    int sent = drive([&] { return SSL_write(ssl_.get(), data.data(), chunk); }, deadline, "TLS write");
    if (sent == 0) throw NetError("the server closed the connection");
    data.remove_prefix(static_cast<size_t>(sent));
  }
}

size_t TlsConnection::receive(char* buffer, size_t size, NetDeadline deadline) {
  int chunk = static_cast<int>(std::min<size_t>(size, INT_MAX));
  return static_cast<size_t>(drive([&] { return SSL_read(ssl_.get(), buffer, chunk); }, deadline, "TLS read"));
}

template <typename Call>
int TlsConnection::drive(Call call, NetDeadline deadline, const char* doing) {
  for (;;) {
    SigpipeGuard guard;
    ERR_clear_error();
    int result = call();
    if (result > 0) return result;
    int error = SSL_get_error(ssl_.get(), result);
    if (error == SSL_ERROR_ZERO_RETURN) return 0;
    if (error == SSL_ERROR_WANT_READ) tcp_.wait(POLLIN, deadline);
    else if (error == SSL_ERROR_WANT_WRITE) tcp_.wait(POLLOUT, deadline);
    else throw NetError(std::string(doing) + " failed: " + describe_failure(error));
  }
}

std::string TlsConnection::describe_failure(int error) const {
  long verify_result = SSL_get_verify_result(ssl_.get());
  if (verify_result != X509_V_OK)
    return std::string("certificate verify failed: ") + X509_verify_cert_error_string(verify_result);
  if (error == SSL_ERROR_SYSCALL && ERR_peek_last_error() == 0)
    return errno != 0 ? std::error_code(errno, std::generic_category()).message() : "the server closed the connection";
  return openssl_error_text();
}

}  // namespace planrun
