#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs the AT-SPI walk (atspi_walk.py) the way a screen reader meets Chorus: a private D-Bus
# session, its own accessibility bus (at-spi-bus-launcher), accessibility switched on, and a
# private X server (Xvfb), so the walk never sees the desktop's real bus or windows.
#   with-atspi.sh WALK-ARGS...
# Exits 77 (ctest: skipped) with the reason when a part is not installed (scripts/install-deps.sh).
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
launcher=""
for candidate in /usr/libexec/at-spi-bus-launcher /usr/lib/at-spi2-core/at-spi-bus-launcher; do
    [ -x "$candidate" ] && launcher=$candidate && break
done
python=""
for candidate in python3 /usr/bin/python3; do
    if command -v "$candidate" >/dev/null && "$candidate" -c 'import gi; gi.require_version("Atspi", "2.0")' 2>/dev/null; then
        python=$candidate
        break
    fi
done
skip() {
    echo "SKIP: $1 (scripts/install-deps.sh installs it)"
    exit 77
}
[ -n "$launcher" ] || skip "at-spi-bus-launcher (at-spi2-core) is not installed"
[ -n "$python" ] || skip "Python's AT-SPI bindings (gir1.2-atspi-2.0, python3-gi) are not installed"
command -v dbus-run-session >/dev/null || skip "dbus-run-session (dbus-daemon) is not installed"
command -v Xvfb >/dev/null || skip "Xvfb (xvfb) is not installed"

scratch=$(mktemp -d "${TMPDIR:-/tmp}/chorus-atspi.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
export XDG_RUNTIME_DIR="$scratch/run" HOME="$scratch/home"
mkdir -p "$XDG_RUNTIME_DIR" "$HOME"
chmod 700 "$XDG_RUNTIME_DIR"
# A Qt 6.4 app given AT_SPI_BUS_ADDRESS announces itself before its bridge listens and is never
# seen: the app finds the accessibility bus through the session bus instead.
unset AT_SPI_BUS_ADDRESS WAYLAND_DISPLAY

dbus-run-session -- bash -c '
    launcher=$1 python=$2 here=$3 scratch=$4
    shift 4
    Xvfb -displayfd 3 -screen 0 1280x1024x24 -nolisten tcp 3>"$scratch/display" >/dev/null 2>&1 &
    xvfb=$!
    "$launcher" --launch-immediately >/dev/null 2>&1 &
    bus=$!
    trap "kill \$bus \$xvfb 2>/dev/null; wait \$bus \$xvfb 2>/dev/null" EXIT
    for _ in $(seq 100); do
        [ -s "$scratch/display" ] && dbus-send --session --print-reply --dest=org.freedesktop.DBus \
            /org/freedesktop/DBus org.freedesktop.DBus.NameHasOwner string:org.a11y.Bus 2>/dev/null \
            | grep -q "boolean true" && break
        sleep 0.1
    done
    [ -s "$scratch/display" ] || { echo "SKIP: Xvfb did not start"; exit 77; }
    export DISPLAY=":$(head -1 "$scratch/display")"
    dbus-send --session --print-reply --dest=org.a11y.Bus /org/a11y/bus \
        org.freedesktop.DBus.Properties.Set string:org.a11y.Status string:IsEnabled variant:boolean:true \
        >/dev/null || { echo "SKIP: the accessibility bus did not start"; exit 77; }
    "$python" "$here/atspi_walk.py" "$@"' atspi "$launcher" "$python" "$here" "$scratch" "$@"
