"""Serving with gunicorn and measuring with wrk, always on 127.0.0.1."""

from __future__ import annotations

import http.client
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
REPO_DIR = BENCH_DIR.parent
HOST = "127.0.0.1"
WRK_SCRIPT = BENCH_DIR / "wrk_report.lua"


@dataclass(frozen=True)
class LoadSettings:
    duration_s: int = 10
    warmup_s: int = 3
    connections: int = 4
    threads: int = 1
    workers: int = 2
    timeout_s: int = 10
    quiet_wait_s: int = 0  # wait up to this long for other work to stop before each measurement

    def as_dict(self) -> dict[str, Any]:
        return {
            "tool": wrk_version(),
            "duration_s": self.duration_s,
            "warmup_s": self.warmup_s,
            "connections": self.connections,
            "wrk_threads": self.threads,
            "gunicorn_workers": self.workers,
            "gunicorn_worker_class": "sync",
            "quiet_wait_s": self.quiet_wait_s,
        }


def _cpu_times() -> tuple[int, int]:
    fields = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle + iowait
    return sum(fields), idle


def cpu_busy_pct(sample_s: float = 1.0) -> float:
    """How busy the machine's CPUs are right now (0-100), sampled over `sample_s` seconds."""
    try:
        total_a, idle_a = _cpu_times()
        time.sleep(sample_s)
        total_b, idle_b = _cpu_times()
    except (OSError, ValueError, IndexError):
        return 0.0
    total = total_b - total_a
    return round(100 * (1 - (idle_b - idle_a) / total), 1) if total else 0.0


def wait_until_quiet(max_wait_s: float, busy_below_pct: float = 25.0, log: Any = print) -> float:
    """Wait (at most max_wait_s) until other work leaves the CPUs mostly idle; returns busy %."""
    deadline = time.monotonic() + max_wait_s
    busy = cpu_busy_pct()
    announced = False
    while busy >= busy_below_pct and time.monotonic() < deadline:
        if not announced:
            log(f"  waiting for a quiet machine (CPUs {busy:.0f}% busy) …")
            announced = True
        time.sleep(2)
        busy = cpu_busy_pct()
    return busy


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def ensure_wrk(log: Any = print) -> str:
    """wrk from Debian; installed here when missing and we are root."""
    found = shutil.which("wrk")
    if found:
        return found
    if os.geteuid() != 0:
        raise SystemExit("The benchmarks need wrk: sudo apt-get install -y wrk")
    log("installing wrk from Debian (apt-get install -y wrk)")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    install = ["apt-get", "install", "-y", "-qq", "wrk"]
    if subprocess.run(install, env=env, capture_output=True).returncode != 0:
        subprocess.run(["apt-get", "update", "-qq"], env=env, capture_output=True)
        subprocess.run(install, env=env, check=True, capture_output=True)
    found = shutil.which("wrk")
    if not found:
        raise SystemExit("apt-get did not install wrk")
    return found


def wrk_version() -> str:
    if shutil.which("wrk") is None:  # in-process scenarios run without it
        return "not installed"
    out = subprocess.run(["wrk", "-v"], capture_output=True, text=True)
    first = (out.stdout or out.stderr).splitlines()[:1]
    return first[0].split(" Copyright")[0] if first else "wrk"


@dataclass
class Server:
    """One gunicorn serving one WSGI application on a free local port."""

    name: str
    wsgi: str
    settings_module: str
    env: dict[str, str]
    log_dir: Path
    workers: int = 2
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None

    @property
    def log_path(self) -> Path:
        return self.log_dir / f"{self.name}.log"

    def url(self, path: str = "/") -> str:
        return f"http://{HOST}:{self.port}{path}"

    def start(self) -> Server:
        self.log_dir.mkdir(parents=True, exist_ok=True)
        env = {
            **self.env,
            "DJANGO_SETTINGS_MODULE": self.settings_module,
            "PYTHONPATH": str(REPO_DIR),
        }
        command = [
            str(Path(sys.executable).parent / "gunicorn"), self.wsgi,
            "--bind", f"{HOST}:{self.port}", "--workers", str(self.workers),
            "--worker-class", "sync", "--timeout", "30", "--graceful-timeout", "5",
            "--chdir", str(REPO_DIR), "--error-logfile", "-", "--log-level", "warning",
            "--capture-output",
        ]  # fmt: skip
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(
                command, env=env, stdout=log, stderr=subprocess.STDOUT, cwd=REPO_DIR,
                start_new_session=True,
            )  # fmt: skip
        return self

    def wait_ready(self, path: str, timeout_s: float = 60) -> None:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                raise RuntimeError(f"{self.name}: gunicorn exited.\n{self.log_tail()}")
            try:
                get(self.port, path)
                return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"{self.name}: not ready after {timeout_s:.0f} s.\n{self.log_tail()}")

    def log_tail(self, lines: int = 40) -> str:
        if not self.log_path.exists():
            return ""
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=5)
        except ProcessLookupError:
            pass

    def __enter__(self) -> Server:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


def get(port: int, path: str, cookie: str | None = None) -> tuple[int, str]:
    """One GET without following redirects: (status, Location or first bytes of the body)."""
    conn = http.client.HTTPConnection(HOST, port, timeout=30)
    try:
        conn.request("GET", path, headers={"Cookie": cookie} if cookie else {})
        response = conn.getresponse()
        body = response.read(2000).decode(errors="replace")
        return response.status, response.getheader("Location") or body
    finally:
        conn.close()


