"""What every benchmark shares: run a part in a fresh interpreter and read its peak memory.

Each part runs in its own process so that its peak resident memory (VmHWM on Linux) is its
own, not inherited from the parent or an earlier part.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def peak_mib() -> float:
    """Peak resident memory of this process in MiB (VmHWM on Linux)."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_child(script: str, *args: str) -> str:
    """Run ``script`` with ``args`` in a fresh interpreter; return its output."""
    env = dict(
        os.environ, PYTHONPATH=os.pathsep.join([str(REPO), *filter(None, [os.environ.get("PYTHONPATH")])])
    )
    return subprocess.run(
        [sys.executable, script, *args], check=True, capture_output=True, text=True, env=env
    ).stdout


def measure(script: str, mode: str, target: Path) -> dict[str, float | int | str]:
    """Run ``script --child MODE TARGET`` in a fresh interpreter; return the JSON it printed last."""
    output = run_child(script, "--child", mode, str(target))
    result: dict[str, float | int | str] = json.loads(output.strip().splitlines()[-1])
    return result
