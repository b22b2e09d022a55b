"""A throwaway archive in its own folder, driven through manage.py and gunicorn as separate processes."""
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "fixtures" / "raw"


class Archive:
    def __init__(self, folder: Path):
        self.folder = folder
        self.env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
        self.env.update(
            GAOXIN_DATA_DIR=str(folder), GAOXIN_INDEX_PATH=str(folder / "index"), GAOXIN_USER_DICT=str(folder / "userdict.txt"),
            DJANGO_SETTINGS_MODULE="archive.settings", GAOXIN_SEARCH_RATE="0", GAOXIN_API_RATE="0",
        )

    def manage(self, *args, check=True, timeout=600):
        return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=self.env, capture_output=True,
                              text=True, check=check, timeout=timeout)

    def start(self, *args) -> subprocess.Popen:
        return subprocess.Popen([sys.executable, "manage.py", *args], cwd=ROOT, env=self.env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def python(self, code: str, *args, check=True):
        script = "import django\ndjango.setup()\n" + code
        return subprocess.run([sys.executable, "-c", script, *args], cwd=ROOT, env=self.env, capture_output=True,
                              text=True, check=check, timeout=600)

    def setup(self, extra_articles=0):
        self.manage("migrate", "-v0")
        self.manage("load_parks")
        self.manage("ingest", str(SEEDS))
        if extra_articles:
            self.python(
                "import sys\nfrom tests.factories import article\nfrom django.db import transaction\n"
                "with transaction.atomic():\n"
                "    for i in range(int(sys.argv[1])):\n"
                "        article(f'第{i}篇园区新闻', '成都高新区党建联盟发布项目，推动产业高质量发展。' * 20 + f'编号{i}', f'20{10 + i % 16}-0{1 + i % 9}-1{i % 9}')\n",
                str(extra_articles),
            )
        self.manage("rebuild_index")

    def search_ids(self, q: str) -> set[int]:
        out = self.python(
            "import sys\nfrom search.engine import run_search\nfrom search.params import SearchParams\n"
            "print(','.join(str(h['id']) for h in run_search(SearchParams(q=sys.argv[1]), page_size=10000).hits))\n", q,
        ).stdout.strip()
        return {int(i) for i in out.split(",") if i}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """gunicorn with two workers on loopback, stopped by the pid we started."""

    def __init__(self, archive: Archive):
        self.port = free_port()
        self.process = subprocess.Popen(
            [str(Path(sys.executable).with_name("gunicorn")), "archive.wsgi", "--bind", f"127.0.0.1:{self.port}",
             "--workers", "2", "--timeout", "60"],
            cwd=ROOT, env=archive.env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        )
        deadline = time.time() + 30
        while time.time() < deadline:
            try:
                urllib.request.urlopen(self.url("/"), timeout=2)
                return
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError("gunicorn did not start")

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
