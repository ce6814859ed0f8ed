#!/usr/bin/env bash
# Writes a realistic WSO2 Carbon 4.4.6 installation and a 4.4.7 product archive for tests and
# the demo (the database contents are not made here: the caller passes the JDBC URLs to write).
# The layout and files follow the real distribution (wso2/carbon-kernel, distribution/kernel/
# carbon-home at v4.4.6 and v4.4.7); the contents are our own.
#
# Usage: scripts/make-carbon-home.sh --out DIR --jdbc-url URL [--db-user USER] [--db-password PW]
#                                    [--um-jdbc-url URL] [--keystore-password PW] [--offset N]
#                                    [--tenants N] [--server BIN]
#   DIR/wso2carbon-4.4.6/         the old PRODUCT_HOME:
#     bin/wso2server.sh           the launcher (start returns at once; see the file)
#     repository/conf/carbon.xml  <Ports><Offset>N; <Security><KeyStore>: the custom key store
#                                 repository/resources/security/acme.jks (PKCS#12 content, alias
#                                 acme, password PW of --keystore-password, default acme-keystore-pw)
#     repository/conf/datasources/master-datasources.xml
#                                 WSO2_CARBON_DB (jdbc/WSO2CarbonDB) at URL, USER (default
#                                 wso2carbon), PW of --db-password (default wso2carbon), its driver
#                                 class; WSO2_METRICS_DB, an embedded H2 datasource nothing uses
#     repository/conf/datasources/um-datasources.xml   (with --um-jdbc-url only)
#                                 WSO2_UM_DB (jdbc/WSO2UMDB) at that URL, same user and password
#     repository/conf/user-mgt.xml  user management on jdbc/WSO2UMDB with --um-jdbc-url, else
#                                 jdbc/WSO2CarbonDB; registry.xml: the registry on jdbc/WSO2CarbonDB
#     repository/components/lib   the JDBC driver jar of each database (postgresql-42.2.5.jar,
#                                 mysql-connector-java-5.1.49-bin.jar, mariadb-java-client-2.7.2.jar,
#                                 sqlite-jdbc-3.34.0.jar), and
#                                 an unrelated acme-commons-1.0.jar; components/dropins holds
#                                 acme-extension_1.0.0.jar
#     repository/deployment/server  webapps, axis2services, ..., userstores/SECONDARY.xml (JDBC,
#                                 its `password` encrypted for acme.jks) and PARTNERS.xml (LDAP,
#                                 `ConnectionPassword` encrypted)
#     repository/tenants/1..N     each with its own user store (encrypted password), webapps
#     repository/resources/security  acme.jks, the stock wso2carbon.jks, client-truststore.jks
#   DIR/wso2carbon-4.4.7.tar.gz   the new product (top folder wso2carbon-4.4.7/), as shipped: the
#                                 embedded H2 datasource (and its data file), the stock
#                                 wso2carbon.jks named in carbon.xml (a key other than acme.jks),
#                                 no JDBC driver jars, offset N
# Both homes have dbscripts/{postgresql,mysql,sqlite}.sql: tests/fixtures/carbon-446's DDL, 4.4.7's
# with the two index renames of the real 4.4.7 dbscripts.
# Both homes run a fake Carbon server (BIN, by default build/fake_carbon_server, copied into
# bin/), as strict as Carbon at start (tests/tools/fake_carbon_server/main.cc).
# Needs bash, coreutils, tar and the openssl command (key stores, encrypted passwords).
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
out="" jdbc_url="" um_jdbc_url="" db_user="wso2carbon" db_password="wso2carbon" keystore_password="acme-keystore-pw"
offset=0 tenants=3 server="$repo/build/fake_carbon_server"
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out="$2"; shift 2 ;;
    --jdbc-url) jdbc_url="$2"; shift 2 ;;
    --um-jdbc-url) um_jdbc_url="$2"; shift 2 ;;
    --db-user) db_user="$2"; shift 2 ;;
    --db-password) db_password="$2"; shift 2 ;;
    --keystore-password) keystore_password="$2"; shift 2 ;;
    --offset) offset="$2"; shift 2 ;;
    --tenants) tenants="$2"; shift 2 ;;
    --server) server="$2"; shift 2 ;;
    *) echo "make-carbon-home.sh: unknown argument '$1' (see the usage at the top of the script)" >&2; exit 2 ;;
  esac
