#!/usr/bin/env bash
# Writes a realistic WSO2 Carbon 4.4.6 installation and a 4.4.7 product archive for tests and
# the demo (the database contents are not made here: the caller passes the JDBC URL to write).
#
# Usage: scripts/make-carbon-home.sh --out DIR --jdbc-url URL [--db-user USER] [--offset N]
#                                    [--tenants N] [--server BIN]
#   DIR/wso2carbon-4.4.6/         the old PRODUCT_HOME: bin/wso2server.sh, repository/conf
#                                 (carbon.xml with <Ports><Offset>N, master-datasources.xml with
#                                 WSO2_CARBON_DB at URL/USER), repository/deployment/server
#                                 (webapps, axis2services, userstores/*.xml, ...),
#                                 repository/tenants/1..N (with their user stores), symlinks
#   DIR/wso2carbon-4.4.7.tar.gz   the new product (top folder wso2carbon-4.4.7/), as shipped:
#                                 the embedded H2 datasource, offset N
# Both homes' bin/wso2server.sh start|stop|status run a fake Carbon server (BIN, by default
# build/fake_carbon_server, copied into bin/): HTTPS on 9443+N and HTTP on 9763+N on 127.0.0.1,
# PRODUCT_HOME/wso2carbon.pid while it runs (tests/tools/fake_carbon_server/main.cc).
# Needs bash, coreutils and tar only.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
out="" jdbc_url="" db_user="wso2carbon" offset=0 tenants=3 server="$repo/build/fake_carbon_server"
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out="$2"; shift 2 ;;
    --jdbc-url) jdbc_url="$2"; shift 2 ;;
    --db-user) db_user="$2"; shift 2 ;;
    --offset) offset="$2"; shift 2 ;;
    --tenants) tenants="$2"; shift 2 ;;
    --server) server="$2"; shift 2 ;;
    *) echo "make-carbon-home.sh: unknown argument '$1' (see the usage at the top of the script)" >&2; exit 2 ;;
  esac
done
[ -n "$out" ] && [ -n "$jdbc_url" ] || { echo "make-carbon-home.sh: --out and --jdbc-url are required" >&2; exit 2; }
[[ "$offset" =~ ^[0-9]+$ ]] || { echo "make-carbon-home.sh: --offset must be a number, not '$offset'" >&2; exit 2; }
[ -x "$server" ] || { echo "make-carbon-home.sh: no fake Carbon server at $server (build planrun first, or --server BIN)" >&2; exit 2; }

driver_of() {
  case "$1" in
    jdbc:postgresql:*) echo org.postgresql.Driver ;;
    jdbc:mysql:*|jdbc:mariadb:*) echo com.mysql.jdbc.Driver ;;
    jdbc:sqlite:*) echo org.sqlite.JDBC ;;
    jdbc:h2:*) echo org.h2.Driver ;;
    *) echo unknown.Driver ;;
  esac
}

xml_escaped() { local s="${1//&/&amp;}"; s="${s//</&lt;}"; printf '%s' "${s//>/&gt;}"; }

write_launcher() {  # $1: home
  mkdir -p "$1/bin"
  cp "$server" "$1/bin/fake-carbon-server"
  cat > "$1/bin/wso2server.sh" <<'LAUNCHER'
#!/usr/bin/env bash
# A stand-in for Carbon's launcher (made by planrun's scripts/make-carbon-home.sh):
#   wso2server.sh start    starts the server in the background, returns once it listens
#   wso2server.sh stop     stops it and waits until it has exited
#   wso2server.sh status   exit 0 while it runs
set -euo pipefail
home="$(cd "$(dirname "$0")/.." && pwd)"
pid_file="$home/wso2carbon.pid"
running() { [ -f "$pid_file" ] && kill -0 "$(cat "$pid_file")" 2>/dev/null; }
case "${1:-}" in
  start)
    if running; then echo "Carbon is already running (pid $(cat "$pid_file"))"; exit 0; fi
    rm -f "$pid_file"
    mkdir -p "$home/repository/logs"
    # Its own session, and no terminal or pipe of ours: it outlives this script and the step.
    setsid "$home/bin/fake-carbon-server" --home "$home" </dev/null >>"$home/repository/logs/wso2carbon.log" 2>&1 &
    child=$!
    for _ in $(seq 200); do
      if [ -f "$pid_file" ]; then echo "Carbon started (pid $(cat "$pid_file"))"; exit 0; fi
      kill -0 "$child" 2>/dev/null || { echo "Carbon did not start; see $home/repository/logs/wso2carbon.log" >&2; exit 1; }
      sleep 0.05
    done
    echo "Carbon did not start within 10 s" >&2; exit 1 ;;
  stop)
    if ! running; then echo "Carbon is not running"; rm -f "$pid_file"; exit 0; fi
    pid="$(cat "$pid_file")"
    kill -TERM "$pid"
    for _ in $(seq 200); do kill -0 "$pid" 2>/dev/null || { rm -f "$pid_file"; echo "Carbon stopped"; exit 0; }; sleep 0.05; done
    echo "Carbon (pid $pid) did not stop within 10 s" >&2; exit 1 ;;
  status) running ;;
  *) echo "usage: wso2server.sh start|stop|status" >&2; exit 2 ;;
