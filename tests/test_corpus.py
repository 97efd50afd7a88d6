import pytest

from analysis import InputError, ManifestError, load, load_each, make_article
from analysis.corpus import clean, decode, normalize, split_paragraphs

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
