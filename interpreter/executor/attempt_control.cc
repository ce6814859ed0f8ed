#include "interpreter/executor/attempt_control.h"

#include <system_error>

namespace planrun {

using Clock = std::chrono::steady_clock;

AttemptControl::~AttemptControl() { end(); }

std::shared_ptr<CancellationToken> AttemptControl::begin(std::optional<std::chrono::milliseconds> timeout) {
  std::lock_guard lock(mutex_);
  token_ = std::make_shared<CancellationToken>();
  deadline_ = timeout ? std::optional(Clock::now() + *timeout) : std::nullopt;
  timed_out_ = false;
  token_cancelled_ = stopping_;
  // No callback is registered yet: requesting here blocks on nothing.
  if (stopping_) token_->request();
  if (deadline_ && !stopping_) start_watching();
  changed_.notify_all();
  return token_;
}

void AttemptControl::stop() {
  std::lock_guard lock(mutex_);
  if (stopping_ || ended_) return;
  stopping_ = true;
  if (token_) start_watching();  // else begin() cancels the attempt it starts
  changed_.notify_all();
}

void AttemptControl::end() {
  {
    std::lock_guard lock(mutex_);
    ended_ = true;
    changed_.notify_all();
  }
  if (watcher_.joinable()) watcher_.join();
}

// Called with the lock held.
void AttemptControl::start_watching() {
  if (watcher_.joinable() || ended_) return;
  try {
    watcher_ = std::thread([this] { watch(); });
  } catch (const std::system_error&) {
    // No thread to be had: the caller's thread cancels (a slow cancel then delays it).
    if (token_ && !token_cancelled_ && stopping_) {
      token_cancelled_ = true;
      std::shared_ptr<CancellationToken> token = token_;
      mutex_.unlock();
      token->request();
      mutex_.lock();
    }
  }
}

// Sleeps until the attempt's deadline or a stop, and cancels the attempt then, outside the
// lock, so that begin() and stop() never wait for the step's callbacks.
void AttemptControl::watch() {
  std::unique_lock lock(mutex_);
  while (!ended_) {
    bool past_deadline = deadline_ && Clock::now() >= *deadline_;
    if (token_ && !token_cancelled_ && (stopping_ || past_deadline)) {
      if (past_deadline) timed_out_ = true;
      token_cancelled_ = true;
      std::shared_ptr<CancellationToken> token = token_;
      lock.unlock();
      token->request();
      lock.lock();
      continue;
    }
    if (deadline_ && !token_cancelled_)
      changed_.wait_until(lock, *deadline_);
    else
      changed_.wait(lock);
  }
}

}  // namespace planrun
