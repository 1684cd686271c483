#!/usr/bin/env bash
# Start (or stop) a throwaway PostgreSQL cluster for tests, as root without systemd.
# Usage: scripts/postgres-throwaway.sh start|stop
# Prints the test URL on start. Installs Debian's postgresql when missing.
set -euo pipefail

PGPORT=${KANSLI_PG_PORT:-55432}
STATE=${KANSLI_PG_STATE:-/tmp/kansli-desk-pg}

find_bin() {
    local dir
    for dir in /usr/lib/postgresql/*/bin; do
        [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
    done
    return 1
}

case "${1:-start}" in
start)
    if ! PGBIN=$(find_bin); then
        if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
            echo "Installing PostgreSQL (Debian package)..." >&2
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null \
                || { apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; }
            PGBIN=$(find_bin)
        else
            echo "PostgreSQL is not installed and cannot be installed here (needs root and apt)." >&2
            exit 1
        fi
    fi
    if [ -f "$STATE/data/postmaster.pid" ] && su postgres -s /bin/sh -c "$PGBIN/pg_ctl -D $STATE/data status" >/dev/null 2>&1; then
        echo "postgresql+psycopg://postgres@127.0.0.1:$PGPORT/postgres"
        exit 0
    fi
    rm -rf "$STATE"
    mkdir -p "$STATE/data"
    chown -R postgres:postgres "$STATE"
    su postgres -s /bin/sh -c "$PGBIN/initdb -D $STATE/data -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null"
    su postgres -s /bin/sh -c "$PGBIN/pg_ctl -D $STATE/data -l $STATE/log -w -o \"-p $PGPORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off\" start >/dev/null"
    echo "postgresql+psycopg://postgres@127.0.0.1:$PGPORT/postgres"
    ;;
stop)
    PGBIN=$(find_bin) || exit 0
    [ -d "$STATE/data" ] && su postgres -s /bin/sh -c "$PGBIN/pg_ctl -D $STATE/data -m fast stop" >/dev/null 2>&1 || true
    rm -rf "$STATE"
    ;;
*)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
