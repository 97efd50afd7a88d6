"""Compare: the selected outlets side by side, then the comparison charts.

The tables and figures depend only on the selection (and the outlets drawn as small
multiples): built once, in `drawn` and `panelled`, and shared by every session. The
sections are tabs and only the open one is drawn.
"""

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from analysis.compare.actors import USER, story_actors
from dashboard import charts, evidence_panel, markup, state, tables
from dashboard.corrections import corrections_panel

TOP_ACTORS = 8
PANELS_KEY = "compare_panels"
SECTION_KEY = "compare_section"  # the open section's tab
HOVER_HINT = (
    f" With more than {charts.MAX_LABELLED_ROWS} outlets the cells show no numbers: hover "
    "a cell to read them."
)


@dataclass(frozen=True)
class Drawn:
    """The page's figures and what its captions and pickers need (tables only read)."""

    cards: str
    frames: go.Figure | None
    shown_frames: tuple[str, ...]
    types: go.Figure | None
    kinds: bool  # any quote at all
    countries: go.Figure | None
    silent: tuple[str, ...]
    tone: go.Figure
    subjectivity: go.Figure
    voices: go.Figure
    unquoted: tuple[str, ...]
    actors: go.Figure | None
    actor_names: tuple[str, ...]
    actor_tone: pd.DataFrame


def draw(chosen: state.Selection) -> Drawn:
    """Every figure of the page but the small multiples, for this selection."""
    reports, lens, colours, outlets = chosen.reports, chosen.lens, chosen.colours, chosen.outlets
    axis = f"tone ({lens}): −1 negative … +1 positive"
    headline = tables.headline_table(reports, chosen.labels, lens)
    frames = tables.frame_table(reports, chosen.labels)
    cued = set(frames[frames.share > 0].frame)
    shown = tuple(f.label for f in chosen.codebook.frames if f.label in cued)
    types = tables.source_mix_table(reports, chosen.labels, "type")
    countries = tables.source_mix_table(reports, chosen.labels, "country")
    kinds = [k for k in charts.SPEAKER_TYPE_COLOURS if k in set(types.category)]
    order = countries.groupby("category")["quotes"].sum().sort_values(ascending=False).index
    voices = tables.voice_table(reports, chosen.labels, lens)
    story = story_actors(reports)
    actor_tone = tables.actor_tone_table(reports, story, chosen.labels, lens)
    actors: list[str] = []
    if not actor_tone.empty:
        ranked = (
            actor_tone.groupby("actor")["sentences"].sum().sort_values(ascending=False).index
        ).tolist()
        corrected = [a.name for a in story if a.key.startswith(USER) and a.name in ranked]
        # the heaviest actors, and every actor the reader corrected or added
        actors = list(dict.fromkeys(ranked[:TOP_ACTORS] + corrected))
    return Drawn(
        cards=markup.headline_cards(headline.to_dict("records"), colours, lens),
        frames=charts.frame_heatmap(frames, outlets, shown) if shown else None,
        shown_frames=shown,
        types=None
        if types.empty
        else charts.stacked_shares(
            types, outlets, kinds, charts.SPEAKER_TYPE_COLOURS, "share of quotes"
        ),
        kinds=not types.empty,
        countries=None
        if countries.empty
        else charts.stacked_shares(
            countries,
            outlets,
            list(order),
            charts.category_colours(list(order)),
            "share of quotes",
        ),
        silent=tuple(o for o, q in zip(outlets, headline["quotes"], strict=True) if not q),
        tone=charts.interval_bars(headline, colours, "tone", "Tone of the article", axis),
        subjectivity=charts.interval_bars(
            headline,
            colours,
            "subjectivity",
            "Subjectivity",
            "subjectivity (TextBlob): 0 factual … 1 opinionated",
            bounded=(0, 1),
        ),
        voices=charts.voice_dumbbell(voices, colours, axis),
        unquoted=tuple(voices[(voices["voice"] == "quoted") & (voices["n"] == 0)]["outlet"]),
        actors=charts.actor_heatmap(actor_tone, outlets, actors) if actors else None,
        actor_names=tuple(actors),
        actor_tone=actor_tone,
    )


def panelled(chosen: state.Selection, panels: list[str]) -> tuple[go.Figure | None, go.Figure]:
    """The small multiples (talked about vs heard, tone through each article) of `panels`."""
    heard = tables.talked_about_and_heard(chosen.reports, chosen.labels)
    sentences = tables.sentences_table(chosen.reports, chosen.labels, chosen.lens)
    return (
        None if heard.empty else charts.talked_about_and_heard(heard, chosen.colours, panels),
        charts.tone_through_article(sentences, chosen.colours, panels, f"tone ({chosen.lens})"),
    )


def view_key(chosen: state.Selection) -> tuple:
    """What the figures depend on beyond the reports: the lens, labels and colours."""
    return (chosen.key, chosen.lens, tuple((o, chosen.colours[o]) for o in chosen.outlets))


