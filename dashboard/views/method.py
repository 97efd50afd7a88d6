"""Method: how each number is made, how far to trust it, and what it cannot tell you."""

import streamlit as st

from analysis.sentiment import BOOTSTRAP_SAMPLES, CI_LEVEL
from dashboard import charts, state

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

st.header("3. Limitations")
st.markdown(
    """
- Lexicons miss context, irony and domain words: *sanctions*, *missile* or *threat*
  carry no score for TextBlob, and news prose is mostly neutral, so article means sit
  near zero and differences are small. Compare outlets on the same story, never
  absolute values across topics.
- Both lexicons are for English; other languages score near 0.
- Quotation marks find quoted text, not who is speaking.
- The seed articles are five, from 2018 to 2021: a teaching example, not a sample from
  which to generalise about an outlet.
"""
)

st.header("4. Accuracy")
st.markdown(
    f"Accuracy of quote attribution and framing against hand-annotated articles: {state.NOT_YET}."
)

st.header("5. Codebook")
st.markdown(f"Framing codebook, its frames, definitions and cue words: {state.NOT_YET}.")
