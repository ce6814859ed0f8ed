#include "interpreter/executor/fingerprint.h"

#include <gtest/gtest.h>

#include <fstream>

#include "tests/support/step_fixture.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

StepNode step_of(const std::string& type, int version = 1) {
  StepNode step;
  step.id = "s";
  step.type = type;
  step.schema_version = version;
  return step;
}

TEST(Fingerprint, Sha256MatchesKnownDigest) {
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Fingerprint, StableForSameInputsAndOrderOfKeys) {
  Value::Map a{{"from", Value("x")}, {"to", Value("y")}};
  Value::Map b{{"to", Value("y")}, {"from", Value("x")}};
  EXPECT_EQ(step_fingerprint(step_of("copy-dir"), a, {"u1"}, "k"), step_fingerprint(step_of("copy-dir"), b, {"u1"}, "k"));
}

TEST(Fingerprint, ChangesWithFieldsTypeVersionAndUpstream) {
  Value::Map fields{{"command", Value("true")}};
  std::string base = step_fingerprint(step_of("run"), fields, {"u1"}, "k");
  EXPECT_NE(base, step_fingerprint(step_of("run"), {{"command", Value("false")}}, {"u1"}, "k"));
  EXPECT_NE(base, step_fingerprint(step_of("run", 2), fields, {"u1"}, "k"));
  EXPECT_NE(base, step_fingerprint(step_of("run"), fields, {"u2"}, "k"));
  EXPECT_NE(step_fingerprint(step_of("run"), {{"n", Value(int64_t{1})}}, {}, "k"),
            step_fingerprint(step_of("run"), {{"n", Value("1")}}, {}, "k"))
      << "values of different types must not collide";
}

TEST(Fingerprint, SecretEntersOnlyAsKeyedHash) {
  Value secret = Value("hunter2").mark_secret();
  Value hashed = hashed_secrets(Value(Value::Map{{"password", secret}}), "key-1");
  std::string text = hashed.canonical();
  EXPECT_EQ(text.find("hunter2"), std::string::npos);
  EXPECT_NE(text.find("secret:"), std::string::npos);
  EXPECT_NE(hashed, hashed_secrets(Value(Value::Map{{"password", secret}}), "key-2"));
  Value other = Value("other").mark_secret();
  EXPECT_NE(step_fingerprint(step_of("run"), {{"p", secret}}, {}, "k"), step_fingerprint(step_of("run"), {{"p", other}}, {}, "k"));
}

TEST(Fingerprint, AFieldMarkedContentInFingerprintChangesWithTheFilesContent) {
  testing::TempDir dir;
  std::string script = (dir.path() / "up.sql").string();
  std::ofstream(script) << "CREATE TABLE t (n INTEGER);";
  Value::Map fields{{"database", Value("sqlite:/x.db")}, {"script", Value(script)}};
  std::string before = step_fingerprint(step_of("sql"), fields, {}, "k");
  EXPECT_EQ(before, step_fingerprint(step_of("sql"), fields, {}, "k"));
  std::ofstream(script) << "CREATE TABLE t (n INTEGER, m INTEGER);";
  EXPECT_NE(before, step_fingerprint(step_of("sql"), fields, {}, "k")) << "a changed script is not up to date";
  Value inputs = fingerprint_inputs(step_of("sql"), {{"script", Value(Value::List{Value(script)})}}, "k");
  EXPECT_EQ(inputs.as_map().at("script").as_list().at(0).as_map().at("content_sha256").as_string(),
            sha256_hex("CREATE TABLE t (n INTEGER, m INTEGER);"));
  // Another type's path field is its name only.
  Value other = fingerprint_inputs(step_of("copy-dir"), {{"from", Value(script)}}, "k");
  EXPECT_EQ(other.as_map().at("from"), Value(script));
}

}  // namespace
}  // namespace planrun
