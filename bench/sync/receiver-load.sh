#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# receiver-load.sh BUILD_DIR [devices=200] [records-per-device=5]
#
# Runs bench_receiver_load against the shipped chorus-receiver with its default options, on
# SQLite and (when a throwaway PostgreSQL can be started: as root, with postgresql installed)
# on PostgreSQL, each straight and behind nginx configured as docs/deploy.md says (TLS with a
# throwaway certificate, keepalive upstream, request buffering). nginx is Debian's: installed
# here with apt-get when missing (needs root), else that run is skipped with a note.
set -eu
BUILD=$(cd "${1:?usage: receiver-load.sh BUILD_DIR [devices] [records]}" && pwd)
DEVICES=${2:-200}
RECORDS=${3:-5}
HERE=$(cd "$(dirname "$0")" && pwd)
RECEIVER=$BUILD/app/chorus-receiver/chorus-receiver
BENCH=$BUILD/bench/sync/bench_receiver_load
[ -x "$RECEIVER" ] && [ -x "$BENCH" ] || { echo "receiver-load.sh: build chorus-receiver and bench_receiver_load first" >&2; exit 2; }

# As the systemd unit in docs/deploy.md (LimitNOFILE=8192): the receiver sizes its connection
# cap from this limit.
ulimit -n 8192 2>/dev/null || echo "receiver-load.sh: could not raise the open-file limit; the receiver sizes itself to $(ulimit -n)"

WORK=$(mktemp -d /tmp/chorus-load.XXXXXX)
RECEIVER_PID=
NGINX_CONF=
cleanup() {
    [ -n "$RECEIVER_PID" ] && kill "$RECEIVER_PID" 2>/dev/null && wait "$RECEIVER_PID" 2>/dev/null || true
    [ -n "$NGINX_CONF" ] && nginx -p "$WORK/nginx" -c "$NGINX_CONF" -s stop 2>/dev/null || true
    if command -v stop_test_postgres >/dev/null 2>&1; then stop_test_postgres; fi
    rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

if ! command -v nginx >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "receiver-load.sh: installing Debian's nginx (apt-get install nginx-light)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nginx-light >"$WORK/apt.log" 2>&1 \
        || echo "receiver-load.sh: apt-get could not install nginx (see the log); runs behind nginx are skipped"
fi

PORT=18080
TLS_PORT=18443

start_receiver() { # $1 data dir, $2 optional database URL
    "$RECEIVER" --data "$1" --listen 127.0.0.1:$PORT --log-format json ${2:+--database "$2"} \
        2>"$WORK/receiver.log" >/dev/null &
    RECEIVER_PID=$!
    for _ in $(seq 100); do
        curl -fsS http://127.0.0.1:$PORT/healthz >/dev/null 2>&1 && return 0
        sleep 0.1
    done
    echo "receiver-load.sh: the receiver did not start:" >&2; cat "$WORK/receiver.log" >&2; exit 1
}

stop_receiver() {
    kill "$RECEIVER_PID"; wait "$RECEIVER_PID" 2>/dev/null || true; RECEIVER_PID=
}

issue_tokens() { # $1 data dir, $2 optional database URL
    : >"$WORK/tokens"
    for i in $(seq "$DEVICES"); do
        "$RECEIVER" token issue --data "$1" --device "load-$i" ${2:+--database "$2"} >>"$WORK/tokens" 2>>"$WORK/token.log"
    done
}

start_nginx() {
    command -v nginx >/dev/null 2>&1 || return 1
    mkdir -p "$WORK/nginx/logs" "$WORK/nginx/tmp"
    openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=127.0.0.1" -addext "subjectAltName=IP:127.0.0.1" \
        -keyout "$WORK/nginx/key.pem" -out "$WORK/nginx/cert.pem" 2>/dev/null
    NGINX_CONF=$WORK/nginx/nginx.conf
    # The server block is docs/deploy.md's, on a loopback port and with this certificate.
    cat >"$NGINX_CONF" <<CONF
$( [ "$(id -u)" = 0 ] && echo "user root;" )
worker_processes auto;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/logs/error.log;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path $WORK/nginx/tmp/body;
    proxy_temp_path $WORK/nginx/tmp/proxy;
    fastcgi_temp_path $WORK/nginx/tmp/fastcgi;
    uwsgi_temp_path $WORK/nginx/tmp/uwsgi;
    scgi_temp_path $WORK/nginx/tmp/scgi;
    upstream chorus_receiver {
        server 127.0.0.1:$PORT;
        keepalive 32;
    }
    server {
        listen 127.0.0.1:$TLS_PORT ssl http2;
        ssl_certificate     $WORK/nginx/cert.pem;
        ssl_certificate_key $WORK/nginx/key.pem;
        ssl_protocols TLSv1.2 TLSv1.3;
        client_max_body_size 100m;
        proxy_request_buffering on;
        location / {
            proxy_pass http://chorus_receiver;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_read_timeout 120s;
        }
    }
}
CONF
    nginx -p "$WORK/nginx" -c "$NGINX_CONF"
}

run_backend() { # $1 label, $2 optional database URL
    rm -rf "$WORK/data"
    start_receiver "$WORK/data" "${2:-}"
    issue_tokens "$WORK/data" "${2:-}"
    "$BENCH" "http://127.0.0.1:$PORT/submission" "$WORK/tokens" "http://127.0.0.1:$PORT" "$WORK/data/admin-token" \
        "$RECORDS" "" "$1, straight" || STATUS=1
    if start_nginx; then
        "$BENCH" "https://127.0.0.1:$TLS_PORT/submission" "$WORK/tokens" "http://127.0.0.1:$PORT" \
            "$WORK/data/admin-token" "$RECORDS" "$WORK/nginx/cert.pem" "$1, behind nginx (docs/deploy.md)" || STATUS=1
        nginx -p "$WORK/nginx" -c "$NGINX_CONF" -s stop; NGINX_CONF=
        sleep 0.5
    else
        echo "$1, behind nginx: skipped (nginx is not installed; run this script as root to install it)"
    fi
    stop_receiver
}

STATUS=0
run_backend "SQLite"
. "$HERE/../../scripts/test-postgres.sh"
if start_test_postgres >/dev/null 2>&1; then
    run_backend "PostgreSQL" "$CHORUS_TEST_POSTGRES"
else
    echo "PostgreSQL: skipped (needs root and postgresql installed, as scripts/test-postgres.sh does)"
fi
exit $STATUS
