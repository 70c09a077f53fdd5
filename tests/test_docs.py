"""The README and the manual in docs/: every link and picture leads somewhere, every page is reachable,
and the script that takes the manual's pictures still takes them."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PROJECT

DOCS = PROJECT / "docs"
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")
HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*$", re.MULTILINE)
WORKSPACES = ("code", "search", "review", "report")


def pages() -> list[Path]:
    return [PROJECT / "README.md", *sorted(DOCS.rglob("*.md"))]


def anchor(heading: str) -> str:
    """A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"[`*_]", "", heading).strip().lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def dead_links(page: Path) -> list[str]:
    """Relative links and pictures in ``page`` whose file, or heading after #, does not exist."""
    dead = []
    for target in LINK.findall(page.read_text(encoding="utf-8")):
        if re.match(r"[a-z]+:", target):
            continue  # a web address: not checked offline
        path, _, fragment = target.partition("#")
        resolved = (page.parent / path).resolve() if path else page
        if not resolved.exists():
            dead.append(f"{target}: no such file")
        elif fragment and resolved.suffix == ".md":
            anchors = {anchor(h) for h in HEADING.findall(resolved.read_text(encoding="utf-8"))}
            if fragment not in anchors:
                dead.append(f"{target}: no such heading")
    return dead


def test_the_link_check_finds_a_missing_file_and_a_missing_heading(tmp_path: Path) -> None:
    (tmp_path / "other.md").write_text("# Other\n\n## Whose spans are counted\n", encoding="utf-8")
    page = tmp_path / "page.md"
    page.write_text(
        "[fine](other.md#whose-spans-are-counted) [gone](missing.md) [wrong](other.md#nowhere) "
        "![picture](images/none.png) [web](https://example.org/x)\n",
        encoding="utf-8",
    )
    assert dead_links(page) == [
        "missing.md: no such file",
        "other.md#nowhere: no such heading",
        "images/none.png: no such file",
    ]


def test_every_link_and_picture_of_the_readme_and_the_manual_leads_somewhere() -> None:
    assert len(pages()) > 10
    dead = {str(page.relative_to(PROJECT)): found for page in pages() if (found := dead_links(page))}
    assert dead == {}


def test_every_page_of_the_manual_is_reachable_from_its_index() -> None:
    linked: set[Path] = set()
    for index in (DOCS / "README.md", DOCS / "zh" / "README.md"):
        text = index.read_text(encoding="utf-8")
        linked |= {(index.parent / t.partition("#")[0]).resolve() for t in LINK.findall(text)}
    orphans = [p.relative_to(DOCS) for p in DOCS.rglob("*.md") if p.name != "README.md" and p.resolve() not in linked]
    assert orphans == []


def test_the_manual_shows_every_workspace_at_both_sizes_in_both_languages() -> None:
    pictures = {p.name for p in (DOCS / "images").glob("*.png")}
    wanted = {
        f"{workspace}-{size}-{language}.png"
        for workspace in WORKSPACES
        for size in ("1280x800", "1600x1000")
        for language in ("en", "zh_CN")
    }
    assert wanted <= pictures, sorted(wanted - pictures)
    shown = "".join(p.read_text(encoding="utf-8") for p in (DOCS / "workspaces.md", DOCS / "zh" / "workspaces.md"))
    assert all(name in shown for name in wanted)


def test_the_readme_is_what_a_newcomer_needs() -> None:
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) <= 80
    for needed in ("## Set up and run", "## Test it", "policy-annotator demo", "docs/README.md", ".png"):
        assert needed in readme, needed


@pytest.mark.xvfb
def test_the_picture_script_takes_every_workspace(tmp_path: Path) -> None:
    from PySide6.QtGui import QImage

    from tests.ui.xvfb_server import xvfb_or_skip

    xvfb_or_skip()
    command = [sys.executable, str(DOCS / "screenshots.py"), "--out", str(tmp_path), "--sizes", "1280x800"]
    result = subprocess.run(
        [*command, "--languages", "zh_CN"], cwd=PROJECT, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr[-2000:]
    for workspace in (*WORKSPACES, "learning"):
        picture = QImage(str(tmp_path / f"{workspace}-1280x800-zh_CN.png"))
        assert (picture.width(), picture.height()) == (1280, 800), workspace
