"""Classroom: a predict-then-reveal lesson on the selected articles, ready to project.

The lesson comes from `analysis.lesson.build_lesson` (questions generated from the
results, source cards); this page only presents it. The teacher's edits (skip, reorder,
add, change an answer) are saved as a lesson plan (`analysis.classroom.plan`) in the store
at every edit, with the open story set or else the selection of articles, and come back
after a reload or a restart.
"""

import streamlit as st

from analysis.classroom.glossary import glossary
from analysis.classroom.handout import handout_html, handout_pdf
from analysis.classroom.lesson import Lesson, Question, build_lesson, custom_question
from analysis.classroom.plan import plan_json, planned_lesson
from analysis.errors import PlanError
from dashboard import presenter, state
from dashboard.markup import md_escape

LESSONS_KEY = "classroom_lessons"  # (story set, selection key) -> the teacher's Lesson
POSITION_KEY = "classroom_position"
REVEALED_KEY = "classroom_revealed"
PICK_KEY = "classroom_pick"
MODE_KEY = "classroom_mode"
PDFS_KEY = "_classroom_pdfs"  # (lesson, handout PDF, student sheet PDF) once printed
PLAN_NOTES_KEY = "_classroom_plan_notes"  # as LESSONS_KEY -> what of the kept plan was lost
MODES = ("Present", "Plan", "Source cards", "Handout")
MAX_KEYED_CHOICES = 9  # choices 1-9 have number-key shortcuts
KIND_NAMES = {
    "unheard": "whose voices are heard",
    "no_official": "officials quoted",
    "speaker_type_only_one": "kinds of voices",
    "most_voices": "number of voices",
    "anonymity": "anonymous sources",
    "second_hand": "second-hand quotes",
    "only_one_reports": "what only one outlet reports",
    "left_out": "what is left out",
    "lede_frame": "framing of the lede",
    "frame_only_one": "framing",
    "language_only_one": "word choice",
    "narration_subjectivity": "opinion in the narration",
    "narration_tone": "tone of the narration",
    "actor_tone": "tone around an actor",
    "only_one_mentions": "who is mentioned",
    "distinctive_word": "distinctive words",
    "trimmed_quote": "how a quote is cut",
    "analyzer_disagreement": "measuring tone",
    "custom": "your question",
}


def generated_lesson(selection_key: tuple[str, ...], reports) -> Lesson:
    """The lesson as generated for one selection (on the article ids and codebook), made
    once per process and shared by every session: a class opening one lesson builds it
    once, and no run copies it (a Lesson is immutable)."""
    with st.spinner("Preparing the lesson…"):
        return state.shared("lesson", selection_key, lambda: build_lesson(reports))


@st.cache_data(show_spinner=False, max_entries=20)
def pdf_bytes(lesson: Lesson, answers: bool) -> bytes:
    return handout_pdf(lesson, answers=answers)


def current_lesson(key: tuple[str, ...], reports) -> Lesson:
    """The teacher's lesson: this session's, else the generated one with the kept plan."""
    lessons = st.session_state.setdefault(LESSONS_KEY, {})
    if _owned(key) not in lessons:
        lessons[_owned(key)] = kept_lesson(key, generated_lesson(key, reports))
    return lessons[_owned(key)]


def _owned(key: tuple[str, ...]) -> tuple[object, ...]:
    """The same articles have one plan in each story set and one outside any."""
    return (st.session_state.get(state.SET_KEY), *key)


def kept_lesson(key: tuple[str, ...], generated: Lesson) -> Lesson:
    """The generated lesson with the plan kept in the store; a plan that cannot be read
    is reported and the lesson starts afresh."""
    text = state.lesson_plan(key[:-1])
    if text is None:
        return generated
    try:
        planned = planned_lesson(generated, text)
    except PlanError as error:
        _plan_notes(
            key, f"Your saved lesson plan could not be read, so this is a fresh one: {error}"
        )
        return generated
    _plan_notes(key, *(f"From your saved plan: {note}." for note in planned.notes))
    return planned.lesson


