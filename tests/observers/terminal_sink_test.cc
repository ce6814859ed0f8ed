#include "interpreter/observers/terminal_sink.h"

#include <gtest/gtest.h>
#include <spdlog/logger.h>

#include <memory>
#include <regex>

#include "tests/observers/memory_stream.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

TEST(TerminalSink, WritesLinesAsIsWithoutAStatusBlock) {
  testing::MemoryStream stream;
  TerminalSink sink(stream.file());
  sink.write_line("one");
  sink.write_line("");
  EXPECT_EQ(stream.text(), "one\n\n");
}

TEST(TerminalSink, ErasesTheStatusBlockBeforeALineAndDrawsItAfter) {
  testing::MemoryStream stream;
  TerminalSink sink(stream.file());
  sink.set_status({"bar"});
  EXPECT_EQ(stream.text(), "bar");
  sink.write_line("hello");
  EXPECT_EQ(stream.text(), "bar\r\033[Khello\nbar");
}

TEST(TerminalSink, ClimbsEveryLineOfATallerBlock) {
  testing::MemoryStream stream;
  TerminalSink sink(stream.file());
  sink.set_status({"a", "b", "c"});
  sink.write_line("x");
  sink.set_status({});
  EXPECT_EQ(stream.text(),
            "a\nb\nc"
            "\r\033[K\033[A\033[K\033[A\033[K"
            "x\na\nb\nc"
            "\r\033[K\033[A\033[K\033[A\033[K");
}

TEST(TerminalSink, LoggerLinesGoAboveTheBlockWithTheirPattern) {
  testing::MemoryStream stream;
  auto sink = std::make_shared<TerminalSink>(stream.file());
  spdlog::logger logger("test", sink);
  logger.set_pattern("<%v>");
  sink->set_status({"bar"});
  logger.info("a {} b", 1);
  EXPECT_EQ(stream.text(), "bar\r\033[K<a 1 b>\nbar");
}

TEST(TerminalSink, StampsTheTimeAndNamesWarningsAndErrors) {
  testing::MemoryStream stream;
  spdlog::logger logger("test", std::make_shared<TerminalSink>(stream.file()));
  logger.info("plain");
  logger.warn("careful");
  logger.error("broken");
  std::string text = std::regex_replace(stream.text(), std::regex(R"(\[\d\d:\d\d:\d\d\] )"), "[T] ");
  EXPECT_EQ(text, "[T] plain\n[T] warning: careful\n[T] error: broken\n");
}

TEST(TerminalSink, LeavesACleanLineWhenDestroyed) {
  testing::MemoryStream stream;
  {
    TerminalSink sink(stream.file());
    sink.set_status({"a", "b"});
  }
  EXPECT_EQ(stream.text(), "a\nb\r\033[K\033[A\033[K");
}

}  // namespace
}  // namespace planrun
