"""The HTML report: self-contained, charts drawn, no overflow at 360 px or on A4.

The static tests read the file. The browser tests render it in Debian's
headless ``chromium``: a test-only wrapper page holds the report in a
same-origin iframe (``srcdoc``) of the width under test and measures it with
a script (the report itself has none). Without the browser they skip, unless
WTCHECK_REQUIRE_BROWSER=1 (CI), where they fail instead.
"""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest

from tests.report.fixture import AS_OF, findings_frame
from wtcheck.calendar.workdays import Calendar
from wtcheck.render.report_html import render_html
from wtcheck.render.report_view import CONVENTION
from wtcheck.report.pack import build
from wtcheck.report.period import Period

CHROMIUM = "/usr/bin/chromium"
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
)  # fmt: skip
A4_WIDTH_PX = 703
"""An A4 page's width less the report's 12 mm margins (186 mm at 96 px per inch)."""


def report_html(ew: Calendar, *, by: tuple[str, ...] = ("team",)) -> str:
    frame = findings_frame()
    pack = build(frame, cal=ew, as_of=AS_OF, period=Period.QUARTER, by=by, for_html=True)
    return render_html(
        pack, heading="Timeliness of cases.csv", convention=CONVENTION.format(division=ew.division)
    )


# -- the file itself ------------------------------------------------------------------------


def test_no_script_no_url_no_font(ew: Calendar) -> None:
    page = report_html(ew)
    assert "<script" not in page.lower()
    assert not re.search(r"\son[a-z]+\s*=", page)  # no event handler attributes
    assert not re.search(r"https?:|//[a-z]", page, re.I)
    assert "@import" not in page and "@font-face" not in page
    assert not re.search(r"url\((?!#)", page)  # only references inside the page
    assert not re.search(r"(?:src|href)=\"(?!#)", page)
    assert (
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'\">" in page
    )


def test_every_rule_has_its_charts_then_tables(ew: Calendar) -> None:
    page = report_html(ew)
    sections = page.split('<section class="rule"')[1:]
    assert len(sections) == 2  # icpc-2013, sa-45
    for section in sections:
        kinds = re.findall(r'class="chart-(\w+)"', section)
        assert kinds == ["trend", "groups", "bands"]
        assert section.index("chart-bands") < section.index("<table")
    assert page.count("<svg") == 6
    # England's figure beside icpc-2013 only, with its label and source
    icpc, sa = sections
    assert "England, computed from DfE&#x27;s published counts (rounded to the nearest 10)" in icpc
    assert "81.4%" in icpc and "England 2024-25: 81.4%" in icpc
    assert "England" not in sa


def test_data_is_escaped(ew: Calendar) -> None:
    frame = findings_frame().with_columns(team=__import__("polars").lit("<b>Team & co</b>"))
    pack = build(frame, cal=ew, as_of=AS_OF, by=("team",), for_html=True)
    page = render_html(pack, heading="h", convention="c")
    assert "<b>Team" not in page and "&lt;b&gt;Team &amp; co&lt;/b&gt;" in page


# -- in the browser -------------------------------------------------------------------------


@pytest.fixture
def chromium() -> str:
    if Path(CHROMIUM).exists():
        return CHROMIUM
    reason = f"headless browser not installed ({CHROMIUM}; Debian package 'chromium')"
    if os.environ.get("WTCHECK_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason}, and WTCHECK_REQUIRE_BROWSER=1")
    pytest.skip(reason)


