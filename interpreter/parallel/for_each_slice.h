#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <system_error>
#include <thread>
#include <vector>

namespace planrun {

// Runs `work(slice, first, count)` over the items [0, total) in slices of `slice_size` items,
// on one thread a core (this one included), each thread taking the next slice as it finishes
// one, so that a thread that starts late or runs slow simply takes fewer. `work` must touch
// only what belongs to its slice; it returns once every slice is done.
template <typename Work>
void for_each_slice(size_t total, size_t slice_size, Work work) {
  size_t slices = (total + slice_size - 1) / slice_size;
  std::atomic<size_t> next = 0;
  auto take_slices = [&] {
    for (size_t slice = next++; slice < slices; slice = next++) {
      size_t first = slice * slice_size;
      work(slice, first, std::min(slice_size, total - first));
    }
  };
  size_t threads = std::min<size_t>(std::max(1u, std::thread::hardware_concurrency()), slices);
  std::vector<std::jthread> helpers;
  try {
    for (size_t i = 1; i < threads; ++i) helpers.emplace_back(take_slices);
  } catch (const std::system_error&) {
    // No thread to be had (a process limit): the threads there are take every slice.
  }
  take_slices();
}

}  // namespace planrun
