# SPDX-License-Identifier: GPL-3.0-or-later
# Finds every dependency; a missing one stops configuration with the Debian package
# that provides it. scripts/install-deps.sh installs them all.

find_package(PkgConfig QUIET)
if(NOT PkgConfig_FOUND)
    message(FATAL_ERROR "pkg-config not found: install the Debian package 'pkg-config' (or run scripts/install-deps.sh)")
endif()

set(_chorus_qt_components Core Network Gui Positioning Test)
if(CHORUS_BUILD_GUI)
    list(APPEND _chorus_qt_components Quick QuickControls2 QuickTest LinguistTools)
endif()
find_package(Qt6 6.4 QUIET COMPONENTS ${_chorus_qt_components})
foreach(_c IN LISTS _chorus_qt_components)
    if(NOT Qt6${_c}_FOUND)
        message(FATAL_ERROR "Qt6 ${_c} not found: install qt6-base-dev, qt6-declarative-dev, "
            "qt6-positioning-dev, qt6-tools-dev and qt6-l10n-tools (or run scripts/install-deps.sh)")
    endif()
endforeach()

# chorus_require_pkg(<prefix> <pkg-config module> <Debian package>)
function(chorus_require_pkg prefix module debian_package)
    pkg_check_modules(${prefix} QUIET IMPORTED_TARGET GLOBAL ${module})
    if(NOT ${prefix}_FOUND)
        message(FATAL_ERROR "${module} not found: install the Debian package '${debian_package}' "
            "(or run scripts/install-deps.sh)")
    endif()
endfunction()

chorus_require_pkg(SQLITE3 sqlite3 libsqlite3-dev)
chorus_require_pkg(CURL libcurl libcurl4-openssl-dev)
chorus_require_pkg(SODIUM libsodium libsodium-dev)
chorus_require_pkg(LIBCRYPTO libcrypto libssl-dev)
chorus_require_pkg(QRENCODE libqrencode libqrencode-dev)
chorus_require_pkg(XLSXWRITER xlsxwriter libxlsxwriter-dev)
chorus_require_pkg(LIBPQ libpq libpq-dev)

find_path(HTTPLIB_INCLUDE_DIR httplib.h)
if(NOT HTTPLIB_INCLUDE_DIR)
    message(FATAL_ERROR "httplib.h not found: install the Debian package 'libcpp-httplib-dev' "
        "(or run scripts/install-deps.sh)")
endif()
add_library(chorus_httplib INTERFACE)
target_include_directories(chorus_httplib SYSTEM INTERFACE ${HTTPLIB_INCLUDE_DIR})
target_compile_definitions(chorus_httplib INTERFACE CPPHTTPLIB_OPENSSL_SUPPORT)
target_link_libraries(chorus_httplib INTERFACE PkgConfig::LIBCRYPTO)
pkg_check_modules(LIBSSL QUIET IMPORTED_TARGET GLOBAL libssl)
if(LIBSSL_FOUND)
    target_link_libraries(chorus_httplib INTERFACE PkgConfig::LIBSSL)
endif()
find_package(Threads REQUIRED)
target_link_libraries(chorus_httplib INTERFACE Threads::Threads)

find_package(Python3 QUIET COMPONENTS Interpreter)
