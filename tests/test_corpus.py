import pytest

from analysis import (
    Article,
    InputError,
    ManifestError,
    analyze,
    corpus,
    load,
    load_each,
    make_article,
)
from analysis.corpus import article_from_bytes, clean, decode, normalize
from analysis.corpus.clean import split_paragraphs
from analysis.corpus.language import foreign_paragraphs

from .conftest import SEEDS

ARTICLE = "Officials met on Monday to discuss the deal.\n\nThe talks lasted three hours."


@pytest.mark.parametrize(
    ("paragraph", "reason"),
    [
        ("The new missile system on parade. Photo: Jane Roe/Agency", "photo caption or credit"),
        ("Soldiers at the border. (Photo: AFP via Getty Images)", "photo caption or credit"),
        ("READ MORE: Country X will not stop buying arms over pressure", "cross-link teaser"),
        ("Read also: What the sanctions law says", "cross-link teaser"),
        ("Read more", "cross-link teaser"),
        ("Related:", "cross-link teaser"),
        ("Subscribe to our newsletter to get the news first.", "newsletter or subscription footer"),
        (
            "Sign up for the Morning Brief, delivered to your inbox.",
            "newsletter or subscription footer",
        ),
        ("11 replies on “Country may permit purchase”", "comment counter"),
        ("Comments are closed.", "comment counter"),
        ("Leave a Reply", "comment counter"),
        ("© 2021 Example Media. All rights reserved.", "copyright notice"),
    ],
)
def test_each_kind_of_boilerplate_is_removed_with_its_reason(paragraph, reason):
    text, removed, _ = clean(f"{ARTICLE}\n\n{paragraph}\n\nA closing sentence of the article.")
    assert paragraph not in text
    assert text == ARTICLE + "\n\nA closing sentence of the article."
    assert [(r.text, r.reason) for r in removed] == [(normalize(paragraph), reason)]


@pytest.mark.parametrize(
    "paragraph",
    [
        "The newsletter industry has grown, and publishers now sell subscriptions to readers in "
        "many countries, according to a study released on Monday by a media research group.",
        "Related talks will continue next month, the ministry said.",
        "Photographers were kept away from the meeting.",
        "Watchers of the region expect the deal to be signed in October.",
    ],
)
def test_article_paragraphs_that_resemble_boilerplate_are_kept(paragraph):
    text, removed, _ = clean(f"{ARTICLE}\n\n{paragraph}")
    assert paragraph in text
    assert removed == ()


def test_repeated_lede_is_removed_once_and_the_first_copy_kept():
    lede = "The government has repeated its call to forgo the purchase."
    text, removed, _ = clean(f"{lede}\n\n{lede}\n\nMore text follows here.")
    assert text.count(lede) == 1
    assert [r.reason for r in removed] == ["repeated paragraph"]


def test_near_duplicate_captions_differing_in_spacing_count_as_repeated():
    text, removed, _ = clean(
        "Launchers in a field. Image: A. Person/Agency\n"
        "Launchers in a field. Image: A. Person / Agency\n\n" + ARTICLE
    )
    assert text == ARTICLE
    assert len(removed) == 2


def test_leading_date_token_is_removed_and_becomes_the_date():
    text, removed, found = clean(" date 2019-03-04 The ministry said on Monday it would wait.")
    assert text == "The ministry said on Monday it would wait."
    assert found == {"date": "2019-03-04"}
    assert removed[0].reason == "metadata token"


def test_repeated_leading_tokens_all_go_so_cleaning_twice_changes_nothing():
    text, removed, found = clean("date 2019-03-04  date 2019-03-05  The minister spoke.")
    assert text == "The minister spoke." == clean(text)[0]
    assert found == {"date": "2019-03-04"}
    assert [r.reason for r in removed] == ["metadata token", "metadata token"]


def test_removal_offsets_point_where_the_piece_stood():
    text, removed, _ = clean("First paragraph.\n\nREAD MORE: elsewhere\n\nSecond paragraph.")
    assert text[removed[0].at :] == "Second paragraph."


