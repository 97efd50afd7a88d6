"""The Stories page's tables and chart: stories in, DataFrames and figures out.

Pure functions (no Streamlit), so they are tested without a browser. Text that reaches
Plotly is escaped here: a headline or outlet name never becomes markup.
"""

import html
from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

from analysis.stories import Story

from .charts import FONT

UNKNOWN_OUTLET = "(outlet unknown)"
# Story labels on the chart's axis are cut to this many characters (the full label is in
# the hover text and in the list below the chart).
AXIS_LABEL_CHARS = 28
COVERED = "#2b6cb0"
BLINDSPOT = "#f1f1f1"


def story_name(story: Story) -> str:
    """A story as the reader sees it: its number and label."""
    return f"{story.id}. {story.label or 'no distinctive words'}"


def coverage_frame(stories: Sequence[Story]) -> pd.DataFrame:
    """One row per outlet and story: how many of the story's articles the outlet wrote
    (0 where it wrote none: a blindspot). Outlets in order of how many stories they
    covered."""
    outlets = sorted({m.outlet or UNKNOWN_OUTLET for s in stories for m in s.members})
    rows = [
        {
            "story": story_name(story),
            "outlet": outlet,
            "articles": sum((m.outlet or UNKNOWN_OUTLET) == outlet for m in story.members),
        }
        for story in stories
        for outlet in outlets
    ]
    frame = pd.DataFrame(rows, columns=["story", "outlet", "articles"])
    breadth = frame[frame["articles"] > 0].groupby("outlet")["story"].count()
    order = sorted(outlets, key=lambda outlet: (-breadth.get(outlet, 0), outlet.casefold()))
    frame["outlet"] = pd.Categorical(frame["outlet"], categories=order, ordered=True)
    return frame.sort_values(["outlet"], kind="stable").reset_index(drop=True)


def coverage_grid(frame: pd.DataFrame) -> go.Figure:
    """Outlets × stories: a filled cell where the outlet covered the story, an empty one
    where it did not (its blindspot)."""
    stories = list(dict.fromkeys(frame["story"]))
    outlets = list(dict.fromkeys(frame["outlet"]))
    counts = frame.pivot_table(
        index="outlet", columns="story", values="articles", aggfunc="sum", observed=True
    ).reindex(index=outlets, columns=stories, fill_value=0)
    text = [
        [
            f"{html.escape(outlet)}<br>{html.escape(story)}<br>"
            + (f"{n} article{'s' if n != 1 else ''}" if n else "not covered (blindspot)")
            for story, n in zip(stories, row, strict=True)
        ]
        for outlet, row in zip(outlets, counts.to_numpy().tolist(), strict=True)
    ]
    figure = go.Figure(
        go.Heatmap(
            z=(counts.to_numpy() > 0).astype(int),
            x=[html.escape(_short(story)) for story in stories],
            y=[html.escape(outlet) for outlet in outlets],
            text=[[str(n) if n else "" for n in row] for row in counts.to_numpy().tolist()],
            texttemplate="%{text}",
            hovertext=text,
            hoverinfo="text",
            colorscale=[[0, BLINDSPOT], [1, COVERED]],
            zmin=0,
            zmax=1,
            showscale=False,
            xgap=2,
            ygap=2,
        )
    )
    figure.update_layout(
        title="Which outlets covered which story (empty: not covered)",
        font=FONT,  # the other charts' font: labels readable on a projector
        height=max(280, 32 * len(outlets) + 200),
        margin={"l": 10, "r": 10, "t": 50, "b": 10},
        xaxis={"tickangle": -30, "automargin": True},
        yaxis={"autorange": "reversed"},
    )
    return figure


def _short(label: str) -> str:
    return label if len(label) <= AXIS_LABEL_CHARS else label[: AXIS_LABEL_CHARS - 1] + "…"


def members_frame(story: Story) -> pd.DataFrame:
    """A story's articles as a table: outlet, date, headline."""
    return pd.DataFrame(
        [
            {
                "outlet": m.outlet or UNKNOWN_OUTLET,
                "date": m.date,
                "headline": m.title or m.file or m.id,
            }
            for m in story.members
        ],
        columns=["outlet", "date", "headline"],
    )
