#pragma once

#include <algorithm>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace planrun {

// Cuts a byte stream into lines as chunks of it arrive. Line ends ("\n", "\r\n") are dropped;
// a line longer than the limit is handed on in pieces, so one endless line cannot exhaust memory.
class LineSplitter {
 public:
  using LineHandler = std::function<void(const std::string& line)>;

  explicit LineSplitter(size_t max_line = 64 * 1024) : max_line_(max_line) {}

  void feed(std::string_view chunk, const LineHandler& on_line);
  // Hands on the last line when the stream ended without a line end.
  void finish(const LineHandler& on_line);

 private:
  void emit(const LineHandler& on_line);

  size_t max_line_;
  std::string partial_;
};

}  // namespace planrun