def test_normalize_replaces_odd_spaces_but_keeps_quotes_and_dashes():
    raw = "“Quote,”\u00a0he said\u2009— and ‘more’.\r\nNext\u200b line"
    assert normalize(raw) == "“Quote,” he said — and ‘more’.\nNext line"


def test_hard_wrapped_text_joins_lines_into_paragraphs():
    wrapped = (
        "The minister said the talks\nwould resume next week in\nthe capital.\n\n"
        "A second paragraph\nwraps here too."
    )
    assert split_paragraphs(wrapped) == [
        "The minister said the talks would resume next week in the capital.",
        "A second paragraph wraps here too.",
    ]


def test_load_reads_the_seed_folder_with_its_manifest():
    articles = load(SEEDS)
    assert len(articles) == 5
    outlets = {article.outlet for article in articles}
    assert {"RT", "Hindustan Times", "Asia Times", "Foreign Policy", "YourNewsWire"} == outlets
    assert all(article.title and article.date for article in articles)


def test_seeds_lose_their_collection_artifacts(seed_articles):
    for article in seed_articles:
        assert "\u00a0" not in article.text
        assert "Comments are closed" not in article.text
        assert "newsletter" not in article.text.lower()
        assert not article.text.startswith(" date")
        paragraphs = article.text.split("\n\n")
        assert len(paragraphs) == len(set(paragraphs))


def test_an_empty_file_among_good_ones_is_reported_and_the_rest_loaded(tmp_path):
    (tmp_path / "good.txt").write_text(ARTICLE)
    (tmp_path / "empty.txt").write_text("   \n")
    articles, failures = load_each(tmp_path)
    assert [a.file for a in articles] == ["good.txt"]
    assert len(failures) == 1 and "empty.txt" in str(failures[0])


def test_binary_file_is_refused_with_a_reason(tmp_path):
    path = tmp_path / "scan.txt"
    path.write_bytes(b"%PDF-1.7\x00\x01\x02\xff\xfe binary")
    with pytest.raises(InputError, match="binary"):
        load(path)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-le", "cp1252"])
def test_common_encodings_are_decoded(encoding):
    text = "Officials said the “deal” is worth €5 billion — for now. " * 3
    assert decode(text.encode(encoding), "x").lstrip("\ufeff") == text


def test_manifest_without_a_file_column_names_the_line(tmp_path):
    (tmp_path / "manifest.csv").write_text("outlet,title\nX,Y\n")
    (tmp_path / "a.txt").write_text(ARTICLE)
    with pytest.raises(ManifestError, match="line 1"):
        load(tmp_path)


def test_html_article_body_is_extracted_without_scripts_or_navigation(tmp_path):
    body = " ".join(["The defence ministry confirmed the purchase on Tuesday."] * 8)
    page = f"""<html><head><title>Ministry confirms purchase</title>
    <script>alert('x')</script><style>p {{color: red}}</style></head>
    <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
    <article><h1>Ministry confirms purchase</h1><p>{body}</p><p>{body} Again.</p></article>
    <footer>Subscribe to our newsletter</footer></body></html>"""
    path = tmp_path / "page.html"
    path.write_text(page)
    article = load(path)[0]
    assert "defence ministry confirmed" in article.text
    assert "alert" not in article.text and "color" not in article.text
    assert "Home" not in article.text
    assert article.title == "Ministry confirms purchase"


def test_make_article_gives_a_content_id_to_pasted_text():
    first, second = make_article(ARTICLE), make_article(ARTICLE + " More.")
    assert first.id and first.id != second.id
    assert make_article(ARTICLE).id == first.id


# Bad input: every kind gives a clear reason and never a traceback; nothing else is lost.

