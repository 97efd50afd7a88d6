"""Comparison charts: tidy DataFrames in (see tables.py), Plotly figures out.

Every chart keeps one colour per outlet, lists outlets in the order given, starts its
value axis at a shared zero and draws the 90% intervals where the analysis has them, so
a difference never looks bigger than it is.

Figures are assembled as plain dicts and validated once by `go.Figure`: adding traces and
axes one call at a time costs Plotly a validation each, several seconds for 50 outlets.
"""

import html
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
import plotly.graph_objects as go

# Okabe–Ito colours (readable with colour-blindness), then Tableau's for larger corpora.
PALETTE = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#CC79A7",
    "#D55E00",
    "#56B4E9",
    "#7F7F7F",
    "#8C564B",
    "#BCBD22",
    "#17BECF",
    "#9467BD",
    "#2CA02C",
)
GREY = "#d9d9d9"
GRID = "#eeeeee"
ZERO = {"zeroline": True, "zerolinecolor": "#444444", "zerolinewidth": 2}
# Speaker types and countries are coloured apart from the outlets, in ColorBrewer's Set2;
# civil society and international bodies take the yellow and the deep blue of Okabe & Ito's
# colour-blind-safe palette, which differ from the others in hue and lightness.
SPEAKER_TYPE_COLOURS = {
    "official": "#66C2A5",
    "legislator": "#FC8D62",
    "expert": "#8DA0CB",
    "media": "#E78AC3",
    "civil_society": "#F0E442",
    "international": "#0072B2",
    "other": "#B3B3B3",
}
CATEGORY_PALETTE = (
    "#66C2A5",
    "#FC8D62",
    "#8DA0CB",
    "#E78AC3",
    "#A6D854",
    "#FFD92F",
    "#E5C494",
    "#B3B3B3",
)
# Tone scale: red for negative, blue for positive, white at zero.
DIVERGING = "RdBu"
MIN_SENTENCES = 3  # actor cells built on fewer sentences are greyed, not coloured
TONE_FLOOR = 0.2  # the tone axis spans at least ±0.2, so tiny differences stay tiny
# Outlets drawn at once as small multiples (a panel each), and above which the Compare page
# draws one section at a time: more would stall the browser.
MAX_PANELS = 12
ROW_HEIGHT = 46  # pixels per outlet in bar charts and heatmaps
# Heatmap rows (outlets) above which cells show no text, only their colour and hover: the
# browser drawing a hundred rows of cell text made the Compare page with 100 articles
# 2.3× as slow to switch to as the minimal app (benchmarks/dashboard.py).
MAX_LABELLED_ROWS = 12
PANEL_HEIGHT = 110  # pixels per outlet in small multiples
FONT = {"family": "Source Sans Pro, sans-serif", "size": 14}
# Read from the back of a classroom: no chart text smaller than this (Plotly would shrink a
# heatmap's cell text to fit the cell, down to a few pixels, unless its size is fixed).
MIN_FONT = 13
# Quoted sentences' bars in the tone-through chart: pale, yet their colour still tells
# the outlet.
QUOTED_OPACITY = 0.4
KEY_PER_LINE = 4  # category names per line of a chart's colour key: fits a half-width chart
GAP: dict = {}
PAIR_WIDTH = 0.375  # talked-about and heard bars side by side, a quarter of a slot apart  # a point that breaks a line between one outlet's marks and the next's


def outlet_colours(labels: Sequence[str]) -> dict[str, str]:
    """A fixed colour per outlet label, by its place in the whole catalogue."""
    return {label: PALETTE[index % len(PALETTE)] for index, label in enumerate(labels)}


