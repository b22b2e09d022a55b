"""The machine a result was measured on, so numbers from different machines are not compared blindly."""
import os
import platform
import sqlite3
from importlib.metadata import version


def _cpuinfo_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _memory_gib() -> float | None:
    try:
        with open("/proc/meminfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("MemTotal:"):
                    return round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return None


def describe() -> dict:
    return {
        "cpu_model": _cpuinfo_model(),
        "cores": os.cpu_count(),
        "ram_gib": _memory_gib(),
        "python": platform.python_version(),
        "os": platform.platform(),
        "sqlite": sqlite3.sqlite_version,
        # Other work on the machine slows every figure; the load average says how busy it was.
        "load_average_1_5_15": [round(x, 2) for x in os.getloadavg()],
        "packages": {name: version(name) for name in ("Django", "django-haystack", "Whoosh", "jieba", "gunicorn")},
    }
