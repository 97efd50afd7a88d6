"""The Differences page's tables and charts: a `Comparison` in, DataFrames and figures out.

Pure functions (no Streamlit), so they are tested without a browser. Column keys from
`analysis.compare` are shown with the dashboard's short outlet labels (`names`) and
colours. Text that reaches Plotly or HTML is escaped here: user text never becomes markup.
"""

import html
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from typing import Protocol, TypeVar

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from analysis.compare import Comparison, Evidence, Fact, SharedQuote
from analysis.compare.coverage import FACT_SIMILARITY, MIN_FACT_WORDS, OMITTED_SHARE
from analysis.compare.entities import Cell
from analysis.compare.quotes import MIN_QUOTE_WORDS, SHARED_QUOTE_SHARE, SHARED_QUOTE_WORDS
from analysis.compare.words import Z_SIGNIFICANT
from analysis.sentiment import NEUTRAL_BAND


def method(fact_precision: float | None, fact_recall: float | None) -> str:
    """The Method page's section on the Differences page, for students, with the measured
    precision and recall of fact grouping (analysis/data/accuracy.json)."""
    precision = "–" if fact_precision is None else f"{fact_precision:.0%}"
    recall = "–" if fact_recall is None else f"{fact_recall:.0%}"
    return f"""
The **Differences** page lines the selected articles up against each other, by outlet
(an outlet's articles pooled) or by article. It needs at least two.

- **Outlet profile**: an outlet's tone is the mean of its articles' tone, each article
  weighted by its number of words; the range shows its lowest and highest article.
- **Coverage (facts × outlets)**: each sentence becomes a list of *fact terms*: its words
  reduced to their stem (*sanctions*, *sanctioned* → *sanction*; small words like *the*
  and attribution like *said* dropped), a verb's class for verbs that report the same event
  (*blocked* = *prevented*, *sank* = *capsized*: `analysis/data/fact_lexicon.toml`),
  figures in one form (*7,176,141* = *7.18 million*), and the names it contains, each
  counted once by what it names (*Washington* and *the United States* are the same).
  A sentence needs at least {MIN_FACT_WORDS} different terms. Terms that are rare across
  the selected articles weigh more (TF-IDF). Sentences whose lists are similar enough
  (cosine similarity, 0 … 1) are grouped, as long as the group's average similarity stays
  at or above {FACT_SIMILARITY}: each group is one **fact**. *Only in X*: facts no other
  column reports. *Not found in X*: facts that more than {OMITTED_SHARE:.0%} of the other
  columns report and X does not. Checked by hand on 168 sentence pairs from real articles
  on ten stories, labelled before the matcher ran: when two sentences are grouped they are
  the same fact {precision} of the time, but only {recall} of the same-fact pairs are
  found, because outlets often tell the same fact in different words. So *not found*
  means *no sentence sharing enough of its terms*: open the sentences before concluding
  that an outlet left something out.
- **Entities and numbers**: amounts of money (the same amount written `$5.4bn` or
  `US$5.43 billion` is one row), percentages, laws (`… Act`, also when abbreviated in
  another article), acronyms and weapon names (`CAATSA`, `S-400`), countries and
  organisations, and people (a capitalised name with a title before it, a description
  after it, or the surname used again).
- **Shared quotes**: two quotations (at least {MIN_QUOTE_WORDS} words inside quotation
  marks) in different columns are the same when the words they share in a row make up at
  least {SHARED_QUOTE_SHARE:.0%} of the shorter one, or {SHARED_QUOTE_WORDS} words or
  more. *Trimmed differently*: the versions differ, one outlet quoting more or fewer of
  the speaker's words.
- **Distinctive words**: for each column against all the others, the *weighted log-odds
  ratio with an informative Dirichlet prior* (Monroe, Colaresi and Quinn 2008). It
  compares how often a word appears in the column and in the rest, adding the counts of
  all selected articles as a prior so that rare words do not get extreme scores. The
  **z-score** divides that difference by its uncertainty: above {Z_SIGNIFICANT} it is
  unlikely to be chance for that one word; but with hundreds of words tested, about one
  in twenty passes by chance. Small words, people's names and the outlet's own name are
  left out.
- **Same speaker**: a person quoted by several columns (same name), or an institution
  (*the United States*, *the Kremlin*) naming the same country. Unnamed officials are not
  matched across articles: nothing says they are the same person.
- **Voices**: per column, the distinct speakers by type and country, against how often
  each country is mentioned; a country mentioned but never quoted is *talked about but
  not heard*. The summary line says it in words.
- **Labels**: how each column names each actor (*Washington*, *the Trump
  administration*, *US*), counted; and the reporting verbs (*said*, *claimed*,
  *warned*) each column introduces each side's speakers with.
- **Analyzer disagreement**: sentences that TextBlob and VADER read in opposite
  directions, both beyond ±{NEUTRAL_BAND}. The same sentence can be *positive* or
  *negative* depending on the instrument: tone scores are measurements with a method,
  not facts about the text.
"""