done
[ -n "$out" ] && [ -n "$jdbc_url" ] || { echo "make-carbon-home.sh: --out and --jdbc-url are required" >&2; exit 2; }
[[ "$offset" =~ ^[0-9]+$ ]] || { echo "make-carbon-home.sh: --offset must be a number, not '$offset'" >&2; exit 2; }
[[ "$tenants" =~ ^[0-9]+$ ]] || { echo "make-carbon-home.sh: --tenants must be a number, not '$tenants'" >&2; exit 2; }
[ -x "$server" ] || { echo "make-carbon-home.sh: no fake Carbon server at $server (build planrun first, or --server BIN)" >&2; exit 2; }
command -v openssl >/dev/null || { echo "make-carbon-home.sh: needs the openssl command (scripts/install-deps.sh)" >&2; exit 2; }

driver_of() {
  case "$1" in
    jdbc:postgresql:*) echo org.postgresql.Driver ;;
    jdbc:mysql:*) echo com.mysql.jdbc.Driver ;;
    jdbc:mariadb:*) echo org.mariadb.jdbc.Driver ;;
    jdbc:sqlite:*) echo org.sqlite.JDBC ;;
    jdbc:h2:*) echo org.h2.Driver ;;
    *) echo unknown.Driver ;;
  esac
}

# The jar a driver class comes in, as operators download it.
driver_jar_of() {
  case "$1" in
    org.postgresql.Driver) echo postgresql-42.2.5.jar ;;
    com.mysql.jdbc.Driver) echo mysql-connector-java-5.1.49-bin.jar ;;
    org.mariadb.jdbc.Driver) echo mariadb-java-client-2.7.2.jar ;;
    org.sqlite.JDBC) echo sqlite-jdbc-3.34.0.jar ;;
  esac
}

xml_escaped() { local s="${1//&/&amp;}"; s="${s//</&lt;}"; printf '%s' "${s//>/&gt;}"; }

write_launcher() {  # $1: home
  mkdir -p "$1/bin"
  cp "$server" "$1/bin/fake-carbon-server"
  cat > "$1/bin/wso2server.sh" <<'LAUNCHER'
#!/usr/bin/env bash
# A stand-in for Carbon 4.4's bin/wso2server.sh (made by planrun's scripts/make-carbon-home.sh),
# which behaves as the real one does:
#   wso2server.sh start [-DportOffset=N]  returns at once ("nohup ... &"); the server writes
#                          wso2carbon.pid itself, takes its time and logs to
#                          repository/logs/wso2carbon.log ("WSO2 Carbon started in N sec" or ERRORs)
#   wso2server.sh stop     sends SIGTERM to the pid file's process and returns at once; the server
#                          exits a moment later and leaves wso2carbon.pid behind
#   wso2server.sh restart  stop, wait until the process is gone, start
#   wso2server.sh version  the version files
#   wso2server.sh [-D...]  runs the server in the foreground
#   wso2server.sh status   not in Carbon's script (there it would run the server in the
#                          foreground): exit 0 while the pid file's server runs, 1 otherwise
# Unlike the real script it signals the pid only while that process is this home's server: a
# stale pid file may name an unrelated process by now.
set -uo pipefail
home="$(cd "$(dirname "$0")/.." && pwd)"
pid_file="$home/wso2carbon.pid"
server=("$home/bin/fake-carbon-server" --home "$home")
running() {
  [ -e "$pid_file" ] && tr '\0' ' ' < "/proc/$(cat "$pid_file")/cmdline" 2>/dev/null | grep -qF "${server[*]} "
}
start() { nohup setsid "${server[@]}" "${args[@]}" >/dev/null 2>&1 & }
command="" args=()
for word in "$@"; do
  case "$word" in
    start|-start|--start) command=start ;;
    stop|-stop|--stop) command=stop ;;
    restart|-restart|--restart) command=restart ;;
    version|-version|--version) command=version ;;
    status|-status|--status) command=status ;;
    *) args+=("$word") ;;
  esac
