// http_request: method, headers and body as given; redirects followed as browsers follow them.

#include <gtest/gtest.h>

#include "interpreter/net/http_client.h"
#include "tests/support/http_test_server.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

using namespace std::chrono_literals;
using testing::HttpTestServer;

NetDeadline soon() { return std::chrono::steady_clock::now() + 2s; }

std::string redirect(int status, const std::string& location) {
  return "HTTP/1.1 " + std::to_string(status) + " Moved\r\nLocation: " + location + "\r\nContent-Length: 0\r\n\r\n";
}

TEST(HttpRequest, SendsTheMethodHeadersAndBodyWithItsLength) {
  HttpTestServer server([](int) { return HttpTestServer::answer(202, ""); });
  HttpRequest request{"POST", {{"Content-Type", "text/xml"}, {"SOAPAction", "urn:addUser"}}, "<x/>"};
  HttpResponse response = http_request(*parse_url(server.url("/services/S")), request, {}, soon());
  EXPECT_EQ(response.status, 202);
  std::string head = server.heads().at(0);
  EXPECT_EQ(head.rfind("POST /services/S HTTP/1.1\r\n", 0), 0u) << head;
  EXPECT_NE(head.find("\r\nContent-Type: text/xml"), std::string::npos) << head;
  EXPECT_NE(head.find("\r\nSOAPAction: urn:addUser"), std::string::npos) << head;
  EXPECT_NE(head.find("\r\nContent-Length: 4"), std::string::npos) << head;
}

TEST(HttpRequest, RedirectsAreFollowedOnlyWhenAskedAndTheAnswerSaysFromWhere) {
  HttpTestServer server([](int request) {
    return request % 2 == 0 ? redirect(302, "/carbon/admin/login.jsp") : HttpTestServer::answer(200, "login");
  });
  HttpRequestOptions follow;
  follow.max_redirects = 10;
  HttpResponse followed = http_request(*parse_url(server.url("/carbon/")), {}, follow, soon());
  EXPECT_EQ(followed.status, 200);
  EXPECT_EQ(followed.url, server.url("/carbon/admin/login.jsp"));
  EXPECT_EQ(server.heads().at(1).rfind("GET /carbon/admin/login.jsp HTTP/1.1", 0), 0u);
  HttpResponse first = http_request(*parse_url(server.url("/carbon/")), {}, {}, soon());
  EXPECT_EQ(first.status, 302);
}

TEST(HttpRequest, APostRedirectedBy303BecomesAGetWithoutBody) {
  HttpTestServer server([](int request) { return request == 0 ? redirect(303, "done") : HttpTestServer::answer(200); });
  HttpRequestOptions follow;
  follow.max_redirects = 1;
  HttpRequest request{"POST", {{"Content-Type", "text/xml"}}, "<x/>"};
  http_request(*parse_url(server.url("/a/form")), request, follow, soon());
  std::string second = server.heads().at(1);
  EXPECT_EQ(second.rfind("GET /a/done HTTP/1.1\r\n", 0), 0u) << second;
  EXPECT_EQ(second.find("Content-Type"), std::string::npos) << second;
}

TEST(HttpRequest, CredentialsAreNotSentToAnotherHostOrPort) {
  HttpTestServer other([](int) { return HttpTestServer::answer(200); });
  HttpTestServer first([&](int) { return redirect(302, other.url("/elsewhere")); });
  HttpRequestOptions follow;
  follow.max_redirects = 1;
  HttpRequest request{"GET", {{"Authorization", "Basic YWRtaW46YWRtaW4="}}, ""};
  http_request(*parse_url(first.url("/")), request, follow, soon());
  EXPECT_NE(first.heads().at(0).find("Authorization: Basic"), std::string::npos);
  EXPECT_EQ(other.heads().at(0).find("Authorization"), std::string::npos) << other.heads().at(0);
}

TEST(HttpRequest, ARedirectWithoutLocationIsAnError) {
  HttpTestServer server([](int) { return std::string("HTTP/1.1 302 Found\r\nContent-Length: 0\r\n\r\n"); });
  HttpRequestOptions follow;
  follow.max_redirects = 1;
  try {
    http_request(*parse_url(server.url("/")), {}, follow, soon());
    FAIL();
  } catch (const NetError& error) {
    EXPECT_STREQ(error.what(), "the answer 302 redirects without a Location");
  }
}

}  // namespace
}  // namespace planrun
