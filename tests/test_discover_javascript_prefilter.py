"""The JavaScript reader's pre-filter (its marker words, also the grep screen's) lets through every file whose only
reference sits under a name the reader reads: `REFLECTION_LLM`, `deploymentName`, `lora_path` hold no `model`."""

from __future__ import annotations

from pathlib import Path

import pytest

from modelpolicy.discover import discover


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('export const REFLECTION_LLM = "gpt-4o";\n', "gpt-4o"),
        ('const LOCAL_LLM = "llama3.1:8b";\n', "llama3.1:8b"),
        ('const deploymentName = "gpt-35-turbo";\n', "gpt-35-turbo"),
        ('const engine = "text-davinci-003";\n', "text-davinci-003"),
    ],
)
def test_a_file_named_only_by_such_a_name_is_read(tmp_path: Path, text: str, expected: str) -> None:
    (tmp_path / "settings.ts").write_text(text)
    found = discover(tmp_path, [tmp_path])
    assert [artefact.id for artefact in found.artefacts] == [expected]


def test_a_file_with_none_of_the_words_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "ui.ts").write_text('const title = "gpt-4o";\nconst colour = "llama3.1:8b";\n')
    assert discover(tmp_path, [tmp_path]).artefacts == ()
