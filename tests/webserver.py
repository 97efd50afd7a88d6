"""A local web server for tests that fetch pages: 127.0.0.1, a free port, its own thread,
stopped when the test ends. No test reaches the internet."""

import contextlib
import gzip
import http.server
import threading
import time
from collections.abc import Iterator
from pathlib import Path

WEB = Path(__file__).resolve().parent / "data" / "web"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64)
SLOW_S = 3.0
NOTES = (
    "Harbour council approves the new budget\n\n"
    "Date: 2024-06-02\n\n"
    "The harbour council approved the new budget on Monday after a long debate. "
    "The mayor said the plan would fund repairs to the old quay and two new ferries.\n"
)


class Handler(http.server.BaseHTTPRequestHandler):
    """The pages a fetch test needs: an article, errors, a picture, endless redirects,
    an oversized body and slow answers."""

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        if path == "/a.html":
            self._send(200, "text/html; charset=utf-8", (WEB / "talks.html").read_bytes())
        elif path == "/notes.txt":
            self._send(200, "text/plain; charset=utf-8", NOTES.encode())
        elif path == "/short.txt":
            self._send(200, "text/plain; charset=utf-8", b"The council met on Monday.\n")
        elif path == "/logo.png":
            self._send(200, "image/png", PNG)
        elif path == "/report.pdf":
            self._send(200, "application/pdf", b"%PDF-1.4\n" + bytes(64))
        elif path == "/gzipped.html":
            body = gzip.compress((WEB / "talks.html").read_bytes())
            self._send(200, "text/html", body, {"Content-Encoding": "gzip"})
        elif path == "/to-private":  # a redirect to another address, which must be checked
            self._redirect(f"http://127.0.0.2:{self.server.server_address[1]}/a.html")
        elif path == "/moved":
            self._redirect("/a.html")
        elif path.startswith("/loop/"):
            self._redirect(f"/loop/{int(path.rsplit('/', 1)[1]) + 1}")
        elif path == "/big.html":  # no Content-Length: the size shows only while reading
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            with contextlib.suppress(OSError):
                for _ in range(6):
                    self.wfile.write(b"<p>" + b"x" * 1_000_000 + b"</p>")
        elif path == "/slow.html":
            time.sleep(SLOW_S)
            self._send(200, "text/html", (WEB / "talks.html").read_bytes())
        elif path == "/trickle.html":  # headers at once, then a byte at a time
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            with contextlib.suppress(OSError):
                for byte in (WEB / "talks.html").read_bytes()[: int(SLOW_S * 10)]:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(0.1)
        else:
            self._send(404, "text/html", b"<h1>Not found</h1>")

    def _send(
        self, status: int, content_type: str, body: bytes, headers: dict[str, str] | None = None
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(OSError):
            self.wfile.write(body)

    def _redirect(self, target: str) -> None:
        self.send_response(302)
        self.send_header("Location", target)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass  # quiet test output


@contextlib.contextmanager
def serving() -> Iterator[str]:
    """The server's base address (http://127.0.0.1:PORT) while the block runs."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
