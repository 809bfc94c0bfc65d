#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Quick-start command 1: install what is missing, build, start a local chorus-receiver with
# throwaway keys and the demo survey, and open the chorus app against it.
#
# Everything it makes lives in .quickstart/ (throwaway: delete it to start again). With no
# display (a server or container), the app is served over VNC on 127.0.0.1:5900 instead.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

bash scripts/install-deps.sh

echo "== building =="
cmake -S . -B build -G Ninja >/dev/null
cmake --build build -j"$(nproc)"

bin=$root/build/app
state=$root/.quickstart
port=${CHORUS_QUICKSTART_PORT:-8765}
endpoint="http://127.0.0.1:$port"
mkdir -p "$state"
chmod 700 "$state"

if [ ! -f "$state/keys/council-rsa.pub" ]; then
    echo "== throwaway council keys in $state/keys =="
    head -c 24 /dev/urandom | base64 > "$state/passphrase"
    chmod 600 "$state/passphrase"
    "$bin/chorusctl/chorusctl" keys init --dir "$state/keys" --passphrase-file "$state/passphrase"
fi

echo "== demo survey sealed to those keys =="
"$bin/chorusctl/chorusctl" survey new --from examples/demo.chorus.json \
    --public-key-file "$state/keys/council-rsa.pub" --endpoint "$endpoint" --out "$state/demo.chorus.json"

echo "== local receiver on $endpoint =="
mkdir -p "$state/receiver"
"$bin/chorus-receiver/chorus-receiver" --data "$state/receiver" --listen "127.0.0.1:$port" \
    --admin-token-file "$state/admin-token" > "$state/receiver.log" 2>&1 &
receiver=$!
trap 'kill $receiver 2>/dev/null; wait $receiver 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do
    curl -fsS "$endpoint/healthz" >/dev/null 2>&1 && break
    sleep 0.1
done
curl -fsS "$endpoint/healthz" >/dev/null || { echo "quickstart: the receiver did not start; see $state/receiver.log" >&2; exit 1; }
if [ ! -f "$state/device-token" ]; then
    "$bin/chorus-receiver/chorus-receiver" token issue --data "$state/receiver" --device quickstart > "$state/device-token"
    chmod 600 "$state/device-token"
fi

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
    export QT_QPA_PLATFORM=vnc:addr=127.0.0.1:port=5900:size=1280x900
    echo "== no display: the app is on VNC at 127.0.0.1:5900 (e.g. vncviewer 127.0.0.1:5900) =="
fi

cat <<TXT
== opening Chorus ==
Device database: $state/device.db     Receiver data: $state/receiver
When you have collected some responses and synced, the admin side is:
  build/app/chorusctl/chorusctl pull --endpoint $endpoint --admin-token "\$(cat $state/admin-token)" --out $state/admin
  build/app/chorusctl/chorusctl export --in $state/admin --keys $state/keys --passphrase-file $state/passphrase --format csv --out $state/export
TXT
"$bin/chorus/chorus" --survey "$state/demo.chorus.json" --db "$state/device.db" \
    --endpoint "$endpoint" --token-file "$state/device-token" --allow-http-loopback
