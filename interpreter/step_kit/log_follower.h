#pragma once

#include <cstdint>
#include <deque>
#include <filesystem>
#include <string>
#include <vector>

namespace planrun {

class FileSystem;

// A place in a log: the byte offset and the number (from 1) of the line that starts there,
// or that goes on there when the offset falls inside a line.
struct LogPosition {
  uint64_t offset = 0;
  uint64_t line = 1;
};

// One whole line of a log, without its newline (nor a carriage return before it).
struct LogLine {
  uint64_t number = 0;
  std::string text;
};

// Reads the lines a log gains after a position, through the files service, one call at a
// time: a server's log while a step waits for it (step_kit/log_watch.h). A last line without
// its newline yet is held back until it has one. A file that became shorter than what was read
// was truncated or replaced by a new one (rotation): it is read again from its start.
class LogFollower {
 public:
  LogFollower(const FileSystem& files, std::filesystem::path file, LogPosition from);

  // Where `file` ends now ({0, 1} when it does not exist): where to follow from, so that only
  // what is written afterwards counts. Reads the file once, to number its lines.
  static LogPosition end_of(const FileSystem& files, const std::filesystem::path& file);

  // The lines completed since the last call, in order.
  std::vector<LogLine> read_new_lines();
  // The last lines read (at most `last_lines_kept`), with the unfinished one, if any: what a
  // failure shows of the log.
  std::vector<std::string> last_lines() const;
  // How many times the file was found shorter and read again from its start.
  int restarts() const { return restarts_; }
  const std::filesystem::path& file() const { return file_; }

  static constexpr size_t last_lines_kept = 10;

 private:
  void take(const std::string& bytes, std::vector<LogLine>& lines);

  const FileSystem& files_;
  std::filesystem::path file_;
  uint64_t offset_;        // the end of what was read, the unfinished line included
  uint64_t pending_line_;  // the number of the unfinished line
  std::string pending_;    // the unfinished line
  std::deque<std::string> last_;
  int restarts_ = 0;
};

}  // namespace planrun
