#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a test binary inside its own D-Bus session with a throwaway GNOME Keyring, unlocked with a
# throwaway password, and a temporary HOME, so keystore tests never see the user's real keyring.
#   with-keyring.sh TEST [ARGS...]
# Without gnome-keyring-daemon or dbus-run-session the test runs anyway with CHORUS_NO_KEYRING
# set to the reason, and skips its keyring cases (CI installs both: scripts/install-deps.sh).
set -uo pipefail

if ! command -v gnome-keyring-daemon >/dev/null || ! command -v dbus-run-session >/dev/null; then
    export CHORUS_NO_KEYRING="gnome-keyring-daemon or dbus-run-session is not installed (scripts/install-deps.sh)"
    exec "$@"
fi

scratch=$(mktemp -d "${TMPDIR:-/tmp}/chorus-keyring.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
export HOME="$scratch/home" XDG_DATA_HOME="$scratch/data" XDG_CONFIG_HOME="$scratch/config" \
    XDG_CACHE_HOME="$scratch/cache" XDG_RUNTIME_DIR="$scratch/run"
mkdir -p "$HOME" "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
unset DISPLAY WAYLAND_DISPLAY GNOME_KEYRING_CONTROL

# The daemon runs in the foreground so this script knows its pid and stops it: a daemonized
# gnome-keyring-daemon can outlive the session bus. The test starts once the daemon owns the
# Secret Service name on the bus (polled, at most ten seconds).
dbus-run-session -- bash -c '
    printf %s "chorus-throwaway-keyring" \
        | gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null 2>&1 &
    daemon=$!
    trap "kill \$daemon 2>/dev/null; wait \$daemon 2>/dev/null" EXIT
    for _ in $(seq 100); do
        dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
            org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null \
            | grep -q "boolean true" && break
        sleep 0.1
    done
    "$@"' keyring "$@"
