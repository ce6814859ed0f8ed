// smoke-test on the kit's fakes: databases are FakeDatabases (SQLite in memory), commands are
// scripted, files are in memory; every check runs and each failure is listed. HTTP checks talk
// to a local server, as the step reaches the network directly.

#include "interpreter/steps/smoke_test/smoke_test_step.h"

#include <gtest/gtest.h>
#include <soci/soci.h>

#include "interpreter/step_kit/step_failure.h"
#include "tests/support/fake_databases.h"
#include "tests/support/fake_services.h"
#include "tests/support/http_test_server.h"
#include "tests/support/step_fixture.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

Dsn sqlite_file(const std::string& file) {
  Dsn dsn;
  dsn.kind = Dsn::Kind::Sqlite;
  dsn.path = file;
  return dsn;
}
using Kind = StepFailure::Kind;

Value map(Value::Map items) { return Value(std::move(items)); }
Value check(const std::string& kind, Value::Map fields) { return map({{kind, map(std::move(fields))}}); }

ProcessResult exited(int status) {
  ProcessResult result;
  result.exit_code = status;
  return result;
}

class SmokeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const std::string& file : {old_db, new_db}) {
      soci::session& db = databases.inspect(sqlite_file(file));
      db << "CREATE TABLE UM_TENANT (UM_ID INTEGER, UM_DOMAIN_NAME VARCHAR(255))";
      db << "INSERT INTO UM_TENANT VALUES (1, 'a.com')";
      db << "INSERT INTO UM_TENANT VALUES (2, 'b.com')";
    }
    databases.inspect(sqlite_file(new_db)) << "INSERT INTO UM_TENANT VALUES (3, 'c.com')";
  }
  StepContext context_for(Value::List checks) {
    StepContext context = fixture.context({{"checks", Value(std::move(checks))}});
    context.services = fakes.services();
    context.services.databases = &databases;
    return context;
  }
  std::string failure_of(Value::List checks) {
    StepContext context = context_for(std::move(checks));
    try {
      SmokeTestStep().run(context);
    } catch (const StepFailure& failure) {
      EXPECT_EQ(failure.kind, Kind::Precondition);
      outputs = context.outputs;
      return failure.what();
    }
    outputs = context.outputs;
    return "no failure";
  }
  std::string sqlite(const std::string& file) { return "sqlite:" + file; }

  testing::StepFixture fixture{"smoke-test", "smoke"};
  testing::FakeServices fakes;
  testing::FakeDatabases databases;
  std::string old_db = "/data/old.db", new_db = "/data/new.db";
  Value::Map outputs;
};

TEST_F(SmokeTest, SqlChecksCompareValuesRowsCountsAndTheSourcesResult) {
  std::string query = "SELECT COUNT(*) FROM UM_TENANT";
  std::string message = failure_of({
      check("sql", {{"database", Value(sqlite(new_db))}, {"query", Value(query)}, {"equals", Value(3)}}),
      check("sql", {{"database", Value(sqlite(new_db))}, {"query", Value(query)}, {"equals", Value("3")}}),
      check("sql", {{"database", Value(sqlite(new_db))}, {"query", Value("SELECT UM_ID, UM_DOMAIN_NAME FROM UM_TENANT WHERE UM_ID < 3 ORDER BY 1")},
                    {"equals", Value(Value::List{Value(Value::List{Value(1), Value("a.com")}), Value(Value::List{Value(2), Value("b.com")})})}}),
      check("sql", {{"database", Value(sqlite(new_db))}, {"query", Value("SELECT UM_ID FROM UM_TENANT ORDER BY 1")},
                    {"equals", Value(Value::List{Value(1), Value(2), Value(3)})}}),
      check("sql", {{"database", Value(sqlite(new_db))}, {"query", Value("SELECT * FROM UM_TENANT")}, {"rows", Value(3)}}),
      check("sql", {{"database", Value(sqlite(new_db))}, {"query", Value(query)}, {"equals_query_on", Value(sqlite(old_db))}}),
  });
  EXPECT_EQ(message, "1 of 6 checks failed\n  check 6 (sql): expected 2 (the result on " + sqlite(old_db) + "), got 3");
  EXPECT_EQ(outputs.at("passed"), Value(5));
  EXPECT_EQ(outputs.at("failed"), Value(1));
}

