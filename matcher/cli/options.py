"""Option bundles shared by several commands, as decorators (one definition each)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from matcher.vocabulary import DEFAULT_GRACE, LIVE_FORMATS, SIGNATURES_ENV

F = Callable[..., Any]


def signatures_option(f: F) -> F:
    return click.option(
        "-s",
        "--signatures",
        "signature_paths",
        multiple=True,
        type=click.Path(),
        envvar=SIGNATURES_ENV,
        show_envvar=True,
        help="Signature file or directory (recursive *.yml/*.yaml); repeatable. "
        "Default: ./signatures.",
    )(f)


def engine_option(f: F) -> F:
    f = click.option(
        "--engine",
        type=click.Choice(["auto", "hyperscan", "pure"]),
        envvar="MATCHER_ENGINE",
        help="Prefilter engine: hyperscan where installed (auto), or the pure-Python one. "
        "Both give identical findings.",
    )(f)
    return click.option(
        "--no-cache", is_flag=True, help="Do not read or write the compiled-ruleset cache."
    )(f)


def envelope_options(f: F) -> F:
    """``--envelope`` and ``--field``: how lines are taken out of their envelope
    (docs/envelopes.md); ``scan``, ``scan --follow`` and ``watch``."""
    from matcher.envelopes.unwrap import ALIASES, NAMES

    f = click.option(
        "--field",
        "fields",
        multiple=True,
        metavar="NAME",
        help="A JSON/logfmt record's field to take the message from (repeatable; a dotted "
        "name reaches into an object). Default: message, msg, log, error, stack_trace…",
    )(f)
    return click.option(
        "--envelope",
        type=click.Choice([*NAMES, *ALIASES]),
        default="auto",
        show_default=True,
        help="What is around each line (CRI, docker json-file, compose, kubectl, syslog, "
        "journald, GitHub/GitLab…): recognised on the first lines (auto), none, or a name.",
    )(f)


def jobs_option(f: F) -> F:
    return click.option(
        "-j",
        "--jobs",
        type=click.IntRange(0, 64),
        default=0,
        help="Processes to scan with (0: one per core). Big files are split.",
    )(f)


def live_format_option(f: F) -> F:
    return click.option(
        "-f",
        "--format",
        "fmt",
        type=click.Choice(LIVE_FORMATS),
        default="text",
        show_default=True,
        help="text for people; json: one JSON object per line.",
    )(f)


# Names of the follow options that mean nothing without --follow (scan checks them first).
FOLLOW_ONLY = (
    "metrics_listen",
    "state_path",
    "reset_state",
    "from_start",
    "cooldown",
    "poll",
    "poll_interval",
    "grace",
)


def follow_options(f: F) -> F:
    """The options of live mode shared by ``scan --follow`` and ``watch``."""
    options = [
        click.option(
            "-o",
            "--output",
            type=click.Path(dir_okay=False),
            help="Append findings to FILE instead of stdout. With --state, every "
            "finding is written exactly once, across crashes.",
        ),
        click.option(
            "--state",
            "state_path",
            type=click.Path(dir_okay=False),
            help="Keep read positions in FILE and resume from them after a restart. "
            "Written once the first scan is done (so its appearance means ready).",
        ),
        click.option(
            "--reset-state",
            is_flag=True,
            help="Ignore the state file's content (e.g. a corrupt one) and start anew.",
        ),
        click.option(
            "--from-start",
            is_flag=True,
            help="Read files present at start-up from their beginning, not their end "
            "(never overrides what the state knows).",
        ),
        click.option(
            "--cooldown",
            type=click.FloatRange(min=0),
            default=0,
            metavar="SECONDS",
            help="Count, do not repeat, an incident with the same captured values "
            "within SECONDS of its alert; a repeat record follows when the window "
            "closes.",
        ),
        click.option(
            "--poll",
            is_flag=True,
            help="Poll instead of using inotify (NFS, containers without inotify).",
        ),
        click.option(
            "--poll-interval",
            type=click.FloatRange(min=0.01),
            default=1.0,
            show_default=True,
            metavar="SECONDS",
            help="How often --poll looks.",
        ),
        click.option(
            "--grace",
            type=click.FloatRange(min=0),
            default=DEFAULT_GRACE,
            show_default=True,
            metavar="SECONDS",
            help="Keep reading a rotated-away file until it has not grown for this long.",
        ),
    ]
    for option in reversed(options):
        f = option(f)
    return f


def fleet_options(f: F) -> F:
    """Where findings go besides the output: Alertmanager peers and webhooks (docs/deploy.md)."""
    options = [
        click.option(
            "--alertmanager",
            "alertmanagers",
            multiple=True,
            metavar="URL",
            help="Post findings as alerts to this Alertmanager (v2 API); repeat it for every "
            "peer of an HA cluster. E.g. --alertmanager http://am-0:9093.",
        ),
        click.option(
            "--alert-ttl",
            type=click.FloatRange(min=1),
            default=3600.0,
            show_default=True,
            metavar="SECONDS",
            help="An alert ends this long after its event unless the incident recurs.",
        ),
        click.option(
            "--webhook",
            "webhooks",
            multiple=True,
            metavar="URL",
            help="POST each finding's JSON record (the --format json schema) to URL; repeatable.",
        ),
        click.option(
            "--webhook-secret-file",
            type=click.Path(dir_okay=False),
            help="Sign webhook bodies with HMAC-SHA256 using the secret in FILE "
            "(header X-Incident-Matcher-Signature-256).",
        ),
        click.option(
            "--host",
            "host_label",
            envvar="MATCHER_HOST",
            show_envvar=True,
            metavar="NAME",
            help="The host label of alerts (default: this machine's name).",
        ),
    ]
    for option in reversed(options):
        f = option(f)
    return f


def metrics_option(f: F) -> F:
    return click.option(
        "--metrics",
        "metrics_listen",
        metavar="ADDR:PORT",
        help="Serve Prometheus metrics on ADDR:PORT (e.g. 127.0.0.1:9464, :9464 for every "
        "address).",
    )(f)
