# SPDX-License-Identifier: GPL-3.0-or-later
# Sourced by scripts/test.sh: starts a throwaway PostgreSQL cluster on 127.0.0.1 for the
# receiver's PostgreSQL tests and exports CHORUS_TEST_POSTGRES with its connection URL.

start_test_postgres() {
    local bindir
    bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
    [ -n "$bindir" ] && [ -x "$bindir/initdb" ] || return 1
    CHORUS_PG_DIR=$(mktemp -d /tmp/chorus-pg.XXXXXX)
    chown postgres: "$CHORUS_PG_DIR" 2>/dev/null || return 1
    local port=55432
    su postgres -s /bin/sh -c "'$bindir/initdb' -D '$CHORUS_PG_DIR/data' -A trust -U postgres >'$CHORUS_PG_DIR/initdb.log' 2>&1" || return 1
    su postgres -s /bin/sh -c "'$bindir/pg_ctl' -D '$CHORUS_PG_DIR/data' -l '$CHORUS_PG_DIR/server.log' -w \
        -o \"-h 127.0.0.1 -p $port -k '$CHORUS_PG_DIR'\" start >/dev/null" || return 1
    su postgres -s /bin/sh -c "psql -h 127.0.0.1 -p $port -U postgres -qc 'CREATE DATABASE chorus_test'" >/dev/null || return 1
    export CHORUS_TEST_POSTGRES="postgresql://postgres@127.0.0.1:$port/chorus_test"
    CHORUS_PG_BINDIR=$bindir
    echo "test.sh: PostgreSQL test server at $CHORUS_TEST_POSTGRES"
}

stop_test_postgres() {
    if [ -n "${CHORUS_PG_DIR:-}" ] && [ -d "$CHORUS_PG_DIR/data" ]; then
        su postgres -s /bin/sh -c "'$CHORUS_PG_BINDIR/pg_ctl' -D '$CHORUS_PG_DIR/data' -m fast stop" >/dev/null 2>&1 || true
        rm -rf "$CHORUS_PG_DIR"
    fi
}
