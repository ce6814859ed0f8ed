#include "interpreter/cli/terminal_prompt.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <thread>

namespace planrun {
namespace PLANRUN_UNITY_ID {

using namespace std::chrono_literals;

// A prompt reading from a pipe the test writes the operator's typing into.
struct ScriptedTerminal {
  ScriptedTerminal() {
    EXPECT_EQ(::pipe(fds), 0);
    output = std::tmpfile();
  }
  ~ScriptedTerminal() {
    ::close(fds[0]);
    if (fds[1] >= 0) ::close(fds[1]);
    std::fclose(output);
  }
  void type(const std::string& text) { EXPECT_EQ(::write(fds[1], text.data(), text.size()), ssize_t(text.size())); }
  std::string shown() {
    std::fflush(output);
    std::rewind(output);
    std::string text;
    for (int c; (c = std::fgetc(output)) != EOF;) text += static_cast<char>(c);
    return text;
  }
  int fds[2] = {-1, -1};
  std::FILE* output;
};

TEST(TerminalPrompt, YesAndNoAreReadALineAtATime) {
  ScriptedTerminal terminal;
  TerminalPrompt prompt(terminal.fds[0], terminal.output);
  CancellationToken cancel;
  terminal.type("y\nno\n");
  EXPECT_EQ(prompt.ask("first?", cancel), std::optional<bool>(true));
  EXPECT_EQ(prompt.ask("second?", cancel), std::optional<bool>(false));
  EXPECT_EQ(terminal.shown(), "first? [y/N] second? [y/N] ");
}

TEST(TerminalPrompt, CtrlCInterruptsAPromptWaitingForEnter) {
  ScriptedTerminal terminal;
  TerminalPrompt prompt(terminal.fds[0], terminal.output);
  CancellationToken cancel;
  std::thread interrupter([&] {
    std::this_thread::sleep_for(50ms);
    cancel.request();
  });
  auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(prompt.ask("proceed?", cancel), std::nullopt);
  EXPECT_LT(std::chrono::steady_clock::now() - start, 5s);
  interrupter.join();
}

TEST(TerminalPrompt, TheEndOfInputIsNo) {
  ScriptedTerminal terminal;
  TerminalPrompt prompt(terminal.fds[0], terminal.output);
  ::close(terminal.fds[1]);
  terminal.fds[1] = -1;
  CancellationToken cancel;
  EXPECT_EQ(prompt.ask("proceed?", cancel), std::optional<bool>(false));
}

// Two steps ask at once: the questions do not interleave and each answer goes to one question.
TEST(TerminalPrompt, QuestionsAskedAtOnceGetOneAnswerEach) {
  ScriptedTerminal terminal;
  TerminalPrompt prompt(terminal.fds[0], terminal.output);
  CancellationToken cancel;
  std::optional<bool> answers[2];
  std::thread first([&] { answers[0] = prompt.ask("[a] go?", cancel); });
  std::thread second([&] { answers[1] = prompt.ask("[b] go?", cancel); });
  std::this_thread::sleep_for(20ms);
  terminal.type("y\n");
  std::this_thread::sleep_for(20ms);
  terminal.type("n\n");
  first.join();
  second.join();
  ASSERT_TRUE(answers[0] && answers[1]);
  EXPECT_NE(*answers[0], *answers[1]);
  std::string shown = terminal.shown();
  EXPECT_TRUE(shown == "[a] go? [y/N] [b] go? [y/N] " || shown == "[b] go? [y/N] [a] go? [y/N] ") << shown;
}

}  // namespace
}  // namespace planrun
