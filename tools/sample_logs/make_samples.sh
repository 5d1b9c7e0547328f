#!/usr/bin/env bash
# Regenerate sample_logs/ end to end by really running the software (see docs/sample-logs.md):
#   throw-away PostgreSQL 15 cluster -> seed script -> Flask app under gunicorn + bounded
#   load client -> pytest suite -> near-miss generator -> stop PostgreSQL -> expected TSVs.
#
# Usage (as root, or as any user that may run PostgreSQL):  bash tools/sample_logs/make_samples.sh
# Idempotent: it wipes and re-creates $WORK and overwrites the sample_logs/ files it owns.
# Everything listens on 127.0.0.1 (and a unix socket under $WORK) only.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
OUT=${SAMPLE_LOGS_OUT:-$REPO/sample_logs}
WORK=${SAMPLE_LOGS_WORK:-/tmp/im-samples}
VENV=${SAMPLE_LOGS_VENV:-/tmp/samples-venv}
PGBIN=${SAMPLE_LOGS_PGBIN:-/usr/lib/postgresql/15/bin}
PG_OS_USER=${SAMPLE_LOGS_PG_OS_USER:-pgrun}  # PostgreSQL refuses to run as root
PGPORT=${SAMPLE_LOGS_PGPORT:-55432}
APP_PORT=${SAMPLE_LOGS_APP_PORT:-58080}
DB_USER=app
DB_NAME=appdb
DB_PASSWORD=sample-app-password  # throw-away cluster on loopback only

PGDATA=$WORK/pgdata
PGSOCK=$WORK/pgsocket
PGLOG=$WORK/postgresql.log
GUNICORN_PID=$WORK/gunicorn.pid
PY=$VENV/bin/python
export PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 TZ=UTC

say() { printf '==> %s\n' "$*" >&2; }

if [ "$(id -u)" = 0 ]; then
    as_pg() { runuser -u "$PG_OS_USER" -- "$@"; }
else
    PG_OS_USER=$(id -un)
    as_pg() { "$@"; }
fi

stop_gunicorn() {
    [ -f "$GUNICORN_PID" ] || return 0
    local pid
    pid=$(cat "$GUNICORN_PID")
    if kill -0 "$pid" 2>/dev/null && grep -q gunicorn "/proc/$pid/cmdline" 2>/dev/null; then
        kill -TERM "$pid"
        for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
        kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
    fi
    rm -f "$GUNICORN_PID"
}

stop_postgres() {
    if [ -f "$PGDATA/postmaster.pid" ]; then
        as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -t 30 -w stop >/dev/null || true
    fi
}

cleanup() {
    stop_gunicorn
    stop_postgres
}

psql_admin() {  # superuser over the unix socket (peer auth)
    as_pg "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PGSOCK" -p "$PGPORT" -d postgres "$@"
}

# --- 0. clean slate (stop leftovers of a previous run first) ---------------------------------
cleanup
trap cleanup EXIT
rm -rf "$WORK"
mkdir -p "$WORK"

# --- 1. tools ----------------------------------------------------------------------------------
if ! "$PY" -c "import flask, sqlalchemy, psycopg2, gunicorn, faker, pytest" 2>/dev/null; then
    say "creating venv $VENV"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q -r "$HERE/requirements.txt"
fi
if [ "$(id -u)" = 0 ] && ! id "$PG_OS_USER" >/dev/null 2>&1; then
    say "creating OS user $PG_OS_USER for PostgreSQL"
    useradd -m "$PG_OS_USER"
fi

# --- 2. PostgreSQL -----------------------------------------------------------------------------
say "initdb $PGDATA"
mkdir -p "$PGDATA" "$PGSOCK"
touch "$PGLOG"
chown "$PG_OS_USER" "$PGDATA" "$PGSOCK" "$PGLOG"
chmod 700 "$PGDATA"
as_pg "$PGBIN/initdb" -D "$PGDATA" -U "$PG_OS_USER" -E UTF8 --locale=C \
    --auth-local=peer --auth-host=scram-sha-256 >"$WORK/initdb.out"
cat >>"$PGDATA/postgresql.conf" <<EOF