def chart(chosen: state.Selection, figure: go.Figure, key: str, how: str) -> None:
    """A clickable chart under its how-to-read caption, with the box of what a click
    opens under it."""
    st.caption(how)
    evidence_panel.show(key, state.plot(figure, key, clickable=True), chosen)


def small_multiples(chosen: state.Selection) -> tuple[go.Figure | None, go.Figure]:
    """The two small-multiple figures, on at most charts.MAX_PANELS outlets (a choice shown above
    the first drawn when there are more)."""
    outlets = chosen.outlets
    panels = outlets
    if len(outlets) > charts.MAX_PANELS:
        kept = st.session_state.get(PANELS_KEY)
        if not kept or not set(kept) <= set(outlets):  # the first MAX_PANELS, shown as chosen
            st.session_state[PANELS_KEY] = outlets[: charts.MAX_PANELS]
        panels = (
            st.multiselect(
                f"Outlets drawn in “Talked about vs heard” and “Tone through each article” "
                f"(up to {charts.MAX_PANELS})",
                outlets,
                key=PANELS_KEY,
                max_selections=charts.MAX_PANELS,
            )
            or outlets[: charts.MAX_PANELS]
        )
        panels = [o for o in outlets if o in panels]
    return state.shared(
        "compare-panels", (view_key(chosen), tuple(panels)), lambda: panelled(chosen, panels)
    )


def frame_profile(chosen: state.Selection, drawn: Drawn) -> None:
    st.header("Frame profile")
    st.caption(
        "**How to read this:** each cell is the share of the article's sentences that carry a "
        "frame (its cue words, see **Method**); ★ marks the outlet's dominant frame, ▲ a frame "
        "in the headline or first paragraph. Darker means more of the article takes that angle. "
        + evidence_panel.CLICK_HINT
        + HOVER_HINT * (len(chosen.outlets) > charts.MAX_LABELLED_ROWS)
    )
    if drawn.frames is not None:
        clicked = state.plot(drawn.frames, "frames", clickable=True)
        evidence_panel.show("frames", clicked, chosen)
        with st.expander("The sentences behind a cell"):
            left, right = st.columns(2)
            outlet = left.selectbox("Outlet", chosen.outlets, key="frame_cell_outlet")
            label = right.selectbox("Frame", drawn.shown_frames, key="frame_cell_frame")
            report = chosen.reports[chosen.outlets.index(outlet)]
            score = next(s for s in report.framing.frames if s.label == label)
            st.caption("Each sentence that carries the frame, its cue words underlined in purple.")
            evidence_panel.show(
                "frames", [[report.article.id, score.frame]], chosen, place="picker"
            )
    else:
        st.info("No frame of this codebook is cued in the selected articles.")


def who_speaks(chosen: state.Selection, drawn: Drawn) -> None:
    st.header("Who gets to speak")
    left, right = st.columns(2)
    with left:
        st.caption(
            "**How to read this:** each bar splits one outlet's quotes by who speaks: "
            "officials, legislators, experts, media, others. Hover for the number of quotes; "
            "click a segment to read its quotes."
        )
        if drawn.types is None:
            st.info("None of the selected articles quotes anyone.")
        else:
            clicked = state.plot(drawn.types, "source-mix-type", clickable=True)
            evidence_panel.show("source-mix-type", clicked, chosen)
    with right:
        st.caption(
            "**How to read this:** the same quotes split by the speaker's country "
            "(unknown when the text does not say)."
        )
        if drawn.countries is not None:
            clicked = state.plot(drawn.countries, "source-mix-country", clickable=True)
            evidence_panel.show("source-mix-country", clicked, chosen)
    if drawn.silent:
        st.caption("No quotes in: " + markup.md_escape(", ".join(drawn.silent)) + ".")
    if drawn.kinds:
        with st.expander("The quotes behind a bar"):
            left, right = st.columns(2)
            outlet = left.selectbox("Outlet", chosen.outlets, key="mix_outlet")
            kind = right.selectbox(
                "Speaker type", list(charts.SPEAKER_TYPE_COLOURS), key="mix_type"
            )
            article = chosen.reports[chosen.outlets.index(outlet)].article.id
            evidence_panel.show("source-mix-type", [[article, kind]], chosen, place="picker")


def talked_about_vs_heard(chosen: state.Selection, drawn: Drawn) -> None:
    st.header("Talked about vs heard")
    st.caption(
        "**How to read this:** for each country, the outlined bar (left) is its share of the outlet's "
        "mentions of countries and organisations (talked about), the solid bar its share of "
        "the quotes (heard). A tall outlined bar with no solid one: a country discussed but "
        "not given a voice. Click a bar to read the sentences naming the country, or its quotes."
    )
    heard, _ = small_multiples(chosen)
    if heard is None:
        st.info("The selected articles neither mention a known actor nor quote anyone.")
    else:
        clicked = state.plot(heard, "talked-about-heard", clickable=True)
        evidence_panel.show("talked-about-heard", clicked, chosen)


