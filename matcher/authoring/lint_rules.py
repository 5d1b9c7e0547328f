"""The checks of ``matcher lint``, one small class each (as pySigma's validators): a name, a
level, a fix hint, and ``check(context)`` yielding findings."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

from matcher.authoring.lint import ERROR, WARNING, LintContext, LintFinding
from matcher.authoring.regex_shapes import risky_shapes
from matcher.model import Signature, Status, Symptom
from matcher.patterns.symptoms import PLACEHOLDER
from matcher.vocabulary import DRAFT_PREFIX, DRAFT_PROBLEM

# Literal letters and digits a symptom with placeholders should keep (an `<any>` more).
MIN_LITERAL = 8
MIN_LITERAL_ANY = 16
_NOT_ALNUM = re.compile(r"[\W_]+")


class Rule:
    name: ClassVar[str]
    level: ClassVar[str]
    hint: ClassVar[str]

    def check(self, ctx: LintContext) -> Iterator[LintFinding]:
        raise NotImplementedError

    def finding(
        self, sig: Signature | None, where: object, message: str, level: str | None = None
    ) -> LintFinding:
        return LintFinding(
            self.name, level or self.level, sig.id if sig else None, str(where), message, self.hint
        )


def _pairs(ctx: LintContext, field: str) -> Iterator[tuple[Signature, Signature, list[str]]]:
    """(flagger, owner, lines): the owner's ``field`` examples another signature flags."""
    for sig in ctx.signatures:
        flagged: dict[str, list[str]] = {}
        for example in getattr(sig.examples, field):
            for other in sorted(ctx.flaggers(example) - {sig.id}):
                flagged.setdefault(other, []).append(example)
        for other, lines in flagged.items():
            yield ctx.by_id[other], sig, lines


def _some(lines: list[str]) -> str:
    return f"{lines[0]!r}" + (f" and {len(lines) - 1} more" if len(lines) > 1 else "")


class Overlap(Rule):
    name, level = "overlap", ERROR
    hint = "make one symptom more specific (an `unless:` symptom, more literal text) or merge them"

    def check(self, ctx: LintContext) -> Iterator[LintFinding]:
        for flagger, owner, lines in _pairs(ctx, "match"):
            yield self.finding(
                flagger,
                flagger.location,
                f"{flagger.id} also flags {owner.id}'s match example {_some(lines)}",
            )


class TooBroad(Rule):
    name, level = "too-broad", ERROR
    hint = "add literal text only this failure prints, or an `unless:` symptom for the others"

    def check(self, ctx: LintContext) -> Iterator[LintFinding]:
        for flagger, owner, lines in _pairs(ctx, "no_match"):
            yield self.finding(
                flagger,
                flagger.location,
                f"{flagger.id} flags {owner.id}'s near miss {_some(lines)}",
            )
        for sig_id, hits in sorted(ctx.against_hits().items()):
            sig = ctx.by_id[sig_id]
            shown = ", ".join(hits.where[:3]) + (", …" if hits.count > 3 else "")
            yield self.finding(
                sig,
                sig.location,
                f"{sig_id} flags {hits.count} line(s) of the --against logs: {shown}",
            )


class Backtracking(Rule):
    name, level = "backtracking", ERROR
    hint = "make the inner part possessive or atomic (a++, (?>…)), or bound it ({1,64})"

    def check(self, ctx: LintContext) -> Iterator[LintFinding]:
        for sig in ctx.signatures:
            for symptom in sig.symptoms:
                if not symptom.is_regex:
                    continue  # text symptoms compile to bounded patterns
                for shape in risky_shapes(symptom.text):
                    level = ERROR if shape.severe else WARNING
                    yield self.finding(sig, symptom.location, shape.message, level)


