"""A review call's transcript with no `NOTE` markers, whose turns say the incident ids (`First
one is INC-7, …`), with Zoom's chat kept where it was posted (`00:02:36 From Dana to Everyone:`
over the pasted lines): matcher.incidents.transcripts and call_chat, docs/incident-log-format.md
("Twenty-eighth round", **A call's transcript that says the ids**)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from matcher.cli.main import cli
from matcher.errors import IncidentLogError
from matcher.incidents.dialects import as_markdown
from matcher.incidents.reader import compile_incident_log

CALL = """# Incident review call — Platform, Tue Dec 8

Zoom recording, auto captions cleaned up by the facilitator. Covers INC-PM-1 to INC-PM-2.

WEBVTT

1
00:00:04.210 --> 00:00:11.880
Grace Mwangi: Okay, recording is on. First one is INC-PM-1, the importer running out of disk. Sam?

2
00:00:12.300 --> 00:00:24.950
Sam Oduya: Yeah. The volume filled up and the dump died with OSError errno 28, no space left.
I'll paste it.

00:00:26 From Sam Oduya to Everyone:
Traceback (most recent call last):
  File "/app/backup.py", line 41, in dump
    out.write(chunk)
OSError: [Errno 28] No space left on device
...
cp: error writing '/backup/nightly/app.bin': No space left on device

3
00:00:30.010 --> 00:00:42.660
Dana Ito: There's also "pool stats: 12 idle, 0 waiting" every minute.
Those aren't errors, that's the pool's own report.

4
00:01:10.520 --> 00:01:18.770
Grace Mwangi: Next, INC-PM-2, the Redis one. Marco?

5
00:01:19.100 --> 00:01:34.980
Marco Rossi: The flags cache refused connections. Reading it off the log, it's redis dot
exceptions dot ConnectionError, error one-eleven connecting to redis colon six three seven
nine, connection refused.

00:01:36 From Marco Rossi to Everyone:
redis.exceptions.ConnectionError: Error 111 connecting to redis:6379. Connection refused.

00:01:40 From Grace Mwangi to Everyone:
thanks, adding it to the doc

00:01:41 From Marco Rossi to Everyone:
	Reacted to "thanks, adding it to the doc" with \U0001f44d

6
00:01:42.300 --> 00:01:51.200
Grace Mwangi: Okay, that's both. Thanks all.

## Action items

- INC-PM-1 — Sam: grow the backup volume; alert on "disk check failed".
- INC-PM-2 — Marco: retry the flags cache with backoff.

