"""``schaatsbot run`` without a token: the feed job runs and the console answers from what it stored."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import IO

from tests.jobs.feed_server import Item, feed_xml

REPORT = Item("2650001", "Bergsma wint 10.000 meter in Inzell", (
    "Jorrit Bergsma heeft bij de wereldbeker in het Duitse Inzell de 10.000 meter gewonnen in 12.55,40.",
    "Davide Ghiotto werd tweede in 12.58,02. Patrick Roest eindigde als derde in 13.01,77.",
))


class Output:
    """Collects a process's output lines in background threads (select() cannot see Python's buffers)."""

    def __init__(self, proc: subprocess.Popen[str]) -> None:
        self.lines: dict[str, queue.Queue[str]] = {"stdout": queue.Queue(), "stderr": queue.Queue()}
        for name in self.lines:
            threading.Thread(target=self._pump, args=(getattr(proc, name), self.lines[name]), daemon=True).start()

    @staticmethod
    def _pump(pipe: IO[str], lines: queue.Queue[str]) -> None:
        for line in pipe:
            lines.put(line)

    def read_until(self, stream: str, needle: str, timeout: float = 60.0) -> str:
        """Everything printed on ``stream`` up to the first line containing ``needle``."""
        seen: list[str] = []
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines[stream].get(timeout=0.2)
            except queue.Empty:
                continue
            seen.append(line)
            if needle in line:
                return "".join(seen)
        raise AssertionError(f"{needle!r} not printed on {stream}; got:\n{''.join(seen)}")


def test_run_without_token_polls_and_answers_in_the_console(tmp_path: Path) -> None:
    feed = tmp_path / "nossportschaatsen.xml"
    feed.write_bytes(feed_xml(REPORT))
    env = {k: v for k, v in os.environ.items() if not k.startswith("TELEGRAM_")}
    env.update(DATABASE_URL=f"sqlite:///{tmp_path / 'schaatsbot.db'}", FEED_URLS=str(feed), LOG_LEVEL="INFO",
               PYTHONUNBUFFERED="1")
    proc = subprocess.Popen([sys.executable, "-m", "schaatsbot.cli", "run"], cwd=tmp_path, env=env, text=True,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    output = Output(proc)
    try:
        banner = output.read_until("stderr", "TELEGRAM_BOT_TOKEN")
        assert "zonder Telegram" in banner
        output.read_until("stderr", "1 new")  # the first poll ran and stored the report
        assert proc.stdin is not None
        proc.stdin.write("/podium 10000m\n")
        proc.stdin.flush()
        reply = output.read_until("stdout", "🥉")
        assert "10.000 m mannen" in reply or "10000 m mannen" in reply
        assert "🥇 Jorrit Bergsma" in reply and "12.55,40" in reply
        proc.stdin.close()  # end of input on a pipe: the jobs keep running until a signal
        time.sleep(0.5)
        assert proc.poll() is None
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=20) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
