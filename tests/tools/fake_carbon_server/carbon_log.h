#pragma once

#include <filesystem>
#include <fstream>
#include <string>

namespace planrun::fake_carbon {

// PRODUCT_HOME/repository/logs/wso2carbon.log as Carbon's log4j writes it (the CARBON_LOGFILE
// appender of repository/conf/log4j.properties: `TID: [%T] [%S] [%d] %P%5p {%c} - %x %m %n`,
// appended to), so that a plan watching the log sees what it would see from Carbon:
//   TID: [-1234] [] [2026-12-07 21:50:00,123]  INFO {org.wso2...CarbonCoreActivator} -  Starting WSO2 Carbon...
class CarbonLog {
 public:
  explicit CarbonLog(const std::filesystem::path& home);
  void info(const std::string& logger, const std::string& message) { write(" INFO", logger, message); }
  void warn(const std::string& logger, const std::string& message) { write(" WARN", logger, message); }
  void error(const std::string& logger, const std::string& message) { write("ERROR", logger, message); }

 private:
  void write(const char* level, const std::string& logger, const std::string& message);
  std::ofstream out_;
};

}  // namespace planrun::fake_carbon
