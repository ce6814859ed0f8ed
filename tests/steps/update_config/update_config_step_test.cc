// update-config through its step, on the kit's fakes (files in memory, with permission bits and
// symbolic links): secrets, the kept original, the file's mode, describe's diff, and failures
// naming the file and the selector. tests/step_kit/file_system_test.cc shows the machine's file
// system keeps the mode and the link as the fake does.

#include "interpreter/steps/update_config/update_config_step.h"

#include <gtest/gtest.h>

#include "interpreter/step_kit/step_failure.h"
#include "tests/support/fake_services.h"
#include "tests/support/step_fixture.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

namespace fs = std::filesystem;

const char* kDatasources = R"(<datasources-configuration>
    <!-- keep me -->
    <datasources>
        <datasource>
            <name>WSO2_CARBON_DB</name>
            <definition type="RDBMS">
                <configuration>
                    <url>jdbc:h2:./repository/database/WSO2CARBON_DB</url>
                    <password>wso2carbon</password>
                </configuration>
            </definition>
        </datasource>
    </datasources>
</datasources-configuration>
)";

Value secret(const std::string& text) { return Value(text).mark_secret(); }

Value xml_sets(std::vector<std::pair<std::string, Value>> sets) {
  Value::List list;
  for (auto& [where, value] : sets) list.push_back(Value(Value::Map{{"set", Value(where)}, {"value", value}}));
  return Value(list);
}

class UpdateConfigStepTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fakes.files.create_directories(file.parent_path());
    fakes.files.write_durably(file, kDatasources, 0640);
    fixture.masker.secrets = {"n3w-s3cret"};
  }
  std::string read(const fs::path& path) { return fakes.files.read_file(path).value_or("(no file)"); }
  mode_t mode_of(const fs::path& path) { return fakes.files.modes.at(path); }
  Value::Map datasource_fields() {
    return {{"file", Value(file.string())},
            {"xml", xml_sets({{"//datasource[name='WSO2_CARBON_DB']/definition/configuration/url", Value("jdbc:postgresql://db/staging")},
                              {"//datasource[name='WSO2_CARBON_DB']/definition/configuration/password", secret("n3w-s3cret")}})}};
  }
  // The executor always gives a work directory: <state>/work/<plan>/<step>.
  StepContext context_for(Value::Map fields) {
    StepContext context = fixture.context(std::move(fields));
    context.services = fakes.services();
    context.work_dir = "/state/work/plan/connect-staging";
    return context;
  }
  std::string failure_of(Value::Map fields) {
    StepContext context = context_for(std::move(fields));
    return testing::failure_message([&] { UpdateConfigStep().run(context); });
  }

  testing::StepFixture fixture{"update-config", "connect-staging"};
  testing::FakeServices fakes;
  fs::path conf = "/carbon/repository/conf/datasources";
  fs::path file = conf / "master-datasources.xml";
};

TEST_F(UpdateConfigStepTest, WritesTheSecretButShowsItNowhereAndKeepsTheRest) {
  StepContext context = context_for(datasource_fields());
  UpdateConfigStep().run(context);
  std::string expected = kDatasources;
  expected.replace(expected.find("jdbc:h2:./repository/database/WSO2CARBON_DB"), 43, "jdbc:postgresql://db/staging");
  expected.replace(expected.find("wso2carbon</password>"), 10, "n3w-s3cret");
  EXPECT_EQ(read(file), expected);
  std::string log;
  for (const std::string& line : fixture.log.all) log += line + "\n";
  EXPECT_EQ(log.find("n3w-s3cret"), std::string::npos) << log;
  EXPECT_EQ(log.find("wso2carbon</password>"), std::string::npos) << "the old password shows: " << log;
  EXPECT_NE(log.find("info: -                    <password>***</password>\n"), std::string::npos) << log;
  EXPECT_NE(log.find("info: +                    <password>***</password>\n"), std::string::npos) << log;
  EXPECT_NE(log.find("info: +                    <url>jdbc:postgresql://db/staging</url>"), std::string::npos) << log;
  EXPECT_TRUE(context.outputs.at("changed").as_bool());
}

