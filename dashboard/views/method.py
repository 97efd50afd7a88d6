"""Method: how each number is made, how far to trust it, and what it cannot tell you."""

import streamlit as st

from analysis.compare.suggest import suggest_cues
from analysis.sentiment.intervals import BOOTSTRAP_SAMPLES, CI_LEVEL
from dashboard import charts, compare_charts, markup, state, tables

st.title("How the numbers are made")
st.markdown(
    "Every number in this dashboard comes from the `analysis` package, the same code the "
    "command line runs (`python -m analysis`), and every number can be traced back to "
    "sentences on the **Read** page. This page says how each is computed and where it "
    "goes wrong."
)

st.header("1. Cleaning and sentences")
st.markdown(
    "Before anything is scored, page furniture is removed: repeated paragraphs, photo "
    "credits, teasers, newsletter and comment footers. Each removal is kept with its "
    "reason and shown greyed on the **Read** page, so you can check nothing of the article "
    "was lost. The text is then cut into paragraphs and sentences (a sentence ends at `.`, "
    "`!` or `?` unless the period belongs to an abbreviation like *Dr.* or *U.S.*), and "
    "quotation marks are paired, also across paragraphs."
)

st.header("2. Tone (sentiment)")
st.markdown(
    f"""
- **TextBlob polarity** (−1 … +1): TextBlob looks each word up in a lexicon of about
  1,500 opinion words (*good* +0.7, *terrible* −1.0), applies modifiers (*very good*,
  *not good*) and averages the words it found. A sentence with no known word scores 0.
- **Subjectivity** (0 … 1): from the same lexicon; 0 is factual wording, 1 opinion.
- **VADER compound** (−1 … +1): a second lexicon, built for short social-media posts,
  with rules for capitals, punctuation and *but*. Switch the **Tone lens** in the sidebar
  to see every chart through it. When the two lenses disagree, read the sentences.
- **Article tone** is the mean over its sentences. The **{CI_LEVEL:.0%} interval** comes
  from a bootstrap: the sentences are resampled {BOOTSTRAP_SAMPLES:,} times and the
  mean recomputed; the interval holds the middle {CI_LEVEL:.0%} of those means. A short
  article has a wide interval. When two outlets' intervals overlap, the data do not show
  that one is more positive than the other.
- **Narration vs quoted**: each sentence is split at the quotation marks; the parts
  inside are *quoted*, the rest *narration*, and each part is scored on its own.
  A gap between the two shows whether the tone comes from the outlet's own words or
  from the quotes it chose.
- **Tone of sentences mentioning an actor**: the mean tone of the sentences that name a
  country or organisation from the gazetteer (its names, capitals, leaders, institutions).
  This is the tone *around* the actor, not the outlet's stance toward it: *"Russia's
  missiles are excellent"* and *"the excellent deal annoyed Russia"* both score positive
  for Russia. Cells resting on fewer than {charts.MIN_SENTENCES} sentences are greyed.
"""
)

st.header("3. Who is quoted (sources)")
st.markdown(
    """
- **Quotes**: words inside quotation marks (*direct*, *partial* when only a phrase is
  quoted, *continuation* for a quote split by *he said*), and reported speech without
  marks (*indirect*: “the minister said that…”).
- **Speaker**: found from the construction around the quote (*“…,” said X*; *X said
  “…”*; *according to X*; a pronoun pointing back to the last speaker) and described by
  name, role and organisation.
- **Speaker type**: official, legislator, expert, media, civil society (NGOs, unions,
  charities, activists), international body (the UN and its agencies, the EU, NATO…) or
  other, from titles and organisations in the knowledge pack and data files
  (`roles.tsv`, `organizations.tsv`). **Named share**: the share of quotes whose
  speaker is named, not “an official”.
- **Country**: from every clue the articles give (a title or demonym, the
  organisation, a capital or seat of power, the person's description anywhere in the
  article, the outlet's own country for a bare “the foreign ministry”); international
  bodies get their own code (UN, EU, NATO…). No clue: “not stated”, never guessed.
- **Gender** of people (not institutions): from the text first (a *he*/*she* that
  refers to the speaker, *Mr*/*Ms*, a gendered title such as *spokeswoman*), else the
  first name, looked up in gender-guesser's list; else *unknown*. The Sources page
  shows what decided it.
- **Unsourced claims**: *reportedly*, *critics say*, *it is understood*: claims
  attributed to nobody in particular.
- **Talked about vs heard** sets the countries an article mentions against the
  countries of the people it quotes.
"""
)

