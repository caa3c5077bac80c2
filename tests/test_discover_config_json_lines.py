"""JSON Lines (`.jsonl`, `.ndjson`): each document is read as a JSON file is, placed at its own line. An OpenAI batch
file names the model of each request (`{"body": {"model": ...}}`); a results log names the model of each record. A
line that is not JSON is the file's error, and the other lines are still read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from modelpolicy.discover import discover
from modelpolicy.discover.config import ConfigSource
from modelpolicy.discover.interface import FileContext, SourceError
from modelpolicy.model import Kind

A, M, D = Kind.API, Kind.MODEL, Kind.DATASET

BATCH = (
    '{"custom_id": "r1", "method": "POST", "url": "/v1/chat/completions", '
    '"body": {"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "Hi"}]}}\n'
    '{"custom_id": "r2", "method": "POST", "url": "/v1/embeddings", "body": {"model": "text-embedding-3-small"}}\n'
)


def _found(name: str, text: str) -> list[tuple[int, int, Kind, str]]:
    found = ConfigSource().find(text, FileContext(name, lambda value: False))
    return [(r.line, r.column, r.kind, r.text) for r in found]


@pytest.mark.parametrize("name", ["batch.jsonl", "requests.ndjson", "data/Batch.JSONL"])
def test_a_batch_file_names_the_model_of_each_request(name: str) -> None:
    assert _found(name, BATCH) == [(1, 87, A, "gpt-4o-mini"), (2, 81, A, "text-embedding-3-small")]


def test_records_name_models_and_datasets_under_their_keys_blank_lines_aside() -> None:
    text = '{"model_name_or_path": "meta-llama/Llama-3.1-8B", "score": 0.5}\n\n  {"dataset": "tatsu-lab/alpaca"}\n'
    assert _found("runs.jsonl", text) == [(1, 23, M, "meta-llama/Llama-3.1-8B"), (3, 14, D, "tatsu-lab/alpaca")]


def test_documents_written_over_several_lines_are_read_one_after_another() -> None:
    text = '{\n  "model": "org/first-model"\n}\n{\n  "model": "org/second-model"\n}\n'
    assert _found("pretty.jsonl", text) == [(2, 11, M, "org/first-model"), (5, 11, M, "org/second-model")]


def test_windows_line_ends_are_space_between_documents() -> None:
    assert _found("x.jsonl", '{"a": 1}\r\n{"model": "gpt-4o"}\r\n') == [(2, 10, A, "gpt-4o")]


@pytest.mark.parametrize(
    "text",
    [
        '{"messages": [{"role": "user", "content": "Is gpt-4o better than claude-3-opus?"}]}\n',
        '{"prompt": "Name a model", "completion": "mistral"}\n',
        '{"instruction": "Translate", "output_1": "...", "generator_1": "gpt4_1106_preview"}\n',
        "[1, 2, 3]\n4\n",
    ],
)
def test_training_data_and_outputs_that_mention_models_name_none(text: str) -> None:
    assert _found("train.jsonl", text) == []


def test_a_line_that_is_not_json_is_the_error_and_the_other_lines_are_read() -> None:
    text = '{"model": "gpt-4o"}\n{"model": oops}\n{"model": "claude-3-5-sonnet-20241022"}\n'
    with pytest.raises(SourceError) as raised:
        ConfigSource().find(text, FileContext("bad.jsonl", lambda value: False))
    assert str(raised.value) == "JSON Lines syntax error at line 2: Expecting value"
    assert raised.value.line == 2
    assert [(r.line, r.text) for r in raised.value.found] == [(1, "gpt-4o"), (3, "claude-3-5-sonnet-20241022")]


def test_a_document_nested_too_deeply_is_the_error_and_the_next_line_is_read() -> None:
    text = "[" * 100_000 + '\n{"model": "gpt-4o"}\n'
    with pytest.raises(SourceError) as raised:
        ConfigSource().find(text, FileContext("deep.jsonl", lambda value: False))
    assert raised.value.line == 1
    assert [(r.line, r.text) for r in raised.value.found] == [(2, "gpt-4o")]


def test_a_scan_reads_json_lines_files_in_the_tree(tmp_path: Path) -> None:
    (tmp_path / "batches").mkdir()
    (tmp_path / "batches" / "input.jsonl").write_text(BATCH)
    (tmp_path / "train.jsonl").write_text('{"text": "no model here"}\n')
    discovery = discover(tmp_path, [tmp_path])
    named = sorted((r.path, r.line, r.text) for artefact in discovery.artefacts for r in artefact.references)
    assert named == [("batches/input.jsonl", 1, "gpt-4o-mini"), ("batches/input.jsonl", 2, "text-embedding-3-small")]


def test_a_data_file_naming_a_model_in_every_record_lists_its_first_places_only(tmp_path: Path) -> None:
    """A batch of 300 requests names its model 300 times: the artefact is found with its first `PLACES_PER_FILE`
    places, in file order; another artefact of the same file keeps its own places."""
    from modelpolicy.discover import PLACES_PER_FILE

    lines = [json.dumps({"custom_id": str(k), "body": {"model": "gpt-4o-mini"}}) for k in range(300)]
    lines.append(json.dumps({"custom_id": "last", "body": {"model": "gpt-4o"}}))
    (tmp_path / "batch.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    artefacts = {a.id: a for a in discover(tmp_path, [tmp_path]).artefacts}
    assert [r.line for r in artefacts["gpt-4o-mini"].references] == list(range(1, PLACES_PER_FILE + 1))
    assert [r.line for r in artefacts["gpt-4o"].references] == [301]