TEST_F(UpdateConfigStepTest, TheOriginalIsKeptAndTheModeStays) {
  StepContext context = context_for(datasource_fields());
  UpdateConfigStep().run(context);
  EXPECT_EQ(read(context.work_dir / "original" / "master-datasources.xml"), kDatasources);
  EXPECT_EQ(read(fixture.run_dir() / "connect-staging.master-datasources.xml.orig"), kDatasources);
  EXPECT_EQ(mode_of(file), 0640u);
  EXPECT_EQ(mode_of(context.work_dir / "original" / "master-datasources.xml"), 0600u);
  EXPECT_EQ(mode_of(fixture.run_dir() / "connect-staging.master-datasources.xml.orig"), 0600u);
}

TEST_F(UpdateConfigStepTest, ARerunAfterACrashFindsTheChangeMadeAndStillReportsItChanged) {
  StepContext first = context_for(datasource_fields());
  UpdateConfigStep().run(first);
  std::string after = read(file);
  StepContext again = context_for(datasource_fields());
  again.work_dir = first.work_dir;  // the work directory of the interrupted attempt survives
  again.resuming = true;
  UpdateConfigStep().run(again);
  EXPECT_EQ(read(file), after);
  EXPECT_TRUE(again.outputs.at("changed").as_bool());
  EXPECT_EQ(read(fixture.run_dir() / "connect-staging.master-datasources.xml.orig"), kDatasources);
}

TEST_F(UpdateConfigStepTest, StartingOverWithOtherValuesPutsTheOriginalBackFirst) {
  StepContext first = context_for(datasource_fields());
  UpdateConfigStep().run(first);  // then interrupted before its record; the plan is edited
  ASSERT_NE(read(file), kDatasources);
  UpdateConfigStep().discard_partial_work(first);
  EXPECT_EQ(read(file), kDatasources);
  EXPECT_EQ(mode_of(file), 0640u);
}

TEST_F(UpdateConfigStepTest, ASymlinkedFileIsChangedWhereItIsAndStaysALink) {
  fs::path link = "/carbon-4.4.7/repository/conf/datasources/master-datasources.xml";
  fakes.files.links[link] = file;
  Value::Map fields = datasource_fields();
  fields["file"] = Value(link.string());
  StepContext context = context_for(fields);
  UpdateConfigStep().run(context);
  EXPECT_EQ(fakes.files.links.count(link), 1u);
  EXPECT_EQ(fakes.files.files.count(link), 0u);
  EXPECT_NE(read(file).find("<url>jdbc:postgresql://db/staging</url>"), std::string::npos);
  EXPECT_EQ(mode_of(file), 0640u);
}

TEST_F(UpdateConfigStepTest, AFullDiskFailsNamingTheFileAndLeavesTheFileAsItWas) {
  fakes.files.refuse_writes = "No space left on device";
  StepContext context = context_for(datasource_fields());
  try {
    UpdateConfigStep().run(context);
    FAIL() << "no failure";
  } catch (const EnvironmentError& error) {
    EXPECT_STREQ(error.what(), "cannot write '/state/work/plan/connect-staging/original/master-datasources.xml': "
                               "No space left on device");
  }
  EXPECT_EQ(read(file), kDatasources);
}

TEST_F(UpdateConfigStepTest, NothingToUndoIsNothing) {
  StepContext context = context_for(datasource_fields());
  UpdateConfigStep().discard_partial_work(context);
  EXPECT_EQ(read(file), kDatasources);
}

TEST_F(UpdateConfigStepTest, AnXPathMatchingNothingNamesTheFileAndTheXPathAndChangesNothing) {
  Value::Map fields{{"file", Value(file.string())}, {"xml", xml_sets({{"//datasource[name='WSO2_AM_DB']/url", Value("x")}})}};
  EXPECT_EQ(failure_of(fields), file.string() + ": '//datasource[name='WSO2_AM_DB']/url' matches nothing");
  EXPECT_EQ(read(file), kDatasources);
}

