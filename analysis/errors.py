"""Errors a person can act on: each names the file, line or field and what to do."""


class AnalysisError(Exception):
    """Base class for every error this package raises on purpose."""


class InputError(AnalysisError):
    """An article file or text that cannot be read or analysed."""

    def __init__(self, source: str, reason: str):
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


class ManifestError(InputError):
    """A manifest.csv that is malformed (the line and column are named)."""


class DataFileError(AnalysisError):
    """A lexicon or codebook data file that is malformed (the line and key are named)."""


class StoreError(AnalysisError):
    """The article store cannot be opened or read (the file is named)."""


class PlanError(AnalysisError):
    """A saved lesson plan that cannot be read (the field is named); a fresh plan is used."""
