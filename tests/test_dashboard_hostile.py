"""Hostile text on every dashboard page (AppTest): markup in article text, outlet names,
titles, speaker names and codebook labels is shown as text, never as markup.

Streamlit renders Markdown (links, images, emphasis, `:red[...]`, `$$` maths) in
markdown, captions, headings, alerts, expander and tab labels; Plotly renders a small
HTML subset in chart labels and hover text; `st.html` renders HTML. So every element of
every page is checked: a hostile marker may reach Markdown only backslash-escaped, HTML
only entity-escaped, and a chart only entity-escaped. tests/test_browser_hostile.py
checks the same pages in a real browser.
"""

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from analysis import load, make_article
from analysis.store import Store, default_path

APP = Path(__file__).resolve().parent.parent / "dashboard" / "app.py"
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
PAGES = [
    "views/compare.py",
    "views/read.py",
    "views/sources.py",
    "views/differences.py",
    "views/classroom.py",
    "views/method.py",
    "views/add.py",
]
TIMEOUT = 120
# Pages whose tabs are drawn only when open, and the key of their open tab.
TAB_KEYS = {"views/compare.py": "compare_section", "views/differences.py": "differences_tab"}
# Markdown a user might type, on purpose or not: each would render if not escaped.
MARKDOWN = (":red[", ":blue[", "$$", "**bold", "**Title", "**about", "**x**", "**safe")
MARKDOWN += ("](https://evil.example", "![", "_Post_", ":skull:")
# HTML that would become elements (Markdown escapes `<` itself; st.html and Plotly do not).
HTML = re.compile(r"<(?:script|img|b id|i>|svg|iframe|a href)", re.IGNORECASE)
TEXT = """“The deal is <b id="pwn">dead</b> :red[now],” said Dr. Evil_Under_Score, the head \
of [Link](https://evil.example/l) Corp, on Monday. The US and India disagree about sanctions.

“We <script>window.pwned=1</script> will act $$x^2$$ soon :skull:,” said Lopez_Garcia, a \
**bold** minister. Russia said the S-400 deal was good for security and trade.

<img src=x onerror="window.pwned=2"> Critics called the plan a :blue[costly] mistake and \
warned that sanctions could follow within weeks. ![img](https://evil.example/track.png)"""
OUTLETS = (
    ':red[Red] <b id="pwn-o">Daily</b> :skull:',
    "$$x$$ [Link](https://evil.example/o) _Post_",
)
TITLES = ("**Title** <i>x</i> :red[t]", "$$T$$ [l](https://evil.example/t)")
CODEBOOK = """
[codebook]
id = "hostile"
name = ":red[Codebook] <b id='pwn-c'>x</b> $$y$$"
citation = "[cite](https://evil.example/c)"
about = "**about** <script>window.pwned=3</script>"

[[frame]]
id = "security"
label = ":red[Security] <b id='pwn-f'>frame</b> **x** $$z$$"
definition = "<img src=x onerror='window.pwned=4'> [d](https://evil.example/d)"
questions = [":blue[Is] it **safe**? <i>x</i>"]
cues = ["security", "sanctions", "deal"]

[[frame]]
id = "economy"
label = "![e](https://evil.example/e.png) Economy"
definition = "Money."
cues = ["trade", "costly"]
"""


@pytest.fixture
def hostile_ids(tmp_path, monkeypatch):
    """Two hostile articles (two outlets) in a fresh store, selected with one seed."""
    monkeypatch.setenv("SOURCE_BIAS_DATA", str(tmp_path))
    store = Store(default_path())
    ids = [
        store.add(make_article(TEXT + extra, outlet=outlet, title=title, date=date))
        for extra, outlet, title, date in zip(
            ("", "\n\nThe Pentagon agreed."),
            OUTLETS,
            TITLES,
            ("2020-01-01", "2020-01-02"),
            strict=True,
        )
    ]
    return [load(SEEDS)[0].id, *ids]


def run_page(page: str, articles: list[str], **state) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.session_state["articles"] = articles
    for key, value in state.items():
        at.session_state[key] = value
    at.run()
    at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def unescaped_markdown(text: str) -> list[str]:
    """The hostile Markdown markers in `text` not preceded by a backslash."""
    return [m for m in MARKDOWN if re.search(r"(?<!\\)" + re.escape(m), text)]


def markup_leaks(at: AppTest) -> list[tuple[str, str]]:
    """(element, text) for every element where hostile text would become markup."""
    leaks = []
    kinds = ("markdown", "caption", "title", "header", "subheader")
    kinds += ("info", "warning", "error", "success", "toast")
    for kind in kinds:
        for element in at.get(kind):
            body = str(getattr(element, "value", "") or getattr(element, "body", ""))
            allow_html = getattr(element.proto, "allow_html", False)
            if unescaped_markdown(body) or (allow_html and HTML.search(body)):
                leaks.append((kind, body))
    for kind in ("expander", "tab"):
        leaks += [(kind, e.label) for e in at.get(kind) if unescaped_markdown(e.label)]
    for element in at.get("html"):
        leaks += [
            ("html", m.string[m.start() - 60 : m.end() + 60])
            for m in HTML.finditer(element.proto.body)
        ]
    for chart in at.get("plotly_chart"):
        leaks += [
            ("plotly", m.string[m.start() - 60 : m.end() + 60])
            for m in HTML.finditer(chart.proto.spec)
        ]
    return leaks


def every_tab_leaks(at: AppTest, page: str) -> list[tuple[str, str]]:
    """The markup leaks of the page and, where its tabs are drawn only when open (Compare,
    Differences), of each tab opened in turn."""
    leaks = markup_leaks(at)
    key = TAB_KEYS.get(page)
    for label in [tab.label for tab in at.tabs] if key else []:
        at.session_state[key] = label
        leaks += markup_leaks(at.run())
    return leaks


def test_the_markers_would_be_caught(hostile_ids):
    """The check itself: unescaped, each marker is found; escaped, none is."""
    from dashboard.markup import md_escape

    raw = TEXT + "".join(OUTLETS + TITLES) + CODEBOOK
    assert set(unescaped_markdown(raw)) == set(MARKDOWN)
    assert unescaped_markdown(md_escape(raw)) == []
    assert HTML.search(raw)


@pytest.mark.parametrize("page", PAGES)
def test_hostile_articles_show_as_text_on_every_page(hostile_ids, page):
    at = run_page(page, hostile_ids, read_articles=hostile_ids[1:], sources_speaker="Lopez_Garcia")
    assert every_tab_leaks(at, page) == []


@pytest.mark.parametrize("page", ["views/compare.py", "views/method.py", "views/read.py"])
def test_a_hostile_codebook_shows_as_text(hostile_ids, page, monkeypatch):
    from dashboard import state

    monkeypatch.setattr(state, "codebook_choice", lambda: ("<b>hostile</b>.toml", CODEBOOK))
    at = run_page(page, hostile_ids, read_layers=["frames", "quotes"])
    assert every_tab_leaks(at, page) == []
    if page == "views/method.py":
        shown = " ".join(e.value for e in at.header)
        assert "Codebook" in shown  # the hostile codebook is the one on the page
