"""fal.ai's endpoint ids (`fal-ai/flux/dev`), fal's own spelling: a hosted API's model wherever it is written, in
JavaScript (`fal.subscribe(ID, {input})`, the AI SDK's `fal.image(ID)`), Python (`fal_client.subscribe(ID, ...)`) and
config files; with the look-alikes that stay out (its npm scope, a URL of its code, a file under a folder so named)."""

from __future__ import annotations

import pytest

from modelpolicy.discover.config import ConfigSource
from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.javascript import JavaScriptSource
from modelpolicy.discover.python import PythonSource
from modelpolicy.knowledge import load as load_knowledge
from modelpolicy.model import Kind

A = Kind.API


def context(path: str) -> FileContext:
    return FileContext(path, lambda text: False)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'import { fal } from "@fal-ai/client";\nconst r = await fal.subscribe("fal-ai/flux/schnell", { input });',
            [(A, "fal-ai/flux/schnell", 2)],
        ),
        ('const r = await fal.run("fal-ai/fast-sdxl", { input });', [(A, "fal-ai/fast-sdxl", 1)]),
        (
            'const img = await generateImage({ model: fal.image("fal-ai/flux/dev"), prompt });',
            [(A, "fal-ai/flux/dev", 1)],
        ),
        (
            'const VIDEO = "fal-ai/kling-video/v1/standard/text-to-video";',
            [(A, "fal-ai/kling-video/v1/standard/text-to-video", 1)],
        ),
    ],
)
def test_javascript_names_fal_endpoints(text: str, expected: list[tuple[Kind, str, int]]) -> None:
    found = JavaScriptSource().find(text, context("app/api/generate/route.ts"))
    assert [(r.kind, r.text, r.line) for r in found] == expected


@pytest.mark.parametrize(
    "text",
    [
        'import { fal } from "@fal-ai/client";\nfal.config({ proxyUrl: "/api/fal/proxy" });',
        'import * as fal from "@fal-ai/serverless-client";',
        'const link = "https://github.com/fal-ai/fal-js";',
        'import logo from "./fal-ai/logo.png";',
        'const settings = "fal-ai/config.json";',
    ],
)
def test_javascript_look_alikes_name_nothing(text: str) -> None:
    assert JavaScriptSource().find(text, context("app/page.tsx")) == []


def test_python_names_fal_endpoints() -> None:
    text = (
        "import fal_client\n"
        'result = fal_client.subscribe("fal-ai/flux/dev", arguments={"prompt": prompt})\n'
        'handle = fal_client.submit("fal-ai/fast-sdxl", arguments={})\n'
        'REPO = "https://github.com/fal-ai/fal"\n'
    )
    found = PythonSource().find(text, context("generate.py"))
    assert sorted((r.kind, r.text, r.line) for r in found) == [(A, "fal-ai/fast-sdxl", 3), (A, "fal-ai/flux/dev", 2)]


def test_config_names_fal_endpoints() -> None:
    found = ConfigSource().find("FAL_KEY=\nIMAGE_MODEL=fal-ai/flux-pro/v1.1-ultra\n", context(".env.example"))
    assert [(r.kind, r.text, r.line) for r in found] == [(A, "fal-ai/flux-pro/v1.1-ultra", 2)]


def test_fal_endpoints_resolve_to_fals_terms() -> None:
    knowledge = load_knowledge()
    provider = knowledge.provider("fal-ai/flux/dev")
    assert provider is not None and provider.key == "fal" and provider.license == "fal-terms"
    assert knowledge.provider("fal/AuraFlow") is None  # fal's open weights on the Hub are the Hub's
