"""An e-mail thread pasted whole (`RE: RE: [Postmortem draft] …`): each reply quotes the one
before it a level deeper (`> > > **INC-7 - …**`), so the write-up sits under three `>` marks
and its corrections in the replies above it. Such a thread is read with its quote marks taken
off: every message is text of the log, the newest first. docs/incident-log-format.md ("Twenty-
first round", **An e-mail thread**) says the rule."""

from __future__ import annotations

import re

from matcher.incidents.headings import INCIDENT_ID

_QUOTE = re.compile(r"^[ \t]*>(?:[ \t]?>)*[ \t]?")
# A quoted message's header, as Outlook and Gmail paste it: `**From:** Priya <…>`, `Sent: …`
_HEADER = re.compile(
    r"^(?:\*\*|__)?(From|Sent|Date|To|Cc|Bcc|Reply-To|Subject|Importance|Attachments|Von|An"
    r"|Gesendet|Betreff|De|Envoyé|Objet|Asunto|Enviado|Para|Oggetto|Inviato|Van|Verzonden"
    r"|Onderwerp)(?:\*\*|__)?:"
)
# (... or a client's one-line attribution: `On Fri, 4 Dec 2026 at 14:03, Marco <…> wrote:`)
_WROTE = re.compile(r"(?i)\b(?:wrote|schrieb|a écrit|escribió|scrisse|schreef):\s*$")
# A line of the quoted text that opens an incident: `**INC-7 - Title**`, `## INC-7: …`
_OPENS = re.compile(rf"^(?:#{{1,6}}[ \t]+|\*\*|__)\[?{INCIDENT_ID}\b")


def thread_unquoted(text: str) -> str:
    """The log with its quote marks and its messages' headers taken off when it is an e-mail
    thread whose quoted messages hold incidents; else as it is. The line count is kept."""
    lines = text.split("\n")
    quoted = [(at, m) for at, line in enumerate(lines) if (m := _QUOTE.match(line))]
    if not quoted:
        return text
    inner = [lines[at][m.end() :] for at, m in quoted]
    headers = {h[1].lower() for line in inner if (h := _HEADER.match(line))}
    attributed = any(_WROTE.search(lines[at - 1]) for at, _ in quoted if at)
    mail = ("from" in headers and len(headers) >= 3) or attributed
    if not mail or not any(_OPENS.match(line) for line in inner):
        return text
    for (at, _), line in zip(quoted, inner, strict=True):
        lines[at] = line
    # (a message's header says who sent it when: no field of an incident)
    return "\n".join("" if _HEADER.match(line) else line for line in lines)