def overall_tone(chosen: state.Selection, drawn: Drawn) -> None:
    st.header("Overall tone")
    left, right = st.columns(2)
    with left:
        chart(
            chosen,
            drawn.tone,
            "tone",
            "**How to read this:** each bar is the mean tone of the article's sentences; the "
            "whisker is its 90% interval. Bars whose whiskers overlap are not clearly different. "
            "Click a bar to read every sentence with its tone.",
        )
    with right:
        chart(
            chosen,
            drawn.subjectivity,
            "subjectivity",
            "**How to read this:** subjectivity is TextBlob's share of opinion over fact in the "
            "words it knows (0 factual … 1 opinionated), averaged over sentences, with its "
            "90% interval.",
        )


def narration_vs_quotes(chosen: state.Selection, drawn: Drawn) -> None:
    st.header("Narration vs quotes")
    chart(
        chosen,
        drawn.voices,
        "narration-vs-quotes",
        "**How to read this:** ● is the tone of the outlet's own words, ◆ the tone inside "
        "quotation marks (what others said). A wide gap means the tone comes from the quotes "
        "the outlet chose rather than its own narration. Click a mark to read its sentences.",
    )
    if drawn.unquoted:
        st.caption("No quoted text in: " + markup.md_escape(", ".join(drawn.unquoted)) + ".")


def actor_tone(chosen: state.Selection, drawn: Drawn) -> None:
    st.header("Tone of sentences mentioning each actor")
    st.caption(
        "**How to read this:** each cell is the mean tone of the sentences that name the actor "
        "(blue positive, red negative, white neutral); n is the number of sentences. This is the "
        f"tone around the actor, not the outlet's stance toward it. Grey cells rest on fewer "
        f"than {charts.MIN_SENTENCES} sentences: too few to read. {evidence_panel.CLICK_HINT}"
        + HOVER_HINT
        * (len(chosen.outlets) > charts.MAX_LABELLED_ROWS)
    )
    if drawn.actors is None:
        st.info("No actor is named in these articles often enough to be the story's.")
    else:
        clicked = state.plot(drawn.actors, "actor-tone", clickable=True)
        evidence_panel.show("actor-tone", clicked, chosen)
        with st.expander("The sentences behind a cell"):
            left, right = st.columns(2)
            outlet = left.selectbox("Outlet", chosen.outlets, key="actor_cell_outlet")
            name = right.selectbox("Actor", drawn.actor_names, key="actor_cell_actor")
            table = drawn.actor_tone
            row = table[(table["outlet"] == outlet) & (table["actor"] == name)]
            if row.empty:
                st.caption("This article does not mention that actor.")
            else:
                st.caption("Each sentence that names the actor, with its tone; the names in bold.")
                cell = [row["article"].iloc[0], row["id"].iloc[0]]
                evidence_panel.show("actor-tone", [cell], chosen, place="picker")
    corrections_panel(chosen)


def tone_through(chosen: state.Selection, drawn: Drawn) -> None:
    st.header("Tone through each article")
    st.caption(
        "**How to read this:** one row per outlet; each bar is one sentence in reading order "
        "(left: the start of the article), its height the sentence's tone. Pale bars are "
        "sentences that are mostly quotation. Click a bar to read its sentence; open **Read** to "
        "see it in context."
    )
    _, through = small_multiples(chosen)
    clicked = state.plot(through, "tone-through", clickable=True)
    evidence_panel.show("tone-through", clicked, chosen)


SECTIONS: dict[str, Callable[[state.Selection, Drawn], None]] = {
    "Frame profile": frame_profile,
    "Who gets to speak": who_speaks,
    "Talked about vs heard": talked_about_vs_heard,
    "Overall tone": overall_tone,
    "Narration vs quotes": narration_vs_quotes,
    "Actors": actor_tone,
    "Tone through each article": tone_through,
}


chosen = state.current()
st.title("How the outlets covered the story")

if not chosen.reports:
    st.info(
        "No article selected. Choose articles under **Articles** in the sidebar, "
        "or add your own on the **Add articles** page."
    )
    st.stop()
if len(chosen.reports) == 1:
    st.info(
        "Only one article is selected, so there is nothing to compare yet: its numbers are "
        "shown alone. Choose more articles in the sidebar to put outlets side by side."
    )

drawn = state.shared("compare", view_key(chosen), lambda: draw(chosen))

st.html(markup.STYLE + drawn.cards)
st.caption(
    "Tone: mean over sentences with its 90% interval. Voices: distinct people or bodies "
    "quoted; named: share of quotes from a speaker named in the text. Frames from the "
    f"“{markup.md_escape(chosen.codebook.name)}” codebook. The **Method** page explains each."
)
# One section drawn at a time, the one whose tab is open: a browser drawing nine charts
# at once is what made the page slow to switch to and to redraw.
tabs = st.tabs(list(SECTIONS), key=SECTION_KEY, on_change="rerun")
for tab, section in zip(tabs, SECTIONS.values(), strict=True):
    with tab:
        if tab.open:
            section(chosen, drawn)
