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
};

struct HttpRequestOptions {
  bool verify_tls = true;                // false: any certificate (a plan's `insecure: true`)
  size_t body_limit = 1024 * 1024;       // the rest of a longer body is not read
};

// A minimal HTTP/1.1 client for probes and smoke tests: one GET, the answer as it comes (no
// redirects followed: a 302 is an answer). NetError when there is no answer: refused, timed
// out, a TLS failure, or something that is not HTTP.
HttpResponse http_get(const Url& url, const HttpRequestOptions& options, NetDeadline deadline);

}  // namespace planrun
