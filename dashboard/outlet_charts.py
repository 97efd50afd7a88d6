"""The Outlets page's tables and figures: pure functions from outlet profiles and
per-article summaries to DataFrames and Plotly figures. Outlet names are user text:
escaped before Plotly sees them (it renders a small HTML subset)."""

import pandas as pd
import plotly.graph_objects as go

from analysis.outlets import OutletProfile, OutletProfiles

from .charts import FONT, GRID, ROW_HEIGHT, SPEAKER_TYPE_COLOURS, ZERO, plain

UNKNOWN = "unknown (one article)"
MIN_HEIGHT = 220
TABLE_WORDS = 5  # distinctive words shown in the table


def interval_text(profile: OutletProfile) -> str:
    """The tone interval as text; `unknown` for an outlet with fewer than two articles."""
    if profile.tone_ci is None:
        return UNKNOWN if profile.tone_articles <= 1 else "unknown"
    low, high = profile.tone_ci
    return f"{low:+.2f} … {high:+.2f}"


def profile_table(profiles: OutletProfiles) -> pd.DataFrame:
    """One row per outlet: its articles and the numbers of its profile."""
    return pd.DataFrame(
        [
            {
                "outlet": p.outlet,
                "articles": p.articles,
                "tone": p.tone,
                "95% interval": interval_text(p),
                "voices / article": p.voices_per_article,
                "quotes / article": p.quotes_per_article,
                "named": p.named_share,
                "unsourced / article": p.unsourced_per_article,
                "main speakers": _top(p.speaker_types),
                "dominant frame": _top(p.dominant_frames),
                "distinctive words": ", ".join(t.term for t in p.distinctive[:TABLE_WORDS]),
            }
            for p in profiles.outlets
        ],
        columns=[
            "outlet",
            "articles",
            "tone",
            "95% interval",
            "voices / article",
            "quotes / article",
            "named",
            "unsourced / article",
            "main speakers",
            "dominant frame",
            "distinctive words",
        ],
    )


def _top(shares: dict[str, float]) -> str:
    name, share = next(iter(shares.items()), ("", 0.0))
    return f"{name.replace('_', ' ')} {share:.0%}" if name else ""


def tone_figure(profiles: OutletProfiles) -> go.Figure:
    """Each outlet's mean tone with its 95% interval over articles; an outlet whose
    interval is unknown is an open dot without a bar. A dot's customdata is its outlet."""
    outlets = list(profiles.outlets)
    figure = go.Figure()
    for known in (True, False):
        shown = [p for p in outlets if (p.tone_ci is not None) is known and p.tone is not None]
        if not shown:
            continue
        figure.add_trace(
            go.Scatter(
                x=[p.tone for p in shown],
                y=[plain(p.outlet) for p in shown],
                mode="markers",
                marker={"size": 11, "symbol": "circle" if known else "circle-open"},
                error_x={
                    "type": "data",
                    "symmetric": False,
                    "array": [_reach(p, 1) for p in shown],
                    "arrayminus": [_reach(p, 0) for p in shown],
                    "visible": known,
                },
                customdata=[[p.outlet] for p in shown],
                hovertext=[
                    f"{plain(p.outlet)}: {p.tone:+.2f}, 95% interval {interval_text(p)}, "
                    f"{p.articles} article(s)"
                    for p in shown
                ],
                hoverinfo="text",
                name="95% interval over articles" if known else "interval unknown",
            )
        )
    figure.update_layout(
        font=FONT,
        height=max(MIN_HEIGHT, ROW_HEIGHT * len(outlets)),
        xaxis={"title": "mean tone of the outlet's articles", "gridcolor": GRID, **ZERO},
        yaxis={"autorange": "reversed", "type": "category"},
        legend={"orientation": "h", "y": -0.2},
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
    )
    return figure


def _reach(profile: OutletProfile, end: int) -> float:
    """How far the interval's low (0) or high (1) end lies from the mean (0 if unknown)."""
    if profile.tone_ci is None or profile.tone is None:
        return 0.0
    return abs(profile.tone_ci[end] - profile.tone)


def speaker_type_figure(profiles: OutletProfiles) -> go.Figure:
    """Each outlet's quotes split by speaker type (shares of all its quotes). A segment's
    customdata is (outlet, speaker type)."""
    outlets = [p for p in profiles.outlets if p.speaker_types]
    figure = go.Figure()
    for kind, colour in SPEAKER_TYPE_COLOURS.items():
        shares = [p.speaker_types.get(kind, 0.0) for p in outlets]
        if not any(shares):
            continue
        figure.add_trace(
            go.Bar(
                x=shares,
                y=[plain(p.outlet) for p in outlets],
                orientation="h",
                name=kind.replace("_", " "),
                marker_color=colour,
                customdata=[[p.outlet, kind] for p in outlets],
                hovertemplate="%{y}: %{x:.0%} " + kind.replace("_", " ") + "<extra></extra>",
            )
        )
    figure.update_layout(
        barmode="stack",
        font=FONT,
        height=max(MIN_HEIGHT, ROW_HEIGHT * len(outlets)),
        xaxis={"title": "share of the outlet's quotes", "tickformat": ".0%", "range": [0, 1]},
        yaxis={"autorange": "reversed", "type": "category"},
        legend={"orientation": "h", "y": -0.2},
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
    )
    return figure


def article_table(summaries: pd.DataFrame, outlet: str) -> pd.DataFrame:
    """The articles behind one outlet's numbers, one row each, with the numbers that the
    profile averages or pools."""
    rows = summaries[summaries["outlet"] == outlet]
    return pd.DataFrame(
        {
            "title": rows["title"].where(rows["title"] != "", rows["file"]),
            "date": rows["date"],
            "tone": rows["tone"],
            "voices": rows["voices"].astype(int),
            "quotes": rows["quotes"].astype(int),
            "named quotes": rows["named"].astype(int),
            "unsourced": rows["unsourced"].astype(int),
            "dominant frame": rows["dominant"].str.replace("_", " "),
            "id": rows["id"],
        }
    ).reset_index(drop=True)
