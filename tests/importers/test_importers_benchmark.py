"""The mentions import benchmark runs end to end (on a small file, to stay fast)."""

from __future__ import annotations

import re
import subprocess
import sys

from .helpers import REPO


def test_benchmark_prints_the_summary_line() -> None:
    """benchmarks/import_mentions.py --rows N ends with the ratio and peak memory line."""
    result = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "import_mentions.py"), "--rows", "3000", "--repeat", "1"],
        check=True,
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=300,
    )
    lines = result.stdout.strip().splitlines()
    assert re.fullmatch(r"import_vs_read_csv=\d+\.\d\d peak_mib=\d+", lines[-1])
    assert "rows 3,000 (format generic_mentions)" in result.stdout
