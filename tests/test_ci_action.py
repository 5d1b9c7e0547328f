"""action.yml (the composite GitHub Action) and docs/ci.md."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from matcher.reporters import FORMATS

ROOT = Path(__file__).parent.parent


def action() -> dict[str, Any]:
    data = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_action_inputs_outputs_and_steps() -> None:
    data = action()
    assert set(data["inputs"]) == {
        "signatures",
        "paths",
        "fail-on",
        "fail-on-regression",
        "fail-on-unknown",
        "python",
    }
    assert data["inputs"]["paths"]["required"] is True
    assert set(data["outputs"]) == {"failing", "retryable", "findings", "regressions", "unknown"}
    steps = data["runs"]["steps"]
    assert data["runs"]["using"] == "composite"
    assert all(step["shell"] == "bash" for step in steps)
    assert '"$GITHUB_ACTION_PATH"' in steps[0]["run"]
    scan = steps[1]["run"]
    assert '--format github --summary "$GITHUB_STEP_SUMMARY"' in scan
    assert 'matcher" scan' in scan


def test_action_never_splices_inputs_into_scripts() -> None:
    """Inputs go through env: an input such as '$(curl …)' is data, not code."""
    for step in action()["runs"]["steps"]:
        assert "${{" not in step["run"]


def test_docs_cover_every_ci_format_and_option() -> None:
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    for fmt in set(FORMATS) - {"text", "json"}:
        assert f"`{fmt}`" in text, fmt
    for option in (
        "--fail-on",
        "--fail-on-regression",
        "--fail-on-unknown",
        "--unknown",
        "--summary",
        "--outputs",
        "--incidents",
        "--incident-signatures",
        "incident_signatures",
        "retryable",
        "GITHUB_STEP_SUMMARY",
    ):
        assert option in text, option
    for name in action()["inputs"]:
        assert re.search(rf"`{re.escape(name)}`", text), name
