"""A bounded load client: N threads fetching pages from a loopback server, one connection each.

Bounded in both requests and seconds, so a slow server shortens the sample instead of
stretching the run. Each request opens a new connection, as gunicorn's sync workers close
every connection after answering anyway.
"""
import http.client
import threading
import time

HOST = "127.0.0.1"


def fetch(port: int, path: str, timeout: float = 60.0) -> tuple[float, int]:
    """(seconds until the whole body arrived, HTTP status); status 0 when the request failed."""
    started = time.perf_counter()
    connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        status = response.status
    except (OSError, http.client.HTTPException):
        status = 0
    finally:
        connection.close()
    return time.perf_counter() - started, status


def drive(port: int, paths: list[str], concurrency: int, max_requests: int, max_seconds: float) -> list[tuple[str, float, int]]:
    """Fetch `paths` round-robin with `concurrency` threads; (path, seconds, status) per request."""
    lock = threading.Lock()
    issued = [0]
    samples = []
    deadline = time.perf_counter() + max_seconds

    def worker():
        while True:
            with lock:
                if issued[0] >= max_requests or time.perf_counter() > deadline:
                    return
                path = paths[issued[0] % len(paths)]
                issued[0] += 1
            seconds, status = fetch(port, path)
            with lock:
                samples.append((path, seconds, status))

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return samples
