"""Property-based round-trips (profile: test_properties.py): a lockfile written then read is equal, and a JSON report
of any findings is JSON that follows its schema and holds the same values."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from tempfile import TemporaryDirectory

from hypothesis import given
from hypothesis import strategies as st

from modelpolicy import lockfile
from modelpolicy.lockfile import Entry, entry_order
from modelpolicy.model import (
    Artefact,
    Context,
    Finding,
    Kind,
    OutputRights,
    Parent,
    Reference,
    Resolved,
    Skipped,
    Terms,
    TrainingData,
    Unresolved,
    Verdict,
    Violation,
    Weights,
)
from modelpolicy.policy import Policy
from modelpolicy.report.interface import Report
from modelpolicy.report.json import render
from tests.conftest import report_schema
from tests.test_properties import any_text, hub_ids

# Text a file written as UTF-8 can hold: any character but a lone surrogate, control characters and quotes included.
texts = st.one_of(st.text(max_size=30), st.sampled_from(['"', "\\", "\x00", "\x1b[31m", "\u202e", "\x85", "\n\r\t"]))
terms = st.builds(
    Terms,
    license=st.one_of(st.none(), st.sampled_from(["apache-2.0", "llama2 OR mit"]), texts),
    weights=st.sampled_from(Weights),
    training_data=st.sampled_from(TrainingData),
    source=texts,
    output=st.one_of(st.none(), st.sampled_from(OutputRights)),
    note=texts,
    parents=st.lists(st.builds(Parent, st.sampled_from(Kind), texts, texts), max_size=2).map(tuple),
    history=st.lists(texts, max_size=2).map(tuple),
    revision=st.one_of(st.none(), texts),
)
resolutions = st.one_of(st.builds(Resolved, terms), st.builds(Unresolved, texts))
entries = st.builds(
    Entry,
    kind=st.sampled_from(Kind),
    id=st.one_of(hub_ids, texts),
    revision=st.one_of(st.none(), texts),
    resolution=resolutions,
    digest=texts,
    resolved_at=texts,
).map(lambda entry: entry if isinstance(entry.resolution, Resolved) else replace(entry, digest=""))  # see `_fields`


@given(st.lists(entries, max_size=4, unique_by=lambda entry: entry.key))
def test_a_lockfile_written_then_read_is_equal(written: list[Entry]) -> None:
    with TemporaryDirectory() as folder:
        path = Path(folder) / lockfile.FILENAME
        lockfile.write(path, written)
        read = lockfile.read(path)
    assert read.entries == tuple(sorted(written, key=entry_order))
    assert read.upgraded_from is None


@given(
    st.lists(st.builds(Entry, st.sampled_from(Kind), any_text, any_text, st.builds(Unresolved, any_text)), max_size=2)
)
def test_writing_any_lockfile_raises_only_modelpolicy_errors_and_keeps_the_old_file(written: list[Entry]) -> None:
    from modelpolicy.errors import ModelpolicyError

    with TemporaryDirectory() as folder:
        path = Path(folder) / lockfile.FILENAME
        path.write_text("old\n", encoding="utf-8")
        try:
            lockfile.write(path, written)
        except ModelpolicyError:
            assert path.read_text(encoding="utf-8") == "old\n"
            assert [p.name for p in Path(folder).iterdir()] == [lockfile.FILENAME]


references = st.builds(
    Reference,
    path=st.text(min_size=1, max_size=20).filter(lambda p: "\\" not in p),
    line=st.integers(min_value=1),
    column=st.integers(min_value=0),
    text=texts,
    kind=st.sampled_from(Kind),
    source=texts,
    form=texts,
)
findings = st.builds(
    Finding,
    artefact=st.builds(
        Artefact,
        kind=st.sampled_from(Kind),
        id=st.one_of(hub_ids, texts.filter(bool)),
        revision=st.one_of(st.none(), texts),
        references=st.lists(references, max_size=2).map(tuple),
    ),
    resolution=resolutions,
    output=st.sampled_from(OutputRights),
    verdict=st.sampled_from(Verdict),
    violations=st.lists(
        st.builds(Violation, texts, st.sampled_from([Verdict.WARN, Verdict.FAIL]), texts, texts), max_size=2
    ).map(tuple),
    notes=st.lists(texts, max_size=2).map(tuple),
    waived_by=texts,
    new=st.booleans(),
)


@given(
    st.lists(findings, max_size=3), st.lists(st.builds(Skipped, texts, texts), max_size=2), st.lists(texts, max_size=2)
)
def test_a_json_report_of_any_findings_follows_its_schema(
    found: list[Finding], skipped: list[Skipped], warnings: list[str]
) -> None:
    import jsonschema

    policy = Policy(name="p", source="preset p", description="", context=Context.SAAS, rules={})
    report = Report(policy, tuple(found), tuple(skipped), files_read=len(skipped), warnings=tuple(warnings))
    document = json.loads(render(report))
    jsonschema.validate(document, report_schema())
    assert [a["id"] for a in document["artefacts"]] == [f.artefact.id for f in found]
    assert [r["text"] for a in document["artefacts"] for r in a["references"]] == [
        r.text for f in found for r in f.artefact.references
    ]
    assert document["warnings"] == warnings and document["summary"]["artefacts"] == len(found)
