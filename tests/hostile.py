"""A hostile HTTP server on loopback for the crawler tests: every path answers with raw bytes
(so that replies can be as malformed as a real server's), or with a function of the socket
(to dribble a body)."""
from __future__ import annotations

import socket
import threading
import time
from urllib.parse import unquote


def reply(status: str = "200 OK", body: bytes | str = b"", ctype: str = "text/html; charset=utf-8",
          headers: list[tuple[str, str]] = (), length: int | None = None) -> bytes:
    body = body.encode("utf-8") if isinstance(body, str) else body
    lines = [f"HTTP/1.1 {status}", f"Content-Type: {ctype}", f"Content-Length: {len(body) if length is None else length}",
             "Connection: close", *(f"{k}: {v}" for k, v in headers)]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


def redirect(location: str, status: str = "302 Found") -> bytes:
    return reply(status, headers=[("Location", location)])


def dribble(head: bytes, body: bytes, per_second: float = 2.0):
    """A reply whose body comes ``per_second`` bytes a second, the way a tarpit answers."""
    def send(conn: socket.socket, stop: threading.Event):
        conn.sendall(head)
        for i in range(len(body)):
            if stop.wait(1 / per_second):
                return
            conn.sendall(body[i:i + 1])
    return send


class RawServer:
    def __init__(self, routes: dict | None = None, host: str = "127.0.0.1"):
        self.routes = dict(routes or {})
        self.requests: list[str] = []  # paths as received (percent-decoded)
        self.raw_paths: list[str] = []
        self.stop = threading.Event()
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind((host, 0))
        self.sock.listen(64)
        self.sock.settimeout(0.2)
        self.base = f"http://{host}:{self.sock.getsockname()[1]}"
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except (TimeoutError, OSError):
                continue
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    def _handle(self, conn: socket.socket):
        conn.settimeout(5)
        try:
            data = b""
            while b"\r\n\r\n" not in data and len(data) < 65536:
                chunk = conn.recv(4096)
                if not chunk:
                    return
                data += chunk
            raw = data.split(b" ", 2)[1].decode("latin-1")
            path = raw.split("?")[0]
            self.raw_paths.append(raw)
            self.requests.append(unquote(path))
            answer = self.routes.get(unquote(path), reply("404 Not Found", "<h1>Sidan finns inte</h1>"))
            if callable(answer):
                answer(conn, self.stop)
            else:
                conn.sendall(answer)
        except OSError:
            pass
        finally:
            conn.close()

    def close(self):
        self.stop.set()
        self.sock.close()
        self.thread.join(timeout=2)


def closed_ports(n: int) -> list[int]:
    """``n`` different ports on 127.0.0.1 where nothing listens (connections are refused). All
    are bound before any is let go, so no two are the same (ports asked for one at a time can
    come back twice, which once made two kommuner share one url)."""
    socks = [socket.socket() for _ in range(n)]
    try:
        for s in socks:
            s.bind(("127.0.0.1", 0))
        return [s.getsockname()[1] for s in socks]
    finally:
        for s in socks:
            s.close()


def poll(condition, timeout: float, what: str, interval: float = 0.02):
    """Wait until ``condition()`` is true, at most ``timeout`` seconds."""
    end = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > end:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(interval)
