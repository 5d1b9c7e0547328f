"""Issue #11, twelfth pass, twenty-second round: what heldout131 to heldout136 taught
(docs/incident-log-format.md says the rules)."""

from __future__ import annotations

import pytest
from compile_helpers import symptoms_of

WORKER_TIMEOUT = "[CRITICAL] WORKER TIMEOUT (pid:3187)"


@pytest.mark.parametrize(
    "framing",
    [
        "[ERROR] Error handling request GET /export",
        "Error handling request",
        "ERROR in app: Exception on /checkout [POST]",
        "Internal Server Error: /api/orders/17",
        "ERROR:    Exception in ASGI application",
        "Exception in thread Thread-3:",
    ],
)
def test_a_servers_line_before_a_traceback_is_context_beside_the_error(framing: str) -> None:
    # (it says a request failed; the traceback under it, or the incident's other line, says why)
    found = symptoms_of(f"- `{WORKER_TIMEOUT}`\n- then `{framing}` with a traceback")
    assert found == ("[CRITICAL] WORKER TIMEOUT (pid:<pid:int>)",)


def test_a_servers_framing_line_alone_stays_the_incidents_symptom() -> None:
    found = symptoms_of("- `[ERROR] Error handling request GET /export`")
    assert found == ("[ERROR] Error handling request GET <path>",)
