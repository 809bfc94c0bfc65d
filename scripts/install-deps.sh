#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what Chorus needs to build, run and test on Debian bookworm.
# Idempotent and non-interactive; run as root. Prints what it installs.
set -euo pipefail

if [ "$(id -u)" -ne 0 ]; then
    echo "install-deps: run as root (it uses apt-get)" >&2
    exit 1
fi
if ! grep -qs 'bookworm' /etc/os-release; then
    echo "install-deps: warning: written for Debian bookworm; continuing" >&2
fi

packages=(
    # toolchain
    build-essential cmake ninja-build pkg-config git ca-certificates curl
    clang libclang-rt-14-dev
    # Qt 6.4
    qt6-base-dev qt6-base-dev-tools qt6-declarative-dev qt6-declarative-dev-tools
    qt6-positioning-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-qpa-plugins
    qml6-module-qtquick qml6-module-qtqml qml6-module-qtqml-models qml6-module-qtqml-workerscript
    qml6-module-qtquick-templates qml6-module-qtquick-controls qml6-module-qtquick-layouts
    qml6-module-qtquick-window qml6-module-qtquick-dialogs qml6-module-qttest
    qml6-module-qtpositioning qml6-module-qtcore qml6-module-qt-labs-settings
    # libraries
    libsqlite3-dev sqlite3 libcurl4-openssl-dev libsodium-dev libssl-dev openssl
    libqrencode-dev libxlsxwriter-dev libcpp-httplib-dev libpq-dev libzbar-dev libsecret-1-dev
    # tests: independent decryptor, screenshots, fonts, PostgreSQL server
    python3 python3-cryptography xvfb xauth fonts-noto-core fonts-noto-ui-core
    postgresql postgresql-client
    # tests: a real Secret Service (GNOME Keyring) on a private session bus
    gnome-keyring dbus-daemon
    # tests: the AT-SPI walk (what Orca reads) on a private accessibility bus
    at-spi2-core gir1.2-atspi-2.0 python3-gi
)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$p")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "install-deps: everything Chorus needs is already installed"
    exit 0
fi

echo "install-deps: installing ${#missing[@]} package(s): ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# Refresh package lists only when they are missing or older than a day.
if [ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -mmin -1440 2>/dev/null | head -1)" ]; then
    apt-get update -q
fi
apt-get install -y -q --no-install-recommends "${missing[@]}"
echo "install-deps: done"
