// config-review on small real trees: an old home's repository/conf against a new pack's, every
// kind of difference in one list, the report and the log, exclude, and the only failures (a
// folder that is not there or cannot be read).

#include "interpreter/steps/config_review/config_review_step.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include "interpreter/step_kit/step_failure.h"
#include "tests/support/file_trees.h"
#include "tests/support/step_fixture.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

namespace fs = std::filesystem;
using Lines = std::vector<std::string>;
using testing::read_text;
using testing::write_file;

class ConfigReviewStepTest : public ::testing::Test {
 protected:
  fs::path old_conf() const { return fixture.dir.path() / "old/repository/conf"; }
  fs::path new_conf() const { return fixture.dir.path() / "new/repository/conf"; }
  Value::Map fields(Value::List exclude = {}) const {
    Value::Map given{{"old", Value(old_conf().string())}, {"new", Value(new_conf().string())}};
    if (!exclude.empty()) given["exclude"] = Value(exclude);
    return given;
  }
  void run(Value::Map given) {
    StepContext context = fixture.context(std::move(given));
    context.work_dir = fixture.dir.path() / "work";
    ConfigReviewStep().run(context);
    outputs = context.outputs;
  }
  std::string failure_of(Value::Map given) {
    return testing::failure_message([&] { run(std::move(given)); });
  }
  fs::path report() const { return fixture.run_dir() / "review-config.config-review.txt"; }
  // The report's lines after its three header lines.
  Lines listed() const {
    Lines lines;
    std::string text = read_text(report());
    for (size_t at = 0, end; (end = text.find('\n', at)) != std::string::npos; at = end + 1) lines.push_back(text.substr(at, end - at));
    return Lines(lines.begin() + std::min<size_t>(3, lines.size()), lines.end());
  }

  testing::StepFixture fixture{"config-review", "review-config"};
  Value::Map outputs;
};

TEST_F(ConfigReviewStepTest, EveryKindOfDifferenceIsOneLineOfTheReport) {
  write_file(new_conf() / "carbon.xml", "<Server><Ports><Offset>0</Offset></Ports><Security><KeyStore><Password>wso2carbon</Password>"
                                        "</KeyStore></Security></Server>\n");
  write_file(old_conf() / "carbon.xml", "<Server>\n  <!-- moved by one -->\n  <Ports><Offset>1</Offset></Ports>\n"
                                        "  <Security><KeyStore><Password>hunter2</Password></KeyStore></Security>\n</Server>\n");
  write_file(new_conf() / "log4j.properties", "log4j.rootLogger=INFO, CARBON_CONSOLE\n");
  write_file(old_conf() / "log4j.properties", "log4j.rootLogger=DEBUG, \\\n    CARBON_CONSOLE\n");
  write_file(new_conf() / "security/authenticators.xml", "<Authenticators/>\n");
  write_file(old_conf() / "security/authenticators.xml", "<Authenticators>\n  <Authenticator name=\"SAML2SSO\">\n</Authenticators>\n");
  write_file(new_conf() / "security/Owasp.CsrfGuard.Carbon.properties", "same=1\n");
  write_file(old_conf() / "security/Owasp.CsrfGuard.Carbon.properties", "same=1\n");
  write_file(new_conf() / "tomcat/catalina-server.policy", "grant { pack };\n");
  write_file(old_conf() / "tomcat/catalina-server.policy", "grant { operator };\n");
  write_file(new_conf() / "security/client-truststore.jks", std::string("\xfe\xed\xfe\xed\x00\x02", 6));
  write_file(old_conf() / "security/client-truststore.jks", std::string("\xfe\xed\xfe\xed\x00\x02", 6));
  write_file(new_conf() / "security/wso2carbon.jks", std::string("\xfe\xed\xfe\xed\x00\x02" "pack", 10));
  write_file(old_conf() / "security/wso2carbon.jks", std::string("\xfe\xed\xfe\xed\x00\x02" "acme", 10));
  write_file(new_conf() / "metrics.xml", "<Metrics/>\n");
  write_file(old_conf() / "etc/custom-handler.xml", "<Handler/>\n");

  run(fields());

  Lines expected{"changed: carbon.xml /Server/Ports/Offset: 0 (new pack) -> 1 (old home)",
                 "changed: carbon.xml /Server/Security/KeyStore/Password: *** (new pack) -> *** (old home)",
                 "only in old: etc/custom-handler.xml",
                 "changed: log4j.properties log4j.rootLogger: INFO, CARBON_CONSOLE (new pack) -> DEBUG, CARBON_CONSOLE (old home)",
                 "only in new: metrics.xml",
                 "malformed XML: security/authenticators.xml:3:3: Start-end tags mismatch (old home)",
                 "differs: security/wso2carbon.jks",
                 "differs: tomcat/catalina-server.policy"};
  EXPECT_EQ(listed(), expected);
  EXPECT_EQ(outputs["changes"], Value(int64_t(8)));
  EXPECT_EQ(outputs["report"], Value(report().string()));
  EXPECT_EQ(fs::status(report()).permissions() & fs::perms::all, fs::perms::owner_read | fs::perms::owner_write);
  EXPECT_EQ(read_text(report()).rfind("# config-review: the settings of " + old_conf().string() + " (old home) that differ from " +
                                      new_conf().string() + " (new pack)\n", 0),
            0u);
  ASSERT_EQ(fixture.log.infos.size(), 9u);
  EXPECT_EQ(fixture.log.infos[0], "8 differences of " + old_conf().string() + " from " + new_conf().string() +
                                      " to review: carry by hand what the new version needs (report " + report().string() + ")");
  EXPECT_EQ(Lines(fixture.log.infos.begin() + 1, fixture.log.infos.end()), expected);
  for (const std::string& line : fixture.log.all) EXPECT_EQ(line.find("hunter2"), std::string::npos) << line;
  EXPECT_EQ(read_text(report()).find("hunter2"), std::string::npos);
}

