#pragma once

#include <openssl/evp.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/time.h>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "tests/support/self_signed_tls.h"
#include "tests/support/tcp_test_listener.h"

namespace planrun::testing {

// A tiny HTTP server on 127.0.0.1 for tests, in a thread of its own, plain or TLS with a fresh
// self-signed certificate. It answers request N (from 0) with respond(N), then closes.
class HttpTestServer {
 public:
  using Responder = std::function<std::string(int request)>;

  explicit HttpTestServer(Responder respond, bool tls = false) : respond_(std::move(respond)) {
    if (tls) tls_ = self_signed_context();
    thread_ = std::thread([this] { serve(); });
  }
  // Answers with these statuses in turn, the last one from then on.
  explicit HttpTestServer(std::vector<int> statuses, bool tls = false)
      : HttpTestServer([statuses](int request) { return answer(statuses[std::min<size_t>(request, statuses.size() - 1)]); },
                       tls) {}
  ~HttpTestServer() {
    stop_ = true;
    thread_.join();
  }

  std::string url(const std::string& path = "/") const {
    return std::string(tls_ ? "https" : "http") + "://127.0.0.1:" + std::to_string(listener_.port()) + path;
  }
  int requests() const { return requests_; }
  // The head (request line and headers) of each request served, in order.
  std::vector<std::string> heads() const {
    std::lock_guard<std::mutex> lock(heads_mutex_);
    return heads_;
  }

  static std::string answer(int status, const std::string& body = "ok") {
    std::string reason = status == 200 ? "OK" : status == 404 ? "Not Found" : status == 503 ? "Service Unavailable" : "Other";
    return "HTTP/1.1 " + std::to_string(status) + " " + reason + "\r\nContent-Length: " + std::to_string(body.size()) +
           "\r\nConnection: close\r\n\r\n" + body;
  }

 private:
  void serve() {
    sigset_t pipe;  // a client that hung up must not kill the test binary with SIGPIPE
    sigemptyset(&pipe);
    sigaddset(&pipe, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe, nullptr);
    while (!stop_) {
      pollfd entry{listener_.fd(), POLLIN, 0};
      if (::poll(&entry, 1, 20) <= 0) continue;
      int client = ::accept4(listener_.fd(), nullptr, nullptr, SOCK_CLOEXEC);
      if (client < 0) continue;
      timeval limit{2, 0};
      ::setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
      tls_ ? serve_tls(client) : serve_plain(client);
      ::close(client);
    }
  }

  void serve_plain(int client) {
    std::string request;
    char buffer[4096];
    ssize_t got;
    while (request.find("\r\n\r\n") == std::string::npos && (got = ::recv(client, buffer, sizeof buffer, 0)) > 0)
      request.append(buffer, static_cast<size_t>(got));
    record(request);
    std::string response = respond_(requests_++);
    ::send(client, response.data(), response.size(), MSG_NOSIGNAL);
  }

  void serve_tls(int client) {
    std::unique_ptr<SSL, void (*)(SSL*)> ssl(SSL_new(tls_.get()), SSL_free);
    SSL_set_fd(ssl.get(), client);
    if (SSL_accept(ssl.get()) != 1) return;  // a client that refused the certificate
    std::string request;
    char buffer[4096];
    int got;
    while (request.find("\r\n\r\n") == std::string::npos && (got = SSL_read(ssl.get(), buffer, sizeof buffer)) > 0)
      request.append(buffer, static_cast<size_t>(got));
    record(request);
    std::string response = respond_(requests_++);
    SSL_write(ssl.get(), response.data(), static_cast<int>(response.size()));
    SSL_shutdown(ssl.get());
  }

  void record(const std::string& request) {
    std::lock_guard<std::mutex> lock(heads_mutex_);
    heads_.push_back(request.substr(0, request.find("\r\n\r\n")));
  }

  Responder respond_;
  mutable std::mutex heads_mutex_;
  std::vector<std::string> heads_;
  TlsServerContext tls_{nullptr, SSL_CTX_free};
  TcpTestListener listener_;
  std::atomic<bool> stop_{false};
  std::atomic<int> requests_{0};
  std::thread thread_;
};

}  // namespace planrun::testing
