"""A lesson as a printable handout: one self-contained HTML page, and a PDF of it.

The page carries its own styles and no scripts or external files, so it prints the same
anywhere; every piece of article or teacher text is HTML-escaped. The PDF is Chromium's
print of that page (Playwright drives Debian's headless Chromium).
"""

import html
from collections.abc import Iterable, Sequence

from ..outlets import OutletProfile, OutletProfiles
from ..text import Span, segment
from .lesson import Evidence, Lesson, Question, SourceCard

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
PAGE_FORMAT = "A4"

STYLE = """
@page { size: A4; margin: 16mm 15mm; }
body { font-family: "DejaVu Serif", Georgia, serif; font-size: 11pt; line-height: 1.45;
       color: #111; max-width: 48em; margin: 1.5em auto; padding: 0 1em; }
h1 { font-size: 20pt; margin: 0 0 .2em; }
h2 { font-size: 15pt; border-bottom: 2px solid #333; padding-bottom: .15em; margin-top: 1.4em; }
h3 { font-size: 12pt; margin: .2em 0 .4em; }
h1, h2, h3, h2 + p { break-after: avoid; }  /* a heading stays with what follows */
p { orphans: 3; widows: 3; }
.subtitle { color: #444; margin: 0 0 1em; }
table { border-collapse: collapse; width: 100%; font-size: 10pt; }
th, td { text-align: left; border-bottom: 1px solid #bbb; padding: .25em .4em; vertical-align: top; }
.question { break-inside: avoid; margin: 0 0 1.1em; }
.answer-block { margin: 0 0 1.1em; }  /* long with its evidence: may break between pieces */
.choices { list-style: none; padding-left: .5em; margin: .3em 0; }
.choices li::before { content: "\\2610\\00a0\\00a0"; }
.choices li.answer { font-weight: bold; }
.choices li.answer::before { content: "\\2611\\00a0\\00a0"; }
.write-in { border-bottom: 1px solid #888; height: 1.6em; margin: .2em 0; }
.reveal { margin: .3em 0 .5em; }
.evidence { border-left: 3px solid #999; margin: .3em 0 .6em; padding: .1em 0 .1em .7em;
            font-size: 10pt; break-inside: avoid; }
.evidence .where { color: #444; font-size: 9pt; }
blockquote { margin: .3em 0 .4em 1em; font-style: italic; }
mark { background: #ffe066; color: #000; padding: 0 .1em; }
.card { border: 1px solid #999; border-radius: 4px; padding: .4em .8em .6em;
        margin: 0 0 .9em; break-inside: avoid; }
.card h3 { margin-bottom: 0; }
table.checks { font-size: 9.5pt; }
table.checks th { width: 12em; font-weight: normal; color: #333; }
dl.glossary dt { font-weight: bold; margin-top: .4em; }
dl.glossary dd { margin: 0 0 .2em 1.2em; }
.article p { margin: 0 0 .6em; text-align: justify; }
.meta { color: #444; font-size: 9.5pt; }
"""


def handout_html(
    lesson: Lesson,
    answers: bool = True,
    texts: bool = True,
    outlets: OutletProfiles | None = None,
) -> str:
    """The printable page: articles, questions, then answers with evidence and a glossary.

    `answers=False` gives a student sheet (questions only); `texts=False` leaves out the
    full article texts at the end; `outlets` adds a profile card per outlet.
    """
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{_escape(lesson.title)}</title>",
        f"<style>{STYLE}</style></head><body>",
        f"<h1>{_escape(lesson.title)}</h1>",
        '<p class="subtitle">Predict first, then check against the texts.</p>',
        _articles_table(lesson),
        "<h2>Questions</h2>",
        *(_question_block(number, q) for number, q in enumerate(lesson.questions, 1)),
    ]
    if answers:
        parts += [
            "<h2>Answers and evidence</h2>",
            *(_answer_block(number, q) for number, q in enumerate(lesson.questions, 1)),
        ]
    if lesson.cards:
        parts += [
            "<h2>Source cards</h2>",
            '<p class="meta">Filled in where the text tells; the blanks are for you.</p>',
            *(_card_block(card) for card in lesson.cards),
        ]
    if outlets and outlets.outlets:
        parts += [
            "<h2>Outlet profiles</h2>",
            '<p class="meta">Each outlet over its articles here: a mean, and how sure it is.</p>',
            *(_profile_card(profile) for profile in outlets.outlets),
        ]
    if lesson.terms:
        parts += ["<h2>Glossary</h2>", _glossary(lesson)]
    if texts:
        parts += _article_texts(lesson, highlight=answers)
    parts.append("</body></html>")
    return "\n".join(parts)


