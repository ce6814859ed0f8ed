#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <thread>

namespace planrun {

// Asked to stop (Ctrl-C, SIGTERM, a step timeout): steps poll it at their safe points and
// return early. A step blocked in a call that polling cannot reach (a prompt waiting for a line,
// a database query, a dump process) registers a callback that unblocks it (PQcancel, closing a
// socket, writing to a self-pipe); nothing is torn down from outside the step.
class CancellationToken {
 public:
  // Keeps a callback registered while it lives. Its destructor unregisters the callback and,
  // if the callback is running on another thread, waits until it has returned, so what the
  // callback touches may be destroyed right after.
  class Registration {
   public:
    Registration() = default;
    Registration(Registration&& other) noexcept;
    Registration& operator=(Registration&& other) noexcept;
    ~Registration();

   private:
    friend class CancellationToken;
    Registration(const CancellationToken* token, uint64_t id) : token_(token), id_(id) {}
    void release();
    const CancellationToken* token_ = nullptr;
    uint64_t id_ = 0;
  };

  CancellationToken() = default;
  CancellationToken(const CancellationToken&) = delete;
  CancellationToken& operator=(const CancellationToken&) = delete;

  // Requests cancellation; the first request calls every registered callback once, on this thread.
  void request();
  bool requested() const;

  // Calls `callback` once when cancellation is requested; at once (on this thread) when it
  // already was. The callback must not block for long and must not register callbacks.
  [[nodiscard]] Registration on_request(std::function<void()> callback) const;

  // Sleeps up to `duration`, waking early when cancellation is requested; true when it was.
  bool sleep_for(std::chrono::milliseconds duration) const;

 private:
  void unregister(uint64_t id) const;

  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  bool requested_ = false;
  mutable uint64_t next_id_ = 1;
  mutable std::map<uint64_t, std::function<void()>> callbacks_;
  mutable uint64_t running_id_ = 0;  // the callback request() is calling now, 0 for none
  mutable std::thread::id running_thread_;
};

}  // namespace planrun