TEST_F(UpdateConfigStepTest, AMissingFileIsNamed) {
  fs::path missing = conf / "nope.xml";
  EXPECT_EQ(failure_of({{"file", Value(missing.string())}, {"xml", xml_sets({{"//a", Value("x")}})}}),
            "cannot read " + missing.string() + ": No such file or directory");
}

TEST_F(UpdateConfigStepTest, DescribeShowsTheDiffWithSecretsAsStarsAndWritesNothing) {
  Value::Map fields = datasource_fields();
  std::vector<std::string> lines = UpdateConfigStep().describe({fixture.step, fields, fixture.masker, fakes.services()});
  ASSERT_GE(lines.size(), 4u);
  EXPECT_EQ(lines[0], "would change " + file.string() + ":");
  EXPECT_EQ(lines[1], "--- " + file.string());
  std::string all;
  for (const std::string& line : lines) all += line + "\n";
  EXPECT_NE(all.find("-                    <url>jdbc:h2:./repository/database/WSO2CARBON_DB</url>\n"
                     "-                    <password>***</password>\n"
                     "+                    <url>jdbc:postgresql://db/staging</url>\n"
                     "+                    <password>***</password>\n"),
            std::string::npos)
      << all;
  EXPECT_EQ(all.find("n3w-s3cret"), std::string::npos);
  EXPECT_EQ(read(file), kDatasources);
}

TEST_F(UpdateConfigStepTest, DescribeOfAFileNotThereYetSaysSo) {
  Value::Map fields{{"file", Value("/new/home/conf.xml")}, {"xml", xml_sets({{"//a", Value("x")}})}};
  EXPECT_EQ(UpdateConfigStep().describe({fixture.step, fields, fixture.masker, fakes.services()}),
            std::vector<std::string>{"would change /new/home/conf.xml (not there yet: its diff shows once it is)"});
}

TEST_F(UpdateConfigStepTest, PropertiesAsAMapAndYamlAsAList) {
  fs::path properties = conf / "app.properties";
  fakes.files.write_durably(properties, "# port\nport=1\nname = a \\\n  b\n");
  StepContext context = context_for({{"file", Value(properties.string())},
                                         {"properties", Value(Value::Map{{"port", Value("2")}, {"name", Value("c")}})}});
  UpdateConfigStep().run(context);
  EXPECT_EQ(read(properties), "# port\nport=2\nname = c\n");

  fs::path yaml = conf / "deployment.yaml";
  fakes.files.write_durably(yaml, "server:\n  port: 9443 # https\n");
  Value::List sets{Value(Value::Map{{"set", Value("server.port")}, {"value", Value(int64_t{9444})}}),
                   Value(Value::Map{{"set", Value("server.absent")}, {"value", Value(1)}, {"optional", Value(true)}})};
  StepContext yaml_context = context_for({{"file", Value(yaml.string())}, {"yaml", Value(sets)}});
  UpdateConfigStep().run(yaml_context);
  EXPECT_EQ(read(yaml), "server:\n  port: 9444 # https\n");
  EXPECT_NE(std::find(fixture.log.infos.begin(), fixture.log.infos.end(), "'server.absent' matches nothing; skipped (optional)"),
            fixture.log.infos.end());
}

TEST_F(UpdateConfigStepTest, AFileAlreadyHoldingTheValuesIsLeftAloneAndUnchanged) {
  fs::path properties = conf / "same.properties";
  fakes.files.write_durably(properties, "port=1\n");
  StepContext context = context_for({{"file", Value(properties.string())}, {"properties", Value(Value::Map{{"port", Value("1")}})}});
  UpdateConfigStep().run(context);
  EXPECT_FALSE(context.outputs.at("changed").as_bool());
  EXPECT_FALSE(fakes.files.exists(fixture.run_dir() / "connect-staging.same.properties.orig"));
}

}  // namespace
}  // namespace planrun
