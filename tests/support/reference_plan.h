#pragma once

#include <string>

namespace planrun::testing {

// The reference plan of the project's design brief ("The shape of a plan"), whole: its field
// names are binding, so the catalogue and the JSON Schema are both tested against it.
inline const std::string kReferencePlan = R"(planrun: 1
name: carbon-4.4.6-to-4.4.7
description: Carbon 4.4.6 -> 4.4.7 database upgrade (no schema changes)
params:
  old_home:   {type: path, doc: 4.4.6 PRODUCT_HOME}
  new_home:   {type: path, doc: where 4.4.7 is unpacked}
  product_zip: {type: path}
  old_db:     {type: database, doc: "DSN of the 4.4.6 database"}
  staging_db: {type: database, doc: "DSN of the empty staging database"}
  backup_dir: {type: path, default: "backups"}
steps:
  - id: servers-stopped
    type: assert-servers-stopped
    with: {pid_files: ["${old_home}/wso2carbon.pid"], ports: [9443, 9763]}
  - id: same-dbtype
    type: assert-same-dbtype
    with: {source: "${old_db}", target: "${staging_db}"}
  - id: staging-empty
    type: assert-db-empty
    with: {database: "${staging_db}"}
  - id: backup-db
    type: backup
    needs: [servers-stopped]
    with: {database: "${old_db}", to: "${backup_dir}/db"}
  - id: backup-home
    type: backup
    needs: [servers-stopped]
    with: {dir: "${old_home}", to: "${backup_dir}/home"}
  - id: copy-db
    type: copy-db
    needs: [backup-db, same-dbtype, staging-empty]
    with: {from: "${old_db}", to: "${staging_db}", verify: true}
  - id: unpack
    type: unpack
    with: {archive: "${product_zip}", to: "${new_home}", strip_components: 1}
  - id: connect-staging
    type: update-config
    needs: [unpack]
    with:
      file: "${new_home}/repository/conf/datasources/master-datasources.xml"
      xml:
        - set: "//datasource[name='WSO2_CARBON_DB']/definition/configuration/url"
          value: "${jdbc_url(staging_db)}"
  - id: copy-server-dir
    type: copy-dir
    needs: [backup-home, unpack]
    with:
      from: "${old_home}/repository/deployment/server"
      to: "${new_home}/repository/deployment/server"
  - id: copy-tenants
    type: copy-dir
    needs: [backup-home, unpack]
    when: "${exists(old_home + '/repository/tenants')}"
    with: {from: "${old_home}/repository/tenants", to: "${new_home}/repository/tenants"}
  - id: start
    type: run
    needs: [copy-db, connect-staging, copy-server-dir, copy-tenants]
    with: {command: ["${new_home}/bin/wso2server.sh", "start"], timeout: 5m}
  - id: smoke
    type: smoke-test
    needs: [start]
    with:
      checks:
        - sql: {database: "${staging_db}", query: "SELECT COUNT(*) FROM UM_TENANT", equals_query_on: "${old_db}"}
        - http: {url: "https://localhost:9443/carbon/", status: 200, insecure: true}
)";

}  // namespace planrun::testing
