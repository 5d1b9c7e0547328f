"""The exception tree. The library raises these; only the CLI turns them into messages."""

from __future__ import annotations

from collections.abc import Sequence

from matcher.model import SourceLocation


class MatcherError(Exception):
    """Base of every error the library raises on purpose."""


class Problem:
    """One thing wrong with one place in a signature or incident file."""

    __slots__ = ("field", "location", "message")

    def __init__(self, location: SourceLocation, field: str, message: str) -> None:
        self.location = location
        self.field = field
        self.message = message

    def __str__(self) -> str:
        return f"{self.location}: {self.field}: {self.message}"

    def __repr__(self) -> str:
        return f"Problem({str(self)!r})"


class SignatureError(MatcherError):
    """Signature files that cannot be loaded; carries every problem found, not just the first."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def __reduce__(self) -> tuple[type[SignatureError], tuple[tuple[Problem, ...]]]:
        # Errors cross process boundaries (parallel scans); rebuild from the arguments.
        return (type(self), (self.problems,))


class IncidentLogError(SignatureError):
    """An incident log (Markdown) that cannot be compiled."""


class SourceError(MatcherError):
    """An input that cannot be read."""

    def __init__(self, source: str, message: str) -> None:
        self.source = source
        self.reason = message
        super().__init__(f"{source}: {message}")

    def __reduce__(self) -> tuple[type[SourceError], tuple[str, str]]:
        return (type(self), (self.source, self.reason))


class StateError(MatcherError):
    """A state file that is corrupt or cannot be written."""