done
case "$command" in
  start)
    if running; then echo "Process is already running"; exit 0; fi
    start
    exit 0 ;;
  stop)
    running && kill -TERM "$(cat "$pid_file")"
    exit 0 ;;
  restart)
    if running; then
      pid="$(cat "$pid_file")"; kill -TERM "$pid"
      while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
    fi
    start; exit 0 ;;
  version) cat "$home/bin/version.txt"; exit 0 ;;
  status) if running; then echo "Carbon is running (pid $(cat "$pid_file"))"; exit 0; else echo "Carbon is not running"; exit 1; fi ;;
  *) exec "${server[@]}" "${args[@]}" ;;
esac
LAUNCHER
  chmod 755 "$1/bin/wso2server.sh" "$1/bin/fake-carbon-server"
}

write_carbon_xml() {  # $1: home, $2: version, $3: key store file name, $4: its alias, $5: its password
  mkdir -p "$1/repository/conf"
  cat > "$1/repository/conf/carbon.xml" <<CARBON
<?xml version="1.0" encoding="ISO-8859-1"?>
<!-- The server's main configuration (a test fixture in the shape of Carbon 4.4's). -->
<Server xmlns="http://wso2.org/projects/carbon/carbon.xml">
    <Name>WSO2 Carbon</Name>
    <ServerKey>Carbon</ServerKey>
    <Version>$2</Version>
    <ServerURL>local:/\${carbon.context}/services/</ServerURL>

    <!-- Every port below, and HTTPS 9443 / HTTP 9763, is moved by this offset;
         -DportOffset=N on the command line overrides it. -->
    <Ports>
        <Offset>$offset</Offset>
        <JMX>
            <RMIRegistryPort>9999</RMIRegistryPort>
            <RMIServerPort>11111</RMIServerPort>
        </JMX>
    </Ports>

    <Tenant>
        <LoadingPolicy>
            <LazyLoading>
                <IdleTime>30</IdleTime>
            </LazyLoading>
        </LoadingPolicy>
    </Tenant>

    <Security>
        <!-- The primary key store: it decrypts secondary user store passwords and secure vault. -->
        <KeyStore>
            <Location>\${carbon.home}/repository/resources/security/$3</Location>
            <Type>JKS</Type>
            <Password>$(xml_escaped "$5")</Password>
            <KeyAlias>$4</KeyAlias>
            <KeyPassword>$(xml_escaped "$5")</KeyPassword>
        </KeyStore>
        <TrustStore>
            <Location>\${carbon.home}/repository/resources/security/client-truststore.jks</Location>
            <Type>JKS</Type>
            <Password>wso2carbon</Password>
        </TrustStore>
    </Security>
</Server>
CARBON
}

datasource_xml() {  # $1: name, $2: JNDI name, $3: description, $4: URL, $5: user, $6: password
  cat <<DATASOURCE
        <datasource>
            <name>$1</name>
            <description>$3</description>
            <jndiConfig>
                <name>$2</name>
            </jndiConfig>
            <definition type="RDBMS">
                <configuration>
                    <url>$(xml_escaped "$4")</url>
                    <username>$(xml_escaped "$5")</username>
                    <password>$(xml_escaped "$6")</password>
                    <driverClassName>$(driver_of "$4")</driverClassName>
                    <maxActive>50</maxActive>
                    <maxWait>60000</maxWait>
                    <testOnBorrow>true</testOnBorrow>
                    <validationQuery>SELECT 1</validationQuery>
                    <validationInterval>30000</validationInterval>
                    <defaultAutoCommit>false</defaultAutoCommit>
                </configuration>
            </definition>
        </datasource>
DATASOURCE
}

datasources_file() {  # $1: file; stdin: its <datasource> elements
  cat > "$1" <<HEAD
<datasources-configuration xmlns:svns="http://org.wso2.securevault/configuration">
    <providers>
        <provider>org.wso2.carbon.ndatasource.rdbms.RDBMSDataSourceReader</provider>
    </providers>
    <datasources>
HEAD
  cat >> "$1"
  printf '    </datasources>\n</datasources-configuration>\n' >> "$1"
}

