"""Sources: who is quoted, across the selected articles."""

import pandas as pd
import streamlit as st

from dashboard import state

chosen = state.current()
st.title("Who is quoted")

if not chosen.reports:
    st.info("No article selected. Choose articles under **Articles** in the sidebar.")
    st.stop()

st.info(
    f"Speakers (name, role, organisation, type, country) and their quotes across outlets: "
    f"{state.NOT_YET}. Meanwhile, here is every passage inside quotation marks."
)
rows = [
    {
        "outlet": chosen.label(report),
        "sentence": report.document.sentence_at(quote.start) + 1,
        "quoted text": report.document.text[quote.start : quote.end],
        "closed": quote.closed,
    }
    for report in chosen.reports
    for quote in report.document.quotations
]
if rows:
    st.dataframe(pd.DataFrame(rows), hide_index=True)
else:
    st.info("The selected articles contain no quotation marks: nobody is quoted directly.")
