"""Differences: what each outlet includes, leaves out, and how it words the same story.

Everything shown comes from `analysis.compare`; this page only lays it out. Every cell
opens the sentences behind it (click a dot, or choose the row below the chart).
"""

import html
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

import streamlit as st

from analysis import Comparison, compare
from dashboard import compare_charts as charts
from dashboard import evidence_panel, state
from dashboard.markup import md_escape

BY_KEY = "differences_by"
TAB_KEY = "differences_tab"  # the open tab: only its content runs and is drawn
BY = {"Outlet": "outlet", "Article": "article"}
SHOWN_FACTS = 25  # facts listed under "only" and "not found" before "show all"
JSON_HINT = "the sidebar's Full report (JSON) holds the whole comparison, by outlet"


def comparison(chosen: state.Selection, by: str) -> Comparison:
    """`analysis.compare` of the selection, computed once per selection and grouping and
    shared by every session."""
    with st.spinner("Comparing…"):
        return state.shared("comparison", (chosen.key, by), lambda: compare(chosen.reports, by=by))


def drawn_columns(names: dict[str, str]) -> dict[str, str]:
    """The columns to draw: all of them up to charts.MAX_COLUMNS; beyond, the reader's choice
    (the first charts.MAX_COLUMNS in the dashboard's order until then)."""
    if len(names) <= charts.MAX_COLUMNS:
        return names
    keys = list(names)
    kept = st.session_state.get(charts.COLUMNS_KEY)
    if not kept or not set(kept) <= set(keys):  # another selection or grouping
        st.session_state[charts.COLUMNS_KEY] = keys[: charts.MAX_COLUMNS]
    picked = set(
        st.multiselect(
            f"Columns drawn in the charts, wide tables and sentence lists (up to {charts.MAX_COLUMNS})",
            keys,
            key=charts.COLUMNS_KEY,
            max_selections=charts.MAX_COLUMNS,
            format_func=names.__getitem__,
        )
        or keys[: charts.MAX_COLUMNS]
    )
    st.caption(
        f"Showing {len(picked)} of {len(names):,} columns: choose which above. The per-column "
        f"tables list all {len(names):,}; {JSON_HINT}."
    )
    return {key: name for key, name in names.items() if key in picked}


def cells_of(cells: Sequence[Any], heading: Callable[[Any], str]) -> None:
    """The sentences behind a row's cells, at most charts.MAX_COLUMNS of them (the drawn
    columns' first), each under `heading(cell)`; says how many more columns there are."""
    shown = charts.first_columns(cells, drawn, charts.MAX_COLUMNS)
    for cell in shown:
        sentences(cell.evidence, heading(cell))
    if len(shown) < len(cells):
        st.caption(
            f"Showing {len(shown)} of {len(cells):,} columns: choose the columns drawn "
            f"above; {JSON_HINT}."
        )


def open_one(items: Sequence[Any], label: str, key: str, heading: Callable[[Any], str]) -> None:
    """A chooser of `items` by name, then the chosen one's cells' sentences (`cells_of`)."""
    index = st.selectbox(label, range(len(items)), format_func=lambda i: items[i].name, key=key)
    cells_of(items[index].cells, heading)


def sentences(evidence, heading: str = "") -> None:
    """The sentences behind a cell, under an optional heading (both escaped)."""
    if heading:
        st.html(f"<b>{html.escape(heading)}</b>")
    st.html(charts.sentences_html(evidence, texts, chosen.labels))


chosen = state.current()
st.title("Differences between outlets")
st.caption(
    "What each outlet reports that others do not, whom it quotes, which words it prefers "
    "and how it names each side. Every number opens the sentences behind it."
)
if len(chosen.reports) < 2:
    st.info(
        "Select at least two articles under **Articles** in the sidebar to compare them "
        f"({len(chosen.reports)} selected)."
    )
    st.stop()

by_label = st.radio(
    "Compare by",
    list(BY),
    key=BY_KEY,
    horizontal=True,
    help="Outlet: an outlet's articles are pooled into one column. Article: one column each.",
)
reports = tuple(chosen.reports)
texts = {
    r.article.id: [r.document.sentence_text(i) for i in range(len(r.document.sentences))]
    for r in reports
}
result = comparison(chosen, BY[by_label])
if result.note:
    st.info(result.note)
    st.stop()