def _plan_notes(key: tuple[str, ...], *notes: str) -> None:
    st.session_state.setdefault(PLAN_NOTES_KEY, {})[_owned(key)] = notes


def save(key: tuple[str, ...], lesson: Lesson) -> None:
    """Every edit is kept: in the session, and as the lesson plan in the store."""
    st.session_state[LESSONS_KEY][_owned(key)] = lesson
    generated = generated_lesson(key, state.current().reports)
    plan = None if lesson == generated else plan_json(lesson, generated)
    problem = state.save_lesson_plan(key[:-1], plan)
    _plan_notes(key, *([problem] if problem else []))


def go_to(position: int) -> None:
    st.session_state[POSITION_KEY] = position
    st.session_state[REVEALED_KEY] = False
    st.session_state[PICK_KEY] = None


def terms_row(question: Question) -> None:
    """Each metric or category the question uses, its definition on hover."""
    if not question.terms:
        return
    terms = glossary()
    with st.container(horizontal=True, gap="medium"):
        st.markdown("Terms:")
        for term_id in question.terms:
            term = terms[term_id]
            st.markdown(f"**{md_escape(term.term)}**", help=term.definition, width="content")


def present(key: tuple[str, ...], lesson: Lesson) -> None:
    """One question per screen: predict with 1-9, reveal, move on with the arrow keys."""
    questions = lesson.questions
    if not questions:
        st.info("No questions in this lesson: restore or add some under **Plan**.")
        return
    position = min(st.session_state.get(POSITION_KEY, 0), len(questions) - 1)
    question = questions[position]
    revealed = st.session_state.get(REVEALED_KEY, False)
    with st.container(key="classroom-stage"):
        with st.container(horizontal=True, vertical_alignment="center", key="classroom-nav"):
            st.html(presenter.count_html(position, len(questions), KIND_NAMES[question.kind]))
            st.button(
                "Previous",
                icon=":material/arrow_back:",
                shortcut="Left",
                disabled=position == 0,
                on_click=go_to,
                args=(position - 1,),
                key="classroom_previous",
            )
            st.button(
                "Reveal",
                icon=":material/visibility:",
                type="primary",
                shortcut="Space",
                disabled=revealed,
                on_click=st.session_state.__setitem__,
                args=(REVEALED_KEY, True),
                key="classroom_reveal",
                help="Show the answer and the sentences that prove it (Space).",
            )
            st.button(
                "Next",
                icon=":material/arrow_forward:",
                shortcut="Right",
                disabled=position == len(questions) - 1,
                on_click=go_to,
                args=(position + 1,),
                key="classroom_next",
            )
        st.html(presenter.prompt_html(question))
        if revealed:  # above the choices, so the answer shows without scrolling
            st.html(presenter.reveal_html(question))
        choices(question, revealed)
        terms_row(question)


def choices(question: Question, revealed: bool) -> None:
    picked = st.session_state.get(PICK_KEY)
    if not question.choices:
        st.markdown("*Open question: discuss, then reveal.*")
        return
    listed = presenter.listed(question)
    if listed:  # too long for a one-line button: read as a list, picked by number
        st.html(presenter.choices_html(question, revealed))
    with st.container(key="classroom-choices", horizontal=listed):
        for number, choice in enumerate(question.choices, 1):
            _choice_button(question, number, choice, picked, revealed, listed)
    if revealed:
        st.html(
            presenter.right_style(
                [
                    f"classroom_choice_{number}"
                    for number, choice in enumerate(question.choices, 1)
                    if choice in question.answers
                ]
            )
        )


def _choice_button(
    question: Question, number: int, choice: str, picked, revealed: bool, listed: bool
) -> None:
    mark = presenter.mark(question, choice, picked) if revealed else ""
    st.button(
        presenter.choice_label(number, "" if listed else choice, mark),
        key=f"classroom_choice_{number}",
        type="primary"
        if (mark == presenter.RIGHT if revealed else choice == picked)
        else "secondary",
        shortcut=str(number) if number <= MAX_KEYED_CHOICES else None,
        on_click=st.session_state.__setitem__,
        args=(PICK_KEY, choice),
        width="content" if listed else "stretch",
        wrap=False,
    )


