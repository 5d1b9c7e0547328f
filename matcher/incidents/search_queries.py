"""A log search's query pasted in a code block over what it found: what the team typed, not
what a program logged. Splunk's SPL, Loki's LogQL, CloudWatch Logs Insights, Google Cloud
Logging's (loglike.py) and Kusto's (KQL), as Azure Monitor's Logs blade and Application
Insights run it: a table's name alone on its line (`AppExceptions`, `Syslog`), then one
`| operator …` line each (`| where …`, `| project TimeGenerated, Message`, `| take 20`); and
Coralogix's DataPrime (`source logs` then `| choose …`). Its lines are taken out of the block;
the results' rows are read as a table's (tables.py).
docs/incident-log-format.md says it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from matcher.incidents.loglike import CLOUD_QUERY

# SPL (`index=app "…" NOT "…"`, `| table _time _raw`), LogQL (`{app="web"} |= "…"`), Logs
# Insights (`fields @timestamp, @message`, `| filter …`)
_SEARCH_QUERY = re.compile(
    r"^\s*(?:search\s+)?(?:index|sourcetype|_source\w*|_index|_view|_collector)\s*=\S"
    r"|^\s*\|\s*(?:table|stats|sort|fields|where|eval|rex|timechart|dedup|filter|limit|parse"
    r"|line_format|json|logfmt)\b"
    r"|^\s*\{\s*[\w.]+\s*=~?\s*\"[^\"]*\"[^}]*\}\s*(?:\|[=~]|!=|!~|$)|^\s*fields\s+@\w"
    # (Coralogix's DataPrime, `source logs` then `| choose $m.timestamp, $d.message`, and a
    # Lucene query of fields, `coralogix.metadata.applicationName:"orders" AND text:"…"`)
    r"|^\s*source\s+(?:logs|spans)\b|^\s*\|\s*(?:choose|groupby|orderby|sortby|extract|create"
    r"|block|lucene|countby|wildfind|remove|replace|enrich|aggregate)\b"
    r"|^\s*[\w.$]+:\"[^\"]*\"\s+(?:AND|OR|NOT)\s"
)
# A KQL operator after its pipe (the tabular operators an investigation's query uses)
_KQL_OPERATOR = re.compile(
    r"^\s*\|\s*(?:where|project(?:-away|-keep|-rename|-reorder)?|take|limit|summarize|extend"
    r"|order\s+by|sort\s+by|top|count|distinct|join|union|render|parse|mv-expand|make-series"
    r"|search|sample|lookup|as|getschema|evaluate|invoke|serialize)\b"
)
# The table a KQL query reads (`AppExceptions`, `ContainerLogV2`, `AzureDiagnostics`), alone
_KQL_TABLE = re.compile(r"^\s*[A-Z][A-Za-z0-9_]*\s*$")


def queries_dropped(lines: Sequence[str]) -> list[str]:
    """The lines without a search query's: a KQL query's operator lines and the table name
    over them, and the lines of the other searches' queries."""
    kept: list[str] = []
    for line in lines:
        if _KQL_OPERATOR.match(line):
            if kept and _KQL_TABLE.match(kept[-1]):
                kept.pop()
        elif not (_SEARCH_QUERY.match(line) or CLOUD_QUERY.match(line)):
            kept.append(line)
    return kept
