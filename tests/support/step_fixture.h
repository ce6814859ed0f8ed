#pragma once

// The executor's side of a StepContext for step tests: recorders that keep what a step
// reported, so tests can assert on it. The world (processes, sockets, files) stays real.

#include <stdlib.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "interpreter/step_kit/step_context.h"
#include "interpreter/step_kit/step_failure.h"

namespace planrun::testing {

// Keeps every line a step logged, by kind and in order.
class RecordingStepLog final : public StepLog {
 public:
  std::vector<std::string> infos, warnings, outputs;
  std::vector<std::string> all;  // "info: ...", "warn: ...", "output: ..."

  void info(const std::string& line) override { record(infos, "info: ", line); }
  void warn(const std::string& line) override { record(warnings, "warn: ", line); }
  void output(const std::string& line) override { record(outputs, "output: ", line); }

 private:
  void record(std::vector<std::string>& lines, const char* kind, const std::string& line) {
    lines.push_back(line);
    all.push_back(kind + line);
  }
};

class RecordingProgress final : public ProgressReporter {
 public:
  uint64_t total = 0;
  uint64_t done = 0;
  std::map<std::string, uint64_t> counters;
  void set_total(uint64_t units, Unit) override { total = units; }
  void advance(uint64_t units) override { done += units; }
  void set_done(uint64_t units) override { done = units; }
  void set_counter(const std::string& name, uint64_t units, uint64_t, Unit) override { counters[name] = units; }
  void add_to_counter(const std::string& name, uint64_t units) override { counters[name] += units; }
};

class MemoryCheckpoints final : public CheckpointStore {
 public:
  std::map<std::string, std::string> values;
  std::optional<std::string> get(const std::string& key) const override {
    auto found = values.find(key);
    return found == values.end() ? std::nullopt : std::optional(found->second);
  }
  void put(const std::string& key, const std::string& value) override { values[key] = value; }
  void put_all(const std::map<std::string, std::string>& more) override {
    for (const auto& [key, value] : more) values[key] = value;
  }
  std::map<std::string, std::string> list() const override { return values; }
  void remove(const std::string& key) override { values.erase(key); }
};

// Replaces each known secret text with ***, as the executor's masker does with the secrets it knows.
class ReplacingMasker final : public SecretMasker {
 public:
  std::vector<std::string> secrets;
  std::string mask(const std::string& text) const override {
    std::string masked = text;
    for (const std::string& secret : secrets)
      for (size_t at = masked.find(secret); at != std::string::npos; at = masked.find(secret, at + 3))
        masked.replace(at, secret.size(), "***");
    return masked;
  }
};

// A fresh directory under the system's temporary directory, removed with its contents.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "planrun-test-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// Everything a step needs to run in a test: one step node and the executor's side as recorders.
struct StepFixture {
  explicit StepFixture(std::string type, std::string id = "the-step") {
    step.id = std::move(id);
    step.type = std::move(type);
  }

  // A context with `fields` as the resolved `with` fields; run_dir is <temp>/run.
  StepContext context(Value::Map fields) {
    return StepContext{step,        std::move(fields),      log,    cancel, progress, checkpoints, masker,
                       interaction, dir.path() / "state", run_dir(), std::nullopt, {}, system_step_services(),
                       {}};
  }
  std::filesystem::path run_dir() const { return dir.path() / "run"; }

  StepNode step;
  RecordingStepLog log;
  CancellationToken cancel;
  RecordingProgress progress;
  MemoryCheckpoints checkpoints;
  ReplacingMasker masker;
  Interaction interaction;
  TempDir dir;
};

// The message of the StepFailure `attempt` throws, or "no failure": what a step refuses, for
// tests that compare it with the expected words.
template <class Attempt>
std::string failure_message(Attempt attempt) {
  try {
    attempt();
  } catch (const StepFailure& failure) {
    return failure.what();
  }
  return "no failure";
}

}  // namespace planrun::testing
