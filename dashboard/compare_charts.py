"""The Differences page's tables and charts: a `Comparison` in, DataFrames and figures out.

Pure functions (no Streamlit), so they are tested without a browser. Column keys from
`analysis.compare` are shown with the dashboard's short outlet labels (`names`) and
colours. Text that reaches Plotly or HTML is escaped here: user text never becomes markup.
"""

import html
from collections.abc import Mapping, Sequence

import pandas as pd
import plotly.graph_objects as go

from analysis.compare import (
    FACT_SIMILARITY,
    MIN_FACT_WORDS,
    MIN_QUOTE_WORDS,
    NEUTRAL_BAND,
    OMITTED_SHARE,
    SHARED_QUOTE_SHARE,
    SHARED_QUOTE_WORDS,
    Z_SIGNIFICANT,
    Cell,
    Comparison,
    Evidence,
    Fact,
    SharedQuote,
    Term,
)

# The Method page's section on the Differences page, for students.
METHOD = f"""
The **Differences** page lines the selected articles up against each other, by outlet
(an outlet's articles pooled) or by article. It needs at least two.

- **Outlet profile**: an outlet's tone is the mean of its articles' tone, each article
  weighted by its number of words; the range shows its lowest and highest article.
- **Coverage (facts × outlets)**: each sentence with at least {MIN_FACT_WORDS} content
  words becomes a list of its words (reduced to their stem: *sanctions*, *sanctioned* →
  *sanction*; small words like *the* dropped) plus the names it contains, each counted
  once by what it names (*Washington* and *the United States* are the same). Words that
  are rare across the selected articles weigh more (TF-IDF). Sentences whose lists are
  similar enough (cosine similarity, 0 … 1) are grouped, as long as the group's average
  similarity stays at or above {FACT_SIMILARITY}: each group is one **fact**. *Only in X*:
  facts no other column reports in similar words. *Not found in X*: facts that more than
  {OMITTED_SHARE:.0%} of the other columns report and X does not. Checked by hand on 56
  sentence pairs from the bundled articles: when two sentences are grouped they are the
  same fact 86% of the time, but only about a quarter of the same-fact pairs are found,
  because outlets often say the same thing in different words. So *not found* means *no
  sentence with similar wording*: open the sentences before concluding that an outlet
  left something out.
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
- **Labels**: how each column names each actor (*Washington*, *the Trump
  administration*, *US*), counted.
- **Analyzer disagreement**: sentences that TextBlob and VADER read in opposite
  directions, both beyond ±{NEUTRAL_BAND}. The same sentence can be *positive* or
  *negative* depending on the instrument: tone scores are measurements with a method,
  not facts about the text.
"""
GRID_ROW_HEIGHT = 26
MAX_GRID_ROWS = 40
HOVER_CHARS = 160
ABSENT = "#eeeeee"
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


def shared_facts(comparison: Comparison) -> list[Fact]:
    return [fact for fact in comparison.coverage.facts if len(fact.columns) > 1]


def _grid(
    rows: Sequence[tuple[str, str, Mapping[str, Cell]]],
    names: Mapping[str, str],
    colours: Mapping[str, str],
    title: str,
) -> go.Figure:
    """Rows × columns of dots: filled in the column's colour where it has the row.

    `rows` are (label, hover text, cells by column). Each filled dot's `customdata` is
    (row index, column key), so a click can open the sentences behind it.
    """
    keys = list(names)
    labels = [label for label, _, _ in rows]
    figure = go.Figure()
    for key in keys:
        present = [(i, row) for i, row in enumerate(rows) if key in row[2]]
        figure.add_trace(
            go.Scatter(
                x=[names[key]] * len(present),
                y=[labels[i] for i, _ in present],
                mode="markers",
                name=names[key],
                marker={"size": 16, "color": colours.get(key, "#555555"), "symbol": "circle"},
                customdata=[[i, key] for i, _ in present],
                hovertemplate="%{text}<extra></extra>",
                text=[
                    f"{plain(names[key])}: {row[2][key].count}×<br>{row[1]}" for _, row in present
                ],
            )
        )
    figure.add_trace(
        go.Scatter(
            x=[names[k] for k in keys for _ in rows],
            y=[label for _ in keys for label in labels],
            mode="markers",
            marker={"size": 16, "color": ABSENT, "symbol": "circle-open"},
            hoverinfo="skip",
            name="not found",
        )
    )
    figure.update_layout(
        title={"text": title, "x": 0, "xanchor": "left"},
        height=max(220, 90 + GRID_ROW_HEIGHT * len(rows)),
        margin={"l": 10, "r": 10, "t": 50, "b": 30},
        font=FONT,
        plot_bgcolor="white",
        showlegend=False,
        xaxis={"side": "top", "categoryorder": "array", "categoryarray": [names[k] for k in keys]},
        yaxis={"autorange": "reversed", "categoryorder": "array", "categoryarray": labels},
        clickmode="event+select",
    )
    return figure


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
    """Per column: facts it shares, facts only it reports, facts it lacks that most report."""
    shared = shared_facts(comparison)
    only = {entry.column: len(entry.facts) for entry in comparison.coverage.only}
    omitted = {entry.column: len(entry.facts) for entry in comparison.coverage.omitted}
    return pd.DataFrame(
        [
            {
                "column": names[key],
                "shared facts it reports": sum(key in fact.columns for fact in shared),
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


def distinctive_bars(terms: Sequence[Term], colour: str, title: str) -> go.Figure:
    """z-scores of a column's most distinctive terms, with the ±1.96 line marked."""
    terms = list(terms)[::-1]
    figure = go.Figure(
        go.Bar(
            x=[t.z for t in terms],
            y=[plain(t.term, 40) for t in terms],
            orientation="h",
            marker={"color": [colour if t.significant else "#bbbbbb" for t in terms]},
            text=[f"{t.count} vs {t.others}" for t in terms],
            textposition="outside",
            hovertemplate="%{y}: z = %{x:.2f}<br>used %{text} (here vs the others)<extra></extra>",
        )
    )
    for x in (Z_LINE, -Z_LINE):
        figure.add_vline(x=x, line_dash="dot", line_color="#888")
    reach = max([abs(t.z) for t in terms] + [Z_LINE]) * 1.25
    figure.update_layout(
        title={"text": plain(title), "x": 0, "xanchor": "left"},
        height=max(200, 70 + 24 * len(terms)),
        margin={"l": 10, "r": 10, "t": 45, "b": 30},
        font=FONT,
        plot_bgcolor="white",
        showlegend=False,
        xaxis={"range": [-reach if any(t.z < 0 for t in terms) else 0, reach], "title": "z"},
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
            row[name] = _forms(cell) if cell else ""
        rows.append(row)
    return pd.DataFrame(rows, columns=["actor", *names.values()])


def _forms(cell: Cell) -> str:
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
