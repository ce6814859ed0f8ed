#pragma once

// Fakes of the step kit's services for unit tests of step types: files in memory, a clock that
// moves only when slept on, and commands whose output and ending the test scripts.

#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "interpreter/step_kit/file_system.h"
#include "interpreter/step_kit/processes.h"
#include "interpreter/step_kit/step_clock.h"
#include "interpreter/step_kit/step_failure.h"
#include "interpreter/step_kit/step_services.h"

namespace planrun::testing {

// Files as a map from path to content; directories exist when created or when a file is in them.
class MemoryFileSystem final : public FileSystem {
 public:
  std::map<std::filesystem::path, std::string> files;
  std::vector<std::filesystem::path> directories;
  std::string refuse_writes;  // when set, every write fails with this reason (a full disk)

  bool exists(const std::filesystem::path& path) const override {
    if (files.count(path)) return true;
    for (const auto& directory : directories)
      if (directory == path) return true;
    return false;
  }
  std::optional<std::string> read_file(const std::filesystem::path& path) const override {
    auto found = files.find(path);
    return found == files.end() ? std::nullopt : std::optional(found->second);
  }
  void write_durably(const std::filesystem::path& path, std::string_view bytes) override {
    if (!refuse_writes.empty()) throw EnvironmentError("cannot write '" + path.string() + "': " + refuse_writes);
    files[path] = std::string(bytes);
  }
  void create_directories(const std::filesystem::path& path) override { directories.push_back(path); }
  void remove_all(const std::filesystem::path& path) override {
    std::erase_if(files, [&](const auto& entry) { return entry.first.string().starts_with(path.string()); });
    std::erase_if(directories, [&](const auto& entry) { return entry.string().starts_with(path.string()); });
  }
  std::vector<std::string> list(const std::filesystem::path& directory) const override {
    std::vector<std::string> names;
    for (const auto& [path, content] : files)
      if (path.parent_path() == directory) names.push_back(path.filename().string());
    return names;
  }
};

// A clock that starts at an arbitrary point and moves only when a step sleeps on it.
class ManualClock final : public StepClock {
 public:
  mutable TimePoint current{std::chrono::hours(1)};
  mutable std::vector<std::chrono::milliseconds> sleeps;
  TimePoint now() const override { return current; }
  bool sleep_for(std::chrono::milliseconds duration, const CancellationToken& cancel) const override {
    sleeps.push_back(duration);
    current += duration;
    return cancel.requested();
  }
};

// Commands that do not start: each run prints `lines` on stdout and ends as `result` says.
class ScriptedProcesses final : public Processes {
 public:
  std::vector<std::string> lines;
  ProcessResult result;
  mutable std::vector<ProcessSpec> started;
  ProcessResult run(const ProcessSpec& spec, const OutputHandler& on_line) const override {
    started.push_back(spec);
    for (const std::string& line : lines) on_line(OutputStream::Stdout, line);
    return result;
  }
};

// The three fakes as a context's services.
struct FakeServices {
  MemoryFileSystem files;
  ManualClock clock;
  ScriptedProcesses processes;
  StepServices services() { return {&files, &clock, &processes, nullptr}; }
};

}  // namespace planrun::testing
