"""Forms found on embedding libraries the benchmark does not label (issue 16, ninth blind wave: fastembed, txtai,
whisperX): txtai's pipelines and embeddings database, a table of sources per hub (`ModelSource(hf=ID)`), and a dict
of expected values looked up by a model's name (`CANONICAL_VALUES[model_name]`)."""

from __future__ import annotations

import pytest

from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.names import HUB_KEYS, marker_words, named_kind
from modelpolicy.discover.python import PythonSource
from modelpolicy.model import Kind

M, D = Kind.MODEL, Kind.DATASET


def in_python(source: str) -> set[tuple[Kind, str, int]]:
    context = FileContext("pkg/app.py", lambda text: text.startswith(("./", "/")))
    return {(r.kind, r.text, r.line) for r in PythonSource().find(source, context)}


# --- txtai's pipelines and embeddings database ------------------------------------------------------------------------

TXTAI = """\
from txtai import Embeddings, RAG
from txtai.pipeline import Extractor, Summary as Summarise, Translation

embeddings = Embeddings(path="org/embed-base", content=True)
index = Embeddings({"path": "org/embed-small", "content": True})
summary = Summarise("org/summary-model")
extractor = Extractor(embeddings, "org/qa-model")
rag = RAG(embeddings, "org/chat-model", template="{question}")
translate = Translation("org/translate-model", findmodels=False)
"""


def test_txtai_pipelines_read_their_model_path() -> None:
    assert in_python(TXTAI) == {
        (M, "org/embed-base", 4),
        (M, "org/embed-small", 5),
        (M, "org/summary-model", 6),
        (M, "org/qa-model", 7),
        (M, "org/chat-model", 8),
        (M, "org/translate-model", 9),
    }


def test_txtai_module_calls_are_read() -> None:
    source = 'import txtai\n\nembeddings = txtai.Embeddings(path="org/embed-base")\n'
    assert in_python(source) == {(M, "org/embed-base", 3)}


def test_an_embeddings_config_reads_its_tokenizer_and_not_a_local_onnx_file() -> None:
    source = (
        "from txtai import Embeddings\n\n"
        'embeddings = Embeddings({"path": "embeddings.onnx", "tokenizer": "org/tokenizer-x"})\n'
    )
    assert in_python(source) == {(M, "org/tokenizer-x", 3)}


@pytest.mark.parametrize(
    "source",
    [
        # the same names from another package are no txtai loaders
        'from reports import Summary, Labels\n\nsummary = Summary("org/quarterly")\nlabels = Labels("org/tags")\n',
        'from mylib import Embeddings\n\nembeddings = Embeddings({"path": "org/store"})\n',
        # what comes first in `Extractor` and `RAG` is the embeddings database, not a model
        'from txtai.pipeline import Extractor\n\nextractor = Extractor("org/not-a-model")\n',
        # a config dict without `path`, and settings that are not the model
        'from txtai import Embeddings\n\nindex = Embeddings({"method": "sentence-transformers", "backend": "faiss"})\n',
    ],
)
def test_look_alike_calls_are_not_txtai_loaders(source: str) -> None:
    assert in_python(source) == set()


# --- a table of sources per hub ---------------------------------------------------------------------------------------


def test_hf_is_a_key_of_its_own_and_no_marker() -> None:
    assert "hf" in HUB_KEYS
    assert "hf" not in marker_words()  # every `hf_token` holds it: read where another marker brings the line in
    assert named_kind("hf") is None  # a variable or an enum member `HF = "..."` is a provider's label as often


@pytest.mark.parametrize("name", ["hf_token", "hf_home", "HF_ENDPOINT", "hf_transfer"])
def test_names_starting_with_hf_are_no_model_names(name: str) -> None:
    assert named_kind(name) is None


MODEL_TABLE = """\
supported_models = [
    DenseModelDescription(
        model="org/embed-base",
        sources=ModelSource(
            hf="qdrant/embed-base-onnx",
            url="https://storage.example.com/embed-base.tar.gz",
        ),
    ),
    DenseModelDescription(model="org/embed-small", sources=ModelSource(hf="qdrant/embed-small-onnx-q")),
]
REGISTRY = {"sources": {"hf": "org/registry-model", "ms": "org/registry-model"}}
"""


def test_a_table_of_sources_per_hub_reads_the_hub_repository() -> None:
    assert in_python(MODEL_TABLE) == {
        (M, "org/embed-base", 3),
        (M, "qdrant/embed-base-onnx", 5),
        (M, "org/embed-small", 9),
        (M, "qdrant/embed-small-onnx-q", 9),
        (M, "org/registry-model", 11),
    }


@pytest.mark.parametrize(
    "source",
    [
        'model_source = ModelSource(hf="true", url="https://x.example.com/m.tgz")\n',
        'model_backend = {"hf": "transformers", "ms": "modelscope"}\n',
        "model_loader = Loader(use_hf=True)\n",
        'class ModelProvider(Enum):\n    OPENAI = "openai"\n    HF = "org/label"\n',
        'MODEL_HF = None\nhf = "org/not-a-key"\n',
        'model_cache = dict(hf="./weights/embed")\n',
    ],
)
def test_an_hf_setting_that_is_no_repository_is_not_read(source: str) -> None:
    assert in_python(source) == set()


# --- a dict looked up by a model's name -------------------------------------------------------------------------------

LOOKUP = """\
import numpy as np

CANONICAL_VECTOR_VALUES = {
    "org/embed-base": np.array([0.1, 0.2]),
    "org/embed-small": np.array([0.3, 0.4]),
}
EXPECTED_ROWS = {"org/sparse-model": {"indices": [1]}}


def test_embeddings(model_desc, model_name):
    canonical = CANONICAL_VECTOR_VALUES[model_desc.model]
    expected = EXPECTED_ROWS.get(model_name, {})
"""


