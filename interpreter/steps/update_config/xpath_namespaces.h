#pragma once

#include <map>
#include <string>

namespace planrun {

// pugixml's XPath knows no namespace bindings: a name test `c:Offset` matches only elements
// literally named "c:Offset". This rewrites each prefixed name test whose prefix is bound in
// `namespaces` into a test of the local name and the namespace URI that pugixml evaluates
// (`*[local-name()='Offset' and namespace-uri()='...']`), so `c:Offset` finds Carbon's
// `<Offset>` under a default xmlns as well as a `<c:Offset>`. String literals are left alone.
std::string bind_xpath_namespaces(const std::string& xpath, const std::map<std::string, std::string>& namespaces);

}  // namespace planrun