TEST_F(ConfigReviewStepTest, IdenticalFoldersHaveNothingToReview) {
  write_file(new_conf() / "carbon.xml", "<Server><Ports><Offset>0</Offset></Ports></Server>\n");
  write_file(old_conf() / "carbon.xml", "<Server>\n  <Ports>\n    <Offset>0</Offset>\n  </Ports>\n</Server>\n");
  run(fields());
  EXPECT_EQ(listed(), Lines{});
  EXPECT_EQ(outputs["changes"], Value(int64_t(0)));
  EXPECT_EQ(fixture.log.infos, Lines{"no setting of " + old_conf().string() + " differs from " + new_conf().string() +
                                     " (report " + report().string() + ")"});
}

TEST_F(ConfigReviewStepTest, ExcludedFilesAndFoldersAreNotReviewed) {
  write_file(new_conf() / "datasources/master-datasources.xml", "<datasources><url>pack</url></datasources>\n");
  write_file(old_conf() / "datasources/master-datasources.xml", "<datasources><url>old</url></datasources>\n");
  write_file(old_conf() / "datasources/um-datasources.xml", "<datasources/>\n");
  write_file(new_conf() / "carbon.xml", "<Server><Offset>0</Offset></Server>\n");
  write_file(old_conf() / "carbon.xml", "<Server><Offset>1</Offset></Server>\n");
  write_file(old_conf() / "README.txt", "notes\n");
  run(fields({Value("datasources"), Value("*.txt")}));
  EXPECT_EQ(listed(), Lines{"changed: carbon.xml /Server/Offset: 0 (new pack) -> 1 (old home)"});
  run(fields({Value("datasources/master-*.xml")}));
  EXPECT_EQ(listed(), (Lines{"only in old: README.txt", "changed: carbon.xml /Server/Offset: 0 (new pack) -> 1 (old home)",
                             "only in old: datasources/um-datasources.xml"}));
}

