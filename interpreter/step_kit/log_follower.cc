#include "interpreter/step_kit/log_follower.h"

#include <algorithm>

#include "interpreter/step_kit/file_system.h"

namespace planrun {
namespace {

// How much of a log is read at once, so that a large log costs no more memory than this.
constexpr size_t piece_size = 1 << 20;
// A line longer than this is shown cut, so that a failure message stays readable.
constexpr size_t longest_shown_line = 500;

std::string shown(std::string text) {
  if (text.size() > longest_shown_line) text = text.substr(0, longest_shown_line) + "...";
  return text;
}

}  // namespace

LogFollower::LogFollower(const FileSystem& files, std::filesystem::path file, LogPosition from)
    : files_(files), file_(std::move(file)), offset_(from.offset), pending_line_(from.line) {}

LogPosition LogFollower::end_of(const FileSystem& files, const std::filesystem::path& file) {
  LogPosition end;
  uint64_t size = files.file_size(file).value_or(0);
  while (end.offset < size) {
    std::string piece = files.read_at(file, end.offset, static_cast<size_t>(std::min<uint64_t>(piece_size, size - end.offset)));
    if (piece.empty()) break;  // it shrank meanwhile
    end.offset += piece.size();
    end.line += static_cast<uint64_t>(std::count(piece.begin(), piece.end(), '\n'));
  }
  return end;
}

std::vector<LogLine> LogFollower::read_new_lines() {
  std::vector<LogLine> lines;
  std::optional<uint64_t> size = files_.file_size(file_);
  if (!size) return lines;  // not written yet, or moved away and not created again yet
  if (*size < offset_) {
    offset_ = 0;
    pending_line_ = 1;
    pending_.clear();
    ++restarts_;
  }
  while (offset_ < *size) {
    std::string piece =
        files_.read_at(file_, offset_, static_cast<size_t>(std::min<uint64_t>(piece_size, *size - offset_)));
    if (piece.empty()) break;
    offset_ += piece.size();
    take(piece, lines);
  }
  return lines;
}

void LogFollower::take(const std::string& bytes, std::vector<LogLine>& lines) {
  size_t start = 0;
  for (size_t newline = bytes.find('\n'); newline != std::string::npos; newline = bytes.find('\n', start)) {
    pending_.append(bytes, start, newline - start);
    if (!pending_.empty() && pending_.back() == '\r') pending_.pop_back();
    last_.push_back(shown(pending_));
    if (last_.size() > last_lines_kept) last_.pop_front();
    lines.push_back({pending_line_++, std::move(pending_)});
    pending_.clear();
    start = newline + 1;
  }
  pending_.append(bytes, start, std::string::npos);
}

std::vector<std::string> LogFollower::last_lines() const {
  std::vector<std::string> out(last_.begin(), last_.end());
  if (!pending_.empty()) out.push_back(shown(pending_));
  if (out.size() > last_lines_kept) out.erase(out.begin());
  return out;
}

}  // namespace planrun
