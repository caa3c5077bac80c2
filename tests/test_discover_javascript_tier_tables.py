"""A JavaScript table named for models whose keys are the program's own words and whose every value is written as an
id (`modelMap = {fast: "gpt-4o-mini", smart: "gpt-4o"}`, a table of tiers or roles): its values are the models the
program calls; with the look-alikes that stay out (a model's settings, labels, local paths, words, routes)."""

from __future__ import annotations

import pytest

from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.javascript import JavaScriptSource
from modelpolicy.model import Kind

A, M, OL = Kind.API, Kind.MODEL, Kind.OLLAMA


def found(text: str) -> list[tuple[Kind, str, int]]:
    references = JavaScriptSource().find(text, FileContext("lib/ai/models.ts", lambda value: False))
    return [(r.kind, r.text, r.line) for r in references]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'const modelMap: Record<string, string> = {\n  fast: "gpt-4o-mini",\n  smart: "gpt-4o",\n};',
            [(A, "gpt-4o-mini", 2), (A, "gpt-4o", 3)],
        ),
        (
            'export const MODEL_MAP = { fast: "claude-3-5-haiku-latest", smart: "claude-3-5-sonnet-latest" } as const;',
            [(A, "claude-3-5-haiku-latest", 1), (A, "claude-3-5-sonnet-latest", 1)],
        ),
        (
            'const modelAliases = { small: "meta-llama/Llama-3.1-8B-Instruct", large: "Qwen/Qwen2.5-72B-Instruct" };',
            [(M, "meta-llama/Llama-3.1-8B-Instruct", 1), (M, "Qwen/Qwen2.5-72B-Instruct", 1)],
        ),
        (
            'const modelMapping = { fast: "llama3.1:8b", smart: "qwen2.5:32b" };',
            [(OL, "llama3.1:8b", 1), (OL, "qwen2.5:32b", 1)],
        ),
    ],
)
def test_tier_tables_name_their_values(text: str, expected: list[tuple[Kind, str, int]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # one value under a word: a model's setting, not a table
        'const modelSettings = { stop: "gpt-4o" };',
        # not every value an id: settings
        'const modelConfig = { temperature: 0.2, stop: "gpt-4o", suffix: "gpt-4o-mini" };',
        # labels, bare words (chat templates, families), local paths and files, routes, MIME types
        'const modelLabels = { fast: "Fast", smart: "Smart" };',
        'const modelMap = { fast: "llama3", smart: "mistral" };',
        'const modelPaths = { small: "./models/small", big: "../weights/big" };',
        'const modelMap = { small: "models/small.bin", big: "models/big.bin" };',
        'const modelRoutes = { chat: "/api/chat", complete: "/api/complete" };',
        'const modelTypes = { text: "text/plain", json: "application/json" };',
        # a table not named for models
        'const tiers = { fast: "gpt-4o-mini", smart: "gpt-4o" };',
    ],
)
def test_look_alikes_name_nothing(text: str) -> None:
    assert found(text) == []
