"""Command-line start-up: `stats` and `export --help` against a bare `python -c "import sqlite3"`.

    python bench/cli_bench.py [--python PATH] [--runs 25]

Every figure is the wall time of a whole process, as a user waits for it: the median of
several runs, with the fastest and the slowest. Give ``--python`` a plain ``pip install .``
environment's interpreter: the test environment has pandas, which sqlite-utils imports
when it is present, so start-up there says more about pandas than about this program.
The goal for `stats` on a small database is <= 0.3 s.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_DATA = ROOT / "sample_data"


def command(python: str) -> list[str]:
    """The installed entry point beside the interpreter, else the package run as a module."""
    script = Path(python).with_name("policy-annotator")
    return [str(script)] if script.exists() else [python, "-m", "desktop"]


def wall(args: list[str], runs: int) -> tuple[float, float, float]:
    """(fastest, median, slowest) of ``runs`` runs: on a shared virtual machine one run varies by half."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True, cwd=ROOT)
        times.append(time.perf_counter() - started)
    return min(times), statistics.median(times), max(times)


def show(times: tuple[float, float, float]) -> str:
    fastest, median, slowest = (round(value * 1000) for value in times)
    return f"{median} ms ({fastest}-{slowest})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--python", default=sys.executable, help="interpreter of the environment to measure")
    parser.add_argument("--runs", type=int, default=25)
    args = parser.parse_args()
    program = command(args.python)
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "small.db"
        subprocess.run(
            [*program, "import", "--db", str(db), "--workers", "1", str(SAMPLE_DATA)], check=True, capture_output=True
        )
        bare = wall([args.python, "-c", "import sqlite3"], args.runs)
        print(f"environment: {args.python}  ({' '.join(program)}); {args.runs} runs each, median (fastest-slowest)")
        print(f"bare python -c 'import sqlite3': {show(bare)}")
        for label, extra, goal in (
            ("stats (6 articles)", ["stats", "--db", str(db)], "  (goal <= 300 ms)"),
            ("export --help", ["export", "--help"], ""),
        ):
            elapsed = wall([*program, *extra], args.runs)
            print(f"{label}: {show(elapsed)}; ratio of medians {elapsed[1] / bare[1]:.1f}{goal}")


if __name__ == "__main__":
    main()