GRID_ROW_HEIGHT = 26
# Columns drawn at once in the grids, charts, wide tables and sentence lists, as the
# Compare page draws 12 outlets: one dot, panel or sentence block per column stalls the
# browser at hundreds of columns (every column's counts stay in the per-column tables).
MAX_COLUMNS = 12
COLUMNS_KEY = "differences_columns"  # the page's chooser of the columns drawn
MAX_GRID_ROWS = 40
HOVER_CHARS = 160
ABSENT = "#cccccc"
INSIGNIFICANT = "#bbbbbb"
DISTINCTIVE_SHOWN = 10
PANELS_PER_ROW = 2
Z_LINE = 1.96
FONT = {"family": "Source Sans Pro, sans-serif", "size": 13}


def plain(text: str, limit: int = HOVER_CHARS) -> str:
    """User text for Plotly hover labels: shortened and escaped, never markup."""
    text = " ".join(text.split())
    return html.escape(text if len(text) <= limit else text[: limit - 1] + "…", quote=False)


def column_names(
    comparison: Comparison, article_labels: Mapping[str, str], order: Sequence[str] = ()
) -> dict[str, str]:
    """Column key -> the label to show (the dashboard's article label, or the outlet), in
    the order of the columns' first articles in `order` (the dashboard's outlet order)."""
    place = {article: index for index, article in enumerate(order)}
    columns = sorted(
        comparison.columns,
        key=lambda c: min((place.get(a, len(place)) for a in c.articles), default=0),
    )
    if comparison.by == "article":
        return {c.key: article_labels.get(c.key, c.label) for c in columns}
    return {c.key: c.label for c in columns}


def column_colours(
    comparison: Comparison, article_labels: Mapping[str, str], colours: Mapping[str, str]
) -> dict[str, str]:
    """Column key -> its fixed colour (an outlet takes its first article's colour)."""
    return {
        c.key: colours.get(article_labels.get(c.articles[0], ""), "#555555")
        for c in comparison.columns
    }


class _InColumn(Protocol):
    @property
    def column(self) -> str: ...


InColumn = TypeVar("InColumn", bound=_InColumn)


def first_columns(items: Sequence[InColumn], drawn: Collection[str], limit: int) -> list[InColumn]:
    """At most `limit` of a row's per-column items (cells, quote uses), in their order:
    those of the `drawn` columns first, then others to make up the number."""
    inside = [i for i, item in enumerate(items) if item.column in drawn][:limit]
    outside = [i for i, item in enumerate(items) if item.column not in drawn]
    return [items[i] for i in sorted(inside + outside[: limit - len(inside)])]


def shared_facts(comparison: Comparison) -> list[Fact]:
    return [fact for fact in comparison.coverage.facts if len(fact.columns) > 1]


