// The request says "Connection: close", so an answer ends with the connection at the latest;
// Content-Length and the last chunk of a chunked body end it sooner, for servers that linger.

#include "interpreter/net/http_client.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <memory>

#include "interpreter/net/tcp_connection.h"
#include "interpreter/net/tls_connection.h"

namespace planrun {
namespace {

constexpr size_t header_limit = 64 * 1024;
constexpr std::string_view header_end = "\r\n\r\n";

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.remove_suffix(1);
  return text;
}

std::unique_ptr<ByteStream> open_stream(const Url& url, const HttpRequestOptions& options, NetDeadline deadline) {
  TcpConnection tcp = TcpConnection::connect({url.host, url.port}, deadline);
  if (url.scheme == "http") return std::make_unique<TcpConnection>(std::move(tcp));
  return std::make_unique<TlsConnection>(std::move(tcp), url.host, options.verify_tls, deadline);
}

std::string authority(const Url& url) {
  bool default_port = url.port == (url.scheme == "https" ? 443 : 80);
  bool ipv6 = url.host.find(':') != std::string::npos;
  std::string host = ipv6 ? "[" + url.host + "]" : url.host;
  return default_port ? host : host + ":" + std::to_string(url.port);
}

std::string request_text(const Url& url, const HttpRequest& request) {
  std::map<std::string, std::string> headers{{"user-agent", "planrun"}, {"accept", "*/*"}};
  std::map<std::string, std::string> names{{"user-agent", "User-Agent"}, {"accept", "Accept"}};
  for (const auto& [name, value] : request.headers) headers[lower(name)] = value, names[lower(name)] = name;
  headers.erase("host"), headers.erase("connection"), headers.erase("content-length");
  std::string text = request.method + " " + url.target + " HTTP/1.1\r\nHost: " + authority(url) + "\r\n";
  for (const auto& [name, value] : headers) text += names[name] + ": " + value + "\r\n";
  if (!request.body.empty() || request.method == "POST" || request.method == "PUT")
    text += "Content-Length: " + std::to_string(request.body.size()) + "\r\n";
  return text + "Connection: close\r\n\r\n" + request.body;
}

// The status line and the headers; NetError when they are not HTTP.
HttpResponse parse_head(std::string_view head) {
  size_t line_end = head.find("\r\n");
  std::string_view status_line = head.substr(0, line_end);
  HttpResponse response;
  bool is_http = status_line.size() >= 12 && status_line.substr(0, 5) == "HTTP/" && status_line[8] == ' ';
  auto [end, error] = is_http ? std::from_chars(status_line.data() + 9, status_line.data() + 12, response.status)
                              : std::from_chars_result{nullptr, std::errc::invalid_argument};
  if (!is_http || error != std::errc() || end != status_line.data() + 12)
    throw NetError("the answer is not HTTP: '" + std::string(status_line.substr(0, 40)) + "'");
  response.reason = std::string(trimmed(status_line.substr(12)));
  while (line_end != std::string_view::npos && line_end + 2 < head.size()) {
    size_t next = head.find("\r\n", line_end + 2);
    std::string_view line = head.substr(line_end + 2, next - line_end - 2);
    size_t colon = line.find(':');
    if (colon != std::string_view::npos)
      response.headers[lower(std::string(trimmed(line.substr(0, colon))))] = std::string(trimmed(line.substr(colon + 1)));
    line_end = next;
  }
  return response;
}

struct Dechunked {
  std::string data;
  bool complete = false;
};

// Decodes a chunked body as far as it has arrived; trailers after the last chunk are ignored.
Dechunked dechunk(std::string_view body) {
  Dechunked out;
  for (;;) {
    size_t line_end = body.find("\r\n");
    if (line_end == std::string_view::npos) return out;
    size_t size = 0;
    auto [end, error] = std::from_chars(body.data(), body.data() + line_end, size, 16);
    if (error != std::errc() || end == body.data()) throw NetError("the answer has a malformed chunked body");
    body.remove_prefix(line_end + 2);
    if (size == 0) {
      out.complete = true;
      return out;
    }
    if (body.size() < size) {
      out.data.append(body);
      return out;
    }
    out.data.append(body.substr(0, size));
    body.remove_prefix(std::min(body.size(), size + 2));
  }
}

bool is_chunked(const HttpResponse& response) {
  auto found = response.headers.find("transfer-encoding");
  return found != response.headers.end() && lower(found->second).find("chunked") != std::string::npos;
}

std::optional<size_t> content_length(const HttpResponse& response) {
  auto found = response.headers.find("content-length");
  size_t length = 0;
  if (found == response.headers.end()) return std::nullopt;
  auto [end, error] = std::from_chars(found->second.data(), found->second.data() + found->second.size(), length);
  if (error != std::errc()) return std::nullopt;
  return length;
}

// Whether `body` is all of the answer's body (or all that is wanted of it).
bool body_complete(const HttpResponse& response, std::string_view body, size_t limit) {
  if (body.size() >= limit) return true;
  if (is_chunked(response)) return body.ends_with("0\r\n\r\n") && dechunk(body).complete;
  if (auto length = content_length(response)) return body.size() >= *length;
  return false;
}

bool is_redirect(int status) { return status == 301 || status == 302 || status == 303 || status == 307 || status == 308; }

// The URL a redirect's Location names: absolute, absolute path, or relative to the directory.
Url redirect_target(const Url& from, const HttpResponse& response) {
  auto location = response.headers.find("location");
  if (location == response.headers.end() || location->second.empty())
    throw NetError("the answer " + std::to_string(response.status) + " redirects without a Location");
  const std::string& target = location->second;
  if (std::optional<Url> absolute = parse_url(target)) return *absolute;
  if (target.find("://") != std::string::npos) throw NetError("the answer redirects to '" + target + "', not an http(s) URL");
  Url next = from;
  if (target.front() == '/') next.target = target;
  else next.target = from.target.substr(0, from.target.rfind('/', from.target.find('?')) + 1) + target;
  return next;
}

// What a browser sends after a redirect: 303 (and 301/302 after a POST) turn into a GET without
// a body; credentials go only back to the same host and port.
void follow(HttpRequest& request, int status, const Url& from, const Url& to) {
  if (status == 303 || ((status == 301 || status == 302) && request.method == "POST")) {
    request.method = "GET";
    request.body.clear();
    for (auto it = request.headers.begin(); it != request.headers.end();)
      it = lower(it->first) == "content-type" ? request.headers.erase(it) : std::next(it);
  }
  if (from.host != to.host || from.port != to.port || from.scheme != to.scheme)
    for (auto it = request.headers.begin(); it != request.headers.end();)
      it = lower(it->first) == "authorization" ? request.headers.erase(it) : std::next(it);
}

class ResponseReader {
 public:
  ResponseReader(ByteStream& stream, NetDeadline deadline) : stream_(stream), deadline_(deadline) {}

