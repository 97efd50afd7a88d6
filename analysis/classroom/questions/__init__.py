"""Questions for classroom mode, generated from the analysis results of any articles.

Each kind of question is one function, grouped by what it asks about (`tone`, `coverage`,
`frames`, `sources`): it looks at the reports (and the comparison across outlets) and
returns a question only when the results support one, worded from the templates in
data/lesson.toml. A difference in tone is asked about only when the 90% intervals
separate; otherwise the question is whether a difference can be told at all. Every
question carries the sentences that prove its answer.
"""

from .base import TEMPLATES_FILE, Evidence, Question, country_name, sentence_evidence
from .catalog import QUESTION_KINDS, generate_questions

__all__ = [
    "QUESTION_KINDS",
    "TEMPLATES_FILE",
    "Evidence",
    "Question",
    "country_name",
    "generate_questions",
    "sentence_evidence",
]
