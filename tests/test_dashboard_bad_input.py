"""Every kind of bad input on the dashboard's inputs (AppTest): a clear message next to
the input, no traceback, nothing saved; and input that can be analysed but may mislead
(not English, a guessed encoding) is saved with a warning."""

import pytest
from streamlit.testing.v1 import AppTest

from analysis.store import Store, default_path

from .test_dashboard import APP, TIMEOUT

ENGLISH = (
    "The minister said on Monday that the talks had gone well and that both sides would "
    "meet again next month in the capital. Critics called the plan a costly mistake and "
    "warned that sanctions could follow within weeks if nothing changed."
)
FRENCH = (
    "Le gouvernement indien a annoncé lundi qu’il poursuivrait l’achat du système russe, "
    "malgré les pressions américaines. « Nous ne céderons pas », a déclaré le ministre de la "
    "Défense devant les journalistes réunis à New Delhi, ajoutant que les discussions avec "
    "Washington continueraient dans les semaines à venir."
)
RUSSIAN = (
    "Правительство Индии заявило в понедельник, что продолжит покупку российской системы "
    "противовоздушной обороны, несмотря на давление Соединённых Штатов, сообщили "
    "журналистам в министерстве обороны в Нью-Дели. Переговоры с Вашингтоном продолжатся "
    "в ближайшие недели, добавил министр, и решение будет принято до конца года."
)


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_BIAS_DATA", str(tmp_path))
    return tmp_path


def submit(text: str = "", upload: tuple[str, bytes] | None = None) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.run()
    at.switch_page("views/add.py").run()
    at.text_area(key="add_text").input(text)
    at.text_input(key="add_outlet").input("Example Daily")
    if upload:
        name, data = upload
        at.file_uploader(key="add_file_0").set_value((name, data, "text/plain"))
    next(b for b in at.button if b.label == "Analyse and add").click().run()
    assert not at.exception, at.exception
    return at


def saved() -> list:
    return Store(default_path()).articles()


@pytest.mark.parametrize(
    ("text", "upload", "says"),
    [
        ("   \n\t  ", None, "Paste the article text"),
        ("“”“” \"\" '' «»", None, "No words to analyse"),
        ("— … ★ 🙂 !!! ???", None, "No words to analyse"),
        ("", ("empty.txt", b""), "No article text left"),
        ("", ("blank.txt", b" \n\t\r\n "), "No article text left"),
        ("", ("scan.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\x00\x01\x02" * 40), "binary file"),
        ("", ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 40), "binary file"),
        ("", ("archive.txt", b"PK\x03\x04\x14\x00\x00\x00\x08\x00" * 40), "binary file"),
        ("", ("odd.txt", bytes(0x80 + (i * 37) % 120 for i in range(3000))), "encoding"),
        ("", ("bad16.txt", b"\xff\xfe" + b"\x00\xd8\x41\x00" * 40), "byte-order mark"),
        ("", ("page.html", b"<html><script>alert(1)</script></html>"), "No article text found"),
        ("", ("marks.md", "“” \"\" ''".encode()), "No words to analyse"),
    ],
)
def test_each_bad_input_is_refused_next_to_its_field_and_nothing_is_saved(text, upload, says):
    at = submit(text, upload)
    messages = [error.value.replace("\\", "") for error in at.error]  # markdown-escaped
    assert any(says in message for message in messages), messages
    assert saved() == []


def test_a_pasted_text_over_the_limit_is_refused(monkeypatch):
    from analysis import corpus

    monkeypatch.setattr(corpus.make, "MAX_TEXT_CHARS", 200)
    at = submit(ENGLISH + " " + ENGLISH)
    assert any("limit" in error.value for error in at.error)
    assert saved() == []


@pytest.mark.parametrize(
    ("text", "upload", "warns"),
    [
        (FRENCH, None, "French"),
        ("", ("ru.txt", RUSSIAN.encode("cp1251")), "cp1251"),
    ],
)
def test_a_usable_but_doubtful_article_is_saved_with_a_warning(text, upload, warns):
    at = submit(text, upload)
    assert [a.outlet for a in saved()] == ["Example Daily"]
    assert any(warns in warning.value for warning in at.warning), [w.value for w in at.warning]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-8-sig", "cp1252"])
def test_an_upload_in_another_encoding_is_read(encoding):
    submit("", ("story.txt", ENGLISH.encode(encoding)))
    assert [a.text for a in saved()] == [ENGLISH]


def test_an_html_page_pasted_whole_is_reduced_to_its_text():
    page = (
        "<!DOCTYPE html><html><head><script>steal()</script><style>p{}</style></head><body>"
        f"<nav>Home | World</nav><article><p>{ENGLISH}</p></article></body></html>"
    )
    submit(page)
    (article,) = saved()
    assert "talks had gone well" in article.text
    assert "steal" not in article.text and "Home" not in article.text


@pytest.mark.parametrize(
    ("codebook", "says"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00", "cannot be used"),
        (b"[codebook\nid = 'x'", "line 1"),
        (
            b"[codebook]\nid = 'x'\nname = 'X'\n[[frame]]\nid = 'a'\nlabel = 'A'\ncues = [1]\n",
            "line",
        ),
        (b"[codebook]\nid = 'x'\nname = '<b>X</b>'\nsurprise = 1\n", "surprise"),
    ],
)
def test_a_bad_codebook_upload_is_explained_in_the_sidebar(codebook, says):
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.run()
    at.sidebar.selectbox(key="codebook").set_value("uploaded").run()
    at.sidebar.file_uploader[0].set_value(("mine.toml", codebook, "text/plain"))
    at.run()
    assert not at.exception, at.exception
    messages = [error.value.replace("\\", "") for error in at.sidebar.error]
    assert any(says in m for m in messages), messages