def handout_pdf(
    lesson: Lesson,
    answers: bool = True,
    texts: bool = True,
    outlets: OutletProfiles | None = None,
) -> bytes:
    """The handout printed to PDF by headless Chromium (A4, backgrounds kept for marks)."""
    from playwright.sync_api import sync_playwright

    page_html = handout_html(lesson, answers=answers, texts=texts, outlets=outlets)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_FLAGS))
        try:
            page = browser.new_page()
            page.set_content(page_html, wait_until="load")
            return page.pdf(format=PAGE_FORMAT, print_background=True, prefer_css_page_size=True)
        finally:
            browser.close()


def highlight_html(text: str, spans: Iterable[Span], offset: int = 0) -> str:
    """`text` escaped, with each span (offsets relative to `text` + `offset`) in <mark>."""
    pieces, position = [], 0
    for span in _merged(spans, offset, len(text)):
        pieces += [_escape(text[position : span.start]), "<mark>"]
        pieces += [_escape(text[span.start : span.end]), "</mark>"]
        position = span.end
    pieces.append(_escape(text[position:]))
    return "".join(pieces)


def _merged(spans: Iterable[Span], offset: int, length: int) -> list[Span]:
    """Spans shifted by -offset, clipped to [0, length), overlapping ones joined."""
    merged: list[Span] = []
    for span in sorted(spans, key=lambda s: s.start):
        start, end = max(0, span.start - offset), min(length, span.end - offset)
        if start >= end:
            continue
        if merged and start <= merged[-1].end:
            merged[-1] = Span(merged[-1].start, max(merged[-1].end, end))
        else:
            merged.append(Span(start, end))
    return merged


def _escape(text: str) -> str:
    return html.escape(text, quote=True)


def _articles_table(lesson: Lesson) -> str:
    rows = "".join(
        f"<tr><td>{_escape(a.outlet)}</td><td>{_escape(a.title)}</td>"
        f"<td>{_escape(a.date)}</td><td>{a.words}</td><td>{_escape(a.url)}</td></tr>"
        for a in lesson.articles
    )
    return (
        "<table><thead><tr><th>Outlet</th><th>Title</th><th>Date</th><th>Words</th>"
        f"<th>Address</th></tr></thead><tbody>{rows}</tbody></table>"
    )


def _choices(question: Question, mark_answers: bool) -> str:
    if not question.choices:
        return '<div class="write-in"></div><div class="write-in"></div>'
    items = "".join(
        f'<li class="answer">{_escape(c)}</li>'
        if mark_answers and c in question.answers
        else f"<li>{_escape(c)}</li>"
        for c in question.choices
    )
    return f'<ul class="choices">{items}</ul>'


def _passage(question: Question) -> str:
    return f"<blockquote>{_escape(question.passage)}</blockquote>" if question.passage else ""


def _question_block(number: int, question: Question) -> str:
    return (
        f'<div class="question"><h3>{number}. {_escape(question.prompt)}</h3>'
        f"{_passage(question)}{_choices(question, mark_answers=False)}"
        '<div class="meta">My prediction and why:</div><div class="write-in"></div></div>'
    )


def _answer_block(number: int, question: Question) -> str:
    answer = ", ".join(question.answers) or "open question: discuss"
    evidence = "".join(evidence_html(e) for e in question.evidence)
    reveal = f'<p class="reveal">{_escape(question.reveal)}</p>' if question.reveal else ""
    return (
        f'<div class="answer-block"><h3>{number}. {_escape(question.prompt)}</h3>{_passage(question)}'
        f"<p><strong>Answer:</strong> {_escape(answer)}</p>{reveal}{evidence}</div>"
    )


