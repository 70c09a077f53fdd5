"""A virtual X server for tests that need a real window: started on a free display, always stopped."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import PROJECT


def xvfb_or_skip() -> str:
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        pytest.skip("Xvfb is not installed (apt-get install xvfb)")
    return xvfb


def start_xvfb(xvfb: str, size: str = "1400x850") -> tuple[subprocess.Popen[bytes], str]:
    """An X server (screen ``size``) on the first free display number, ready to take clients."""
    for number in range(90 + os.getpid() % 50, 200):
        if Path(f"/tmp/.X11-unix/X{number}").exists() or Path(f"/tmp/.X{number}-lock").exists():
            continue
        server = subprocess.Popen(
            [xvfb, f":{number}", "-screen", "0", f"{size}x24", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and server.poll() is None:
            if Path(f"/tmp/.X11-unix/X{number}").exists():
                return server, f":{number}"
            time.sleep(0.1)
        server.kill()
        server.wait(10)
    raise RuntimeError("no X display could be started")


def run_on_xvfb(
    command: list[str], *, size: str = "1400x850", env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Run ``command`` as an X client of a fresh virtual screen; the server is stopped whatever happens."""
    server, display = start_xvfb(xvfb_or_skip(), size)
    try:
        return subprocess.run(
            command,
            env={**os.environ, **(env or {}), "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"},
            cwd=PROJECT,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    finally:
        server.terminate()
        server.wait(10)
