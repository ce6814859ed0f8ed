#pragma once

#include <spdlog/sinks/base_sink.h>

#include <cstdio>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace planrun {

// The terminal as log lines scrolling above a live status block (the progress bars). Every line
// written while the block is shown first erases the block, then draws it again below the line,
// so bars never tear log output. It is an spdlog sink so that TerminalLog's logger (and, if the
// command line wishes, the default logger) write through it; it is thread-safe, because a
// default logger may be used from any thread. Lines look like "[12:03:04] text"; warnings and
// errors say so ("[12:03:04] warning: text"), as TerminalLog writes everything at info level.
// Does not own `out` (stderr).
class TerminalSink final : public spdlog::sinks::base_sink<std::mutex> {
 public:
  explicit TerminalSink(FILE* out);
  ~TerminalSink() override;

  // A line as is, without the logger's pattern (no time stamp): tables, blank lines.
  void write_line(std::string_view line);

  // Replaces the live block with `lines` (an empty list clears it). Each line must fit the
  // terminal's width, or the next erase would leave its wrapped part behind.
  void set_status(std::vector<std::string> lines);

 protected:
  void sink_it_(const spdlog::details::log_msg& message) override;
  void flush_() override;

 private:
  void write_above_status(std::string_view text);
  void erase_status();
  void draw_status();

  FILE* out_;
  std::vector<std::string> status_;
};

}  // namespace planrun