write_user_mgt_xml() {  # $1: home, $2: JNDI name of the user management datasource
  cat > "$1/repository/conf/user-mgt.xml" <<USERMGT
<UserManager>
    <Realm>
        <Configuration>
            <AddAdmin>true</AddAdmin>
            <AdminRole>admin</AdminRole>
            <AdminUser>
                <UserName>admin</UserName>
                <Password>admin</Password>
            </AdminUser>
            <EveryOneRoleName>everyone</EveryOneRoleName>
            <Property name="isCascadeDeleteEnabled">true</Property>
            <Property name="dataSource">$2</Property>
        </Configuration>
        <UserStoreManager class="org.wso2.carbon.user.core.jdbc.JDBCUserStoreManager">
            <Property name="TenantManager">org.wso2.carbon.user.core.tenant.JDBCTenantManager</Property>
            <Property name="ReadOnly">false</Property>
            <Property name="PasswordDigest">SHA-256</Property>
            <Property name="StoreSaltedPassword">true</Property>
        </UserStoreManager>
        <AuthorizationManager class="org.wso2.carbon.user.core.authorization.JDBCAuthorizationManager">
            <Property name="AdminRoleManagementPermissions">/permission</Property>
        </AuthorizationManager>
    </Realm>
</UserManager>
USERMGT
}

write_registry_xml() {  # $1: home
  cat > "$1/repository/conf/registry.xml" <<REGISTRY
<wso2registry>
    <currentDBConfig>wso2registry</currentDBConfig>
    <readOnly>false</readOnly>
    <enableCache>true</enableCache>
    <registryRoot>/</registryRoot>
    <dbConfig name="wso2registry">
        <dataSource>jdbc/WSO2CarbonDB</dataSource>
    </dbConfig>
    <versionResourcesOnChange>false</versionResourcesOnChange>
</wso2registry>
REGISTRY
}

# A key store as Carbon reads it: PKCS#12 content (Java's JKS type opens it), one RSA key and
# its self-signed certificate under `alias`, key and store under one password. The certificate
# is left beside it in $tmp for encrypting.
make_key_store() {  # $1: out file, $2: alias, $3: password
  openssl req -x509 -newkey rsa:2048 -nodes -keyout "$tmp/$2.key" -out "$tmp/$2.crt" -days 3650 \
    -subj "/CN=localhost/O=$2" 2>/dev/null
  openssl pkcs12 -export -in "$tmp/$2.crt" -inkey "$tmp/$2.key" -name "$2" -passout "pass:$3" -out "$1"
}

# A value encrypted as Carbon's CryptoUtil does: RSA with PKCS#1 v1.5 padding for the key
# store's certificate, base64.
encrypted_for() {  # $1: alias whose certificate encrypts, $2: clear text
  printf '%s' "$2" | openssl pkeyutl -encrypt -certin -inkey "$tmp/$1.crt" -pkeyopt rsa_padding_mode:pkcs1 | base64 -w0
}

write_jdbc_userstore() {  # $1: file, $2: domain
  mkdir -p "$(dirname "$1")"
  cat > "$1" <<USERSTORE
<?xml version="1.0" encoding="UTF-8"?>
<UserStoreManager class="org.wso2.carbon.user.core.jdbc.JDBCUserStoreManager">
    <Property name="DomainName">$2</Property>
    <Property name="Description">secondary user store $2</Property>
    <Property name="ReadOnly">false</Property>
    <Property name="url">$(xml_escaped "$jdbc_url")</Property>
    <Property name="userName">$(xml_escaped "$db_user")</Property>
    <Property encrypted="true" name="password">$(encrypted_for acme "$db_password")</Property>
    <Property name="driverName">$(driver_of "$jdbc_url")</Property>
    <Property name="PasswordDigest">SHA-256</Property>
    <Property name="UserNameUniqueAcrossTenants">false</Property>
</UserStoreManager>
USERSTORE
}

write_ldap_userstore() {  # $1: file, $2: domain
  mkdir -p "$(dirname "$1")"
  cat > "$1" <<USERSTORE
<?xml version="1.0" encoding="UTF-8"?>
<UserStoreManager class="org.wso2.carbon.user.core.ldap.ReadOnlyLDAPUserStoreManager">
    <Property name="DomainName">$2</Property>
    <Property name="ConnectionURL">ldap://127.0.0.1:10389</Property>
    <Property name="ConnectionName">uid=admin,ou=system</Property>
    <Property encrypted="true" name="ConnectionPassword">$(encrypted_for acme partners-ldap-pw)</Property>
    <Property name="UserSearchBase">ou=Users,dc=partners,dc=example</Property>
    <Property name="ReadGroups">true</Property>
</UserStoreManager>
USERSTORE
}

