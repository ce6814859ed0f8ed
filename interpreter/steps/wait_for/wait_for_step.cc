#include "interpreter/steps/wait_for/wait_for_step.h"
#include "interpreter/steps/wait_for/wait_for_fields.h"

#include <algorithm>
#include <filesystem>
#include <functional>

#include "interpreter/net/http_client.h"
#include "interpreter/net/tcp_connection.h"
#include "interpreter/step_kit/file_system.h"
#include "interpreter/step_kit/step_clock.h"
#include "interpreter/step_kit/step_failure.h"
#include "interpreter/step_kit/step_field.h"
#include "interpreter/step_kit/schema_parts.h"
#include "interpreter/step_kit/step_secret_masker.h"
#include "interpreter/step_kit/step_time_limit.h"
#include "interpreter/values/duration.h"

namespace planrun {
namespace {

using std::chrono::milliseconds;
using Kind = StepFailure::Kind;

const WaitForFields& fields() { return wait_for_fields(); }

// One try may not take longer than this, so that a hung server is tried again.
constexpr milliseconds longest_try = std::chrono::seconds(5);
// Nor less: the last try, at the deadline, still gets a chance to connect.
constexpr milliseconds shortest_try{200};
constexpr milliseconds shortest_interval{10};

// One thing a wait-for step waits for.
struct Probe {
  std::string subject;    // as messages name it: "port 127.0.0.1:9443"
  std::string not_ready;  // what the timeout says of it: "did not accept connections"
  // One try that takes at most `budget`: nullopt when ready, else a note on why not
  // ("last try: Connection refused"), possibly empty.
  std::function<std::optional<std::string>(milliseconds budget)> attempt;
};

// Sockets are reached directly, not through a service: a try on the network ends by the
// machine's clock, whatever clock the step waits on.
std::chrono::steady_clock::time_point network_deadline(milliseconds budget) {
  return std::chrono::steady_clock::now() + budget;
}

Probe tcp_probe(const std::string& text) {
  auto host_port = parse_host_port(text);
  if (!host_port) throw StepFailure(Kind::Failed, "tcp: '" + text + "' is not host:port");
  return {"port " + text, "did not accept connections", [host_port](milliseconds budget) -> std::optional<std::string> {
            try {
              TcpConnection::connect(*host_port, network_deadline(budget));
              return std::nullopt;
            } catch (const NetError& error) {
              return "last try: " + std::string(error.what());
            }
          }};
}

std::optional<std::string> http_attempt(const Url& url, const HttpRequestOptions& options, int status,
                                        milliseconds budget) {
  try {
    HttpResponse response = http_get(url, options, network_deadline(budget));
    if (response.status == status) return std::nullopt;
    return "last answer: " + std::to_string(response.status) + (response.reason.empty() ? "" : " " + response.reason);
  } catch (const NetError& error) {
    return "last try: " + std::string(error.what());
  }
}

Probe http_probe(const Value& http) {
  const HttpProbeFields& fields = http_probe_fields();
  if (!http.is_map()) throw StepFailure(Kind::Failed, "field 'http' holds " + http.display() + ", not a map");
  const Value::Map& given = http.as_map();
  std::string text = fields.url.read(given);
  auto url = parse_url(text);
  if (!url) throw StepFailure(Kind::Failed, "http.url: '" + text + "' is not an http:// or https:// URL");
  int status = static_cast<int>(fields.status.read(given));
  HttpRequestOptions options;
  options.verify_tls = !fields.insecure.read(given);
  options.body_limit = 0;  // only the status counts here
  return {text, "did not answer with status " + std::to_string(status),
          [url = *url, options, status](milliseconds budget) { return http_attempt(url, options, status, budget); }};
}

Probe file_probe(const std::filesystem::path& file, const FileSystem& files) {
  return {"file " + file.string(), "did not appear", [file, &files](milliseconds) -> std::optional<std::string> {
            try {
              if (files.exists(file)) return std::nullopt;
              return "";
            } catch (const EnvironmentError& error) {  // a directory on the way is not readable
              return "last try: " + std::string(error.what());
            }
          }};
}

Probe probe_for(const Value::Map& given, const FileSystem& files) {
  const WaitForFields& f = fields();
  if (f.tcp.given(given) + f.http.given(given) + f.file.given(given) != 1)
    throw StepFailure(Kind::Failed, "wait-for needs exactly one of tcp, http and file");
  if (f.tcp.given(given)) return tcp_probe(f.tcp.read(given));
  if (f.http.given(given)) return http_probe(f.http.read(given));
  return file_probe(f.file.read(given), files);
}

std::string timeout_message(const Probe& probe, const StepTimeLimit& limit, const std::string& note) {
  return probe.subject + " " + probe.not_ready + " within " + limit.text + (note.empty() ? "" : " (" + note + ")");
}

}  // namespace

const StepSchema& WaitForStep::schema() const { return wait_for_schema(); }

std::vector<std::string> WaitForStep::describe(const DescribeContext& context) const {
  Probe probe = probe_for(context.fields, *context.services.files);
  return {context.masker.mask("would wait for " + probe.subject + " (up to " +
                              format_duration(fields().timeout.read(context.fields)) + ")")};
}

// Time is read and slept through services.clock, so that a test of a 30 s wait takes no time.
void WaitForStep::run(StepContext& context) const {
  StepSecretMasker masker(context);
  const StepClock& clock = *context.services.clock;
  Probe probe = probe_for(context.fields, *context.services.files);
  milliseconds interval = std::max(fields().interval.read(context.fields), shortest_interval);
  StepClock::TimePoint start = clock.now();
  StepTimeLimit limit = StepTimeLimit::of(context, fields().timeout.read(context.fields), start);
  context.log.info(masker.mask("waiting for " + probe.subject + " (up to " + limit.text + ")"));
  for (;;) {
    if (context.cancel.requested())
      throw StepFailure(Kind::Cancelled, masker.mask("the run was interrupted while waiting for " + probe.subject));
    milliseconds left = std::chrono::ceil<milliseconds>(*limit.deadline - clock.now());
    std::optional<std::string> note = probe.attempt(std::clamp(left, shortest_try, longest_try));
    auto waited = std::chrono::duration_cast<milliseconds>(clock.now() - start);
    if (!note) {
      context.outputs["waited_ms"] = Value(static_cast<int64_t>(waited.count()));
      context.log.info(masker.mask(probe.subject + " is ready after " + format_duration(waited)));
      return;
    }
    StepClock::TimePoint now = clock.now();
    if (now >= *limit.deadline) throw StepFailure(Kind::TimedOut, masker.mask(timeout_message(probe, limit, *note)));
    clock.sleep_for(std::min(interval, std::chrono::ceil<milliseconds>(*limit.deadline - now)), context.cancel);
  }
}

}  // namespace planrun
