#pragma once

// Small Carbon homes written file by file for the Carbon reader's and the carbon-* steps' tests:
// the files and elements Carbon 4.4 reads (repository/conf/datasources/*.xml, user-mgt.xml,
// registry.xml, carbon.xml <Security>, the secure vault's files, components/lib jars), and
// nothing else, so each test states the part it is about.

#include <filesystem>
#include <string>
#include <vector>

#include "tests/support/archive_builder.h"
#include "tests/support/file_trees.h"

namespace planrun::testing {

// One <datasource> element as Carbon's datasources files have it. `password_alias` writes
// <password svns:secretAlias="..."/> instead of a password.
struct FixtureDatasource {
  std::string name, jndi_name, url, username = "carbon", password = "old-pw", driver = "org.postgresql.Driver";
  std::string password_alias = "";
};

inline std::string datasource_element(const FixtureDatasource& d) {
  std::string password = d.password_alias.empty() ? "<password>" + d.password + "</password>"
                                                  : "<password svns:secretAlias=\"" + d.password_alias + "\"></password>";
  return "        <datasource>\n"
         "            <name>" + d.name + "</name>\n"
         "            <jndiConfig>\n"
         "                <name>" + d.jndi_name + "</name>\n"
         "            </jndiConfig>\n"
         "            <definition type=\"RDBMS\">\n"
         "                <configuration>\n"
         "                    <url>" + d.url + "</url>\n"
         "                    <username>" + d.username + "</username>\n"
         "                    " + password + "\n"
         "                    <driverClassName>" + d.driver + "</driverClassName>\n"
         "                    <maxActive>50</maxActive>\n"
         "                </configuration>\n"
         "            </definition>\n"
         "        </datasource>\n";
}

inline std::string datasources_file(const std::vector<FixtureDatasource>& datasources) {
  std::string out = "<datasources-configuration xmlns:svns=\"http://org.wso2.securevault/configuration\">\n"
                    "    <providers>\n"
                    "        <provider>org.wso2.carbon.ndatasource.rdbms.RDBMSDataSourceReader</provider>\n"
                    "    </providers>\n"
                    "    <datasources>\n";
  for (const FixtureDatasource& d : datasources) out += datasource_element(d);
  return out + "    </datasources>\n</datasources-configuration>\n";
}

inline std::filesystem::path conf(const std::filesystem::path& home) { return home / "repository" / "conf"; }

inline void write_datasources(const std::filesystem::path& home, const std::string& file,
                              const std::vector<FixtureDatasource>& datasources) {
  write_file(conf(home) / "datasources" / file, datasources_file(datasources));
}

// user-mgt.xml whose realm uses `jndi_name`.
inline void write_user_mgt(const std::filesystem::path& home, const std::string& jndi_name) {
  write_file(conf(home) / "user-mgt.xml",
             "<UserManager>\n    <Realm>\n        <Configuration>\n"
             "            <AdminRole>admin</AdminRole>\n"
             "            <Property name=\"dataSource\">" + jndi_name + "</Property>\n"
             "        </Configuration>\n    </Realm>\n</UserManager>\n");
}

// registry.xml whose local registry uses `jndi_name`; `mounted`: also a config registry
// mounted from another database's datasource.
inline void write_registry(const std::filesystem::path& home, const std::string& jndi_name, const std::string& mounted = "") {
  std::string text = "<wso2registry>\n    <currentDBConfig>wso2registry</currentDBConfig>\n"
                     "    <dbConfig name=\"wso2registry\">\n        <dataSource>" + jndi_name + "</dataSource>\n    </dbConfig>\n";
  if (!mounted.empty())
    text += "    <dbConfig name=\"shared\">\n        <dataSource>" + mounted + "</dataSource>\n    </dbConfig>\n"
            "    <remoteInstance url=\"https://localhost:9443/registry\">\n        <id>config</id>\n"
            "        <dbConfig>shared</dbConfig>\n        <readOnly>false</readOnly>\n    </remoteInstance>\n"
            "    <mount path=\"/_system/config\" overwrite=\"true\">\n        <instanceId>config</instanceId>\n"
            "        <targetPath>/_system/nodes</targetPath>\n    </mount>\n";
  write_file(conf(home) / "registry.xml", text + "</wso2registry>\n");
}

// A jar holding the class files `classes` ("org/postgresql/Driver.class").
inline void write_jar(const std::filesystem::path& path, const std::vector<std::string>& classes) {
  std::filesystem::create_directories(path.parent_path());
  std::vector<ArchiveItem> items{file_item("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n")};
  for (const std::string& entry : classes) items.push_back(file_item(entry, "\xCA\xFE\xBA\xBE" + entry));
  write_archive(path, "zip", items);
}

// One carbon.xml <Security> entry.
struct FixtureKeyStore {
  std::string element = "KeyStore", location = "${carbon.home}/repository/resources/security/wso2carbon.jks";
  std::string type = "JKS", password = "wso2carbon", key_alias = "wso2carbon", key_password = "wso2carbon";
  std::string password_alias = "";
};

inline std::string key_store_element(const FixtureKeyStore& k) {
  std::string alias = k.password_alias.empty() ? "" : " svns:secretAlias=\"" + k.password_alias + "\"";
  std::string out = "        <" + k.element + ">\n"
                    "            <Location>" + k.location + "</Location>\n"
                    "            <Type>" + k.type + "</Type>\n"
                    "            <Password" + alias + ">" + k.password + "</Password>\n";
  if (k.element != "TrustStore")
    out += "            <KeyAlias>" + k.key_alias + "</KeyAlias>\n"
           "            <KeyPassword>" + k.key_password + "</KeyPassword>\n";
  return out + "        </" + k.element + ">\n";
}

inline void write_carbon_xml(const std::filesystem::path& home, const std::vector<FixtureKeyStore>& stores) {
  std::string text = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
                     "<Server xmlns=\"http://wso2.org/projects/carbon/carbon.xml\">\n"
                     "    <Name>WSO2 Carbon</Name>\n    <Ports>\n        <Offset>0</Offset>\n    </Ports>\n"
                     "    <Security>\n";
  for (const FixtureKeyStore& k : stores) text += key_store_element(k);
  write_file(conf(home) / "carbon.xml", text + "    </Security>\n</Server>\n");
}

}  // namespace planrun::testing