class SwallowingPlaceholder(Rule):
    name, level = "placeholder-swallows", WARNING
    hint = "quote more of the message around the placeholder, so that it names this failure"

    def check(self, ctx: LintContext) -> Iterator[LintFinding]:
        for sig in ctx.signatures:
            for symptom in sig.symptoms:
                if symptom.is_regex or not PLACEHOLDER.search(symptom.text):
                    continue
                literal = len(_NOT_ALNUM.sub("", PLACEHOLDER.sub("", symptom.text)))
                wide = any(m.group(2) == "any" for m in PLACEHOLDER.finditer(symptom.text))
                least = MIN_LITERAL_ANY if wide else MIN_LITERAL
                if literal < least:
                    what = "an <any> placeholder" if wide else "placeholders"
                    yield self.finding(
                        sig,
                        symptom.location,
                        f"{what} with only {literal} literal letters/digits "
                        f"(fewer than {least}): {symptom.text!r}",
                    )


def _normal(symptom: Symptom) -> str:
    """A symptom as it matches: whitespace runs alike, placeholders by type, not by name."""
    if symptom.is_regex:
        return "regex:" + symptom.text
    text = PLACEHOLDER.sub(lambda m: f"<{m.group(2) or 'token'}>", symptom.text)
    return " ".join(text.split())


class DuplicateSymptom(Rule):
    name, level = "duplicate-symptom", ERROR
    hint = "keep the symptom in one signature: two incidents with one symptom are one incident"

    def check(self, ctx: LintContext) -> Iterator[LintFinding]:
        first: dict[tuple[str, str], tuple[Signature, Symptom]] = {}
        for sig in ctx.signatures:
            for symptom in sig.symptoms:
                key = (str(symptom.role), _normal(symptom))
                if key in first:
                    other, at = first[key]
                    yield self.finding(
                        sig,
                        symptom.location,
                        f"the same symptom as {other.id} at {at.location}: {symptom.text!r}",
                    )
                else:
                    first[key] = (sig, symptom)


class NoRunbook(Rule):
    name, level = "no-runbook", WARNING
    hint = "add `runbook:` with a link (http(s) or a repository path) to the steps to take"

    def check(self, ctx: LintContext) -> Iterator[LintFinding]:
        for sig in ctx.signatures:
            if not sig.runbook:
                yield self.finding(sig, sig.location, f"{sig.id} has no runbook")


class ResolvedWithoutDate(Rule):
    name, level = "resolved-without-date", WARNING
    hint = "add `date:` (when it was resolved): a regression is judged against it"

    def check(self, ctx: LintContext) -> Iterator[LintFinding]:
        for sig in ctx.signatures:
            if sig.status is Status.RESOLVED and not sig.date:
                yield self.finding(sig, sig.location, f"{sig.id} is resolved but has no date")


class UnfinishedDraft(Rule):
    name, level = "draft", ERROR
    hint = "write the resolution in place of the TODO(draft) line and give it your incident id"

    def check(self, ctx: LintContext) -> Iterator[LintFinding]:
        for problem in ctx.problems:
            if problem.field == "resolution" and problem.message.startswith(DRAFT_PROBLEM):
                yield self.finding(None, problem.location, problem.message)
        for sig in ctx.signatures:
            if sig.id.startswith(DRAFT_PREFIX):
                yield self.finding(
                    sig,
                    sig.location,
                    f"{sig.id} still has its draft id: give it your incident id",
                    level=WARNING,
                )


RULES: tuple[type[Rule], ...] = (
    Overlap,
    TooBroad,
    Backtracking,
    SwallowingPlaceholder,
    DuplicateSymptom,
    NoRunbook,
    ResolvedWithoutDate,
    UnfinishedDraft,
)
RULE_NAMES = tuple(r.name for r in RULES)


class Invalid(Rule):
    """Always run: a file that does not load is reported whatever rule was asked for."""

    name, level = "invalid", ERROR
    hint = "fix the file: matcher scan and matcher test refuse it as it is"

    def check(self, ctx: LintContext) -> Iterator[LintFinding]:
        for problem in ctx.problems:
            if not (problem.field == "resolution" and problem.message.startswith(DRAFT_PROBLEM)):
                yield self.finding(None, problem.location, f"{problem.field}: {problem.message}")


def run_rules(ctx: LintContext, only: str | None = None) -> list[LintFinding]:
    """The findings of every rule (or of the one named ``only``), errors first."""
    rules = [Invalid(), *(r() for r in RULES if only is None or r.name == only)]
    findings = [f for rule in rules for f in rule.check(ctx)]
    return sorted(findings, key=lambda f: (f.level != ERROR, f.where, f.rule))