def category_colours(
    categories: Sequence[str], fixed: Mapping[str, str] | None = None
) -> dict[str, str]:
    """Colours for speaker types (fixed) or countries (by order, a muted palette)."""
    fixed = fixed or {}
    spare = [c for c in CATEGORY_PALETTE if c not in fixed.values()]
    free = iter(spare * (len(categories) // max(1, len(spare)) + 1))
    return {c: fixed.get(c) or next(free) for c in categories}


def plain(text: str) -> str:
    """User text for Plotly, which renders a small HTML subset: escaped, never markup."""
    return html.escape(text, quote=False)


def _figure(traces: list[dict], height: int, title: str = "", **layout) -> go.Figure:
    base = {
        "title": {"text": title, "x": 0, "xanchor": "left"},
        "height": height,
        "margin": {"l": 10, "r": 10, "t": 50, "b": 40},
        "font": FONT,
        "plot_bgcolor": "white",
        "showlegend": False,
    }
    return go.Figure(data=traces, layout={**base, **layout})


def _axis_title(text: str) -> dict:
    """An axis title broken after its colon: whole on a half-width chart at 1024 px."""
    return {"text": text.replace(": ", ":<br>", 1)}


def _symmetric_range(values: pd.Series, floor: float = TONE_FLOOR) -> list[float]:
    """An axis range centred on zero, wide enough for every value and interval."""
    finite = pd.to_numeric(values, errors="coerce").abs().dropna()
    reach = max(floor, float(finite.max()) if len(finite) else floor) * 1.1
    return [-reach, reach]


def _errors(values: Sequence, lows: Sequence, highs: Sequence) -> dict:
    """Asymmetric error bars from each value to its interval's ends (None: no bar)."""
    values, lows, highs = (np.asarray(v, dtype=float) for v in (values, lows, highs))
    return {
        "type": "data",
        "symmetric": False,
        "array": _nones(highs - values),
        "arrayminus": _nones(values - lows),
        "color": "#333333",
        "thickness": 1.5,
        "width": 6,
    }


def _nones(values: np.ndarray) -> list[float | None]:
    """Numbers for Plotly, NaN as None (JSON has no NaN)."""
    return [None if np.isnan(v) else float(v) for v in values]


def _grid(df: pd.DataFrame, rows: str, columns: str, value: str, index, order) -> pd.DataFrame:
    """`value` laid out as rows × columns in the given orders (missing cells NaN)."""
    table = df.pivot_table(index=rows, columns=columns, values=value, aggfunc="first")
    return table.reindex(index=list(index), columns=list(order))


def interval_bars(
    df: pd.DataFrame,
    colours: Mapping[str, str],
    value: str,
    title: str,
    axis_title: str,
    bounded: tuple[float, float] | None = None,
) -> go.Figure:
    """Horizontal bars from zero, one per outlet in its colour (one trace: the browser
    draws a trace per chart faster than one per outlet), each with its 90% interval.

    `df` has columns outlet, `value`, `value`_low and `value`_high. `bounded` fixes the
    axis (subjectivity runs 0..1); otherwise it is symmetric around zero.
    """
    low, high = f"{value}_low", f"{value}_high"
    traces = [
        {
            "type": "bar",
            "name": value,
            "y": [plain(o) for o in df.outlet],
            "x": df[value].tolist(),
            "orientation": "h",
            "marker": {"color": [colours[o] for o in df.outlet]},
            "error_x": _errors(df[value], df[low], df[high]),
            "customdata": df[["article", low, high]].to_numpy().tolist(),
            "hovertemplate": (
                f"<b>%{{y}}</b><br>{axis_title}: %{{x:+.3f}}<br>90% interval: "
                "%{customdata[1]:+.3f} … %{customdata[2]:+.3f}<extra></extra>"
            ),
        }
    ]
    axis = list(bounded) if bounded else _symmetric_range(pd.concat([df[low], df[high]]))
    return _figure(
        traces,
        90 + ROW_HEIGHT * len(df),
        title,
        xaxis={"title": _axis_title(axis_title), "range": axis, "gridcolor": GRID, **ZERO},
        yaxis={"categoryorder": "array", "categoryarray": [plain(o) for o in df.outlet][::-1]},
    )


def voice_dumbbell(df: pd.DataFrame, colours: Mapping[str, str], axis_title: str) -> go.Figure:
    """Narration (●) and quoted (◆) tone per outlet on one shared axis, with intervals.

    One trace: each outlet's marks in its colour, joined by a grey line that a gap (None)
    breaks before the next outlet.
    """
    outlets = list(dict.fromkeys(df["outlet"]))
    by_outlet = dict(list(df[df["tone"].notna()].groupby("outlet", sort=False)))
    points: list[dict] = []
    for outlet in outlets:
        rows = by_outlet.get(outlet, df.iloc[:0])
        points += [{**row, "outlet": outlet} for row in rows.to_dict("records")]
        points.append(GAP)
    x = [p.get("tone") for p in points]
    return _figure(
        [
            {
                "type": "scatter",
                "name": "tone by voice",
                "x": x,
                "y": [plain(p["outlet"]) if p else None for p in points],
                "mode": "lines+markers",
                "line": {"color": "#999999", "width": 2},
                "marker": {
                    "color": [colours[p["outlet"]] if p else GREY for p in points],
                    "size": 13,
                    "symbol": [
                        "diamond" if p.get("voice") == "quoted" else "circle" for p in points
                    ],
                },
                "error_x": _errors(
                    x, [p.get("low") for p in points], [p.get("high") for p in points]
                ),
                "customdata": [[p["article"], p["voice"], p["n"]] if p else None for p in points],
                "hovertemplate": (
                    "<b>%{y}</b> · %{customdata[1]}<br>tone %{x:+.3f} over "
                    "%{customdata[2]} pieces<extra></extra>"
                ),
            }
        ],
        90 + ROW_HEIGHT * len(outlets),
        "Narration ● vs quoted ◆ tone",
        xaxis={
            "title": _axis_title(axis_title),
            "range": _symmetric_range(pd.concat([df["low"], df["high"]])),
            "gridcolor": GRID,
            **ZERO,
        },
        yaxis={"categoryorder": "array", "categoryarray": [plain(o) for o in outlets][::-1]},
    )


def actor_heatmap(df: pd.DataFrame, outlets: Sequence[str], actors: Sequence[str]) -> go.Figure:
    """Outlets × actors: mean tone of the sentences mentioning the actor, one row per outlet.

    Colour is diverging around zero; each cell shows its tone and sentence count, and cells
    resting on fewer than MIN_SENTENCES sentences are grey (too few to read).
    """
    tone = _grid(df, "outlet", "actor", "tone", outlets, actors)
    count = _grid(df, "outlet", "actor", "sentences", outlets, actors).fillna(0).astype(int)
    solid = tone.where(count >= MIN_SENTENCES)
    thin = (count * 0).where((count > 0) & (count < MIN_SENTENCES))
    text = [
        [_cell_text(t, n) for t, n in zip(tones, ns, strict=True)]
        for tones, ns in zip(tone.to_numpy(), count.to_numpy(), strict=True)
    ]
    reach = _symmetric_range(df["tone"], 0.3)[1]
    x, y = [plain(a) for a in actors], [plain(o) for o in outlets]
    common = {
        "x": x,
        "y": y,
        **_cell_labels(text, len(outlets)),
        "xgap": 2,
        "ygap": 2,
        "hoverinfo": "skip",  # the click layer above carries the hover
    }
    traces = [
        {
            "type": "heatmap",
            "name": f"fewer than {MIN_SENTENCES} sentences",
            "z": _nulls(thin),
            "colorscale": [[0, GREY], [1, GREY]],
            "showscale": False,
            **common,
            **_cell_labels(text, len(outlets), "#666666"),
        },
        {
            "type": "heatmap",
            "name": "tone",
            "z": _nulls(solid),
            "colorscale": DIVERGING,
            "zmid": 0,
            "zmin": -reach,
            "zmax": reach,
            "colorbar": {"title": {"text": "tone"}, "thickness": 12},
            **common,
        },
        _click_layer(
            x,
            y,
            _cells(df, "actor", "id", outlets, actors),
            [
                [_actor_hover(o, a, t, n) for a, t, n in zip(actors, tones, ns, strict=True)]
                for o, tones, ns in zip(outlets, tone.to_numpy(), count.to_numpy(), strict=True)
            ],
        ),
    ]
    return _figure(
        traces,
        110 + ROW_HEIGHT * len(outlets),
        margin={"l": 10, "r": 10, "t": 110, "b": 20},
        yaxis={"autorange": "reversed"},
        xaxis={"side": "top", "tickangle": -30},
    )


def _lookup(df: pd.DataFrame, key: str, value: str) -> dict:
    """`key` -> `value` over the rows of `df` (an outlet's article id, a country's code)."""
    return dict(zip(df[key], df[value], strict=True))


def _cells(
    df: pd.DataFrame, column: str, key: str, outlets: Sequence[str], columns: Sequence[str]
) -> list:
    """Per cell of an outlets × `columns` grid (the values of `df[column]`): [article id,
    the row's `key`], or None where `df` has no row."""
    found = {
        (outlet, value): [article, item]
        for outlet, value, article, item in zip(
            df["outlet"], df[column], df["article"], df[key], strict=True
        )
    }
    return [[found.get((o, c)) for c in columns] for o in outlets]


def _cell_labels(text: list[list[str]], rows: int, colour: str | None = None) -> dict:
    """A heatmap's cell text, or nothing above MAX_LABELLED_ROWS rows (the hover keeps it)."""
    if rows > MAX_LABELLED_ROWS:
        return {}
    font = {"size": MIN_FONT} | ({"color": colour} if colour else {})
    return {"text": text, "texttemplate": "%{text}", "textfont": font}


def _marks_layer(x: Sequence[str], y: Sequence[str], marks: list[list[str]], rows: int) -> list:
    """Where a heatmap shows no cell text (see `_cell_labels`), its cells' marks alone, as
    text over the marked cells: a few hundred labels instead of a thousand."""
    marked = [(x[j], y[i], m) for i, row in enumerate(marks) for j, m in enumerate(row) if m]
    if rows <= MAX_LABELLED_ROWS or not marked:
        return []
    return [
        {
            "type": "scatter",
            "mode": "text",
            "x": [p[0] for p in marked],
            "y": [p[1] for p in marked],
            "text": [p[2] for p in marked],
            "textfont": {"size": MIN_FONT},
            "hoverinfo": "skip",
            "showlegend": False,
        }
    ]


def _actor_hover(outlet: str, actor: str, tone: float, count: int) -> str:
    head = f"<b>{plain(outlet)}</b> · {plain(actor)}<br>"
    if count < MIN_SENTENCES or pd.isna(tone):
        return head + f"{count} sentences: too few to read"
    return head + f"tone {tone:+.3f} over {count} sentences"


def _click_layer(x: Sequence[str], y: Sequence[str], cells: list, hover: list) -> dict:
    """Clickable squares over a heatmap, one per cell, carrying its customdata and hover.

    Plotly heatmaps have no point selection, so a click on a cell never reaches
    Streamlit's `on_select`; markers can be selected. They are invisible until chosen,
    then outline the chosen cell. Cells without data (None) get no square.
    """
    points = [
        (column, row, data, hover[i][j])
        for i, row in enumerate(y)
        for j, column in enumerate(x)
        if (data := cells[i][j]) is not None
    ]
    return {
        "type": "scatter",
        "mode": "markers",
        "name": "cells",
        "x": [p[0] for p in points],
        "y": [p[1] for p in points],
        "customdata": [p[2] for p in points],
        "hovertext": [p[3] for p in points],
        "hovertemplate": "%{hovertext}<extra></extra>",
        "marker": {
            "symbol": "square-open",
            "size": ROW_HEIGHT - 6,
            "color": "#222222",
            "line": {"width": 3},
            "opacity": 0,
        },
        "selected": {"marker": {"opacity": 1}},
        "unselected": {"marker": {"opacity": 0}},
        "showlegend": False,
    }


def _nulls(table: pd.DataFrame) -> list[list]:
    """A grid as lists, with None (Plotly's gap) where a cell is empty."""
    return [[None if pd.isna(v) else float(v) for v in row] for row in table.to_numpy()]


def _cell_text(tone: float | None, count: int) -> str:
    if not count:
        return ""
    if count < MIN_SENTENCES or pd.isna(tone):
        return f"n={count}"
    return f"{tone:+.2f}<br>n={count}"


def _marked(share: str, marks: str) -> str:
    """A cell's share with its marks below it: side by side they overflow a narrow cell."""
    return f"{share}<br>{marks}" if marks else share


def frame_heatmap(df: pd.DataFrame, outlets: Sequence[str], frames: Sequence[str]) -> go.Figure:
    """Outlets × frames: share of each article's sentences that carry the frame.

    One row per outlet; ★ marks the outlet's dominant frame, ▲ a frame in its headline or
    first paragraph.
    """
    share = _grid(df, "outlet", "frame", "share", outlets, frames).fillna(0.0)
    sentences = _grid(df, "outlet", "frame", "sentences", outlets, frames).fillna(0).astype(int)
    dominant = _grid(df, "outlet", "frame", "dominant", outlets, frames).fillna(False)
    lede = _grid(df, "outlet", "frame", "lede", outlets, frames).fillna(False)
    marks = [
        [("★" if d else "") + ("▲" if le else "") for d, le in zip(*rows, strict=True)]
        for rows in zip(dominant.to_numpy(), lede.to_numpy(), strict=True)
    ]
    text = [
        [_marked(f"{s:.0%}", m) if s else "" for s, m in zip(shares, row, strict=True)]
        for shares, row in zip(share.to_numpy(), marks, strict=True)
    ]
    x, y = [plain(f) for f in frames], [plain(o) for o in outlets]
    heatmap = {
        "type": "heatmap",
        "z": share.to_numpy().tolist(),
        "x": x,
        "y": y,
        **_cell_labels(text, len(outlets)),
        "hoverinfo": "skip",  # the click layer above carries the hover
        "colorscale": "Blues",
        "zmin": 0,
        "zmax": max(0.5, float(df["share"].max()) if len(df) else 0.5),
        "colorbar": {
            "title": {"text": "share of<br>sentences"},
            "thickness": 12,
            "tickformat": ".0%",
        },
        "xgap": 2,
        "ygap": 2,
    }
    hover = [
        [
            f"<b>{plain(o)}</b> · {plain(f)}<br>{m + ' ' if m else ''}{s:.0%} of sentences ({n})"
            for f, s, n, m in zip(frames, shares, counts, row, strict=True)
        ]
        for o, shares, counts, row in zip(
            outlets, share.to_numpy(), sentences.to_numpy(), marks, strict=True
        )
    ]
    cells = _cells(df, "frame", "frame_id", outlets, frames)
    return _figure(
        [heatmap, *_marks_layer(x, y, marks, len(outlets)), _click_layer(x, y, cells, hover)],
        150 + ROW_HEIGHT * len(outlets),
        margin={"l": 10, "r": 10, "t": 150, "b": 20},
        yaxis={"autorange": "reversed"},
        xaxis={"side": "top", "tickangle": -30},
    )


def stacked_shares(
    df: pd.DataFrame,
    outlets: Sequence[str],
    categories: Sequence[str],
    colours: Mapping[str, str],
    axis_title: str,
) -> go.Figure:
    """100% stacked bars, one row per outlet, one segment per category (speaker type or
    country), each segment's quote count on hover. Outlets without quotes get no bar.

    One trace: each segment starts where the one before it ends (`base`), in its
    category's colour; a line of coloured squares above the bars names the categories.
    """
    shares = _grid(df, "outlet", "category", "share", outlets, categories).fillna(0.0)
    counts = _grid(df, "outlet", "category", "quotes", outlets, categories).fillna(0).astype(int)
    starts = shares.cumsum(axis=1) - shares
    articles, keys = _lookup(df, "outlet", "article"), _lookup(df, "category", "key")
    cells = [(category, outlet) for category in categories for outlet in outlets]
    # category-major, as `cells`: the transposed grids flattened row by row
    share, start = shares.to_numpy().T.ravel().tolist(), starts.to_numpy().T.ravel().tolist()
    count = counts.to_numpy().T.ravel().tolist()
    trace = {
        "type": "bar",
        "name": "share of quotes",
        "y": [plain(o) for _, o in cells],
        "x": share,
        "base": start,
        "orientation": "h",
        "marker": {"color": [colours[c] for c, _ in cells]},
        "customdata": [
            [articles.get(o, ""), keys.get(c, c), n, plain(c)]
            for (c, o), n in zip(cells, count, strict=True)
        ],
        "text": [f"{v:.0%}" if v >= 0.08 else "" for v in share],
        "textposition": "inside",
        "insidetextanchor": "middle",
        "hovertemplate": (
            "<b>%{y}</b> · %{customdata[3]}<br>%{x:.0%} of quotes (%{customdata[2]})<extra></extra>"
        ),
    }
    key_lines = _colour_key(categories, colours)
    return _figure(
        [trace],
        90 + 20 * len(key_lines) + ROW_HEIGHT * len(outlets),
        "<br>".join(key_lines),
        barmode="overlay",
        margin={"l": 10, "r": 10, "t": 30 + 20 * len(key_lines), "b": 40},
        xaxis={
            "range": [0, 1],
            "tickformat": ".0%",
            "title": {"text": axis_title},
            "gridcolor": GRID,
        },
        yaxis={"categoryorder": "array", "categoryarray": [plain(o) for o in outlets][::-1]},
    )


def _colour_key(categories: Sequence[str], colours: Mapping[str, str]) -> list[str]:
    """A legend as text: `■ official  ■ expert …`, KEY_PER_LINE names to a line."""
    keys = [f"<span style='color:{colours[c]}'>■</span> {plain(c)}" for c in categories]
    return ["   ".join(keys[i : i + KEY_PER_LINE]) for i in range(0, len(keys), KEY_PER_LINE)]


def _small_multiples(
    panels: Sequence[tuple[str, list[dict]]], x_axis: dict, y_axis: dict, **layout
) -> go.Figure:
    """One panel per outlet, stacked, sharing the x axis; each panel titled by its outlet.

    `panels` are (outlet, traces) pairs; `x_axis` and `y_axis` style every panel's axes.
    """
    count = len(panels)
    gap = 0 if count < 2 else min(0.05, 0.3 / (count - 1))
    height = (1 - gap * (count - 1)) / max(1, count)
    traces, axes, titles = [], {}, []
    for index, (outlet, panel) in enumerate(panels):
        suffix = "" if index == 0 else str(index + 1)
        top = 1 - index * (height + gap)
        traces += [{**trace, "xaxis": f"x{suffix}", "yaxis": f"y{suffix}"} for trace in panel]
        axes[f"yaxis{suffix}"] = {**y_axis, "domain": [max(0, top - height), top]}
        axes[f"xaxis{suffix}"] = {
            **x_axis,
            "anchor": f"y{suffix}",
            "matches": "x" if index else None,
            "showticklabels": index == count - 1,
            "title": x_axis.get("title") if index == count - 1 else None,
        }
        titles.append(
            {
                "text": plain(outlet),
                "x": 0.5,
                "xref": "paper",
                "y": top,
                "yref": "paper",
                "yanchor": "bottom",
                "showarrow": False,
                "font": {"size": 14, "color": "#555555"},
            }
        )
    return _figure(traces, 70 + PANEL_HEIGHT * count, annotations=titles, **axes, **layout)


def tone_through_article(
    df: pd.DataFrame, colours: Mapping[str, str], outlets: Sequence[str], axis_title: str
) -> go.Figure:
    """Small multiples, one row per outlet: each sentence's tone in reading order.

    Bars from zero; quoted sentences (half or more inside quotation marks) are pale
    (a fill pattern would cost the browser a drawing per bar).
    """
    reach = _symmetric_range(df["tone"], 0.5)
    by_outlet = dict(list(df.groupby("outlet", sort=False)))
    panels = []
    for outlet in outlets:
        rows = by_outlet.get(outlet, df.iloc[:0])
        colour = colours[outlet]
        panels.append(
            (
                outlet,
                [
                    {
                        "type": "bar",
                        "name": plain(outlet),
                        "x": rows["position"].tolist(),
                        "y": rows["tone"].tolist(),
                        "width": 80 / max(1, len(rows)),
                        "marker": {
                            "color": colour,
                            "opacity": [
                                QUOTED_OPACITY if v == "quoted" else 1 for v in rows["voice"]
                            ],
                            "line": {"color": colour, "width": 1},
                        },
                        "customdata": rows[["article", "sentence", "voice"]].to_numpy().tolist(),
                        "hovertemplate": (
                            f"<b>{plain(outlet)}</b> · sentence %{{customdata[1]}} "
                            "(%{customdata[2]})<br>tone %{y:+.3f}<extra></extra>"
                        ),
                    }
                ],
            )
        )
    return _small_multiples(
        panels,
        x_axis={
            "range": [0, 100],
            "gridcolor": GRID,
            "title": {"text": "position in the article (% of sentences)"},
        },
        y_axis={
            "range": reach,
            "nticks": 5,
            "gridcolor": GRID,
            "title": {"text": axis_title, "font": {"size": MIN_FONT}},
            **ZERO,
        },
    )


def talked_about_and_heard(
    df: pd.DataFrame, colours: Mapping[str, str], outlets: Sequence[str], top: int = 8
) -> go.Figure:
    """Small multiples, one row (and one trace) per outlet: for each country, its share of
    the outlet's actor mentions (an outlined bar, talked about) beside its share of the
    quotes (a filled bar, heard)."""
    totals = df.groupby("country")[["mentions", "quotes"]].sum().sum(axis=1)
    order = totals.sort_values(ascending=False, kind="stable").index[:top].tolist()
    names = [plain(c) for c in order]
    articles, codes = _lookup(df, "outlet", "article"), _lookup(df, "country", "code")
    grids = {
        column: _grid(df, "outlet", "country", column, outlets, order).fillna(0)
        for column in ("talked", "mentions", "heard", "quotes")
    }
    measures = (("talked", "mentions", "talked about"), ("heard", "quotes", "heard"))
    panels = []
    for outlet in outlets:
        colour = colours[outlet]
        bars = [
            (measure, count, label, country, share, int(n))
            for measure, count, label in measures
            for country, share, n in zip(
                order, grids[measure].loc[outlet], grids[count].loc[outlet], strict=True
            )
        ]
        trace = {
            "type": "bar",
            "name": plain(outlet),
            "legendgroup": plain(outlet),
            "x": [plain(bar[3]) for bar in bars],
            "y": [bar[4] for bar in bars],
            # talked about left of the country's tick, heard right of it
            "offset": [-PAIR_WIDTH if bar[0] == "talked" else 0 for bar in bars],
            "width": PAIR_WIDTH,
            "marker": {
                "color": ["white" if bar[0] == "talked" else colour for bar in bars],
                "line": {"color": colour, "width": 1.5},
            },
            "customdata": [
                [articles.get(outlet, ""), codes[country], measure, n, label, count]
                for measure, count, label, country, _, n in bars
            ],
            "hovertemplate": (
                f"<b>{plain(outlet)}</b> · %{{x}}<br>%{{customdata[4]}}: %{{y:.0%}} "
                "(%{customdata[3]} %{customdata[5]})<extra></extra>"
            ),
        }
        panels.append((outlet, [trace]))
    return _small_multiples(
        panels,
        x_axis={"type": "category", "categoryorder": "array", "categoryarray": names},
        y_axis={"range": [0, 1], "tickformat": ".0%", "nticks": 3, "gridcolor": GRID},
    )
