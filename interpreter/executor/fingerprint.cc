#include "interpreter/executor/fingerprint.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "interpreter/steps/step_catalog.h"

namespace planrun {

static std::string hex(const unsigned char* bytes, size_t size) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (size_t i = 0; i < size; ++i) {
    out += digits[bytes[i] >> 4];
    out += digits[bytes[i] & 15];
  }
  return out;
}

std::string sha256_hex(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_Digest(data.data(), data.size(), digest, &size, EVP_sha256(), nullptr);
  return hex(digest, size);
}

std::string hmac_sha256_hex(std::string_view key, std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(data.data()),
       data.size(), digest, &size);
  return hex(digest, size);
}

Value hashed_secrets(const Value& value, std::string_view secret_key) {
  if (value.secret()) return Value("secret:" + hmac_sha256_hex(secret_key, value.to_text()));
  if (value.is_list()) {
    Value::List items;
    for (const Value& item : value.as_list()) items.push_back(hashed_secrets(item, secret_key));
    return Value(std::move(items));
  }
  if (value.is_map()) {
    Value::Map entries;
    for (const auto& [key, item] : value.as_map()) entries[key] = hashed_secrets(item, secret_key);
    return Value(std::move(entries));
  }
  return value;
}

// A path with its file's content hash, for fields marked content_in_fingerprint: the state then
// says which file changed. A file that cannot be read now (an earlier step makes it) counts as
// "unreadable"; its content is hashed once it exists, when the step runs.
static Value with_content_hash(const Value& value) {
  if (value.is_list()) {
    Value::List items;
    for (const Value& item : value.as_list()) items.push_back(with_content_hash(item));
    return Value(std::move(items));
  }
  if (!value.is_string()) return value;
  std::ifstream file(value.as_string(), std::ios::binary);
  std::ostringstream content;
  content << file.rdbuf();
  std::string hash = file ? sha256_hex(content.str()) : "unreadable";
  return Value(Value::Map{{"path", value}, {"content_sha256", Value(hash)}});
}

Value fingerprint_inputs(const StepNode& step, const Value::Map& fields, std::string_view secret_key) {
  Value::Map kept = fields;
  if (const StepSchema* schema = find_step_schema(step.type))
    for (const FieldSpec& field : schema->with.fields) {
      if (field.tuning) kept.erase(field.name);
      auto given = kept.find(field.name);
      if (field.content_in_fingerprint && given != kept.end()) given->second = with_content_hash(given->second);
    }
  return hashed_secrets(Value(std::move(kept)), secret_key);
}

std::string step_fingerprint(const StepNode& step, const Value::Map& fields,
                             const std::vector<std::string>& upstream_fingerprints, std::string_view secret_key) {
  return fingerprint_of_inputs(step, fingerprint_inputs(step, fields, secret_key), upstream_fingerprints);
}

std::string fingerprint_of_inputs(const StepNode& step, const Value& inputs,
                                  const std::vector<std::string>& upstream_fingerprints) {
  std::string text = "planrun-step-v1\n" + step.type + "@" + std::to_string(step.schema_version) + "\n";
  text += inputs.canonical() + "\n";
  // Sorted: the order of steps and of `needs` in the file is not part of what a step does.
  std::vector<std::string> upstream = upstream_fingerprints;
  std::sort(upstream.begin(), upstream.end());
  for (const std::string& fingerprint : upstream) text += fingerprint + "\n";
  return sha256_hex(text);
}

}  // namespace planrun
