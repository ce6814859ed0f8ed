// Redirects are followed by default (up to 10), as a browser and `curl -L` do: Carbon answers
// /carbon/ with 302 to its login page, and what an operator means by "the console answers 200"
// is the page the browser ends on. `follow_redirects: false` checks the first answer itself.

#include <openssl/evp.h>

#include "interpreter/net/http_client.h"
#include "interpreter/step_kit/step_failure.h"
#include "interpreter/step_kit/step_field.h"
#include "interpreter/step_kit/schema_parts.h"
#include "interpreter/steps/smoke_test/smoke_check.h"
#include "interpreter/steps/smoke_test/smoke_test_fields.h"

namespace planrun {
namespace {

using Kind = StepFailure::Kind;

const HttpCheckFields& fields() { return http_check_fields(); }

constexpr int redirect_limit = 10;
constexpr auto answer_limit = std::chrono::seconds(30);

std::string base64(const std::string& text) {
  std::string out(4 * ((text.size() + 2) / 3) + 1, '\0');
  int length = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                               reinterpret_cast<const unsigned char*>(text.data()), static_cast<int>(text.size()));
  out.resize(static_cast<size_t>(length));
  return out;
}

// What an answer's body says, shortened: a SOAP fault's faultstring (what an admin service
// said went wrong, which the envelope before it would push past the cut), else the body.
std::string shown_body(const std::string& body) {
  size_t tag = body.find("faultstring>");
  if (tag == std::string::npos) return shown_value(body);
  size_t start = tag + std::string("faultstring>").size();
  return "SOAP fault: " + shown_value(body.substr(start, body.find('<', start) - start));
}

HttpRequest request_of(const Value::Map& given) {
  const HttpCheckFields& f = fields();
  HttpRequest request;
  request.method = f.method.read(given);
  request.headers = f.headers.find(given).value_or(std::map<std::string, std::string>{});
  request.body = f.body.find(given).value_or("");
  if (f.password.given(given) && !f.user.given(given))
    throw StepFailure(Kind::Failed, "http.password needs http.user");
  if (f.user.given(given)) {
    Value password = f.password.find(given).value_or(Value(""));
    if (!password.is_null() && !password.to_text().empty() && !password.contains_secret())
      throw StepFailure(Kind::Failed, "http.password must come from a secret param, never from the plan's text");
    request.headers["Authorization"] = "Basic " + base64(f.user.read(given) + ":" + password.to_text());
  }
  return request;
}

class HttpCheck final : public SmokeCheckKind {
 public:
  const std::string& key() const override {
    static const std::string name = "http";
    return name;
  }
  std::string describe(const Value::Map& given) const override {
    std::string text = "would send " + fields().method.read(given) + " " + http_probe_fields().url.read(given) +
                       ", expecting status " + std::to_string(http_probe_fields().status.read(given));
    if (auto contains = fields().contains.find(given)) text += " and a body containing '" + *contains + "'";
    return text;
  }
  CheckOutcome run(const Value::Map& given, StepContext&) const override {
    std::string text = http_probe_fields().url.read(given);
    std::optional<Url> url = parse_url(text);
    if (!url) throw StepFailure(Kind::Failed, "http.url: '" + text + "' is not an http:// or https:// URL");
    HttpRequestOptions options;
    options.verify_tls = !http_probe_fields().insecure.read(given);
    options.max_redirects = fields().follow_redirects.read(given) ? redirect_limit : 0;
    int status = static_cast<int>(http_probe_fields().status.read(given));
    auto contains = fields().contains.find(given);
    std::string expected = "status " + std::to_string(status) + (contains ? " and a body containing '" + *contains + "'" : "");
    try {
      HttpResponse response = http_request(*url, request_of(given), options, std::chrono::steady_clock::now() + answer_limit);
      std::string from = response.url == text ? "" : " from " + response.url;
      if (response.status != status)
        return {false, expected, "status " + std::to_string(response.status) + from + ": " + shown_body(response.body)};
      if (contains && response.body.find(*contains) == std::string::npos)
        return {false, expected, "a body" + from + " without it: " + shown_body(response.body)};
      return {true, expected, ""};
    } catch (const NetError& error) {
      return {false, expected, std::string("no answer: ") + error.what()};
    }
  }
};

}  // namespace

const SmokeCheckKind& http_check() {
  static const HttpCheck check;
  return check;
}

}  // namespace planrun
