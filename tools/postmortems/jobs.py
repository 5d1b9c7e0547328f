"""Jobs for the RQ worker (imported by the worker process by dotted path)."""

import time


def rebuild_search_index(seconds: float) -> str:
    time.sleep(seconds)
    return "rebuilt"


def send_digest(user_id: int) -> float:
    return 100 / (user_id - user_id)  # a different failure of the same worker


def ping() -> str:
    return "pong"
