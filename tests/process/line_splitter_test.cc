#include "interpreter/process/line_splitter.h"

#include <gtest/gtest.h>

#include <vector>

namespace planrun {
namespace PLANRUN_UNITY_ID {

struct Lines {
  std::vector<std::string> got;
  LineSplitter::LineHandler handler() {
    return [this](const std::string& line) { got.push_back(line); };
  }
};

TEST(LineSplitter, JoinsLinesSplitAcrossChunks) {
  LineSplitter splitter;
  Lines lines;
  splitter.feed("al", lines.handler());
  splitter.feed("pha\nbe", lines.handler());
  splitter.feed("ta\r\n\ngam", lines.handler());
  EXPECT_EQ(lines.got, (std::vector<std::string>{"alpha", "beta", ""}));
  splitter.finish(lines.handler());
  EXPECT_EQ(lines.got, (std::vector<std::string>{"alpha", "beta", "", "gam"}));
}

TEST(LineSplitter, CutsOverlongLinesIntoPieces) {
  LineSplitter splitter(4);
  Lines lines;
  splitter.feed("abcdefghij\nxy", lines.handler());
  splitter.finish(lines.handler());
  EXPECT_EQ(lines.got, (std::vector<std::string>{"abcd", "efgh", "ij", "xy"}));
}

TEST(LineSplitter, FinishAfterALineEndAddsNothing) {
  LineSplitter splitter;
  Lines lines;
  splitter.feed("done\n", lines.handler());
  splitter.finish(lines.handler());
  EXPECT_EQ(lines.got, (std::vector<std::string>{"done"}));
}

}  // namespace
}  // namespace planrun
