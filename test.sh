#!/usr/bin/env bash
# Runs the whole SharingHub test suite.
# Installs (when missing) and starts the services the tests need, as throwaway local processes:
#   - PostgreSQL (Debian package), a fresh cluster on 127.0.0.1:$SHARINGHUB_PG_PORT
#   - Azurite (npm, pinned in package.json + package-lock.json) for Azure Blob Storage, 127.0.0.1:$SHARINGHUB_AZURITE_PORT
# then runs `dotnet test`, then stops what it started. Extra arguments go to `dotnet test`.
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)

pg_port=${SHARINGHUB_PG_PORT:-55432}
azurite_port=${SHARINGHUB_AZURITE_PORT:-10010}
work=$(mktemp -d /tmp/sharinghub-test.XXXXXX)
chmod 755 "$work"
pg_started=""
azurite_pid=""

log() { printf '[test.sh] %s\n' "$*"; }

cleanup() {
  set +e
  if [ -n "$azurite_pid" ]; then
    # Azurite closes gracefully on SIGTERM but may linger on idle keep-alive connections: give it 5 s, then end it.
    kill "$azurite_pid" 2>/dev/null
    for _ in $(seq 1 25); do kill -0 "$azurite_pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$azurite_pid" 2>/dev/null
  fi
  if [ -n "$pg_started" ]; then
    as_pg "$pg_bin/pg_ctl" -D "$work/pg" -m fast -w -t 30 stop >/dev/null 2>&1 ||
      as_pg "$pg_bin/pg_ctl" -D "$work/pg" -m immediate -w -t 30 stop >/dev/null 2>&1
  fi
  rm -rf "$work"
}
trap cleanup EXIT

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=""
apt_install() {
  if [ -z "$apt_updated" ]; then as_root apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

# ---- PostgreSQL ----
find_pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
pg_bin=$(find_pg_bin)
if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
  log "installing PostgreSQL (apt)"
  apt_install postgresql
  pg_bin=$(find_pg_bin)
fi
# initdb refuses to run as root: run the cluster as the postgres system user when we are root.
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home "$work" postgres
  as_pg() { runuser -u postgres -- "$@"; }
else
  as_pg() { "$@"; }
fi
mkdir -p "$work/pg" "$work/pgsock"
[ "$(id -u)" = 0 ] && chown postgres "$work/pg" "$work/pgsock"
as_pg "$pg_bin/initdb" -D "$work/pg" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$pg_bin/pg_ctl" -D "$work/pg" -l "$work/pg/server.log" -w -t 60 \
  -o "-p $pg_port -k $work/pgsock -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=200" start >/dev/null
pg_started=1
log "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port"
export SHARINGHUB_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres;Pooling=true"

# ---- Azurite ----
if [ ! -x node_modules/.bin/azurite-blob ]; then
  if ! command -v npm >/dev/null 2>&1; then log "installing Node.js (apt)"; apt_install nodejs npm; fi
  log "installing Azurite (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
fi
node_modules/.bin/azurite-blob --blobHost 127.0.0.1 --blobPort "$azurite_port" --location "$work/azurite" \
  --skipApiVersionCheck --loose --silent >"$work/azurite.log" 2>&1 &
azurite_pid=$!
for _ in $(seq 1 100); do
  if (exec 3<>/dev/tcp/127.0.0.1/"$azurite_port") 2>/dev/null; then break; fi
  sleep 0.2
done
log "Azurite blob service on 127.0.0.1:$azurite_port"
export SHARINGHUB_TEST_AZURITE="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:$azurite_port/devstoreaccount1;"

# ---- Tests ----
set +e
dotnet test "$root/SharingHub.sln" "$@" 2>&1 | tee "$work/test-output.txt"
status=${PIPESTATUS[0]}
set -e

# One plain summary line across all test projects (from each project's "Failed: n, Passed: n, Skipped: n").
read -r passed failed skipped < <(grep -oE 'Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$work/test-output.txt" |
  awk -F'[:,]' '{f+=$2; p+=$4; s+=$6} END {print p+0, f+0, s+0}')
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then echo "[test.sh] no test ran"; exit 1; fi
exit $status
