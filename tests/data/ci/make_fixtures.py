"""Regenerate pytest-output.log and pytest-junit.xml beside this file by really running the
small suite in suite/ (its failures are real: a pool timeout, a sqlite3 unique violation).

    python tests/data/ci/make_fixtures.py

Then review the goldens: UPDATE_GOLDEN=1 pytest tests/test_ci_golden.py
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SUITE = HERE / "suite"


def main() -> int:
    junit = HERE / "pytest-junit.xml"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "check_users.py",
            "-rA",
            "-p",
            "no:randomly",
            f"--junitxml={junit}",
            "--color=no",
        ],
        cwd=SUITE,
        capture_output=True,
        text=True,
        check=False,
    )
    # Stable fixtures: no machine-specific paths, times, hosts or versions.
    text = result.stdout.replace(str(HERE), "tests/data/ci")
    text = re.sub(
        r"(?m)^(platform|plugins|rootdir|configfile|cachedir|benchmark|hypothesis|Using).*\n",
        "",
        text,
    )
    text = re.sub(r"in \d+\.\d+s", "in 0.10s", text)
    text = re.sub(r"0x[0-9a-f]{6,}", "0x7f0000000000", text)
    (HERE / "pytest-output.log").write_text(text, encoding="utf-8")
    xml = junit.read_text(encoding="utf-8")
    xml = re.sub(r' (time|timestamp|hostname)="[^"]*"', "", xml)
    xml = re.sub(r"0x[0-9a-f]{6,}", "0x7f0000000000", xml)
    junit.write_text(xml, encoding="utf-8")
    print(f"pytest exited {result.returncode}; wrote {junit.name} and pytest-output.log")
    return 0 if result.returncode == 1 else 1


if __name__ == "__main__":
    sys.exit(main())