def _grid(
    rows: Sequence[tuple[str, str, Mapping[str, Cell]]],
    names: Mapping[str, str],
    colours: Mapping[str, str],
    title: str,
) -> go.Figure:
    """Rows × columns of dots in one trace: filled in the column's colour where it has
    the row, an open grey circle where not.

    `rows` are (label, hover text, cells by column); labels and names arrive unescaped
    and are escaped here. Each dot's `customdata` is (row index, column key), the row
    index -1 for an empty dot, so a click can open the sentences behind a filled one.
    """
    labels = [label for label, _, _ in rows]
    dots = [
        (key, name, index, cells.get(key), hover)
        for key, name in names.items()
        for index, (_, hover, cells) in enumerate(rows)
    ]
    dot = {
        "type": "scatter",
        "x": [plain(name) for _, name, _, _, _ in dots],
        "y": [labels[index] for _, _, index, _, _ in dots],
        "mode": "markers",
        "name": "columns",
        "marker": {
            "size": 16,
            "color": [
                colours.get(key, "#555555") if cell else ABSENT for key, _, _, cell, _ in dots
            ],
            "symbol": ["circle" if cell else "circle-open" for _, _, _, cell, _ in dots],
        },
        "customdata": [[index if cell else -1, key] for key, _, index, cell, _ in dots],
        "hovertemplate": "%{text}<extra></extra>",
        "text": [
            f"{plain(name)}: {cell.count}×<br>{hover}" if cell else f"{plain(name)}: not found"
            for _, name, _, cell, hover in dots
        ],
    }
    return go.Figure(
        data=[dot],
        layout={
            "title": {"text": title, "x": 0, "xanchor": "left"},
            "height": max(220, 90 + GRID_ROW_HEIGHT * len(rows)),
            "margin": {"l": 10, "r": 10, "t": 50, "b": 30},
            "font": FONT,
            "plot_bgcolor": "white",
            "showlegend": False,
            "xaxis": {"side": "top"},
            "yaxis": {"autorange": "reversed", "categoryorder": "array", "categoryarray": labels},
            "clickmode": "event+select",
        },
    )


def fact_label(fact: Fact, width: int = 60) -> str:
    return plain(f"{fact.id}. {fact.text}", width)


def coverage_grid(
    comparison: Comparison, names: Mapping[str, str], colours: Mapping[str, str]
) -> go.Figure:
    """Shared facts × columns (the most widely reported first, at most MAX_GRID_ROWS)."""
    facts = shared_facts(comparison)[:MAX_GRID_ROWS]
    rows = [
        (fact_label(fact), plain(fact.text), {cell.column: cell for cell in fact.cells})
        for fact in facts
    ]
    return _grid(rows, names, colours, "Facts reported by more than one column")


def entity_grid(
    comparison: Comparison, names: Mapping[str, str], colours: Mapping[str, str]
) -> go.Figure:
    """Key entities and numbers × columns (those named by two or more columns first)."""
    rows = [
        (
            plain(f"{row.label} ({row.kind})", 50),
            plain(", ".join(dict.fromkeys(f.text for cell in row.cells for f in cell.forms))),
            {cell.column: cell for cell in row.cells},
        )
        for row in comparison.entities[:MAX_GRID_ROWS]
    ]
    return _grid(rows, names, colours, "Who and what each column names")


def coverage_counts(comparison: Comparison, names: Mapping[str, str]) -> pd.DataFrame:
    """Per column: facts it shares, facts only it reports, facts it lacks that most report.

    Counted in one pass over the facts: a pass per column is quadratic in the articles.
    """
    reported = Counter(column for fact in shared_facts(comparison) for column in set(fact.columns))
    only = {entry.column: len(entry.facts) for entry in comparison.coverage.only}
    omitted = {entry.column: len(entry.facts) for entry in comparison.coverage.omitted}
    return pd.DataFrame(
        [
            {
                "column": names[key],
                "shared facts it reports": reported[key],
                "only it reports": only.get(key, 0),
                "not found though most others report it": omitted.get(key, 0),
            }
            for key in names
        ]
    )


