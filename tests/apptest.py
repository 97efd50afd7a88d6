"""Opening one dashboard page in Streamlit's AppTest, the way the page tests do."""

from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = Path(__file__).resolve().parent.parent / "dashboard" / "app.py"


def open_page(page: str, articles: list[str] | None = None, timeout: float = 90) -> AppTest:
    """The app run once (sidebar and store read), then switched to `page`; `articles` the
    sidebar's selection when given. Fails on any exception the page raised."""
    at = AppTest.from_file(str(APP), default_timeout=timeout)
    if articles is not None:
        at.session_state["articles"] = articles
    at.run()
    at.switch_page(page).run()
    assert not at.exception, at.exception
    return at
