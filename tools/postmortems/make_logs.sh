#!/usr/bin/env bash
# Regenerate tests/data/postmortems/logs/, expected.tsv and near-misses.tsv by really running
# the failing software (see tests/data/postmortems/README.md):
#   MariaDB 10.11 (pymysql, mysql-connector, mariadb CLI) -> PostgreSQL 15 (psycopg2, psql)
#   -> Redis (redis-py, redis-cli, an RQ worker) -> memcached -M (pymemcache) -> requests/urllib3, libpq and kafka-python
#   against a closed port / a .invalid host / no broker -> nginx -> disk full on a tmpfs,
#   RLIMIT_NOFILE, permission denied as `nobody`, SQLite locks -> Node.js, gunicorn.
# Each failure happens twice with other numbers (a "config change": limits, ports, sizes).
#
# Needs: root (mount a tmpfs, runuser, start servers), Debian packages mariadb-server,
# postgresql-15, redis-server, memcached, nginx-light (or nginx), nodejs; PyPI (requirements.txt,
# installed into $PM_VENV). Run time: about 2 minutes on 2 cores.
# Usage: bash tools/postmortems/make_logs.sh      (idempotent: wipes $PM_WORK first)
# Everything listens on 127.0.0.1 only; nothing leaves the machine.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
OUT=${PM_OUT:-$REPO/tests/data/postmortems}
export PM_WORK=${PM_WORK:-/tmp/im-postmortems}
VENV=${PM_VENV:-/tmp/pm-venv}
export PM_PG_USER=${PM_PG_USER:-pgrun}
export PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 TZ=UTC LC_ALL=C.UTF-8
say() { printf '==> %s\n' "$*" >&2; }

[ "$(id -u)" = 0 ] || { say "run as root (tmpfs mount, runuser, servers)"; exit 2; }
missing=()
for bin in mariadbd redis-server memcached nginx node; do command -v "$bin" >/dev/null || missing+=("$bin"); done
if [ ${#missing[@]} -gt 0 ]; then
    say "installing Debian packages for: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mariadb-server redis-server \
        memcached nginx-light nodejs >/dev/null
fi
if ! "$VENV/bin/python" -c "import pymysql, mysql.connector, psycopg2, redis, rq, kafka, requests, gunicorn, pymemcache" 2>/dev/null; then
    say "creating venv $VENV"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q -r "$HERE/requirements.txt"
fi
id "$PM_PG_USER" >/dev/null 2>&1 || useradd -m "$PM_PG_USER"

# leftovers of an interrupted run: tmpfs mounts under $PM_WORK
for m in $(awk -v w="$PM_WORK/" 'index($2, w) == 1 {print $2}' /proc/mounts); do umount "$m" || true; done
rm -rf "$PM_WORK"
mkdir -p "$PM_WORK/logs"
chmod 755 "$PM_WORK"

cd "$HERE"
for step in mysql_failures pg_failures redis_failures memcached_failures http_failures \
    nginx_failures os_failures runtime_failures; do
    say "$step"
    timeout 600 "$VENV/bin/python" "$step.py"
done
"$VENV/bin/python" finish.py --out "$OUT"
say "done: $OUT"