TEST_F(ConfigReviewStepTest, TheSecretsTheRunKnowsAreMaskedToo) {
  fixture.masker.secrets = {"s3cr3t"};
  write_file(new_conf() / "datasources/master-datasources.xml", "<datasources><url>jdbc:h2:db</url></datasources>\n");
  write_file(old_conf() / "datasources/master-datasources.xml", "<datasources><url>jdbc:postgresql://u:s3cr3t@db/reg</url></datasources>\n");
  run(fields());
  EXPECT_EQ(listed(), Lines{"changed: datasources/master-datasources.xml /datasources/url: jdbc:h2:db (new pack) -> "
                            "jdbc:postgresql://u:***@db/reg (old home)"});
}

TEST_F(ConfigReviewStepTest, TheLogShowsTheFirst200LinesAndTheReportAll) {
  std::string fresh, old;
  for (int i = 0; i < 250; ++i) old += "key" + std::to_string(1000 + i) + "=" + std::to_string(i) + "\n";
  write_file(new_conf() / "big.properties", fresh);
  write_file(old_conf() / "big.properties", old);
  run(fields());
  EXPECT_EQ(listed().size(), 250u);
  EXPECT_EQ(listed().back(), "only in old: big.properties key1249: 249");
  ASSERT_EQ(fixture.log.infos.size(), 202u);
  EXPECT_EQ(fixture.log.infos[200], "only in old: big.properties key1199: 199");
  EXPECT_EQ(fixture.log.infos[201], "... 50 more in " + report().string());
}

TEST_F(ConfigReviewStepTest, AFolderThatIsNotThereFailsTheStepNamingIt) {
  write_file(new_conf() / "carbon.xml", "<Server/>\n");
  EXPECT_EQ(failure_of(fields()), "`old` names " + old_conf().string() + ", which does not exist");
  write_file(fixture.dir.path() / "old/repository/conf", "a file\n");
  EXPECT_EQ(failure_of(fields()), "`old` names " + old_conf().string() + ", which is not a directory");
  fs::remove(old_conf());
  fs::create_directories(old_conf());
  fs::remove_all(new_conf());
  EXPECT_EQ(failure_of(fields()), "`new` names " + new_conf().string() + ", which does not exist");
}

TEST_F(ConfigReviewStepTest, AFolderThatCannotBeReadFailsTheStepAndAFileIsListed) {
  if (::geteuid() == 0) GTEST_SKIP() << "root reads every file";
  write_file(new_conf() / "carbon.xml", "<Server/>\n");
  write_file(old_conf() / "carbon.xml", "<Server/>\n", 0000);
  run(fields());
  EXPECT_EQ(listed().size(), 1u);
  EXPECT_EQ(listed().at(0).rfind("cannot read: carbon.xml (old home): ", 0), 0u) << listed().at(0);
  fs::create_directories(old_conf() / "security");
  ::chmod((old_conf() / "security").c_str(), 0);
  std::string failure = failure_of(fields());
  ::chmod((old_conf() / "security").c_str(), 0755);
  EXPECT_EQ(failure, "cannot review the configuration: cannot open the directory '" + (old_conf() / "security").string() +
                         "': Permission denied");
  ::chmod(old_conf().c_str(), 0);
  failure = failure_of(fields());
  ::chmod(old_conf().c_str(), 0755);
  EXPECT_EQ(failure, "cannot read `old` " + old_conf().string() + ": Permission denied");
}

TEST_F(ConfigReviewStepTest, TheDryRunSaysWhatItWouldCompare) {
  Value::Map given = fields({Value("datasources")});
  DescribeContext context{fixture.step, given, fixture.masker};
  EXPECT_EQ(ConfigReviewStep().describe(context),
            Lines{"would list the settings of " + old_conf().string() + " that differ from " + new_conf().string() +
                  ", read only (not reviewed: datasources)"});
}

}  // namespace
}  // namespace planrun
