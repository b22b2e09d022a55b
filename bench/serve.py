"""Full page responses: our own gunicorn on loopback, driven by the bounded client.

gunicorn is started as `make run` starts it (archive.wsgi, 2 sync workers) but on a free port
of 127.0.0.1 and with the benchmark's database and index in its environment; it is stopped by
the pid we started, and its workers' peak RSS (VmHWM) is read from /proc before it stops.
"""
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from .client import HOST, drive, fetch
from .env import ROOT, WORK, variables
from .timing import Stopwatch, summary

WORKERS = 2
START_TIMEOUT = 120  # each worker loads jieba and the archive dictionary before it answers


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def status_kib(pid: int, key: str, table: str = "status") -> int:
    for line in Path(f"/proc/{pid}/{table}").read_text().splitlines():
        if line.startswith(f"{key}:"):
            return int(line.split()[1])
    raise KeyError(key)


class Gunicorn:
    def __init__(self, data_dir: Path):
        self.data_dir = data_dir
        self.port = free_port()
        self.process = None

    def __enter__(self):
        log = WORK / "gunicorn.log"
        command = [
            sys.executable, "-m", "gunicorn", "archive.wsgi",
            "--bind", f"{HOST}:{self.port}", "--workers", str(WORKERS), "--timeout", "120",
            "--error-logfile", str(log),
        ]
        self.process = subprocess.Popen(command, cwd=ROOT, env={**os.environ, **variables(self.data_dir)})
        try:
            self._wait_until_ready(log)
        except BaseException:
            self.__exit__()  # never leave our server running
            raise
        return self

    def _wait_until_ready(self, log: Path) -> None:
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {self.process.returncode}; see {log}")
            if fetch(self.port, "/search/?q=%E5%85%9A%E5%BB%BA", timeout=30)[1] == 200 and len(self.workers()) == WORKERS:
                return
            time.sleep(0.5)
        raise RuntimeError(f"gunicorn did not answer 200 within {START_TIMEOUT} s; see {log}")

    def __exit__(self, *exc):
        self.process.send_signal(signal.SIGTERM)  # graceful: the master stops its workers
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        return False

    def workers(self) -> list[int]:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()] if children.exists() else []

    def peak_rss_mib(self) -> list[float]:
        return [round(status_kib(pid, "VmHWM") / 1024, 1) for pid in self.workers()]

    def rss_parts_mib(self) -> list[dict]:
        """Each worker's resident memory now, by kind: its own (anonymous) pages, and pages of
        mapped files, mostly the index files whoosh maps, which the page cache shares between
        workers and can drop under pressure; and the proportional set size, which charges each
        shared page to its sharers in equal parts."""
        kinds = (("own", "RssAnon", "status"), ("mapped_files", "RssFile", "status"), ("proportional", "Pss", "smaps_rollup"))
        return [
            {kind: round(status_kib(pid, key, table) / 1024, 1) for kind, key, table in kinds}
            for pid in self.workers()
        ]


WARM_ROUNDS = 3


def measure(data_dir: Path, queries, levels: dict[int, int], max_seconds: float) -> dict:
    """Page latency per concurrency level ({concurrency: request count}), then the workers' peak RSS."""
    paths = [query.url() for query in queries]
    faceted = {query.url() for query in queries if query.faceted}
    result = {}
    with Gunicorn(data_dir) as server:
        # Each worker keeps its own caches (facet tables, frequent words' postings), and which
        # worker answers is the kernel's choice: with each page asked for 3 × WORKERS times,
        # a worker misses a given page with a chance of about 1 in 64.
        warm = paths * (WARM_ROUNDS * WORKERS)
        drive(server.port, warm, WORKERS, len(warm), max_seconds)
        for concurrency, requests in levels.items():
            with Stopwatch() as watch:
                samples = drive(server.port, paths, concurrency, requests, max_seconds)
            ok = [(path, seconds) for path, seconds, status in samples if status == 200]
            result[f"c{concurrency}"] = {
                "requests": len(samples),
                "pages_per_second": round(len(ok) / watch.seconds, 1),
                "errors": len(samples) - len(ok),
                "all": summary([s for _p, s in ok]),
                "plain": summary([s for p, s in ok if p not in faceted]),
                "faceted": summary([s for p, s in ok if p in faceted]),
            }
        result["worker_peak_rss_mib"] = server.peak_rss_mib()
        result["worker_rss_parts_mib"] = server.rss_parts_mib()
    return result
