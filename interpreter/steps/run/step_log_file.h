#pragma once

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>

namespace planrun {

// A step's own log, <run_dir>/<step id>.log, for reading after the run: the heading (the
// command line), then what the command printed. It is created at the first line printed, so a
// command that prints nothing leaves no file (creating a file per step was a third of the time
// of a run of 1,000 quiet steps). It is appended to, so the lines of an attempt cut short by a
// crash stay before those of the next one. Lines must arrive masked of secrets.
class StepLogFile {
 public:
  StepLogFile(const std::filesystem::path& run_dir, const std::string& step_id, std::string heading);
  ~StepLogFile();

  // Creates run_dir and the file at the first line; fails the step (EnvironmentError) when the
  // file cannot be opened.
  void write(const std::string& line);
  const std::filesystem::path& path() const { return path_; }

 private:
  void open();

  std::filesystem::path path_;
  std::string heading_;
  std::ofstream out_;
  std::chrono::steady_clock::time_point flushed_at_;
};

}  // namespace planrun
