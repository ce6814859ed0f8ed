#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

#include "interpreter/steps/copy_db/mysql_session.h"

namespace planrun {

// Sessions that copy_table's threads borrow one at a time (a session is never shared between
// threads: the C API is not thread-safe per connection).
class MysqlSessionPool {
 public:
  // A borrowed session, given back when the lease goes.
  class Lease {
   public:
    Lease(MysqlSessionPool& pool, std::unique_ptr<MysqlSession> session) : pool_(pool), session_(std::move(session)) {}
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease() { pool_.give_back(std::move(session_)); }
    MysqlSession& operator*() const { return *session_; }
    MysqlSession* operator->() const { return session_.get(); }

   private:
    MysqlSessionPool& pool_;
    std::unique_ptr<MysqlSession> session_;
  };

  void add(std::unique_ptr<MysqlSession> session) { give_back(std::move(session)); }
  // The sessions, for setting them all up before any is borrowed (the snapshot).
  std::vector<std::unique_ptr<MysqlSession>>& idle() { return idle_; }

  Lease borrow() {
    std::unique_lock lock(mutex_);
    returned_.wait(lock, [&] { return !idle_.empty(); });
    std::unique_ptr<MysqlSession> session = std::move(idle_.back());
    idle_.pop_back();
    return Lease(*this, std::move(session));
  }

 private:
  void give_back(std::unique_ptr<MysqlSession> session) {
    {
      std::lock_guard lock(mutex_);
      idle_.push_back(std::move(session));
    }
    returned_.notify_one();
  }

  std::mutex mutex_;
  std::condition_variable returned_;
  std::vector<std::unique_ptr<MysqlSession>> idle_;
};

}  // namespace planrun
