#pragma once

#include <string>
#include <vector>

namespace planrun::fake_carbon {

// Reading and writing the SOAP 1.1 messages of Carbon's admin services, as far as the fake
// needs: elements are found by local name (any prefix), which is how Axis2's generated
// stubs and hand-written requests with any namespace prefix both read.

// The text of the first element whose local name is `name`, or "" when absent.
std::string element_text(const std::string& xml, const std::string& name);
// The texts of every element whose local name is `name`, in order.
std::vector<std::string> element_texts(const std::string& xml, const std::string& name);
// Each whole element (start tag to end tag) whose local name is `name`, for nested beans.
std::vector<std::string> elements(const std::string& xml, const std::string& name);

// The operation a request calls: from SOAPAction ("urn:addUser", quoted or not) or, without
// one, the local name of the body's first element.
std::string operation_of(const std::string& soap_action, const std::string& body);

// `text` with &, <, > and " escaped, for element content and attributes.
std::string xml_escaped(const std::string& text);
// The text of an element as XML gives it: &lt; &gt; &amp; &quot; &apos; decoded.
std::string xml_unescaped(const std::string& text);

// A SOAP 1.1 envelope around `content`.
std::string envelope(const std::string& content);
// A SOAP fault as Axis2 writes one (faultcode soapenv:Server), `text` escaped.
std::string fault(const std::string& text);

}  // namespace planrun::fake_carbon
