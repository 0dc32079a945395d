"""Evidence labels no stronger than what was read (issue 16 item 9; verification §12.16-17)."""

from __future__ import annotations

from wtcheck.rules import BY_ID, RULES
from wtcheck.rules.model import Evidence

READ_SEEDS = (
    "Working Together 2010, executive summary",  # seeds/004
    "Working Together to Safeguard Children 2018 (re-issued 9 Dec 2020)",  # seeds/000
    "Working Together 2018 (re-issued 9 Dec 2020)",  # seeds/000, seeds/001
)


def test_only_the_seeds_that_were_read_say_document_text_checked() -> None:
    """Only the WT2010 executive summary and the Dec 2020 seeds were read: WT2006 ch.5/ch.8,
    the revised ch.8 and WT2010 ch.5/ch.8 themselves were not."""
    seeds = {c.document for r in RULES for c in r.cites if c.evidence is Evidence.SEED}
    assert seeds == set(READ_SEEDS)


def test_no_wt2006_or_wt2010_paragraph_numbers() -> None:
    """verification §12.16: 'Do not print WT2006/WT2010 paragraph numbers; cite WT2010 ch.5'."""
    for rule in RULES:
        for cite in rule.cites:
            if cite.document.startswith(("Working Together 2006", "Working Together 2010")):
                assert "~" not in cite.locator, (rule.id, cite)


def test_ia_10_cites_what_was_read() -> None:
    assert [str(c) for c in BY_ID["ia-10"].cites] == [
        "Working Together 2010, executive summary, initial assessment 'from seven to ten "
        "working days' from 1 April 2010 (WT2010 executive summary) [document text checked]",
        "Working Together 2010, ch.5 [unverified]",
        "Lexology, note on Working Together 2013, 'The 10-day target to complete initial "
        "assessments is also removed' [secondary source]",
    ]
