#pragma once

#include <functional>

#include "tests/tools/fake_carbon_server/carbon_log.h"
#include "tests/tools/fake_carbon_server/carbon_startup.h"

namespace planrun::fake_carbon {

// The fake's web side on 127.0.0.1 only: HTTPS on startup.https_port (a fresh self-signed
// certificate) and HTTP on startup.http_port, one request per connection. It answers:
//   GET /carbon/                    302 to https://localhost:HTTPS/carbon/admin/login.jsp
//   GET /carbon/admin/login.jsp     200, the login page
//   POST /services/RemoteUserStoreManagerService[...]
//                                   the SOAP service of soap_user_store.h, with basic auth
//                                   admin:admin (401 without), users kept in
//                                   PRODUCT_HOME/repository/data/fake-carbon-users.txt
//   anything else                   404
class CarbonHttpServer {
 public:
  // Binds both ports; throws std::runtime_error naming the port when it cannot (in use).
  explicit CarbonHttpServer(CarbonStartup startup);
  ~CarbonHttpServer();
  CarbonHttpServer(const CarbonHttpServer&) = delete;
  CarbonHttpServer& operator=(const CarbonHttpServer&) = delete;

  // Answers requests until `stop` returns true (asked every 200 ms). An admin service's fault is
  // logged to `log` as an ERROR, as Carbon logs it.
  void serve_until(const std::function<bool()>& stop, CarbonLog& log);

 private:
  CarbonStartup startup_;
  int https_ = -1;
  int http_ = -1;
};

}  // namespace planrun::fake_carbon
