"""Discovery accuracy corpus: small realistic projects under `tests/corpus/<name>/`, each with an `expected.json`
listing, as sorted `[relative_path, kind, id]` triples, what a careful human reader would count as the artefacts
each file depends on, with ids as written there (a legacy or renamed id the knowledge base maps to its current
name is the same artefact). Each folder is compared exactly with what discovery finds; a summary test measures
precision and recall over all folders at (file, id).

Known gaps of the tool are recorded in `KNOWN_GAPS` as strict xfails naming the exact miss or false positive:
the expected files are never adjusted to match the tool.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from modelpolicy.discover import discover

CORPUS = Path(__file__).resolve().parent / "corpus"
EXPECTED = "expected.json"

Triple = tuple[str, str, str]

# folder -> the exact miss(es) / false positive(s) the tool currently produces there.
KNOWN_GAPS: dict[str, str] = {}


def _folders() -> list[Path]:
    return sorted(p for p in CORPUS.iterdir() if p.is_dir() and (p / EXPECTED).is_file())


def _normalise(kind: str, artefact_id: str) -> str:
    # Image ids are compared lower-case (`registry/name:tag`); other ids as written.
    return artefact_id.lower() if kind == "image" else artefact_id


def expected(folder: Path) -> set[Triple]:
    rows = json.loads((folder / EXPECTED).read_text(encoding="utf-8"))
    return {(path, kind, _normalise(kind, artefact_id)) for path, kind, artefact_id in rows}


def found(folder: Path) -> set[Triple]:
    result = discover(folder, [folder])
    triples: set[Triple] = set()
    for artefact in result.artefacts:
        kind = str(getattr(artefact.kind, "value", artefact.kind))
        for reference in artefact.references:
            if "dynamic" in reference.flags or reference.path == EXPECTED:
                continue
            ref_kind = str(getattr(reference.kind, "value", reference.kind))
            triples.add((reference.path, ref_kind or kind, _normalise(kind, reference.text)))
    return triples


def _params() -> list[object]:
    params = []
    for folder in _folders():
        reason = KNOWN_GAPS.get(folder.name)
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        params.append(pytest.param(folder, id=folder.name, marks=marks))
    return params


def _describe(missed: set[Triple], extra: set[Triple]) -> str:
    lines = [f"missed ({len(missed)}):"] + [f"  {t}" for t in sorted(missed)]
    lines += [f"false positives ({len(extra)}):"] + [f"  {t}" for t in sorted(extra)]
    return "\n".join(lines)


@pytest.mark.parametrize("folder", _params())
def test_corpus_folder(folder: Path) -> None:
    want, got = expected(folder), found(folder)
    missed, extra = want - got, got - want
    assert not missed and not extra, f"{folder.name}:\n{_describe(missed, extra)}"


def test_corpus_precision_recall() -> None:
    true_positives = false_positives = false_negatives = 0
    for folder in _folders():
        want = {(path, artefact_id) for path, _, artefact_id in expected(folder)}
        got = {(path, artefact_id) for path, _, artefact_id in found(folder)}
        true_positives += len(want & got)
        false_positives += len(got - want)
        false_negatives += len(want - got)
    precision = true_positives / (true_positives + false_positives) if true_positives + false_positives else 1.0
    recall = true_positives / (true_positives + false_negatives) if true_positives + false_negatives else 1.0
    print(
        f"\ncorpus: {len(_folders())} folders, tp={true_positives} fp={false_positives} fn={false_negatives}, "
        f"precision={precision:.3f} recall={recall:.3f}"
    )
    assert precision >= 0.95, f"precision {precision:.3f} < 0.95"
    assert recall >= 0.90, f"recall {recall:.3f} < 0.90"
