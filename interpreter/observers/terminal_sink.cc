#include "interpreter/observers/terminal_sink.h"

#include <spdlog/pattern_formatter.h>

#include <utility>

namespace planrun {
namespace {

// ANSI: back to the start of the line and erase it; up one line and erase it.
constexpr std::string_view kEraseLine = "\r\033[K";
constexpr std::string_view kEraseLineAbove = "\033[A\033[K";

void put(FILE* out, std::string_view text) { std::fwrite(text.data(), 1, text.size(), out); }

std::string_view level_prefix(spdlog::level::level_enum level) {
  if (level == spdlog::level::warn) return "warning: ";
  if (level >= spdlog::level::err) return "error: ";
  return "";
}

}  // namespace

TerminalSink::TerminalSink(FILE* out) : out_(out) {
  // Short and readable: the date is in the run's records, the time is what people compare.
  formatter_ = std::make_unique<spdlog::pattern_formatter>("[%H:%M:%S] %v");
}

TerminalSink::~TerminalSink() {
  // Leaves the terminal with the cursor at the start of a clean line.
  std::lock_guard lock(mutex_);
  erase_status();
  std::fflush(out_);
}

void TerminalSink::write_line(std::string_view line) {
  std::lock_guard lock(mutex_);
  std::string text(line);
  text += '\n';
  write_above_status(text);
}

void TerminalSink::set_status(std::vector<std::string> lines) {
  std::lock_guard lock(mutex_);
  erase_status();
  status_ = std::move(lines);
  draw_status();
  std::fflush(out_);
}

void TerminalSink::sink_it_(const spdlog::details::log_msg& message) {
  std::string_view prefix = level_prefix(message.level);
  std::string payload = std::string(prefix) + std::string(message.payload.data(), message.payload.size());
  spdlog::details::log_msg prefixed = message;
  prefixed.payload = payload;
  spdlog::memory_buf_t formatted;
  formatter_->format(prefixed, formatted);
  write_above_status(std::string_view(formatted.data(), formatted.size()));
}

void TerminalSink::flush_() { std::fflush(out_); }

// Called with the lock held; `text` ends with a newline.
void TerminalSink::write_above_status(std::string_view text) {
  erase_status();
  put(out_, text);
  draw_status();
  std::fflush(out_);
}

// The cursor rests at the end of the block's last line, so erasing climbs from there.
void TerminalSink::erase_status() {
  if (status_.empty()) return;
  put(out_, kEraseLine);
  for (size_t line = 1; line < status_.size(); ++line) put(out_, kEraseLineAbove);
}

void TerminalSink::draw_status() {
  for (size_t line = 0; line < status_.size(); ++line) {
    if (line > 0) put(out_, "\n");
    put(out_, status_[line]);
  }
}

}  // namespace planrun
