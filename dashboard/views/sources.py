"""Sources: every voice across the selected articles, and one voice across outlets."""

import streamlit as st

from analysis.compare.voices import speakers_across
from dashboard import charts, evidence_panel, markup, state, tables

SPEAKER_KEY = "sources_speaker"

chosen = state.current()
st.title("Who is quoted")

if not chosen.reports:
    st.info("No article selected. Choose articles under **Articles** in the sidebar.")
    st.stop()

groups = speakers_across(chosen.reports)
speakers = tables.speakers_across(groups, chosen.labels)
silent = [chosen.label(r) for r in chosen.reports if not r.sources.quotes]
if silent:
    st.caption("No quotes found in: " + markup.md_escape(", ".join(silent)) + ".")
if speakers.empty:
    st.info("Nobody is quoted in the selected articles.")
    st.stop()

st.caption(
    "Every speaker the analyzer attributed a quote to. **type**: official, legislator, "
    "expert, media, civil society, international body or other, from the speaker's title "
    "and organisation; **country**: the one the articles give (empty when they give none); "
    "**gender**: for people only, from the text first (he/she, Mr/Ms, a gendered title), "
    "else the first name; **gender shown by** says which. **named**: the text gives the "
    "person's name (not just “an official”). Filter below; click a column header to sort."
)
left, middle, right = st.columns(3)
types = left.multiselect("Speaker type", sorted(set(speakers["type"])), placeholder="All types")
countries = middle.multiselect(
    "Speaker's country", sorted(set(speakers["country"]) - {""}), placeholder="All countries"
)
outlets = right.multiselect("Quoted by", chosen.outlets, placeholder="Any outlet")
shown = speakers
if types:
    shown = shown[shown["type"].isin(types)]
if countries:
    shown = shown[shown["country"].isin(countries)]
if outlets:
    shown = shown[
        shown["outlets"].map(lambda quoted: any(o in quoted.split(", ") for o in outlets))
    ]
st.dataframe(
    shown,
    hide_index=True,
    column_config={
        "named": st.column_config.CheckboxColumn(),
        "quotes": st.column_config.NumberColumn(help="quotes across the selected articles"),
    },
)
st.caption(f"{len(shown)} of {len(speakers)} speakers.")

st.header("Quotes by speaker type")
st.caption(
    "Each bar splits one outlet's quotes by who speaks. Click a segment to read its quotes, "
    "coloured by speaker type as on the **Read** page."
)
mix = tables.source_mix_table(chosen.reports, chosen.labels, "type")
kinds = [k for k in charts.SPEAKER_TYPE_COLOURS if k in set(mix.category)]
clicked = state.plot(
    charts.stacked_shares(
        mix, chosen.outlets, kinds, charts.SPEAKER_TYPE_COLOURS, "share of quotes"
    ),
    "source-mix-type",
    clickable=True,
)
evidence_panel.show("source-mix-type", clicked, chosen)

st.header("People quoted, by gender")
st.caption(
    "Per outlet, the people it quotes (institutions and groups left out). The Global Media "
    "Monitoring Project's “Who makes the news?” finds about one woman for every three men "
    "among news subjects and sources. A first name is a guess about a person, not a fact: "
    "read **gender shown by** in the table above, and see the Method page."
)
st.dataframe(tables.gender_table(chosen.reports, chosen.labels), hide_index=True)

st.header("One speaker across outlets")
names = list(speakers["name"])  # one row per group, in the same order
several = [i for i, group in enumerate(groups) if len(group.articles) > 1]
name = st.selectbox(
    "Speaker",
    names,
    index=several[0] if several else 0,
    key=SPEAKER_KEY,
    help="Speakers quoted by more than one outlet are listed with all of them.",
)
chosen_group = groups[names.index(name)]
reports = {report.article.id: report for report in chosen.reports}
voices = chosen_group.voices
for column, (article, speaker) in zip(st.columns(len(voices)), voices, strict=True):
    with column:
        report = reports[article]
        st.subheader(markup.md_escape(chosen.label(report)), anchor=False)
        if described_in := report.sources.speakers[speaker].described_in:
            st.caption(
                markup.md_escape(
                    "This article leaves the speaker's country or role blank; they come "
                    "from the description in "
                    + ", ".join(chosen.labels.get(a, a) for a in described_in)
                    + "."
                )
            )
        st.html(
            markup.STYLE
            + markup.quote_list(
                tables.quotes_of(report, speaker).to_dict("records"), chosen_group.speaker_type
            )
        )