esac
LAUNCHER
  chmod 755 "$1/bin/wso2server.sh" "$1/bin/fake-carbon-server"
}

write_carbon_xml() {  # $1: home, $2: version
  mkdir -p "$1/repository/conf"
  cat > "$1/repository/conf/carbon.xml" <<CARBON
<?xml version="1.0" encoding="ISO-8859-1"?>
<!--
 ~ Copyright 2005-2011 WSO2, Inc. (http://wso2.com)
 ~ This is the main server configuration file
-->
<Server xmlns="http://wso2.org/projects/carbon/carbon.xml">

    <!-- Product Name -->
    <Name>WSO2 Carbon</Name>
    <ServerKey>Carbon</ServerKey>
    <!-- Product Version -->
    <Version>$2</Version>
    <!--
       Host name or IP address of the machine hosting this server
    -->
    <!--HostName>www.wso2.org</HostName-->
    <ServerURL>local:/\${carbon.context}/services/</ServerURL>

    <!-- Ports used by this server -->
    <Ports>
        <!-- Ports offset. This entry will set the value of the ports defined below to
         the define value + Offset.
         e.g. Offset=2 and HTTPS port=9443 will set the effective HTTPS port to 9445
         -->
        <Offset>$offset</Offset>

        <!-- The JMX Ports -->
        <JMX>
            <!--The port RMI registry is exposed-->
            <RMIRegistryPort>9999</RMIRegistryPort>
            <!--The port RMI server should be exposed-->
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
        <KeyStore>
            <Location>\${carbon.home}/repository/resources/security/wso2carbon.jks</Location>
            <Type>JKS</Type>
            <Password>wso2carbon</Password>
            <KeyAlias>wso2carbon</KeyAlias>
            <KeyPassword>wso2carbon</KeyPassword>
        </KeyStore>
    </Security>
</Server>
CARBON
}

write_datasources() {  # $1: home, $2: JDBC URL, $3: user
  mkdir -p "$1/repository/conf/datasources"
  cat > "$1/repository/conf/datasources/master-datasources.xml" <<DATASOURCES
<datasources-configuration xmlns:svns="http://org.wso2.securevault/configuration">

    <providers>
        <provider>org.wso2.carbon.ndatasource.rdbms.RDBMSDataSourceReader</provider>
    </providers>

    <datasources>

        <datasource>
            <name>WSO2_CARBON_DB</name>
            <description>The datasource used for registry and user manager</description>
            <jndiConfig>
                <name>jdbc/WSO2CarbonDB</name>
            </jndiConfig>
            <definition type="RDBMS">
                <configuration>
                    <url>$(xml_escaped "$2")</url>
                    <username>$(xml_escaped "$3")</username>
                    <password>wso2carbon</password>
                    <driverClassName>$(driver_of "$2")</driverClassName>
                    <maxActive>50</maxActive>
                    <maxWait>60000</maxWait>
                    <testOnBorrow>true</testOnBorrow>
                    <validationQuery>SELECT 1</validationQuery>
                    <validationInterval>30000</validationInterval>
                    <defaultAutoCommit>false</defaultAutoCommit>
                </configuration>
            </definition>
        </datasource>
    </datasources>
</datasources-configuration>
DATASOURCES
}

write_userstore() {  # $1: file, $2: domain
  mkdir -p "$(dirname "$1")"
  cat > "$1" <<USERSTORE
<?xml version="1.0" encoding="UTF-8"?>
<UserStoreManager class="org.wso2.carbon.user.core.jdbc.JDBCUserStoreManager">
    <Property name="DomainName">$2</Property>
    <Property name="Description">secondary user store $2</Property>
    <Property name="ReadOnly">false</Property>
    <Property name="dataSource">jdbc/WSO2CarbonDB</Property>
    <Property name="PasswordDigest">SHA-256</Property>
    <Property name="UserNameUniqueAcrossTenants">false</Property>
</UserStoreManager>
USERSTORE
}

# Some bytes that look like an archive; the same on every run.
write_blob() {  # $1: file, $2: lines
  mkdir -p "$(dirname "$1")"
  seq 1 "$2" | sed 's/^/PK-entry-/' > "$1"
}

write_common() {  # $1: home, $2: version, $3: JDBC URL, $4: user
  write_launcher "$1"
  write_carbon_xml "$1" "$2"
  write_datasources "$1" "$3" "$4"
  mkdir -p "$1/repository/logs" "$1/repository/data" "$1/repository/database" "$1/lib" "$1/dbscripts"
  printf 'log4j.rootLogger=INFO, CARBON_CONSOLE, CARBON_LOGFILE\nlog4j.appender.CARBON_LOGFILE.File=${carbon.home}/repository/logs/${instance.log}/wso2carbon${instance.log}.log\n' \
    > "$1/repository/conf/log4j.properties"
  printf 'WSO2 Carbon %s\n' "$2" > "$1/README.txt"
  printf 'CREATE TABLE UM_TENANT (UM_ID INTEGER, UM_DOMAIN_NAME VARCHAR(255));\n' > "$1/dbscripts/h2.sql"
}

make_old_home() {  # $1: home
  write_common "$1" 4.4.6 "$jdbc_url" "$db_user"
  local server="$1/repository/deployment/server"
  write_blob "$server/webapps/sample.war" 2000
  write_blob "$server/webapps/STRATOS_ROOT.war" 500
  ln -s sample.war "$server/webapps/current.war"
  write_blob "$server/axis2services/HelloService.aar" 300
  mkdir -p "$server/axis2modules" "$server/servicemetafiles"
  printf '<serviceGroup name="HelloService"/>\n' > "$server/servicemetafiles/HelloService.xml"
  mkdir -p "$server/jaggeryapps/portal"
  printf 'print("portal");\n' > "$server/jaggeryapps/portal/index.jag"
  mkdir -p "$server/synapse-configs/default"
  printf '<definitions xmlns="http://ws.apache.org/ns/synapse"/>\n' > "$server/synapse-configs/default/synapse.xml"
  write_userstore "$server/userstores/SECONDARY.xml" SECONDARY
  write_userstore "$server/userstores/PARTNERS.xml" PARTNERS
  chmod 600 "$server/userstores/PARTNERS.xml"
  for tenant in $(seq 1 "$tenants"); do
    local home_of_tenant="$1/repository/tenants/$tenant"
    write_userstore "$home_of_tenant/userstores/TENANT${tenant}_STORE.xml" "TENANT${tenant}_STORE"
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
  write_common "$home" 4.4.7 "jdbc:h2:./repository/database/WSO2CARBON_DB;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=60000" wso2carbon
  mkdir -p "$home/repository/deployment/server/webapps" "$home/repository/deployment/server/axis2services" \
    "$home/repository/deployment/server/userstores" "$home/repository/tenants"
  write_blob "$home/repository/deployment/server/webapps/STRATOS_ROOT.war" 520
  tar --sort=name -czf "$out/wso2carbon-4.4.7.tar.gz" -C "$1" wso2carbon-4.4.7
}

mkdir -p "$out"
out="$(cd "$out" && pwd)"
[ -e "$out/wso2carbon-4.4.6" ] && { echo "make-carbon-home.sh: $out/wso2carbon-4.4.6 exists already" >&2; exit 2; }
make_old_home "$out/wso2carbon-4.4.6"
staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT
make_new_archive "$staging"
echo "$out/wso2carbon-4.4.6"
echo "$out/wso2carbon-4.4.7.tar.gz"
