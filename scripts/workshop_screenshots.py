"""Screenshots of the client view (Voilà, no code) at 1366×768 for the docs.

Run with ``.venv/bin/python scripts/workshop_screenshots.py [--out docs/images]``. It starts
JupyterLab on a temporary workspace with the demo client, opens checks 04, 06 and 08 in the
client view (``smtoolkit lab demo --present --check NN``) and saves one PNG per check,
scrolled to the form.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.e2e.conftest import CHROMIUM_FLAGS, chromium_path  # noqa: E402
from tests.e2e.labdriver import make_workspace, start_lab  # noqa: E402

CHECKS = ("04_effort", "06_monitoring", "08_crisis")


def main() -> None:
    """Write ``client-view-NN_slug.png`` for each of :data:`CHECKS`."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "images")
    args = parser.parse_args()
    executable = chromium_path()
    if executable is None:
        sys.exit("chromium is not installed (make test installs it)")
    from playwright.sync_api import sync_playwright

    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        workspace = make_workspace(Path(tmp), {"demo": "Hallberg Pumpen GmbH"})
        lab = start_lab(workspace)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
                for name in CHECKS:
                    page = browser.new_page(viewport={"width": 1366, "height": 768})
                    url = f"{lab.base}/voila/render/engagements/demo/workshop/{name}.ipynb?token={lab.token}"
                    page.goto(url, timeout=180_000, wait_until="commit")
                    page.wait_for_selector(".smt-status >> text=/geladen/", timeout=180_000)
                    page.wait_for_timeout(1500)
                    page.locator(".smt-status").first.evaluate(
                        "e => e.closest('.widget-vbox').scrollIntoView()"
                    )
                    page.mouse.wheel(0, -140)
                    page.wait_for_timeout(500)
                    target = args.out / f"client-view-{name}.png"
                    page.screenshot(path=str(target))
                    print(target.relative_to(ROOT) if target.is_relative_to(ROOT) else target)
                    page.close()
                browser.close()
        finally:
            lab.stop()


if __name__ == "__main__":
    main()
