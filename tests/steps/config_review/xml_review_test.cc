// config-review's XML comparison, on small documents: the settings named by their paths, the
// siblings told apart, what is no difference, and what is never shown.

#include "interpreter/steps/config_review/xml_review.h"

#include <gtest/gtest.h>

namespace planrun {
namespace PLANRUN_UNITY_ID {

using Lines = std::vector<std::string>;

// The review lines of carbon.xml as the new pack (`fresh`) and the old home (`old`) have it.
Lines differences(const std::string& fresh, const std::string& old) {
  pugi::xml_document fresh_document, old_document;
  EXPECT_EQ(parse_xml_settings(fresh_document, fresh), "");
  EXPECT_EQ(parse_xml_settings(old_document, old), "");
  Lines lines;
  for (const SettingDifference& difference : xml_differences(fresh_document, old_document))
    lines.push_back(review_line("carbon.xml", difference));
  return lines;
}

TEST(XmlReview, AnElementsTextAndAnAttributeAreSettingsNamedByTheirPath) {
  EXPECT_EQ(differences(R"(<Server xmlns="http://wso2.org/projects/carbon/carbon.xml"><Ports><Offset>0</Offset></Ports>
                             <HostName enabled="false">localhost</HostName></Server>)",
                        R"(<Server xmlns="http://wso2.org/projects/carbon/carbon.xml"><Ports><Offset>1</Offset></Ports>
                             <HostName enabled="true" proxy="lb">localhost</HostName></Server>)"),
            (Lines{"changed: carbon.xml /Server/Ports/Offset: 0 (new pack) -> 1 (old home)",
                   "changed: carbon.xml /Server/HostName/@enabled: false (new pack) -> true (old home)",
                   "only in old: carbon.xml /Server/HostName/@proxy: lb"}));
}

TEST(XmlReview, CommentsIndentationAndAttributeOrderAreNoDifference) {
  EXPECT_EQ(differences("<Server><Ports a=\"1\" b=\"2\"><Offset>0</Offset></Ports><Name>WSO2  Carbon</Name></Server>",
                        "<?xml version=\"1.0\"?>\n<!-- the operator's note -->\n<Server>\n  <Ports b='2' a='1'>\n"
                        "    <!-- was 1 -->\n    <Offset>\n      0\n    </Offset>\n  </Ports>\n"
                        "  <Name>WSO2\n        Carbon</Name>\n</Server>\n"),
            Lines{});
}

TEST(XmlReview, AnElementOneSideLacksIsOneDifferenceWithItsValueWhenItIsALeaf) {
  EXPECT_EQ(differences("<Server><Axis2Config><RepositoryLocation>x</RepositoryLocation></Axis2Config></Server>",
                        "<Server><Axis2Config><RepositoryLocation>x</RepositoryLocation><Cache><Size>5</Size></Cache>"
                        "</Axis2Config><EnableEmailUserName/><Mode kind=\"a\">fast</Mode></Server>"),
            (Lines{"only in old: carbon.xml /Server/Axis2Config/Cache", "only in old: carbon.xml /Server/EnableEmailUserName",
                   "only in old: carbon.xml /Server/Mode: fast @kind=a"}));
  EXPECT_EQ(differences("<Server><New>1</New></Server>", "<Server/>"), Lines{"only in new: carbon.xml /Server/New: 1"});
}

TEST(XmlReview, RepeatedSiblingsAreToldApartByANameChild) {
  auto datasource = [](const std::string& name, const std::string& url) {
    return "<datasource><name>" + name + "</name><definition type=\"RDBMS\"><configuration><url>" + url +
           "</url></configuration></definition></datasource>";
  };
  std::string fresh = "<datasources-configuration><datasources>" + datasource("WSO2_CARBON_DB", "jdbc:h2:db") +
                      datasource("WSO2_METRICS_DB", "jdbc:h2:metrics") + "</datasources></datasources-configuration>";
  std::string old = "<datasources-configuration><datasources>" + datasource("WSO2_UM_DB", "jdbc:postgresql://db/um") +
                    datasource("WSO2_CARBON_DB", "jdbc:postgresql://db/reg") + "</datasources></datasources-configuration>";
  EXPECT_EQ(differences(fresh, old),
            (Lines{"changed: carbon.xml /datasources-configuration/datasources/datasource[name=WSO2_CARBON_DB]/definition/"
                   "configuration/url: jdbc:h2:db (new pack) -> jdbc:postgresql://db/reg (old home)",
                   "only in new: carbon.xml /datasources-configuration/datasources/datasource[name=WSO2_METRICS_DB]",
                   "only in old: carbon.xml /datasources-configuration/datasources/datasource[name=WSO2_UM_DB]"}));
}

TEST(XmlReview, RepeatedSiblingsAreToldApartByAnAttributeNameFirst) {
  EXPECT_EQ(differences(R"(<UserManager><Realm><Configuration>
                             <Property name="dataSource">jdbc/WSO2CarbonDB</Property>
                             <Property name="isCascadeDeleteEnabled">true</Property>
                           </Configuration></Realm></UserManager>)",
                        R"(<UserManager><Realm><Configuration>
                             <Property name="isCascadeDeleteEnabled">true</Property>
                             <Property name="dataSource">jdbc/WSO2UmDB</Property>
                             <Property name="MaxUserNameListLength">500</Property>
                           </Configuration></Realm></UserManager>)"),
            (Lines{"changed: carbon.xml /UserManager/Realm/Configuration/Property[@name=dataSource]: jdbc/WSO2CarbonDB (new pack) "
                   "-> jdbc/WSO2UmDB (old home)",
                   "only in old: carbon.xml /UserManager/Realm/Configuration/Property[@name=MaxUserNameListLength]: 500"}));
  EXPECT_EQ(differences(R"(<axisconfig><module ref="addressing"/><module ref="rampart"/></axisconfig>)",
                        R"(<axisconfig><module ref="addressing"/></axisconfig>)"),
            Lines{"only in new: carbon.xml /axisconfig/module[@ref=rampart]"});
}

