#pragma once

namespace planrun {

// ReadOnly is for `plan` and `status`: nothing is created or migrated, no byte of the state
// changes, and writes fail.
enum class StateAccess { ReadWrite, ReadOnly };

// Synced: durable against a power cut when the write returns. Relaxed: durable against kill -9
// at once, and against a power cut with the next synced write (state_store.h says which is which).
enum class WriteDurability { Synced, Relaxed };

}  // namespace planrun
