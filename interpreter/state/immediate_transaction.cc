#include "interpreter/state/immediate_transaction.h"

#include <soci/soci.h>

namespace planrun {

ImmediateTransaction::ImmediateTransaction(soci::session& sql) : sql_(sql) {
  sql_ << "BEGIN IMMEDIATE";
}

ImmediateTransaction::~ImmediateTransaction() {
  if (!open_) return;
  try {
    sql_ << "ROLLBACK";
  } catch (const soci::soci_error&) {
    // SQLite already rolled back (after an I/O error, for one); nothing is left to undo.
  }
}

void ImmediateTransaction::commit() {
  sql_ << "COMMIT";
  open_ = false;
}

}  // namespace planrun
