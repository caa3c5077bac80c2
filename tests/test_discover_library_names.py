"""Owner-less names a library loads from its own organisation (issue 16): sentence-transformers reads
`all-MiniLM-L6-v2` as `sentence-transformers/all-MiniLM-L6-v2`. Such a name is a model in a loader call, a keyword, a
class field or a config value alike, reported as the code writes it and resolved as the repository the library
loads; a look-alike (an Ollama tag, a word, a legacy transformers id) stays what it was."""

from __future__ import annotations

import pytest

from modelpolicy.discover.config import ConfigSource
from modelpolicy.discover.identity import identify, library_owned
from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.python import PythonSource
from modelpolicy.model import Kind

M, OL = Kind.MODEL, Kind.OLLAMA
ST = "sentence-transformers/"


@pytest.mark.parametrize(
    "name",
    [
        "all-MiniLM-L6-v2",
        "all-minilm-l12-v2",  # the Hub compares ids case-insensitively
        "all-mpnet-base-v2",
        "all-distilroberta-v1",
        "paraphrase-multilingual-MiniLM-L12-v2",
        "paraphrase-multilingual-mpnet-base-v2",
        "paraphrase-MiniLM-L3-v2",
        "multi-qa-MiniLM-L6-cos-v1",
        "msmarco-distilbert-base-v4",
        "distiluse-base-multilingual-cased-v2",
        "LaBSE",
        "clip-ViT-B-32",
        "gtr-t5-large",
        "average_word_embeddings_glove.6B.300d",
    ],
)
def test_sentence_transformers_names_are_its_organisations(name: str) -> None:
    assert library_owned(name) == ST + name


@pytest.mark.parametrize(
    "name",
    [
        "all-minilm",  # Ollama's tag of the same model
        "all-minilm:l6-v2",
        "all-reduce",
        "all-models",
        "paraphrase",
        "bert-base-uncased",  # transformers' legacy id, loaded as it is
        "distilbert-base-uncased",
        "t5-base",
        "sentence-transformers/all-MiniLM-L6-v2",  # owned already
        "someone/all-MiniLM-L6-v2",
        "gpt-4o",
    ],
)
def test_look_alikes_are_no_library_names(name: str) -> None:
    assert library_owned(name) is None


def test_identify_keeps_a_library_name_of_a_model_as_written() -> None:
    def nowhere(_: str) -> bool:
        return False

    for single_names in (True, False):
        found = identify("all-MiniLM-L6-v2", M, nowhere, single_names=single_names)
        assert found is not None and found.id == "all-MiniLM-L6-v2"
    assert identify("all-MiniLM-L6-v2", Kind.DATASET, nowhere, single_names=False) is None


def python(source: str) -> set[tuple[Kind, str, int]]:
    context = FileContext("pkg/memory.py", lambda _: False)
    return {(r.kind, r.text, r.line) for r in PythonSource().find(source, context)}


@pytest.mark.parametrize(
    "source",
    [
        'model = SentenceTransformer("all-MiniLM-L6-v2")\n',
        'embeddings = HuggingFaceEmbeddings(model_name="all-MiniLM-L6-v2")\n',
        'config = SentenceTransformerEmbeddingFunctionConfig(model_name="all-MiniLM-L6-v2")\n',
        'class Config(BaseModel):\n    model_name: str = Field(default="all-MiniLM-L6-v2", description="x")\n',
        'def embed(texts, model_name: str = "all-MiniLM-L6-v2"):\n    return texts\n',
    ],
)
def test_python_reads_the_library_id(source: str) -> None:
    line = source.count("\n", 0, source.index("all-MiniLM")) + 1
    assert python(source) == {(M, "all-MiniLM-L6-v2", line)}


@pytest.mark.parametrize(
    "source",
    [
        'ollama.embed(model="all-minilm", input="x")\n',  # Ollama's tag stays Ollama's
        'model_name = "all-reduce"\n',
        'title = "all-MiniLM-L6-v2"\n',  # a name not named for a model
    ],
)
def test_python_library_look_alikes(source: str) -> None:
    assert (M, "all-MiniLM-L6-v2", 1) not in python(source)
    assert all(not text.startswith(ST) for _, text, _ in python(source))


def test_an_ollama_tag_stays_ollamas() -> None:
    assert python('import ollama\nollama.embed(model="all-minilm", input="x")\n') == {(OL, "all-minilm", 2)}


def test_a_config_value_reads_the_library_id() -> None:
    text = "embedding:\n  model_name: paraphrase-multilingual-mpnet-base-v2\n"
    found = {(r.kind, r.text, r.line) for r in ConfigSource().find(text, FileContext("config.yaml", lambda _: False))}
    assert found == {(M, "paraphrase-multilingual-mpnet-base-v2", 2)}


def test_a_library_name_is_resolved_as_the_repository_the_library_loads() -> None:
    from modelpolicy.model import Artefact, Resolved
    from modelpolicy.resolve import default_resolvers, resolve_all

    written = Artefact(M, "all-MiniLM-L6-v2", None, ())
    [subject] = resolve_all((written,), default_resolvers())
    assert subject.artefact.id == "all-MiniLM-L6-v2"
    assert isinstance(subject.resolution, Resolved)
    assert (
        subject.resolution.terms.license == "apache-2.0"
    )  # the knowledge base's sentence-transformers/all-MiniLM-L6-v2
    assert "loaded as sentence-transformers/all-MiniLM-L6-v2" in subject.resolution.terms.note


def test_explain_knows_a_library_name_as_the_repository_the_library_loads() -> None:
    from modelpolicy.explain import explain

    lines = explain("all-MiniLM-L6-v2", "commercial")
    assert lines[0] == "model all-MiniLM-L6-v2"
    assert "  licence: apache-2.0 (source: knowledge)" in lines
    assert any("loaded as sentence-transformers/all-MiniLM-L6-v2" in line for line in lines)


XTTS = "tts_models/multilingual/multi-dataset/xtts_v2"


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("say.sh", f'tts --text "hi" --model_name {XTTS} --out_path out.wav\n'),
        ("voice.yaml", f"model_name: {XTTS}\n"),
        ("fetch.py", f'from TTS.utils.manage import ModelManager\nModelManager().download_model("{XTTS}")\n'),
        ("speak.py", f'from TTS.api import TTS\ntts = TTS("{XTTS}")\n'),
    ],
)
def test_coqui_s_catalogue_name_for_xtts_is_its_hub_repository_wherever_a_model_is_named(path: str, text: str) -> None:
    from modelpolicy.discover import ROUTES

    context = FileContext(path, lambda _: False)
    sources = [route.load() for route in ROUTES]
    found = {(r.kind, r.text) for s in sources if s.wants(path) for r in s.find(text, context)}
    assert found == {(M, "coqui/XTTS-v2")}


@pytest.mark.parametrize(
    "text",
    [
        "model_name: tts_models/en/ljspeech/tacotron2-DDC\n",  # a catalogue name downloaded from GitHub releases
        "model_name: xtts_v2\n",  # the catalogue name's last part alone
        f"output_dir: {XTTS}\n",  # not under a model's name
    ],
)
def test_other_catalogue_names_and_other_keys_name_no_hub_repository(text: str) -> None:
    assert ConfigSource().find(text, FileContext("voice.yaml", lambda _: False)) == []
