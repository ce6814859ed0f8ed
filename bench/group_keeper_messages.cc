// Cost of telling the keeper about one command: watch + forget.
#include <chrono>
#include <cstdio>
#include <unistd.h>
#include "interpreter/process/group_keeper.h"
int main() {
  const planrun::GroupKeeper& keeper = planrun::group_keeper();
  int n = 100000;
  auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < n; ++i) { keeper.watch(999999); keeper.forget(999999); }
  double us = std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count();
  std::printf("%.2f us per watch+forget\n", us / n);
}
