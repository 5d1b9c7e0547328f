"""The signature loader: every field, and every way a signature file can be wrong.

Errors are one line each, ``file:line:column: field: what is wrong``; all errors of all files
are reported together, the CLI exits 2 and scans nothing.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import (
    EMAIL_LINE,
    INC_001,
    INC_002,
    POOL_LINE,
    json_findings,
    run_cli,
    signature_fields,
    write_signature,
    write_text,
)

import matcher
from matcher.errors import SignatureError
from matcher.model import Role, Severity, Status

ERROR_LINE = re.compile(
    r"^(?P<file>[^:]+):(?P<line>\d+):(?P<column>\d+): (?P<field>[\w.\[\]<>]+): .+"
)


def load_errors(directory: Path) -> list[str]:
    """The problems of loading ``directory``, as printed, with the directory cut off."""
    with pytest.raises(SignatureError) as caught:
        matcher.load_signatures([directory])
    prefix = f"{directory}/"
    return [str(problem).replace(prefix, "") for problem in caught.value.problems]


def only_error(tmp_path: Path, text: str) -> str:
    write_text(tmp_path / "sigs", "a.yml", text)
    errors = load_errors(tmp_path / "sigs")
    assert len(errors) == 1, errors
    return errors[0]


# -- valid signatures --------------------------------------------------------------------------


def test_every_field_is_read_into_typed_records(tmp_path: Path) -> None:
    fields = signature_fields(
        "INC-2024-001",
        title="API unresponsive",
        severity="critical",
        symptoms=["TimeoutError: QueuePool limit of size <x> overflow <y> reached"],
        resolution="- Increased pool_size.\n- Monitored usage.\n",
        services=["Backend API", "Worker"],
        date="2024-10-15",
        description="Pool exhausted under load.",
        root_cause="Pool too small.",
        action_items=["Add monitoring", "Load test"],
        runbook="https://runbooks.example.com/db-pool",
        status="resolved",
        tags=["db", "pool"],
        retryable=True,
        examples={"match": [POOL_LINE], "no_match": ["QueuePool created"]},
    )
    path = write_signature(tmp_path, fields)
    [sig] = matcher.load_signatures([path])
    assert sig.id == "INC-2024-001"
    assert sig.severity is Severity.CRITICAL
    assert sig.status is Status.RESOLVED
    assert sig.services == ("Backend API", "Worker")
    assert sig.action_items == ("Add monitoring", "Load test")
    assert sig.tags == ("db", "pool")
    assert sig.retryable is True
    assert sig.date == "2024-10-15"
    assert sig.description == "Pool exhausted under load."
    assert sig.root_cause == "Pool too small."
    assert sig.runbook == "https://runbooks.example.com/db-pool"
    assert sig.examples.match == (POOL_LINE,)
    assert sig.examples.no_match == ("QueuePool created",)
    assert sig.resolution_summary == "Increased pool_size."
    assert [s.text for s in sig.symptoms] == [fields["symptoms"][0]]
    assert str(sig.location) == f"{path}:1:5"
    assert str(sig.symptoms[0].location) == f"{path}:4:12"


def test_optional_fields_have_defaults(tmp_path: Path) -> None:
    [sig] = matcher.load_signatures([write_signature(tmp_path, signature_fields())])
    assert sig.status is Status.OPEN
    assert sig.retryable is False
    assert sig.services == sig.tags == sig.action_items == ()
    assert sig.runbook is None and sig.date is None
    assert sig.examples.match == sig.examples.no_match == ()


def test_plain_yaml_as_people_write_it(tmp_path: Path) -> None:
    text = """\
id: INC-2024-002
title: Database seeding fails with unique constraint violation
severity: medium
services: Database Seeding Script  # one string is a list of one
date: 2024-08-22
symptoms:
  - 'IntegrityError: duplicate key value violates unique constraint "ix_users_email"'
resolution: |
  * Wrapped user creation in try/except.
  * Retried with new fake data.
