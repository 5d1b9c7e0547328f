"""A service that logs through rich's RichHandler on a (forced) terminal: rich colours the
level and highlights numbers, strings and paths *inside* the message, so escape codes sit in
the middle of the text a symptom quotes. Makes tests/data/envelopes/rich-colour.log (colours)
and rich-plain.log (the same run without a terminal). Needs ``pip install rich``."""

from __future__ import annotations

import logging
import sys

from rich.console import Console
from rich.logging import RichHandler


def main(colour: bool) -> None:
    system = "standard" if colour else None
    console = Console(file=sys.stdout, force_terminal=colour, width=200, color_system=system)
    handler = RichHandler(console=console, show_time=False, show_path=False, markup=False)
    logging.basicConfig(level=logging.INFO, format="%(message)s", handlers=[handler])
    log = logging.getLogger("api")
    for n in range(40):  # enough plain lines that colour appears only past the first ones
        log.info("request %d served in %d ms", n, 3 + n % 7)
    log.error(
        "sqlalchemy.exc.TimeoutError: QueuePool limit of size 5 overflow 10 reached, "
        "connection timed out, timeout 30.00"
    )
    log.warning("retrying GET /api/report")
    log.error('duplicate key value violates unique constraint "ix_users_email"')
    log.info("done")


if __name__ == "__main__":
    main(colour="--colour" in sys.argv)
