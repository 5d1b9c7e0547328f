#!/usr/bin/env bash
# Regenerate the captured traces in tests/data/events/ by really running the programs beside
# this script (the bytes are kept exactly as the programs wrote them):
#
#   python-traces.log  python_traces.py: logging + logger.exception of a sqlite3 IntegrityError
#                      through SQLAlchemy and plain, chained exceptions (both forms), a
#                      warning with exc_info, a SQLAlchemy QueuePool TimeoutError
#   java-trace.log     Trace.java (java Trace.java, JDK 17): Spring-style log lines, an ERROR
#                      line + printStackTrace with Caused by / ... N more / Suppressed, then an
#                      uncaught exception in a thread
#   go-panic.log       gopanic/ (go run ., GOTRACEBACK=all): log lines, then
#                      "panic: runtime error: index out of range" and the goroutine dump
#   interleaved.log    interleaved.py: two processes appending to one file, taking turns
#   pytest-params.log  pytest_suite/check_import.py (python -m pytest, 160 columns): failure
#                      sections of a parametrized test with a dot in its id and a class test
#
# SQLAlchemy is needed here only (never by the tests): it is installed into a throw-away venv.
# Usage: bash tools/events/make_traces.sh
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
OUT=${EVENTS_OUT:-$REPO/tests/data/events}
VENV=${EVENTS_VENV:-/tmp/events-venv}
export PYTHONDONTWRITEBYTECODE=1 TZ=UTC
mkdir -p "$OUT"

if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q "SQLAlchemy==2.1.9"
fi

"$VENV/bin/python" "$HERE/python_traces.py" > "$OUT/python-traces.log"

(cd "$HERE" && java Trace.java > "$OUT/java-trace.log")

# go run prints the panic on stderr and then its own "exit status 2"; both are kept.
(cd "$HERE/gopanic" && GOTRACEBACK=all GOFLAGS=-mod=mod go run . > "$OUT/go-panic.log" 2>&1) || true
grep -q '^panic: runtime error: index out of range' "$OUT/go-panic.log"

python3 "$HERE/interleaved.py" "$OUT/interleaved.log"

# pytest exits 1 (two tests fail on purpose); its own pytest.ini keeps the project's config out.
(cd "$HERE/pytest_suite" && COLUMNS=160 python3 -m pytest -p no:randomly --color=no -rfE \
    check_import.py > "$OUT/pytest-params.log") || true
grep -q '^FAILED check_import.py::test_ratio\[1.5\]' "$OUT/pytest-params.log"

echo "wrote $(ls "$OUT"/*.log | wc -l) traces to $OUT" >&2
