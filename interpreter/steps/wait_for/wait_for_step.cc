#include "interpreter/steps/wait_for/wait_for_step.h"
#include "interpreter/steps/wait_for/wait_for_fields.h"

#include <algorithm>
#include <filesystem>
#include <functional>

#include "interpreter/net/http_client.h"
#include "interpreter/net/tcp_connection.h"
#include "interpreter/step_kit/file_system.h"
#include "interpreter/step_kit/log_watch.h"
#include "interpreter/step_kit/wait_loop.h"
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

// Sockets are reached directly, not through a service: a try on the network ends by the
// machine's clock, whatever clock the step waits on.
std::chrono::steady_clock::time_point network_deadline(milliseconds budget) {
  return std::chrono::steady_clock::now() + budget;
}

WaitProbe tcp_probe(const std::string& text) {
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

WaitProbe http_probe(const Value& http) {
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

WaitProbe file_probe(const std::filesystem::path& file, const FileSystem& files) {
  return {"file " + file.string(), "did not appear", [file, &files](milliseconds) -> std::optional<std::string> {
            try {
              if (files.exists(file)) return std::nullopt;
              return "";
            } catch (const EnvironmentError& error) {  // a directory on the way is not readable
              return "last try: " + std::string(error.what());
            }
          }};
}

// Ready once `text`, host:port, refuses a connection: the server behind it has closed it.
WaitProbe tcp_closed_probe(const std::string& text) {
  auto host_port = parse_host_port(text);
  if (!host_port) throw StepFailure(Kind::Failed, "tcp_closed: '" + text + "' is not host:port");
  return {"the close of port " + text, "did not happen",
          [host_port](milliseconds budget) -> std::optional<std::string> {
            try {
              TcpConnection::connect(*host_port, network_deadline(budget));
              return "";
            } catch (const NetError& error) {
              if (connection_refused(error)) return std::nullopt;
              return "last try: " + std::string(error.what());  // neither open nor closed: try again
            }
          }};
}

void require_exactly_one(const Value::Map& given) {
  const WaitForFields& f = fields();
  if (f.tcp.given(given) + f.http.given(given) + f.file.given(given) + f.log.given(given) +
          f.process_gone.given(given) + f.tcp_closed.given(given) != 1)
    throw StepFailure(Kind::Failed, "wait-for needs exactly one of tcp, http, file, log, process_gone and tcp_closed");
}

// The probe of the field given. A log or a pid file is read from where it was when the step
// first started (its checkpoints): a resumed wait does not miss what happened meanwhile.
WaitProbe probe_for(StepContext& context) {
  const WaitForFields& f = fields();
  const Value::Map& given = context.fields;
  require_exactly_one(given);
  if (f.tcp.given(given)) return tcp_probe(f.tcp.read(given));
  if (f.http.given(given)) return http_probe(f.http.read(given));
  if (f.tcp_closed.given(given)) return tcp_closed_probe(f.tcp_closed.read(given));
  if (f.log.given(given)) {
    LogWatch watch = read_log_watch(f.log.read(given), "log");
    return log_watch_probe(watch, begin_log_watch(context, watch), context.services);
  }
  if (f.process_gone.given(given)) {
    std::filesystem::path pid_file = f.process_gone.read(given);
    return process_gone_probe(pid_file, begin_process_gone(context, pid_file), context.services);
  }
  return file_probe(f.file.read(given), *context.services.files);
}

// What a dry run says it would wait for; it reads neither the log nor the pid file.
std::string subject_to_describe(const DescribeContext& context) {
  const WaitForFields& f = fields();
  const Value::Map& given = context.fields;
  require_exactly_one(given);
  if (f.log.given(given)) {
    LogWatch watch = read_log_watch(f.log.read(given), "log");
    return "a line matching '" + watch.ready.text + "' in " + watch.file.string();
  }
  if (f.process_gone.given(given)) return "the process of pid file " + f.process_gone.read(given) + " to exit";
  if (f.tcp_closed.given(given)) return "port " + f.tcp_closed.read(given) + " to close";
  if (f.tcp.given(given)) return tcp_probe(f.tcp.read(given)).subject;
  if (f.http.given(given)) return http_probe(f.http.read(given)).subject;
  return "file " + f.file.read(given);
}

}  // namespace

const StepSchema& WaitForStep::schema() const { return wait_for_schema(); }

std::vector<std::string> WaitForStep::describe(const DescribeContext& context) const {
  return {context.masker.mask("would wait for " + subject_to_describe(context) + " (up to " +
                              format_duration(fields().timeout.read(context.fields)) + ")")};
}

void WaitForStep::run(StepContext& context) const {
  WaitProbe probe = probe_for(context);
  try {
    milliseconds waited = wait_until_ready(context, probe, fields().timeout.read(context.fields),
                                           fields().interval.read(context.fields));
    context.outputs["waited_ms"] = Value(static_cast<int64_t>(waited.count()));
  } catch (const StepFailure& failure) {
    if (failure.kind != Kind::Cancelled) forget_checkpoints(context);
    throw;
  }
}

}  // namespace planrun
