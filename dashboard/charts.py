"""Comparison charts: tidy DataFrames in (see tables.py), Plotly figures out.

Every chart keeps one colour per outlet, lists outlets in the order given, starts its
value axis at a shared zero and draws the 90% intervals where the analysis has them, so
a difference never looks bigger than it is.
"""

import html
from collections.abc import Mapping, Sequence

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

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
# Speaker types and countries are coloured apart from the outlets, in ColorBrewer's Set2.
SPEAKER_TYPE_COLOURS = {
    "official": "#66C2A5",
    "legislator": "#FC8D62",
    "expert": "#8DA0CB",
    "media": "#E78AC3",
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
ROW_HEIGHT = 46
FONT = {"family": "Source Sans Pro, sans-serif", "size": 14}


def outlet_colours(labels: Sequence[str]) -> dict[str, str]:
    """A fixed colour per outlet label, by its place in the whole catalogue."""
    return {label: PALETTE[index % len(PALETTE)] for index, label in enumerate(labels)}


def _layout(figure: go.Figure, title: str, height: int) -> go.Figure:
    figure.update_layout(
        title={"text": title, "x": 0, "xanchor": "left"},
        height=height,
        margin={"l": 10, "r": 10, "t": 50, "b": 40},
        font=FONT,
        plot_bgcolor="white",
        showlegend=False,
    )
    return figure


def _spacing(rows: int, preferred: float = 0.05) -> float:
    """Gap between small multiples, as a share of the figure; Plotly needs the gaps to
    fit, so many rows get thinner ones."""
    return 0 if rows < 2 else min(preferred, 0.3 / (rows - 1))


def _symmetric_range(values: pd.Series, floor: float = TONE_FLOOR) -> list[float]:
    """An axis range centred on zero, wide enough for every value and interval."""
    finite = pd.to_numeric(values, errors="coerce").abs().dropna()
    reach = max(floor, float(finite.max()) if len(finite) else floor) * 1.1
    return [-reach, reach]


def _errors(values: pd.Series, lows: pd.Series, highs: pd.Series) -> dict:
    """Asymmetric error bars from each value to its interval's ends."""
    return {
        "type": "data",
        "symmetric": False,
        "array": (highs - values).tolist(),
        "arrayminus": (values - lows).tolist(),
        "color": "#333333",
        "thickness": 1.5,
        "width": 6,
    }


def interval_bars(
    df: pd.DataFrame,
    colours: Mapping[str, str],
    value: str,
    title: str,
    axis_title: str,
    bounded: tuple[float, float] | None = None,
) -> go.Figure:
    """Horizontal bars from zero, one trace per outlet, each with its 90% interval.

    `df` has columns outlet, `value`, `value`_low and `value`_high. `bounded` fixes the
    axis (subjectivity runs 0..1); otherwise it is symmetric around zero.
    """
    low, high = f"{value}_low", f"{value}_high"
    figure = go.Figure()
    for _, row in df.iterrows():
        one = row.to_frame().T
        figure.add_trace(
            go.Bar(
                name=plain(row["outlet"]),
                y=[plain(row["outlet"])],
                x=[row[value]],
                orientation="h",
                marker_color=colours[row["outlet"]],
                error_x=_errors(one[value], one[low], one[high]),
                customdata=one[[low, high]].to_numpy(),
                hovertemplate=(
                    f"<b>%{{y}}</b><br>{axis_title}: %{{x:+.3f}}<br>90% interval: "
                    "%{customdata[0]:+.3f} … %{customdata[1]:+.3f}<extra></extra>"
                ),
            )
        )
    axis = list(bounded) if bounded else _symmetric_range(pd.concat([df[low], df[high]]))
    figure.update_xaxes(
        title=axis_title,
        range=axis,
        zeroline=True,
        zerolinecolor="#444",
        zerolinewidth=2,
        gridcolor="#eee",
    )
    figure.update_yaxes(categoryorder="array", categoryarray=[plain(o) for o in df["outlet"]][::-1])
    return _layout(figure, title, 90 + ROW_HEIGHT * len(df))


def voice_dumbbell(df: pd.DataFrame, colours: Mapping[str, str], axis_title: str) -> go.Figure:
    """Narration (●) and quoted (◆) tone per outlet on one shared axis, with intervals."""
    outlets = list(dict.fromkeys(df["outlet"]))
    figure = go.Figure()
    for outlet in outlets:
        rows = df[(df["outlet"] == outlet) & df["tone"].notna()]
        figure.add_trace(
            go.Scatter(
                name=plain(outlet),
                x=rows["tone"],
                y=[plain(outlet)] * len(rows),
                mode="lines+markers",
                line={"color": colours[outlet], "width": 2},
                marker={
                    "color": colours[outlet],
                    "size": 13,
                    "symbol": ["diamond" if v == "quoted" else "circle" for v in rows["voice"]],
                },
                error_x=_errors(rows["tone"], rows["low"], rows["high"]),
                customdata=rows[["voice", "n"]].to_numpy(),
                hovertemplate=(
                    "<b>%{y}</b> · %{customdata[0]}<br>tone %{x:+.3f} over "
                    "%{customdata[1]} pieces<extra></extra>"
                ),
            )
        )
    figure.update_xaxes(
        title=axis_title,
        range=_symmetric_range(pd.concat([df["low"], df["high"]])),
        zeroline=True,
        zerolinecolor="#444",
        zerolinewidth=2,
        gridcolor="#eee",
    )
    figure.update_yaxes(categoryorder="array", categoryarray=[plain(o) for o in outlets][::-1])
    return _layout(figure, "Narration ● vs quoted ◆ tone", 90 + ROW_HEIGHT * len(outlets))


def actor_heatmap(df: pd.DataFrame, outlets: Sequence[str], actors: Sequence[str]) -> go.Figure:
    """Outlets × actors: mean tone of the sentences mentioning the actor, one row per outlet.

    Colour is diverging around zero; each cell shows its sentence count, and cells
    resting on fewer than MIN_SENTENCES sentences are grey (too few to read).
    """
    cell = df.set_index(["outlet", "actor"])
    tone = [[_cell(cell, o, a, "tone") for a in actors] for o in outlets]
    count = [[int(_cell(cell, o, a, "sentences") or 0) for a in actors] for o in outlets]
    solid = [
        [t if n >= MIN_SENTENCES else None for t, n in zip(tones, ns, strict=True)]
        for tones, ns in zip(tone, count, strict=True)
    ]
    thin = [[0 if 0 < n < MIN_SENTENCES else None for n in row] for row in count]
    text = [
        [_cell_text(t, n) for t, n in zip(tones, ns, strict=True)]
        for tones, ns in zip(tone, count, strict=True)
    ]
    reach = _symmetric_range(df["tone"], 0.3)[1]
    x, y = [plain(a) for a in actors], [plain(o) for o in outlets]
    figure = go.Figure(
        [
            go.Heatmap(
                name=f"fewer than {MIN_SENTENCES} sentences",
                z=thin,
                x=x,
                y=y,
                text=text,
                texttemplate="%{text}",
                textfont={"color": "#666"},
                colorscale=[[0, GREY], [1, GREY]],
                showscale=False,
                hovertemplate=(
                    "<b>%{y}</b> · %{x}<br>%{text}: too few sentences to read<extra></extra>"
                ),
                xgap=2,
                ygap=2,
            ),
            go.Heatmap(
                name="tone",
                z=solid,
                x=x,
                y=y,
                text=text,
                texttemplate="%{text}",
                colorscale=DIVERGING,
                zmid=0,
                zmin=-reach,
                zmax=reach,
                colorbar={"title": {"text": "tone"}, "thickness": 12},
                hovertemplate="<b>%{y}</b> · %{x}<br>tone %{z:+.3f}<extra></extra>",
                xgap=2,
                ygap=2,
            ),
        ]
    )
    figure.update_yaxes(autorange="reversed")
    figure.update_xaxes(side="top", tickangle=-30)
    _layout(figure, "", 110 + ROW_HEIGHT * len(outlets))
    figure.update_layout(margin={"t": 110})
    return figure


def _cell_text(tone: float | None, count: int) -> str:
    if not count:
        return ""
    if count < MIN_SENTENCES or tone is None:
        return f"n={count}"
    return f"{tone:+.2f}<br>n={count}"


def _cell(cell: pd.DataFrame, outlet: str, actor: str, column: str):
    try:
        value = cell.loc[(outlet, actor), column]
    except KeyError:
        return None
    return None if pd.isna(value) else value


def tone_through_article(
    df: pd.DataFrame, colours: Mapping[str, str], outlets: Sequence[str], axis_title: str
) -> go.Figure:
    """Small multiples, one row per outlet: each sentence's tone in reading order.

    Bars from zero; quoted sentences (half or more inside quotation marks) are hatched.
    """
    figure = make_subplots(
        rows=len(outlets),
        cols=1,
        shared_xaxes=True,
        shared_yaxes=True,
        vertical_spacing=_spacing(len(outlets)),
        subplot_titles=[plain(o) for o in outlets],
    )
    reach = _symmetric_range(df["tone"], 0.5)
    for row, outlet in enumerate(outlets, start=1):
        rows = df[df["outlet"] == outlet]
        figure.add_trace(
            go.Bar(
                name=plain(outlet),
                x=rows["position"],
                y=rows["tone"],
                width=80 / max(1, len(rows)),
                marker={
                    "color": colours[outlet],
                    "line": {"color": colours[outlet], "width": 1},
                    "pattern": {
                        "shape": ["/" if v == "quoted" else "" for v in rows["voice"]],
                        "fgcolor": colours[outlet],
                        "bgcolor": "white",
                        "fillmode": "replace",
                        "solidity": 0.5,
                    },
                },
                customdata=rows[["sentence", "voice"]].to_numpy(),
                hovertemplate=(
                    f"<b>{plain(outlet)}</b> · sentence %{{customdata[0]}} "
                    "(%{customdata[1]})<br>tone %{y:+.3f}<extra></extra>"
                ),
            ),
            row=row,
            col=1,
        )
        figure.update_yaxes(
            range=reach, zeroline=True, zerolinecolor="#444", nticks=5, row=row, col=1
        )
    figure.update_xaxes(range=[0, 100], gridcolor="#eee")
    figure.update_xaxes(title="position in the article (% of sentences)", row=len(outlets), col=1)
    figure.update_yaxes(gridcolor="#eee")
    figure.update_yaxes(title=axis_title, row=(len(outlets) + 1) // 2, col=1)
    _layout(figure, "", 70 + 110 * len(outlets))
    return figure


def talked_about_and_heard(
    df: pd.DataFrame, colours: Mapping[str, str], outlets: Sequence[str], top: int = 8
) -> go.Figure:
    """Small multiples, one row per outlet: for each country, its share of the outlet's
    actor mentions (hatched, talked about) beside its share of the quotes (solid, heard)."""
    order = (
        df.groupby("country")[["mentions", "quotes"]]
        .sum()
        .sum(axis=1)
        .sort_values(ascending=False)
        .index[:top]
        .tolist()
    )
    figure = make_subplots(
        rows=len(outlets),
        cols=1,
        shared_xaxes=True,
        vertical_spacing=_spacing(len(outlets)),
        subplot_titles=[plain(o) for o in outlets],
    )
    for row, outlet in enumerate(outlets, start=1):
        rows = df[df["outlet"] == outlet].set_index("country").reindex(order).fillna(0)
        for measure, count, pattern, label in (
            ("talked", "mentions", "/", "talked about"),
            ("heard", "quotes", "", "heard"),
        ):
            figure.add_trace(
                go.Bar(
                    name=label,
                    legendgroup=plain(outlet),
                    x=[plain(c) for c in order],
                    y=rows[measure],
                    marker={
                        "color": colours[outlet] if not pattern else "white",
                        "line": {"color": colours[outlet], "width": 1.5},
                        "pattern": {"shape": pattern, "fgcolor": colours[outlet]},
                    },
                    customdata=rows[count].astype(int),
                    hovertemplate=(
                        f"<b>{plain(outlet)}</b> · %{{x}}<br>{label}: %{{y:.0%}} "
                        f"(%{{customdata}} {count})<extra></extra>"
                    ),
                ),
                row=row,
                col=1,
            )
        figure.update_yaxes(
            range=[0, 1], tickformat=".0%", nticks=3, gridcolor="#eee", row=row, col=1
        )
    _layout(figure, "", 70 + 120 * len(outlets))
    figure.update_layout(barmode="group", bargap=0.25)
    return figure


def frame_heatmap(df: pd.DataFrame, outlets: Sequence[str], frames: Sequence[str]) -> go.Figure:
    """Outlets × frames: share of each article's sentences that carry the frame.

    One row per outlet; ★ marks the outlet's dominant frame, ▲ a frame in its headline or
    first paragraph. Frames below the presence threshold are left pale.
    """
    cell = df.set_index(["outlet", "frame"])
    share = [[_cell(cell, o, f, "share") or 0.0 for f in frames] for o in outlets]
    text = [[_frame_text(cell, o, f) for f in frames] for o in outlets]
    sentences = [[int(_cell(cell, o, f, "sentences") or 0) for f in frames] for o in outlets]
    figure = go.Figure(
        go.Heatmap(
            z=share,
            x=[plain(f) for f in frames],
            y=[plain(o) for o in outlets],
            text=text,
            texttemplate="%{text}",
            customdata=sentences,
            colorscale="Blues",
            zmin=0,
            zmax=max(0.5, float(df["share"].max()) if len(df) else 0.5),
            colorbar={
                "title": {"text": "share of<br>sentences"},
                "thickness": 12,
                "tickformat": ".0%",
            },
            hovertemplate=(
                "<b>%{y}</b> · %{x}<br>%{z:.0%} of sentences (%{customdata})<extra></extra>"
            ),
            xgap=2,
            ygap=2,
        )
    )
    figure.update_yaxes(autorange="reversed")
    figure.update_xaxes(side="top", tickangle=-30)
    _layout(figure, "", 150 + ROW_HEIGHT * len(outlets))
    figure.update_layout(margin={"t": 150})
    return figure


def _frame_text(cell: pd.DataFrame, outlet: str, frame: str) -> str:
    share = _cell(cell, outlet, frame, "share")
    if not share:
        return ""
    marks = ("★" if _cell(cell, outlet, frame, "dominant") else "") + (
        "▲" if _cell(cell, outlet, frame, "lede") else ""
    )
    return f"{share:.0%}{marks}"


def stacked_shares(
    df: pd.DataFrame,
    outlets: Sequence[str],
    categories: Sequence[str],
    colours: Mapping[str, str],
    axis_title: str,
) -> go.Figure:
    """100% stacked bars, one row per outlet, one segment per category (speaker type or
    country), each segment's quote count on hover. Outlets without quotes get no bar."""
    cell = df.set_index(["outlet", "category"])
    figure = go.Figure()
    for category in categories:
        shares = [_cell(cell, o, category, "share") or 0.0 for o in outlets]
        counts = [int(_cell(cell, o, category, "quotes") or 0) for o in outlets]
        figure.add_trace(
            go.Bar(
                name=plain(category),
                y=[plain(o) for o in outlets],
                x=shares,
                orientation="h",
                marker_color=colours[category],
                customdata=counts,
                text=[f"{v:.0%}" if v >= 0.08 else "" for v in shares],
                textposition="inside",
                insidetextanchor="middle",
                hovertemplate=(
                    f"<b>%{{y}}</b> · {plain(category)}<br>%{{x:.0%}} of quotes "
                    "(%{customdata})<extra></extra>"
                ),
            )
        )
    figure.update_xaxes(range=[0, 1], tickformat=".0%", title=axis_title, gridcolor="#eee")
    figure.update_yaxes(categoryorder="array", categoryarray=[plain(o) for o in outlets][::-1])
    _layout(figure, "", 110 + ROW_HEIGHT * len(outlets))
    figure.update_layout(
        barmode="stack",
        showlegend=True,
        legend={"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0, "traceorder": "normal"},
        margin={"t": 40},
    )
    return figure


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