def plan(key: tuple[str, ...], lesson: Lesson) -> None:
    """Reorder, skip, restore and add questions; the presenter follows this order."""
    st.subheader("Questions, in teaching order")
    for index, question in enumerate(lesson.questions):
        with st.container(horizontal=True, vertical_alignment="center", border=True):
            st.markdown(
                f"**{index + 1}.** {md_escape(question.prompt)}  \n"
                f":gray[{md_escape(KIND_NAMES[question.kind])} · answer: "
                f"{md_escape(', '.join(question.answers) or 'open')}]",
                width="stretch",
            )
            for label, icon, target, disabled in (
                ("Up", ":material/arrow_upward:", index - 1, index == 0),
                (
                    "Down",
                    ":material/arrow_downward:",
                    index + 1,
                    index == len(lesson.questions) - 1,
                ),
            ):
                if st.button(
                    "",
                    icon=icon,
                    key=f"classroom_{label.lower()}_{question.id}",
                    help=f"Move {label.lower()}",
                    disabled=disabled,
                ):
                    save(key, lesson.move(question.id, target))
                    st.rerun()
            if st.button("Skip", key=f"classroom_skip_{question.id}", icon=":material/close:"):
                save(key, lesson.skip(question.id))
                st.rerun()
    if lesson.skipped:
        st.subheader("Skipped")
        for question in lesson.skipped:
            with st.container(horizontal=True, vertical_alignment="center"):
                st.markdown(md_escape(question.prompt), width="stretch")
                if st.button("Restore", key=f"classroom_restore_{question.id}"):
                    save(key, lesson.restore(question.id))
                    st.rerun()
    add_question(key, lesson)
    edit_answer(key, lesson)
    if st.button("Start again from the generated lesson", icon=":material/restart_alt:"):
        save(key, generated_lesson(key, state.current().reports))
        for name in [n for n in st.session_state if str(n).startswith("classroom_edit_")]:
            del st.session_state[name]  # the answer boxes show the generated answers again
        go_to(0)
        st.rerun()


def add_question(key: tuple[str, ...], lesson: Lesson) -> None:
    st.subheader("Add your own question")
    with st.form("classroom_add", clear_on_submit=True):
        prompt = st.text_input("Question", key="classroom_add_prompt")
        passage = st.text_area("Passage to show with it (optional)", key="classroom_add_passage")
        options = st.text_area(
            "Choices, one per line (leave empty for an open question)", key="classroom_add_choices"
        )
        answers = st.text_area(
            "Right answers, one per line, copied from the choices", key="classroom_add_answers"
        )
        reveal = st.text_area("What to say when revealing (optional)", key="classroom_add_reveal")
        submitted = st.form_submit_button("Add question", icon=":material/add:")
    if submitted:
        try:
            question = custom_question(
                prompt, options.splitlines(), answers.splitlines(), reveal, passage
            )
            save(key, lesson.add(question))
        except ValueError as error:
            st.error(md_escape(f"Not added: {error}."))
        else:
            st.success("Added at the end of the lesson.")
            st.rerun()


def edit_answer(key: tuple[str, ...], lesson: Lesson) -> None:
    """Change the right answers or what the reveal says, of any question with choices."""
    editable = [q for q in lesson.questions + lesson.skipped if q.choices]
    if not editable:
        return
    st.subheader("Change an answer")
    question = lesson.question(
        st.selectbox(
            "Question",
            [q.id for q in editable],
            format_func=lambda question_id: lesson.question(question_id).prompt,
            key="classroom_edit_question",
        )
    )
    with st.form("classroom_edit", border=False):
        answers = st.multiselect(
            "Right answers",
            question.choices,
            default=list(question.answers),
            key=f"classroom_edit_answers_{question.id}",
        )
        reveal = st.text_area(
            "What to say when revealing",
            question.reveal,
            key=f"classroom_edit_reveal_{question.id}",
        )
        if st.form_submit_button("Save the answer", icon=":material/edit:"):
            save(key, lesson.edit(question.id, answers, reveal))
            st.rerun()


