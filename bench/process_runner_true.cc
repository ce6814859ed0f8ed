// Runs /bin/true N times (default 1,000) through PosixProcessRunner; prints microseconds per run.
#include <chrono>
#include <cstdio>
#include "interpreter/process/process_runner.h"
int main(int argc, char** argv) {
  int runs = argc > 1 ? atoi(argv[1]) : 1000;
  planrun::ProcessSpec spec;
  spec.argv = {"/bin/true"};
  const planrun::ProcessRunner& runner = planrun::system_process_runner();
  runner.run(spec, [](planrun::OutputStream, const std::string&) {});  // warm up (forks the keeper)
  auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < runs; ++i) runner.run(spec, [](planrun::OutputStream, const std::string&) {});
  double us = std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count();
  std::printf("%.1f us per run (%d runs)\n", us / runs, runs);
}