def test_a_dict_looked_up_by_a_model_name_is_keyed_by_models() -> None:
    assert in_python(LOOKUP) == {(M, "org/embed-base", 4), (M, "org/embed-small", 5), (M, "org/sparse-model", 7)}


@pytest.mark.parametrize(
    "source",
    [
        # looked up by what is no model's name
        'PATHS = {"data/train": 1, "data/test": 2}\n\ndef f(split):\n    n = PATHS[split]\n',
        'COLOURS = {"org/red": 1}\n\ndef f(language):\n    c = COLOURS.get(language)\n',
        # looked up by a model's name, but its keys are sizes, not ids
        'DIMS = {"small": 384, "large": 1024}\n\ndef f(model_name):\n    d = DIMS[model_name]\n',
        # a table of aliases: its keys are the program's own names for the models its values name
        'ALIASES = {"sonnet": "claude-sonnet-4-6", "org/short": "org/long-name"}\n\ndef f(model):\n'
        "    m = ALIASES.get(model, model)\n",
        # keyed by a test's name: each record names its own model (read by its `model_id` key, as ever)
        'CONFIGS = {"org/x-sharded": {"input": "hi", "model_id": None}}\n\ndef f(model_name):\n'
        "    c = CONFIGS[model_name]\n",
    ],
)
def test_other_lookups_name_no_model(source: str) -> None:
    assert in_python(source) == set()


# --- txtai's tools made once, and its indexes stored on the Hub -------------------------------------------------------

TXTAI_TOOLS = """\
from txtai import Embeddings
from txtai.pipeline import HFOnnx, HFTrainer

trainer = HFTrainer()
model, tokenizer = trainer("org/base-encoder", data, columns=("text", "label"))
onnx = HFOnnx()
exported = onnx("org/sentence-encoder", "pooling", "embeddings.onnx")
embeddings = Embeddings()
embeddings.load(provider="huggingface-hub", container="org/wiki-index")
tool = {"name": "wiki", "provider": "huggingface-hub", "container": "org/other-index"}
"""


def test_txtai_tools_and_hub_indexes_are_read() -> None:
    assert in_python(TXTAI_TOOLS) == {
        (M, "org/base-encoder", 5),
        (M, "org/sentence-encoder", 7),
        (M, "org/wiki-index", 9),
        (M, "org/other-index", 10),
    }


@pytest.mark.parametrize(
    "source",
    [
        # a trainer of another library, called the same way
        'from mylib import HFTrainer\n\ntrainer = HFTrainer()\nresult = trainer("org/not-read", data)\n',
        # a txtai object called with something other than a model
        'from txtai.pipeline import Summary\n\nmodel = Summary()\nresult = model("some text to summarise")\n',
        # an index stored elsewhere: its container is a bucket
        'from txtai import Embeddings\n\nEmbeddings().load(provider="s3", container="org/bucket-x")\n',
        'index = {"provider": "gcs", "container": "org/bucket-y", "huggingface-hub": True}\n',
    ],
)
def test_other_tools_and_stores_name_no_model(source: str) -> None:
    assert in_python(source) == set()


# --- a parameter typed as a model -------------------------------------------------------------------------------------

TYPED = """\
from typing import Union

class VoiceActivitySegmentation(VoiceActivityDetection):
    def __init__(self, segmentation: PipelineModel = "org/segmentation", fscore: bool = False):
        super().__init__(segmentation=segmentation)

def load(model: Union[str, PreTrainedModel] = "org/base-model", data: Dataset = "org/corpus"):
    pass
"""


def test_a_parameter_typed_as_a_model_reads_its_default() -> None:
    assert in_python(TYPED) == {(M, "org/segmentation", 4), (M, "org/base-model", 7), (D, "org/corpus", 7)}


@pytest.mark.parametrize(
    "source",
    [
        'def run(model_mode: ModelMode = "org/fast"):\n    pass\n',
        'def run(output: Path = "outputs/model-x", name: str = "org/label"):\n    pass\n',
        'def run(item: Union[PreTrainedModel, Dataset] = "org/either"):\n    pass\n',
    ],
)
def test_other_typed_parameters_name_no_model(source: str) -> None:
    assert in_python(source) == set()


# --- fastembed's embedders --------------------------------------------------------------------------------------------

FASTEMBED = """\
from fastembed import ImageEmbedding, LateInteractionTextEmbedding, SparseTextEmbedding, TextEmbedding
from fastembed.rerank.cross_encoder import TextCrossEncoder

dense = TextEmbedding("org/dense-embed")
sparse = SparseTextEmbedding(model_name="org/sparse-embed")
late = LateInteractionTextEmbedding("org/colbert-x")
image = ImageEmbedding(model_name="org/image-embed")
rerank = TextCrossEncoder("org/reranker-x")
"""


def test_fastembed_embedders_read_their_model() -> None:
    assert in_python(FASTEMBED) == {
        (M, "org/dense-embed", 4),
        (M, "org/sparse-embed", 5),
        (M, "org/colbert-x", 6),
        (M, "org/image-embed", 7),
        (M, "org/reranker-x", 8),
    }


@pytest.mark.parametrize(
    "source",
    [
        "from fastembed import TextEmbedding\n\ndense = TextEmbedding()\n",
        'from fastembed import TextEmbedding\n\ndense = TextEmbedding(cache_dir="./cache/models")\n',
        'from fastembed import TextEmbedding\n\ndense = TextEmbedding("./models/local-onnx")\n',
    ],
)
def test_fastembed_without_a_hub_model_reads_nothing(source: str) -> None:
    assert in_python(source) == set()