def cards(lesson: Lesson) -> None:
    st.markdown(
        "One card per quoted speaker, with the checklist journalism teachers use. "
        "Filled in where the text tells; *for students* where it does not."
    )
    terms = glossary()
    with st.container(horizontal=True):
        for check_id in (
            "check.independent",
            "check.multiple",
            "check.verifies",
            "check.authoritative",
            "check.named",
        ):
            st.markdown(
                f"**{md_escape(terms[check_id].term)}**",
                help=terms[check_id].definition,
                width="content",
            )
    if not lesson.cards:
        st.info("Nobody is quoted in the selected articles, so there are no source cards.")
        return
    outlets = list(dict.fromkeys(card.outlet for card in lesson.cards))
    outlet = st.selectbox("Outlet", ["All outlets", *outlets], key="classroom_card_outlet")
    shown = [card for card in lesson.cards if outlet in ("All outlets", card.outlet)]
    left, right = st.columns(2)
    for index, card in enumerate(shown):
        with left if index % 2 == 0 else right:
            st.html(presenter.card_html(card))


def handout(lesson: Lesson) -> None:
    st.markdown(
        "A printable page with the articles, the questions, then the "
        "answers with their evidence, the source cards and a glossary. The student sheet "
        "leaves out the answers and evidence."
    )
    with st.container(horizontal=True):
        st.download_button(
            "Handout with answers (HTML)",
            handout_html(lesson),
            file_name="lesson.html",
            mime="text/html",
            icon=":material/download:",
        )
        st.download_button(
            "Student sheet (HTML)",
            handout_html(lesson, answers=False),
            file_name="lesson-students.html",
            mime="text/html",
            icon=":material/download:",
        )
        pdfs = st.session_state.get(PDFS_KEY)
        if pdfs is None or pdfs[0] != lesson:
            if not st.button("Make the PDFs", icon=":material/picture_as_pdf:"):
                return
            with st.spinner("Printing the lesson to PDF…"):
                pdfs = (lesson, pdf_bytes(lesson, True), pdf_bytes(lesson, False))
            st.session_state[PDFS_KEY] = pdfs
        # The PDFs are bytes, not a function run on click: Streamlit names a file by its
        # content, so a download started while the page reruns still finds it.
        st.download_button(
            "Handout with answers (PDF)",
            pdfs[1],
            file_name="lesson.pdf",
            mime="application/pdf",
            icon=":material/picture_as_pdf:",
            on_click="ignore",
        )
        st.download_button(
            "Student sheet (PDF)",
            pdfs[2],
            file_name="lesson-students.pdf",
            mime="application/pdf",
            icon=":material/picture_as_pdf:",
            on_click="ignore",
        )


chosen = state.current()
st.html(presenter.STYLE)
if not chosen.reports:
    st.info("No article selected. Choose articles under **Articles** in the sidebar.")
    st.stop()
key = (*sorted(r.article.id for r in chosen.reports), chosen.codebook.hash)
lesson = current_lesson(key, chosen.reports)
for note in st.session_state.get(PLAN_NOTES_KEY, {}).get(_owned(key), ()):
    st.warning(md_escape(note), icon=":material/info:")
if len(chosen.reports) < 2:
    st.info(
        "One article selected: questions compare outlets, so select at least two under "
        "**Articles** in the sidebar. The source cards below work for one article."
    )
mode = st.segmented_control(
    "View", MODES, key=MODE_KEY, default=MODES[0], required=True, label_visibility="collapsed"
)
if mode == "Present":
    present(key, lesson)
elif mode == "Plan":
    plan(key, lesson)
elif mode == "Source cards":
    cards(lesson)
else:
    handout(lesson)
