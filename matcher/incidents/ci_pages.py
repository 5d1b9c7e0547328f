"""A CI service's or an infrastructure service's run page pasted: a Codefresh build (its step
list `db_ping ✗ 3s`, its runner's `[SYSTEM]` lines and error table, `Executing command: …`) and
an HCP Terraform run (its header `Run run-AbC123 · Triggered via UI · Errored`, its plan's diff,
the `│` box round a diagnostic, a provisioner's prefix before the lines the remote script
printed). The runner's and Terraform's lines say how the run went and what it changed, never
what the program logged; the program's lines stay. docs/incident-log-format.md
("Thirty-ninth round") says the rules."""

from __future__ import annotations

import re
from collections.abc import Sequence

# A step list's row, inline or in a block: the step's name, a mark of how it ended and how long
# it ran (`main_clone ✓ 4s`, `integration_tests ✗ 1m 52s`, `post_checks ⊘ skipped`)
STEP_ROW = re.compile(
    r"^\s*[\w.-]+\s+[\u2713\u2714\u2717\u2718\u2716\u2298\u25cb\u23f8]\s+"
    r"(?:(?:\d+h\s*)?(?:\d+m\s*)?\d+(?:\.\d+)?s|skipped|pending|terminated|running)\s*$"
)

# Codefresh's runner, before and after a step's command: which step and image, the command, its
# environment export, how the step ended (`[SYSTEM]` and its table: `Message`, `Caused by`,
# `Exit code`, `Name NonZeroExitCodeError`), and a bare exit status any runner prints
_RUNNER = re.compile(
    r"^\s*(?:\[SYSTEM\](?:\s.*)?|Running (?:freestyle|build|push|git-clone|composition) step:\s.*"
    r"|Pulling image \S+|Executing command:\s.*|Reading environment variable exporting file"
    r" contents\.?|Successfully ran freestyle step:\s.*|Exit code:?\s+-?\d+"
    r"|(?:Process |Container |Step |Command )?exited with (?:code|status) -?\d+\.?)\s*$"
)
_ERROR_TABLE = re.compile(
    r"^\s+(?:Message|Caused by|Exit code|Name|Documentation Link|Reason|Stack)\s{2,}\S"
)

# An HCP Terraform run's page: its header and who triggered it, how each stage ended
_RUN_HEADER = re.compile(r"^\s*Run run-[A-Za-z0-9]{8,}\s+\u00b7\s")
_RUN_OWN = re.compile(
    r"^\s*(?:Run run-[A-Za-z0-9]{8,}\s+\u00b7\s.*|\S+ triggered a run from (?:UI|VCS|API|CLI)\b.*"
    r"|(?:Plan|Apply) (?:finished|errored|queued|running|canceled|discarded|pending)\b.*"
    r"|Cost estimation\b.*|Policy check (?:passed|soft failed|hard failed|failed|errored"
    r"|overridden|pending)\b.*"
    # the plan's diff: a resource's change, its attributes' old and new values, their closing
    # brackets and Terraform's comments (`# (5 unchanged attributes hidden)`)
    r"|(?:[~+-]|-/\+|\+/-)\s+\S.*|[}\])],?|#\s.*|\"[^\"]*\",?"
    # what Terraform says of a resource and of a provisioner's connection
    r"|[\w.\[\]\"-]+: (?:Provisioning with|Creating|Modifying|Destroying|Still \w+|Creation"
    r" complete|Modifications complete|Destruction complete|Refreshing state)\b.*"
    r"|Terraform (?:will perform|used the selected)\b.*|Plan: \d+ to add\b.*"
    r"|Apply complete! Resources:.*|No changes\. .*)\s*$"
)
# What a provisioner's script printed, after the resource and the provisioner Terraform names
# before each line (`terraform_data.smoke (remote-exec): `): the line is the script's
_PROVISIONER = re.compile(r"^\s*[\w.\[\]\"-]+ \((?:remote-exec|local-exec)\): ?")
_CONNECTION = re.compile(
    r"^(?:Connecting to remote host via \w+\.*|Connected!|(?:Host|User|Password|Private key"
    r"|Certificate|SSH Agent|Checking Host Key|Target Platform):.*)\s*$"
)
# The box round a diagnostic: its corners, and in it where the error is in the configuration
# (`with terraform_data.smoke,`, `on smoke.tf line 14, in resource …:`, the source line)
_BOX = re.compile(r"^\s*[\u2577\u2575\u2502]\s?")
_WHERE = re.compile(r"^\s*(?:with \S+,|on \S+\.tf(?:\.json)? line \d+.*|\d+:\s.*)\s*$")
# ... and a provisioner's error, whose box only says that the script the lines above came from
# exited (`Error: remote-exec provisioner error`, `error executing "/tmp/…": Process exited with
# status 1`): the script's own lines say what failed
_PROVISIONER_ERROR = re.compile(r"^\s*Error: [\w-]+ provisioner error\s*$")


def _terraform(lines: Sequence[str]) -> bool:
    """Whether a block is a Terraform run's: its header, a provisioner's line or a box's top."""
    return any(
        _RUN_HEADER.match(line) or _PROVISIONER.match(line) or line.strip() == "\u2577"
        for line in lines
    )


def ci_pages_read(lines: Sequence[str]) -> list[str]:
    """A block's lines with a CI runner's and Terraform's own emptied (an empty line ends what
    the one before it said), the program's lines as it printed them."""
    out: list[str] = []
    terraform = _terraform(lines)
    after_system = in_box = False
    for line in lines:
        if _RUNNER.match(line) or STEP_ROW.match(line):
            # (the error table's `Exit code` row is a runner's line too: the table goes on)
            after_system = after_system or line.strip().startswith("[SYSTEM]")
            out.append("")
            continue
        if after_system and _ERROR_TABLE.match(line):
            out.append("")
            continue
        after_system = False
        if terraform:
            line = _PROVISIONER.sub("", line, count=1)
            boxed = _BOX.match(line)
            line = _BOX.sub("", line, count=1) if boxed else line
            in_box = bool(boxed) and (in_box or bool(_PROVISIONER_ERROR.match(line)))
            where = bool(boxed) and _WHERE.match(line) is not None
            if _CONNECTION.match(line.strip()) or _RUN_OWN.match(line) or in_box or where:
                line = ""
        out.append(line)
    return out
