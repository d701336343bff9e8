#!/usr/bin/env bash
# Runs every test of the solution against real services and prints one closing line: "N passed, M failed[, K skipped]".
#
# On a fresh Debian machine (as root) it installs what the tests need, starts PostgreSQL and Redis on 127.0.0.1 with
# throw-away data folders and free ports, exports where they are, runs the tests, and stops what it started.
# Exit status: 0 only when every test passed and at least one ran.
#
#   ./test.sh                 everything
#   ./test.sh --serve         only start the services, print their environment variables, and wait (for development:
#                             source the printed lines in another shell and run `dotnet test` on one project)
#   ./test.sh -- <args>       pass extra arguments to `dotnet test` (e.g. -- --filter "Category!=Browser")
set -euo pipefail
serve_only=""
extra=()
while (($#)); do
  case "$1" in
    --serve) serve_only=1 ;;
    --) shift; extra=("$@"); break ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
work="$(mktemp -d "${TMPDIR:-/tmp}/clinic-tests.XXXXXX")"
results="$work/results"
started_pg=""
started_redis=""

log() { printf '[test.sh] %s\n' "$*" >&2; }

cleanup() {
  if [[ -n "$started_redis" ]]; then redis-cli -p "$redis_port" shutdown nosave >/dev/null 2>&1 || kill "$(cat "$work/redis.pid" 2>/dev/null)" 2>/dev/null || true; fi
  if [[ -n "$started_pg" ]]; then as_pg "$pg_bin/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# --- 1. What the tests need, installed when missing --------------------------------------------------------------
need=()
command -v redis-server >/dev/null || need+=(redis-server)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || need+=(postgresql)
[[ -x /usr/bin/chromium ]] || need+=(chromium)
/usr/bin/python3 -c 'import django' >/dev/null 2>&1 || need+=(python3-django)
/usr/bin/python3 -c 'import argon2' >/dev/null 2>&1 || need+=(python3-argon2)
/usr/bin/python3 -c 'import bcrypt' >/dev/null 2>&1 || need+=(python3-bcrypt)
command -v wrk >/dev/null || need+=(wrk)
if ((${#need[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    log "missing: ${need[*]}; run as root (or install them with apt-get) and try again"
    exit 1
  fi
  log "installing: ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# --- 2. Redis: appendonly so a killed process keeps acknowledged writes ------------------------------------------
redis_port="$(free_port)"
mkdir -p "$work/redis"
redis-server --bind 127.0.0.1 --port "$redis_port" --dir "$work/redis" --appendonly yes --save '' \
  --daemonize yes --pidfile "$work/redis.pid" --logfile "$work/redis/redis.log"
started_redis=1
for _ in $(seq 50); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done
redis-cli -p "$redis_port" ping >/dev/null || { log "Redis did not start"; cat "$work/redis/redis.log" >&2; exit 1; }

# --- 3. PostgreSQL: a throw-away cluster (initdb refuses to run as root, so it runs as the postgres user) --------
pg_bin="$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")"
if [[ $(id -u) -eq 0 ]]; then
  chmod 755 "$work"
  as_pg() { runuser -u postgres -- "$@"; }
else
  as_pg() { "$@"; }
fi
pg_port="$(free_port)"
mkdir -p "$work/pg"
[[ $(id -u) -eq 0 ]] && chown postgres "$work/pg"
as_pg "$pg_bin/initdb" -D "$work/pg" -U postgres --auth=trust -E UTF8 --no-locale >/dev/null
as_pg "$pg_bin/pg_ctl" -D "$work/pg" -l "$work/pg/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $work/pg -c max_connections=200 -c fsync=on" start >/dev/null \
  || { log "PostgreSQL did not start"; cat "$work/pg/server.log" >&2; exit 1; }
started_pg=1

export CI="${CI:-false}"
export CLINIC_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres;Pooling=true;Include Error Detail=true"
export CLINIC_TEST_REDIS="127.0.0.1:$redis_port"
export CLINIC_TEST_DJANGO_PYTHON=/usr/bin/python3
export CLINIC_TEST_CHROMIUM=/usr/bin/chromium
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log "PostgreSQL on 127.0.0.1:$pg_port, Redis on 127.0.0.1:$redis_port"
if [[ -n "$serve_only" ]]; then
  for v in CLINIC_TEST_POSTGRES CLINIC_TEST_REDIS CLINIC_TEST_DJANGO_PYTHON CLINIC_TEST_CHROMIUM; do
    printf "export %s='%s'\n" "$v" "${!v}"
  done
  log "services are up; Ctrl+C stops them"
  while true; do sleep 3600; done
fi

# --- 4. Build once, then run every test project; results as TRX ---------------------------------------------------
status=0
if ! dotnet build Clinic.slnx -c Release --nologo -v quiet; then
  log "the build failed"
  echo "0 passed, 1 failed"
  exit 1
fi
dotnet test Clinic.slnx -c Release --no-build --nologo -v quiet \
  --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" "${extra[@]}" || status=$?

# --- 5. The closing line, from the results themselves --------------------------------------------------------------
read -r passed failed skipped < <(/usr/bin/python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for path in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    for result in ET.parse(path).getroot().iterfind(".//t:UnitTestResult", ns):
        outcome = result.get("outcome")
        if outcome == "Passed": passed += 1
        elif outcome == "NotExecuted": skipped += 1
        else: failed += 1
print(passed, failed, skipped)
PY
)
if [[ "$passed" -eq 0 && "$failed" -eq 0 ]]; then
  log "no test ran"
  status=1
fi
if [[ "$status" -ne 0 && "$failed" -eq 0 ]]; then
  log "dotnet test failed without a failed result (a test host crashed or a project did not run): counted as one failure"
  failed=1
fi
if [[ "$failed" -gt 0 ]]; then status=1; fi
line="$passed passed, $failed failed"
if [[ "$skipped" -gt 0 ]]; then line="$line, $skipped skipped"; fi
echo "$line"
exit "$status"