st.header("4. Frames")
st.markdown(
    """
A **frame** is the angle an article takes (money, law, security…). Each frame of the
codebook lists cue words. A sentence **carries** a frame when its cues weigh at least 1
(weak cues weigh 0.5); the frame's **share** is the share of sentences that carry it. A
frame is **present** when at least 2 sentences and 5% of them carry it (or one sentence
is clearly about it); the present frame with the largest share is **dominant**.
**Language cues** (hedges, loaded words, intensifiers, verbs that imply doubt) are
counted beside the frames, never folded into one “bias score”.
"""
)

st.header("5. How accurate is it?")
st.markdown(
    "Measured by `python scripts/measure.py` against hand annotation (the gold files in "
    "`tests/gold/`), one table per set of articles. **First run** is the tool as it was "
    "when the articles were annotated, before any rule was checked on them: the honest "
    "estimate for a story the tool has never seen. **Now** is today's tool; on a "
    "*development* set it is partly fitted, on a *held-out* set it is not."
)
for gold_set in state.accuracy():
    st.subheader(markup.md_escape(gold_set.title))
    st.caption(f"{markup.md_escape(gold_set.kind)}: {markup.md_escape(gold_set.about)}")
    if gold_set.caveat:
        st.warning(markup.md_escape(gold_set.caveat.capitalize() + "."), icon=":material/info:")
    st.dataframe(
        tables.accuracy_table(gold_set),
        hide_index=True,
        column_config={
            name: st.column_config.NumberColumn(format="%.2f") for name in ("first run", "now")
        },
    )

st.header("6. Limitations")
st.markdown(
    """
- Lexicons miss context, irony and domain words: *sanctions*, *missile* or *threat*
  carry no score for TextBlob, and news prose is mostly neutral, so article means sit
  near zero and differences are small. Compare outlets on the same story, never
  absolute values across topics.
- Both tone lexicons, the cue lists and the speaker rules are for English; other
  languages get near-zero tone, few frames and few quotes.
- Cue words find vocabulary, not meaning: a frame can be carried by wording the
  codebook lacks, and a cue can appear in a sentence about something else.
- Gender from a first name is a statistical guess about a person, not a fact about
  them: it is wrong for some people, blind to non-binary people, and weaker for names
  outside the English-speaking world. Use the counts to ask who gets to speak, never
  to label a person.
- The seed articles are five, from 2018 to 2021: a teaching example, not a sample from
  which to generalise about an outlet.
"""
)

codebook = state.current().codebook
st.header(f"7. The active codebook: {markup.md_escape(codebook.name)}")
if codebook.citation:
    st.caption(markup.md_escape(codebook.citation))
if codebook.about:
    st.text(codebook.about)
for frame in codebook.frames:
    with st.expander(markup.md_escape(frame.label)):
        st.text(frame.definition)
        for question in frame.questions:
            st.text(f"• {question}")
        st.dataframe(tables.cue_table(frame), hide_index=True)

st.subheader("Cue words your articles suggest")
st.caption(
    "Words (names left out) that the sentences carrying a frame use more than the other "
    "sentences of the selected articles (weighted log-odds, one-sided 5%), and that are "
    "not yet the frame's cues. Read them before adding one to your codebook: a word can "
    "name the story's topic rather than the frame's angle. From the command line: "
    "`python -m analysis suggest-cues FOLDER --codebook FILE`."
)
suggestions = tables.suggestion_table(suggest_cues(state.current().reports, codebook), codebook)
if suggestions.empty:
    st.info("Too few sentences carry a frame in these articles to suggest a word.")
else:
    st.dataframe(suggestions, hide_index=True)

st.header("8. Differences between outlets")
facts = state.figures("real-development-facts")
st.markdown(
    compare_charts.method(
        facts.get("same-fact pairs grouped: precision"),
        facts.get("same-fact pairs grouped: recall"),
    )
)