# Some bytes that look like an archive; the same on every run.
write_blob() {  # $1: file, $2: lines
  mkdir -p "$(dirname "$1")"
  seq 1 "$2" | sed 's/^/PK-entry-/' > "$1"
}

# The version's DDL per database type, from tests/fixtures/carbon-446 (our subset of Carbon's
# dbscripts; sqlite.sql stands in for the embedded default): 4.4.7's renames two indexes, as the
# real 4.4.7 dbscripts do.
write_dbscripts() {  # $1: home, $2: version
  local type renames=(-e "")
  [ "$2" = 4.4.7 ] && renames+=(-e s/REG_LOG_IND_BY_REG_LOGGED_TIME/REG_LOG_IND_BY_REG_LOGTIME/
                               -e s/REG_RESOURCE_IND_BY_TENANT_UUID/REG_RESOURCE_IND_BY_TENANT/)
  for type in postgresql mysql sqlite; do
    sed "${renames[@]}" "$repo/tests/fixtures/carbon-446/$type-ddl.sql" > "$1/dbscripts/$type.sql"
  done
}

write_common() {  # $1: home, $2: version
  write_launcher "$1"
  mkdir -p "$1/repository/logs" "$1/repository/data" "$1/repository/database" "$1/lib" "$1/dbscripts" \
    "$1/repository/conf/datasources" "$1/repository/components/lib" "$1/repository/components/dropins" \
    "$1/repository/resources/security"
  write_registry_xml "$1"
  cp "$tmp/wso2carbon.jks" "$tmp/client-truststore.jks" "$1/repository/resources/security/"
  printf 'log4j.rootLogger=INFO, CARBON_CONSOLE, CARBON_LOGFILE\nlog4j.appender.CARBON_LOGFILE.File=${carbon.home}/repository/logs/${instance.log}/wso2carbon${instance.log}.log\n' \
    > "$1/repository/conf/log4j.properties"
  printf 'WSO2 Carbon %s\n' "$2" > "$1/README.txt"
  printf 'WSO2 Carbon Framework v%s\n' "$2" > "$1/bin/version.txt"
  printf 'CREATE TABLE UM_TENANT (UM_ID INTEGER, UM_DOMAIN_NAME VARCHAR(255));\n' > "$1/dbscripts/h2.sql"
  write_dbscripts "$1" "$2"
}

add_driver_jar() {  # $1: home, $2: JDBC URL
  local class jar
  class="$(driver_of "$2")"
  jar="$(driver_jar_of "$class")"
  [ -z "$jar" ] || "$server" --make-jar "$1/repository/components/lib/$jar" "$class"
}

