#include <gtest/gtest.h>

#include "interpreter/steps/update_config/config_changes.h"
#include "interpreter/steps/update_config/xpath_namespaces.h"

namespace planrun {
namespace PLANRUN_UNITY_ID {

std::string changed(std::string_view text, std::vector<ConfigAssignment> assignments,
                    std::map<std::string, std::string> namespaces = {}) {
  return apply_edits(text, xml_changes(text, assignments, namespaces).edits);
}

std::string error_of(std::string_view text, std::vector<ConfigAssignment> assignments) {
  try {
    xml_changes(text, assignments, {});
  } catch (const ConfigEditError& error) {
    return error.what();
  }
  return "no error";
}

const char* kDatasources = R"(<?xml version="1.0" encoding="UTF-8"?>
<!-- the master datasources: keep this comment -->
<datasources-configuration xmlns:svns="http://org.wso2.securevault/configuration">
    <datasources>
        <datasource>
            <name>WSO2_CARBON_DB</name>
            <definition   type="RDBMS"  b='x'>
                <configuration>
                    <url>jdbc:h2:./repository/database/WSO2CARBON_DB;DB_CLOSE_ON_EXIT=FALSE</url>
                    <username>wso2carbon</username>
                    <password><!-- old -->wso2carbon</password>
                    <validationQuery/>
                </configuration>
            </definition>
        </datasource>
    </datasources>
</datasources-configuration>
)";

TEST(XmlChanges, AnElementsTextIsReplacedAndEveryOtherByteStays) {
  std::string after = changed(kDatasources, {{"//datasource[name='WSO2_CARBON_DB']/definition/configuration/url",
                                              Value("jdbc:postgresql://db:5432/staging?a=1&b=2")}});
  std::string expected = kDatasources;
  std::string old_url = "jdbc:h2:./repository/database/WSO2CARBON_DB;DB_CLOSE_ON_EXIT=FALSE";
  expected.replace(expected.find(old_url), old_url.size(), "jdbc:postgresql://db:5432/staging?a=1&amp;b=2");
  EXPECT_EQ(after, expected);
}

TEST(XmlChanges, AnAttributeIsReplacedInItsOwnQuotesKeepingTheOrderAndSpacing) {
  std::string after = changed(kDatasources, {{"//definition/@type", Value("say \"hi\"")}, {"//definition/@b", Value("it's")}});
  EXPECT_NE(after.find(R"(<definition   type="say &quot;hi&quot;"  b='it&apos;s'>)"), std::string::npos) << after;
}

TEST(XmlChanges, AnEmptyElementGetsAnEndTag) {
  std::string after = changed(kDatasources, {{"//validationQuery", Value("SELECT 1")}});
  EXPECT_NE(after.find("<validationQuery>SELECT 1</validationQuery>"), std::string::npos) << after;
}

TEST(XmlChanges, TheWholeTextIsReplacedAndACommentInsideGoesWithIt) {
  std::string after = changed(kDatasources, {{"//password", Value("new")}});
  EXPECT_NE(after.find("<password>new</password>"), std::string::npos) << after;
}

TEST(XmlChanges, ATextNodeCanBeSelected) {
  std::string after = changed("<a><b> x </b></a>", {{"/a/b/text()", Value("y")}});
  EXPECT_EQ(after, "<a><b>y</b></a>");
}

TEST(XmlChanges, EveryMatchChanges) {
  EXPECT_EQ(changed("<a><b>1</b><c/><b>2</b></a>", {{"//b", Value("3")}}), "<a><b>3</b><c/><b>3</b></a>");
}

TEST(XmlChanges, AnXPathMatchingNothingIsAnErrorNamingIt) {
  EXPECT_EQ(error_of(kDatasources, {{"//datasource[name='WSO2_AM_DB']/definition", Value("x")}}),
            "'//datasource[name='WSO2_AM_DB']/definition' matches nothing");
}

TEST(XmlChanges, AnOptionalXPathMatchingNothingIsSkipped) {
  ConfigChanges changes = xml_changes(kDatasources, {{"//nothing", Value("x"), true}}, {});
  EXPECT_TRUE(changes.edits.empty());
  EXPECT_EQ(changes.skipped, std::vector<std::string>{"//nothing"});
}

TEST(XmlChanges, AnElementHoldingElementsIsRefusedAtItsPosition) {
  EXPECT_EQ(error_of(kDatasources, {{"//configuration", Value("x")}}),
            "'//configuration' selects <configuration> at 8:17, which holds elements: select an element that holds "
            "text, or an attribute");
}

TEST(XmlChanges, MalformedXmlIsReportedAtItsPosition) {
  std::string error = error_of("<a>\n  <b>\n</a>\n", {{"//b", Value("x")}});
  EXPECT_EQ(error.rfind("3:", 0), 0u) << error;
  EXPECT_NE(error.find("not well-formed XML"), std::string::npos) << error;
}

TEST(XmlChanges, ABadXPathIsNamed) {
  std::string error = error_of(kDatasources, {{"//a[", Value("x")}});
  EXPECT_EQ(error.rfind("'//a[' is not an XPath: ", 0), 0u) << error;
}

const char* kCarbon = R"(<?xml version="1.0" encoding="ISO-8859-1"?>
<Server xmlns="http://wso2.org/projects/carbon/carbon.xml">
    <Ports>
        <!-- Ports offset. -->
        <Offset>0</Offset>
    </Ports>
    <x:Other xmlns:x="urn:other"><x:Offset>5</x:Offset></x:Other>
</Server>
)";

TEST(XmlChanges, APrefixBoundInNamespacesFindsElementsOfTheDefaultNamespace) {
  std::map<std::string, std::string> namespaces{{"c", "http://wso2.org/projects/carbon/carbon.xml"}, {"o", "urn:other"}};
  std::string after = changed(kCarbon, {{"//c:Offset", Value("2")}}, namespaces);
  EXPECT_NE(after.find("<Offset>2</Offset>"), std::string::npos) << after;
  EXPECT_NE(after.find("<x:Offset>5</x:Offset>"), std::string::npos) << after;
  after = changed(kCarbon, {{"/c:Server/o:*/o:Offset", Value("7")}}, namespaces);
  EXPECT_NE(after.find("<x:Offset>7</x:Offset>"), std::string::npos) << after;
  EXPECT_NE(after.find("<Offset>0</Offset>"), std::string::npos) << after;
}

TEST(XpathNamespaces, OnlyBoundPrefixesOutsideLiteralsAreRewritten) {
  std::map<std::string, std::string> namespaces{{"c", "urn:c"}};
  EXPECT_EQ(bind_xpath_namespaces("//c:a[@c:b='c:d']/child::x:y", namespaces),
            "//*[local-name()='a' and namespace-uri()='urn:c'][@*[local-name()='b' and namespace-uri()='urn:c']='c:d']"
            "/child::x:y");
}

TEST(XmlChanges, CrLfLinesKeepTheirLineBreaks) {
  EXPECT_EQ(changed("<a>\r\n  <b>1</b>\r\n</a>\r\n", {{"//b", Value("2")}}), "<a>\r\n  <b>2</b>\r\n</a>\r\n");
}

}  // namespace
}  // namespace planrun