# --- tools/sample_logs/make_samples.sh ---
listen_addresses = '127.0.0.1'
port = $PGPORT
unix_socket_directories = '$PGSOCK'
log_destination = 'stderr'
logging_collector = off
log_line_prefix = '%m [%p] %q%u@%d '
log_timezone = 'UTC'
timezone = 'UTC'
lc_messages = 'C'
log_connections = on
log_checkpoints = on
log_min_error_statement = error
EOF
say "starting PostgreSQL on 127.0.0.1:$PGPORT"
as_pg "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGLOG" -t 30 -w start >/dev/null
psql_admin -c "CREATE ROLE $DB_USER LOGIN PASSWORD '$DB_PASSWORD'" \
    -c "CREATE DATABASE $DB_NAME OWNER $DB_USER"
export SAMPLE_DATABASE_URL="postgresql+psycopg2://$DB_USER:$DB_PASSWORD@127.0.0.1:$PGPORT/$DB_NAME"

# --- 3. seeding script (INC-2024-002) ------------------------------------------------------------
say "seed_database.py (expected to fail with a unique violation)"
rc=0
(cd "$HERE" && timeout 60 "$PY" seed_database.py --reset) >"$WORK/seed-script.log" 2>&1 || rc=$?
[ "$rc" = 1 ] || { say "seed_database.py exited $rc, expected 1"; cat "$WORK/seed-script.log"; exit 1; }
psql_admin -c "CHECKPOINT"

# --- 4. Flask app under gunicorn + bounded load (INC-2024-001) -----------------------------------
say "gunicorn on 127.0.0.1:$APP_PORT"
gunicorn_opts=()
if "$VENV/bin/gunicorn" --help 2>/dev/null | grep -q -- '--no-control-socket'; then
    gunicorn_opts+=(--no-control-socket)
fi
SAMPLE_APP_JSON_LOG="$WORK/app-json.log" \
    "$VENV/bin/gunicorn" "${gunicorn_opts[@]}" --chdir "$HERE" \
    --bind "127.0.0.1:$APP_PORT" --workers 1 --worker-class gthread --threads 8 \
    --timeout 30 --graceful-timeout 5 --pid "$GUNICORN_PID" \
    --access-logfile - --error-logfile - app:app >"$WORK/gunicorn-app.log" 2>&1 &
# ready = the worker has imported app.py (it logs its engine settings); waiting on the log
# instead of probing over HTTP keeps probe requests out of the sample logs
ready=0
for _ in $(seq 1 150); do
    if grep -q "engine configured" "$WORK/gunicorn-app.log"; then
        ready=1; break
    fi
    sleep 0.2
done
sleep 0.5
[ "$ready" = 1 ] || { say "gunicorn did not come up"; cat "$WORK/gunicorn-app.log"; exit 1; }
say "load client"
timeout 90 "$PY" "$HERE/load_client.py" --base-url "http://127.0.0.1:$APP_PORT" \
    --burst 5 --report-sleep 2 --deadline 60 | tee "$WORK/load-client.out" >&2
stop_gunicorn
wait || true

# --- 5. pytest suite -------------------------------------------------------------------------
say "pytest sample suite (expected: 1 passed, 4 failed)"
rc=0
(cd "$HERE" && CI=true COLUMNS=200 timeout 120 "$VENV/bin/pytest" -c pytest.ini -rA \
    --junitxml="$WORK/pytest-junit.xml" suite) >"$WORK/pytest-output.log" 2>&1 || rc=$?
[ "$rc" = 1 ] || { say "pytest exited $rc, expected 1"; cat "$WORK/pytest-output.log"; exit 1; }

# --- 6. near misses ----------------------------------------------------------------------------
say "near_misses.py"
(cd "$HERE" && timeout 60 "$PY" near_misses.py --out "$WORK/near-misses.log")

# --- 7. stop PostgreSQL (shutdown checkpoint goes to its log) ------------------------------------
psql_admin -c "CHECKPOINT"
stop_postgres

# --- 8. publish + expected findings --------------------------------------------------------------
mkdir -p "$OUT"
rm -rf "$OUT/expected"
for f in gunicorn-app.log seed-script.log postgresql.log pytest-output.log pytest-junit.xml \
    app-json.log near-misses.log; do
    cp "$WORK/$f" "$OUT/$f"
done
# junit XML ends without a newline; add one so it is a well-formed text file
[ -z "$(tail -c1 "$OUT/pytest-junit.xml")" ] || echo >>"$OUT/pytest-junit.xml"
say "expected findings"
"$PY" "$HERE/expected.py" --samples "$OUT"
say "done: $OUT"
