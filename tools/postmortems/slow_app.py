"""A WSGI app whose /export handler is slower than gunicorn's --timeout."""

import time


def app(environ, start_response):  # type: ignore[no-untyped-def]
    if environ["PATH_INFO"] == "/export":
        time.sleep(30)
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"ok\n"]
