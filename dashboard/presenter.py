"""HTML for the Classroom page: a question on a projector, its evidence, source cards.

Pure functions (lesson objects in, HTML strings out) so they are tested without a
browser. Every piece of article or teacher text goes through `html.escape` (via
`analysis.handout.highlight_html`) before any markup from this module is added.
"""

import html

from analysis.classroom.handout import evidence_html, highlight_html
from analysis.classroom.lesson import Question, SourceCard

from .markup import md_escape

# Sizes chosen for a 1024×768 projector viewed from the back of a classroom: the prompt
# stays legible at about 10 m, a question and its choices fit one screen without scrolling,
# every control keeps to one line.
LONG_ANSWER = 60  # characters; a longer answer (a whole fact) is set smaller
LONG_CHOICE = 40  # characters; longer choices are listed as text, their buttons numbered
RIGHT = "✓ right answer"
WRONG = "✗ not this one"
RIGHT_COLOUR = "#0b6b2f"  # green, with the words: never red, never colour alone
PICK_COLOUR = "#1f5f9e"  # a prediction is a choice, neither right nor wrong
STYLE = f"""
<style>
[data-testid="stMainBlockContainer"] {{ padding-top: 4.5rem; }}  /* just below the header */
.st-key-classroom-choices button {{ min-height: 3rem; justify-content: flex-start; }}
.st-key-classroom-choices button p {{ font-size: 1.3rem; text-align: left; }}
.st-key-classroom-choices button[kind="primary"] {{ background: {PICK_COLOUR};
  border-color: {PICK_COLOUR}; color: #fff; }}
.st-key-classroom-nav {{ flex-wrap: nowrap; }}
.st-key-classroom-nav > :first-child {{ flex: 1 1 auto; min-width: 0; }}
.st-key-classroom-nav button p {{ font-size: 1.1rem; white-space: nowrap; }}
.cm-count {{ font-size: 1.15rem; color: #555; margin: 0; white-space: nowrap; overflow: hidden;
  text-overflow: ellipsis; }}
.cm-choices {{ list-style: none; padding: 0 !important; margin: 0 0 .8rem !important; font-size: 1.3rem;
  line-height: 1.35; }}
.cm-choices li {{ margin: 0 0 .5rem !important; padding-left: .6rem; border-left: 5px solid #ccc; }}
.cm-choices .n {{ font-weight: 700; }}
.cm-choices .right {{ border-left-color: {RIGHT_COLOUR}; }}
.cm-choices .mark {{ color: {RIGHT_COLOUR}; font-weight: 700; white-space: nowrap; }}
.cm-prompt {{ font-size: 1.9rem; line-height: 1.25; font-weight: 600; margin: .2rem 0 .8rem; }}
.cm-passage {{ font-size: 1.4rem; line-height: 1.4; font-style: italic; border-left: 5px solid #999;
  padding: .2rem 0 .2rem 1rem; margin: 0 0 1rem; }}
.cm-answer {{ font-size: 1.9rem; font-weight: 700; color: {RIGHT_COLOUR}; margin: .4rem 0; }}
.cm-answer.long {{ font-size: 1.45rem; }}
.cm-reveal {{ font-size: 1.4rem; line-height: 1.45; margin: 0 0 .8rem; }}
.cm-evidence {{ font-size: 1.3rem; line-height: 1.5; border-left: 5px solid #E69F00;
  padding: .3rem 0 .3rem 1rem; margin: 0 0 .8rem; font-family: Georgia, serif; }}
.cm-evidence .where {{ font-size: 1rem; color: #555; font-family: sans-serif; }}
.cm-evidence mark, .cm-card mark {{ background: #ffe066; color: #000; padding: 0 .1em; }}
.cm-card {{ border: 1px solid #ccc; border-radius: 6px; padding: .6rem .9rem; margin: 0 0 1rem;
  font-size: 1.05rem; }}
.cm-card h4 {{ margin: 0; font-size: 1.3rem; }}
.cm-card .meta {{ color: #555; font-size: .95rem; margin: 0 0 .4rem; }}
.cm-card .quote {{ font-family: Georgia, serif; border-left: 3px solid #bbb; padding-left: .6rem;
  margin: 0 0 .5rem; }}
.cm-card table {{ border-collapse: collapse; width: 100%; }}
.cm-card th, .cm-card td {{ text-align: left; vertical-align: top; padding: .25rem .4rem;
  border-top: 1px solid #eee; font-size: 1rem; }}
.cm-card th {{ width: 34%; font-weight: 600; }}
.cm-card .open {{ color: #8a5a00; font-style: italic; }}
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


def listed(question: Question) -> bool:
    """Whether the choices are too long for a one-line button at 1024 px: then their text
    is listed (`choices_html`) and their buttons show only the number."""
    return any(len(choice) > LONG_CHOICE for choice in question.choices)


def mark(question: Question, choice: str, picked: str | None) -> str:
    """After the reveal: the right answer named in words, a wrong prediction crossed."""
    if choice in question.answers:
        return RIGHT
    return WRONG if choice == picked else ""


def choices_html(question: Question, revealed: bool) -> str:
    """Long choices as a numbered list, the right ones marked once revealed."""
    items = []
    for number, choice in enumerate(question.choices, 1):
        right = revealed and choice in question.answers
        tail = f' <span class="mark">{RIGHT}</span>' if right else ""
        css = ' class="right"' if right else ""
        items.append(f'<li{css}><span class="n">{number} ·</span> {_escape(choice)}{tail}</li>')
    return f'<ol class="cm-choices">{"".join(items)}</ol>'


def right_style(keys: list[str]) -> str:
    """The right answers' buttons in green (Streamlit colours a primary button red)."""
    selectors = ", ".join(f".st-key-classroom-choices .st-key-{key} button[kind]" for key in keys)
    return (
        f"<style>{selectors} {{ background: {RIGHT_COLOUR}; border-color: {RIGHT_COLOUR}; "
        "color: #fff; }</style>"
        if keys
        else ""
    )


def choice_label(number: int, choice: str, mark: str = "") -> str:
    """A choice button's label: its key, the text made literal, the mark after the reveal.

    Button labels are Markdown; every punctuation mark is backslash-escaped so an
    outlet called `*Daily*` or `[x](y)` shows as typed.
    """
    return " · ".join(part for part in (str(number), md_escape(choice), mark) if part)
