"""Outlet profiles over many articles: per-article summaries (`summary`), each outlet's
tone with a bootstrap interval over its articles, source mix and frames (`profile`), its
distinctive words (`words`), and the inputs they are read from (`read`)."""

from .profile import OutletProfile, OutletProfiles, bootstrap_ci, outlet_profiles
from .summary import summaries_from_dicts, summaries_from_reports, summarise
from .words import Term, TermCounts

__all__ = [
    "OutletProfile",
    "OutletProfiles",
    "Term",
    "TermCounts",
    "bootstrap_ci",
    "outlet_profiles",
    "summaries_from_dicts",
    "summaries_from_reports",
    "summarise",
]