ENGLISH = (
    "Officials said the “deal” is worth €5 billion — for now. Café owners agreed.\n\n"
    "The talks lasted three hours, the minister said on Monday."
)
FRENCH = (
    "Le gouvernement indien a annoncé lundi qu’il poursuivrait l’achat du système russe, "
    "malgré les pressions américaines. « Nous ne céderons pas », a déclaré le ministre."
)
RUSSIAN = (
    "Правительство Индии заявило в понедельник, что продолжит покупку российской системы, "
    "несмотря на давление Соединённых Штатов."
)


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "no article text"),
        ("blank.txt", b"  \n\t\r\n \xc2\xa0 \n", "no article text"),
        (
            "scan.txt",
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nstream\x00\x01\x02\xff",
            "binary",
        ),
        ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
        ("archive.txt", b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)) * 4, "binary"),
        ("gibberish.txt", bytes(0x80 + (i * 37) % 120 for i in range(3000)), "encoding"),
        ("bad16.txt", b"\xff\xfe" + b"\x00\xd8\x41\x00" * 20, "UTF-16-LE byte-order mark"),
        ("stray-nul.txt", b"The minister said hello.\x00 And then he left the room.", "binary"),
        ("marks.txt", '"""" “”“” \'\'\'\' «»«» ” “ "\n\n“”'.encode(), "no words"),
        ("symbols.txt", "— … ★ ✓ 🙂 🙂 !!! ???".encode(), "no words"),
        ("scripts.html", b"<html><script>alert(1)</script><style>p{}</style></html>", "no article"),
    ],
)
def test_bad_files_are_refused_with_a_reason_naming_the_file(tmp_path, name, data, reason):
    (tmp_path / name).write_bytes(data)
    (tmp_path / "good.txt").write_text(ARTICLE)
    articles, failures = load_each(tmp_path)
    assert [a.file for a in articles] == ["good.txt"]
    assert len(failures) == 1
    assert failures[0].source.endswith(name)
    assert reason in failures[0].reason


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path, monkeypatch):
    monkeypatch.setattr(corpus.make, "MAX_FILE_BYTES", 1000)
    path = tmp_path / "huge.txt"
    path.write_text("word " * 300)
    with pytest.raises(InputError, match="1,500 bytes; the limit is 1,000"):
        load(path)
    with pytest.raises(InputError, match="limit"):
        article_from_bytes(path.read_bytes(), "huge.txt")


def test_pasted_text_over_the_limit_is_refused(monkeypatch):
    monkeypatch.setattr(corpus.make, "MAX_TEXT_CHARS", 100)
    with pytest.raises(InputError, match="characters; the limit is 100"):
        make_article("A sentence of words. " * 10)


def test_a_folder_named_like_an_article_and_an_empty_folder_are_reported(tmp_path):
    (tmp_path / "folder.txt").mkdir()
    (tmp_path / "good.txt").write_text(ARTICLE)
    assert [a.file for a in load(tmp_path)] == ["good.txt"]
    empty = tmp_path / "folder.txt"
    articles, failures = load_each(empty)
    assert articles == [] and "no article files" in failures[0].reason


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1252"]
)
def test_encodings_that_can_be_told_are_decoded_without_a_warning(encoding):
    article = article_from_bytes(ENGLISH.encode(encoding), "story.txt")
    assert article.text == ENGLISH
    assert article.warnings == ()
    assert article.lang == "en"


def test_latin1_text_with_accents_is_decoded():
    text = "Le café à Zürich était fermé. Les élèves ont répété la leçon à l’école."
    assert decode(text.replace("’", "'").encode("latin-1"), "x") == text.replace("’", "'")


def test_cyrillic_utf16_without_a_byte_order_mark_is_decoded():
    assert decode(RUSSIAN.encode("utf-16-le"), "x") == RUSSIAN
    assert decode(RUSSIAN.encode("utf-16-be"), "x") == RUSSIAN


def test_a_utf16_file_cut_off_mid_character_keeps_its_text():
    data = ENGLISH.encode("utf-16")[:-1]
    assert decode(data, "x") == ENGLISH[:-1] + "\ufffd"


