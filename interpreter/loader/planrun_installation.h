#pragma once

#include <filesystem>

namespace planrun {

// Where planrun's own files are, found from the running binary (/proc/self/exe) so that an
// installed planrun (PREFIX/bin/planrun beside PREFIX/share/planrun/), or such a tree copied
// elsewhere, uses its own copies, and build/planrun those of the source tree it was built from.

// The standard plans: PLANRUN_STDLIB when set, else share/planrun/stdlib-plans beside the
// binary's bin/ folder when it exists, else the source tree's stdlib-plans/.
std::filesystem::path stdlib_plans_folder();

// The editors' JSON Schema that `planrun new` points a plan's $schema at: share/planrun/
// planrun.schema.json beside the binary's bin/ folder when it exists, else the source tree's
// docs/planrun.schema.json.
std::filesystem::path editor_schema_file();

}  // namespace planrun
