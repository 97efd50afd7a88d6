"""The panel under a clickable chart: the sentences or quotes behind what was clicked.

The mapping from a click to its evidence is `evidence.evidence_for` (pure, tested
without a browser); this module only lays the result out, marked as the Read page marks
it. The expanders under the charts use it too, as the keyboard's way to the same panel.
"""

from collections.abc import Sequence

import streamlit as st

from analysis import Comparison

from . import markup
from .evidence import evidence_for, labelled
from .state import Selection

CLICK_HINT = "Click a bar, cell or point to read the sentences behind it."
SCROLL_AFTER = 8  # more sentences or quotes than this scroll inside a box
BOX_HEIGHT = 480  # pixels


def show(
    chart: str,
    points: Sequence[Sequence],
    chosen: Selection,
    comparison: Comparison | None = None,
    place: str = "click",
) -> None:
    """The evidence behind each clicked element of `chart` (its `customdata` in
    `points`), under a bold line saying what it is; says so when there is none. `place`
    tells apart two panels of one chart (the click's, the expander's)."""
    if not points:
        return
    by_id = {report.article.id: report for report in chosen.reports}
    with st.container(border=True, key=f"evidence-{chart}-{place}"):
        for data in points:
            found = evidence_for(chart, data, chosen.reports, comparison)
            if not found:
                st.caption("Nothing is behind this one: no sentence or quote counts here.")
            for behind in found:
                st.markdown(f"**{markup.md_escape(labelled(behind, chosen.labels))}**")
                report = by_id.get(behind.article)
                if behind.empty or report is None:
                    st.caption("Nothing to read here: the number rests on no sentence.")
                    continue
                count = len(behind.quotes or behind.sentences)
                box = st.container(height=BOX_HEIGHT if count > SCROLL_AFTER else "content")
                box.html(markup.STYLE + markup.evidence_html(behind, report, chosen.lens))