def test_a_guessed_encoding_is_named_in_a_warning():
    article = article_from_bytes(RUSSIAN.encode("cp1251"), "ru.txt")
    assert article.text == RUSSIAN
    assert [w.kind for w in article.warnings] == ["encoding", "language"]
    assert "cp1251" in article.warnings[0].message


@pytest.mark.parametrize(
    ("text", "code", "name"), [(FRENCH, "fr", "French"), (RUSSIAN, "ru", "Russian")]
)
def test_non_english_text_is_detected_warned_about_and_still_analysed(text, code, name):
    report = analyze(text)
    assert report.article.lang == code
    (warning,) = report.warnings
    assert warning.kind == "language"
    assert name in warning.message and "English" in warning.message
    assert len(report.document.sentences) >= 1
    assert report.sentiment.n == len(report.document.sentences)


def test_english_seeds_are_english_with_no_warnings(seed_reports):
    assert {report.article.lang for report in seed_reports} == {"en"}
    assert all(report.warnings == () for report in seed_reports)


ENGLISH_PARAGRAPHS = [
    "The defence ministry confirmed the purchase on Tuesday, and officials said that the "
    "talks with Washington would go on for as long as they were needed.",
    "Analysts in New Delhi said the government had weighed the risk of sanctions against "
    "the need to replace an ageing fleet of air defence systems.",
    "The first units are expected to arrive next year, according to a statement that the "
    "ministry published on its website after the meeting.",
]
SPANISH = (
    "El gobierno indio anunció el lunes que continuaría con la compra del sistema ruso, "
    "a pesar de las presiones estadounidenses y de las amenazas de sanciones."
)


@pytest.mark.parametrize(
    ("foreign", "name", "number"), [(SPANISH, "Spanish", 2), (RUSSIAN, "Russian", 2)]
)
def test_an_english_article_with_a_paragraph_in_another_language_says_which(foreign, name, number):
    paragraphs = [*ENGLISH_PARAGRAPHS]
    paragraphs.insert(number - 1, foreign)
    article = make_article("\n\n".join(paragraphs))
    (warning,) = article.warnings
    assert article.lang in ("en", "und") and warning.kind == "language"
    assert f"paragraph {number} " in warning.message and name in warning.message


def test_english_paragraphs_are_not_taken_for_another_language(seed_articles):
    assert all(foreign_paragraphs(article.text) == [] for article in seed_articles)
    assert foreign_paragraphs("\n\n".join(ENGLISH_PARAGRAPHS)) == []
    names = "Su-30MKI, MiG-29, Tejas Mk1A, Rafale, Mirage 2000, Jaguar, S-400, Akash, BrahMos"
    assert foreign_paragraphs(names + ", Pinaka, Arjun, Barak-8, Prithvi, Agni, Nag") == []


def test_a_text_too_short_to_tell_gets_no_language_warning():
    article = make_article("Hi there.")
    assert article.lang == "und"
    assert article.warnings == ()


def test_an_article_built_directly_gets_its_language_when_analysed():
    assert analyze(Article(text=FRENCH, id="x")).article.lang == "fr"


def test_an_html_page_saved_as_txt_or_pasted_is_reduced_to_its_text(tmp_path):
    body = " ".join(["The defence ministry confirmed the purchase on Tuesday."] * 8)
    page = (
        "<!DOCTYPE html><html><head><title>Purchase</title><script>steal()</script></head>"
        f"<body><nav>Home | World</nav><article><p>{body}</p></article></body></html>"
    )
    (tmp_path / "saved.txt").write_text(page)
    for article in (load(tmp_path / "saved.txt")[0], make_article(page)):
        assert "defence ministry confirmed" in article.text
        assert "steal" not in article.text and "<" not in article.text
        assert "Home" not in article.text


