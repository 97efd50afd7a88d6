"""The Streamlit dashboard: presents `analysis` results; computes nothing itself."""