Marco Rossi: INC-PM-3, the flags cache retry, is the follow-up ticket.
"""

NO_SPACE = "OSError: [Errno 28] No space left on device"
CP = "cp: error writing '<path>': No space left on device"
REDIS = "redis.exceptions.ConnectionError: Error 111 connecting to <host>:<port:int>"


def _incidents(text: str) -> dict[str, tuple[str, tuple[str, ...]]]:
    log = compile_incident_log(text, "call.md")
    assert not log.problems
    return {found.id: (found.title, found.symptoms) for found in log.incidents}


def test_each_turn_that_says_a_new_id_opens_that_incident() -> None:
    found = _incidents(CALL)
    assert list(found) == ["INC-PM-1", "INC-PM-2"]
    # (the title is what the turn says beside the id, not the name called to speak next)
    assert found["INC-PM-1"][0] == "the importer running out of disk"
    assert found["INC-PM-2"][0] == "the Redis one"


def test_a_chat_paste_is_log_text_and_a_line_set_aside_is_dropped() -> None:
    symptoms = _incidents(CALL)["INC-PM-1"][1]
    # (each pasted line is a symptom; the traceback's frame and source line are none; the pool
    # report Dana quotes is set aside by her own turn)
    assert symptoms == (NO_SPACE, CP)


def test_an_error_read_aloud_is_prose_and_the_paste_under_it_the_symptom() -> None:
    symptoms = _incidents(CALL)["INC-PM-2"][1]
    assert symptoms[0].startswith(REDIS)
    # (`redis dot exceptions dot ConnectionError, error one-eleven …` is no log text, the chat's
    # `thanks, adding it to the doc` is prose, no paste, and Zoom's reaction to it is no text)
    assert not [s for s in symptoms if "one-eleven" in s or "thanks" in s]
    assert len(symptoms) == 1


def test_action_items_after_the_call_open_nothing_and_hold_no_symptom() -> None:
    # (the write-up after the call is no turn of it: `Marco Rossi: INC-PM-3, …` opens nothing)
    found = _incidents(CALL)
    assert list(found) == ["INC-PM-1", "INC-PM-2"]
    assert not [s for _, symptoms in found.values() for s in symptoms if "disk check" in s]


def test_the_markdown_keeps_the_line_count_and_the_id_is_a_heading() -> None:
    markdown = as_markdown(CALL)
    assert len(markdown.split("\n")) == len(CALL.split("\n"))
    assert "## INC-PM-1: the importer running out of disk" in markdown.split("\n")
    # (the pasted line is code, under its author's item)
    assert f"  `{NO_SPACE}`" in markdown.split("\n")


@pytest.mark.parametrize(
    "said",
    [
        "Back to INC-PM-1 for a second.",  # (said again)
        "The disk one was like INC-PM-9 last spring.",  # (in passing)
        'The runbook says "INC-PM-9 checklist" on top.',  # (in quotes)
    ],
)
def test_an_id_said_again_or_in_passing_opens_nothing(said: str) -> None:
    text = CALL.replace("Okay, that's both.", f"{said} Okay, that's both.")
    assert list(_incidents(text)) == ["INC-PM-1", "INC-PM-2"]


def test_an_id_on_a_turns_wrapped_line_opens_it_too() -> None:
    text = CALL.replace("Next, INC-PM-2, the Redis one.", "Next one is\nINC-PM-2, the Redis one.")
    text = text.replace("First one is INC-PM-1, the", "First one is the")
    assert list(_incidents(text)) == ["INC-PM-2"]


def test_a_transcript_whose_turns_say_no_id_is_left_as_it_is() -> None:
    # (the same call with its ids said is read; without them there is nothing to open)
    assert _incidents(CALL)
    text = CALL.replace("INC-PM-1, ", "").replace("INC-PM-2, ", "")
    text = text.split("## Action items")[0]
    assert as_markdown(text) == text
    with pytest.raises(IncidentLogError):
        compile_incident_log(text, "call.md")


@pytest.mark.parametrize(
    "header",
    [
        "00:00:26\t From  Sam Oduya  to  Everyone : OSError: [Errno 28] No space left on device",
        "00:00:26 From Sam Oduya to Me (Direct Message): OSError: [Errno 28] No space left on"
        " device",
        "00:00:26\tSam Oduya:\tOSError: [Errno 28] No space left on device",
    ],
)
def test_zoom_chat_with_its_text_on_the_header_line(header: str) -> None:
    text = CALL.replace(
        "00:00:26 From Sam Oduya to Everyone:\nOSError: [Errno 28] No space left on device",
        header,
    )
    assert NO_SPACE in _incidents(text)["INC-PM-1"][1]


def test_teams_voice_spans_and_cue_identifiers() -> None:
    text = (
        "# Review call\n\nWEBVTT\n\n"
        "6b1f0c3e-2d4a-4f55-9f0e-1a2b3c4d5e6f/12-0\n00:00:04.210 --> 00:00:11.880\n"
        "<v Grace Mwangi>First one is INC-PM-3, the upload limit.</v>\n\n"
        "6b1f0c3e-2d4a-4f55-9f0e-1a2b3c4d5e6f/13-0\n00:00:12.300 --> 00:00:24.950\n"
        '<v Jean-Luc Tremblay>nginx logged "client intended to send too large body:\n'
        '1572864 bytes" for every photo.</v>\n'
    )
    title, symptoms = _incidents(text)["INC-PM-3"]
    assert title == "the upload limit"
    assert "/12-0" not in as_markdown(text)  # (a cue's identifier, no text of the call)
    assert symptoms == ("client intended to send too large body: <bytes:datasize>",)


def test_the_cli_compiles_the_call(tmp_path: Path) -> None:
    md = tmp_path / "call.md"
    md.write_text(CALL, "utf-8")
    out = tmp_path / "sigs"
    result = CliRunner().invoke(cli, ["compile", str(md), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "2 incident(s)" in result.output