names = charts.column_names(result, chosen.labels, [r.article.id for r in reports])
colours = charts.column_colours(result, chosen.labels, chosen.colours)
drawn = drawn_columns(names)
tabs = st.tabs(
    [
        "Coverage",
        "Entities and numbers",
        "Shared quotes",
        "Voices",
        "Distinctive words",
        "Labels",
        "Analyzer disagreement",
        "Outlet profiles",
    ],
    key=TAB_KEY,
    on_change="rerun",  # a tab's charts are drawn when it is opened, not all at once
)

with tabs[0]:
    if tabs[0].open:  # only the open tab is drawn
        st.markdown(
            "Sentences from different columns that report the same fact (the same names, "
            "figures, stems and kind of event) are grouped into one **fact**. A dot means the "
            "column reports it; click a dot to read its sentences. Matching compares terms "
            f"(TF-IDF similarity ≥ {result.coverage.threshold}): a fact reported in quite "
            "different words is not matched, so read *only* and *not found* as *no sentence "
            "sharing enough of its terms*."
        )
        st.dataframe(charts.coverage_counts(result, names), hide_index=True)
        shared = charts.shared_facts(result)
        facts = {fact.id: fact for fact in result.coverage.facts}
        if shared:
            picked = state.plot(
                charts.coverage_grid(result, drawn, colours), "coverage-grid", clickable=True
            )
            evidence_panel.show("coverage-grid", picked, chosen, result)
            options = [fact.id for fact in shared]
            index = max(0, int(picked[0][0])) if picked else 0  # an empty dot's row is -1
            fact_id = st.selectbox(
                "Open a fact",
                options,
                index=index,
                format_func=lambda i: charts.fact_label(facts[i], 110),
                key="open_fact",
            )
            cells_of(facts[fact_id].cells, lambda cell: names[cell.column])
        else:
            st.info("No fact is reported in similar words by two or more columns.")
        listed = [
            (item, what)
            for entry, what in (
                (result.coverage.only, "Only in {}"),
                (result.coverage.omitted, "Not found in {} though most others report it"),
            )
            for item in entry
            if item.facts
        ]
        if len(names) > charts.MAX_COLUMNS:  # one pair of expanders, for the column chosen
            with_facts = {item.column for item, _ in listed}
            if with_facts:
                column = st.selectbox(
                    f"Facts only in, or not found in, a column ({len(with_facts):,} columns have some)",
                    [key for key in names if key in with_facts],
                    format_func=names.__getitem__,
                    key="open_column",
                )
                listed = [(item, what) for item, what in listed if item.column == column]
        for item, what in listed:
            with st.expander(f"{what.format(md_escape(names[item.column]))} ({len(item.facts)})"):
                for fact_id in item.facts[:SHOWN_FACTS]:
                    cells_of(facts[fact_id].cells, lambda cell: "")
                if len(item.facts) > SHOWN_FACTS:
                    st.caption(f"… and {len(item.facts) - SHOWN_FACTS} more (see the JSON report).")

with tabs[1]:
    if tabs[1].open:
        st.markdown(
            "Amounts, numbers, laws, acronyms, countries and people, and which columns name "
            "them. The same amount written differently (`$5.4bn`, `US$5.43 billion`) is one row."
        )
        if result.entities:
            picked = state.plot(
                charts.entity_grid(result, drawn, colours), "entity-grid", clickable=True
            )
            evidence_panel.show("entity-grid", picked, chosen, result)
            rows = list(result.entities)
            entity = st.selectbox(
                "Open an entity",
                range(len(rows)),
                index=max(0, int(picked[0][0])) if picked else 0,
                format_func=lambda i: f"{rows[i].label} ({rows[i].kind})",
                key="open_entity",
            )
            cells_of(rows[entity].cells, lambda cell: f"{names[cell.column]}: {charts.forms(cell)}")
        else:
            st.info("No key entity or number found.")

