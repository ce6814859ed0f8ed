#include "interpreter/carbon/carbon_ports.h"

#include <gtest/gtest.h>

#include <fstream>

#include "interpreter/carbon/carbon_datasource.h"
#include "tests/support/step_fixture.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

namespace fs = std::filesystem;

struct CarbonHome {
  explicit CarbonHome(const std::string& xml) {
    fs::create_directories(file().parent_path());
    std::ofstream(file()) << xml;
  }
  fs::path file() const { return dir.path() / "repository" / "conf" / "carbon.xml"; }
  testing::TempDir dir;
};

TEST(CarbonPorts, TheOffsetIsAddedToBothPortsUnderTheDefaultNamespace) {
  CarbonHome home(R"(<?xml version="1.0" encoding="ISO-8859-1"?>
<Server xmlns="http://wso2.org/projects/carbon/carbon.xml">
    <Ports>
        <!-- Ports offset. <Offset>7</Offset> in a comment does not count -->
        <Offset> 2 </Offset>
        <JMX><RMIRegistryPort>9999</RMIRegistryPort></JMX>
    </Ports>
</Server>
)");
  CarbonPorts ports = carbon_ports_of(home.dir.path());
  EXPECT_EQ(ports.https, 9445);
  EXPECT_EQ(ports.http, 9765);
}

TEST(CarbonPorts, NoOffsetMeansTheDefaultPorts) {
  CarbonHome home("<Server><Ports/></Server>");
  EXPECT_EQ(carbon_ports_of(home.dir.path()).https, 9443);
  EXPECT_EQ(carbon_ports_of(home.dir.path()).http, 9763);
}

TEST(CarbonPorts, ABadOffsetIsReportedAtItsPosition) {
  CarbonHome home("<Server>\n  <Ports>\n    <Offset>${portOffset}</Offset>\n  </Ports>\n</Server>\n");
  try {
    carbon_ports_of(home.dir.path());
    FAIL();
  } catch (const CarbonConfigError& error) {
    EXPECT_EQ(std::string(error.what()),
              home.file().string() + ":3:5: <Ports><Offset> is '${portOffset}', not a port offset (0 to 55000)");
  }
}

TEST(CarbonPorts, AMissingFileIsNamed) {
  testing::TempDir empty;
  try {
    carbon_ports_of(empty.path());
    FAIL();
  } catch (const CarbonConfigError& error) {
    EXPECT_EQ(std::string(error.what()),
              (empty.path() / "repository/conf/carbon.xml").string() + ": cannot read the Carbon configuration file");
  }
}

}  // namespace
}  // namespace planrun
