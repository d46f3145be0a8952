"""Take the README's screenshots of a network page: overview, a selected person, the collaboration network.

    python scripts/screenshots.py out/network.html docs/ [--chromium /usr/bin/chromium]

Opens the page in headless Chromium (every request but the file aborted), and writes
``network.png`` (the page as it opens), ``network-person.png`` (the person with the most
relations selected: neighbours highlighted, relations with their sentences in the panel) and
``network-collaboration.png`` (who works with whom, coloured by community).
"""
from __future__ import annotations

import argparse
from pathlib import Path

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", type=Path)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    page_path = args.page.resolve()
    args.out_dir.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 860})
        page.route("**/*", lambda route: route.continue_() if route.request.url == page_path.as_uri()
                   else route.abort())
        page.goto(page_path.as_uri())
        page.wait_for_selector("html[data-vg-ready]", state="attached", timeout=120_000)
        page.wait_for_timeout(300)
        page.screenshot(path=str(args.out_dir / "network.png"))
        person = page.evaluate("""(() => {
            const nodes = JSON.parse(document.getElementById('vg-data').textContent).nodes
                .filter(n => n.type === 'Person').sort((a, b) => b.degree - a.degree || (a.id < b.id ? -1 : 1));
            return nodes.length ? nodes[0].id : null;
        })()""")
        if person:
            page.evaluate(f"velferdsgraf.select({person!r})")
            page.wait_for_timeout(300)
            page.screenshot(path=str(args.out_dir / "network-person.png"))
            page.evaluate("velferdsgraf.network.unselectAll()")
        page.mouse.click(5, 120)  # empty canvas: ends the focus
        page.select_option("#vg-mode", "collaboration")
        page.select_option("#vg-colour", "community")
        page.wait_for_timeout(300)
        page.screenshot(path=str(args.out_dir / "network-collaboration.png"))
        browser.close()
    for name in ("network.png", "network-person.png", "network-collaboration.png"):
        print(f"wrote {args.out_dir / name}")


if __name__ == "__main__":
    main()