with tabs[2]:
    if tabs[2].open:
        st.markdown(
            "The same quotation in several columns (five or more words in a row in common). "
            "**Bold**: the words every version shares. *Trimmed differently*: one column quotes "
            "more or fewer of the speaker's words."
        )
        if result.quotes:
            for quote in result.quotes:
                uses = charts.first_columns(quote.uses, drawn, charts.MAX_COLUMNS)
                st.html(charts.quote_html(replace(quote, uses=tuple(uses)), names))
                if len(uses) < len(quote.uses):
                    st.caption(
                        f"Showing {len(uses)} of {len(quote.uses):,} columns' versions: choose "
                        f"the columns drawn above; {JSON_HINT}."
                    )
        else:
            st.info("No quotation appears in more than one column.")
        st.subheader("Who quotes whom")
        st.caption(
            "Speakers quoted by two or more columns: a person by name, an institution by the "
            "country it speaks for. Unnamed officials are not matched across articles."
        )
        if result.speakers:
            st.dataframe(charts.speakers_table(result, drawn), hide_index=True)
            open_one(
                result.speakers,
                "Open a speaker",
                "open_speaker",
                lambda cell: f"{names[cell.column]}: {cell.count} quotes",
            )
        else:
            st.info("No speaker is quoted by more than one column.")

with tabs[3]:
    if tabs[3].open:
        st.markdown(
            "Whom each column gives voice to (distinct speakers, by type and country), against "
            "the countries it talks about."
        )
        for voices in charts.in_order(result.voices, drawn):
            st.html(
                f"<p><b>{html.escape(names[voices.column])}</b>: {html.escape(voices.summary)}</p>"
            )
        st.dataframe(charts.voices_table(result, names), hide_index=True)
        st.caption(
            "Click a dot to read the sentences naming the country and the quotes of its speakers."
        )
        picked = state.plot(
            charts.heard_vs_mentioned(result, drawn, colours),
            "talked-about-vs-heard",
            clickable=True,
        )
        evidence_panel.show("talked-about-vs-heard", picked, chosen, result)

with tabs[4]:
    if tabs[4].open:
        st.markdown(
            "Words and two-word phrases one column uses more (or less) than the others, by the "
            "weighted log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi and "
            "Quinn 2008). **z** above 1.96 (coloured bars) is unlikely to be chance for one word; "
            "grey bars may be chance. Stop-words, people's names and the outlet's own name are "
            "left out. Click a bar to read the sentences using the word."
        )
        picked = state.plot(
            charts.distinctive_bars(result, drawn, colours), "distinctive-words", clickable=True
        )
        evidence_panel.show("distinctive-words", picked, chosen, result)
        terms = [
            (entry.column, term)
            for entry in result.distinctive
            if entry.column in drawn
            for term in entry.more
        ]
        if terms:
            pick = st.selectbox(
                "Open a word",
                range(len(terms)),
                format_func=lambda i: (
                    f"{names[terms[i][0]]}: {terms[i][1].term} (z = {terms[i][1].z:.2f})"
                ),
                key="open_term",
            )
            sentences(terms[pick][1].evidence)

with tabs[5]:
    if tabs[5].open:
        st.markdown("How each column names each actor, most used name first.")
        if result.labels:
            st.dataframe(charts.label_table(result, drawn), hide_index=True)
            open_one(
                result.labels,
                "Open an actor",
                "open_actor",
                lambda cell: f"{names[cell.column]}: {charts.forms(cell)}",
            )
        else:
            st.info("No actor from the gazetteer is named.")
        st.subheader("Reporting verbs per side")
        st.caption(
            "The verbs each column introduces each country's speakers with: *said* is neutral; "
            "*claimed*, *admitted* or *insisted* suggest doubt or guilt."
        )
        if result.verbs:
            st.dataframe(charts.verbs_table(result, drawn), hide_index=True)
        else:
            st.info("No quote with a reporting verb and a speaker's country.")

with tabs[6]:
    if tabs[6].open:
        st.markdown(
            "Sentences that TextBlob and VADER read in opposite directions (both outside the "
            "neutral band of ±0.05). A tone score depends on the instrument that measures it."
        )
        st.dataframe(charts.disagreement_rates(result, names), hide_index=True)
        if result.disagreement:
            st.dataframe(charts.disagreement_table(result, names, chosen.labels), hide_index=True)
        else:
            st.info("TextBlob and VADER never point in opposite directions here.")

with tabs[7]:
    if tabs[7].open:
        st.markdown(
            "Each outlet's tone over its articles, weighted by their words; the range shows "
            "the lowest and highest article."
        )
        st.dataframe(charts.profile_table(result), hide_index=True)
