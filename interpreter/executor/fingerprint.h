#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "interpreter/graph/action_graph.h"
#include "interpreter/values/value.h"

namespace planrun {

// What a step's result depends on, as a SHA-256 in hex: its type and schema version, its
// resolved fields in a canonical serialization (sorted keys, typed; tuning fields left out), and
// the fingerprints of the steps it needs, sorted, so that a change anywhere upstream changes
// everything downstream while the order of steps and `needs` in the file changes nothing. A secret
// enters only as an HMAC under the state's own key, never as text, so fingerprints are stable
// across runs and machines for the same state without revealing the secret.
std::string step_fingerprint(const StepNode& step, const Value::Map& fields,
                             const std::vector<std::string>& upstream_fingerprints, std::string_view secret_key);

// The two halves of step_fingerprint, for a caller that also records the inputs (the state keeps
// them to say what changed). fingerprint_inputs: the fields that decide what the step does, all
// but those its schema marks as tuning (jobs, batch sizes, timeouts), secrets as keyed hashes.
Value fingerprint_inputs(const StepNode& step, const Value::Map& fields, std::string_view secret_key);
std::string fingerprint_of_inputs(const StepNode& step, const Value& inputs,
                                  const std::vector<std::string>& upstream_fingerprints);

std::string sha256_hex(std::string_view data);
std::string hmac_sha256_hex(std::string_view key, std::string_view data);

// The value with every secret replaced by its keyed hash, for fingerprints.
Value hashed_secrets(const Value& value, std::string_view secret_key);

}  // namespace planrun
