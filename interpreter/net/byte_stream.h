#pragma once

#include <chrono>
#include <cstddef>
#include <stdexcept>
#include <string_view>

#include "interpreter/step_kit/step_failure.h"

namespace planrun {

using NetDeadline = std::chrono::steady_clock::time_point;

// A network operation that did not succeed; the message is the reason in words
// ("Connection refused", "timed out", "certificate verify failed: self-signed certificate").
// The world refused, not planrun: one that leaves a step fails it with this cause.
struct NetError : EnvironmentError {
  using EnvironmentError::EnvironmentError;
};

// A connected byte stream, plain or TLS, each operation bounded by a deadline (NetError after it).
class ByteStream {
 public:
  virtual ~ByteStream() = default;
  virtual void send_all(std::string_view data, NetDeadline deadline) = 0;
  // Reads what is there, up to `size` bytes, waiting for some; 0 when the peer has closed.
  virtual size_t receive(char* buffer, size_t size, NetDeadline deadline) = 0;
};

}  // namespace planrun
