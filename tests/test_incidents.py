"""The library of `matcher compile`: Markdown incident log -> Incident -> signature YAML."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from typing import Any

import pytest
import yaml

from matcher.errors import IncidentLogError, SourceError
from matcher.incidents.reader import (
    Incident,
    SymptomSource,
    parse_incident_log,
    read_incident_log,
)
from matcher.incidents.writer import (
    NO_RESOLUTION,
    WriteReport,
    render_signature,
    signature_filename,
    write_signatures,
)
from matcher.model import SourceLocation

DATA = Path(__file__).parent / "data" / "incidents"


def fixture(name: str) -> str:
    return str(DATA / name)


def read(name: str) -> list[Incident]:
    return read_incident_log(DATA / name)


def problems_of(error: pytest.ExceptionInfo[IncidentLogError]) -> list[tuple[int, str, str]]:
    return [(p.location.line, p.field, p.message) for p in error.value.problems]


def one_incident(symptoms: str = '* Logged "connection reset by peer".', extra: str = "") -> str:
    """A valid incident whose symptoms (and trailing sections) a test varies."""
    return (
        "**Incident ID:** INC-1\n**Title:** T\n**Severity:** Low\n\n"
        f"**Symptoms:**\n{symptoms}\n\n**Resolution:**\n* Fixed.\n{extra}"
    )


# --- the seed ---------------------------------------------------------------------------------

SEED = [
    Incident(
        id="INC-2024-001",
        title="API unresponsive under moderate load - DB connection pool exhaustion",
        severity="high",
        date="2024-10-15",
        services=("Backend API",),
        symptoms=("TimeoutError: QueuePool limit of size <x> overflow <y> reached",),
        description=(
            "API endpoints (`/api/*`) intermittently returned 500 errors or timed out.\n"
            # The sentence around a quote is context: kept (issue #11).
            'Backend logs showed "TimeoutError: QueuePool limit of size <x> overflow <y> '
            'reached" from SQLAlchemy.\n'
            "Database monitoring showed a high number of active connections, hitting the "
            "configured limit."
        ),
        root_cause=(
            "The default SQLAlchemy connection pool size was too small for the number of "
            "concurrent requests handled by Gunicorn workers during peak traffic simulation.\n"
            "Each worker trying to handle a request would attempt to check out a DB connection, "
            "quickly exhausting the pool."
        ),
        resolution=(
            "Increased the `pool_size` and `max_overflow` parameters in the `create_engine` call "
            "within `backend/app/database.py`.\n"
            "Monitored connection usage after the change to confirm resolution."
        ),
        action_items=(
            "[Done] Update engine configuration with larger pool size.",
            "[Done] Add database connection pool monitoring to dashboards.",
        ),
        status="resolved",
        location=SourceLocation(fixture("past-incidents.md"), 7, 1),
        sources=(
            SymptomSource(
                SourceLocation(fixture("past-incidents.md"), 15, 3),
                "TimeoutError: QueuePool limit of size <x> overflow <y> reached",
                "TimeoutError: QueuePool limit of size <x> overflow <y> reached",
            ),
        ),
    ),
    Incident(
        id="INC-2024-002",
        title="Database seeding fails with unique constraint violation",
        severity="medium",
        date="2024-08-22",
        services=("Database Seeding Script",),
        symptoms=(
            'IntegrityError: duplicate key value violates unique constraint "ix_users_email"',
        ),
        description=(
            "Running `scripts/seed_database.py` failed midway through user creation.\n"
            'Logs showed `IntegrityError: duplicate key value violates unique constraint "ix_users_'
            'email"` from PostgreSQL/SQLAlchemy.'
        ),
        root_cause=(
            "The `Faker` library, while generating random data, had a small probability of "
            "generating the same email address twice within a single seeding run, especially "
            "with a large number of users being created. The `email` column has a unique "
            "constraint."
        ),
        resolution=(
            "Modified the seeding script (`scripts/seed_database.py`) to wrap user creation in a "
            "try/except block.\n"
            "Inside the `except IntegrityError`, the script now retries generating a user with "
            "different fake data a few times before failing completely.\n"
            "Ensured database sessions were rolled back correctly on error."
        ),
        action_items=("[Done] Implement retry logic in the seeding script's user creation loop.",),
        status="resolved",
        location=SourceLocation(fixture("past-incidents.md"), 32, 1),
        sources=(
            SymptomSource(
                SourceLocation(fixture("past-incidents.md"), 40, 3),
                'IntegrityError: duplicate key value violates unique constraint "ix_users_email"',
                'IntegrityError: duplicate key value violates unique constraint "ix_users_email"',
            ),
        ),
    ),
]


def test_seed_reads_as_two_incidents_with_every_field() -> None:
    assert read("past-incidents.md") == SEED


def test_seed_signature_is_the_documented_yaml() -> None:
    text = render_signature(SEED[0])
    assert text.startswith("# Compiled from past-incidents.md by matcher compile.\n")
    assert "\ndate: '2024-10-15'\nservices: [Backend API]\nstatus: resolved\n" in text
    assert (
        "\nsymptoms:\n- 'TimeoutError: QueuePool limit of size <x> overflow <y> reached'\n" in text
    )
    assert "\nresolution: |-\n  Increased the `pool_size`" in text
    document = yaml.safe_load(text)
    assert list(document) == [
        "id",
        "title",
        "severity",
        "date",
        "services",
        "status",
        "symptoms",
        "description",
        "root_cause",
        "resolution",
        "action_items",
        "examples",
    ]
    assert document["examples"] == {
        "match": [
            "2024-10-15 09:15:02,417 ERROR [backend-api] TimeoutError: QueuePool limit of size 5 "
            "overflow 10 reached",
            # another occurrence: other numbers, the message without its optional class
            "2024-10-15 09:15:02,417 ERROR [backend-api] QueuePool limit of size 7 overflow 12 "
            "reached",
        ],
        "no_match": [
            "2024-10-15 09:15:02,417 ERROR [backend-api] TimeoutError: QueuePool limit of size 5 "
            "overflow 10 released"
        ],
    }


def test_quoted_name_in_a_symptom_is_renamed_for_the_near_miss() -> None:
    examples = yaml.safe_load(render_signature(SEED[1]))["examples"]
    assert examples["no_match"][0].endswith('unique constraint "ix_users_email_old"')


# --- variants -----------------------------------------------------------------------------------


def test_heading_per_incident_with_id_or_with_labels() -> None:
    checkout, export = read("headings.md")
    assert (checkout.id, checkout.title, checkout.severity) == (
        "INC-2024-003",
        "Checkout times out when the card vault is slow",
        "critical",
    )
    assert checkout.services == ("Checkout", "Card Vault")
    assert checkout.symptoms == ("ReadTimeout: vault request to <host> timed out after <n> ms",)
    assert checkout.status == "open"  # one action item is still `[ ]`
    assert checkout.location == SourceLocation(fixture("headings.md"), 5, 4)
    assert (export.id, export.title, export.date, export.status) == (
        "INC-2024-004",
        "Nightly export skips refunded orders",
        None,
        "resolved",
    )
    assert export.symptoms == ("skipping order <id>: unknown state refunded",)


def test_bulleted_labels_colon_outside_and_any_case() -> None:
    (incident,) = read("bulleted-labels.md")
    assert (incident.id, incident.title, incident.severity, incident.date) == (
        "OPS-17",
        "Workers crash-loop after the config rollout",
        "medium",
        "2024-06-30",
    )
    assert incident.services == ("Worker", "Scheduler")
    assert incident.symptoms == ('ConfigError: missing required key "queue_url"',)
    assert incident.description == (  # the sentence around the quote is context, kept
        'Pods restarted every minute with `ConfigError: missing required key "queue_url"` in '
        "their logs."
    )
    assert incident.root_cause == "The rollout removed a key the workers still required."
    assert incident.status == "resolved"


def test_section_headings_and_unknown_sections_ignored() -> None:
    (incident,) = read("section-headings.md")
    assert incident.id == "INC-2025-001"
    assert incident.symptoms == ("rebuild aborted: shard <shard> lost its primary",)
    assert incident.description == (
        'The indexer repeated "rebuild aborted: shard <shard> lost its primary" every few '
        "minutes.\nSearch results were stale for two days."
    )
    assert incident.root_cause == "A node with a full disk kept being elected primary."
    assert incident.action_items == ("Alert on disk usage above 85 %. (done)",)
    assert incident.status == "resolved"


def test_prose_paragraphs_instead_of_bullets() -> None:
    (incident,) = read("prose.md")
    assert incident.symptoms == (
        "SSLError: certificate verify failed: unable to get local issuer certificate",
    )
    assert incident.description == (
        'Users could not log in. The auth service logged "SSLError: certificate verify failed: '
        'unable to get local issuer certificate" when calling the identity provider.'
    )
    assert incident.root_cause == (
        "The new certificate chain lacked the intermediate certificate.\n"
        "It had been left out of the bundle by the rotation script."
    )
    assert incident.resolution == (
        "We added the intermediate certificate to the bundle and restarted the auth service."
    )
    assert incident.status == "resolved"  # a resolution and no open action item


def test_several_quoted_messages_in_one_bullet() -> None:
    (incident,) = read("several-messages.md")
    assert incident.symptoms == (
        "READONLY You can't write against a read only replica",  # the full stop is the sentence's
        "Connection reset by peer while reading response",
        "failover in progress for master <name>",
    )
    assert incident.status == "open"


def test_lone_backtick_path_is_description_not_symptom() -> None:
    (incident,) = read("lone-path.md")
    assert incident.symptoms == ("client intended to send too large body: <bytes> bytes",)
    assert incident.description == (
        "Requests to `/api/upload` with files over 10 MB failed; see `nginx.conf` and the "
        "`client_max_body_size` setting.\n"
        "Nginx logged `client intended to send too large body: <bytes> bytes` for each of them."
    )


@pytest.mark.parametrize(
    ("bullet", "expected"),
    [
        ('* Logs showed "Error: x" from the API.', ("Error: x",)),
        ('* "a: b" is short but has the Name: message shape.', ("a: b",)),
        ("* `orders.user_id` and `/api/*` are not log text; `cache miss storm` is.", ()),
        (
            '* Got "connection to "db-1" refused by server" twice.',
            ('connection to "db-1" refused by server',),
        ),
        ('* Saw "ab" and "connection refused: <host>" and `ok`.', ("connection refused: <host>",)),
        (
            "* Retried ``upstream `primary` closed connection`` a lot.",
            ("upstream `primary` closed connection",),
        ),
        (
            '* Quoted across\n  a wrapped line: "worker exited\n  with code <code>".',
            ("worker exited with code <code>",),
        ),
    ],
)
def test_log_text_recognition(bullet: str, expected: tuple[str, ...]) -> None:
    symptoms = (*expected, "cache miss storm") if "cache miss" in bullet else expected
    text = one_incident(f"{bullet}\n* Logged `connection reset by peer`.")
    assert parse_incident_log(text, "x.md")[0].symptoms == (*symptoms, "connection reset by peer")


@pytest.mark.parametrize(
    ("items", "status"),
    [
        ("* [Done] a\n* [x] b\n* c ✅\n* Done: d\n* e (done)\n* f - DONE", "resolved"),
        ("", "resolved"),
        ("* [Done] a\n* [ ] b", "open"),
        ("* Make sure the retry is done right", "open"),
        ("* Not done yet", "open"),
    ],
)
def test_status_is_resolved_when_every_action_item_is_done(items: str, status: str) -> None:
    text = one_incident(extra=f"\n**Action Items:**\n{items}\n" if items else "")
    assert parse_incident_log(text, "x.md")[0].status == status


def test_no_resolution_is_open_and_written_as_todo() -> None:
    text = one_incident().replace("**Resolution:**\n* Fixed.\n", "")
    (incident,) = parse_incident_log(text, "x.md")
    assert (incident.resolution, incident.status) == (None, "open")
    assert yaml.safe_load(render_signature(incident))["resolution"] == NO_RESOLUTION


def test_with_rules_between_incidents_every_heading_is_a_section() -> None:
    text = "# Log\n\n---\n" + one_incident().replace("**Symptoms:**", "## Timeline\n\n## Symptoms")
    text += "\n---\n" + one_incident().replace("INC-1", "INC-2")
    incidents = parse_incident_log(text, "x.md")
    assert [(i.id, i.symptoms) for i in incidents] == [
        ("INC-1", ("connection reset by peer",)),
        ("INC-2", ("connection reset by peer",)),
    ]


def test_group_headings_above_incident_headings_are_skipped() -> None:
    incident = one_incident().replace("**Incident ID:** INC-1\n**Title:** T\n", "")
    text = f"# Log\n## 2024\n### INC-7: Seven\n{incident}\n### INC-8: Eight\n{incident}"
    text += "\n## 2023\nQuiet year.\n"
    incidents = parse_incident_log(text, "x.md")
    assert [(i.id, i.title, i.location.line) for i in incidents] == [
        ("INC-7", "Seven", 3),
        ("INC-8", "Eight", 12),
    ]


def test_front_matter_and_a_commented_template_are_skipped() -> None:
    template = "<!-- template:\n**Incident ID:** INC-YYYY-NNN\n**Severity:** High|Low\n-->\n"
    text = f"---\ntitle: Incidents\ndate: 2024-01-01\ntags:\n  - ops\n---\n{template}\n"
    text += one_incident()
    assert [(i.id, i.location.line) for i in parse_incident_log(text, "x.md")] == [("INC-1", 12)]


def test_a_leading_rule_before_plain_labels_is_not_front_matter() -> None:
    text = "---\nIncident ID: INC-5\nTitle: Plain\nSeverity: info\nSymptoms:\n"
    text += '- Logged "connection reset by peer"\n---\n'
    assert parse_incident_log(text, "x.md")[0].id == "INC-5"


def test_fenced_code_neither_splits_nor_counts_as_symptom() -> None:
    text = one_incident(extra="\n```\n---\n## INC-9: not a heading\n```\n")
    assert [i.id for i in parse_incident_log(text, "x.md")] == ["INC-1"]


# --- errors -------------------------------------------------------------------------------------


def test_a_log_without_incidents_names_the_line() -> None:
    with pytest.raises(IncidentLogError) as error:
        read("no-incident.md")
    assert problems_of(error) == [
        (
            3,
            "incident",
            "no incident found: expected incidents separated by `---` or `## ` headings, each "
            "with an `**Incident ID:**` label (or an id in its heading) and a `**Symptoms:**` "
            "section",
        )
    ]
    assert str(error.value).startswith(f"{fixture('no-incident.md')}:3:1: incident: no incident")


def test_an_empty_log_is_an_error() -> None:
    with pytest.raises(IncidentLogError) as error:
        parse_incident_log("\n\n", "empty.md")
    assert problems_of(error) == [(1, "incident", "the incident log is empty")]


def test_incident_without_id() -> None:
    with pytest.raises(IncidentLogError) as error:
        read("no-id.md")
    assert problems_of(error) == [
        (
            13,
            "id",
            "incident has no id: add `**Incident ID:** INC-…` or start its heading with the id "
            "(`## INC-2024-003: Title`)",
        )
    ]


def test_incident_without_log_text() -> None:
    with pytest.raises(IncidentLogError) as error:
        read("no-log-text.md")
    assert problems_of(error) == [
        (
            5,
            "symptoms",
            "incident INC-2024-021 has no symptom with log text: quote the logged message in a "
            'symptom, "…" or `…`, or write it after a label (`App log: …`) or in a code block (a '
            "lone path or name is not log text)",
        )
    ]


def test_every_problem_of_the_file_is_reported() -> None:
    text = (
        "## INC-1: A\n**Severity:** Hihg\n**Symptoms:**\n* `x`\n"
        '## INC-1: B\n**Severity:** low\n**Symptoms:**\n* "disk is full again"\n'
        '## INC 2\n**Severity:** low\n**Symptoms:**\n* "<host> <port> <status>"\n'
        '## Misspelt\n**Incidnet ID:** INC-4\n**Sympotms:**\n* "worker died"\n'
    )
    with pytest.raises(IncidentLogError) as error:
        parse_incident_log(text, "x.md")
    assert [(line, field) for line, field, _ in problems_of(error)] == [
        (2, "severity"),
        (3, "symptoms"),
        (5, "id"),
        (9, "id"),
        (12, "symptoms"),
        (14, "incident"),
        (14, "label"),  # each misspelt label gets a "did you mean" at its own line
        (15, "label"),
    ]
    assert "unknown label 'Sympotms': did you mean 'Symptoms'?" in str(error.value)
    assert "unknown severity 'Hihg': did you mean 'high'? (one of critical, high" in str(
        error.value
    )
    assert "duplicate incident id 'INC-1': first used at line 1" in str(error.value)
    assert "'<host> <port> <status>': symptom has no literal text" in str(error.value)


def test_unreadable_file_errors(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="cannot read incident log"):
        read_incident_log(tmp_path / "missing.md")
    latin1 = tmp_path / "latin1.md"
    latin1.write_bytes("**Incident ID:** INC-1\n**Title:** Café ".encode() + b"\xe9\n")
    with pytest.raises(IncidentLogError) as error:
        read_incident_log(latin1)
    (problem,) = error.value.problems
    assert (problem.location.line, problem.location.column, problem.field) == (2, 17, "encoding")
    assert problem.message == "not UTF-8: byte 0xe9 cannot be decoded"


def test_bom_and_crlf_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "windows.md"
    path.write_bytes(("\ufeff" + one_incident()).replace("\n", "\r\n").encode("utf-8"))
    assert read_incident_log(path)[0].symptoms == ("connection reset by peer",)


def test_id_rule_is_the_signature_loaders() -> None:
    from matcher.incidents import reader
    from matcher.rules import signatures

    assert reader.ID_PATTERN is signatures.ID_PATTERN


# --- rendering ----------------------------------------------------------------------------------


def test_signatures_load_and_their_examples_pass(tmp_path: Path) -> None:
    from matcher.patterns.ruleset import Ruleset
    from matcher.rules.signatures import parse_signature_texts
    from matcher.testing import check_examples

    names = ["past-incidents.md", "headings.md", "bulleted-labels.md", "section-headings.md"]
    names += ["prose.md", "several-messages.md", "lone-path.md"]
    incidents = [incident for name in names for incident in read(name)]
    texts = [(signature_filename(i), render_signature(i)) for i in incidents]
    signatures = parse_signature_texts(texts)
    assert [s.id for s in signatures] == [i.id for i in incidents]
    results = check_examples(Ruleset(signatures, engine="pure"))
    assert [r.problems for r in results if r.problems] == []


def test_filled_placeholders_follow_their_types() -> None:
    (incident,) = read("headings.md")[:1]
    match = yaml.safe_load(render_signature(incident))["examples"]["match"]
    assert match == [
        "2024-11-02 09:15:02,417 ERROR [checkout] ReadTimeout: vault request to db-1.internal "
        "timed out after 5 ms",
        "2024-11-02 09:15:02,417 ERROR [checkout] ReadTimeout: vault request to db-11.internal "
        "timed out after 7 ms",
    ]


# Strings YAML could read as something else, or that PyYAML emits in a style it reads back
# differently (NEL and U+2028 break lines inside quoted and block scalars).
AWKWARD = [
    "yes",
    "2024-10-15",
    "0o17",
    "~",
    "- item",
    "key: value",
    "# not a comment",
    "'single' and \"double\"",
    " leading and trailing ",
    "tab\there",
    "next\x85line",
    "line\u2028separator",
    "trailing newline\n",
    "\n\nleading newlines",
    "unicode ✅ ünïcödé 日本",
    "| > & * ! % @ `",
]


@pytest.mark.parametrize("text", AWKWARD)
def test_rendered_yaml_round_trips(text: str) -> None:
    title, description, items = text, f"{text}\nsecond line {text}", [text, "plain"]
    incident = Incident(
        id="INC-1",
        title=title,
        severity="low",
        date=title,
        services=tuple(items),
        symptoms=("connection reset by peer",),
        description=description,
        root_cause=f"{description}\n{title}",
        resolution=description,
        action_items=tuple(items),
        status="open",
        location=SourceLocation("x.md", 1, 1),
    )
    document: dict[str, Any] = yaml.safe_load(render_signature(incident))
    assert document["title"] == document["date"] == title
    assert document["description"] == document["resolution"] == description
    assert document["root_cause"] == f"{description}\n{title}"
    assert document.get("services", []) == document.get("action_items", []) == items


# --- writing ------------------------------------------------------------------------------------


def test_signature_filename_is_safe() -> None:
    assert signature_filename(SEED[0]) == "INC-2024-001.yml"
    odd = Incident(**{**SEED[0].__dict__, "id": "../ops/INC 7"})
    assert signature_filename(odd) == "ops-INC-7.yml"


def test_write_signatures_written_unchanged_skipped_forced(tmp_path: Path) -> None:
    out = tmp_path / "signatures" / "nested"
    first, second = (out / "INC-2024-001.yml", out / "INC-2024-002.yml")
    assert write_signatures(SEED, out) == WriteReport((first, second), (), ())
    assert first.read_text(encoding="utf-8") == render_signature(SEED[0])
    assert stat.S_IMODE(first.stat().st_mode) == 0o644
    assert write_signatures(SEED, out) == WriteReport((), (first, second), ())

    first.write_text("# tuned by hand\n", encoding="utf-8")
    assert write_signatures(SEED, out) == WriteReport((), (second,), (first,))
    assert first.read_text(encoding="utf-8") == "# tuned by hand\n"
    assert write_signatures(SEED, out, force=True) == WriteReport((first,), (second,), ())
    assert first.read_text(encoding="utf-8") == render_signature(SEED[0])
    assert sorted(os.listdir(out)) == ["INC-2024-001.yml", "INC-2024-002.yml"]  # no temp files


def test_write_signatures_refuses_ids_sharing_a_file(tmp_path: Path) -> None:
    twin = Incident(**{**SEED[1].__dict__, "id": "inc-2024-001"})
    with pytest.raises(IncidentLogError, match=r"would be written to inc-2024-001\.yml, like"):
        write_signatures([SEED[0], twin], tmp_path)
    assert os.listdir(tmp_path) == []


def test_the_documented_example_is_what_compile_writes() -> None:
    doc = (Path(__file__).parents[1] / "docs" / "incident-log-format.md").read_text("utf-8")
    blocks = dict(re.findall(r"```(markdown|yaml)\n(.*?)```", doc, re.DOTALL))
    (incident,) = parse_incident_log(blocks["markdown"], "past-incidents.md")
    assert render_signature(incident) == blocks["yaml"]
