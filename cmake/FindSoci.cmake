# Debian's libsoci-dev ships no CMake package: find the libraries by hand.
# SOCI's headers include Boost headers, hence libboost-dev; its PostgreSQL and MySQL backend
# headers include libpq-fe.h (libpq-dev) and mysql.h (libmariadb-dev).
find_path(SOCI_INCLUDE_DIR soci/soci.h REQUIRED)
find_path(Boost_OPTIONAL_INCLUDE_DIR boost/optional.hpp REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(PostgreSQL REQUIRED)
find_path(MARIADB_INCLUDE_DIR mysql.h PATH_SUFFIXES mariadb REQUIRED)
find_library(MARIADB_LIBRARY NAMES mariadb REQUIRED)
foreach(part core sqlite3 postgresql mysql)
  find_library(SOCI_${part}_LIBRARY NAMES soci_${part} REQUIRED)
endforeach()

add_library(Soci::core UNKNOWN IMPORTED)
set_target_properties(Soci::core PROPERTIES
  IMPORTED_LOCATION ${SOCI_core_LIBRARY}
  INTERFACE_INCLUDE_DIRECTORIES "${SOCI_INCLUDE_DIR}")
foreach(backend sqlite3 postgresql mysql)
  add_library(Soci::${backend} UNKNOWN IMPORTED)
  set_target_properties(Soci::${backend} PROPERTIES
    IMPORTED_LOCATION ${SOCI_${backend}_LIBRARY}
    INTERFACE_LINK_LIBRARIES Soci::core)
endforeach()
set_property(TARGET Soci::sqlite3 APPEND PROPERTY INTERFACE_LINK_LIBRARIES SQLite::SQLite3)
set_property(TARGET Soci::postgresql APPEND PROPERTY INTERFACE_LINK_LIBRARIES PostgreSQL::PostgreSQL)
set_property(TARGET Soci::mysql APPEND PROPERTY INTERFACE_LINK_LIBRARIES ${MARIADB_LIBRARY})
set_property(TARGET Soci::mysql APPEND PROPERTY INTERFACE_INCLUDE_DIRECTORIES ${MARIADB_INCLUDE_DIR})