def measure(
    server: Server,
    path: str,
    load: LoadSettings,
    cookies: list[str] | None = None,
    log: Any = print,
    warmup_s: int | None = None,
    duration_s: int | None = None,
) -> dict[str, Any]:
    """Warm up, then run wrk; every non-2xx response (3xx too) counts as an error."""
    warmup_s = load.warmup_s if warmup_s is None else warmup_s
    duration_s = duration_s or load.duration_s
    status, detail = get(server.port, path, cookies[0] if cookies else None)
    preflight: dict[str, Any] = {"status": status}
    if not 200 <= status < 300:
        preflight["detail"] = detail[:300]
        log(f"  !! {server.name} {path} answered {status} before the load: {detail[:200]}")
        if status >= 500:
            preflight["server_log_tail"] = server.log_tail()
    with tempfile.NamedTemporaryFile("w", suffix=".cookies", delete=False) as handle:
        handle.write("\n".join(cookies or []))
        cookie_file = handle.name
    try:
        if warmup_s:
            _wrk(server.url(path), load, warmup_s, cookie_file)
        busy = wait_until_quiet(load.quiet_wait_s, log=log) if load.quiet_wait_s else cpu_busy_pct()
        raw = _wrk(server.url(path), load, duration_s, cookie_file)
    finally:
        os.unlink(cookie_file)
    statuses = {int(code): n for code, n in raw["statuses"].items()}
    socket_errors = sum(raw["socket_errors"].values())
    non_2xx = sum(n for code, n in statuses.items() if not 200 <= code < 300)
    seconds = raw["duration_us"] / 1e6
    result: dict[str, Any] = {
        "url": path,
        "p50_ms": round(raw["p50_us"] / 1000, 2),
        "p95_ms": round(raw["p95_us"] / 1000, 2),
        "p99_ms": round(raw["p99_us"] / 1000, 2),
        "max_ms": round(raw["max_us"] / 1000, 2),
        "mean_ms": round(raw["mean_us"] / 1000, 2),
        "rps": round(raw["requests"] / seconds, 1) if seconds else 0.0,
        "requests": raw["requests"],
        "errors": non_2xx + socket_errors,
        "status_codes": {str(k): v for k, v in sorted(statuses.items())},
        "socket_errors": raw["socket_errors"],
        "preflight": preflight,
        # CPU use by other work just before the measurement: figures under 25 % are comparable.
        "cpu_busy_before_pct": busy,
    }
    if result["errors"] and server.log_tail():
        result["server_log_tail"] = server.log_tail()
    return result


def combine_rounds(rounds: list[dict[str, Any]]) -> dict[str, Any]:
    """Alternating rounds of several pages: the median of each figure, the sum of the counts."""
    if len(rounds) == 1:
        return rounds[0]
    combined = dict(rounds[0])
    for key in ("p50_ms", "p95_ms", "p99_ms", "mean_ms", "rps", "cpu_busy_before_pct"):
        combined[key] = round(statistics.median(r[key] for r in rounds), 2)
    combined["max_ms"] = max(r["max_ms"] for r in rounds)
    combined["requests"] = sum(r["requests"] for r in rounds)
    combined["errors"] = sum(r["errors"] for r in rounds)
    codes: dict[str, int] = {}
    for r in rounds:
        for code, n in r["status_codes"].items():
            codes[code] = codes.get(code, 0) + n
    combined["status_codes"] = codes
    combined["rounds"] = [
        {k: r[k] for k in ("p50_ms", "p95_ms", "p99_ms", "rps", "requests", "errors")}
        for r in rounds
    ]
    return combined


def _wrk(url: str, load: LoadSettings, seconds: int, cookie_file: str) -> dict[str, Any]:
    command = [
        "wrk", f"-t{load.threads}", f"-c{load.connections}", f"-d{seconds}s",
        f"--timeout={load.timeout_s}s", "-s", str(WRK_SCRIPT), url, "--", cookie_file,
    ]  # fmt: skip
    out = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60)
    for line in out.stdout.splitlines():
        if line.startswith("BENCH_JSON "):
            data: dict[str, Any] = json.loads(line.removeprefix("BENCH_JSON "))
            return data
    raise RuntimeError(f"wrk gave no figures:\n{out.stdout}\n{out.stderr}")


def percentiles_ms(samples_s: list[float]) -> dict[str, Any]:
    """p50/p95/p99 in milliseconds of in-process timings (seconds), plus operations per second."""
    ordered = sorted(samples_s)
    if len(ordered) > 1:
        cuts = statistics.quantiles(ordered, n=100, method="inclusive")
    else:
        cuts = ordered * 99
    total = sum(ordered)
    return {
        "p50_ms": round(cuts[49] * 1000, 3),
        "p95_ms": round(cuts[94] * 1000, 3),
        "p99_ms": round(cuts[98] * 1000, 3),
        "max_ms": round(ordered[-1] * 1000, 3) if ordered else 0.0,
        "mean_ms": round(total / len(ordered) * 1000, 3) if ordered else 0.0,
        "rps": round(len(ordered) / total, 1) if total else 0.0,
        "requests": len(ordered),
    }