def sentences_html(
    evidence: Sequence[Evidence], texts: Mapping[str, Sequence[str]], names: Mapping[str, str]
) -> str:
    """The sentences behind a cell as readable paragraphs, each escaped before any tag."""
    items = [
        f"<p style='margin:0 0 0.5em 0'><span style='color:#666;font-size:0.85em'>"
        f"{html.escape(names.get(item.article, item.article))} · sentence {index + 1}</span>"
        f"<br>{html.escape(texts[item.article][index])}</p>"
        for item in evidence
        for index in item.sentences
    ]
    return f"<div style='margin:0 0 0.8em 0'>{''.join(items)}</div>"


def quote_html(quote: SharedQuote, names: Mapping[str, str]) -> str:
    """One shared quote, each column's version with the words all share in bold.

    Every piece of article text is escaped before it is wrapped in tags.
    """
    rows = []
    for use in quote.uses:
        text = use.text
        common = _find_words(text, quote.common)
        if common:
            start, end = common
            body = (
                html.escape(text[:start])
                + "<b>"
                + html.escape(text[start:end])
                + "</b>"
                + html.escape(text[end:])
            )
        else:
            body = html.escape(text)
        rows.append(
            f"<tr><td style='padding:4px 10px 4px 0;white-space:nowrap;vertical-align:top'>"
            f"<b>{html.escape(names.get(use.column, use.column))}</b><br>"
            f"<span style='color:#666;font-size:0.85em'>{use.words} words · sentence "
            f"{use.sentence + 1}</span></td><td style='padding:4px 0'>“{body}”</td></tr>"
        )
    badge = "trimmed differently" if quote.trimmed else "same words"
    speakers = ", ".join(dict.fromkeys(use.speaker for use in quote.uses if use.speaker))
    if speakers:
        badge += f" · speaker: {html.escape(speakers)}"
    return (
        f"<div style='margin:0 0 1em 0'><div style='font-size:0.85em;color:#555'>{badge}</div>"
        f"<table style='border-collapse:collapse'>{''.join(rows)}</table></div>"
    )


def _find_words(text: str, words: str) -> tuple[int, int] | None:
    """Where the word sequence `words` (lower case, single spaces) runs in `text`."""
    import re

    from analysis.text import WORD

    spans = [(m.start(), m.end(), m.group().lower()) for m in WORD.finditer(text)]
    wanted = words.split(" ")
    plain_words = [re.sub(r"[’']s$", "", w).replace("’", "'") for _, _, w in spans]
    for i in range(len(spans) - len(wanted) + 1):
        if plain_words[i : i + len(wanted)] == wanted:
            return spans[i][0], spans[i + len(wanted) - 1][1]
    return None


