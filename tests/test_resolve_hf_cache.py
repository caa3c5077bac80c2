"""Terms read offline from the local Hugging Face cache: a downloaded repository's card, at the snapshot the
reference names, with its licence, base models and training datasets."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from modelpolicy.cli import main
from modelpolicy.knowledge import load as load_knowledge
from modelpolicy.model import Kind, Parent, Resolved, Unresolved, Weights
from modelpolicy.resolve.card import card_terms, front_matter
from modelpolicy.resolve.hf_cache import LocalHubCacheResolver, cached_ids, hub_cache

SHA = "a" * 40
OLD_SHA = "b" * 40


def cache_card(cache: Path, folder: str, card: str, sha: str = SHA, branch: str | None = "main") -> None:
    repository = cache / folder
    (repository / "snapshots" / sha).mkdir(parents=True)
    (repository / "snapshots" / sha / "README.md").write_text(card)
    if branch:
        (repository / "refs").mkdir(exist_ok=True)
        (repository / "refs" / branch).write_text(sha)


def resolver(cache: Path) -> LocalHubCacheResolver:
    return LocalHubCacheResolver(cache, load_knowledge())


def test_a_cached_fine_tune_gives_its_licence_base_model_and_datasets(tmp_path: Path) -> None:
    card = "---\nlicense: llama2\nbase_model: meta-llama/Llama-2-7b-hf\ndatasets:\n- tatsu-lab/alpaca\n---\n# Model\n"
    cache_card(tmp_path, "models--org--llama-tune", card)
    resolution = resolver(tmp_path).resolve(Kind.MODEL, "org/llama-tune", None)
    assert isinstance(resolution, Resolved)
    terms = resolution.terms
    assert terms.license == "llama2"
    assert terms.source == f"local Hugging Face cache (snapshot {SHA[:12]})"
    assert terms.parents == (
        Parent(Kind.MODEL, "meta-llama/Llama-2-7b-hf", "finetune"),
        Parent(Kind.DATASET, "tatsu-lab/alpaca", "dataset"),
    )


def test_the_snapshot_is_the_one_the_reference_names(tmp_path: Path) -> None:
    cache_card(tmp_path, "models--org--moved", "---\nlicense: apache-2.0\n---\n")
    cache_card(tmp_path, "models--org--moved", "---\nlicense: cc-by-nc-4.0\n---\n", sha=OLD_SHA, branch="v1")
    found = resolver(tmp_path)
    licences = [found.resolve(Kind.MODEL, "org/moved", revision) for revision in (None, "v1", OLD_SHA, "v2")]
    assert [r.terms.license if isinstance(r, Resolved) else r for r in licences] == [
        "apache-2.0",
        "cc-by-nc-4.0",
        "cc-by-nc-4.0",
        None,  # a branch the cache never saw: nothing to say
    ]


def test_a_dataset_card_with_a_list_of_licences_takes_them_all(tmp_path: Path) -> None:
    cache_card(tmp_path, "datasets--org--mixed", "---\nlicense:\n- cc-by-4.0\n- cc-by-nc-4.0\n---\n")
    resolution = resolver(tmp_path).resolve(Kind.DATASET, "org/mixed", None)
    assert isinstance(resolution, Resolved) and resolution.terms.license == "cc-by-4.0 AND cc-by-nc-4.0"


@pytest.mark.parametrize(
    ("card", "expected"),
    [
        ({"license": "other", "license_name": "llama3"}, "llama3"),
        (
            {"license": "other", "license_name": "acme-model-1.0", "license_link": "LICENSE"},
            "test card: other: acme-model-1.0, not in the knowledge base; its terms are at LICENSE",
        ),
        ({"license": "other"}, "test card: other: unnamed licence, not in the knowledge base"),
        (
            {"license": "other", "license_name": "gemma-tou", "license_link": "https://ai.google.dev/gemma/terms/"},
            "gemma",
        ),
        ({"license": "other", "license_link": "http://llama.meta.com/llama3/license"}, "llama3"),
        ({"tags": ["x"]}, "test card: the card declares no licence"),
        ({"license": 7}, "test card: the card declares no licence"),
    ],
)
def test_licence_other_is_resolved_by_its_name_or_reported(card: dict[str, object], expected: str) -> None:
    resolution = card_terms(Kind.MODEL, card, (), "test card", load_knowledge())
    got = resolution.terms.license if isinstance(resolution, Resolved) else resolution.reason
    assert got == expected


def test_relations_come_from_the_hub_tags_and_gating_from_the_card() -> None:
    card = {"license": "apache-2.0", "base_model": ["org/base", "org/other"], "extra_gated_prompt": "Agree"}
    tags = ("license:apache-2.0", "base_model:adapter:org/base", "base_model:quantized:org/other")
    resolution = card_terms(Kind.MODEL, card, tags, "hub", load_knowledge())
    assert isinstance(resolution, Resolved)
    assert [(p.id, p.relation) for p in resolution.terms.parents] == [
        ("org/base", "adapter"),
        ("org/other", "quantized"),
    ]
    assert resolution.terms.weights is Weights.GATED


def test_licence_and_base_model_from_tags_alone() -> None:
    resolution = card_terms(Kind.MODEL, {}, ("license:mit", "base_model:org/base"), "hub", load_knowledge())
    assert isinstance(resolution, Resolved)
    assert resolution.terms.license == "mit"
    assert resolution.terms.parents == (Parent(Kind.MODEL, "org/base", "finetune"),)


@pytest.mark.parametrize(
    "readme",
    ["# no front matter\n", "---\nlicense: [unclosed\n---\n", "---\n- a list\n---\n", "---\nlicense: mit\n"],
    ids=["none", "bad yaml", "not a mapping", "unterminated"],
)
def test_a_card_without_usable_front_matter_says_nothing(tmp_path: Path, readme: str) -> None:
    assert front_matter(readme) is None
    cache_card(tmp_path, "models--org--odd", readme)
    assert resolver(tmp_path).resolve(Kind.MODEL, "org/odd", None) is None


@pytest.mark.parametrize("artefact_id", ["../escape", "org/../../x", "a/b/c", "org/absent"])
def test_ids_outside_the_cache_grammar_or_absent_say_nothing(tmp_path: Path, artefact_id: str) -> None:
    assert resolver(tmp_path).resolve(Kind.MODEL, artefact_id, None) is None


def test_the_cache_folder_is_found_as_huggingface_hub_finds_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("HF_HOME")
    assert hub_cache() == tmp_path / "xdg" / "huggingface" / "hub"
    monkeypatch.setenv("HF_HOME", str(tmp_path / "home"))
    assert hub_cache() == tmp_path / "home" / "hub"
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "hub"))
    assert hub_cache() == tmp_path / "hub"


def test_a_scan_resolves_from_the_cache_offline_without_importing_huggingface_hub(
    tmp_path: Path, isolated_home: Path
) -> None:
    cache_card(isolated_home / ".cache" / "huggingface" / "hub", "models--org--cached", "---\nlicense: mit\n---\n")
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "app.py").write_text('from transformers import AutoModel\nAutoModel.from_pretrained("org/cached")\n')
    script = (
        "import sys\nfrom modelpolicy.cli import main\n"
        "code = main(['scan', sys.argv[1], '--offline', '--format', 'json', '--policy', 'commercial'])\n"
        "print('huggingface_hub' in sys.modules, file=sys.stderr)\nsys.exit(code)\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(repo)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip() == "False"
    artefact = json.loads(done.stdout)["artefacts"][0]
    assert artefact["id"] == "org/cached"
    assert "mit" in json.dumps(artefact)


def test_an_unresolved_card_is_a_reason_not_a_guess(tmp_path: Path) -> None:
    cache_card(tmp_path, "models--org--bare", "---\ntags: [text-generation]\n---\n")
    resolution = resolver(tmp_path).resolve(Kind.MODEL, "org/bare", None)
    assert isinstance(resolution, Unresolved)
    assert resolution.reason == f"local Hugging Face cache (snapshot {SHA[:12]}): the card declares no licence"


def test_a_cached_fine_tune_labelled_more_permissively_than_its_base_drifts(
    tmp_path: Path, isolated_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    card = "---\nlicense: apache-2.0\nbase_model: meta-llama/Llama-2-7b-hf\n---\n"
    cache_card(isolated_home / ".cache" / "huggingface" / "hub", "models--org--relabelled", card)
    (tmp_path / "app.py").write_text(
        'from transformers import AutoModel\nAutoModel.from_pretrained("org/relabelled")\n'
    )
    main(["scan", str(tmp_path), "--offline", "--format", "json", "--policy", "commercial"])
    artefact = json.loads(capsys.readouterr().out)["artefacts"][0]
    codes = {violation["code"] for violation in artefact["violations"]}
    assert "license-drift" in codes
    assert any("meta-llama/Llama-2-7b-hf" in step for step in artefact["lineage"])


def test_cached_ids_are_read_from_the_folder_names_of_their_kind(tmp_path: Path) -> None:
    cache_card(tmp_path, "models--org--name--with--dashes", "---\nlicense: mit\n---\n")
    cache_card(tmp_path, "models--gpt2", "---\nlicense: mit\n---\n")
    cache_card(tmp_path, "datasets--org--corpus", "---\nlicense: mit\n---\n")
    (tmp_path / ".locks").mkdir()
    assert sorted(cached_ids(Kind.MODEL, tmp_path)) == ["gpt2", "org/name--with--dashes"]
    assert cached_ids(Kind.DATASET, tmp_path) == ("org/corpus",)
    assert cached_ids(Kind.MODEL, tmp_path / "missing") == ()  # no cache yet: nothing, and no error
