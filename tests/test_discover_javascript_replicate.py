"""Replicate in JavaScript: a file whose only word of a model is Replicate's client is read (`replicate.run(ID)`), and
the version its predictions API is given alone (`{version: "<64 hex digits>", input}`, over REST or the client) is a
Replicate API model, where the file calls Replicate; with the look-alikes that stay out."""

from __future__ import annotations

from pathlib import Path

import pytest

from modelpolicy.discover import discover
from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.javascript import JavaScriptSource
from modelpolicy.model import Kind

A = Kind.API
VERSION = "854e8727697a057c525cdb45ab037f64ecca770a1769cc52287c2e56472a247b"

_REST = f"""export async function POST(request: Request) {{
  const {{ imageUrl }} = await request.json();
  let startResponse = await fetch("https://api.replicate.com/v1/predictions", {{
    method: "POST",
    headers: {{ Authorization: "Token " + process.env.REPLICATE_API_KEY }},
    body: JSON.stringify({{
      version:
        "{VERSION}",
      input: {{ image: imageUrl }},
    }}),
  }});
}}
"""


def found(text: str, path: str = "app/generate/route.ts") -> list[tuple[Kind, str, int, int]]:
    references = JavaScriptSource().find(text, FileContext(path, lambda value: False))
    return [(r.kind, r.text, r.line, r.column) for r in references]


def test_a_version_posted_to_replicates_predictions() -> None:
    assert found(_REST) == [(A, VERSION, 8, 8)]


@pytest.mark.parametrize(
    "text",
    [
        'import Replicate from "replicate";\n'
        f'const p = await replicate.predictions.create({{ version: "{VERSION}", input }});',
        f'import Replicate from "replicate";\nconst body = {{ "version": "{VERSION}" }};',
    ],
)
def test_a_version_given_to_replicates_client(text: str) -> None:
    assert [(kind, name) for kind, name, *_ in found(text)] == [(A, VERSION)]


@pytest.mark.parametrize(
    "text",
    [
        # no Replicate in sight: a build's, a package's or a commit's hash
        f'const build = {{ version: "{VERSION}" }};',
        # in a comment or in a string, not an object's
        f'import Replicate from "replicate";\n// version: "{VERSION}"',
        f'import Replicate from "replicate";\nconst s = \'version: "{VERSION}"\';',
        # another key, another spelling, another length
        f'import Replicate from "replicate";\nconst x = {{ commit: "{VERSION}" }};',
        f'import Replicate from "replicate";\nconst x = {{ version: "{VERSION.upper()}" }};',
        f'import Replicate from "replicate";\nconst x = {{ version: "{VERSION[:40]}" }};',
        'import Replicate from "replicate";\nconst x = { version: "1.2.3" };',
    ],
)
def test_look_alikes_name_nothing(text: str) -> None:
    assert found(text) == []


def test_a_file_whose_only_word_is_replicates_client_is_read(tmp_path: Path) -> None:
    (tmp_path / "route.ts").write_text(
        'import Replicate from "replicate";\nconst replicate = new Replicate();\n'
        f'const output = await replicate.run("stability-ai/sdxl:{VERSION}", {{ input }});\n'
    )
    (tmp_path / "generate.ts").write_text(_REST)
    ids = sorted(artefact.id for artefact in discover(tmp_path, [tmp_path]).artefacts)
    assert ids == [VERSION, f"stability-ai/sdxl:{VERSION}"]
