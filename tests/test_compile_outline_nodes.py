"""An outliner's export without properties or refs (Workflowy, Dynalist): an incident is a node
that opens with its id, its sections nodes named with no colon (`- Symptoms`), their items the
children, after the incident's own fields (`- Severity: Medium`)."""

from __future__ import annotations

from compile_helpers import incidents_of

OUTLINE = """- Data team postmortems #postmortem
  - INC-31 — Stock reservations stuck behind the restock job #mysql #sev-medium
    - Severity: Medium
    - Date: Mar 9, 2026 · @lucia
    - Symptoms
      - reservations failed in bursts on the hot SKUs
      - the mysql client said "ERROR 1205 (HY000): Lock wait timeout exceeded" after ~50s
    - Cause
      - the restock job held `SELECT ... FOR UPDATE` while calling the supplier
    - Fix
      - [x] ~~supplier call moved out of the transaction~~
  - INC-32 — Invoice workers out of connection slots #postgres
    - Severity: High
    - What we saw
      - ```
        2026-03-17 02:11:09 ERROR billing: FATAL: sorry, too many clients already
        ```
"""


def _symptoms(incident_id: str) -> list[str]:
    found = incidents_of(OUTLINE)[incident_id]
    return [s if isinstance(s, str) else s["text"] for s in found]


def test_a_section_node_with_no_colon_after_the_incident_fields_holds_its_symptoms() -> None:
    found = _symptoms("INC-31")
    assert any("Lock wait timeout exceeded" in s for s in found), found
    # (the cause's node is no symptom)
    assert not any("FOR UPDATE" in s for s in found), found


def test_a_block_pasted_as_a_node_is_read_after_the_next_incident_starts() -> None:
    found = _symptoms("INC-32")
    assert any("too many clients already" in s for s in found), found
    assert not any("1205" in s for s in found), found
