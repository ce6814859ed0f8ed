#include "tests/tools/fake_carbon_server/carbon_log.h"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace planrun::fake_carbon {

namespace {

// log4j's ISO8601 date: 2026-12-07 21:50:00,123 (local time).
std::string timestamp() {
  auto now = std::chrono::system_clock::now();
  std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  long millis = static_cast<long>(std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000);
  std::tm local{};
  localtime_r(&seconds, &local);
  char text[40];
  std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S", &local);
  char with_millis[48];
  std::snprintf(with_millis, sizeof with_millis, "%s,%03ld", text, millis);
  return with_millis;
}

}  // namespace

CarbonLog::CarbonLog(const std::filesystem::path& home) {
  std::filesystem::path logs = home / "repository" / "logs";
  std::filesystem::create_directories(logs);
  out_.open(logs / "wso2carbon.log", std::ios::app);
}

void CarbonLog::write(const char* level, const std::string& logger, const std::string& message) {
  // The super tenant (-1234) and no application name: what start-up lines carry.
  out_ << "TID: [-1234] [] [" << timestamp() << "] " << level << " {" << logger << "} -  " << message << " \n";
  out_.flush();
}

}  // namespace planrun::fake_carbon
