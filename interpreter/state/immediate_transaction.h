#pragma once

namespace soci {
class session;
}

namespace planrun {

// A SQLite write transaction that takes the write lock when it begins (BEGIN IMMEDIATE) and rolls
// back unless committed. soci::transaction begins DEFERRED, and a deferred transaction that reads
// before it writes fails with SQLITE_BUSY, without waiting, when another connection wrote first.
class ImmediateTransaction {
 public:
  explicit ImmediateTransaction(soci::session& sql);
  ~ImmediateTransaction();
  ImmediateTransaction(const ImmediateTransaction&) = delete;
  ImmediateTransaction& operator=(const ImmediateTransaction&) = delete;

  // Durable when it returns, given synchronous=FULL.
  void commit();

 private:
  soci::session& sql_;
  bool open_ = true;
};

}  // namespace planrun
