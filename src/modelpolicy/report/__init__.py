"""Output formats: each module renders a Report; `FORMATS` maps the `--format` choices to them."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from modelpolicy.report import json, text
from modelpolicy.report.interface import Report

Renderer = Callable[..., str]

FORMATS: Mapping[str, Renderer] = {
    "text": text.render,
    "json": json.render,
}

__all__ = ["FORMATS", "Report"]