TEST_F(SmokeTest, EveryCheckRunsAndEachFailureIsListedWithExpectedAndActual) {
  std::string file = "/home/done.txt";
  fakes.files.files[file] = "upgrade finished\n";
  fakes.processes.runs = {{{"hello"}, exited(3)}, {{}, exited(1)}};
  std::string message = failure_of({
      map({{"name", Value("tenants")}, {"sql", map({{"database", Value(sqlite(new_db))}, {"query", Value("SELECT COUNT(*) FROM UM_TENANT")}, {"equals", Value(2)}})}}),
      check("sql", {{"database", Value(sqlite(new_db))}, {"query", Value("SELECT * FROM NO_SUCH_TABLE")}, {"rows", Value(0)}}),
      check("command", {{"command", Value("echo hello; exit 3")}, {"expect_exit", Value(Value::List{Value(3)})}, {"contains", Value("hello")}}),
      check("command", {{"command", Value(Value::List{Value("false")})}}),
      check("file", {{"path", Value(file)}, {"contains", Value("finished")}}),
      check("file", {{"path", Value(file)}, {"contains", Value("failed")}}),
      check("file", {{"path", Value(file)}, {"exists", Value(false)}}),
  });
  EXPECT_EQ(message.substr(0, message.find('\n')), "5 of 7 checks failed");
  EXPECT_NE(message.find("\n  tenants: expected 2, got 3"), std::string::npos) << message;
  EXPECT_NE(message.find("\n  check 2 (sql): expected an answer, got the query failed: "), std::string::npos) << message;
  EXPECT_NE(message.find("\n  check 4 (command): expected exit status 0, got exit status 1"), std::string::npos) << message;
  EXPECT_NE(message.find("\n  check 6 (file): expected " + file + " contains 'failed', got it does not (17 bytes)"),
            std::string::npos) << message;
  EXPECT_NE(message.find("\n  check 7 (file): expected no file " + file + ", got it exists"), std::string::npos) << message;
  EXPECT_EQ(fixture.log.warnings.size(), 5u);
  ASSERT_EQ(fakes.processes.started.size(), 2u);
  EXPECT_EQ(fakes.processes.started[1].argv, std::vector<std::string>{"false"});
  EXPECT_EQ(fakes.processes.started[0].cancel, &fixture.cancel);
}

TEST_F(SmokeTest, FileChecksLookThroughTheFileSystemService) {
  fakes.files.files["/carbon/wso2carbon.pid"] = "4242\n";
  std::string message = failure_of({
      check("file", {{"path", Value("/carbon/wso2carbon.pid")}}),
      check("file", {{"path", Value("/carbon/missing.pid")}}),
  });
  EXPECT_EQ(message, "1 of 2 checks failed\n  check 2 (file): expected /carbon/missing.pid exists, got it does not exist");
}

TEST_F(SmokeTest, ASchemaCheckReadsItsDdlScriptThroughTheFileSystemService) {
  fakes.files.files["/ddl/sqlite.sql"] = "CREATE TABLE UM_TENANT (UM_ID INTEGER, UM_DOMAIN_NAME VARCHAR(255));\n";
  std::string message = failure_of({
      check("schema", {{"database", Value(sqlite(new_db))}, {"equals_script", Value("/ddl/sqlite.sql")}}),
      check("schema", {{"database", Value(sqlite(new_db))}, {"equals_script", Value("/ddl/absent.sql")}}),
  });
  EXPECT_EQ(message, "1 of 2 checks failed\n  check 2 (schema): expected no schema difference, got cannot read the DDL "
                     "script /ddl/absent.sql: no such file");
}

TEST_F(SmokeTest, HttpFollowsRedirectsByDefaultAndChecksTheLastAnswer) {
  testing::HttpTestServer server([&](int request) {
    if (request == 0) return std::string("HTTP/1.1 302 Found\r\nLocation: /carbon/admin/login.jsp\r\nContent-Length: 0\r\n\r\n");
    return testing::HttpTestServer::answer(200, "<title>WSO2 Management Console</title>");
  });
  StepContext context = context_for({check("http", {{"url", Value(server.url("/carbon/"))}, {"contains", Value("Management Console")}})});
  SmokeTestStep().run(context);
  EXPECT_EQ(server.requests(), 2);
}

TEST_F(SmokeTest, HttpWithoutFollowingSeesTheRedirect) {
  testing::HttpTestServer server({302});
  std::string message = failure_of({check("http", {{"url", Value(server.url("/carbon/"))}, {"follow_redirects", Value(false)}})});
  EXPECT_EQ(message, "1 of 1 checks failed\n  check 1 (http): expected status 200, got status 302: ok");
}

TEST_F(SmokeTest, AnUnreachableServerIsAFailedCheckNotACrash) {
  std::string url = "http://127.0.0.1:" + std::to_string(testing::free_port()) + "/";
  EXPECT_EQ(failure_of({check("http", {{"url", Value(url)}})}),
            "1 of 1 checks failed\n  check 1 (http): expected status 200, got no answer: Connection refused");
}

