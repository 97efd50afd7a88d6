"""The Compare page's panel where a reader corrects the story's actors: merge, keep a name
apart, rename, hide, add an alias or a missing actor (analysis.compare.corrections).

Corrections are kept in the store with the selection of articles (state.save_corrections)
and applied where the reports are made (state.selection), so every page, download and
handout shows them, after a restart too.
"""

from collections.abc import Callable

import streamlit as st

from analysis.compare.actors import StoryActor, story_actors
from analysis.compare.corrections import (
    KINDS,
    Correction,
    correction,
    corrections_toml,
    parse_corrections,
)
from analysis.corpus import decode
from analysis.errors import AnalysisError, DataFileError

from . import state
from .markup import md_escape

ACTIONS = {
    "merge": "Merge two actors",
    "apart": "Keep a name apart",
    "rename": "Rename",
    "hide": "Hide",
    "alias": "Add an alias",
    "add": "Add a missing actor",
}
HELP = {
    "merge": "The first actor's mentions become the second's (the Kremlin into Russia).",
    "apart": "The mentions written with this name become an actor of their own (the Kremlin "
    "apart from Russia, or a second person of the same surname).",
    "rename": "Show the actor under another name.",
    "hide": "Not an actor (a fragment, a headline word): it leaves every page.",
    "alias": "Wherever these words appear, they name the actor (a nickname, a title).",
    "add": "An actor the rules missed, found wherever its name appears.",
}
KEY = "correct_"  # prefix of the panel's widget keys
FEEDBACK_KEY = "_correction_feedback"


def corrections_panel(chosen: state.Selection) -> None:
    """The expander with the correction form, the corrections made, and their file."""
    ids = [report.article.id for report in chosen.reports]
    actors = story_actors(chosen.reports)
    with st.expander("Correct the actors", expanded=bool(chosen.corrections)):
        st.caption(
            "The actors are found by rules and linked across articles by name; you know the "
            "story. A correction applies to every page, to the downloads and to the "
            "handout, and is kept with this selection of articles, after a restart too."
        )
        action = st.radio(
            "Correction",
            list(ACTIONS),
            format_func=ACTIONS.__getitem__,
            horizontal=True,
            key=KEY + "action",
        )
        st.caption(HELP[action])
        _form(action, actors)
        st.button(
            "Apply",
            key=KEY + "apply",
            on_click=_apply,
            args=(action, ids, chosen.corrections),
            type="primary",
        )
        feedback = st.session_state.pop(FEEDBACK_KEY, None)
        if feedback:
            st.error(md_escape(feedback), icon=":material/error:")
        if error := st.session_state.pop(state.CORRECTIONS_ERROR_KEY, None):
            st.warning(md_escape(error))
        _made(chosen, ids)


def _form(action: str, actors: tuple[StoryActor, ...]) -> None:
    names = list(dict.fromkeys(actor.name for actor in actors))
    if action == "add":
        left, right = st.columns([2, 1])
        left.text_input("Name, as the articles write it", key=KEY + "name", max_chars=120)
        right.selectbox("Kind", KINDS, key=KEY + "kind")
        return
    if not names:
        st.caption("These articles name no actor yet.")
        return
    left, right = st.columns(2)
    left.selectbox("Actor", names, key=KEY + "actor")
    if action == "merge":
        right.selectbox("Into", names, key=KEY + "into")
    elif action == "rename":
        right.text_input("New name", key=KEY + "name", max_chars=120)
    elif action == "alias":
        right.text_input("Words that also name it", key=KEY + "words", max_chars=120)
    elif action == "apart":
        chosen = st.session_state.get(KEY + "actor")
        actor = next((a for a in actors if a.name == chosen), actors[0])
        right.selectbox("Written as", actor.aliases, key=KEY + "written")


def _apply(action: str, ids: list[str], made: tuple[Correction, ...]) -> None:
    """The Apply button's callback (it runs before the page is drawn again)."""
    value = st.session_state.get
    fields: dict[str, Callable[[], tuple[str, str]]] = {
        "merge": lambda: (value(KEY + "actor") or "", value(KEY + "into") or ""),
        "rename": lambda: (value(KEY + "actor") or "", value(KEY + "name") or ""),
        "hide": lambda: (value(KEY + "actor") or "", ""),
        "alias": lambda: (value(KEY + "actor") or "", value(KEY + "words") or ""),
        "apart": lambda: (value(KEY + "actor") or "", value(KEY + "written") or ""),
        "add": lambda: (value(KEY + "name") or "", value(KEY + "kind") or ""),
    }
    actor, second = fields[action]()
    try:
        item = correction(action, actor, second)
    except ValueError as error:
        st.session_state[FEEDBACK_KEY] = str(error)
        return
    if action == "merge" and actor == second:
        st.session_state[FEEDBACK_KEY] = "Choose two different actors to merge."
        return
    state.save_corrections(ids, [*made, item])
    for key in ("name", "words"):
        st.session_state[KEY + key] = ""


def _made(chosen: state.Selection, ids: list[str]) -> None:
    """The corrections made on this selection, each with an Undo, and their file."""
    unused = dict(chosen.unused)
    for index, item in enumerate(chosen.corrections):
        text, undo = st.columns([6, 1])
        note = f" — not applied: {unused[item]}" if item in unused else ""
        text.markdown(md_escape(f"{index + 1}. {item.describe()}{note}"))
        undo.button(
            "Undo",
            key=f"{KEY}undo_{index}",
            on_click=state.save_corrections,
            args=(ids, chosen.corrections[:index] + chosen.corrections[index + 1 :]),
        )
    left, right = st.columns(2)
    left.download_button(
        "Corrections (TOML)",
        corrections_toml(chosen.corrections),
        file_name="corrections.toml",
        mime="application/toml",
        disabled=not chosen.corrections,
        help="The file `python -m analysis --corrections FILE` reads.",
        icon=":material/download:",
    )
    upload = right.file_uploader(
        "Load a corrections file", type=["toml"], key=KEY + "file", label_visibility="collapsed"
    )
    if upload is not None:
        try:
            loaded = parse_corrections(decode(upload.getvalue(), upload.name), upload.name)
        except (DataFileError, AnalysisError) as error:
            st.error(md_escape(f"This corrections file cannot be used: {error}"))
        else:
            right.button(
                f"Add its {len(loaded)} correction(s)",
                key=KEY + "load",
                on_click=state.save_corrections,
                args=(ids, [*chosen.corrections, *loaded]),
            )
