"""Benchmark entry point: the dashboard with every catalogue article selected at first.

`streamlit run benchmarks/select_all.py` runs dashboard/app.py unchanged, after putting
the whole catalogue (seeds and stored articles) in the sidebar's selection once per session.
"""

import importlib
import runpy
import sys
from pathlib import Path

import streamlit as st

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
state = importlib.import_module("dashboard.state")  # importable once ROOT is on the path

if state.ARTICLES_KEY not in st.session_state:
    st.session_state[state.ARTICLES_KEY] = [article.id for article in state.catalogue()]
runpy.run_path(str(ROOT / "dashboard" / "app.py"), run_name="__main__")
