"""Read: one article, or two side by side, with the evidence behind every number."""

import streamlit as st

from dashboard import markup, state, tables

READING_KEY = "read_articles"
LAYERS_KEY = "read_layers"
TEXT_HEIGHT = 640  # longer articles scroll inside a box of this height (pixels)
LONG_WORDS = 300
TABLE_HEIGHT = 260
TABLE_ROWS = 7

chosen = state.current()
st.title("Read the articles")

if not chosen.reports:
    st.info("No article selected. Choose articles under **Articles** in the sidebar.")
    st.stop()

by_id = {report.article.id: report for report in chosen.reports}
if st.session_state.get(state.READ_NEXT_KEY) in by_id:
    st.session_state[READING_KEY] = [st.session_state.pop(state.READ_NEXT_KEY)]
reading = st.session_state.get(READING_KEY)
if not reading or not set(reading) <= set(by_id):
    st.session_state[READING_KEY] = list(by_id)[:1]
picked = st.multiselect(
    "Articles to read: one, or two side by side",
    list(by_id),
    max_selections=2,
    format_func=chosen.labels.get,
    key=READING_KEY,
)
layers = st.pills(
    "Evidence layers",
    list(markup.LAYERS),
    selection_mode="multi",
    default=list(markup.DEFAULT_LAYERS),
    format_func=markup.LAYERS.get,
    key=LAYERS_KEY,
)
if not picked:
    st.info("Choose an article to read above.")
    st.stop()

st.html(markup.STYLE + markup.legend(layers))
for column, article_id in zip(st.columns(len(picked)), picked, strict=True):
    report = by_id[article_id]
    article = report.article
    with column:
        st.subheader(markup.md_escape(chosen.labels[article_id]), anchor=False)
        st.text(article.title or "(no title)")
        st.caption(
            markup.md_escape(
                " · ".join(
                    part
                    for part in (article.date, f"{report.words:,} words", article.outlet_country)
                    if part
                )
            )
        )
        for warning in report.warnings:  # not English, guessed encoding, unclosed quotes
            message = warning.message[:1].upper() + warning.message[1:] + "."
            st.warning(markup.md_escape(message), icon=":material/warning:")
        if not report.sources.quotes:
            st.caption("No quotes found in this article: nobody is quoted or reported.")
        sentences = tables.sentence_table(report, chosen.lens)
        st.caption(
            "Click a sentence in the table below the text to see its scores and the words "
            "that drove them; the chosen sentence is outlined in the text."
        )
        text_box = st.container(height=TEXT_HEIGHT if report.words > LONG_WORDS else "content")
        picked_rows = st.dataframe(
            sentences[["sentence", "tone", "subjectivity", "voice", "text"]],
            hide_index=True,
            on_select="rerun",
            selection_mode="single-row",
            key=f"sentences_{article_id}",
            height=TABLE_HEIGHT if len(sentences) > TABLE_ROWS else "auto",
            column_config={
                "tone": st.column_config.NumberColumn(f"tone ({chosen.lens})", format="%+.2f"),
                "subjectivity": st.column_config.NumberColumn(format="%.2f"),
                "text": st.column_config.TextColumn(width="large"),
            },
        )
        rows = picked_rows.selection.rows
        sentence = int(sentences.iloc[rows[0]]["sentence"]) - 1 if rows else None
        with text_box:
            st.html(markup.STYLE + markup.article_html(report, layers, chosen.lens, sentence))
        if sentence is None:
            continue
        tone = report.sentiment.sentences[sentence]
        st.markdown(f"**Sentence {sentence + 1}**")
        st.text(report.document.sentence_text(sentence))
        scores = st.columns(5)
        scores[0].metric("News tone", f"{tone.tone:+.2f}")
        scores[1].metric("TextBlob polarity", f"{tone.polarity:+.2f}")
        scores[2].metric("subjectivity", f"{tone.subjectivity:.2f}")
        scores[3].metric("VADER compound", f"{tone.vader:+.2f}")
        scores[4].metric("inside quotes", f"{tone.quoted_share:.0%}")
        news = tables.tone_words_table(report, sentence)
        if news.empty:
            st.caption("No word of this sentence carries tone for the news lens: its tone is 0.")
        else:
            st.caption(
                "Words behind the news tone: each word's weight after negation and contrast "
                "(−1…+1), and the lexicon it comes from. Names are left out."
            )
            st.dataframe(news, hide_index=True)
        words = tables.assessment_table(report, sentence)
        if words.empty:
            st.caption("TextBlob knows none of this sentence's words: its tone is 0.")
        else:
            st.caption(
                "Words TextBlob scored (polarity −1…+1, subjectivity 0…1); the sentence's "
                "polarity is their mean, with modifiers such as *very* and *not* applied."
            )
            st.dataframe(words, hide_index=True)
        found = tables.sentence_evidence(report, sentence)
        if not found.empty:
            st.caption("What else the analyzers found in this sentence:")
            st.dataframe(found, hide_index=True)
        parts = tables.parts_table(report, sentence)
        if len(parts) > 1:
            st.caption("The sentence's narration and quoted parts, each scored on its own:")
            st.dataframe(parts, hide_index=True)
