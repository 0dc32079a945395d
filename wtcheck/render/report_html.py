"""The timeliness report as one self-contained HTML file, to open offline or attach to an email.

No script, no external URL, no font to download: the styles are inline, the
charts are inline SVG drawn by matplotlib (text as text in the reader's own
sans-serif font), and a Content-Security-Policy forbids the page any request.
Per rule: the trend of % on time by month, the bars by group (with --by),
the distribution of working days taken (DfE's bands where DfE publishes the
measure), then the tables. Nothing overflows a 360-pixel-wide window (tables
stack into one block per row) or an A4 page when printed.
"""

from __future__ import annotations

import html
import io
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import polars as pl

from wtcheck import __version__
from wtcheck.render.report_view import (
    band_table,
    by_rule,
    clean,
    england_line,
    main_table,
    rule_title,
)
from wtcheck.report.measures import bands_for

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from wtcheck.report.pack import Pack

CSS = """
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1a1a1a;
margin:0 auto;max-width:64rem;padding:0 .75rem 2rem;line-height:1.4}
h1,h2,h3,p,figcaption,td,th{overflow-wrap:anywhere}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem;border-top:2px solid #1d4f91;padding-top:.5rem}
h3{font-size:1rem}
.note{color:#444;font-size:.9rem}
.england{background:#eef3fa;border-left:4px solid #1d4f91;padding:.4rem .6rem;font-size:.9rem}
figure{margin:1rem 0;break-inside:avoid}
figure svg{display:block;width:100%;max-width:42rem;height:auto}
figcaption{font-size:.85rem;color:#444}
table{border-collapse:collapse;width:100%;font-size:.85rem;font-variant-numeric:tabular-nums;margin:.5rem 0 1rem}
caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border:1px solid #c8c8c8;padding:.2rem .35rem;text-align:right;vertical-align:top}
th{background:#f2f2f2}
th.k,td.k{text-align:left}
@media (max-width:40rem){
 table.stack,table.stack tbody,table.stack tr,table.stack caption{display:block;width:100%}
 table.stack td{display:flow-root;width:100%;min-height:1.6em}
 table.stack thead{display:none}
 table.stack tr{border:1px solid #c8c8c8;margin:0 0 .5rem}
 table.stack td{border:0;border-bottom:1px solid #eee;text-align:right;padding:.15rem .4rem}
 table.stack td::before{content:attr(data-label);float:left;font-weight:600;padding-right:.5rem;text-align:left}
}
@page{size:A4;margin:12mm}
@media print{
 body{max-width:none;padding:0;font-size:9pt}
 h2{break-before:auto;break-after:avoid}
 table{font-size:7pt}
 th,td{padding:1px 3px}
 figure svg{max-width:15cm}
}
"""

CSP = "default-src 'none'; style-src 'unsafe-inline'"


def render_html(pack: Pack, *, heading: str, convention: str) -> str:
    """The whole HTML document of *pack*."""
    e = html.escape
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en-GB"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{e(clean(heading))}</title><style>{CSS}</style></head><body>",
        "<header><h1>Timeliness report</h1>",
        f"<p>{e(clean(heading))}</p>",
        f'<p class="note">{e(convention)}</p></header>',
    ]
    if not pack.summary.height:
        parts.append("<p>Nothing completed or open in the findings.</p>")
    for n, (rule_id, rows) in enumerate(by_rule(pack.summary)):
        parts.append(_rule_section(pack, n, rule_id, rows))
    parts.append(
        f'<footer><p class="note">Made by wtcheck {e(__version__)} as of '
        f"{pack.as_of.isoformat()}. Charts: matplotlib.</p></footer></body></html>\n"
    )
    return "\n".join(parts)


def _rule_section(pack: Pack, n: int, rule_id: str, rows: pl.DataFrame) -> str:
    e = html.escape
    rule = pack.rules.get(rule_id)
    bands = bands_for(rule)
    out = [f'<section class="rule" id="rule-{n}">', f"<h2>{e(rule_title(rule_id, rule))}</h2>"]
    for line in england_line(pack.england, rule_id):
        out.append(f'<p class="england">{e(line)}</p>')
    england = pack.england.filter(pl.col("rule") == rule_id)
    figures = []
    if pack.trend is not None:
        figures.append(_trend(pack.trend.filter(pl.col("rule") == rule_id), england, n))
    if pack.by_group is not None:
        figures.append(_by_group(pack.by_group.filter(pl.col("rule") == rule_id), pack.by, n))
    if pack.overall is not None and bands:
        figures.append(_bands(pack.overall.filter(pl.col("rule") == rule_id), bands, n))
    elif pack.days is not None:
        figures.append(_days(pack.days.filter(pl.col("rule") == rule_id), n))
    out += [f for f in figures if f]
    headings, cells = main_table(rows, pack.by)
    out.append(_table(f"By {pack.period.value}", headings, cells, len(pack.by) + 1))
    if bands:
        headings, cells = band_table(rows, pack.by, bands)
        out.append(_table("DfE bands (working days taken)", headings, cells, len(pack.by) + 1))
    out.append("</section>")
    return "\n".join(out)