def evidence_html(evidence: Evidence, css_class: str = "evidence") -> str:
    """One piece of evidence: where it is, then the sentence with its words marked."""
    where = f"{evidence.outlet}, sentence {evidence.sentence + 1}"
    if evidence.note:
        where += f" · {evidence.note}"
    body = highlight_html(evidence.text, evidence.highlights, offset=evidence.start)
    return f'<div class="{css_class}"><div class="where">{_escape(where)}</div>{body}</div>'


def _card_block(card: SourceCard) -> str:
    about = ", ".join(part for part in (card.role, card.organization) if part)
    kind = " · ".join(part for part in (card.speaker_type, card.country) if part)
    quotes = "".join(
        f'<div class="evidence">{highlight_html(e.text, e.highlights, offset=e.start)}</div>'
        for e in card.quotes
    )
    rows = "".join(
        f"<tr><th>{_escape(check.question)}</th>"
        + (
            f"<td><strong>{_escape(check.answer)}</strong>: {_escape(check.reason)}</td>"
            if check.filled
            else f'<td><div class="write-in"></div><span class="meta">{_escape(check.reason)}</span></td>'
        )
        + "</tr>"
        for check in card.checks
    )
    return (
        f'<div class="card"><h3>{_escape(card.speaker)}</h3>'
        f'<p class="meta">{_escape(card.outlet)}{" · " + _escape(about) if about else ""}'
        f"{' · ' + _escape(kind) if kind else ''}</p>{quotes}"
        f'<table class="checks">{rows}</table></div>'
    )


def _profile_card(profile: OutletProfile) -> str:
    """One outlet's profile as a card: tone with its interval (or why there is none),
    voices, who speaks, the dominant frame and its distinctive words."""
    if profile.tone is None:
        tone = "no tone measured"
    elif profile.tone_ci is None:
        tone = f"{profile.tone:+.2f} (interval unknown: one article cannot show the spread)"
    else:
        tone = f"{profile.tone:+.2f} (95% interval {profile.tone_ci[0]:+.2f} to {profile.tone_ci[1]:+.2f})"
    rows = [
        ("Articles", str(profile.articles)),
        ("Tone", tone),
        (
            "Per article",
            f"{profile.voices_per_article:.1f} voices, {profile.quotes_per_article:.1f} quotes, "
            f"{profile.unsourced_per_article:.1f} unsourced claims",
        ),
        ("Who speaks", _shares_text(profile.speaker_types)),
        ("Dominant frame", _shares_text(profile.dominant_frames)),
        ("Its own words", ", ".join(term.term for term in profile.distinctive[:6]) or "–"),
    ]
    cells = "".join(f"<tr><th>{_escape(k)}</th><td>{_escape(v)}</td></tr>" for k, v in rows)
    return f'<div class="card"><h3>{_escape(profile.outlet)}</h3><table class="checks">{cells}</table></div>'


def _shares_text(shares: dict[str, float]) -> str:
    shown = [f"{name.replace('_', ' ')} {share:.0%}" for name, share in shares.items() if share]
    return ", ".join(shown[:3]) or "–"


def _glossary(lesson: Lesson) -> str:
    entries = "".join(
        f"<dt>{_escape(term.term)}</dt><dd>{_escape(term.definition)}</dd>" for term in lesson.terms
    )
    return f'<dl class="glossary">{entries}</dl>'


def _article_texts(lesson: Lesson, highlight: bool) -> list[str]:
    """Each article's full text, paragraph by paragraph, evidence marked on the answer copy."""
    blocks = []
    for article in lesson.articles:
        spans = _evidence_spans(lesson.questions, article.id) if highlight else []
        paragraphs = "".join(
            f"<p>{highlight_html(article.text[p.start : p.end], spans, offset=p.start)}</p>"
            for p in segment(article.text).paragraphs
        )
        meta = " · ".join(_escape(v) for v in (article.date, article.url) if v)
        blocks.append(
            f'<section class="article"><h2>{_escape(article.outlet)}: '
            f'{_escape(article.title)}</h2><p class="meta">{meta}</p>{paragraphs}</section>'
        )
    return blocks


def _evidence_spans(questions: Sequence[Question], article_id: str) -> list[Span]:
    return [
        span
        for question in questions
        for evidence in question.evidence
        if evidence.article == article_id
        for span in evidence.highlights
    ]
