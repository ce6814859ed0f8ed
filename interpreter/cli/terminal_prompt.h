#pragma once

#include <cstdio>
#include <mutex>
#include <optional>
#include <string>

#include "interpreter/parallel/cancellation_token.h"

namespace planrun {

// Asks yes/no questions on a terminal: the question on `output`, the answer a line on `input`.
// One question at a time: steps running in parallel wait their turn, so each answer goes to
// the question it was typed for. A question waiting for its answer returns nullopt as soon as
// cancellation is requested (Ctrl-C), instead of waiting for Enter.
class TerminalPrompt {
 public:
  TerminalPrompt(int input_fd, std::FILE* output) : input_(input_fd), output_(output) {}

  // True for y/Y/yes, false for any other answer or the end of input; nullopt when cancelled.
  std::optional<bool> ask(const std::string& question, const CancellationToken& cancel);

 private:
  // One line from input, read a byte at a time so that nothing after it is taken from the next
  // question; nullopt when cancelled, or at the end of input before any character.
  std::optional<std::string> read_line(const CancellationToken& cancel);

  int input_;
  std::FILE* output_;
  std::mutex turn_;
};

// The prompt on this process's terminal (stdin, stderr).
TerminalPrompt& terminal_prompt();

// Asks on the terminal without cancellation; false without a terminal to ask on.
bool ask_yes_no(const std::string& question);

}  // namespace planrun
