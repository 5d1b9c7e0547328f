"""Ansible's output pasted in a code block: a playbook run (`TASK [restart gateway] ****`,
`fatal: [web-1]: FAILED! => {"msg": "non-zero return code", "stderr_lines": [...]}`,
`...ignoring`, `PLAY RECAP`), a task result as JSON on its line, pretty-printed (`-v`) or in
the YAML callback's layout (`fatal: [web-1]: FAILED! =>` then indented `stderr: |-` and
`stderr_lines:` lines). The log text is what the task's command printed: a failed result's
stderr lines (its stdout's when stderr says nothing), each read as a pasted log line is; a
result that went well (`ok:`, `changed:`) only for the lines it shows that say something
failed (a `tail` of an error log, a `debug` of the journal). Ansible's own lines (the
TASK/PLAY/RECAP heads, `ok: [web-1]`, the warnings) and a failed module's own account in
`msg` (`non-zero return code`, `Status code was 503 and not [200]: ...`) never are.
docs/incident-log-format.md ("Code blocks") says the rule."""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Callable, Iterator, Sequence

import yaml

# A host's result: `fatal: [web-1]: FAILED! => {...}`, `failed: [web-1] (item=a) => {...}`,
# `ok: [web-1]`, `changed: [web-1 -> localhost] =>` (then the YAML callback's lines).
_RESULT = re.compile(
    r"^(?P<indent>\s*)(?P<status>fatal|failed|ok|changed|skipping|unreachable):"
    r" \[[^\]\s][^\]]*\](?P<rest>.*)$"
)
_HEAD = re.compile(r"^\s*(?:PLAY|TASK|RUNNING HANDLER|PLAY RECAP)\b.*\*{3,}\s*$")
_FAILED = frozenset({"fatal", "failed", "unreachable"})
# The fields of a result that a JSON cut by the author (`"stderr_lines": ["...", ...`) still
# gives, string by string.
_OUTPUTS = ("stderr_lines", "stderr", "stdout_lines", "stdout", "msg")


def ansible_texts(
    lines: Sequence[str],
    block: Callable[[Sequence[str]], list[str]],
    says_failed: Callable[[str], object],
) -> list[str] | None:
    """The log texts of a code block of Ansible's output, or None when it is not one. `block`
    reads an output's lines as a code block (blocks.code_log_texts); `says_failed` tells a
    line that says something failed (an error word, an exception class)."""
    results = [m for m in map(_RESULT.match, lines) if m]
    # (an `ok: [...]` line alone could be anyone's: a task's head or its data must be there)
    if not results or not (any(map(_HEAD.match, lines)) or any("=>" in m["rest"] for m in results)):
        return None
    texts: list[str] = []
    for status, result in _results(lines):
        texts.extend(_texts(result, status in _FAILED, block, says_failed))
    return texts


def _results(lines: Sequence[str]) -> Iterator[tuple[str, dict[str, object]]]:
    """Each result of the block that carries data, with its status."""
    at = 0
    while at < len(lines):
        found = _RESULT.match(lines[at])
        at += 1
        rest = found["rest"].rstrip() if found else ""
        data: object = None
        if not found or "=>" not in rest:
            continue
        if rest.endswith("=> {"):  # pretty-printed (`-v`): up to its brace at the line's indent
            start = at
            while at < len(lines) and lines[at].rstrip() != found["indent"] + "}":
                at += 1
            at += 1
            data = _json("{\n" + "\n".join(lines[start:at]))
        elif "=> {" in rest:
            data = _json(rest[rest.index("=> {") + 3 :])
        elif rest.endswith("=>"):  # the YAML callback: the lines indented under it
            start, indent = at, len(found["indent"])
            while at < len(lines) and (
                not lines[at].strip() or len(lines[at]) - len(lines[at].lstrip()) > indent
            ):
                at += 1
            try:
                data = yaml.safe_load(textwrap.dedent("\n".join(lines[start:at])))
            except yaml.YAMLError:
                data = None  # (cut by the author: nothing of it can be told apart)
        if isinstance(data, dict):
            yield found["status"], data


def _json(text: str) -> object:
    """A result's JSON, or what a cut one still gives of its output fields."""
    try:
        return json.loads(text)
    except ValueError:
        pass
    decoder, salvaged = json.JSONDecoder(), {}
    for key in _OUTPUTS:
        at = text.find(f'"{key}": ')
        if at < 0:
            continue
        at += len(key) + 4
        try:
            salvaged[key] = decoder.raw_decode(text, at)[0]
            continue
        except ValueError:
            pass
        strings: list[object] = []
        at += 1 if text[at : at + 1] == "[" else len(text)  # (a cut string says nothing whole)
        while at < len(text):
            while text[at : at + 1] in (" ", "\n", ","):
                at += 1
            try:
                value, at = decoder.raw_decode(text, at)
            except ValueError:
                break
            strings.append(value)
        salvaged[key] = strings
    return salvaged


def _texts(
    result: dict[str, object],
    failed: bool,
    block: Callable[[Sequence[str]], list[str]],
    says_failed: Callable[[str], object],
) -> list[str]:
    """The log texts of one result: a failed one's command output, a good one's failures."""
    loop = result.get("results")
    if isinstance(loop, list):  # a loop's items: each a result of its own
        items = [item for item in loop if isinstance(item, dict)]
        return [t for i in items for t in _texts(i, bool(i.get("failed")), block, says_failed)]
    if failed:
        # a failed command states its error on stderr; `msg` is the module's account of it
        for name in ("stderr", "stdout"):
            texts = block(lines) if (lines := _output(result, name)) else []
            if texts:
                return texts
        return []
    # a task that went well shows lines (a `tail`, a `debug`): an error only if they say so
    names = ("stderr", "stdout", "msg")
    shown = [lines for name in names if (lines := _output(result, name))]
    return [t for lines in shown for t in block(lines) if says_failed(t)]


def _output(result: dict[str, object], name: str) -> list[str]:
    """A result's output as lines: its `_lines` list when it has one (not the YAML callback's
    `<omitted>`, not one cut empty), else the text split on its newlines."""
    for value in (result.get(f"{name}_lines"), result.get(name)):
        if isinstance(value, list) and value:  # (a cut JSON's list may have lost every string)
            return [str(line) for line in value if isinstance(line, (str, int, float))]
        if isinstance(value, str) and value != "<omitted>":
            return value.splitlines()
    return []
