#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Quick-start command 1: install what is missing, build, start a local chorus-receiver with
# throwaway keys and the demo survey, and open the chorus app against it.
#
# Everything it makes lives in .quickstart/ (throwaway: delete it to start again), laid out as
# the admin app's workspace (keys/, surveys/, pulled/, exports/). The receiver keeps running
# after the app closes, so the pull and export steps printed at the end work; the script prints
# how to stop it. With no display (a server or container), the app is served over VNC on
# 127.0.0.1:5900 instead.
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
mkdir -p "$state/surveys"
chmod 700 "$state"

if [ ! -f "$state/keys/council-rsa.pub" ]; then
    echo "== throwaway council keys in $state/keys =="
    head -c 24 /dev/urandom | base64 > "$state/passphrase"
    chmod 600 "$state/passphrase"
    "$bin/chorusctl/chorusctl" keys init --dir "$state/keys" --passphrase-file "$state/passphrase"
fi

echo "== demo survey: sealed to those keys and signed =="
"$bin/chorusctl/chorusctl" survey new --from examples/demo.chorus.json \
    --public-key-file "$state/keys/council-rsa.pub" --endpoint "$endpoint" --out "$state/surveys/demo.chorus.json"
"$bin/chorusctl/chorusctl" survey sign "$state/surveys/demo.chorus.json" --keys "$state/keys" --passphrase-file "$state/passphrase"

# The receiver outlives this script (its own session, pid in receiver.pid): pull and export
# after the app closes need it. A receiver still running from an earlier run is reused.
if curl -fsS "$endpoint/healthz" >/dev/null 2>&1; then
    echo "== local receiver already running on $endpoint =="
else
    echo "== local receiver on $endpoint =="
    mkdir -p "$state/receiver"
    setsid "$bin/chorus-receiver/chorus-receiver" --data "$state/receiver" --listen "127.0.0.1:$port" \
        --admin-token-file "$state/admin-token" --signing-key "$state/keys/signing-ed25519.pub" \
        > "$state/receiver.log" 2>&1 < /dev/null &
    echo $! > "$state/receiver.pid"
fi
for _ in $(seq 1 50); do
    curl -fsS "$endpoint/healthz" >/dev/null 2>&1 && break
    sleep 0.1
done
curl -fsS "$endpoint/healthz" >/dev/null || { echo "quickstart: the receiver did not start; see $state/receiver.log" >&2; exit 1; }

admin=(--endpoint "$endpoint" --admin-token-file "$state/admin-token" --allow-http-loopback)
echo "== publishing the survey to the receiver =="
"$bin/chorusctl/chorusctl" survey publish "$state/surveys/demo.chorus.json" "${admin[@]}" --keys "$state/keys"

# A device database that is already enrolled keeps its token; a new one gets a fresh bundle.
if [ ! -f "$state/device.db" ] || [ ! -f "$state/enrollment.json" ]; then
    echo "== enrollment bundle for the demo tablet =="
    rm -f "$state/device.db" "$state/device.db-wal" "$state/device.db-shm"
    "$bin/chorusctl/chorusctl" enroll --device quickstart-tablet --council "Quick start demo council" \
        "${admin[@]}" --keys "$state/keys" --passphrase-file "$state/passphrase" --replace \
        --out "$state/enrollment.json" --qr "$state/enrollment.png"
fi

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
    export QT_QPA_PLATFORM=vnc:addr=127.0.0.1:port=5900:size=1280x900
    cat <<TXT
== no display: the app is served over VNC on 127.0.0.1:5900 ==
Open it with a VNC viewer on the machine you sit at, for example TigerVNC
(Debian/Ubuntu: sudo apt-get install tigervnc-viewer). On this machine: vncviewer 127.0.0.1:5900
From another machine: ssh -L 5900:127.0.0.1:5900 $(id -un)@$(hostname), then vncviewer 127.0.0.1:5900
TXT
fi

fingerprint=$("$bin/chorusctl/chorusctl" keys show --dir "$state/keys" | sed -n 's/^ *fingerprint: *//p')
next_steps() {
    cat <<TXT
== after collecting: fetch and read the responses ==
The receiver keeps running on $endpoint (log: $state/receiver.log).
The council keys' passphrase is in $state/passphrase.
On the command line:
  build/app/chorusctl/chorusctl pull --endpoint $endpoint --admin-token-file $state/admin-token --allow-http-loopback --out $state/pulled
  build/app/chorusctl/chorusctl export --in $state/pulled --keys $state/keys --passphrase-file $state/passphrase --format xlsx --out $state/exports/demo
Or in the admin app: build/app/chorus-admin/chorus-admin --workspace $state
  On Download, fill in the receiver: address $endpoint, admin token file $state/admin-token.
  Where a page asks for the keys' passphrase, paste the line in $state/passphrase.
To stop the receiver: kill \$(cat $state/receiver.pid)
TXT
}
cat <<TXT
== opening Chorus ==
First start: choose an operator passphrase, then enrol with $state/enrollment.json (already
filled in; the QR picture $state/enrollment.png works too). Check that the council key
fingerprint on screen is $fingerprint, choose outreach or kiosk, collect, then Sync now.
Device database: $state/device.db     Receiver data: $state/receiver
TXT
next_steps
status=0
"$bin/chorus/chorus" --db "$state/device.db" --enrollment "$state/enrollment.json" || status=$?
echo
next_steps
exit "$status"
