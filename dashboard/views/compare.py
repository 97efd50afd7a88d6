"""Compare: the selected outlets side by side, then the comparison charts."""

import streamlit as st

from dashboard import charts, markup, state, tables

TOP_ACTORS = 8

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

reports, lens, colours, outlets = chosen.reports, chosen.lens, chosen.colours, chosen.outlets
axis = f"tone ({lens}): −1 negative … +1 positive"

headline = tables.headline_table(reports, chosen.labels, lens)
st.html(markup.STYLE + markup.headline_cards(headline.to_dict("records"), colours, lens))
if not state.HAS_SOURCES:
    st.caption(f"Number of voices, named share and speaker types: {state.NOT_YET}.")
if not state.HAS_FRAMING:
    st.caption(f"Dominant frames: {state.NOT_YET}.")

st.header("Overall tone")
left, right = st.columns(2)
with left:
    st.caption(
        "**How to read this:** each bar is the mean tone of the article's sentences; the "
        "whisker is its 90% interval. Bars whose whiskers overlap are not clearly different."
    )
    state.plot(charts.interval_bars(headline, colours, "tone", "Tone of the article", axis), "tone")
with right:
    st.caption(
        "**How to read this:** subjectivity is TextBlob's share of opinion over fact in the "
        "words it knows (0 factual … 1 opinionated), averaged over sentences, with its "
        "90% interval."
    )
    state.plot(
        charts.interval_bars(
            headline,
            colours,
            "subjectivity",
            "Subjectivity",
            "subjectivity (TextBlob): 0 factual … 1 opinionated",
            bounded=(0, 1),
        ),
        "subjectivity",
    )

st.header("Narration vs quotes")
st.caption(
    "**How to read this:** ● is the tone of the outlet's own words, ◆ the tone inside "
    "quotation marks (what others said). A wide gap means the tone comes from the quotes "
    "the outlet chose rather than its own narration."
)
voices = tables.voice_table(reports, chosen.labels, lens)
state.plot(charts.voice_dumbbell(voices, colours, axis), "narration-vs-quotes")
silent = voices[(voices["voice"] == "quoted") & (voices["n"] == 0)]["outlet"].tolist()
if silent:
    st.caption("No quoted text in: " + markup.md_escape(", ".join(silent)) + ".")

st.header("Tone of sentences mentioning each actor")
st.caption(
    "**How to read this:** each cell is the mean tone of the sentences that name the actor "
    "(blue positive, red negative, white neutral); n is the number of sentences. This is the "
    f"tone around the actor, not the outlet's stance toward it. Grey cells rest on fewer "
    f"than {charts.MIN_SENTENCES} sentences: too few to read."
)
actor_tone = tables.actor_tone_table(reports, chosen.labels, lens)
if actor_tone.empty:
    st.info("None of the selected articles mentions an actor from the gazetteer.")
else:
    actors = (
        actor_tone.groupby("actor")["sentences"].sum().sort_values(ascending=False).index
    ).tolist()[:TOP_ACTORS]
    state.plot(charts.actor_heatmap(actor_tone, outlets, actors), "actor-tone")

st.header("Tone through each article")
st.caption(
    "**How to read this:** one row per outlet; each bar is one sentence in reading order "
    "(left: the start of the article), its height the sentence's tone. Hatched bars are "
    "sentences that are mostly quotation. Open **Read** to see any sentence in context."
)
sentences = tables.sentences_table(reports, chosen.labels, lens)
state.plot(
    charts.tone_through_article(sentences, colours, outlets, f"tone ({lens})"), "tone-through"
)

st.header("Who is talked about")
st.caption(
    "**How to read this:** for each outlet, the share of its actor mentions that name each "
    "country or organisation. Bars of one colour add up to 100% across all actors."
)
countries = tables.mentioned_countries(reports, chosen.labels)
if countries.empty:
    st.info("None of the selected articles mentions an actor from the gazetteer.")
else:
    state.plot(charts.mentioned_countries(countries, colours, outlets), "talked-about")
if not state.HAS_SOURCES:
    st.caption(f"Who is heard (countries of the quoted speakers), source mix: {state.NOT_YET}.")
if not state.HAS_FRAMING:
    st.caption(f"Frame profile: {state.NOT_YET}.")
