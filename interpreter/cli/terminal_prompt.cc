#include "interpreter/cli/terminal_prompt.h"

#include <unistd.h>

#include <cstdio>
#include <iostream>

namespace planrun {

bool ask_yes_no(const std::string& question) {
  if (!isatty(STDIN_FILENO)) return false;
  std::fprintf(stderr, "%s [y/N] ", question.c_str());
  std::string answer;
  return std::getline(std::cin, answer) && (answer == "y" || answer == "Y" || answer == "yes");
}

}  // namespace planrun