def distinctive_bars(
    comparison: Comparison,
    names: Mapping[str, str],
    colours: Mapping[str, str],
    top: int = DISTINCTIVE_SHOWN,
) -> go.Figure:
    """Small multiples, one panel (and trace) per column: the z-scores of the terms it
    uses most more than the others; bars beyond ±1.96 coloured, the rest grey. Each
    bar's `customdata` starts with (column key, term), to open its sentences."""
    entries = {entry.column: entry for entry in comparison.distinctive}
    keys = list(names)
    rows = -(-len(keys) // PANELS_PER_ROW)
    figure = make_subplots(
        rows=rows,
        cols=PANELS_PER_ROW,
        subplot_titles=[f"{plain(names[k])} uses more" for k in keys],
        horizontal_spacing=0.18,
        vertical_spacing=min(0.15, 0.45 / max(1, rows)),
    )
    reach = Z_LINE
    for number, key in enumerate(keys):
        terms = list(entries[key].more[:top])[::-1] if key in entries else []
        reach = max([reach, *(abs(t.z) for t in terms)])
        figure.add_trace(
            go.Bar(
                x=[t.z for t in terms],
                y=[plain(t.term, 30) for t in terms],
                orientation="h",
                name=plain(names[key]),
                marker={
                    "color": [
                        colours.get(key, "#555555") if t.significant else INSIGNIFICANT
                        for t in terms
                    ]
                },
                customdata=[[key, t.term, t.count, t.others] for t in terms],
                hovertemplate="%{y}: z = %{x:.2f}<br>%{customdata[2]}× here, "
                "%{customdata[3]}× in the others<extra></extra>",
            ),
            row=number // PANELS_PER_ROW + 1,
            col=number % PANELS_PER_ROW + 1,
        )
    figure.update_xaxes(range=[0, reach * 1.1], title_text="z", showgrid=True)
    for number in range(len(keys)):
        figure.add_vline(
            x=Z_LINE,
            line_dash="dot",
            line_color="#888",
            row=number // PANELS_PER_ROW + 1,
            col=number % PANELS_PER_ROW + 1,
        )
    figure.update_layout(
        height=max(260, rows * (90 + 22 * top)),
        margin={"l": 10, "r": 10, "t": 40, "b": 30},
        font=FONT,
        plot_bgcolor="white",
        showlegend=False,
    )
    return figure


def label_table(comparison: Comparison, names: Mapping[str, str]) -> pd.DataFrame:
    """Actors × columns: the names each column uses, most used first, with counts."""
    rows = []
    for actor in comparison.labels:
        by_column = {cell.column: cell for cell in actor.cells}
        row = {"actor": actor.name}
        for key, name in names.items():
            cell = by_column.get(key)
            row[name] = forms(cell) if cell else ""
        rows.append(row)
    return pd.DataFrame(rows, columns=["actor", *names.values()])


def forms(cell: Cell) -> str:
    """`Washington ×3, US ×1`."""
    return ", ".join(f"{form.text} ×{form.count}" for form in cell.forms)


def disagreement_table(
    comparison: Comparison, names: Mapping[str, str], article_names: Mapping[str, str]
) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "column": names[d.column],
                "article": article_names.get(d.article, d.article),
                "sentence": d.sentence + 1,
                "TextBlob": d.polarity,
                "VADER": d.vader,
                "TextBlob's words": ", ".join(d.words),
                "text": d.text,
            }
            for d in comparison.disagreement
        ],
        columns=["column", "article", "sentence", "TextBlob", "VADER", "TextBlob's words", "text"],
    )


def disagreement_rates(comparison: Comparison, names: Mapping[str, str]) -> pd.DataFrame:
    rates = {rate.column: rate for rate in comparison.disagreement_rates}
    return pd.DataFrame(
        [
            {
                "column": names[key],
                "sentences": rates[key].sentences,
                "read in opposite directions": rates[key].opposite,
                "share": round(rates[key].opposite / rates[key].sentences, 3)
                if rates[key].sentences
                else None,
            }
            for key in names
        ]
    )


def voices_table(comparison: Comparison, names: Mapping[str, str]) -> pd.DataFrame:
    """Per column: quotes, distinct voices, voices by type, countries heard and unheard."""
    return pd.DataFrame(
        [
            {
                "column": names[v.column],
                "quotes": v.quotes,
                "voices": v.voices,
                "by speaker type": ", ".join(f"{c.key} {c.count}" for c in v.by_type),
                "countries heard": ", ".join(f"{c.key} {c.count}" for c in v.by_country),
                "mentioned, never heard": ", ".join(v.unheard),
            }
            for v in in_order(comparison.voices, names)
        ]
    )


