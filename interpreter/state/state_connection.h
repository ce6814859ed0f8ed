#pragma once

#include <soci/soci.h>
#include <sys/types.h>

#include <filesystem>
#include <mutex>
#include <optional>

#include "interpreter/state/immediate_transaction.h"
#include "interpreter/state/state_access.h"
#include "interpreter/state/state_error.h"

namespace planrun {

// The one connection to state.db that a StateStore writes through: opens it (WAL,
// synchronous=FULL, integrity check, schema upgrade; or read-only without creating anything),
// runs bodies one thread at a time, turns SOCI failures into StateError, and before every write
// checks that the path still names the file it opened.
class StateConnection {
 public:
  StateConnection(std::filesystem::path database, StateAccess access);

  const std::filesystem::path& file() const { return file_; }

  // Runs `body` with the connection, one thread at a time.
  template <class Body>
  auto locked(Body&& body) {
    std::lock_guard lock(mutex_);
    try {
      return body(sql_);
    } catch (const soci::soci_error& error) {
      rethrow(error, file_);
    }
  }

  // Runs `body` as one transaction, durable as `durability` says when this returns.
  template <class Body>
  void write(WriteDurability durability, Body&& body) {
    locked([&](soci::session& sql) {
      check_still_there();
      if (durability == WriteDurability::Relaxed) sql << "PRAGMA synchronous = NORMAL";
      try {
        ImmediateTransaction transaction(sql);
        body(sql);
        transaction.commit();
      } catch (...) {
        if (durability == WriteDurability::Relaxed) sql << "PRAGMA synchronous = FULL";
        throw;
      }
      if (durability == WriteDurability::Relaxed) sql << "PRAGMA synchronous = FULL";
    });
  }
  template <class Body>
  void write(Body&& body) {
    write(WriteDurability::Synced, std::forward<Body>(body));
  }
  // A write that need not survive a power cut on its own: WAL frames are durable in order, so it
  // becomes durable with the next synced write, and losing it loses only a fact that a crash
  // makes true anyway (a step that was starting is started again).
  template <class Body>
  void write_relaxed(Body&& body) {
    write(WriteDurability::Relaxed, std::forward<Body>(body));
  }

 private:
  // Which file a path names now: a state directory removed (or replaced) during a run is not an
  // error SQLite sees, as it goes on writing to the open, unlinked file.
  struct FileIdentity {
    dev_t device = 0;
    ino_t inode = 0;
    bool operator==(const FileIdentity&) const = default;
  };
  static std::optional<FileIdentity> identity_of(const std::filesystem::path& file);

  [[noreturn]] static void rethrow(const soci::soci_error& error, const std::filesystem::path& file);
  void check_still_there() const;

  std::filesystem::path file_;
  std::mutex mutex_;
  soci::session sql_;
  std::optional<FileIdentity> opened_;
};

}  // namespace planrun