make_old_home() {  # $1: home
  write_common "$1" 4.4.6
  write_carbon_xml "$1" 4.4.6 acme.jks acme "$keystore_password"
  cp "$tmp/acme.jks" "$1/repository/resources/security/acme.jks"
  {
    datasource_xml WSO2_CARBON_DB jdbc/WSO2CarbonDB "The datasource used for registry and user manager" "$jdbc_url" "$db_user" "$db_password"
    datasource_xml WSO2_METRICS_DB jdbc/WSO2MetricsDB "The datasource of metrics, unused here" \
      "jdbc:h2:./repository/database/WSO2METRICS_DB;DB_CLOSE_ON_EXIT=FALSE;AUTO_SERVER=TRUE" wso2carbon wso2carbon
  } | datasources_file "$1/repository/conf/datasources/master-datasources.xml"
  if [ -n "$um_jdbc_url" ]; then
    datasource_xml WSO2_UM_DB jdbc/WSO2UMDB "The datasource of user management" "$um_jdbc_url" "$db_user" "$db_password" \
      | datasources_file "$1/repository/conf/datasources/um-datasources.xml"
    write_user_mgt_xml "$1" jdbc/WSO2UMDB
  else
    write_user_mgt_xml "$1" jdbc/WSO2CarbonDB
  fi
  add_driver_jar "$1" "$jdbc_url"
  [ -z "$um_jdbc_url" ] || add_driver_jar "$1" "$um_jdbc_url"
  "$server" --make-jar "$1/repository/components/lib/acme-commons-1.0.jar" com.acme.commons.Strings
  "$server" --make-jar "$1/repository/components/dropins/acme-extension_1.0.0.jar" com.acme.carbon.extension.Activator
  local server_dir="$1/repository/deployment/server"
  write_blob "$server_dir/webapps/sample.war" 2000
  write_blob "$server_dir/webapps/STRATOS_ROOT.war" 500
  ln -s sample.war "$server_dir/webapps/current.war"
  write_blob "$server_dir/axis2services/HelloService.aar" 300
  mkdir -p "$server_dir/axis2modules" "$server_dir/servicemetafiles"
  printf '<serviceGroup name="HelloService"/>\n' > "$server_dir/servicemetafiles/HelloService.xml"
  mkdir -p "$server_dir/jaggeryapps/portal"
  printf 'print("portal");\n' > "$server_dir/jaggeryapps/portal/index.jag"
  mkdir -p "$server_dir/synapse-configs/default"
  printf '<definitions xmlns="http://ws.apache.org/ns/synapse"/>\n' > "$server_dir/synapse-configs/default/synapse.xml"
  write_jdbc_userstore "$server_dir/userstores/SECONDARY.xml" SECONDARY
  write_ldap_userstore "$server_dir/userstores/PARTNERS.xml" PARTNERS
  chmod 600 "$server_dir/userstores/PARTNERS.xml"
  for tenant in $(seq 1 "$tenants"); do
    local home_of_tenant="$1/repository/tenants/$tenant"
    write_jdbc_userstore "$home_of_tenant/userstores/TENANT${tenant}_STORE.xml" "TENANT${tenant}_STORE"
    write_blob "$home_of_tenant/webapps/tenant$tenant.war" $((100 * tenant))
    mkdir -p "$home_of_tenant/axis2services" "$home_of_tenant/synapse-configs/default"
    printf '<definitions tenant="%s"/>\n' "$tenant" > "$home_of_tenant/synapse-configs/default/synapse.xml"
  done
  [ "$tenants" -ge 2 ] && ln -s ../1/userstores "$1/repository/tenants/2/shared-userstores"
  ln -s ../conf "$1/repository/deployment/conf-link"
  return 0
}

make_new_archive() {  # $1: staging folder
  local home="$1/wso2carbon-4.4.7"
  write_common "$home" 4.4.7
  write_carbon_xml "$home" 4.4.7 wso2carbon.jks wso2carbon wso2carbon
  datasource_xml WSO2_CARBON_DB jdbc/WSO2CarbonDB "The datasource used for registry and user manager" \
    "jdbc:h2:./repository/database/WSO2CARBON_DB;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=60000" wso2carbon wso2carbon \
    | datasources_file "$home/repository/conf/datasources/master-datasources.xml"
  write_user_mgt_xml "$home" jdbc/WSO2CarbonDB
  write_blob "$home/repository/database/WSO2CARBON_DB.h2.db" 200  # the pack's embedded database
  mkdir -p "$home/repository/deployment/server/webapps" "$home/repository/deployment/server/axis2services" \
    "$home/repository/deployment/server/userstores" "$home/repository/tenants"
  write_blob "$home/repository/deployment/server/webapps/STRATOS_ROOT.war" 520
  tar --sort=name -czf "$out/wso2carbon-4.4.7.tar.gz" -C "$1" wso2carbon-4.4.7
}

mkdir -p "$out"
out="$(cd "$out" && pwd)"
[ -e "$out/wso2carbon-4.4.6" ] && { echo "make-carbon-home.sh: $out/wso2carbon-4.4.6 exists already" >&2; exit 2; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
# The stock key store every pack ships, and the operator's own one of the old home.
make_key_store "$tmp/wso2carbon.jks" wso2carbon wso2carbon
make_key_store "$tmp/acme.jks" acme "$keystore_password"
openssl pkcs12 -export -nokeys -in "$tmp/wso2carbon.crt" -passout pass:wso2carbon -out "$tmp/client-truststore.jks"
make_old_home "$out/wso2carbon-4.4.6"
mkdir "$tmp/pack"
make_new_archive "$tmp/pack"
echo "$out/wso2carbon-4.4.6"
echo "$out/wso2carbon-4.4.7.tar.gz"
