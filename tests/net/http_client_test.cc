#include "interpreter/net/http_client.h"

#include <gtest/gtest.h>

#include "tests/support/http_test_server.h"
#include "tests/support/tcp_test_listener.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

using namespace std::chrono_literals;
using testing::HttpTestServer;

NetDeadline soon() { return std::chrono::steady_clock::now() + 2s; }

HttpResponse get(const std::string& url) { return http_get(*parse_url(url), HttpRequestOptions{}, soon()); }

TEST(HttpClient, ParsesUrls) {
  auto url = parse_url("https://localhost:9443/carbon/?a=1#top");
  ASSERT_TRUE(url);
  EXPECT_EQ(url->scheme, "https");
  EXPECT_EQ(url->host, "localhost");
  EXPECT_EQ(url->port, 9443);
  EXPECT_EQ(url->target, "/carbon/?a=1");
  EXPECT_EQ(parse_url("http://example.org")->target, "/");
  EXPECT_EQ(parse_url("http://example.org")->port, 80);
  EXPECT_EQ(parse_url("https://[::1]/x")->host, "::1");
  EXPECT_EQ(parse_url("https://[::1]/x")->port, 443);
  EXPECT_FALSE(parse_url("ftp://example.org/"));
  EXPECT_FALSE(parse_url("example.org:80"));
  EXPECT_FALSE(parse_url("http://host:99999/"));
}

TEST(HttpClient, ReadsStatusHeadersAndBody) {
  HttpTestServer server([](int) { return HttpTestServer::answer(503, "not yet"); });
  HttpResponse response = get(server.url("/health"));
  EXPECT_EQ(response.status, 503);
  EXPECT_EQ(response.reason, "Service Unavailable");
  EXPECT_EQ(response.headers.at("content-length"), "7");
  EXPECT_EQ(response.body, "not yet");
}

TEST(HttpClient, DecodesAChunkedBody) {
  HttpTestServer server([](int) {
    return std::string("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n7\r\n, world\r\n0\r\n\r\n");
  });
  EXPECT_EQ(get(server.url()).body, "hello, world");
}

TEST(HttpClient, SomethingThatIsNotHttpIsAnError) {
  HttpTestServer server([](int) { return std::string("SSH-2.0-OpenSSH_9.2\r\n\r\n"); });
  EXPECT_THROW(
      {
        try {
          get(server.url());
        } catch (const NetError& error) {
          EXPECT_STREQ(error.what(), "the answer is not HTTP: 'SSH-2.0-OpenSSH_9.2'");
          throw;
        }
      },
      NetError);
}

TEST(HttpClient, RefusedConnectionIsAnError) {
  EXPECT_THROW(get("http://127.0.0.1:" + std::to_string(testing::free_port()) + "/"), NetError);
}

}  // namespace
}  // namespace planrun