def heard_vs_mentioned(
    comparison: Comparison, names: Mapping[str, str], colours: Mapping[str, str]
) -> go.Figure:
    """Per column, each country's mentions against its quoted voices, in one trace (the
    columns told apart by colour, named on hover and in the title's colour key): a dot far
    right on the mentions axis and at 0 voices is talked about but never heard. Each dot's
    `customdata` is (column key, country code), to open its sentences."""
    dots = []
    for voices in in_order(comparison.voices, names):
        heard = {c.key: c.count for c in voices.by_country}
        mentioned = {c.key: c.count for c in voices.mentioned}
        dots += [
            (voices.column, c, mentioned.get(c, 0), heard.get(c, 0))
            for c in sorted(set(heard) | set(mentioned))
        ]
    key = "   ".join(
        f"<span style='color:{colours.get(k, '#555555')}'>●</span> {plain(name)}"
        for k, name in names.items()
    )
    trace = {
        "type": "scatter",
        "x": [x for _, _, x, _ in dots],
        "y": [y for _, _, _, y in dots],
        "mode": "markers+text",
        "text": [plain(c) for _, c, _, _ in dots],
        "textposition": "top center",
        "name": "countries",
        "marker": {
            "size": 12,
            "color": [colours.get(k, "#555555") for k, _, _, _ in dots],
            "opacity": 0.8,
        },
        "customdata": [[k, c, plain(names[k])] for k, c, _, _ in dots],
        "hovertemplate": "%{text}: mentioned %{x}×, %{y} voices quoted"
        "<extra>%{customdata[2]}</extra>",
    }
    return go.Figure(
        data=[trace],
        layout={
            "title": {
                "text": f"Talked about vs heard, per country<br><sup>{key}</sup>",
                "x": 0,
                "xanchor": "left",
            },
            "height": 420,
            "margin": {"l": 10, "r": 10, "t": 70, "b": 40},
            "font": FONT,
            "plot_bgcolor": "white",
            "showlegend": False,
            "xaxis": {"title": "mentions of the country", "rangemode": "tozero"},
            "yaxis": {"title": "voices from the country", "rangemode": "tozero"},
        },
    )


def in_order(items, names: Mapping[str, str]) -> list:
    """Per-column items (anything with a `column`) in the order of `names`."""
    by_column = {item.column: item for item in items}
    return [by_column[key] for key in names if key in by_column]


def speakers_table(comparison: Comparison, names: Mapping[str, str]) -> pd.DataFrame:
    """Speakers quoted by several columns: how many quotes each column gives them."""
    rows = []
    for speaker in comparison.speakers:
        counts = {cell.column: cell.count for cell in speaker.cells}
        row = {"speaker": speaker.name, "type": speaker.speaker_type, "country": speaker.country}
        row.update({name: counts.get(key, 0) for key, name in names.items()})
        rows.append(row)
    return pd.DataFrame(rows, columns=["speaker", "type", "country", *names.values()])


def verbs_table(comparison: Comparison, names: Mapping[str, str]) -> pd.DataFrame:
    """Speakers' countries × columns: the reporting verbs used for that side's speakers."""
    rows = []
    for side in comparison.verbs:
        by_column = {cell.column: cell for cell in side.cells}
        row = {"speakers from": side.name}
        for key, name in names.items():
            cell = by_column.get(key)
            row[name] = forms(cell) if cell else ""
        rows.append(row)
    return pd.DataFrame(rows, columns=["speakers from", *names.values()])


def profile_table(comparison: Comparison) -> pd.DataFrame:
    """Each outlet's tone over its articles (word-weighted) with the lowest and highest."""
    rows = []
    for profile in comparison.outlets:
        row = {"outlet": profile.outlet, "articles": len(profile.articles), "words": profile.words}
        for name in ("polarity", "subjectivity", "vader"):
            spread = getattr(profile, name)
            row[name] = spread.mean
            row[f"{name} range"] = (
                "" if spread.low is None else f"{spread.low:+.2f} … {spread.high:+.2f}"
            )
        rows.append(row)
    return pd.DataFrame(rows)
