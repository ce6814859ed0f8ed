#include "interpreter/steps/run/step_log_file.h"

#include <system_error>

#include "interpreter/step_kit/step_failure.h"

namespace planrun {
namespace {

// Someone may be following the file (tail -f); flushing every line of a chatty command would
// cost a write per line, so lines reach the file at least this often.
constexpr std::chrono::milliseconds flush_interval{200};

[[noreturn]] void cannot_open(const std::filesystem::path& path, const std::string& why) {
  throw EnvironmentError("cannot write the step log " + path.string() + ": " + why);
}

}  // namespace

StepLogFile::StepLogFile(const std::filesystem::path& run_dir, const std::string& step_id, std::string heading)
    : path_(run_dir / (step_id + ".log")), heading_(std::move(heading)), flushed_at_(std::chrono::steady_clock::now()) {}

StepLogFile::~StepLogFile() {
  if (out_.is_open()) out_.flush();
}

void StepLogFile::open() {
  std::error_code error;
  std::filesystem::create_directories(path_.parent_path(), error);
  if (error) cannot_open(path_, error.message());
  out_.open(path_, std::ios::app);
  if (!out_) cannot_open(path_, std::error_code(errno, std::generic_category()).message());
  out_ << heading_ << '\n';
}

void StepLogFile::write(const std::string& line) {
  if (!out_.is_open()) open();
  out_ << line << '\n';
  auto now = std::chrono::steady_clock::now();
  if (now - flushed_at_ < flush_interval) return;
  out_.flush();
  flushed_at_ = now;
}

}  // namespace planrun
