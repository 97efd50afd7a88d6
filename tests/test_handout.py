import shutil
import subprocess

import numpy as np
import pytest

from analysis import analyze, make_article
from analysis.classroom.handout import handout_html, handout_pdf, highlight_html
from analysis.classroom.lesson import build_lesson, custom_question
from analysis.text import Span

from .conftest import ROOT
from .conftest import SEEDS as SEEDS_DIR

HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)>"
# A rendered page counts as blank when fewer than this share of its pixels carry ink.
MIN_INK_SHARE = 0.002
MIN_PAGE_FILLED = 0.6  # the lowest ink on a page (bar the last), as a share of its height
ARTIFACTS = ROOT / "test-artifacts" / "handout"


@pytest.fixture(scope="module")
def seed_lesson(seed_reports):
    return build_lesson(seed_reports)


@pytest.fixture(scope="module")
def hostile_lesson():
    """Two articles whose outlet, title and text carry markup, and a teacher's question too."""
    reports = [
        analyze(
            make_article(
                f"Islamabad said the talks were awful {HOSTILE}. It was a terrible day.",
                id="a",
                outlet=f"Evil {HOSTILE}",
                title=HOSTILE,
            )
        ),
        analyze(make_article("The ministry published the schedule on Monday.", id="b")),
    ]
    own = custom_question(f"Is {HOSTILE} safe?", ["yes & no", "<b>no</b>"], ["<b>no</b>"])
    return build_lesson(reports).add(own)


def test_every_piece_of_user_text_is_escaped(hostile_lesson):
    page = handout_html(hostile_lesson)
    assert "<script" not in page.lower() and "<img" not in page.lower()
    assert "<b>no</b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;b&gt;no&lt;/b&gt;" in page


def test_handout_is_self_contained(seed_lesson):
    page = handout_html(seed_lesson)
    assert "<link" not in page and "src=" not in page and "@import" not in page
    assert page.count("<html") == 1 and page.rstrip().endswith("</html>")


def test_student_sheet_has_questions_but_no_answers(seed_lesson):
    student = handout_html(seed_lesson, answers=False)
    teacher = handout_html(seed_lesson)
    for question in seed_lesson.questions:
        assert highlight_html(question.prompt, []) in student
        assert highlight_html(question.reveal, []) not in student
        assert highlight_html(question.reveal, []) in teacher
    assert 'class="where"' not in student and 'class="where"' in teacher  # answer evidence


def test_articles_are_printed_in_full_unless_left_out(seed_lesson):
    first_paragraph = seed_lesson.articles[0].text.split("\n\n")[0]
    opening = highlight_html(first_paragraph[:60], [])
    assert opening in handout_html(seed_lesson, answers=False)
    assert opening not in handout_html(seed_lesson, answers=False, texts=False)


@pytest.mark.parametrize(
    ("text", "spans", "offset", "expected"),
    [
        ("a <b> c", [Span(2, 5)], 0, "a <mark>&lt;b&gt;</mark> c"),
        ("abcdef", [Span(11, 13), Span(12, 14)], 10, "a<mark>bcd</mark>ef"),
        ("abc", [Span(0, 1), Span(5, 9)], 0, "<mark>a</mark>bc"),
        ("abc", [], 0, "abc"),
    ],
)
def test_highlight_marks_merged_spans_and_escapes(text, spans, offset, expected):
    assert highlight_html(text, spans, offset) == expected


def _ink(pdf_path, out_prefix) -> list[tuple[float, float]]:
    """Render each PDF page to a greyscale image; per page, the share of non-white pixels
    and how far down the page (0 top … 1 bottom) the lowest ink reaches."""
    pdftoppm = shutil.which("pdftoppm")
    assert pdftoppm, "pdftoppm is missing: run scripts/install.sh (installs poppler-utils)"
    subprocess.run([pdftoppm, "-r", "40", "-gray", pdf_path, out_prefix], check=True, timeout=60)
    shares = []
    for image in sorted(out_prefix.parent.glob(f"{out_prefix.name}-*.pgm")):
        inked = _read_pgm(image.read_bytes()) < 200
        rows = inked.any(axis=1).nonzero()[0]
        depth = (rows.max() + 1) / len(inked) if len(rows) else 0.0
        shares.append((float(inked.mean()), float(depth)))
    return shares


def _read_pgm(data: bytes) -> np.ndarray:
    """Pixels of a binary (P5) PGM file as written by pdftoppm -gray."""
    magic, width, height, maximum, pixels = data.split(maxsplit=4)
    assert magic == b"P5" and int(maximum) == 255
    return np.frombuffer(pixels[: int(width) * int(height)], dtype=np.uint8).reshape(
        int(height), int(width)
    )


@pytest.mark.browser
def test_pdf_renders_every_page_with_content(seed_lesson, tmp_path):
    pdf = handout_pdf(seed_lesson)
    assert pdf.startswith(b"%PDF")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "handout.pdf").write_bytes(pdf)
    (ARTIFACTS / "handout.html").write_text(handout_html(seed_lesson), "utf-8")
    path = tmp_path / "handout.pdf"
    path.write_bytes(pdf)
    pages = _ink(path, tmp_path / "page")
    assert len(pages) >= 2
    assert min(share for share, _ in pages) > MIN_INK_SHARE, pages
    # No section starts a new page: only a question, an evidence or a source card (kept
    # whole) moves to the next, so no page but the last is left half empty.
    assert min(depth for _, depth in pages[:-1]) > MIN_PAGE_FILLED, pages


def test_handout_subcommand_writes_html_and_rejects_bad_output(tmp_path, capsys):
    from analysis.cli import main
    from analysis.cli.common import EXIT_OK, EXIT_USAGE

    out = tmp_path / "lesson.html"
    assert main(["handout", str(SEEDS_DIR), "--students", "-o", str(out)]) == EXIT_OK
    page = out.read_text("utf-8")
    assert "<h3>1. " in page and "Answers and evidence" not in page
    assert main(["handout", "-o", str(tmp_path / "lesson.docx")]) == EXIT_USAGE
    assert main(["handout", str(tmp_path / "missing"), "-o", str(out)]) == EXIT_USAGE
    assert "no such file" in capsys.readouterr().err
