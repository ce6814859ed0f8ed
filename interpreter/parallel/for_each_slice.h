#pragma once

#include <algorithm>
#include <cstddef>
#include <thread>

#include "interpreter/parallel/run_all.h"

namespace planrun {

// Runs `work(slice, first, count)` over the items [0, total) in slices of `slice_size` items,
// on one thread a core (this one included), each thread taking the next slice as it finishes
// one, so that a thread that starts late or runs slow simply takes fewer. `work` must touch
// only what belongs to its slice; it returns once every slice is done. The first exception
// `work` throws stops the slicing and is rethrown here (for_each_index).
template <typename Work>
void for_each_slice(size_t total, size_t slice_size, Work work) {
  size_t slices = (total + slice_size - 1) / slice_size;
  size_t cores = std::max(1u, std::thread::hardware_concurrency());
  for_each_index(slices, cores, [&](size_t slice) {
    size_t first = slice * slice_size;
    work(slice, first, std::min(slice_size, total - first));
  });
}

}  // namespace planrun
