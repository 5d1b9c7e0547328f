"""Load signature files (YAML, one incident per file) into validated ``Signature`` records.

Every problem of every file is collected and raised together as one ``SignatureError``, each
naming ``file:line:column: field``.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from matcher.errors import Problem, SignatureError
from matcher.model import (
    SEVERITY_NAMES,
    Examples,
    Role,
    Severity,
    Signature,
    SourceLocation,
    Status,
    Symptom,
)
from matcher.rules.checks import pattern_problem, runbook_problem
from matcher.rules.files import decode_signature_files, read_signature_files
from matcher.rules.yamlsafe import BOOL, STR, TIMESTAMP, Key, Node, load_yaml
from matcher.vocabulary import DRAFT_MARK, DRAFT_PROBLEM, ID_PATTERN

REQUIRED = ("id", "title", "severity", "symptoms", "resolution")
OPTIONAL = (
    "services",
    "date",
    "description",
    "root_cause",
    "action_items",
    "runbook",
    "status",
    "tags",
    "retryable",
    "examples",
)
T = TypeVar("T")


def load_signatures(paths: Iterable[str | os.PathLike[str]]) -> list[Signature]:
    """Load and validate every signature under ``paths``; raise ``SignatureError`` listing all
    problems (of every file) if there is any."""
    problems: list[Problem] = []
    texts = decode_signature_files(read_signature_files(paths, problems), problems)
    signatures = parse_signature_texts(texts, problems)
    if problems:
        raise SignatureError(problems)
    return signatures


def parse_signature_texts(
    texts: Sequence[tuple[str, str]], problems: list[Problem] | None = None
) -> list[Signature]:
    """Parse (path, YAML text) pairs. With ``problems`` given, problems are appended there and
    the valid signatures returned; without, the first problem raises ``SignatureError``."""
    collected: list[Problem] = [] if problems is None else problems
    signatures: list[Signature] = []
    seen: dict[str, SourceLocation] = {}
    for path, text in texts:
        root, yaml_problems = load_yaml(text, path)
        collected.extend(yaml_problems)
        if root is None:
            if not yaml_problems:
                collected.append(Problem(SourceLocation(path, 1, 1), "file", "file is empty"))
            continue
        sig = _SignatureReader(root, path, collected).read()
        if sig is None:
            continue
        if sig.id in seen:
            first = seen[sig.id]
            collected.append(
                Problem(sig.location, "id", f"duplicate id {sig.id!r} (first defined at {first})")
            )
            continue
        seen[sig.id] = sig.location
        signatures.append(sig)
    if problems is None and collected:
        raise SignatureError(collected)
    return signatures


def _os_reason(exc: BaseException) -> str:
    if isinstance(exc, UnicodeDecodeError):
        return f"not UTF-8 (byte {exc.start})"
    return getattr(exc, "strerror", None) or str(exc)


class _SignatureReader:
    """Reads one YAML document; every wrong field becomes a Problem, never an exception."""

    def __init__(self, root: Node, path: str, problems: list[Problem]) -> None:
        self.root = root
        self.path = path
        self.problems = problems
        self.before = len(problems)

    def fail(self, where: SourceLocation, field: str, message: str) -> None:
        self.problems.append(Problem(where, field, message))

    def read(self) -> Signature | None:
        if not isinstance(self.root.value, dict):
            self.fail(self.root.location, "signature", f"must be a mapping, not {self.root.kind}")
            return None
        fields: dict[str, tuple[Key, Node]] = self.root.value
        self._check_keys(fields, REQUIRED + OPTIONAL, "")
        for name in REQUIRED:
            if name not in fields:
                self.fail(self.root.location, name, "missing required field")
        sig_id = self._field(fields, "id", self._identifier)
        title = self._field(fields, "title", self._text)
        severity = self._field(fields, "severity", self._severity)
        symptoms = self._field(fields, "symptoms", self._symptoms)
        resolution = self._field(fields, "resolution", self._resolution)
        optional = {
            "services": self._field(fields, "services", self._string_list),
            "date": self._field(fields, "date", self._date),
            "description": self._field(fields, "description", self._text),
            "root_cause": self._field(fields, "root_cause", self._text),
            "action_items": self._field(fields, "action_items", self._string_list),
            "runbook": self._field(fields, "runbook", self._runbook),
            "status": self._field(fields, "status", self._status),
            "tags": self._field(fields, "tags", self._string_list),
            "retryable": self._field(fields, "retryable", self._bool),
            "examples": self._field(fields, "examples", self._examples),
        }
        if len(self.problems) > self.before:
            return None
        assert sig_id and title and severity is not None and symptoms and resolution
        given = {k: v for k, v in optional.items() if v is not None}
        return Signature(
            id=sig_id,
            title=title,
            severity=severity,
            symptoms=symptoms,
            resolution=resolution,
            location=fields["id"][1].location,
            **given,  # type: ignore[arg-type]
        )

    def _check_keys(
        self, fields: dict[str, tuple[Key, Node]], allowed: Sequence[str], at: str
    ) -> None:
        for name, (key, _) in fields.items():
            if name not in allowed:
                close = difflib.get_close_matches(name, allowed, n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                where = f"{at}{name}"
                self.fail(key.location, where, f"unknown key{hint}")

    def _field(
        self, fields: dict[str, tuple[Key, Node]], name: str, read: Callable[[Node, str], T]
    ) -> T | None:
        if name not in fields:
            return None
        return read(fields[name][1], name)

    def _string(self, node: Node, field: str) -> str | None:
        if node.tag != STR or not isinstance(node.value, str):
            shown = f" {node.value!r}" if isinstance(node.value, str) else ""
            self.fail(node.location, field, f"must be a string, not {node.kind}{shown} (quote it)")
            return None
        return node.value

    def _text(self, node: Node, field: str) -> str | None:
        value = self._string(node, field)
        if value is not None and not value.strip():
            self.fail(node.location, field, "must not be empty")
            return None
        return value

    def _resolution(self, node: Node, field: str) -> str | None:
        value = self._text(node, field)
        if value is not None and DRAFT_MARK in value:
            # `matcher suggest` wrote it: a finding must never show a placeholder as the fix
            self.fail(
                node.location,
                field,
                f"{DRAFT_PROBLEM}: replace the {DRAFT_MARK} line with what fixed the failure",
            )
            return None
        return value

    def _identifier(self, node: Node, field: str) -> str | None:
        value = self._text(node, field)
        if value is not None and not ID_PATTERN.match(value):
            self.fail(node.location, field, f"{value!r} is not a valid id (letters, digits, ._:/-)")
            return None
        return value

    def _severity(self, node: Node, field: str) -> Severity | None:
        value = self._string(node, field)
        if value is None:
            return None
        if value not in SEVERITY_NAMES:
            close = difflib.get_close_matches(value.lower(), SEVERITY_NAMES, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            self.fail(
                node.location, field, f"{value!r} is not one of {', '.join(SEVERITY_NAMES)}{hint}"
            )
            return None
        return Severity.parse(value)

    def _status(self, node: Node, field: str) -> Status | None:
        value = self._string(node, field)
        if value is None:
            return None
        try:
            return Status(value)
        except ValueError:
            self.fail(node.location, field, f"{value!r} is not one of open, resolved")
            return None

    def _bool(self, node: Node, field: str) -> bool | None:
        if node.tag != BOOL:
            self.fail(node.location, field, f"must be true or false, not {node.kind}")
            return None
        return str(node.value).lower() in ("true", "yes", "on", "y")

    def _date(self, node: Node, field: str) -> str | None:
        if node.tag in (STR, TIMESTAMP) and isinstance(node.value, str) and node.value.strip():
            return node.value
        self.fail(node.location, field, f"must be a date string, not {node.kind}")
        return None

    def _runbook(self, node: Node, field: str) -> str | None:
        value = self._text(node, field)
        if value is None:
            return None
        problem = runbook_problem(value.strip())
        if problem:
            self.fail(node.location, field, f"{problem}: {value!r}")
            return None
        return value.strip()

    def _string_list(self, node: Node, field: str) -> tuple[str, ...] | None:
        if node.tag == STR:  # a single string is a list of one
            value = self._text(node, field)
            return None if value is None else (value,)
        if not isinstance(node.value, list):
            self.fail(node.location, field, f"must be a list of strings, not {node.kind}")
            return None
        items = [self._text(item, f"{field}[{i}]") for i, item in enumerate(node.value)]
        return tuple(i for i in items if i is not None)

    def _examples(self, node: Node, field: str) -> Examples | None:
        if not isinstance(node.value, dict):
            self.fail(
                node.location, field, f"must be a mapping with match/no_match, not {node.kind}"
            )
            return None
        self._check_keys(node.value, ("match", "no_match"), f"{field}.")
        match = self._field(node.value, "match", lambda n, f: self._string_list(n, f"{field}.{f}"))
        no_match = self._field(
            node.value, "no_match", lambda n, f: self._string_list(n, f"{field}.{f}")
        )
        return Examples(match or (), no_match or ())

    def _symptoms(self, node: Node, field: str) -> tuple[Symptom, ...] | None:
        if isinstance(node.value, list):
            if not node.value:
                self.fail(node.location, field, "must list at least one pattern")
            return tuple(self._symptom_list(node, field, Role.ANY))
        if not isinstance(node.value, dict):
            self.fail(node.location, field, f"must be a list of patterns, not {node.kind}")
            return None
        self._check_keys(node.value, [r.value for r in Role], f"{field}.")
        symptoms: list[Symptom] = []
        for role in Role:
            if role.value in node.value:
                symptoms += self._symptom_list(node.value[role.value][1], f"{field}.{role}", role)
        lists = [
            node.value[r.value][1].value for r in (Role.ANY, Role.ALL) if r.value in node.value
        ]
        # A list of the wrong type was reported already; otherwise one must hold a pattern.
        if all(isinstance(v, list) for v in lists) and not any(lists):
            self.fail(node.location, field, "needs at least one 'any' or 'all' pattern")
        return tuple(symptoms)

    def _symptom_list(self, node: Node, field: str, role: Role) -> list[Symptom]:
        if not isinstance(node.value, list):
            self.fail(node.location, field, f"must be a list of patterns, not {node.kind}")
            return []
        out = []
        for i, item in enumerate(node.value):
            symptom = self._symptom(item, f"{field}[{i}]", role)
            if symptom is not None:
                out.append(symptom)
        return out

    def _symptom(self, node: Node, field: str, role: Role) -> Symptom | None:
        if isinstance(node.value, dict) and "text" in node.value:
            return self._text_symptom(node, field, role)
        if isinstance(node.value, dict):
            self._check_keys(node.value, ("regex", "literal"), f"{field}.")
            if "regex" not in node.value:
                self.fail(node.location, field, "a pattern mapping needs a 'regex' key")
                return None
            text = self._string(node.value["regex"][1], f"{field}.regex")
            literal = self._field(
                node.value, "literal", lambda n, f: self._string(n, f"{field}.{f}")
            )
            where = node.value["regex"][1].location
            symptom = Symptom(text or "", where, is_regex=True, role=role, literal=literal)
            if text is None:
                return None
        else:
            text = self._string(node, field)
            if text is None:
                return None
            symptom = Symptom(text, node.location, role=role)
        return symptom if self._check_pattern(symptom, node.location, field) else None

    def _text_symptom(self, node: Node, field: str, role: Role) -> Symptom | None:
        """`{text: '…', stands: true}`: a text symptom whose message must stand as an error."""
        self._check_keys(node.value, ("text", "stands"), f"{field}.")
        text = self._string(node.value["text"][1], f"{field}.text")
        stands = self._field(node.value, "stands", lambda n, f: self._bool(n, f"{field}.{f}"))
        if text is None:
            return None
        where = node.value["text"][1].location
        symptom = Symptom(text, where, role=role, stands=bool(stands))
        return symptom if self._check_pattern(symptom, where, field) else None

    def _check_pattern(self, symptom: Symptom, where: SourceLocation, field: str) -> bool:
        problem = pattern_problem(symptom)
        if problem is not None:
            self.fail(where, field, problem)
        return problem is None