def test_control_characters_and_broken_surrogates_are_removed_from_text_and_metadata():
    article = make_article(
        "The \x1b[31mminister\x1b[0m said\x00 yes.\u2029Next \ud800paragraph.",
        outlet="Daily\x1b]0;pwned\x07 News\n\tOnline",
    )
    assert article.text == "The [31mminister[0m said yes.\n\nNext \ufffdparagraph."
    assert article.outlet == "Daily]0;pwned News Online"


def test_a_javascript_url_never_becomes_the_articles_url():
    assert make_article(ARTICLE, url="javascript:alert(1)").url == ""
    assert make_article(ARTICLE, url="https://example.org/a").url == "https://example.org/a"


def test_unbalanced_quotation_marks_are_analysed_with_a_warning():
    report = analyze("He said “this is open. And more.\n\nA new paragraph” closes nothing.")
    assert [w.kind for w in report.warnings] == ["quotes"]
    assert "never closed" in report.warnings[0].message


def test_ten_thousand_sentences_are_analysed():
    text = " ".join(f"Sentence number {i} says the deal is good." for i in range(10_000))
    report = analyze(text)
    assert len(report.document.sentences) == 10_000
    assert report.sentiment.n == 10_000


MANIFEST_HEADER = "file,outlet,title,date,url\n"


@pytest.mark.parametrize(
    ("manifest", "where"),
    [
        ("", "line 1: the manifest is empty"),
        ("outlet,title\nX,Y\n", "line 1: the header must name a `file` column"),
        ("file,publisher\na.txt,X\n", "line 1, column 2: unknown column `publisher`"),
        ("file,outlet,outlet\na.txt,X,Y\n", "line 1, column 3: `outlet` appears twice"),
        (
            MANIFEST_HEADER + "a.txt,X,Y,2019-01-01,,extra\n",
            "line 2: 6 values but the header names 5",
        ),
        (MANIFEST_HEADER + "a.txt,X\n,Y\n", "line 3, column `file`: empty"),
        (
            MANIFEST_HEADER + "a.txt,X\nb.txt,Y\na.txt,Z\n",
            "line 4, column `file`: `a.txt` is already listed on line 2",
        ),
        (
            MANIFEST_HEADER + "a.txt,X,T,21/06/2019\n",
            "line 2, column `date`: `21/06/2019` is not a date",
        ),
        (MANIFEST_HEADER + "a.txt,X,T,,javascript:alert(1)\n", "line 2, column `url`"),
        (MANIFEST_HEADER + 'a.txt,"Unclosed\nb.txt,Y\n', "line 2: not valid CSV"),
        (MANIFEST_HEADER + 'a.txt,"X"Y"\n', "line 2: not valid CSV"),
        (
            MANIFEST_HEADER + "a.txt," + "x" * 2000 + "\n",
            "line 2, column `outlet`: 2,000 characters",
        ),
        (MANIFEST_HEADER + "a.txt,X\nc.txt,Y\n", "line 3, column `file`: no article file `c.txt`"),
    ],
)
def test_malformed_manifest_names_line_and_column_and_articles_are_still_read(
    tmp_path, manifest, where
):
    (tmp_path / "manifest.csv").write_text(manifest)
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.txt").write_text(ARTICLE + " Another sentence.")
    articles, failures = load_each(tmp_path)
    assert sorted(a.file for a in articles) == ["a.txt", "b.txt"]
    assert len(failures) == 1
    assert isinstance(failures[0], ManifestError)
    assert failures[0].source.endswith("manifest.csv")
    assert where in failures[0].reason


def test_a_lenient_manifest_is_read(tmp_path):
    (tmp_path / "manifest.csv").write_text(
        '\ufefffile , outlet,note\n a.txt , Daily  News ,"two\nlines"\n\n\nb.txt,Other,,\n'
    )
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.txt").write_text(ARTICLE + " Another sentence.")
    articles, failures = load_each(tmp_path)
    assert failures == []
    assert [(a.outlet, a.note) for a in articles] == [("Daily News", "two lines"), ("Other", "")]