  HttpResponse read(size_t body_limit) {
    size_t head_end;
    while ((head_end = raw_.find(header_end)) == std::string::npos)
      if (raw_.size() > header_limit || !more()) throw NetError(incomplete_head());
    HttpResponse response = parse_head(std::string_view(raw_).substr(0, head_end));
    size_t body_start = head_end + header_end.size();
    while (!body_complete(response, std::string_view(raw_).substr(body_start), body_limit) && more()) {}
    std::string_view body = std::string_view(raw_).substr(body_start);
    response.body = is_chunked(response) ? dechunk(body).data : std::string(body);
    if (response.body.size() > body_limit) response.body.resize(body_limit);
    return response;
  }

 private:
  std::string incomplete_head() const {
    if (raw_.empty()) return "the server closed the connection without an answer";
    return raw_.size() > header_limit ? "the answer's headers are too long" : "the answer's headers are incomplete";
  }

  bool more() {
    char buffer[16 * 1024];
    size_t got = stream_.receive(buffer, sizeof buffer, deadline_);
    raw_.append(buffer, got);
    return got > 0;
  }

  ByteStream& stream_;
  NetDeadline deadline_;
  std::string raw_;
};

}  // namespace

std::optional<Url> parse_url(std::string_view text) {
  Url url;
  size_t scheme_end = text.find("://");
  if (scheme_end == std::string_view::npos) return std::nullopt;
  url.scheme = lower(std::string(text.substr(0, scheme_end)));
  if (url.scheme != "http" && url.scheme != "https") return std::nullopt;
  std::string_view rest = text.substr(scheme_end + 3);
  size_t authority_end = std::min(rest.find_first_of("/?#"), rest.size());
  std::string_view authority = rest.substr(0, authority_end);
  url.target = std::string(rest.substr(authority_end, rest.find('#') - authority_end));
  if (url.target.empty() || url.target.front() == '?') url.target = "/" + url.target;
  uint16_t default_port = url.scheme == "https" ? 443 : 80;
  bool names_port = !authority.empty() && authority.back() != ']' && authority.find(':') != std::string_view::npos;
  auto host_port = parse_host_port(names_port ? authority : std::string(authority) + ":" + std::to_string(default_port));
  if (!host_port || authority.find('@') != std::string_view::npos) return std::nullopt;
  url.host = host_port->host;
  url.port = host_port->port;
  return url;
}

HttpResponse http_get(const Url& url, const HttpRequestOptions& options, NetDeadline deadline) {
  return http_request(url, HttpRequest{}, options, deadline);
}

HttpResponse http_request(const Url& first, const HttpRequest& first_request, const HttpRequestOptions& options,
                          NetDeadline deadline) {
  Url url = first;
  HttpRequest request = first_request;
  for (int redirects = 0;; ++redirects) {
    std::unique_ptr<ByteStream> stream = open_stream(url, options, deadline);
    stream->send_all(request_text(url, request), deadline);
    HttpResponse response = ResponseReader(*stream, deadline).read(options.body_limit);
    response.url = url.scheme + "://" + authority(url) + url.target;
    if (!is_redirect(response.status) || redirects >= options.max_redirects) return response;
    Url next = redirect_target(url, response);
    follow(request, response.status, url, next);
    url = std::move(next);
  }
}

}  // namespace planrun