def run_browser(chromium: str, tmp: Path, *args: str) -> str:
    profile = tmp / "profile"
    result = subprocess.run(
        [chromium, *FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    return result.stdout


MEASURE = """
<script>
addEventListener('load', () => {
  const w = document.getElementById('r').contentWindow, doc = w.document, root = doc.documentElement;
  const box = e => { const r = e.getBoundingClientRect(); return [r.left, r.top + w.scrollY, r.width, r.height]; };
  document.body.setAttribute('data-result', JSON.stringify({
    innerWidth: w.innerWidth, scrollWidth: root.scrollWidth, clientWidth: root.clientWidth,
    widest: Math.max(...[...doc.querySelectorAll('body *')].map(e => e.getBoundingClientRect().right)),
    charts: [...doc.querySelectorAll('figure.chart svg')].map(s => ({
      box: box(s), paths: s.querySelectorAll('path').length, text: s.querySelectorAll('text').length})),
    resources: w.performance.getEntriesByType('resource').map(e => e.name),
  }));
});
</script>"""


def measure(chromium: str, tmp: Path, page: str, width: int, *, print_media: bool = False) -> Any:
    """Render *page* in an iframe *width* px wide; what the wrapper's script measured."""
    page = re.sub(r"<meta http-equiv=\"Content-Security-Policy\"[^>]*>", "", page)
    if print_media:  # the print styles, applied on screen at the width of an A4 page
        page = page.replace("@media print", "@media all")
    wrapper = tmp / f"wrapper-{width}.html"
    wrapper.write_text(
        '<!DOCTYPE html><html><body style="margin:0">'
        f'<iframe id="r" style="border:0;width:{width}px;height:900px" '
        f'srcdoc="{html.escape(page, quote=True)}"></iframe>{MEASURE}</body></html>',
        encoding="utf-8",
    )
    dom = run_browser(chromium, tmp, "--window-size=1200,1000", "--dump-dom", wrapper.as_uri())
    found = re.search(r'data-result="([^"]*)"', dom)
    assert found, dom[:2000]
    return json.loads(html.unescape(found.group(1)))


def test_charts_drawn_and_nothing_overflows_at_360px(
    chromium: str, tmp_path: Path, ew: Calendar
) -> None:
    result = measure(chromium, tmp_path, report_html(ew), 360)
    assert result["innerWidth"] == 360
    assert result["scrollWidth"] <= result["clientWidth"] <= 360
    assert result["widest"] <= 360
    assert len(result["charts"]) == 6
    for chart in result["charts"]:
        left, _top, width, height = chart["box"]
        assert left >= 0 and 300 <= width <= 360 and height > 40
        assert chart["paths"] >= 8 and chart["text"] >= 4  # axes, marks, ticks, labels
    assert result["resources"] == []


def test_nothing_overflows_an_a4_page_when_printed(
    chromium: str, tmp_path: Path, ew: Calendar
) -> None:
    result = measure(chromium, tmp_path, report_html(ew), A4_WIDTH_PX, print_media=True)
    assert result["scrollWidth"] <= A4_WIDTH_PX and result["widest"] <= A4_WIDTH_PX
    report = tmp_path / "report.html"
    report.write_text(report_html(ew), encoding="utf-8")
    pdf = tmp_path / "report.pdf"
    run_browser(
        chromium, tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", report.as_uri()
    )
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    sizes = set(re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", data))
    assert sizes and all(
        abs(float(w) - 595.3) < 1.5 and abs(float(h) - 841.9) < 1.5 for w, h in sizes
    )


def test_charts_are_not_blank_on_screen(chromium: str, tmp_path: Path, ew: Calendar) -> None:
    from PIL import Image

    page = report_html(ew)
    result = measure(chromium, tmp_path, page, 900)
    left, top, width, height = result["charts"][0]["box"]
    shot = tmp_path / "shot.png"
    report = tmp_path / "report.html"
    report.write_text(page, encoding="utf-8")
    size = f"--window-size=900,{int(top + height) + 50}"
    run_browser(chromium, tmp_path, size, f"--screenshot={shot}", report.as_uri())
    image = Image.open(shot).convert("L")
    area = image.crop((int(left), int(top), int(left + width), int(top + height)))
    dark = sum(area.histogram()[:200])
    assert dark > 0.01 * area.width * area.height  # lines, marks and text, not an empty box


class _Count(BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        _Count.hits.append(self.path)
        self.send_response(404)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def loopback() -> Iterator[str]:
    server = HTTPServer(("127.0.0.1", 0), _Count)
    _Count.hits = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_the_request_check_sees_a_request(chromium: str, tmp_path: Path, loopback: str) -> None:
    # the check of test_charts_drawn_and_nothing_overflows_at_360px can fail: a page
    # with one outside reference is caught by it (and the loopback server sees the hit)
    page = f'<!DOCTYPE html><html><body><img src="{loopback}/x.png" alt=""></body></html>'
    result = measure(chromium, tmp_path, page, 360)
    assert result["resources"] == [f"{loopback}/x.png"]
    assert _Count.hits == ["/x.png"]