TEST_F(SmokeTest, APasswordInThePlansTextIsRefused) {
  testing::HttpTestServer server({200});
  StepContext context = context_for({check("http", {{"url", Value(server.url())}, {"user", Value("admin")}, {"password", Value("admin")}})});
  try {
    SmokeTestStep().run(context);
    FAIL();
  } catch (const StepFailure& failure) {
    EXPECT_STREQ(failure.what(), "http.password must come from a secret param, never from the plan's text");
  }
}

TEST_F(SmokeTest, DescribeSaysWhatEachCheckWouldDo) {
  Value::Map fields{{"checks", Value(Value::List{
      check("sql", {{"database", Value("sqlite:/new.db")}, {"query", Value("SELECT 1")}, {"equals_query_on", Value("sqlite:/old.db")}}),
      check("http", {{"url", Value("https://localhost:9443/carbon/")}, {"status", Value(200)}, {"method", Value("GET")}}),
  })}};
  EXPECT_EQ(SmokeTestStep().describe({fixture.step, fields, fixture.masker}),
            (std::vector<std::string>{"check 1 (sql): would query sqlite:/new.db: SELECT 1, expecting the result on sqlite:/old.db",
                                      "check 2 (http): would send GET https://localhost:9443/carbon/, expecting status 200"}));
}

}  // namespace
}  // namespace planrun

namespace planrun {
namespace PLANRUN_UNITY_ID {

TEST_F(SmokeTest, AFileCheckFindsUnwantedTextOnlyFromTheOffsetAndNamesItsLine) {
  std::string log = "/carbon/repository/logs/wso2carbon.log";
  std::string before = "[2026-12-07 10:00:00,000] ERROR {org.wso2.Old} - yesterday's failure\n";
  fakes.files.files[log] = before + "[2026-12-07 11:00:00,000]  INFO {org.wso2.Start} - Starting\n"
                                    "[2026-12-07 11:00:01,000] ERROR {org.wso2.Realm} - cannot read the user store\n";
  Value unwanted(Value::List{Value("ERROR {"), Value("FATAL {")});
  std::string message = failure_of({
      check("file", {{"path", Value(log)}, {"not_contains", Value(Value::List{Value("FATAL {")})}}),
      check("file", {{"path", Value(log)}, {"not_contains", unwanted}, {"from_offset", Value(static_cast<int64_t>(before.size()))}}),
      check("file", {{"path", Value(log)}, {"contains", Value("Starting")}, {"from_offset", Value(static_cast<int64_t>(before.size()))}}),
      check("file", {{"path", Value(log)}, {"contains", Value("yesterday")}, {"from_offset", Value(static_cast<int64_t>(before.size()))}}),
  });
  EXPECT_EQ(message, "2 of 4 checks failed\n  check 2 (file): expected " + log + " not 'ERROR {' and not 'FATAL {' from byte " +
                         std::to_string(before.size()) + ", got line 3: [2026-12-07 11:00:01,000] ERROR {org.wso2.Realm} - cannot "
                         "read the user store\n  check 4 (file): expected " + log + " contains 'yesterday' from byte " +
                         std::to_string(before.size()) + ", got it does not (" + std::to_string(fakes.files.files[log].size() - before.size()) +
                         " bytes)");
}

TEST_F(SmokeTest, AFileShorterThanTheOffsetWasRotatedAndIsReadWhole) {
  std::string log = "/carbon/wso2carbon.log";
  fakes.files.files[log] = "[x] ERROR {a} - after the rotation\n";
  std::string message = failure_of({check("file", {{"path", Value(log)}, {"not_contains", Value(Value::List{Value("ERROR {")})},
                                                   {"from_offset", Value(static_cast<int64_t>(100000))}})});
  EXPECT_NE(message.find("got line 1: [x] ERROR {a} - after the rotation"), std::string::npos) << message;
}

}  // namespace
}  // namespace planrun

namespace planrun {
namespace PLANRUN_UNITY_ID {

TEST_F(SmokeTest, ASoapFaultIsShownByItsFaultstringNotItsEnvelope) {
  std::string fault = "<?xml version='1.0' encoding='UTF-8'?><soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                      "<soapenv:Body><soapenv:Fault><faultcode>soapenv:Server</faultcode><faultstring>Invalid Domain Name: no "
                      "user store NOPE</faultstring></soapenv:Fault></soapenv:Body></soapenv:Envelope>";
  testing::HttpTestServer server([&](int) { return testing::HttpTestServer::answer(500, fault); });
  std::string message = failure_of({check("http", {{"url", Value(server.url("/services/X"))}, {"method", Value("POST")}, {"status", Value(202)}})});
  EXPECT_EQ(message, "1 of 1 checks failed\n  check 1 (http): expected status 202, got status 500: SOAP fault: Invalid Domain Name: no "
                     "user store NOPE");
}

}  // namespace
}  // namespace planrun
