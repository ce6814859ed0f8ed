#pragma once

// Fakes of the step kit's services for unit tests of step types: files in memory, a clock that
// moves only when slept on, and commands whose output and ending the test scripts.

#include <algorithm>
#include <deque>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "interpreter/step_kit/file_system.h"
#include "interpreter/step_kit/processes.h"
#include "interpreter/step_kit/step_clock.h"
#include "interpreter/step_kit/step_failure.h"
#include "interpreter/step_kit/step_services.h"

namespace planrun::testing {

// Files as a map from path to content, as strict as the machine's where a step could tell:
// a file is written only into a directory that exists (one created, with its ancestors, or one
// a file is in), a symbolic link (`links`) is read through, and a file has permission bits
// (`modes`) that a rewrite keeps.
class MemoryFileSystem final : public FileSystem {
 public:
  std::map<std::filesystem::path, std::string> files;
  std::map<std::filesystem::path, mode_t> modes;                  // of each file in `files`
  std::map<std::filesystem::path, std::filesystem::path> links;   // symbolic link -> the file it names
  std::set<std::filesystem::path> directories;
  std::string refuse_writes;  // when set, every write fails with this reason (a full disk)

  bool exists(const std::filesystem::path& path) const override {
    std::filesystem::path file = resolved(path);
    return !file.empty() && (files.count(file) || is_directory(file));
  }
  std::optional<std::string> read_file(const std::filesystem::path& path) const override {
    auto found = files.find(resolved(path));
    return found == files.end() ? std::nullopt : std::optional(found->second);
  }
  std::optional<uint64_t> file_size(const std::filesystem::path& path) const override {
    auto found = files.find(resolved(path));
    return found == files.end() ? std::nullopt : std::optional<uint64_t>(found->second.size());
  }
  std::string read_at(const std::filesystem::path& path, uint64_t offset, size_t length) const override {
    auto found = files.find(resolved(path));
    if (found == files.end() || offset >= found->second.size()) return "";
    return found->second.substr(offset, length);
  }
  void write_durably(const std::filesystem::path& path, std::string_view bytes, mode_t mode = 0644) override {
    if (!refuse_writes.empty()) throw EnvironmentError("cannot write '" + path.string() + "': " + refuse_writes);
    if (!is_directory(path.parent_path()))
      throw EnvironmentError("cannot write '" + path.string() + "': No such file or directory");
    links.erase(path);  // a rename replaces a link with the file
    files[path] = std::string(bytes);
    modes[path] = mode;
  }
  void rewrite_durably(const std::filesystem::path& path, std::string_view bytes) override {
    std::filesystem::path file = resolved(path);
    if (!files.count(file)) throw EnvironmentError("cannot rewrite '" + path.string() + "': No such file or directory");
    write_durably(file, bytes, modes.count(file) ? modes.at(file) : 0644);
  }
  void create_directories(const std::filesystem::path& path) override {
    for (std::filesystem::path at = path; !at.empty() && at != at.root_path(); at = at.parent_path())
      directories.insert(at);
  }
  void remove_all(const std::filesystem::path& path) override {
    std::erase_if(files, [&](const auto& entry) { return within(entry.first, path); });
    std::erase_if(directories, [&](const auto& entry) { return within(entry, path); });
  }
  std::vector<std::string> list(const std::filesystem::path& directory) const override {
    std::set<std::string> names;
    auto depth = std::distance(directory.begin(), directory.end());
    auto add = [&](const std::filesystem::path& entry) {
      if (entry != directory && within(entry, directory)) names.insert(std::next(entry.begin(), depth)->string());
    };
    for (const auto& [path, content] : files) add(path);
    for (const auto& path : directories) add(path);
    return {names.begin(), names.end()};
  }

 private:
  std::filesystem::path resolved(const std::filesystem::path& path) const {
    auto link = links.find(path);
    return link == links.end() ? path : link->second;
  }
  bool is_directory(const std::filesystem::path& path) const {
    if (path.empty() || path == path.root_path() || directories.count(path)) return true;
    for (const auto& [file, content] : files)
      if (file != path && within(file, path)) return true;
    return false;
  }
  static bool within(const std::filesystem::path& path, const std::filesystem::path& top) {
    auto [end, ignored] = std::mismatch(top.begin(), top.end(), path.begin(), path.end());
    return end == top.end();
  }
};

// A clock that starts at an arbitrary point and moves only when a step sleeps on it. Its times
// mean nothing to a real process or socket: pair it with ScriptedProcesses, and give probes
// of the network durations, not its time points.
class ManualClock final : public StepClock {
 public:
  mutable TimePoint current{std::chrono::hours(1)};
  mutable std::vector<std::chrono::milliseconds> sleeps;
  // What the world does while the step sleeps (a file appears, a server starts, Ctrl-C);
  // called after the clock moved, with `sleeps` holding this sleep.
  std::function<void()> on_sleep;
  TimePoint now() const override { return current; }
  bool sleep_for(std::chrono::milliseconds duration, const CancellationToken& cancel) const override {
    if (cancel.requested()) return true;
    sleeps.push_back(duration);
    current += duration;
    if (on_sleep) on_sleep();
    return cancel.requested();
  }
};

// Commands that do not start. Each run takes the next of `runs` while there are any, else
// prints `lines` and ends as `result` says; every spec is kept in `started`.
class ScriptedProcesses final : public Processes {
 public:
  struct Run {
    std::vector<std::string> lines;  // printed on stdout
    ProcessResult result;
  };
  std::vector<std::string> lines;
  ProcessResult result;
  mutable std::deque<Run> runs;
  mutable std::vector<ProcessSpec> started;
  std::set<pid_t> running_pids;  // the processes `running` finds
  bool running(pid_t pid) const override { return running_pids.count(pid) > 0; }
  // What a command does to the world besides printing (writes a pid file, appends to a log).
  std::function<void(const ProcessSpec&)> effect;
  ProcessResult run(const ProcessSpec& spec, const OutputHandler& on_line) const override {
    started.push_back(spec);
    if (effect) effect(spec);
    Run next{lines, result};
    if (!runs.empty()) {
      next = std::move(runs.front());
      runs.pop_front();
    }
    for (const std::string& line : next.lines) on_line(OutputStream::Stdout, line);
    return next.result;
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
