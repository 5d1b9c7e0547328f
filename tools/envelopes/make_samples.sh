#!/usr/bin/env bash
# Regenerate tests/data/envelopes/: real application output, wrapped by the real tools where
# they run here (systemd-journald + journalctl + systemd-cat, rsyslogd + logger, dockerd's
# json-file driver, docker-compose 1.29, python-json-logger, logfmter, pino), and by
# tools/envelopes/wrap.py from the formats' specifications where they do not (containerd's CRI
# logs need a kubelet, compose v2, kubectl against a cluster, stern, GitHub's and GitLab's
# runners). Needs root (journald's socket, dockerd) and Debian packages:
#   apt-get install -y rsyslog systemd nodejs npm docker.io docker-compose
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=$ROOT/tests/data/envelopes
TOOLS=$ROOT/tools/envelopes
WORK=$(mktemp -d /tmp/envelopes-samples.XXXXXX)
mkdir -p "$OUT"
export TZ=UTC
started_pids=()
cleanup() {
    for pid in "${started_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${started_pids[@]}"; do
        for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    done
    rm -rf "$WORK" 2>/dev/null || true
}
trap cleanup EXIT

# wait_for FILE LINES: poll (5 s deadline) until FILE has at least LINES lines
wait_for() {
    for _ in $(seq 50); do
        [ -f "$1" ] && [ "$(wc -l < "$1")" -ge "$2" ] && return 0
        sleep 0.1
    done
    echo "timed out waiting for $1" >&2
    return 1
}

# 1. The application: plain text (with a record longer than 16 KiB) and JSON records.
python3 "$TOOLS/app.py" --long > "$OUT/app.log"
python3 -m venv "$WORK/venv"
"$WORK/venv/bin/pip" install -q python-json-logger==4.2.0 logfmter==0.0.12
"$WORK/venv/bin/python" "$TOOLS/app.py" --json > "$OUT/app-json.log"
"$WORK/venv/bin/python" "$TOOLS/app.py" --logfmt > "$OUT/app-logfmt.log"
( cd "$WORK" && npm install --silent --no-audit --no-fund pino@10.4.0 > /dev/null \
    && cp "$TOOLS/pino_app.js" . && node pino_app.js > "$OUT/pino.log" )
# the traceback alone, for a journal entry whose MESSAGE holds all of it
awk '/^Traceback/{on=1} on&&/^[0-9]{4}-/{exit} on' "$OUT/app.log" > "$WORK/traceback.txt"

# 2. journald: the real daemon, fed by systemd-cat (a line per entry) and its native protocol.
if ! pgrep -x systemd-journal > /dev/null; then  # no init here: run the daemon ourselves
    mkdir -p /run/systemd/journal
    rm -f /run/systemd/journal/socket
    /lib/systemd/systemd-journald & started_pids+=($!)
    for _ in $(seq 50); do [ -S /run/systemd/journal/socket ] && break; sleep 0.1; done
fi
since=$(date '+%Y-%m-%d %H:%M:%S')
tag=envelopes-api
# the same output as app.log (its 20 KiB record left out: logger cuts at 1 KiB), so that the
# tests compare the unwrapped payload with it line by line
grep -v "batch rejected" "$OUT/app.log" > "$WORK/app-short.log"
systemd-cat -t "$tag" -p info < "$WORK/app-short.log"
python3 "$TOOLS/journal_send.py" envelopes-worker < "$WORK/traceback.txt"
expected=$(( $(grep -c . "$WORK/app-short.log") + 2 ))
for _ in $(seq 50); do
    got=$(journalctl --no-pager -q --since "$since" -t "$tag" -t envelopes-worker -o cat | wc -l)
    [ "$got" -ge "$expected" ] && break
    sleep 0.1
done
for mode in short short-iso short-precise json; do
    ext=log; [ "$mode" = json ] && ext=json
    journalctl --no-pager -q --since "$since" -t "$tag" -t envelopes-worker -o "$mode" \
        > "$OUT/journal-$mode.$ext"
done

# 3. rsyslog: the real daemon on its own socket, writing three of its standard templates.
cat > "$WORK/rsyslog.conf" <<EOF
global(workDirectory="$WORK")
module(load="imuxsock" SysSock.Use="off")
input(type="imuxsock" Socket="$WORK/log.sock" CreatePath="on" RateLimit.Interval="0"
      UseSpecialParser="off" ParseHostname="on")
*.* action(type="omfile" file="$WORK/traditional.log" template="RSYSLOG_TraditionalFileFormat")
*.* action(type="omfile" file="$WORK/rfc5424.log" template="RSYSLOG_SyslogProtocol23Format")
*.* action(type="omfile" file="$WORK/fileformat.log" template="RSYSLOG_FileFormat")
EOF
rsyslogd -n -f "$WORK/rsyslog.conf" -i "$WORK/rsyslogd.pid" & started_pids+=($!)
for _ in $(seq 50); do [ -S "$WORK/log.sock" ] && break; sleep 0.1; done
logger --rfc3164 -u "$WORK/log.sock" -t api -i < "$WORK/app-short.log"
logger --rfc5424 -u "$WORK/log.sock" -t api -i < "$WORK/app-short.log"
# one message holding the whole traceback: rsyslog escapes its newlines as #012
logger --rfc5424 -u "$WORK/log.sock" -t worker -i -- "worker crashed: $(cat "$WORK/traceback.txt")"
lines=$(( 2 * $(grep -c . "$WORK/app-short.log") + 1 ))
wait_for "$WORK/fileformat.log" "$lines"
cp "$WORK/traditional.log" "$OUT/syslog-traditional.log"
cp "$WORK/rfc5424.log" "$OUT/syslog-rfc5424.log"
cp "$WORK/fileformat.log" "$OUT/syslog-fileformat.log"

# 4. docker json-file and docker-compose, from the real daemon, when it starts here.
# shellcheck source=tools/envelopes/docker_samples.sh
. "$TOOLS/docker_samples.sh"
if docker_start; then
    docker_samples
else
    echo "no real docker samples: dockerd does not start on this machine" >&2
fi

# 5. The envelopes no tool here writes, around the same real output.
python3 "$TOOLS/wrap.py" "$OUT"
chmod 644 "$OUT"/*  # docker writes its logs 0640
echo "samples written to $OUT"
