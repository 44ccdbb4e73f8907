"""Themes and general texts, loaded from the YAML files in ``content/``."""
from zet.content.loader import ContentError, load_library, read_library
from zet.content.model import (
    Card,
    ContentProblem,
    GeneralTexts,
    Guidance,
    Library,
    Question,
    Scenario,
    Theme,
)

__all__ = ["Card", "ContentError", "ContentProblem", "GeneralTexts", "Guidance", "Library",
           "Question", "Scenario", "Theme", "load_library", "read_library"]
