#pragma once

#include <filesystem>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace planrun {

// Checks that keep a step's writes inside the directory it was given and its reads off what it
// must not copy. Paths are compared as text (lexically), after the caller made them absolute.

// True when `relative` names a place inside its root: not absolute, no `..` component.
bool stays_inside(std::string_view relative);

// `relative` without its first `count` components (as tar --strip-components); nullopt when it
// has no more than `count` (the entry is skipped). "./" components and a leading '/' do not
// count: check stays_inside first.
std::optional<std::string> strip_components(std::string_view relative, int64_t count);

// True when a symlink at `link` (relative to its root) pointing at `target` resolves inside the
// root, lexically: a relative target whose `..` never climb above the root.
bool symlink_stays_inside(std::string_view link, std::string_view target);

// True when `inner` is `outer` or below it (both absolute, lexically normal).
bool is_same_or_below(const std::filesystem::path& inner, const std::filesystem::path& outer);

// The `repository/conf` part of `path`, when `path` is a product's configuration directory or
// lies inside one (`.../repository/conf/datasources`); nullopt otherwise. A configuration is
// never copied between servers (DESIGN, the reference procedure).
std::optional<std::filesystem::path> product_configuration_in(const std::filesystem::path& path);

}  // namespace planrun
