"""Whitespace and case normalization, the first step of every other statistic."""

import re

_WHITESPACE = re.compile(r"\s+")


def normalize_whitespace(text):
    """Collapse every run of whitespace to one space and trim both ends."""
    return _WHITESPACE.sub(" ", text).strip()


def fold_case(text):
    """Lower-case text for comparisons that must ignore case (also handles e.g. German sharp s)."""
    return text.casefold()