retryable: yes
runbook: docs/runbooks/seeding.md
"""
    [sig] = matcher.load_signatures([write_text(tmp_path, "inc.yaml", text)])
    assert sig.services == ("Database Seeding Script",)
    assert sig.date == "2024-08-22"
    assert sig.retryable is True
    assert sig.resolution_summary == "Wrapped user creation in try/except."
    assert sig.runbook == "docs/runbooks/seeding.md"


def test_symptom_mapping_gives_roles_and_regex_symptoms(tmp_path: Path) -> None:
    symptoms = {
        "any": ["connection pool exhausted", {"regex": r"pool of \d+ full", "literal": "full"}],
        "all": ["service orders"],
        "unless": ["during shutdown"],
    }
    [sig] = matcher.load_signatures(
        [write_signature(tmp_path, signature_fields(symptoms=symptoms))]
    )
    roles = [(s.role, s.is_regex, s.text, s.literal) for s in sig.symptoms]
    assert roles == [
        (Role.ANY, False, "connection pool exhausted", None),
        (Role.ANY, True, r"pool of \d+ full", "full"),
        (Role.ALL, False, "service orders", None),
        (Role.UNLESS, False, "during shutdown", None),
    ]


def test_directories_are_searched_recursively_for_yml_and_yaml(tmp_path: Path) -> None:
    write_signature(tmp_path / "a", signature_fields("A"), "a.yml")
    write_signature(tmp_path / "a" / "deeper", signature_fields("B"), "b.yaml")
    write_text(tmp_path / "a", "notes.txt", "not: [a signature")
    write_text(tmp_path / "a", "a.yml.orig", "not: [a signature")
    write_signature(tmp_path / "c", signature_fields("C"), "c.yml")
    sigs = matcher.load_signatures([tmp_path / "a", tmp_path / "c" / "c.yml"])
    assert sorted(s.id for s in sigs) == ["A", "B", "C"]


def test_bom_and_crlf_line_ends_are_fine(tmp_path: Path) -> None:
    path = tmp_path / "crlf.yml"
    path.write_bytes(b"\xef\xbb\xbf" + b"id: X\r\ntitle: t\r\nseverity: low\r\n")
    path.write_bytes(path.read_bytes() + b"symptoms: [some error text]\r\nresolution: r\r\n")
    assert [s.id for s in matcher.load_signatures([path])] == ["X"]


# -- one-line errors: file:line:column: field: what is wrong --------------------------------


BASE = (
    "id: INC-T\n"
    "title: Test incident\n"
    "severity: high\n"
    "symptoms: [connection pool exhausted]\n"
    "resolution: Raise the pool size.\n"
)


def replaced(old: str, new: str) -> str:
    assert old in BASE
    return BASE.replace(old, new)


ERROR_CASES: list[tuple[str, str, str]] = [
    # (case, YAML text, the one expected error without the file name)
    ("unknown key", BASE + "titel: x\n", "6:1: titel: unknown key (did you mean 'title'?)"),
    ("unknown key, no hint", BASE + "owner: me\n", "6:1: owner: unknown key"),
    (
        "id: 0123 is not silently 83",
        replaced("id: INC-T", "id: 0123"),
        "1:5: id: must be a string, not integer '0123' (quote it)",
    ),
    (
        "id that is a date",
        replaced("id: INC-T", "id: 2024-01-01"),
        "1:5: id: must be a string, not date '2024-01-01' (quote it)",
    ),
    (
        "id with a space",
        replaced("id: INC-T", "id: INC T"),
        "1:5: id: 'INC T' is not a valid id (letters, digits, ._:/-)",
    ),
    (
        "missing field",
        replaced("resolution: Raise the pool size.\n", ""),
        "1:1: resolution: missing required field",
    ),
    (
        "title: no is a boolean",
        replaced("title: Test incident", "title: no"),
        "2:8: title: must be a string, not boolean 'no' (quote it)",
    ),
    (
        "empty resolution",
        replaced("resolution: Raise the pool size.", "resolution: ''"),
        "5:13: resolution: must not be empty",
    ),
    (
        "unknown severity",
        replaced("severity: high", "severity: hgh"),
        "3:11: severity: 'hgh' is not one of critical, high, medium, low, info"
        " (did you mean 'high'?)",
    ),
    (
        "severity as a number",
        replaced("severity: high", "severity: 3"),
        "3:11: severity: must be a string, not integer '3' (quote it)",
    ),
    (
        "unknown status",
        BASE + "status: closed\n",
        "6:9: status: 'closed' is not one of open, resolved",
    ),
    (
        "retryable as a string",
        BASE + "retryable: 'true'\n",
        "6:12: retryable: must be true or false, not string",
    ),
    (
        "services as a mapping",
        BASE + "services: {a: 1}\n",
        "6:11: services: must be a list of strings, not mapping",
    ),
    (
        "tags with a number",
        BASE + "tags: [db, 1]\n",
        "6:12: tags[1]: must be a string, not integer '1' (quote it)",
    ),
    (
        "examples as a list",
        BASE + "examples: [x]\n",
        "6:11: examples: must be a mapping with match/no_match, not list",
    ),
    (
        "examples key misspelt",
        BASE + "examples: {match: [x], nomatch: [y]}\n",
        "6:24: examples.nomatch: unknown key (did you mean 'no_match'?)",
    ),
    (
        "regex that does not compile",
        replaced("[connection pool exhausted]", "[{regex: 'pool (full'}]"),
        "4:12: symptoms[0]: regex does not compile: missing ) at position 10",
    ),
    (
        "empty symptom",
        replaced("[connection pool exhausted]", "['']"),
        "4:12: symptoms[0]: pattern is empty",
    ),
    (
        "blank symptom",
        replaced("[connection pool exhausted]", "['   ']"),
        "4:12: symptoms[0]: pattern is empty",
    ),
    (
        "null symptom",
        replaced("[connection pool exhausted]", "[~]"),
        "4:12: symptoms[0]: must be a string, not null '~' (quote it)",
    ),
    (
        "regex matching the empty string",
        replaced("[connection pool exhausted]", "[{regex: 'x*'}]"),
        "4:12: symptoms[0]: pattern matches the empty string",
    ),
    (
        "regex matching only an empty string (lookahead)",
        replaced("[connection pool exhausted]", "[{regex: '(?=pool)'}]"),
        "4:12: symptoms[0]: pattern matches the empty string",
    ),
    (
        "regex matching only an empty string (word boundary)",
        replaced("[connection pool exhausted]", "[{regex: '\\b'}]"),
        "4:12: symptoms[0]: pattern matches the empty string",
    ),
    (
        "only placeholders",
        replaced("[connection pool exhausted]", "['<x> <y:int>']"),
        "4:12: symptoms[0]: symptom has no literal text, only placeholders",
    ),
    (
        "unknown placeholder type",
        replaced("[connection pool exhausted]", "['pool <n:integer> full']"),
        "4:12: symptoms[0]: unknown placeholder type 'integer' in <n:integer> "
        "(known: any, datasize, hex, host, int, ip, num, path, quoted, uuid, word)",
    ),
    (
        "pattern mapping without regex",
        replaced("[connection pool exhausted]", "[{literal: pool}]"),
        "4:12: symptoms[0]: a pattern mapping needs a 'regex' key",
    ),
    (
        "pattern mapping key misspelt",
        replaced("[connection pool exhausted]", "[{regex: pool, literl: pool}]"),
        "4:26: symptoms[0].literl: unknown key (did you mean 'literal'?)",
    ),
    (
        "empty literal",
        replaced("[connection pool exhausted]", "[{regex: pool, literal: ''}]"),
        "4:12: symptoms[0]: literal must not be empty",
    ),
    (
        "no symptoms",
        replaced("[connection pool exhausted]", "[]"),
        "4:11: symptoms: must list at least one pattern",
    ),
    (
        "symptoms as a string",
        replaced("[connection pool exhausted]", "pool exhausted"),
        "4:11: symptoms: must be a list of patterns, not string",
    ),
    (
        "only unless symptoms",
        replaced("[connection pool exhausted]", "{unless: [during shutdown]}"),
        "4:11: symptoms: needs at least one 'any' or 'all' pattern",
    ),
    (
        "symptom role misspelt",
        replaced("[connection pool exhausted]", "{any: [pool exhausted], al: [orders]}"),
        "4:35: symptoms.al: unknown key (did you mean 'all'?)",
    ),
    (
        "ftp runbook",
        BASE + "runbook: ftp://files.example.com/runbook\n",
        "6:10: runbook: link must be http(s) or a repository path: 'ftp://files.example.com/runbook'",
    ),
    (
        "javascript runbook",
        BASE + "runbook: 'javascript:alert(1)'\n",
        "6:10: runbook: link must be http(s) or a repository path: 'javascript:alert(1)'",
    ),
    (
        "file runbook",
        BASE + "runbook: 'file:///etc/passwd'\n",
        "6:10: runbook: link must be http(s) or a repository path: 'file:///etc/passwd'",
    ),
    (
        "protocol-relative runbook",
        BASE + "runbook: //evil.example.com/x\n",
        "6:10: runbook: link must be http(s) or a repository path: '//evil.example.com/x'",
    ),
    (
        "http runbook without a host",
        BASE + "runbook: 'http:/runbooks'\n",
        "6:10: runbook: malformed URL (http(s)://host/…): 'http:/runbooks'",
    ),
    ("empty file", "", "1:1: file: file is empty"),
    ("only a comment", "# nothing here\n", "1:1: file: file is empty"),
    ("a list, not a mapping", "- id: X\n", "1:1: signature: must be a mapping, not list"),
    (
        "YAML syntax error",
        "id: [INC-T\n",
        "2:1: yaml: while parsing a flow sequence expected ',' or ']', but got '<stream end>'",
    ),
    (
        "two documents",
        BASE + "---\n" + BASE,
        "6:1: yaml: expected a single document in the stream but found another document",
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in ERROR_CASES], ids=[c[0] for c in ERROR_CASES]
)
def test_each_mistake_is_one_located_error(tmp_path: Path, text: str, expected: str) -> None:
    assert only_error(tmp_path, text) == f"a.yml:{expected}"


def test_missing_fields_are_each_reported(tmp_path: Path) -> None:
    write_text(tmp_path / "sigs", "a.yml", "id: X\ntitel: t\n")
    assert load_errors(tmp_path / "sigs") == [
        "a.yml:2:1: titel: unknown key (did you mean 'title'?)",
        "a.yml:1:1: title: missing required field",
        "a.yml:1:1: severity: missing required field",
        "a.yml:1:1: symptoms: missing required field",
        "a.yml:1:1: resolution: missing required field",
    ]


# -- safe YAML -----------------------------------------------------------------------------


def test_python_tags_are_refused_and_never_run(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    text = replaced(
        "title: Test incident", f"title: !!python/object/apply:os.system ['touch {marker}']"
    )
    assert only_error(tmp_path, text) == (
        "a.yml:2:8: yaml: tags (tag:yaml.org,2002:python/object/apply:os.system) are not allowed"
    )
    assert not marker.exists()


def test_local_tags_are_refused(tmp_path: Path) -> None:
    text = replaced("title: Test incident", "title: !custom Test")
    assert only_error(tmp_path, text) == "a.yml:2:8: yaml: tags (!custom) are not allowed"


def test_anchors_and_aliases_are_refused(tmp_path: Path) -> None:
    anchor = replaced("title: Test incident", "title: &t Test incident")
    assert only_error(tmp_path, anchor) == "a.yml:2:8: yaml: anchors (&name) are not allowed"
    alias = BASE + "description: *t\n"
    assert only_error(tmp_path, alias) == "a.yml:6:14: yaml: aliases (*name) are not allowed"


def test_an_alias_bomb_is_refused_quickly(tmp_path: Path) -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(20)
    )
    assert only_error(tmp_path, bomb) == "a.yml:1:4: yaml: anchors (&name) are not allowed"


def test_duplicate_keys_are_refused(tmp_path: Path) -> None:
    text = BASE + "title: Another title\n"
    assert only_error(tmp_path, text) == "a.yml:6:1: title: duplicate key (first at line 2)"


def test_duplicate_keys_inside_a_mapping_are_refused(tmp_path: Path) -> None:
    text = BASE + "examples: {match: [a], match: [b]}\n"
    assert only_error(tmp_path, text) == "a.yml:6:24: match: duplicate key (first at line 6)"


# -- across files ----------------------------------------------------------------------------


def test_a_duplicate_id_across_files_names_both_places(tmp_path: Path) -> None:
    write_signature(tmp_path / "sigs", signature_fields("INC-1"), "a.yml")
    write_signature(tmp_path / "sigs" / "more", signature_fields("INC-1", title="Other"), "b.yml")
    assert load_errors(tmp_path / "sigs") == [
        "more/b.yml:1:5: id: duplicate id 'INC-1' (first defined at a.yml:1:5)"
    ]


def test_all_errors_of_a_directory_are_reported_together(tmp_path: Path) -> None:
    sigs = tmp_path / "sigs"
    write_signature(sigs, signature_fields("GOOD"), "0-good.yml")
    write_text(sigs, "1-id.yml", replaced("id: INC-T", "id: 0123"))
    write_text(sigs, "2-key.yml", replaced("id: INC-T", "id: B") + "sevrity: low\n")
    write_text(
        sigs / "sub",
        "3-regex.yml",
        replaced("id: INC-T", "id: C").replace(
            "[connection pool exhausted]", "[{regex: '(unclosed'}]"
        ),
    )
    write_text(sigs, "4-yaml.yml", "id: [D\n")
    assert load_errors(sigs) == [
        "1-id.yml:1:5: id: must be a string, not integer '0123' (quote it)",
        "2-key.yml:6:1: sevrity: unknown key (did you mean 'severity'?)",
        "4-yaml.yml:2:1: yaml: while parsing a flow sequence expected ',' or ']',"
        " but got '<stream end>'",
        "sub/3-regex.yml:4:12: symptoms[0]: regex does not compile: missing ) at position 9",
    ]


def test_a_file_that_is_not_utf8_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "sigs").mkdir()
    (tmp_path / "sigs" / "a.yml").write_bytes(b"id: X\ntitle: caf\xe9\n")
    assert load_errors(tmp_path / "sigs") == ["a.yml:1:1: file: not UTF-8 (byte 16)"]


def test_a_missing_signature_path_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(SignatureError) as caught:
        matcher.load_signatures([tmp_path / "nowhere.yml"])
    assert [str(p) for p in caught.value.problems] == [
        f"{tmp_path}/nowhere.yml:1:1: file: no such file"
    ]


# -- through the CLI: exit 2, one line per error, nothing scanned -------------------------


def test_cli_reports_every_error_on_stderr_and_scans_nothing(tmp_path: Path) -> None:
    sigs = tmp_path / "sigs"
    write_signature(sigs, INC_002)
    write_text(sigs, "bad-id.yml", replaced("id: INC-T", "id: 0123"))
    write_text(
        sigs, "bad-runbook.yml", replaced("id: INC-T", "id: R") + "runbook: ftp://x.example/r\n"
    )
    log = write_text(tmp_path, "app.log", EMAIL_LINE + "\n")
    result = run_cli(["scan", "-s", str(sigs), str(log)])
    assert result.exit_code == 2
    assert result.stdout == ""
    errors = [line for line in result.stderr_lines if ERROR_LINE.match(line)]
    assert [e.replace(f"{sigs}/", "") for e in errors] == [
        "bad-id.yml:1:5: id: must be a string, not integer '0123' (quote it)",
        "bad-runbook.yml:6:10: runbook: link must be http(s) or a repository path: 'ftp://x.example/r'",
    ]
    assert result.stderr_lines[-1] == "matcher: 2 signature error(s); nothing scanned"


def test_matcher_test_also_exits_2_on_signature_errors(tmp_path: Path) -> None:
    write_text(tmp_path / "sigs", "a.yml", BASE + "titel: x\n")
    result = run_cli(["test", "-s", str(tmp_path / "sigs"), "--samples", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr_lines[0].endswith("a.yml:6:1: titel: unknown key (did you mean 'title'?)")


def test_signature_paths_are_repeatable_files_or_directories(tmp_path: Path) -> None:
    one = write_signature(tmp_path / "one", INC_001)
    two = tmp_path / "two"
    write_signature(two / "nested", INC_002)
    log = write_text(tmp_path, "app.log", f"{POOL_LINE}\n{EMAIL_LINE}\n")
    result = run_cli(["scan", "-s", str(one), "--signatures", str(two), "-f", "json", str(log)])
    assert result.exit_code == 1
    assert [f["incident"] for f in json_findings(result.stdout)] == ["INC-2024-001", "INC-2024-002"]


def test_signatures_default_to_the_environment_then_dot_signatures(
    in_tmp_cwd: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_signature(in_tmp_cwd / "signatures", INC_001)
    write_signature(in_tmp_cwd / "elsewhere", INC_002)
    log = write_text(in_tmp_cwd, "app.log", f"{POOL_LINE}\n{EMAIL_LINE}\n")
    by_default = run_cli(["scan", "-f", "json", str(log)])
    assert [f["incident"] for f in json_findings(by_default.stdout)] == ["INC-2024-001"]
    monkeypatch.setenv("MATCHER_SIGNATURES", str(in_tmp_cwd / "elsewhere"))
    from_env = run_cli(["scan", "-f", "json", str(log)])
    assert [f["incident"] for f in json_findings(from_env.stdout)] == ["INC-2024-002"]


def test_no_signatures_at_all_is_a_usage_error(in_tmp_cwd: Path) -> None:
    (in_tmp_cwd / "signatures").mkdir()
    result = run_cli(["scan"], input=EMAIL_LINE + "\n")
    assert result.exit_code == 2
    assert result.stderr_lines == ["matcher: no signatures found in signatures"]
    assert result.stdout == ""


def test_a_missing_signatures_directory_is_an_error(in_tmp_cwd: Path) -> None:
    result = run_cli(["scan", "-s", "missing"], input=EMAIL_LINE + "\n")
    assert result.exit_code == 2
    assert result.stderr_lines[0] == "missing:1:1: file: no such file"


def test_core_signatures_load(core_signatures: Path) -> None:
    assert [s.id for s in matcher.load_signatures([core_signatures])] == [
        INC_001["id"],
        INC_002["id"],
    ]
