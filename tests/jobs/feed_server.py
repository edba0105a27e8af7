"""A real HTTP server on 127.0.0.1 that plays scripted responses, and NOS-style feeds to serve.

``FeedServer.script(path, *responses)`` queues responses for a path; the last one repeats. A response can
honour conditional GET (ETag / Last-Modified -> 304), be gzipped, slow, huge, a redirect or a 500.
"""

from __future__ import annotations

import gzip as gzip_lib
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None
    last_modified: str | None = None
    gzip: bool = False
    delay: float = 0.0
    stream_bytes: int = 0  # > 0: stream this many junk bytes without a Content-Length
    declare_length: bool = True
    drip: float = 0.0  # > 0: send the body 100 bytes at a time, this many seconds apart


@dataclass
class Seen:
    path: str
    headers: dict[str, str]


class FeedServer:
    def __init__(self) -> None:
        self._scripts: dict[str, list[Reply]] = {}
        self._lock = threading.Lock()
        self.requests: list[Seen] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"

            def do_GET(self) -> None:  # noqa: N802
                server._handle(self)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05},
                                       daemon=True)

    def __enter__(self) -> FeedServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def url(self, path: str) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}{path}"

    def script(self, path: str, *replies: Reply) -> None:
        with self._lock:
            self._scripts[path] = list(replies)

    def hits(self, path: str) -> list[Seen]:
        return [seen for seen in self.requests if seen.path == path]

    def _next(self, path: str) -> Reply:
        with self._lock:
            queue = self._scripts.get(path)
            if not queue:
                return Reply(status=404, body=b"not found")
            return queue.pop(0) if len(queue) > 1 else queue[0]

    def _handle(self, handler: BaseHTTPRequestHandler) -> None:
        self.requests.append(Seen(handler.path, {k.lower(): v for k, v in handler.headers.items()}))
        reply = self._next(handler.path)
        if reply.delay:
            time.sleep(reply.delay)
        try:
            if reply.stream_bytes:
                self._stream(handler, reply)
                return
            if reply.status == 200 and _not_modified(handler, reply):
                handler.send_response(304)
                _validators(handler, reply)
                handler.end_headers()
                return
            body = reply.body
            handler.send_response(reply.status)
            if reply.gzip:
                body = gzip_lib.compress(body)
                handler.send_header("Content-Encoding", "gzip")
            handler.send_header("Content-Type", "application/rss+xml; charset=utf-8")
            if reply.declare_length:
                handler.send_header("Content-Length", str(len(body)))
            _validators(handler, reply)
            for key, value in reply.headers.items():
                handler.send_header(key, value)
            handler.end_headers()
            if reply.drip:
                for start in range(0, len(body), 100):
                    handler.wfile.write(body[start:start + 100])
                    handler.wfile.flush()
                    time.sleep(reply.drip)
                return
            handler.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client stopped reading (size cap, timeout): that is the point of the test

    def _stream(self, handler: BaseHTTPRequestHandler, reply: Reply) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "application/rss+xml")
        if reply.declare_length:
            handler.send_header("Content-Length", str(reply.stream_bytes))
        handler.end_headers()
        chunk = b"<!-- " + b"x" * 65_000 + b" -->\n"
        sent = 0
        while sent < reply.stream_bytes:
            handler.wfile.write(chunk)
            sent += len(chunk)


def _not_modified(handler: BaseHTTPRequestHandler, reply: Reply) -> bool:
    if reply.etag and handler.headers.get("If-None-Match") == reply.etag:
        return True
    return bool(reply.last_modified and not reply.etag
                and handler.headers.get("If-Modified-Since") == reply.last_modified)


def _validators(handler: BaseHTTPRequestHandler, reply: Reply) -> None:
    if reply.etag:
        handler.send_header("ETag", reply.etag)
    if reply.last_modified:
        handler.send_header("Last-Modified", reply.last_modified)


# --- NOS-style feeds ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Item:
    nos_id: str
    title: str
    paragraphs: tuple[str, ...]  # "## Heading" makes an <h2>
    pub_date: str | None = "Sat, 7 Nov 2026 16:05:12 +0100"
    with_guid: bool = True
    with_link: bool = True


def item_xml(item: Item) -> str:
    body = "\n".join(
        f"<h2>{escape(p[3:])}</h2>" if p.startswith("## ") else f"<p>{escape(p)}</p>" for p in item.paragraphs
    )
    parts = [f"<title><![CDATA[{item.title}]]></title>"]
    if item.with_link:
        parts.append(f"<link>https://nos.nl/l/{item.nos_id}</link>")
    parts.append(f"<description><![CDATA[\n{body}]]></description>")
    parts.append('<enclosure type="image/webp" url="https://images.cdn.nos.nl/x/1024x576.webp"/>')
    if item.pub_date:
        parts.append(f"<pubDate>{item.pub_date}</pubDate>")
    if item.with_guid:
        parts.append(f'<guid isPermaLink="true">https://nos.nl/l/{item.nos_id}</guid>')
    return "<item>\n" + "\n".join(parts) + "\n</item>"


def feed_xml(*items: Item, title: str = "NOS Sport Schaatsen") -> bytes:
    """An RSS 2.0 feed in the current NOS format, items in the order given (newest first)."""
    body = "\n".join(item_xml(item) for item in items)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss xmlns:dcterms="http://purl.org/dc/terms/" version="2.0">\n'
        f"<channel>\n<title><![CDATA[{title}]]></title>\n<link><![CDATA[https://nos.nl]]></link>\n"
        f"<description><![CDATA[{title}]]></description>\n<language>nl</language>\n"
        f"<pubDate>Sat, 7 Nov 2026 18:00:00 +0100</pubDate>\n{body}\n</channel>\n</rss>\n"
    ).encode()
