#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "interpreter/net/byte_stream.h"

namespace planrun {

// An http:// or https:// URL taken apart.
struct Url {
  std::string scheme;  // "http" or "https"
  std::string host;    // without the brackets of an IPv6 literal
  uint16_t port = 0;   // the scheme's default when the URL names none
  std::string target;  // path and query, "/" at least
};

// Parses an http:// or https:// URL; nullopt for anything else.
std::optional<Url> parse_url(std::string_view text);

struct HttpResponse {
  int status = 0;
  std::string reason;
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;                            // at most the body limit
  std::string url;                             // the URL that gave this answer (after redirects)
};

struct HttpRequestOptions {
  bool verify_tls = true;                // false: any certificate (a plan's `insecure: true`)
  size_t body_limit = 1024 * 1024;       // the rest of a longer body is not read
  int max_redirects = 0;                 // redirects (301, 302, 303, 307, 308) to follow
};

// A request other than a bare GET: a SOAP call, a form, a request with credentials.
struct HttpRequest {
  std::string method = "GET";
  std::map<std::string, std::string> headers;  // sent as given, after Host; they replace planrun's defaults
  std::string body;                            // sent with its Content-Length when not empty
};

// A minimal HTTP/1.1 client for probes and smoke tests: one GET, the answer as it comes (no
// redirects followed unless options say so: a 302 is an answer). NetError when there is no
// answer: refused, timed out, a TLS failure, or something that is not HTTP.
HttpResponse http_get(const Url& url, const HttpRequestOptions& options, NetDeadline deadline);

// One request, following up to options.max_redirects redirects as browsers do: 303, and 301 or
// 302 after a POST, become a GET without body; an Authorization header is not sent to another
// host or port. NetError as http_get, and for a redirect without a usable Location.
HttpResponse http_request(const Url& url, const HttpRequest& request, const HttpRequestOptions& options,
                          NetDeadline deadline);

}  // namespace planrun