TEST(XmlReview, SiblingsNothingTellsApartAreNamedByPosition) {
  EXPECT_EQ(differences("<a><item>x</item><item>y</item></a>", "<a><item>x</item><item>z</item><item>z</item></a>"),
            (Lines{"changed: carbon.xml /a/item[2]: y (new pack) -> z (old home)", "only in old: carbon.xml /a/item[3]: z"}));
}

TEST(XmlReview, PasswordsAndSecureVaultValuesAreShownAsStars) {
  Lines lines = differences(R"(<Server xmlns:svns="http://org.wso2.securevault/configuration"><Security><KeyStore>
                                 <Password>wso2carbon</Password></KeyStore><Token>pack-token</Token>
                                 <Property name="ConnectionPassword">admin</Property><Login password="pw1"/></Security></Server>)",
                            R"(<Server xmlns:svns="http://org.wso2.securevault/configuration"><Security><KeyStore>
                                 <Password svns:secretAlias="Carbon.Security.KeyStore.Password">old-secret</Password></KeyStore>
                                 <Token svns:secretAlias="Carbon.Token">old-token</Token>
                                 <Property name="ConnectionPassword">old-admin</Property><Login password="pw2"/>
                                 <AdminPassword>only-old</AdminPassword></Security></Server>)");
  EXPECT_EQ(lines, (Lines{"changed: carbon.xml /Server/Security/KeyStore/Password: *** (new pack) -> *** (old home)",
                          "only in old: carbon.xml /Server/Security/KeyStore/Password/@svns:secretAlias: Carbon.Security.KeyStore.Password",
                          "changed: carbon.xml /Server/Security/Token: *** (new pack) -> *** (old home)",
                          "only in old: carbon.xml /Server/Security/Token/@svns:secretAlias: Carbon.Token",
                          "changed: carbon.xml /Server/Security/Property: *** (new pack) -> *** (old home)",
                          "changed: carbon.xml /Server/Security/Login/@password: *** (new pack) -> *** (old home)",
                          "only in old: carbon.xml /Server/Security/AdminPassword: ***"}));
  for (const std::string& line : lines)
    for (const char* secret : {"wso2carbon", "old-secret", "pack-token", "old-token", "old-admin", ": admin", "pw1", "pw2", "only-old"})
      EXPECT_EQ(line.find(secret), std::string::npos) << line;
}

TEST(XmlReview, ASecretNeverNamesASibling) {
  Lines lines = differences(R"(<a><parameter name="password" value="one"/><parameter name="password" value="two"/></a>)",
                            R"(<a><parameter name="password" value="one"/><parameter name="password" value="three"/></a>)");
  EXPECT_EQ(lines, (Lines{"changed: carbon.xml /a/parameter[2]/@value: *** (new pack) -> *** (old home)"}));
}

TEST(XmlReview, MalformedXmlIsNamedByLineAndColumn) {
  pugi::xml_document document;
  EXPECT_EQ(parse_xml_settings(document, "<Server>\n  <Ports>\n</Server>\n"), "3:3: Start-end tags mismatch");
}

}  // namespace
}  // namespace planrun
