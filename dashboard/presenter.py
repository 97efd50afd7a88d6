"""HTML for the Classroom page: a question on a projector, its evidence, source cards.

Pure functions (lesson objects in, HTML strings out) so they are tested without a
browser. Every piece of article or teacher text goes through `html.escape` (via
`analysis.handout.highlight_html`) before any markup from this module is added.
"""

import html

from analysis.classroom.handout import evidence_html, highlight_html
from analysis.classroom.lesson import Question, SourceCard

from .markup import md_escape

# Sizes chosen for a 1280×720 projector viewed from the back of a classroom: the prompt
# stays legible at about 10 m, a question and its choices fit one screen without scrolling.
LONG_ANSWER = 60  # characters; a longer answer (a whole fact) is set smaller
STYLE = """
<style>
[data-testid="stMainBlockContainer"] { padding-top: 4.5rem; }  /* just below the app header */
.st-key-classroom-choices button { min-height: 3rem; justify-content: flex-start; }
.st-key-classroom-choices button p { font-size: 1.3rem; text-align: left; }
.st-key-classroom-nav button p { font-size: 1.1rem; }
.cm-count { font-size: 1.15rem; color: #555; margin: 0; white-space: nowrap; }
.cm-prompt { font-size: 1.9rem; line-height: 1.25; font-weight: 600; margin: .2rem 0 .8rem; }
.cm-passage { font-size: 1.4rem; line-height: 1.4; font-style: italic; border-left: 5px solid #999;
  padding: .2rem 0 .2rem 1rem; margin: 0 0 1rem; }
.cm-answer { font-size: 1.9rem; font-weight: 700; color: #0b6b2f; margin: .4rem 0; }
.cm-answer.long { font-size: 1.45rem; }
.cm-reveal { font-size: 1.4rem; line-height: 1.45; margin: 0 0 .8rem; }
.cm-evidence { font-size: 1.3rem; line-height: 1.5; border-left: 5px solid #E69F00;
  padding: .3rem 0 .3rem 1rem; margin: 0 0 .8rem; font-family: Georgia, serif; }
.cm-evidence .where { font-size: 1rem; color: #555; font-family: sans-serif; }
.cm-evidence mark, .cm-card mark { background: #ffe066; color: #000; padding: 0 .1em; }
.cm-card { border: 1px solid #ccc; border-radius: 6px; padding: .6rem .9rem; margin: 0 0 1rem;
  font-size: 1.05rem; }
.cm-card h4 { margin: 0; font-size: 1.3rem; }
.cm-card .meta { color: #555; font-size: .95rem; margin: 0 0 .4rem; }
.cm-card .quote { font-family: Georgia, serif; border-left: 3px solid #bbb; padding-left: .6rem;
  margin: 0 0 .5rem; }
.cm-card table { border-collapse: collapse; width: 100%; }
.cm-card th, .cm-card td { text-align: left; vertical-align: top; padding: .25rem .4rem;
  border-top: 1px solid #eee; font-size: 1rem; }
.cm-card th { width: 34%; font-weight: 600; }
.cm-card .open { color: #8a5a00; font-style: italic; }
</style>
"""


def _escape(text: str) -> str:
    return html.escape(text, quote=True)


def count_html(position: int, total: int, kind: str) -> str:
    return f'<p class="cm-count">Question {position + 1} of {total} · {_escape(kind)}</p>'


def prompt_html(question: Question) -> str:
    passage = (
        f'<div class="cm-passage">{_escape(question.passage)}</div>' if question.passage else ""
    )
    return f'<div class="cm-prompt">{_escape(question.prompt)}</div>{passage}'


def reveal_html(question: Question) -> str:
    """The answer, the explanation, and every piece of evidence with its words marked."""
    answer = ", ".join(question.answers) or "Open question: discuss"
    reveal = f'<p class="cm-reveal">{_escape(question.reveal)}</p>' if question.reveal else ""
    evidence = "".join(evidence_html(e, "cm-evidence") for e in question.evidence)
    size = " long" if len(answer) > LONG_ANSWER else ""
    return f'<div class="cm-answer{size}">Answer: {_escape(answer)}</div>{reveal}{evidence}'


def card_html(card: SourceCard) -> str:
    """A source card: who, what they said, and the checklist (blanks left for students)."""
    about = " · ".join(
        _escape(part)
        for part in (card.outlet, card.role, card.organization, card.speaker_type, card.country)
        if part
    )
    quotes = "".join(
        f'<div class="quote">{highlight_html(e.text, e.highlights, offset=e.start)}</div>'
        for e in card.quotes
    )
    rows = "".join(
        f"<tr><th>{_escape(check.question)}</th>"
        + (
            f"<td><strong>{_escape(check.answer)}</strong>: {_escape(check.reason)}</td>"
            if check.filled
            else f'<td class="open">{_escape(check.reason)}</td>'
        )
        + "</tr>"
        for check in card.checks
    )
    return (
        f'<div class="cm-card"><h4>{_escape(card.speaker)}</h4><p class="meta">{about}</p>'
        f"{quotes}<table>{rows}</table></div>"
    )


def choice_label(number: int, choice: str, mark: str = "") -> str:
    """A choice button's label: its key, a ✓/✗ after the reveal, the text made literal.

    Button labels are Markdown; every punctuation mark is backslash-escaped so an
    outlet called `*Daily*` or `[x](y)` shows as typed.
    """
    return f"{number} · {mark + ' ' if mark else ''}{md_escape(choice)}"
