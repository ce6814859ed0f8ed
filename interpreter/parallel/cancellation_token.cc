#include "interpreter/parallel/cancellation_token.h"

#include <utility>

namespace planrun {

CancellationToken::Registration::Registration(Registration&& other) noexcept
    : token_(std::exchange(other.token_, nullptr)), id_(std::exchange(other.id_, 0)) {}

CancellationToken::Registration& CancellationToken::Registration::operator=(Registration&& other) noexcept {
  if (this != &other) {
    release();
    token_ = std::exchange(other.token_, nullptr);
    id_ = std::exchange(other.id_, 0);
  }
  return *this;
}

CancellationToken::Registration::~Registration() { release(); }

void CancellationToken::Registration::release() {
  if (token_) token_->unregister(id_);
  token_ = nullptr;
}

// Callbacks run outside the lock, one at a time, so a callback may read the token and an
// unregistration on another thread can wait for the one that is running.
void CancellationToken::request() {
  std::unique_lock lock(mutex_);
  if (requested_) return;
  requested_ = true;
  changed_.notify_all();
  while (!callbacks_.empty()) {
    auto next = callbacks_.begin();
    std::function<void()> callback = std::move(next->second);
    running_id_ = next->first;
    running_thread_ = std::this_thread::get_id();
    callbacks_.erase(next);
    lock.unlock();
    callback();
    lock.lock();
    running_id_ = 0;
    changed_.notify_all();
  }
}

bool CancellationToken::requested() const {
  std::lock_guard lock(mutex_);
  return requested_;
}

CancellationToken::Registration CancellationToken::on_request(std::function<void()> callback) const {
  std::unique_lock lock(mutex_);
  if (requested_) {
    lock.unlock();
    callback();
    return {};
  }
  uint64_t id = next_id_++;
  callbacks_.emplace(id, std::move(callback));
  return {this, id};
}

void CancellationToken::unregister(uint64_t id) const {
  std::unique_lock lock(mutex_);
  if (callbacks_.erase(id)) return;
  if (running_thread_ == std::this_thread::get_id()) return;  // unregistering from inside its own callback
  changed_.wait(lock, [&] { return running_id_ != id; });
}

bool CancellationToken::sleep_for(std::chrono::milliseconds duration) const {
  std::unique_lock lock(mutex_);
  changed_.wait_for(lock, duration, [&] { return requested_; });
  return requested_;
}

}  // namespace planrun
