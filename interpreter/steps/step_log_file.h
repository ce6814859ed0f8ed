#pragma once

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>

namespace planrun {

// A step's own log, <run_dir>/<step id>.log, for reading after the run. It is appended to, so
// the lines of an attempt cut short by a crash stay before those of the next one. Lines must
// arrive masked of secrets.
class StepLogFile {
 public:
  // Creates run_dir when needed; fails the step (EnvironmentError) when the file cannot be opened.
  StepLogFile(const std::filesystem::path& run_dir, const std::string& step_id);
  ~StepLogFile();

  void write(const std::string& line);
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
  std::ofstream out_;
  std::chrono::steady_clock::time_point flushed_at_;
};

}  // namespace planrun
