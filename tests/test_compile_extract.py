"""What `matcher compile` reads as log text (docs/incident-log-format.md), the partial compile,
the compile report, misspelt labels, and the standing rule on real near misses."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import matcher
from matcher.cli.main import cli
from matcher.incidents.reader import compile_incident_log, parse_incident_log

DATA = Path(__file__).parent / "data"
LOGS = DATA / "postmortems" / "logs"


def incident(symptoms: str, incident_id: str = "INC-1") -> str:
    return (
        f"**Incident ID:** {incident_id}\n**Title:** T\n**Severity:** Low\n\n"
        f"**Symptoms:**\n{symptoms}\n\n**Resolution:**\n* Fixed.\n"
    )


def symptoms_of(symptoms: str) -> tuple[str, ...]:
    (found,) = parse_incident_log(incident(symptoms), "x.md")
    return found.symptoms


@pytest.mark.parametrize(
    ("bullet", "expected"),
    [
        # after a label
        (
            "* App log: pymysql.err.OperationalError: (1040, 'Too many connections')",
            ("pymysql.err.OperationalError: Too many connections",),
        ),
        (
            "* Job output: rq.timeouts.JobTimeoutException: Task exceeded maximum timeout value"
            " (180 seconds)",
            (
                "rq.timeouts.JobTimeoutException: Task exceeded maximum timeout value "
                "(<seconds:num> seconds)",
            ),
        ),
        (
            "* nginx: client intended to send too large body: 2097152 bytes",
            ("client intended to send too large body: <bytes:datasize>",),
        ),
        # the log-like part of a sentence
        (
            "* Server log showed FATAL: sorry, too many clients already",
            ("FATAL: sorry, too many clients already",),
        ),
        (
            "* report-builder died with FATAL ERROR: Reached heap limit Allocation failed - "
            "JavaScript heap out of memory",
            ("FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory",),
        ),
        ("* the export said database or disk is full", ("database or disk is full",)),
        (
            "* Sentry showed QueryCanceled('canceling statement due to statement timeout',) "
            "(older SDK repr).",
            ("canceling statement due to statement timeout",),
        ),
        # a whole bullet of log text, with a person's placeholder and a cut sentence
        (
            "* [error] *N connect() failed (111: Connection refused) while connecting to upstream",
            ("[error] connect() failed (111: Connection refused) while connecting to upstream",),
        ),
        # quoted, with a repr's quote inside
        (
            '* It raised pymysql.err.InternalError: (1205, "Lock wait timeout exceeded; try '
            'restarting transaction").',
            ("pymysql.err.InternalError: Lock wait timeout exceeded; try restarting transaction",),
        ),
    ],
)
def test_log_text_is_read_as_people_write_it(bullet: str, expected: tuple[str, ...]) -> None:
    assert symptoms_of(bullet) == expected


@pytest.mark.parametrize(
    "bullet",
    [
        "* Grafana showed threads_connected flat at max_connections (151) the whole time.",
        "* Users were logged out at random; session writes failed.",
        "* The ops check (`mariadb -e 'select 1'`) was red.",
        '* The upstream was the new pool (`upstream: "http://10.1.4.22:8080/api/stock"`).',
        "* Checkout returned 500s for about 20 minutes.",
        "* The vendor said we should retry with backoff.",
    ],
)
def test_a_bullet_without_log_text_stays_description(bullet: str) -> None:
    text = incident(bullet + '\n* Logged "connection reset by peer".')
    (found,) = parse_incident_log(text, "x.md")
    assert found.symptoms == ("connection reset by peer",)
    assert found.description is not None and bullet[2:] in found.description


def test_prose_around_log_text_is_kept_as_description_a_bare_label_is_not() -> None:
    (found,) = parse_incident_log(
        incident(
            '* The importer logged "sqlite3.OperationalError: database is locked" twice a day.\n'
            "* App log: pymysql.err.OperationalError: (1040, 'Too many connections')"
        ),
        "x.md",
    )
    assert found.description == (
        'The importer logged "sqlite3.OperationalError: database is locked" twice a day.'
    )
    assert [(s.location.line, s.quote) for s in found.sources] == [
        (6, "sqlite3.OperationalError: database is locked"),
        (7, "pymysql.err.OperationalError: (1040, 'Too many connections')"),
    ]


def test_a_quote_the_author_says_is_not_this_incident_is_no_symptom() -> None:
    (found,) = parse_incident_log(
        incident(
            '* Jobs died with "sqlite3.OperationalError: database is locked".\n'
            '* The "retrying import after database is locked" warnings are normal.\n'
            '* Not to be confused with "OperationalError: disk I/O error" from last year.\n'
            "* This is NOT the `remaining connection slots are reserved` message."
        ),
        "x.md",
    )
    assert found.symptoms == ("sqlite3.OperationalError: database is locked",)
    assert found.description is not None and "are normal" in found.description


def test_the_servers_own_error_inside_a_clients_message_is_a_symptom_too() -> None:
    assert symptoms_of(
        '* Workers: psycopg2.OperationalError: connection to server at "pg-7" (10.1.2.3), '
        "port 5432 failed: FATAL:  sorry, too many clients already"
    ) == (
        'psycopg2.OperationalError: connection to server at "<host>" (<ip>), port <port:int> '
        "failed: FATAL: sorry, too many clients already",
        "FATAL: sorry, too many clients already",
    )


def test_a_fenced_traceback_gives_its_exception_lines_only() -> None:
    block = (
        "Thumbnails died:\n\n```\n"
        "2026-02-21 03:12:44,120 pid=8812 ERROR thumbnail batch failed after 1021 files\n"
        "Traceback (most recent call last):\n"
        '  File "/srv/media/thumbs.py", line 88, in render_batch\n'
        "    held.append(open(path, 'w'))\n"
        "                ^^^^^^^^^^^^^^^\n"
        "OSError: [Errno 24] Too many open files: '/srv/media/cache/thumb-1022.png'\n```"
    )
    assert symptoms_of(block) == ("OSError: [Errno 24] Too many open files: '<path>'",)


def test_a_log_block_gives_its_most_severe_lines_without_headers_or_prompts() -> None:
    block = (
        "```text\n"
        "[2026-04-28 10:02:13 +0000] [4242] [CRITICAL] WORKER TIMEOUT (pid:4250)\n"
        "[2026-04-28 10:02:13 +0000] [4250] [ERROR] Error handling request GET /export\n"
        "...\n"
        "[2026-04-28 10:02:14 +0000] [4263] [INFO] Booting worker with pid: 4263\n"
        "127.0.0.1:6379> SET session:9f2 x\n"
        "```"
    )
    assert symptoms_of(block) == ("[CRITICAL] WORKER TIMEOUT (pid:<pid:int>)",)


def test_an_indented_block_keeps_detail_lines_and_drops_hints() -> None:
    block = (
        "The worker log had:\n\n"
        "    psycopg2.errors.DeadlockDetected: deadlock detected\n"
        "    DETAIL:  Process 48211 waits for ShareLock on transaction 9155123; blocked by "
        "process 48207.\n"
        "    HINT:  See server log for query details.\n"
    )
    assert symptoms_of(block) == (
        "psycopg2.errors.DeadlockDetected: deadlock detected",
        "DETAIL: Process <process:int> waits for ShareLock on transaction <transaction:int>; "
        "blocked by process <process2:int>",
    )


def test_every_incident_that_compiles_is_kept_the_others_reported() -> None:
    text = (
        incident('* "disk is full again"', "INC-1")
        + "\n---\n"
        + incident("* Nothing in the logs.", "INC-2")
        + "\n---\n"
        + incident('* "worker died unexpectedly"', "INC-1")
        + "\n---\n"
        + incident("* Logged FATAL: the cache is gone for good", "INC-4").replace(
            "**Title:**", "**Tilte:**"
        )
    )
    log = compile_incident_log(text, "x.md")
    assert [i.id for i in log.incidents] == ["INC-1"]
    assert log.skipped == 3
    assert [(p.location.line, p.field) for p in log.problems] == [
        (16, "symptoms"),
        (23, "id"),
        (35, "label"),  # at the misspelt label's own line
        (34, "title"),
    ]
    assert "unknown label 'Tilte': did you mean 'Title'?" in str(log.problems[2])


def test_compile_writes_what_compiles_and_exits_1_or_2(tmp_path: Path) -> None:
    good, bad = incident('* "disk is full again"', "INC-1"), incident("* Nothing.", "INC-2")
    mixed, broken = tmp_path / "mixed.md", tmp_path / "broken.md"
    mixed.write_text(good + "\n---\n" + bad, encoding="utf-8")
    broken.write_text(bad, encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(cli, ["compile", str(mixed), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert (tmp_path / "out" / "INC-1.yml").is_file()
    assert not (tmp_path / "out" / "INC-2.yml").exists()
    assert f"{mixed}:16:1: symptoms: incident INC-2 has no symptom with log text" in result.stderr
    assert "INC-1 (" in result.stderr and "  line 6: disk is full again" in result.stderr
    result = runner.invoke(cli, ["compile", str(broken), "-o", str(tmp_path / "none")])
    assert result.exit_code == 2
    assert "nothing written" in result.stderr
    assert not (tmp_path / "none").exists()


def test_the_compile_report_shows_which_text_became_which_symptom(tmp_path: Path) -> None:
    log = tmp_path / "pm.md"
    log.write_text(incident("* Web log: [emerg] bind() to 0.0.0.0:443 failed (98: x y z)"), "utf-8")
    result = CliRunner().invoke(cli, ["compile", str(log), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0
    assert (
        "  line 6: [emerg] bind() to 0.0.0.0:443 failed (98: x y z)\n"
        "    -> [emerg] bind() to <ip>:<port:int> failed (98: x y z)\n"
    ) in result.stderr


# -- the standing rule, on real near misses (docs/symptoms.md "Where a message stands") ------


@pytest.mark.parametrize(
    ("symptom", "log", "matching", "not_matching"),
    [
        ("OperationalError: database is locked", "backoffice-import.log", [7, 8], [1, 2, 9]),
        ("ERROR 1040 (08004): Too many connections", "orders-mysql.log", [23, 24], [25, 26]),
        (
            "ERROR 1205 (HY000): Lock wait timeout exceeded; try restarting transaction",
            "orders-mysql.log",
            [50, 51],
            [52, 53, 54],
        ),
        ("ERROR: deadlock detected", "billing-pg.log", [], [25]),
        (
            "NewConnectionError: Failed to establish a new connection",
            "gateway-http.log",
            [33],
            [],
        ),
        ("(error) OOM command not allowed when used memory", "cache-redis.log", [32, 33], [34, 35]),
    ],
)
def test_a_message_without_its_head_matches_only_where_it_stands(
    tmp_path: Path,
    engine: str,
    symptom: str,
    log: str,
    matching: list[int],
    not_matching: list[int],
) -> None:
    sig = tmp_path / "s.yml"
    sig.write_text(
        f"id: S\ntitle: t\nseverity: low\nresolution: r\nsymptoms:\n- {symptom!r}\n", "utf-8"
    )
    ruleset = matcher.load_ruleset([sig], engine=engine)
    lines = {
        n for f in matcher.scan_file(ruleset, LOGS / log, events="lines") for n in f.matched_lines
    }
    assert set(matching) <= lines
    assert lines.isdisjoint(not_matching)


def test_a_message_without_class_or_level_is_compiled_to_stand_as_an_error(
    tmp_path: Path, engine: str
) -> None:
    log = tmp_path / "pm.md"
    log.write_text(incident("* the audit export said database or disk is full"), "utf-8")
    out = tmp_path / "sigs"
    assert CliRunner().invoke(cli, ["compile", str(log), "-o", str(out)]).exit_code == 0
    written = (out / "INC-1.yml").read_text("utf-8")
    assert "- {text: database or disk is full, stands: true}\n" in written
    ruleset = matcher.load_ruleset([out], engine=engine)
    lines = (
        "ERROR in os_failures: audit export aborted: OperationalError: database or disk is full\n"
        "INFO checking whether database or disk is full? no\n"
        "WARNING retrying after database or disk is full\n"
        "database or disk is full\n"
    )
    assert [f.line for f in matcher.scan_text(ruleset, lines, events="lines")] == [1, 4]


def test_the_loader_checks_a_text_mapping(tmp_path: Path) -> None:
    sig = tmp_path / "s.yml"
    sig.write_text(
        "id: S\ntitle: t\nseverity: low\nresolution: r\nsymptoms:\n"
        "- {text: disk is full, stands: maybe}\n- {text: disk is full, stand: true}\n",
        "utf-8",
    )
    with pytest.raises(matcher.SignatureError) as error:
        matcher.load_signatures([sig])
    messages = [f"{p.field}: {p.message}" for p in error.value.problems]
    assert messages == [
        "symptoms[0].stands: must be true or false, not string",
        "symptoms[1].stand: unknown key (did you mean 'stands'?)",
    ]
