"""A webhook receiver for the local demo (docs/deploy.md): prints every POST it gets, the
Alertmanager notifications and the agent's own finding records, and checks the signature
when MATCHER_WEBHOOK_SECRET_FILE names the secret. Usage: python3 demo-receiver.py [PORT]"""

import hashlib
import hmac
import json
import os
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

SECRET_FILE = os.environ.get("MATCHER_WEBHOOK_SECRET_FILE")
SECRET = Path(SECRET_FILE).read_bytes().rstrip(b"\r\n") if SECRET_FILE else None


class Receiver(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        note = ""
        given = self.headers.get("X-Incident-Matcher-Signature-256")
        if SECRET is not None and given is not None:  # the agent signs; Alertmanager does not
            expected = "sha256=" + hmac.new(SECRET, body, hashlib.sha256).hexdigest()
            note = " signature ok" if hmac.compare_digest(given, expected) else " BAD SIGNATURE"
        key = self.headers.get("Idempotency-Key")
        print(f"POST {self.path}{f' key={key}' if key else ''}{note}")
        print(json.dumps(json.loads(body), indent=2), flush=True)
        self.send_response(200)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


if __name__ == "__main__":
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 5001
    HTTPServer(("127.0.0.1", port), Receiver).serve_forever()
