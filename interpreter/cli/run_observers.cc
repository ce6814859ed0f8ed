#include "interpreter/cli/run_observers.h"

#include <spdlog/spdlog.h>

#include "interpreter/observers/json_event_log.h"
#include "interpreter/observers/json_report.h"
#include "interpreter/observers/progress_display.h"
#include "interpreter/observers/terminal_capabilities.h"
#include "interpreter/observers/terminal_log.h"
#include "interpreter/observers/terminal_sink.h"

namespace planrun {

std::unique_ptr<ObserverList> make_run_observers(const CommandOptions& options) {
  auto observers = std::make_unique<ObserverList>();
  auto terminal = TerminalCapabilities::detect(stderr);
  auto sink = std::make_shared<TerminalSink>(stderr);
  // Warnings logged anywhere (the lock's heartbeat, say) go through the same sink, which clears
  // the progress bars before a line and redraws them after.
  spdlog::set_default_logger(std::make_shared<spdlog::logger>("planrun", sink));
  if (terminal.ansi && !options.quiet) observers->add(std::make_unique<ProgressDisplay>(sink, terminal.width));
  observers->add(
      std::make_unique<TerminalLog>(sink, TerminalLog::Options{terminal.color, options.quiet, terminal.unicode}));
  if (!options.log_json.empty()) observers->add(std::make_unique<JsonEventLog>(options.log_json));
  if (options.output == "json") observers->add(std::make_unique<JsonReport>(stdout));
  return observers;
}

}  // namespace planrun