def _table(caption: str, headings: Sequence[str], cells: Sequence[Sequence[str]], keys: int) -> str:
    e = html.escape
    head = "".join(
        f'<th scope="col"{" class=k" if i < keys else ""}>{e(h)}</th>'
        for i, h in enumerate(headings)
    )
    body = "".join(
        "<tr>"
        + "".join(
            f'<td data-label="{e(h)}"{" class=k" if i < keys else ""}>{e(c)}</td>'
            for i, (h, c) in enumerate(zip(headings, row, strict=True))
        )
        + "</tr>"
        for row in cells
    )
    return (
        f'<table class="stack"><caption>{e(caption)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


# -- charts ----------------------------------------------------------------------------------

BLUE, GREY, RED = "#1d4f91", "#8c8c8c", "#b3261e"


def _figure(height: float) -> Figure:
    from matplotlib.figure import Figure

    fig = Figure(figsize=(7.2, height), layout="constrained")
    return fig


def _svg(fig: Figure, n: int, kind: str, caption: str) -> str:
    """*fig* as inline SVG in a <figure>: no XML prologue, no fixed size, no namespace URL."""
    import matplotlib

    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": f"wtcheck-{kind}-{n}"}):
        fig.savefig(buffer, format="svg", metadata={k: None for k in _METADATA})
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg") :]
    head_end = svg.index(">")
    head = re.sub(r'\s(?:width|height|xmlns(?::\w+)?)="[^"]*"', "", svg[:head_end])
    label = html.escape(caption, quote=True)
    svg = f'{head} role="img" aria-label="{label}" class="chart-{kind}"{svg[head_end:]}'
    return f'<figure class="chart">{svg}<figcaption>{html.escape(caption)}</figcaption></figure>'


_METADATA = ("Creator", "Date", "Format", "Type")


def _style(ax: Any, grid: str = "y") -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.grid(axis=grid, color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)


def _trend(rows: pl.DataFrame, england: pl.DataFrame, n: int) -> str:
    """% on time by month (months with no completion left as gaps), England's line if any."""
    if not rows.filter(pl.col("completed") > 0).height:
        return ""
    starts = rows.get_column("period_start")
    months = pl.DataFrame(
        {"period_start": pl.date_range(starts.min(), starts.max(), "1mo", eager=True)}  # type: ignore[arg-type]
    )
    rows = months.join(rows, on="period_start", how="left").with_columns(
        period=pl.col("period_start").dt.strftime("%Y-%m")
    )
    fig = _figure(2.8)
    ax = fig.add_subplot()
    x = list(range(rows.height))
    y = [float("nan") if v is None else v for v in rows.get_column("pct_on_time").to_list()]
    ax.plot(x, y, color=BLUE, marker="o", markersize=4, linewidth=1.6, label="% on time")
    if england.height:
        top = england.row(0, named=True)
        ax.axhline(top["pct_within"], color=GREY, linestyle="--", linewidth=1)
        ax.text(
            0, top["pct_within"] + 1.5, f"England {top['year']}: {top['pct_within']:.1f}%",
            color="#555555", fontsize=8,
        )  # fmt: skip
    labels = rows.get_column("period").to_list()
    step = max(1, -(-len(labels) // 12))
    ax.set_xticks(x[::step], labels[::step], rotation=45 if len(labels) > 6 else 0, ha="right")
    ax.set_ylim(0, 105)
    ax.set_ylabel("% on time")
    _style(ax)
    return _svg(fig, n, "trend", "Percentage on time by month of completion.")


def _by_group(rows: pl.DataFrame, by: Sequence[str], n: int) -> str:
    """A horizontal bar per group: % on time over the whole span, with the count."""
    if not rows.height:
        return ""
    rows = rows.sort("group", descending=True)
    fig = _figure(0.8 + 0.28 * rows.height)
    ax = fig.add_subplot()
    groups = [clean(g) for g in rows.get_column("group").to_list()]
    pct = rows.get_column("pct_on_time").to_list()
    ax.barh(range(rows.height), pct, color=BLUE, height=0.6)
    for i, (p, c) in enumerate(zip(pct, rows.get_column("completed").to_list(), strict=True)):
        ax.text(p + 1, i, f"{p:.1f}% of {c}", va="center", fontsize=8)
    ax.set_yticks(range(rows.height), [g if len(g) <= 28 else g[:27] + "…" for g in groups])
    ax.set_xlim(0, 125)
    ax.set_xticks([0, 25, 50, 75, 100])
    ax.set_xlabel("% on time")
    _style(ax, "x")
    return _svg(fig, n, "groups", f"Percentage on time by {' / '.join(by)}, all periods.")


def _bands(rows: pl.DataFrame, bands: Sequence[Any], n: int) -> str:
    """DfE's bands over the whole span: how many completions took how long."""
    from matplotlib.ticker import MaxNLocator

    if not rows.height:
        return ""
    counts = [rows.get_column(b.column)[0] for b in bands]
    fig = _figure(2.6)
    ax = fig.add_subplot()
    ax.bar(range(len(bands)), counts, color=BLUE, width=0.7)
    ax.set_xticks(range(len(bands)), [b.label for b in bands], rotation=30, ha="right")
    ax.set_ylabel("completed")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("working days taken (DfE bands)")
    _style(ax)
    return _svg(fig, n, "bands", "Completions by working days taken, in DfE's bands, all periods.")


def _days(rows: pl.DataFrame, n: int) -> str:
    """Working days taken, one bar per day (rules DfE publishes no bands for)."""
    from matplotlib.ticker import MaxNLocator

    rows = rows.filter(pl.col("days_taken") >= 0)
    if not rows.height:
        return ""
    fig = _figure(2.6)
    ax = fig.add_subplot()
    ax.bar(rows.get_column("days_taken").to_list(), rows.get_column("count").to_list(),
           color=BLUE, width=0.8)  # fmt: skip
    ax.set_ylabel("completed")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("working days taken")
    _style(ax)
    return _svg(fig, n, "days", "Completions by working days taken, all periods.")
