"""Python source, read with `ast`: never imported, never run.

A reference is either

- a string in the argument position of a known loader (`_LOADERS`: `X.from_pretrained(ID)`, `pipeline(model=ID)`,
  `load_dataset(ID)`, `LLM(model=ID)`, `timm.create_model("hf-hub:ID")`, LangChain and LlamaIndex wrappers, and the
  `model=` of OpenAI and Anthropic client calls), or
- the default of something whose name says it holds a model or dataset: an argparse flag (`--model_name_or_path`), a
  dataclass, pydantic or attrs field, a function parameter, an environment variable read with a default, or
- an Ollama model: the model of a call of the `ollama` client (`ollama.chat(model=...)`, `Client().generate(...)`, in a
  file that imports `ollama`), of LangChain's and LlamaIndex's Ollama wrappers (`ChatOllama(model=...)`), or a
  LiteLLM string routed to Ollama anywhere (`dspy.LM("ollama_chat/llama3.2")`); `discover/ollama.py` decides.

A loader argument is followed through module constants (one value per branch of an `if` or `try`), loop and
comprehension variables over literal sequences and dicts, subscripts of dict and list literals, `os.getenv` defaults,
and f-strings or `+` concatenations whose every part resolves. An f-string or concatenation that does not resolve is
reported as written, flagged `dynamic`; a plain name that cannot be followed is not reported at all.

What a file costs follows what it names, not its size: only the top-level statements that hold a marker word are
parsed and walked (`python_statements` finds them without parsing the file), a class among them without the methods
that hold none, and a name one of them reads is looked up
in the statements that spell it (`_Statements`), found through an index of the file's words. A file the markers cannot
read that way (a string escape, a character outside ASCII that may spell an ASCII letter) or whose needed statements
do not parse alone is parsed whole, with the same result.
"""

from __future__ import annotations

import ast
import bisect
import itertools
import math
import re
import string
import unicodedata
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache, partial
from typing import Any
from urllib.parse import urlsplit

from modelpolicy.discover import apis, local_servers, ollama, python_statements
from modelpolicy.discover.identity import (
    URL,
    URL_MARKERS,
    HubId,
    catalogued,
    hub_provider_routed,
    identify,
    looks_like_path,
    name_shaped,
    parse_hub_id,
    parse_hub_url,
    without_hub_route,
)
from modelpolicy.discover.images import IMAGE_MARKERS, code_image
from modelpolicy.discover.interface import FileContext, Source, SourceError
from modelpolicy.discover.markers import Lines, Markers, minimal_words
from modelpolicy.discover.names import (
    CARD_KEYS,
    HUB_KEYS,
    HUB_REPO_FIELDS,
    ITEM_KEYS,
    MODEL_ARGS_KEYS,
    MODEL_ARGS_LIST,
    SELF_RECORDS,
    SHORT_MODEL_FLAG,
    WRITTEN,
    called_kind,
    collection_kind,
    marker_words,
    member_kind,
    named_kind,
    overridden,
    picker_kind,
    positional,
    qualified_kind,
    record_kind,
    served_by,
    source_kind,
    split_words,
    tokenizer_lookup,
)
from modelpolicy.discover.open_clip_tags import pretrained_repository, short_names
from modelpolicy.model import Kind, Reference

_M, _D, _A, _O = Kind.MODEL, Kind.DATASET, Kind.API, Kind.OLLAMA
# timm and open_clip name a Hub repository only with this prefix; `create_model("resnet50")` is a built-in architecture.
_HF_HUB = ("hf-hub:", "hf_hub:")


def _listed_urls(text: str) -> list[tuple[Kind, HubId]]:
    """The Hub repositories of a string that is wholly a comma-separated list of URLs (a CI table's files to fetch for a
    model: its weights on the Hub, its tokenizer elsewhere); none when any part is no URL."""
    parts = text.split(",") if "," in text else []
    if len(parts) < 2 or not all(URL.fullmatch(part.strip()) for part in parts):
        return []
    return [found for part in parts if (found := parse_hub_url(part.strip()))]


@dataclass(frozen=True)
class _Loader:
    """Where a loader takes its id: keywords, the positional index that stands for them, further keywords naming an
    artefact of the same kind (`tokenizer=`), and the prefixes a value needs (stripped) when there are any."""

    kind: Kind
    keywords: tuple[str, ...]
    position: int | None
    also: tuple[str, ...] = ()
    prefixes: tuple[str, ...] = ()
    certain: bool = True  # False: an Ollama model only by name or tag, not namespaced (`org/name` is the Hub's)
    served: bool = True  # False: an API router (dspy's `LM`), where `org/name` is a route, not a served Hub model
    names: tuple[tuple[str, str], ...] = ()  # the library's short names for Hub repositories (`"base"` below)
    # False: an owner-less name counts only when the knowledge base knows it (`chat_completion(model="tgi")` asks a
    # server, whose own name for what it serves is no Hub id)
    single_names: bool = True
    # the keys of a dict given as the id argument that hold the id (txtai's `Embeddings({"path": ID})`)
    record_keys: tuple[str, ...] = ()
    # a further positional argument naming an artefact of the same kind, where no `also` keyword gives it
    also_position: int | None = None


# faster-whisper's `WhisperModel("base")` downloads the CTranslate2 conversion its `utils._MODELS` table names
# (github.com/SYSTRAN/faster-whisper, faster_whisper/utils.py); a Hub id or a local path is taken as it is.
_FASTER_WHISPER = tuple(
    {
        **{size: f"Systran/faster-whisper-{size}" for size in ("tiny", "base", "small", "medium")},
        **{f"{size}.en": f"Systran/faster-whisper-{size}.en" for size in ("tiny", "base", "small", "medium")},
        **{f"large-{v}": f"Systran/faster-whisper-large-{v}" for v in ("v1", "v2", "v3")},
        "large": "Systran/faster-whisper-large-v3",
        "distil-large-v2": "Systran/faster-distil-whisper-large-v2",
        "distil-medium.en": "Systran/faster-distil-whisper-medium.en",
        "distil-small.en": "Systran/faster-distil-whisper-small.en",
        "distil-large-v3": "Systran/faster-distil-whisper-large-v3",
        "large-v3-turbo": "mobiuslabsgmbh/faster-whisper-large-v3-turbo",
        "turbo": "mobiuslabsgmbh/faster-whisper-large-v3-turbo",
    }.items()
)
# LLM Compressor's calibration datasets by its registered names (`oneshot(model=ID, dataset="open_platypus")`), each the
# Hub dataset its `TextGenerationDataset` subclass loads (github.com/vllm-project/llm-compressor,
# src/llmcompressor/transformers/data; SparseML's `oneshot`, which it comes from, registers the same). The registry
# reads `_` and `-` alike (`ultrachat-200k`); `custom`, `json` and `csv` read local files.
_LLM_COMPRESSOR_DATASETS = tuple(
    (spelling, repository)
    for name, repository in {
        "c4": "allenai/c4",
        "cnn_dailymail": "cnn_dailymail",
        "evolcodealpaca": "theblackcat102/evol-codealpaca-v1",
        "flickr": "lmms-lab/flickr30k",
        "flickr30k": "lmms-lab/flickr30k",
        "gsm8k": "openai/gsm8k",
        "open_platypus": "garage-bAInd/Open-Platypus",
        "peoples_speech": "MLCommons/peoples_speech",
        "perfectblend": "mlabonne/open-perfectblend",
        "ultrachat": "HuggingFaceH4/ultrachat_200k",
        "ultrachat_200k": "HuggingFaceH4/ultrachat_200k",
        "wikitext": "Salesforce/wikitext",
    }.items()
    for spelling in dict.fromkeys((name, name.replace("_", "-")))
)
# Coqui TTS's `TTS("tts_models/multilingual/multi-dataset/xtts_v2")` (its catalogue names: `identity.catalogued`). Not
# in `_LOADERS`: `tts` would be a marker word held by every `settings`.
_COQUI_TTS = _Loader(_M, ("model_name",), 0, names=tuple(catalogued().items()))
# WhisperX loads its transcription model through faster-whisper: `whisperx.load_model("large-v2", "cuda")`.
_WHISPERX = _Loader(_M, ("whisper_arch",), 0, names=_FASTER_WHISPER)
# faster-whisper's own `download_model("tiny")` (`faster_whisper.download_model`, or imported from it) fetches the
# same conversions; another package's `download_model` is read by its name alone (`names.CALLED_WORDS`).
_FASTER_WHISPER_DOWNLOAD = _Loader(_M, ("size_or_id",), 0, names=_FASTER_WHISPER)
# sentence-transformers' `models.Transformer(ID)` module. Not in `_LOADERS`: `transformer` would be a marker word every
# `import transformers` holds; its statements hold `model` already (`models.Transformer`, `word_embedding_model = `).
_ST_TRANSFORMER = _Loader(_M, ("model_name_or_path",), 0, single_names=False)
# diffusers' `ConfigMixin.load_config(ID, subfolder="vae")`, called on a model, scheduler or pipeline class
# (`AutoencoderKL.load_config`, `diffusers.UNet2DConditionModel.load_config`): it reads the repository's config file,
# as its `from_config(ID)` does when given a repository rather than a config (`AutoencoderKL.from_config(ID,
# subfolder="vae")`). Not in `_LOADERS`: a project's own `load_config("configs/x")` (a function, or a method of
# `self`) reads its settings. An owner-less name counts when the knowledge base knows it (`load_config("dummy_path")`
# in a test is no repository).
_CONFIG_LOADERS = frozenset({"load_config", "from_config"})
_CONFIG_LOADER = _Loader(_M, ("pretrained_model_name_or_path", "config"), 0, single_names=False)
# The loaders out of `_LOADERS` known by their name alone.
_BY_NAME_ONLY = {"TTS": _COQUI_TTS, "Transformer": _ST_TRANSFORMER}
_HUB_PREFIXED = _Loader(_M, ("model_name",), 0, prefixes=_HF_HUB)
_VLLM = _Loader(_M, ("model",), 0, also=("tokenizer",))
# The packages whose `LLM` is an API router, as dspy's `LM` is (`from crewai import LLM; LLM(model="groq/x")`), not
# vLLM's (or TensorRT-LLM's) engine that loads a Hub model: their `model=` is a provider's name or route.
_LLM_ROUTER_PACKAGES = frozenset({"crewai"})
_LLM_ROUTER = _Loader(_A, ("model",), 0, served=False)
# ModelScope's `MsDataset.load("org/x", split="train")`: a dataset of its hub, named as the Hub names one.
_MS_DATASET_LOAD = _Loader(_D, ("dataset_name",), 0)
# LMDeploy's (InternLM's) `pipeline("org/x")` and `serve("org/x")` take the model first, where transformers'
# `pipeline` takes its task: known by the module they are called on or imported from (`lmdeploy.pipeline(ID)`,
# `from lmdeploy import pipeline`).
_LMDEPLOY_MODULE = "lmdeploy"
_LMDEPLOY_CALLS = frozenset({"pipeline", "serve"})
_LMDEPLOY = _Loader(_M, ("model_path",), 0)
# txtai's pipelines and embeddings database take the Hub model they load as `path` (first, or after the embeddings a
# pipeline reads: `Extractor(embeddings, ID)`, `RAG(embeddings, ID)`), and `Embeddings` as `path` in its config dict
# (`Embeddings({"path": ID})`) or as a keyword. Their names are common words (`Summary`, `Labels`, `Entity`): known
# only when imported from txtai (`from txtai.pipeline import Summary`) or called on it (`txtai.Embeddings(...)`).
_TXTAI_MODULE = "txtai"
_TXTAI_PIPELINE = _Loader(_M, ("path",), 0)
_TXTAI_AFTER_EMBEDDINGS = _Loader(_M, ("path",), 1)
_TXTAI_LOADERS: dict[str, _Loader] = {
    "Embeddings": _Loader(_M, ("path",), 0, record_keys=("path", "tokenizer")),
    **dict.fromkeys(("Extractor", "RAG"), _TXTAI_AFTER_EMBEDDINGS),
    **dict.fromkeys(
        (
            "Caption",
            "Entity",
            "Generator",
            "Labels",
            "LateEncoder",
            "LLM",
            "Objects",
            "Questions",
            "Sequences",
            "Similarity",
            "Summary",
            "TextToSpeech",
            "Transcription",
            "Translation",
        ),
        _TXTAI_PIPELINE,
    ),
}
# txtai's tools made once and called with the model they read: `trainer = HFTrainer()`, `trainer("org/x", data)` trains
# from `base`; `onnx = HFOnnx()`, `onnx("org/x", "pooling")` exports `path`.
_TXTAI_CALLABLES: dict[str, _Loader] = {
    "HFTrainer": _Loader(_M, ("base",), 0),
    "HFOnnx": _TXTAI_PIPELINE,
}
# txtai's cloud storage of an embeddings index: `embeddings.load(provider="huggingface-hub", container="org/x")`, and
# the same settings in a dict (`{"provider": "huggingface-hub", "container": "org/x"}`): a Hub model repository.
_HUB_PROVIDER = "huggingface-hub"
_HUB_CONTAINER = "container"
# The loaders a library's module holds whose names are common words, known when imported from it.
_IMPORTED_LOADERS = {_LMDEPLOY_MODULE: _LMDEPLOY_CALLS, _TXTAI_MODULE: frozenset({*_TXTAI_LOADERS, *_TXTAI_CALLABLES})}
# A download command written in a string or a list (`os.system("huggingface-cli download ID --local-dir m")`,
# `subprocess.run(["hf", "download", ID])`, `["ollama", "pull", NAME]`): read as the shell reads it (`shell._downloads`,
# `ollama pull|run NAME`). Only a string that is such a command (or runs one after `&&`, `;`): a message that mentions
# one is prose.
_DOWNLOADING = re.compile(
    r"(?:^|&&|;)\s*(?:[\w./-]*/)?(?:(?:huggingface-cli|hf|tune|litgpt)\s+download|ollama\s+(?:pull|run))\s"
)
_DOWNLOAD_CLIS = frozenset({"huggingface-cli", "hf", "tune", "litgpt"})
_OLLAMA_FETCHES = frozenset({"pull", "run"})  # `["ollama", "pull", NAME]`: the Ollama model the command fetches
# `InferenceClient` methods that take `model=`: `client.text_generation(prompt, model=ID)`.
_INFERENCE_TASKS = (
    "text_generation",
    "chat_completion",
    "feature_extraction",
    "sentence_similarity",
    "text_to_image",
    "text_to_speech",
    "automatic_speech_recognition",
    "image_classification",
    "zero_shot_classification",
    "token_classification",
    "text_classification",
    "question_answering",
    "summarization",
    "translation",
    "fill_mask",
)
# The text_generation `Client` of TGI is not here: it takes the server's URL, never a model id.
_LOADERS: dict[str, _Loader] = {
    # transformers, diffusers, peft (AutoPeftModel* too), datasets, huggingface_hub
    # `model_name=`: Unsloth's `FastLanguageModel.from_pretrained(model_name=ID)`; `repo_id=`: llama-cpp-python's
    # `Llama.from_pretrained(repo_id=ID, filename="*q4_k_m.gguf")`
    "from_pretrained": _Loader(_M, ("pretrained_model_name_or_path", "model_name", "repo_id"), 0),
    # LoRA adapters loaded onto a model: diffusers' `pipe.load_lora_weights(ID, weight_name=...)` (and its older
    # `unet.load_attn_procs(ID, weight_name=...)`), transformers' `model.load_adapter(peft_model_id=ID)` and peft's
    # `model.load_adapter(ID, adapter_name="x")`; an owner-less name given to a `load_adapter` is the adapter's own
    # name more often (ONNX Runtime's `session.load_adapter("pen_sketch", path)`)
    "load_lora_weights": _Loader(_M, ("pretrained_model_name_or_path_or_dict",), 0),
    "load_attn_procs": _Loader(_M, ("pretrained_model_name_or_path_or_dict",), 0),
    "load_adapter": _Loader(_M, ("peft_model_id", "model_id"), 0, single_names=False),
    # a textual-inversion embedding loaded into a diffusers pipeline: `pipe.load_textual_inversion("org/concept")`
    "load_textual_inversion": _Loader(_M, ("pretrained_model_name_or_path",), 0),
    "pipeline": _Loader(_M, ("model",), 1, also=("tokenizer",)),
    "load_dataset": _Loader(_D, ("path",), 0),
    "hf_hub_download": _Loader(_M, ("repo_id",), 0),
    "snapshot_download": _Loader(_M, ("repo_id",), 0),
    # a class's constructor from a Hub repository, named for the Hub: mistral_common's `MistralTokenizer.from_hf_hub(
    # ID)` (the tokenizer files of a model's repository), curated-transformers' `AutoGenerator.from_hf_hub(name=ID)`;
    # an owner-less name is a library's own short name (`from_hf_hub("x_base")` reads a subfolder of its repository)
    "from_hf_hub": _Loader(_M, ("repo_id", "name"), 0, single_names=False),
    # the URL of a repository's file, for a downloader of the project's own: `hf_hub_url(cls.hf_repo_id, "x.pth")`
    "hf_hub_url": _Loader(_M, ("repo_id",), 0),
    # an Inference Endpoint that serves the model it is given: `create_inference_endpoint(NAME, repository=ID, ...)`
    "create_inference_endpoint": _Loader(_M, ("repository",), None),
    "InferenceClient": _Loader(_M, ("model",), 0),
    "AsyncInferenceClient": _Loader(_M, ("model",), 0),
    **{task: _Loader(_M, ("model",), None, single_names=False) for task in _INFERENCE_TASKS},
    # sentence-transformers
    "SentenceTransformer": _Loader(_M, ("model_name_or_path", "model_name"), 0),
    "CrossEncoder": _Loader(_M, ("model_name_or_path", "model_name"), 0),
    "SparseEncoder": _Loader(_M, ("model_name_or_path",), 0),
    # fastembed (Qdrant's ONNX embedders): `TextEmbedding("BAAI/bge-small-en-v1.5")`, `SparseTextEmbedding(
    # model_name="Qdrant/bm25")`, `TextCrossEncoder(ID)`; each downloads the Hub repository its table lists for the name
    **dict.fromkeys(
        (
            "TextEmbedding",
            "SparseTextEmbedding",
            "LateInteractionTextEmbedding",
            "LateInteractionMultimodalEmbedding",
            "ImageEmbedding",
            "TextCrossEncoder",
        ),
        _Loader(_M, ("model_name",), 0),
    ),
    # InstructorEmbedding's `INSTRUCTOR("hkunlp/instructor-large")`, a SentenceTransformer
    "INSTRUCTOR": _Loader(_M, ("model_name_or_path",), 0),
    # its modules (`SparseEncoder(modules=[MLMTransformer(ID), SpladePooling("max")])`) and static embeddings
    "MLMTransformer": _Loader(_M, ("model_name_or_path",), 0),
    "from_model2vec": _Loader(_M, ("model_id_or_path",), 0),
    "from_distillation": _Loader(_M, ("model_name",), 0),
    # vLLM, and the model runners of its tests and of text-generation-inference's integration tests
    "LLM": _VLLM,
    "EngineArgs": _VLLM,
    "AsyncEngineArgs": _VLLM,
    "VllmRunner": _Loader(_M, ("model_name",), 0),
    # ms-swift's inference engines (`swift.infer_engine`): `TransformersEngine("org/x", task_type="embedding")`
    # (`PtEngine` before 4.0), `VllmEngine(model_id_or_path="org/x")`, `SglangEngine(ID)`, `LmdeployEngine(ID)`; an
    # owner-less name is a folder a test exported to (`TransformersEngine("Qwen2-7B-Instruct-mcore-hf")`) unless known
    **dict.fromkeys(
        ("TransformersEngine", "PtEngine", "VllmEngine", "GRPOVllmEngine", "SglangEngine", "LmdeployEngine"),
        _Loader(_M, ("model", "model_id_or_path"), 0, single_names=False),
    ),
    "HfRunner": _Loader(_M, ("model_name",), 0),
    "launcher": _Loader(_M, ("model_id",), 0),
    # text-generation-inference's Hub helpers (`text_generation_server.utils.hub`), kept by its forks (LoRAX's
    # `lorax_server.utils`): `weight_hub_files(ID, revision, ".safetensors")`, `download_weights(filenames, ID)`
    "weight_hub_files": _Loader(_M, ("model_id",), 0),
    "weight_files": _Loader(_M, ("model_id",), 0),
    "download_weights": _Loader(_M, ("model_id",), 1),
    # timm, open_clip
    "create_model": _HUB_PREFIXED,
    "create_model_and_transforms": _HUB_PREFIXED,
    "create_model_from_pretrained": _HUB_PREFIXED,
    "get_tokenizer": _HUB_PREFIXED,
    # LangChain
    "HuggingFaceEmbeddings": _Loader(_M, ("model_name", "model"), None),
    "HuggingFaceBgeEmbeddings": _Loader(_M, ("model_name",), None),
    "SentenceTransformerEmbeddings": _Loader(_M, ("model_name", "model"), None),
    "HuggingFaceInstructEmbeddings": _Loader(_M, ("model_name",), None),
    "HuggingFaceEndpoint": _Loader(_M, ("repo_id", "model"), None),
    "HuggingFaceEndpointEmbeddings": _Loader(_M, ("repo_id", "model"), None),
    "HuggingFaceHub": _Loader(_M, ("repo_id",), None),
    "ChatHuggingFace": _Loader(_M, ("model_id",), None),
    "from_model_id": _Loader(_M, ("model_id",), 0),
    "ChatOpenAI": _Loader(_A, ("model", "model_name"), None),
    "ChatAnthropic": _Loader(_A, ("model", "model_name"), None),
    "ChatMistralAI": _Loader(_A, ("model", "model_name"), None),
    "ChatGoogleGenerativeAI": _Loader(_A, ("model",), None),
    "OpenAIEmbeddings": _Loader(_A, ("model",), None),
    # Chroma's embedding functions (`chromadb.utils.embedding_functions`): the model first, or after the API key
    "SentenceTransformerEmbeddingFunction": _Loader(_M, ("model_name",), 0),
    "InstructorEmbeddingFunction": _Loader(_M, ("model_name",), 0),
    "HuggingFaceEmbeddingFunction": _Loader(_M, ("model_name",), 1),
    "OpenAIEmbeddingFunction": _Loader(_A, ("model_name",), None),
    "CohereEmbeddingFunction": _Loader(_A, ("model_name",), None),
    "OllamaEmbeddingFunction": _Loader(_O, ("model_name",), None),
    # LlamaIndex (its `OpenAI(model=)` and `Anthropic(model=)`; the vendors' own clients take no `model=`)
    "HuggingFaceLLM": _Loader(_M, ("model_name",), None, also=("tokenizer_name",)),
    "HuggingFaceEmbedding": _Loader(_M, ("model_name",), 0),
    "HuggingFaceInferenceAPI": _Loader(_M, ("model_name",), None),
    "OpenAI": _Loader(_A, ("model",), None),
    "Anthropic": _Loader(_A, ("model",), None),
    "OpenAIEmbedding": _Loader(_A, ("model", "model_name"), None),
    # the NVIDIA API catalog through LangChain (and LlamaIndex's `NVIDIA(model=)`)
    "ChatNVIDIA": _Loader(_A, ("model",), None),
    "NVIDIAEmbeddings": _Loader(_A, ("model",), None),
    "NVIDIARerank": _Loader(_A, ("model",), None),
    "NVIDIAEmbedding": _Loader(_A, ("model",), None),
    # dspy, which hands its model string to LiteLLM: `dspy.LM("gpt-4o-mini")`, `dspy.Embedder("text-embedding-3-small")`
    "LM": _Loader(_A, ("model",), 0, served=False),
    "Embedder": _Loader(_A, ("model",), 0, served=False),
    # LangChain's and LlamaIndex's Ollama wrappers
    "ChatOllama": _Loader(_O, ("model",), None),
    "OllamaLLM": _Loader(_O, ("model",), None),
    "OllamaEmbeddings": _Loader(_O, ("model",), None),
    "OllamaFunctions": _Loader(_O, ("model",), None),
    "Ollama": _Loader(_O, ("model",), None),
    "OllamaEmbedding": _Loader(_O, ("model_name", "model"), None),
    # lighteval's task configs (its own tasks and the custom tasks other projects write for it):
    # `LightevalTaskConfig(name="gsm8k", hf_repo="openai/gsm8k", hf_subset="main", ...)` evaluates on that dataset
    "LightevalTaskConfig": _Loader(_D, ("hf_repo",), None),
    # SpeechBrain: `EncoderClassifier.from_hparams(source="speechbrain/spkrec-ecapa-voxceleb", savedir=...)` downloads
    # its `source` from the Hub (a local folder is taken as it is)
    "from_hparams": _Loader(_M, ("source",), 0),
    # faster-whisper: `WhisperModel("large-v3")`, `WhisperModel(model_size_or_path="Systran/faster-whisper-small")`
    "WhisperModel": _Loader(_M, ("model_size_or_path",), 0, names=_FASTER_WHISPER),
    # LLM Compressor's (and SparseML's) `oneshot(model=ID, dataset=NAME_OR_ID, recipe=...)`: its calibration dataset,
    # also given in its `DatasetArguments(dataset=...)`
    "oneshot": _Loader(_D, ("dataset",), None, names=_LLM_COMPRESSOR_DATASETS),
    "DatasetArguments": _Loader(_D, ("dataset",), None, names=_LLM_COMPRESSOR_DATASETS),
}
# A project's own wrapper of a Hub download, named for the loader it wraps and taking its arguments
# (`snapshot_download_w_retry("org/x", repo_type="dataset")`, `load_dataset_with_retry("org/d")`, huggingface_hub's
# `from_pretrained_keras("org/x")`): read as that loader.
_WRAPPED_LOADERS = ("snapshot_download", "hf_hub_download", "load_dataset", "from_pretrained")
# Gradio's `gr.load("models/org/x")` (`gr.Interface.load("huggingface/org/x")`), or `gr.load("org/x", src="models")`:
# a Hub model served through the Inference API; `spaces/` and `src="spaces"` load a Space, no artefact of ours.
_GRADIO_MODULES = frozenset({"gr", "gradio"})
_GRADIO_SOURCES = frozenset({"models", "huggingface"})
_GRADIO_LOAD = _Loader(_M, ("name",), 0, prefixes=tuple(f"{source}/" for source in sorted(_GRADIO_SOURCES)))
_GRADIO_LOAD_FROM = _Loader(_M, ("name",), 0)
# `PeftModel.from_pretrained(base_model, ADAPTER_ID)`: the adapter comes second.
_PEFT_ADAPTER = _Loader(_M, ("model_id",), 1)
# SetFit's `AbsaModel.from_pretrained(ASPECT_ID, POLARITY_ID)` (or `polarity_model_id=`): two models, one per stage.
_ABSA_MODELS = _Loader(_M, ("model_id",), 0, also=("polarity_model_id",), also_position=1)
# Classes whose `from_pretrained` takes its ids elsewhere than transformers' first argument.
_FROM_PRETRAINED_OF = {
    **dict.fromkeys(("PeftModel", "PeftModelForCausalLM", "PeftModelForSeq2SeqLM"), _PEFT_ADAPTER),
    "AbsaModel": _ABSA_MODELS,
}
# The methods of the OpenAI and Anthropic clients that take `model=`: chat.completions.create, messages.create, ...
_API_CLIENT = _Loader(_A, ("model",), None)
_API_METHODS = frozenset({"create", "stream", "parse", "count_tokens"})
_API_RECEIVERS = frozenset(
    {
        "completions",
        "messages",
        "responses",
        "embeddings",
        "images",
        "moderations",
        "transcriptions",
        "translations",
        "speech",
        "batches",
    }
)

# The words of a package's module that holds its model classes, one per provider (agno's `agno.models.aimlapi`,
# `agno.knowledge.embedder.ollama`, LlamaIndex's `llama_index.llms.groq`, LangChain's
# `langchain_community.chat_models`): a class imported from such a module is a model's, made for the model its `id`
# names (`model=AIMLAPI(id="gpt-5.2")`, `class DashScope(OpenAILike): id: str = "qwen-plus"`), whatever the provider
# is called.
_MODEL_MODULE_WORDS = frozenset({"models", "llms", "llm", "chat_models", "embedder", "embedders", "embeddings"})
# Packages whose modules so named hold no model a repository loads: an ORM's fields (Django's `models.CharField(
# "Label")`), a network's layers (`keras.models.Sequential`), architectures built without named weights.
_FOREIGN_MODEL_MODULES = frozenset(
    {"django", "keras", "tensorflow", "tf_keras", "torchvision", "peewee", "tortoise", "mongoengine", "sqlalchemy"}
)
# `from agno.models.aimlapi import AIMLAPI`, `from pkg.llms import (A, B as C)`: the module and the names it imports.
_FROM_IMPORT = re.compile(r"^[ \t]*from[ \t]+([\w.]+)[ \t]+import[ \t]+(\([^)]*\)|[^\n#]+)", re.MULTILINE)


def _model_imports(source: str) -> tuple[frozenset[str], frozenset[str]]:
    """The modules of model classes (`_MODEL_MODULE_WORDS`) a file imports from, and the names it binds to what it
    imports from them."""
    modules: set[str] = set()
    names: set[str] = set()
    for found in _FROM_IMPORT.finditer(source):
        if not _is_model_module(found.group(1)):
            continue
        modules.add(found.group(1))
        names.update(_imported_names(found.group(2)))
    return frozenset(modules), frozenset(names)


def _is_model_module(module: str) -> bool:
    """Whether a module holds model classes (`_MODEL_MODULE_WORDS`), and is not a foreign package's
    (`_FOREIGN_MODEL_MODULES`)."""
    parts = module.split(".")
    return bool(_MODEL_MODULE_WORDS.intersection(parts)) and parts[0] not in _FOREIGN_MODEL_MODULES


def _foreign_imports(source: str) -> frozenset[str]:
    """The names a file imports from a package of `_FOREIGN_MODEL_MODULES` (`from django.db import models`)."""
    return frozenset(
        name
        for found in _FROM_IMPORT.finditer(source)
        if found.group(1).split(".")[0] in _FOREIGN_MODEL_MODULES
        for name in _imported_names(found.group(2))
    )


def _imported_names(imported: str) -> Iterator[str]:
    """The names an import binds: `A, B as C` (or in brackets) as `A`, `C`."""
    for alias in imported.strip("()").split(","):
        words = alias.split()
        if words and words[0].isidentifier():
            yield words[-1] if len(words) == 3 and words[1] == "as" else words[0]


def _provider_imports(source: str) -> dict[str, str]:
    """The names a file binds to what it imports from a provider's module, by that module's word: a library's client of
    one provider, named for what it does rather than for the provider (`from acme.beta.openai import Realtime` makes
    `Realtime("gpt-4o-realtime-preview")` a call of OpenAI's client, as `sgl.OpenAI(...)` is by its name)."""
    bound: dict[str, str] = {}
    for found in _FROM_IMPORT.finditer(source):
        word = next((part for part in found.group(1).split(".") if apis.provider_callee(part)), None)
        if word is not None:
            bound.update(dict.fromkeys(_imported_names(found.group(2)), word))
    return bound


# The methods of the `ollama` client (module functions, `Client`, `AsyncClient`) that read a model: by name, in a
# file that imports `ollama`. `create(model=NEW, from_=BASE)` writes `model` and reads `from_`.
_OLLAMA_MODULE = "ollama"
# The field of a provider's model class that names the model it is made for (`_model_id`).
_ID_FIELD = "id"
# MLX's language and vision-language model packages: `from mlx_lm import load`, `model, tokenizer =
# load("mlx-community/Llama-3.2-3B-Instruct-4bit")`, `mlx_vlm.load(ID)`: their `load` downloads its argument from the
# Hub.
_MLX_MODULES = ("mlx_lm", "mlx_vlm")
_MLX_LOAD = _Loader(_M, ("path_or_hf_repo",), 0)
_OLLAMA_READ = _Loader(_O, ("model",), 0)
_OLLAMA_METHODS: dict[str, _Loader] = {
    **dict.fromkeys(("chat", "generate", "pull", "embed", "embeddings", "show"), _OLLAMA_READ),
    "create": _Loader(_O, ("from_",), None),
}
# The same methods on a receiver that may not be an Ollama client (`client.chat(...)`, `self.generate(...)`).
_OLLAMA_MAYBE = {name: replace(loader, certain=False) for name, loader in _OLLAMA_METHODS.items()}

# The form of the keys of a table of Ollama's models (`ollama.table`): each is one, known to the library or not.
_OLLAMA_TABLE = "ollama-table"
# The form of a model's key in a dict whose provider is Ollama (`{"provider": "ollama", "model": ...}`): the keys that
# say the provider, and those under which the provider's settings are (mem0's `"config": {"model": ...}`).
_OLLAMA_PROVIDED = "ollama-provider"
_PROVIDER_KEYS = frozenset({"provider", "provider_id", "providerid", "provider_name", "api_provider", "id", "type"})
_PROVIDER_SETTINGS = frozenset({"config", "params", "options", "settings"})

_LINES = re.compile(r".*?(?:\r\n|\r|\n)|.+", re.DOTALL)
_OTHER_LINE_BREAKS = re.compile("[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")  # where `str.splitlines` splits too


# A record that spells a Hub id in two parts, under a name for the Hub's settings: litgpt's model table
# `dict(name="pythia-14m", hf_config=dict(org="EleutherAI", name="pythia-14m"))`, `hub={"owner": ..., "repo": ...}`.
_OWNER_KEYS = ("org", "organization", "owner")
_REPO_KEYS = ("name", "repo", "repo_name")

# The keyword that places a model's weights on devices as they load (transformers' and accelerate's `device_map`): a
# call given it loads a model, and the first argument of a call no rule knows is that model (a wrapper's
# `PromptCompressor("org/x", device_map="cpu")`). Named, not loaded: an owner-less name counts only when known.
_PLACEMENT_KEYWORDS = frozenset({"device_map"})


def _marker_words() -> tuple[bytes, ...]:
    """The lower-case words one of which every reference form holds, derived from the tables above: a name holding
    a reference ends in a word that starts with `model`, `tokenizer`, `dataset` or `repo`, and every loader either
    takes its id only in a keyword holding one of those or is itself named (`from_pretrained`, `pipeline`, `LLM`).
    Compared lower-cased, as names are split at camelCase and lower-cased before they are compared."""
    words = {"model", *marker_words()}
    for name, loader in _LOADERS.items():
        keywords = (*loader.keywords, *loader.also)
        if loader.position is not None or not all(any(w in k.lower() for w in words) for k in keywords):
            words.add(name.lower())
    words.update(marker.decode() for marker in URL_MARKERS)  # a string that is a URL of the Hub's
    words.update(marker.decode() for marker in IMAGE_MARKERS)  # a string that is a model-server image
    words.add(_OLLAMA_MODULE)  # an import of the Ollama client, its wrappers' names, a LiteLLM `ollama/` string
    words.add(_TXTAI_MODULE)  # an import of txtai's pipelines, whose names are common words (`Summary`)
    words.add(_HUB_PROVIDER)  # an index stored on the Hub: `load(provider="huggingface-hub", container=ID)`
    words.update(_MLX_MODULES)  # an import of MLX's `load`
    words.update(marker.decode() for marker in apis.ROUTE_MARKERS)  # a string routed to a hosted API
    words.update(marker.decode() for marker in apis.API_NAME_MARKERS)  # a table of API names (`_api_table`)
    words.update(ending[0] for ending in apis.API_ENDINGS)  # `engine=`, `deployment_name=`
    words.update(apis.PROVIDER_CALLEES)  # `sgl.Anthropic("claude-3-haiku-20240307")`
    words.update(_PLACEMENT_KEYWORDS)  # `Compressor(ID, device_map="cpu")`: a model loaded by a call no rule knows
    words.add("registry")  # `get_registry().get("sentence-transformers").create(name=ID)`
    # a download command in a string (`"hf download ID"`) or a list (`["huggingface-cli", "download", ID]`)
    words.update({"huggingface-cli", *(f"{cli} download" for cli in _DOWNLOAD_CLIS)})
    words.add("repo_id")  # `KPipeline(repo_id=ID)`: a call's `repo_id=` (`_repo_kind`)
    words.add("from_yaml(")  # `Graph.from_yaml(SPEC)`: a string of YAML a program parses (`_parsed_config`)
    words.add("load_config(")  # a diffusers class's `DDPMScheduler.load_config(ID)` (`_CONFIG_LOADER`), as its call
    # a function named for a LoRA adapter (`fetch_lora(ID)`, `names.CALLED_WORDS`; `download_lora_weights` holds
    # `lora_weights`), written as its call: `lora` alone is in most lines of a LoRA library (`lora_alpha`,
    # `LoraConfig`), each of which would be parsed and read. One named for an `adapter` is read in files holding
    # another marker (`download_adapter_weights` holds `load_adapter`): `adapter` is in every `HTTPAdapter`
    words.add("lora(")
    # a record spelling a Hub id in two parts (`_split_hub_id`), by its owner key: `org=`, `"org":`
    words.update(f"{q}{key}{e}" for key in _OWNER_KEYS for q, e in (("", "="), ('"', '"'), ("'", "'")))
    minimal = minimal_words(words)
    return tuple(sorted((w.encode() for w in minimal), key=len, reverse=True))


MARKER_WORDS = _marker_words()
# A string that is wholly a list of `key=value` settings: `pretrained=org/x,dtype=float32,device=cpu`.
# A string that may be a container image as a whole: `registry/repository[:tag][@digest]`, no blanks.
_IMAGE_LIKE = re.compile(r"[\w.-]+(?::\d+)?/[\w./-]+(?::[\w.-]+)?(?:@[\w]+:[0-9a-f]+)?")
_STRING_ESCAPE = re.compile(rb"\\[xuUN0-7]")  # a string escape could spell an environment variable's name
_MARKERS = Markers(MARKER_WORDS, caseless=True, unicode_passes=True, escapes=_STRING_ESCAPE)
# The same markers looked for in a text that is not ASCII, as Python reads its names (`_marked_lines`).
_WRITTEN_MARKERS = replace(_MARKERS, unicode_passes=False)
_OPTION_CALLS = frozenset({"add_argument", "option"})  # argparse, click
# What a program writes to a local folder: `model.save("tmp-clip-model")`, `trainer.save_model(output_dir)`,
# `save_pretrained(PATH)`, `save_to_disk(PATH)`, and a trainer's `output_dir=`. An owner-less name it then loads
# (`SentenceTransformer("tmp-clip-model")`, `PeftModel.from_pretrained(model, output_dir)`) is that folder.
_SAVERS = frozenset({"save", "save_pretrained", "save_model", "save_to_disk"})
_SAVER_KEYWORDS = ("path", "save_directory", "output_path", "dataset_path")
_OUTPUT_KEYWORDS = frozenset({"output_dir", "output_path"})
_HUB_KINDS = frozenset({Kind.MODEL, Kind.DATASET})
# Words of a callee that writes a model or dataset (`save`, `push_to_hub`, `upload_folder`, `export_*`): the model
# named by its keywords is the one it writes.
_SAVE_WORDS = frozenset({"save", "push", "upload", "export"})
_FIELD_CALLS = frozenset({"field", "Field", "ib", "attrib"})  # dataclasses, pydantic, attrs
# The keywords of a call that holds one setting (a prompt, an app's `InputConfig`) for what it starts from and the
# values it is set up with: bound to a name or key named for a model (`config["Model"] = InputConfig(value=ID,
# values=[ID, ...])`), each names one. A prompt's `choices=` are what a user may pick, none of them chosen.
_SETTING_VALUES = ("default", "value", "values")
# What a CLI's or a web route's parameter is given as its default: typer's
# `model: str = typer.Option("gpt-4o", help=...)` (its first argument, or `default=`), FastAPI's
# `model: str = Query("org/x")`. The other strings typer's `Option` is given are its flags (`"--model", "-m"`).
_PARAMETER_CALLS = frozenset({"Option", "Argument", "Query", "Body", "Form", "Header", "Cookie", "Param"})


@dataclass(frozen=True)
class _Widget:
    """An input widget of a UI library: the position of its label when it is not a keyword (Streamlit's first
    argument), and the positions of the values it offers or starts from when they are not keywords."""

    label_position: int | None = None
    value_positions: tuple[int, ...] = ()


# A widget's label is one of these keywords (Gradio's `label=`, ipywidgets' `description=`, Panel's `name=`) or its
# `label_position`; what it offers or starts from is one of `_WIDGET_VALUES` or at its `value_positions`.
_WIDGET_LABELS = ("label", "description", "name")
_WIDGET_VALUES = ("value", "choices", "options")
_WIDGET_PUNCTUATION = re.compile(r"[^\w\s-]+")
_WIDGETS: dict[str, _Widget] = {
    # Gradio: `gr.Textbox(value, label=...)`, `gr.Dropdown(choices, value=..., label=...)`; ipywidgets' `Text`,
    # `Dropdown(options=..., description=...)`
    **dict.fromkeys(("Textbox", "Text", "TextArea", "Textarea"), _Widget(value_positions=(0,))),
    **dict.fromkeys(("Dropdown", "Radio", "RadioButtons", "Combobox", "Select"), _Widget(value_positions=(0,))),
    # Panel: `pn.widgets.TextInput(name="Model", value=ID)`, `AutocompleteInput(name=..., options=[...])`
    **dict.fromkeys(("TextInput", "AutocompleteInput"), _Widget()),
    # Streamlit: `st.text_input("Model", ID)`, `st.selectbox("Model", [ID, ...])`
    **dict.fromkeys(("text_input", "text_area", "selectbox", "radio", "multiselect"), _Widget(0, (1,))),
}
_SEQUENCE_CALLS = frozenset({"list", "tuple", "set", "sorted", "reversed", "frozenset"})
_COMPREHENSIONS = (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)
_CONTAINERS = (ast.Dict, ast.List, ast.Tuple, ast.Set)
_ASSIGNMENT = re.compile(r"\s*(\w+)\s*(?::[^=\n]*)?=(?!=)")  # a line assigning a name: `name = `, `name: T = `
_CHAINED_NAME = re.compile(r"\s*(\w+)\s*=(?!=)")  # a further name a chained assignment binds: `a = b = `


def _assigned_names(line: str) -> Iterator[str]:
    """The names a line assigns: `name = `, `name: T = `, and each of a chained assignment's (`a = b = value`)."""
    found = _ASSIGNMENT.match(line)
    while found:
        yield found[1]
        found = _CHAINED_NAME.match(line, found.end())


# An `or` and a conditional, which may fall back to a default (`_Finder._fallback`).
_FALLBACKS = ast.BoolOp | ast.IfExp
# The nodes the walk only goes through: no statement, nothing `_visit` or `_note_named` reads itself.
_PLAIN = frozenset(
    cls
    for cls in vars(ast).values()
    if isinstance(cls, type)
    and issubclass(cls, ast.AST)
    and not issubclass(cls, ast.stmt | ast.Constant | ast.Call | ast.Dict | ast.Compare | ast.BinOp | _FALLBACKS)
    and cls not in _COMPREHENSIONS
    and cls not in (ast.List, ast.Tuple, ast.Set)  # a command line's words: `["--model-path", ID]`; a table of names
)
# A string holding a command line's flag among other words (`"--tokenizer org/x"`), and the words of one.
_COMMAND_FLAG = re.compile(r"(?:^|\s)--?[A-Za-z][\w.-]*[\s=]+[^\s-]")
_COMMAND_WORD = re.compile(r"\S+")
# The brackets a command quoted in prose may close after its last word (`"(e.g. --fallback-models ID) to retry"`).
_CLOSING = {")": "(", "]": "["}


def _prose_trimmed(word: str) -> str:
    """A command's word as prose writes it, without the quotes or backticks around it, the punctuation of the sentence
    after it (`ID,`, `ID.`) or a bracket it did not open (`ID)`): no id ends with any of them."""
    trimmed = word.strip("\"'`").rstrip(",;.")
    while trimmed[-1:] in _CLOSING and trimmed.count(trimmed[-1]) > trimmed.count(_CLOSING[trimmed[-1]]):
        trimmed = trimmed[:-1].rstrip(",;.")
    return trimmed.strip("\"'`")


_SERVING = re.compile(
    r"\b(?:vllm\s+serve|trtllm-serve|lmdeploy\s+(?:serve|chat|lite)|aphrodite\s+run|xtuner\s+(?:chat|mmbench|convert))\s"
)  # `names.SERVE_COMMANDS`
_MAX_DEPTH = 12  # constants naming constants, nested subscripts
_MAX_COMBINATIONS = 16  # values an f-string may resolve to before it is reported as dynamic


class PythonSource:
    name = "python"
    stems: frozenset[str] = frozenset()
    markers = _MARKERS

    def wants(self, path: str) -> bool:
        return path.endswith((".py", ".pyi"))

    def find(self, text: str, context: FileContext) -> list[Reference]:
        lines = _marked_lines(text)
        found = None if lines is None else _read_by_statements(text, context, lines)
        return found if found is not None else read_whole(text, context, lines)


def _read_by_statements(text: str, context: FileContext, lines: Lines) -> list[Reference] | None:
    """The references of the statements that hold a marked line or a name they read, each parsed alone; None when the
    file's statements cannot be told apart or one it needs does not parse alone."""
    statements = python_statements.top_level(text)
    if statements is None:
        return None
    module = _Statements(text, statements)
    try:
        module.holding(lines.numbers)  # the marked statements, parsed in runs
        mentions = _follow(lines, module.bound_at, module.words)
        tree = ast.Module(body=module.body(mentions), type_ignores=[])
        return _Finder(tree, text, context, mentions, module).references()
    except _WholeModuleNeeded:
        return None


def read_whole(text: str, context: FileContext, lines: Lines | None = None) -> list[Reference]:
    """The references of the file parsed whole, of the statements that hold one of `lines` or a name they read, or of
    every statement without `lines`: what reading by statements must give (tests compare the two)."""
    try:
        tree = python_statements.parse_quietly(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError) as error:
        raise _read_around(error, text, context, lines) from error
    followed = None if lines is None else _follow(lines, _bindings_by_line(tree.body), _Words(text))
    return _Finder(tree, text, context, followed).references()


def _read_around(error: Exception, text: str, context: FileContext, lines: Lines | None) -> SourceError:
    """The error of a file that does not parse, with the references in those of its statements that parse alone."""
    line = getattr(error, "lineno", None) if isinstance(error, SyntaxError) else None
    where = f" at line {line}" if line else ""
    problem = "syntax error" if isinstance(error, SyntaxError | ValueError) else "code nested too deeply to parse"
    unreadable = SourceError(f"Python {problem}{where}; fix the file to have it all scanned", line=line)
    statements = python_statements.top_level(text) or python_statements.rough_top_level(text)
    body = [node for statement in statements for node in python_statements.parse(text, statement) or ()]
    mentions = None if lines is None else _follow(lines, _bindings_by_line(body), _Words(text))
    return unreadable.with_found(_Finder(ast.Module(body=body, type_ignores=[]), text, context, mentions).references())


class _WholeModuleNeeded(Exception):
    """Raised when a module built of some of the file's statements cannot stand for the whole file: one of the
    statements it needs (marked, or spelling a name it reads) does not parse alone."""


class _Words:
    """Where each word (a run of ASCII letters, digits and underscores) of a file is written, lower-cased as the
    markers compare and read as Python reads names (NFKC: a fullwidth letter is its ASCII letter): the lines that may
    read or bind a name. The first few names asked are each found by a search of the text; past `_SEARCHED_NAMES`, the
    file's words are indexed once, so that following thousands of names costs one pass over the file, not one each."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._index: dict[str, list[int]] | None = None
        self._searched: dict[str, list[int]] = {}
        self._spelled: dict[str, _Spelled] = {}

    def lines(self, names: Iterable[str]) -> list[int]:
        """The sorted lines on which one of `names` is written as a whole word, in any case."""
        words = {name.lower() for name in names}
        new = [word for word in words if word not in self._searched]
        if self._index is None and len(self._searched) + len(new) <= _SEARCHED_NAMES:
            for word in new:
                self._searched[word] = self._search(word)
            index = self._searched
        else:
            index = self._index if self._index is not None else self._indexed()
        if len(words) == 1:
            return index.get(next(iter(words)), [])
        return sorted({line for word in words for line in index.get(word, ())})

    @cached_property
    def binders(self) -> list[int]:
        """The lines that may bind a name inside an expression: `:=`, `lambda`, a comprehension's `for`."""
        walrus = [match.start() for match in re.finditer(":=", self.text)]
        breaks = [match.end() for match in _LINE_BREAK.finditer(self.text)] if walrus else []
        lines = {bisect.bisect_right(breaks, start) + 1 for start in walrus}
        return sorted(lines.union(self.lines(["lambda", "for"])))

    def spelled(self, name: str) -> _Spelled:
        spelled = self._spelled.get(name)
        if spelled is None:
            spelled = self._spelled[name] = _Spelled(self.lines([name]), self.binders)
        return spelled

    @cached_property
    def _lowered(self) -> str:
        text = self.text if self.text.isascii() else unicodedata.normalize("NFKC", self.text)  # no line break added
        return text.lower()

    @cached_property
    def _breaks(self) -> list[int] | None:
        """Where each line break of the lowered text ends, when some are a lone `\\r`; None when all end in `\\n`."""
        return [match.end() for match in _LINE_BREAK.finditer(self._lowered)] if "\r" in self._lowered else None

    def _search(self, word: str) -> list[int]:
        """The lines on which `word` (lower-cased) is written with no word character on either side, as in the
        index."""
        text, size = self._lowered, len(word)
        if not _WORD.fullmatch(word):
            return []
        lines: list[int] = []  # sorted, distinct
        line, counted = 1, 0
        position = text.find(word)
        while position >= 0:
            end = position + size
            if (position == 0 or text[position - 1] not in _WORD_CHARACTERS) and text[
                end : end + 1
            ] not in _WORD_CHARACTERS:
                if self._breaks is None:
                    line += text.count("\n", counted, position)
                    counted = position
                else:
                    line = bisect.bisect_right(self._breaks, position) + 1
                if not lines or lines[-1] != line:
                    lines.append(line)
            position = text.find(word, end)
        return lines

    def _indexed(self) -> dict[str, list[int]]:
        index: defaultdict[str, list[int]] = defaultdict(list)
        findall = _WORD.findall
        for number, line in enumerate(_LINE_BREAK.split(self._lowered), start=1):
            for word in set(findall(line)):
                index[word].append(number)
        self._index = dict(index)
        return self._index


_SEARCHED_NAMES = 32  # measured: a search of the text costs less than indexing it for fewer names than this
_LINE_BREAK = re.compile(r"\r\n|\r|\n")  # as `ast` counts lines
# Where an f-string may start: its prefix (`f`, `rf`, `Fr`...) is written as it is, no escape spells it.
# The quote that opens an f-string (`f"`, `F'`, `rf"`, `fR'`), found by the quote and then the letters before it: the
# regular expression engine skips ahead to a quote, where a pattern starting with a letter is tried at every letter
# (ten times as long on a large file).
_F_STRING_QUOTE = re.compile(r"['\"](?:(?<=[fF]['\"])|(?<=[fF][rR]['\"]))")
_WORD = re.compile(r"[a-z0-9_]+")
_WORD_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")


@dataclass(frozen=True)
class _Summary:
    """The assignments one top-level statement holds that the module's constants may come from (with the branch each
    is on), by name."""

    assignments: dict[str, list[tuple[_Branch, ast.expr]]]


class _Statements:
    """A file's top-level statements, each parsed alone when first needed: those that hold a marker are walked, and
    those that spell a name a loader reads are read for its value, so that the rest of the file is never parsed.

    A class is parsed without those of its methods that hold no line asked for (`body`), as a module is without
    those of its statements: one marked line would otherwise make a test class of fifty methods parsed whole. Its
    methods left out are parsed alone when a question needs them: the bindings of a name they spell (`constant`),
    the `self.<attribute> = ...` of an attribute they spell (`self_assignments`)."""

    def __init__(self, text: str, statements: list[python_statements.Statement]) -> None:
        self.text = text
        self.statements = statements
        self.firsts = [statement.first for statement in statements]
        self.words = _Words(text)
        self._parsed: dict[int, list[ast.stmt]] = {}
        self._summaries: dict[int, _Summary] = {}
        self._bound: dict[int, _LineBindings] = {}
        self._constants: dict[str, list[ast.expr]] = {}
        self._classes: dict[int, _PartClass] = {}  # by statement index: the classes given in part to the walk
        self._part_of: dict[int, _PartClass] = {}  # the same, by id of the class node
        self._assigned: dict[tuple[int, str], list[tuple[_Function, ast.expr]]] = {}
        self._given_assigned: dict[int, dict[str, list[tuple[_Function, ast.expr]]]] = {}  # by id of the class
        self._straight: dict[str, list[ast.stmt]] = {}  # `straight`, by name

    def at(self, line: int) -> int | None:
        """The index of the statement that holds `line`."""
        index = bisect.bisect_right(self.firsts, line) - 1
        return index if index >= 0 and line <= self.statements[index].last else None

    def parsed(self, index: int) -> list[ast.stmt]:
        body = self._parsed.get(index)
        if body is None:
            body = python_statements.parse(self.text, self.statements[index])
            if body is None:
                raise _WholeModuleNeeded
            self._parsed[index] = body
        return body

    def holding(self, lines: list[int]) -> list[int]:
        """The indexes of the statements that hold one of `lines`, in order, parsed: consecutive ones in one go."""
        indexes = self._indexes(lines)
        self._parse_runs(indexes)
        return indexes

    def _indexes(self, lines: list[int]) -> list[int]:
        """The indexes of the statements that hold one of `lines`, in order."""
        return sorted({index for line in lines if (index := self.at(line)) is not None})

    def _parse_runs(self, indexes: list[int]) -> None:
        unparsed = [index for index in indexes if index not in self._parsed and not self._is_class(index)]
        for _, run in itertools.groupby(enumerate(unparsed), lambda pair: pair[1] - pair[0]):
            self._parse_run([index for _, index in run])

    def _parse_run(self, run: list[int]) -> None:
        """Parse consecutive statements together; where they do not parse together, each is parsed when needed."""
        if len(run) < 2:
            return
        parts = python_statements.parse_together(self.text, [self.statements[index] for index in run])
        if parts is not None:
            self._parsed.update(zip(run, parts, strict=True))

    def body(self, lines: Lines) -> list[ast.stmt]:
        """The statements that hold one of `lines`, in order; a class without the methods that hold none of them nor
        an option call (`_options` reads the tree)."""
        return [node for index in self.holding(lines.numbers) for node in self._in_part(index, lines)]

    def _in_part(self, index: int, lines: Lines) -> list[ast.stmt]:
        if not self._is_class(index):
            return self.parsed(index)
        statement = self.statements[index]
        options = self.words.lines(_OPTION_CALLS)

        def held(first: int, last: int) -> bool:
            return lines.any_within(first, last) or _within(options, first, last)

        if python_statements.share_left_out(self.text, statement, held) < _SHARE_WORTH_SPLITTING:
            return self.parsed(index)
        body = python_statements.class_body(self.text, statement)
        if body is None:
            return self.parsed(index)
        left_out = [
            number
            for number, (member, method) in enumerate(zip(body.members, body.methods, strict=True))
            if method and not held(member.first, member.last)
        ]
        cls = python_statements.parse_class(self.text, statement, body, left_out) if left_out else None
        if cls is None:
            return self.parsed(index)
        part = self._classes[index] = self._part_of[id(cls)] = _PartClass(cls, body, left_out, {})
        return [part.cls]

    def _is_definition(self, index: int) -> bool:
        """Whether the statement is a function or class definition, decorated or not (by its first words)."""
        statement = self.statements[index]
        return _DEFINITION.match(self.text, statement.start, statement.end) is not None

    def _is_class(self, index: int) -> bool:
        """Whether the statement is a class (by its first words: `parse_class` checks), which binds no module
        constant (`_bound_names`) and assigns none (`_assignments`): it is parsed only when walked or counted."""
        return python_statements.is_class(self.text, self.statements[index])

    def _left_out(self, part: _PartClass, lines: list[int] | None) -> list[ast.stmt]:
        """The methods left out of a class given in part that hold one of `lines` (every one, for None), each parsed
        alone; a method that does not parse so sends the file to a whole parse, as a statement does."""
        nodes: list[ast.stmt] = []
        for number in part.left_out:
            member = part.body.members[number]
            if lines is not None and not _within(lines, member.first, member.last):
                continue
            parsed = part.parsed.get(number)
            if parsed is None:
                parsed = python_statements.parse_member(self.text, member)
                if parsed is None:
                    raise _WholeModuleNeeded
                part.parsed[number] = parsed
            nodes += parsed
        return nodes

    def left_out_methods(self, cls: ast.ClassDef, name: str) -> list[ast.stmt]:
        """The methods left out of a class given in part that spell `name` (`__init__`), each parsed alone."""
        part = self._part_of.get(id(cls))
        if part is None:
            return []
        return self._left_out(part, self.words.lines([name]) if name.isascii() else None)

    def self_assignments(self, cls: ast.ClassDef, attribute: str) -> list[tuple[_Function, ast.expr]] | None:
        """Each `self.<attribute> = value` of the methods of a class given in part (see `_self_assignments`), read
        from its methods given and those left out that spell the attribute; None for a class given whole."""
        part = self._part_of.get(id(cls))
        if part is None:
            return None
        key = (id(cls), attribute)
        if key not in self._assigned:
            given = self._given_assigned.get(id(cls))
            if given is None:  # the methods given are read once, whatever the attributes asked
                given = self._given_assigned[id(cls)] = _self_assignments(cls.body)
            spelled = self.words.lines([attribute]) if attribute.isascii() else None
            left_out = _self_assignments(self._left_out(part, spelled)).get(attribute, [])
            self._assigned[key] = [*given.get(attribute, ()), *left_out]
        return self._assigned[key]

    def bound_at(self, line: int) -> list[str]:
        """The names the simple statement on `line` binds (see `_bound_names`)."""
        index = self.at(line)
        if index is None or self._is_class(index):
            return []
        bound = self._bound.get(index)
        if bound is None:
            bound = self._bound[index] = _bindings_by_line(self.parsed(index))
        return bound(line)

    def constant(self, name: str) -> list[ast.expr]:
        """The values of a module constant (see `_constant_values`), read from the statements that spell its name:
        every binding of a name is in a statement that spells it."""
        if name not in self._constants:
            spelled = self.words.lines([name])
            # (a definition assigns no module constant: it is parsed only to count the name's bindings, when needed)
            assigning = [index for index in self._indexes(spelled) if not self._is_definition(index)]
            self._parse_runs(assigning)
            summaries = [self._summary(index) for index in assigning]
            assignments = [assignment for summary in summaries for assignment in summary.assignments.get(name, ())]
            candidates = _candidate_values(assignments, name) if assignments else None
            if candidates is None or _stand_for_nothing(candidates):
                self._constants[name] = candidates or []  # counted or not, the values stand for no string
                return self._constants[name]
            indexes = self.holding(spelled)
            spelling = self.words.spelled(name) if name.isascii() else None
            roots = [node for index in indexes for node in self._counted(index, spelling)]
            bindings = _count_bindings(roots, name, spelling, len(assignments))
            self._constants[name] = _constant_values(assignments, bindings, name) or []
        return self._constants[name]

    def straight(self, name: str) -> list[ast.stmt]:
        """The top-level statements that spell `name`, parsed, in order: those that may bind it (`_reaching`)."""
        body = self._straight.get(name)
        if body is None:
            indexes = self.holding(self.words.lines([name]))
            body = self._straight[name] = [node for index in indexes for node in self.parsed(index)]
        return body

    def _counted(self, index: int, spelling: _Spelled | None) -> list[ast.stmt]:
        """The statement's nodes in which a name spelled on `spelling`'s lines may be bound: of a class given in
        part, the class and its methods left out that spell it (with `spelling` None, every one)."""
        part = self._classes.get(index)
        if part is None:
            return self.parsed(index)
        return [part.cls, *self._left_out(part, spelling.name if spelling is not None else None)]

    def spelling(self, words: tuple[str, ...]) -> list[ast.stmt]:
        """The statements whose text holds one of `words` (option calls: a class given in part holds all of its)."""
        found = [
            index
            for index, statement in enumerate(self.statements)
            if any(word in self.text[statement.start : statement.end] for word in words)
        ]
        return [node for index in found for node in self._given(index)]

    def _given(self, index: int) -> list[ast.stmt]:
        part = self._classes.get(index)
        return [part.cls] if part is not None else self.parsed(index)

    def _summary(self, index: int) -> _Summary:
        summary = self._summaries.get(index)
        if summary is None:
            assignments = {} if self._is_class(index) else _assignments(self.parsed(index))
            summary = self._summaries[index] = _Summary(assignments)
        return summary


_DEFINITION = re.compile(r"@|(?:async[ \t]+)?def\b|class\b")
_SHARE_WORTH_SPLITTING = 0.15  # measured: lexing a class's body costs about a tenth of parsing it


@dataclass(frozen=True)
class _PartClass:
    """A class given to the walk without the methods `left_out` (indexes into `body.members`); those parsed since,
    by index."""

    cls: ast.ClassDef
    body: python_statements.ClassBody
    left_out: list[int]
    parsed: dict[int, list[ast.stmt]]


@dataclass(frozen=True)
class _LineBindings:
    """The names bound by the simple statements of a body, by each line they span."""

    bound: dict[int, list[str]]

    def __call__(self, line: int) -> list[str]:
        return self.bound.get(line, [])


def _bindings_by_line(body: list[ast.stmt]) -> _LineBindings:
    bound: dict[int, list[str]] = {}
    for _, statement in _module_statements(body, ()):
        names = _bound_names(statement)
        if names:
            first, last = _span(statement)
            for line in range(first, last + 1):
                bound.setdefault(line, []).extend(names)
    return _LineBindings(bound)


def _follow(lines: Lines, bound_at: Callable[[int], list[str]], words: _Words) -> Lines:
    """The lines holding a marker word or the name of a module constant assigned on such a line (`VAR = "MODEL_ID"`
    makes `os.getenv(VAR, ID)` a reference), to a fixed point; `bound_at` gives the names bound on a line. Each line
    is looked at once, each name looked up once."""
    marked = set(lines.numbers)
    followed: set[str] = set()
    new = lines.numbers
    while new:
        names = {name for line in new for name in bound_at(line) if name not in followed}
        followed |= names
        new = [line for line in words.lines(names) if line not in marked] if names else []
        marked.update(new)
    return Lines(sorted(marked))


def _bound_names(statement: ast.stmt) -> list[str]:
    """The name a module constant binds; for an import of the Ollama client, the names it imports and the client's
    methods (`from ollama import chat` makes `chat("gemma3")` a reference, and `client.chat("gemma3")` too); for an
    import from LMDeploy, its loaders imported (`from lmdeploy import serve` makes `serve("org/x")` one); for an
    import from a module of model classes, the classes it imports."""
    name = _single_assignment(statement)[0]
    if name:
        return [name]
    if isinstance(statement, ast.ImportFrom) and _is_ollama_module(statement.module):
        return [*(alias.asname or alias.name for alias in statement.names if alias.name != "*"), *_OLLAMA_METHODS]
    if isinstance(statement, ast.Import) and any(_is_ollama_module(alias.name) for alias in statement.names):
        return list(_OLLAMA_METHODS)
    return _imported_bindings(statement) if isinstance(statement, ast.ImportFrom) else []


def _imported_bindings(statement: ast.ImportFrom) -> list[str]:
    """What `_bound_names` follows of an import from a module other than Ollama's: MLX's `load`, LMDeploy's loaders,
    and the classes a module of model classes holds (`from guidance.models import Transformers` makes
    `Transformers("gpt2")` a reference, `_model_class_argument`)."""
    if _is_mlx_module(statement.module):
        return [alias.asname or alias.name for alias in statement.names if alias.name == "load"]
    if _is_model_module(statement.module or ""):
        return [bound for alias in statement.names if (bound := alias.asname or alias.name)[:1].isupper()]
    imported = _IMPORTED_LOADERS.get((statement.module or "").split(".")[0], frozenset())
    return [alias.asname or alias.name for alias in statement.names if alias.name in imported]


def _is_ollama_module(module: str | None) -> bool:
    return module is not None and (module == _OLLAMA_MODULE or module.startswith(f"{_OLLAMA_MODULE}."))


def _is_mlx_module(module: str | None) -> bool:
    return module is not None and module.split(".", 1)[0] in _MLX_MODULES


def _span(statement: ast.stmt) -> tuple[int, int]:
    """The first and last line of a statement, its decorators included."""
    decorators = getattr(statement, "decorator_list", None)
    first = min(statement.lineno, *(decorator.lineno for decorator in decorators)) if decorators else statement.lineno
    return first, statement.end_lineno or statement.lineno


@dataclass(frozen=True)
class _Value:
    """A string an expression stands for and the node where it is written; when `dynamic`, `text` is the source
    of an f-string or concatenation that could not be resolved, and `lead` its literal start."""

    text: str
    node: ast.expr
    dynamic: bool = False
    lead: str = ""


@dataclass(frozen=True)
class _Named:
    """A default held by a name that names a model or dataset: reported unless a loader already read the value."""

    value: _Value
    kind: Kind
    form: str
    # the providers the client given the value names (`ChatGroq(model=ID)`), whose routes may serve it (see `_served`)
    providers: tuple[str, ...] = ()
    single_names: bool = False  # an owner-less name (`mbpp`) counts: an evaluation task's `DATASET_PATH`


# --- module constants -------------------------------------------------------------------------------------------

_Branch = tuple[tuple[int, int], ...]  # (id of an `if`/`try`, index of the block taken), outermost first


_Function = ast.FunctionDef | ast.AsyncFunctionDef


def _assignments(body: list[ast.stmt]) -> dict[str, list[tuple[_Branch, ast.expr]]]:
    """The single assignments of a body (and of the blocks of its `if`s and `try`s), by name, with their branches."""
    found: dict[str, list[tuple[_Branch, ast.expr]]] = {}
    for branch, statement in _module_statements(body, ()):
        target, value = _single_assignment(statement)
        if target and value is not None:
            found.setdefault(target, []).append((branch, value))
    return found


def _constant_values(
    assignments: list[tuple[_Branch, ast.expr]], bindings: int, name: str = ""
) -> list[ast.expr] | None:
    """The values of a name whose every binding (`bindings`, counted in the module or function) is one of the
    assignments in its own body, each on its own branch of an `if` or `try` (so one runs): the values we may follow.
    None for a name rebound in sequence, in a nested function, as a parameter or by an import."""
    values = _candidate_values(assignments, name)
    return values if values is not None and len(assignments) == bindings else None


def _candidate_values(assignments: list[tuple[_Branch, ast.expr]], name: str = "") -> list[ast.expr] | None:
    """The values `_constant_values` gives when the assignments are all the name's bindings; None when they cannot
    be, whatever the bindings (a name assigned twice in sequence): then its bindings need not be counted."""
    branches = [branch for branch, _ in assignments]
    if _exclusive(branches) or (name and _default_then_overridden(assignments, name)):
        return [value for _, value in assignments]
    if _one_namespaced_literal([value for _, value in assignments]):
        return [assignments[0][1]]  # `X = "org/x"` written twice (a copied line): still one value
    return None


def _default_then_overridden(assignments: list[tuple[_Branch, ast.expr]], name: str) -> bool:
    """Whether the first of a name's assignments always runs and each later one only in a block of an `if` or `try`,
    those blocks apart from each other, none reading the name (`name = name + "-large"` builds on the default): `repo_id
    = ID` then `if flag: repo_id = OTHER`, a default a branch may replace. Either value may be what a read finds."""
    branches = [branch for branch, _ in assignments]
    if len(branches) < 2 or branches[0] or not all(branches[1:]) or not _exclusive(branches[1:]):
        return False
    return not any(isinstance(n, ast.Name) and n.id == name for _, value in assignments[1:] for n in ast.walk(value))


def _every_way(branches: list[_Branch], statements: dict[int, ast.stmt], depth: int = 0) -> bool:
    """Whether the places on `branches` (apart from each other, `_exclusive`) are on every way through the body: each
    block of the `if` or `try` where their paths part holds one, at its top or on every way through it."""
    if not branches or any(len(branch) <= depth for branch in branches):
        return any(len(branch) == depth for branch in branches)
    statement = statements.get(branches[0][depth][0])
    if statement is None or any(branch[depth][0] != branches[0][depth][0] for branch in branches):
        return False
    for index in range(len(_alternatives(statement))):
        within = [branch for branch in branches if branch[depth][1] == index]
        if not _every_way(within, statements, depth + 1):
            return False
    return True


def _stand_for_nothing(values: list[ast.expr]) -> bool:
    """Whether no string, container or `True` can be read from any of the values, wherever it is read
    (`_Finder._values`, `_containers`, `_is_true`): a call other than those read for a default (`os.getenv(...)`,
    `x.get(...)`, `ask(..., default=...)`), an attribute or item of something other than a name or literal, a number
    or `None`. Speed machinery: a name bound only to such values need not be looked for further."""
    return all(map(_stands_for_nothing, values))


def _stands_for_nothing(value: ast.expr) -> bool:
    if isinstance(value, ast.Call):
        func = value.func
        read_for_default = _environment_read(value) is not None or _keyword(value, "default") is not None
        return not read_for_default and not (isinstance(func, ast.Attribute) and func.attr == "get" and value.args)
    if isinstance(value, ast.Attribute):
        return not isinstance(value.value, ast.Name)
    if isinstance(value, ast.Subscript):
        return not isinstance(value.value, ast.Name | ast.Dict | ast.List | ast.Tuple | ast.Set)
    if isinstance(value, ast.Constant):
        return not isinstance(value.value, str) and value.value is not True
    return isinstance(value, ast.Compare | ast.UnaryOp | ast.Await | ast.Lambda)


def _one_namespaced_literal(values: list[ast.expr]) -> bool:
    """Whether every value is the same `owner/name` string literal. An owner-less word written twice may be a
    notebook's `output_dir = "run-sft"` run again, a folder the program writes, not something it reads."""
    first = values[0] if values else None
    return (
        isinstance(first, ast.Constant)
        and isinstance(first.value, str)
        and "/" in first.value
        and all(_same_constant(value, first) for value in values)
    )


@dataclass(frozen=True)
class _Binding:
    """A statement of a straight-line body that binds a name: its lines, and the value of a plain `name = value`
    (None for any other binding: a loop, an `if`, an augmented assignment)."""

    first: int
    last: int
    statement: ast.stmt
    value: ast.expr | None


def _straight_bindings(body: list[ast.stmt], name: str, spelled: _Spelled) -> list[_Binding] | None:
    """The statements of `body` that bind `name`, in order (only those spelling it are looked into); None when a
    function or class of the body binds it too (a parameter, a `global`), or when more than one assignment gives it
    a value of its own: the name is then no constant, as `_constant_values` reads it."""
    found = []
    for statement in body:
        first, last = _span(statement)
        if not _within(spelled.name, first, last):
            continue
        if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            if statement.name == name or _count_bindings([statement], name, spelled, 0):
                return None
            continue
        target, value = _single_assignment(statement)
        if target == name or _count_bindings([statement], name, spelled, 0):
            plain = target == name and not _reads(value, name)  # `name = name.split("/")[-1]` holds no literal
            found.append(_Binding(first, last, statement, value if plain else None))
    # one value, rebound only from itself: two values in sequence are not followed (`_constant_values`), a
    # notebook's cell run again (`output_dir = "run-sft"` twice) names a folder the program writes
    return found if sum(binding.value is not None for binding in found) <= 1 else None


def _reads(node: ast.expr | None, name: str) -> bool:
    return node is not None and any(isinstance(n, ast.Name) and n.id == name for n in ast.walk(node))


def _straight_block(statement: ast.stmt, line: int) -> list[ast.stmt] | None:
    """The block of `statement` that holds `line` and runs straight from its start: a branch of an `if` (the
    `if __name__ == "__main__":` of a script), a `with`'s body, a `try`'s body. None inside a loop or a handler."""
    blocks: list[list[ast.stmt]] = []
    if isinstance(statement, ast.If):
        blocks = [statement.body, statement.orelse]
    elif isinstance(statement, ast.With | ast.AsyncWith | ast.Try | ast.TryStar):
        blocks = [statement.body]
    for block in blocks:
        if block and _span(block[0])[0] <= line <= _span(block[-1])[1]:
            return block
    return None


@dataclass(frozen=True)
class _Spelled:
    """The sorted lines that spell a name, and those that spell a binding inside an expression (`:=`, `lambda`, a
    comprehension's `for`)."""

    name: list[int]
    binders: list[int]


_ASCII_WORD = re.compile(r"[A-Za-z0-9_]")


def _f_string_lines(source: str) -> list[int]:
    """The sorted lines on which an f-string may start."""
    quotes = [match.start() for match in _F_STRING_QUOTE.finditer(source)]
    if not quotes:
        return []
    if "\r" in source:
        breaks = [match.end() for match in _LINE_BREAK.finditer(source)]
        return sorted({bisect.bisect_right(breaks, quote) + 1 for quote in quotes})
    counts = itertools.accumulate(map(source.count, itertools.repeat("\n"), [0, *quotes[:-1]], quotes))
    return list(dict.fromkeys(count + 1 for count in counts))  # the line breaks before each quote, counted once


def _marked_lines(text: str) -> Lines | None:
    """The lines that hold a marker word (`Markers.lines`). In a file that is not ASCII, a character that stands for
    an ASCII letter, digit or underscore in another case or as a name reads it (NFKC: a fullwidth letter, the Kelvin
    sign) may spell a marker: such a file's words are looked for in its text as Python reads its names, lower-cased
    (no character normalises to a line break, so the lines stay the file's). None for a file that starts with a
    byte-order mark, which `ast` does not parse: the whole file is parsed, and its error reported as before."""
    if text.isascii():
        return _MARKERS.lines(text)
    if text.startswith("\ufeff"):
        return None
    if not _spelled_in_ascii(text):
        text = unicodedata.normalize("NFKC", text).lower()
    return _WRITTEN_MARKERS.lines(text)


def _spelled_in_ascii(text: str) -> bool:
    """Whether no character of the text outside ASCII stands for an ASCII letter, digit or underscore, in a name
    (NFKC: a fullwidth letter) or in another case (the Kelvin sign, a dotted capital I)."""
    others = set(_ASCII_RUNS.sub("", text))  # (a set of the whole text: ten times as long)
    return not any(map(_stands_for_ascii, others))


@lru_cache(maxsize=4096)
def _stands_for_ascii(character: str) -> bool:
    c = character
    forms = unicodedata.normalize("NFKC", c) + c.lower() + c.upper() + c.casefold()
    return _ASCII_WORD.search(forms) is not None


_ASCII_RUNS = re.compile(r"[\x00-\x7f]+")


def _count_bindings(roots: Sequence[ast.AST], name: str, spelled: _Spelled | None, most: int) -> int:
    """How many times `name` is bound in the subtrees of `roots` (as `Name` stored, parameter or import), counted up
    to one past `most` (the assignments a constant has: one binding more makes it none). Walked in source order, so
    that a parameter is met first. With `spelled`, a subtree none of whose lines spells the name is not walked (a name
    is bound where it is written), nor an expression read (not assigned to) none of whose lines spells a binding. An
    f-string is walked whole: the positions of its parts are not reliable before Python 3.12."""
    count = 0
    stack: list[tuple[ast.AST, _Spelled | None]] = [(root, spelled) for root in reversed(roots)]
    while stack and count <= most:
        node, lines = stack.pop()
        if _bound_name(node) == name:
            count += 1
        inner = None if isinstance(node, ast.JoinedStr) else lines
        children = _children(node)
        stack.extend((child, inner) for child in reversed(children) if inner is None or _may_bind(child, inner))
    return count


def _bindings_but_parameters(tree: ast.Module, name: str) -> int:
    """How many times `name` is bound in the module other than as a function's (or lambda's) parameter, which binds
    it in the function's own scope only, whatever the function says."""
    parameters = sum(1 for node in ast.walk(tree) if isinstance(node, ast.arg) and node.arg == name)
    return _count_bindings([tree], name, None, 1 << 30) - parameters


def _may_bind(node: ast.AST, spelled: _Spelled) -> bool:
    if not _spans(node, spelled.name):
        return False
    read = isinstance(node, ast.expr) and not isinstance(getattr(node, "ctx", None), ast.Store)
    return not read or _spans(node, spelled.binders)


def _spans(node: ast.AST, lines: list[int]) -> bool:
    """Whether one of `lines` (sorted) is among the node's lines (its decorators' too); true for a node without."""
    first: int | None = getattr(node, "lineno", None)
    if first is None:
        return True
    if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
        first, last = _span(node)
    else:
        last = getattr(node, "end_lineno", None) or first
    return _within(lines, first, last)


def _within(lines: list[int], first: int, last: int) -> bool:
    """Whether one of `lines` (sorted) is between `first` and `last`."""
    index = bisect.bisect_left(lines, first)
    return index < len(lines) and lines[index] <= last


def _bound_name(node: ast.AST) -> str | None:
    if isinstance(node, ast.Name):
        return node.id if isinstance(node.ctx, ast.Store) else None
    if isinstance(node, ast.arg):
        return node.arg
    if isinstance(node, ast.alias):
        return (node.asname or node.name).split(".")[0]
    return None


# Fields that never hold a node a question of ours asks about: names and numbers, and the context and operator nodes
# (`Load`, `Add`, `Eq`) that every expression carries. Leaving them out makes a walk visit far fewer nodes.
_LEAF_FIELDS = frozenset({"ctx", "op", "ops", "id", "attr", "arg", "kind", "conversion", "type_comment", "level"})
_CHILD_FIELDS: dict[type, tuple[str, ...]] = {}


def _child_fields(cls: type) -> tuple[str, ...]:
    fields = _CHILD_FIELDS.get(cls)
    if fields is None:
        fields = _CHILD_FIELDS[cls] = tuple(f for f in getattr(cls, "_fields", ()) if f not in _LEAF_FIELDS)
    return fields


def _children(node: ast.AST) -> list[ast.AST]:
    """`ast.iter_child_nodes` without the context and operator nodes, in the same order."""
    children: list[ast.AST] = []
    fields = _CHILD_FIELDS.get(type(node))
    for field in _child_fields(type(node)) if fields is None else fields:
        value = getattr(node, field, None)
        if type(value) is list:
            children += [item for item in value if isinstance(item, ast.AST)]
        elif isinstance(value, ast.AST):
            children.append(value)
    return children


def _walk(tree: ast.AST, spelled: list[int] | None = None) -> Iterator[ast.AST]:
    """`ast.walk` (breadth first, in the same order) without the context and operator nodes; with `spelled`, the
    sorted lines that spell a word, without the subtrees that hold none of them (an f-string is walked whole)."""
    queue: deque[tuple[ast.AST, list[int] | None]] = deque([(tree, spelled)])
    while queue:
        node, lines = queue.popleft()
        inner = None if isinstance(node, ast.JoinedStr) else lines
        queue.extend((child, inner) for child in _children(node) if inner is None or _spans(child, inner))
        yield node


def _standing_alone(statement: ast.stmt) -> bool:
    return isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant)


def _flattened(node: ast.If | ast.BinOp) -> Iterator[ast.AST]:
    """The children of an `if` and of the `elif`s chained under it, or of a chain of binary operations (`a + b + c`),
    in source order, without descending once per link: generated code chains thousands."""
    if isinstance(node, ast.BinOp):
        rights = []
        left: ast.expr = node
        while isinstance(left, ast.BinOp):
            rights.append(left.right)
            left = left.left
        yield left
        yield from reversed(rights)
        return
    while True:
        yield node.test
        yield from node.body
        if len(node.orelse) != 1 or not isinstance(node.orelse[0], ast.If):
            yield from node.orelse
            return
        node = node.orelse[0]


def _module_statements(body: list[ast.stmt], branch: _Branch) -> Iterator[tuple[_Branch, ast.stmt]]:
    """Each statement of `body` and of the blocks of its `if`s and `try`s, in order, with the branch it is on;
    with a stack, not recursion: an `elif` chain nests one `if` in another, thousands deep in generated code."""
    stack = [(branch, iter(body))]
    while stack:
        on, statements = stack[-1]
        statement = next(statements, None)
        if statement is None:
            stack.pop()
            continue
        yield on, statement
        blocks = _alternatives(statement)
        stack.extend(
            (((*on, (id(statement), index)), iter(block))) for index, block in reversed(list(enumerate(blocks)))
        )


def _alternatives(statement: ast.stmt) -> list[list[ast.stmt]]:
    """The blocks of which one runs: an `if`'s body and its `else`; a `try`'s body (with its `else`) and handlers."""
    if isinstance(statement, ast.If):
        return [statement.body, statement.orelse]
    if isinstance(statement, ast.Try | ast.TryStar):
        return [statement.body + statement.orelse, *(handler.body for handler in statement.handlers)]
    return []


def _exclusive(branches: list[_Branch]) -> bool:
    """Whether every two places sit in different blocks of the same `if` or `try` (where their paths part, both go
    into blocks of one statement). Told from the tree of the paths, each step once: comparing every pair takes time
    that grows with the square of the places (thousands of `except` handlers each setting a name)."""
    root: dict[tuple[int, int], dict[Any, Any]] = {}
    ended: set[int] = set()  # the tree's nodes where a path ends
    for branch in branches:
        node = root
        for statement, block in branch:
            if id(node) in ended or (node and next(iter(node))[0] != statement):
                return False  # a place is on the way to this one, or the paths part between two statements
            node = node.setdefault((statement, block), {})
        if node or id(node) in ended:
            return False  # this place is on the way to another, or is another
        ended.add(id(node))
    return True


# Words of a name that say a string holds a config file: `DEFAULT_CONFIG_CONTENTS`, `config_yaml`, `SETTINGS_JSON`.
_EMBEDDED_WORDS = frozenset({"config", "yaml", "yml", "json"})


# The calls that parse a string as YAML: PyYAML's `yaml.safe_load(TEXT)` (its module's functions only: a `load` is any
# program's), a library's `from_yaml(TEXT)` (Indexify's `ExtractionGraph.from_yaml(spec)`, a pipeline's own).
_YAML_MODULE_PARSERS = frozenset({"safe_load", "load", "full_load"})
_YAML_PARSERS = frozenset({"from_yaml", "from_yaml_string", "load_yaml_string"})
# The methods that write a string to a file: `Path.write_text`, a file object's `write`.
_FILE_WRITES = frozenset({"write_text", "write"})
# The endings of the config files a written string is read as, and the ending the config reader is given for each.
_CONFIG_ENDINGS = {".yaml": ".yaml", ".yml": ".yaml", ".json": ".json"}


def _config_file_ending(target: ast.expr) -> str | None:
    """The config ending (`.yaml`, `.json`) of the file an expression opens or names, by the literal file name in it
    (`directory / "preset.yml"`, `Path("config.json")`, `open("run.yaml", "w")`, `tmp_path.joinpath("x.yml")`), or
    None."""
    for node in ast.walk(target):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            name = node.value.lower().rsplit("/", 1)[-1]
            ending = _CONFIG_ENDINGS.get(name[name.rfind(".") :]) if "." in name else None
            if ending is not None:
                return ending
    return None


def _json_object(text: str) -> bool:
    """Whether a string is, as a whole, a JSON object: a spec a program registers or loads (a test's
    `model = \"\"\"{"model_specs": [{"model_id": "org/x"}]}\"\"\"` then `client.register_model(model=model)`), whatever
    its variable is named."""
    stripped = text.strip()
    if not (stripped.startswith("{") and stripped.endswith("}")):
        return False
    import json  # here: only a string shaped so is parsed

    try:
        return isinstance(json.loads(stripped), dict)
    except ValueError:
        return False


def _is_enum(cls: ast.ClassDef) -> bool:
    """Whether a class derives from an enum (`Enum`, `str, Enum`, `enum.StrEnum`)."""
    return any((_call_name(base) or "").endswith("Enum") for base in cls.bases)


def _is_constant_namespace(cls: ast.ClassDef) -> bool:
    """Whether a class is an enum written without `Enum`: no base, and a body of string constants only
    (`class AvailableModel: CLAUDE_3_7_SONNET = "anthropic.claude-3-7-sonnet-20240607"`)."""
    body = cls.body[1:] if cls.body and isinstance(_docstring_value(cls.body[0]), str) else cls.body
    return (
        not cls.bases
        and bool(body)
        and all(
            isinstance(statement, ast.Assign)
            and isinstance(statement.value, ast.Constant)
            and isinstance(statement.value.value, str)
            for statement in body
        )
    )


def _docstring_value(statement: ast.stmt) -> object:
    return (
        statement.value.value if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant) else None
    )


# The names a method reads its own class's attributes through: `self.X`, and `cls.X` in a classmethod.
_CLASS_OWNERS = frozenset({"self", "cls"})


def _single_assignment(statement: ast.stmt) -> tuple[str | None, ast.expr | None]:
    if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
        target = statement.targets[0]
        return (target.id if isinstance(target, ast.Name) else None), statement.value
    if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
        return statement.target.id, statement.value
    return None, None


_PAIRS_DICTS = frozenset({"OrderedDict", "dict"})
# The Hub's address, and the words of a name for its endpoint (`HF_ENDPOINT`, `hub_endpoint`), with `endpoint`.
_HUB_ENDPOINT = "https://huggingface.co"
_HUB_HOST = re.compile(r"https?://(?:www\.)?(?:huggingface\.co|hf\.co)/?", re.IGNORECASE)
_HUB_WORDS = frozenset({"hf", "huggingface", "hub"})


def _pairs_dict(value: ast.expr | None) -> ast.expr | None:
    """`OrderedDict([("org/x", cfg), ...])`, `dict([...])`: a dict built from a list of pairs, as the dict literal it
    is (each key where it is written); any other value as it is."""
    if not (isinstance(value, ast.Call) and _call_name(value.func) in _PAIRS_DICTS and len(value.args) == 1):
        return value
    pairs = value.args[0]
    if not isinstance(pairs, ast.List | ast.Tuple) or value.keywords:
        return value
    if not all(isinstance(pair, ast.Tuple) and len(pair.elts) == 2 for pair in pairs.elts):
        return value
    entries = [pair.elts for pair in pairs.elts if isinstance(pair, ast.Tuple)]
    return ast.Dict(keys=[key for key, _ in entries], values=[item for _, item in entries])


# --- the walk ---------------------------------------------------------------------------------------------------


class _Finder:
    def __init__(
        self,
        tree: ast.Module,
        source: str,
        context: FileContext,
        mentions: Lines | None,
        module: _Statements | None = None,
    ) -> None:
        self.tree = tree
        self.module = module  # when set, `tree` holds the marked statements only; `module` is the whole file
        self.source = source
        self.context = context
        self.mentions = mentions
        self.loop_values: dict[str, list[ast.expr]] = {}
        self.scopes: list[_Function] = []  # the functions being walked, innermost last
        self.classes: list[ast.ClassDef] = []  # the classes being walked, innermost last
        self.self_assigned: dict[int, dict[str, list[tuple[ast.FunctionDef | ast.AsyncFunctionDef, ast.expr]]]] = {}
        self.passed_to_base: dict[int, dict[str, list[tuple[_Function, ast.expr]]]] = {}
        self.scope_assignments: dict[int, dict[str, list[tuple[_Branch, ast.expr]]]] = {}  # by function
        self.scope_constants: dict[tuple[int, str], list[ast.expr] | None] = {}  # by function and name, when asked
        self.module_constants: dict[str, list[ast.expr]] = {}  # of a module read whole, by name, when asked
        self.constants: dict[tuple[int, str], list[ast.expr]] = {}  # `_constant`, by innermost function and name
        self.clients: dict[tuple[int, str], str | None] = {}  # `_bound_client`, by innermost function and name
        self.assigned: dict[int, set[str]] = {}  # by function: the names its lines assign (`_assigns`)
        # by body and name: the statements of a straight-line body that bind the name (`_reaching_in`), with the body
        # (kept alive, so that its id stays its own)
        self.straight_bindings: dict[tuple[int, str], tuple[list[ast.stmt], list[_Binding] | None]] = {}
        self.read: set[int] = set()  # ids of the nodes a loader read: no named default reports them again
        self.unused: set[int] = set()  # ids of the values bound to names of what a program does not use (`WRITTEN`)
        self.embedded: set[int] = set()  # ids of the strings read as a config file's text (`_read_embedded`)
        self.named: list[_Named] = []
        # the names a catalogue's records give the Hub repository beside them (`ModelInfo(name="MiniMax-M2", hf_repo=
        # "MiniMaxAI/MiniMax-M2")`): that name elsewhere in the file is the record's label (`_named_artefacts`)
        self.labels: set[str] = set()
        # (table, argument names) pairs a parametrize decorator read: a table shared by many tests is read once
        self.parametrized: set[tuple[tuple[int, ...], tuple[str, ...]]] = set()
        self.passed: list[_Passed] = []  # parameters of the file's functions that a loader reads (`_note_passed`)
        self.found: list[Reference] = []

    @cached_property
    def before_placeholders(self) -> set[int]:
        """The strings of the file's f-strings that a `{...}` follows (`f"--model org/{name}"`: `--model org/`),
        found once, when a string first holds a command line's flag (`_command_line`), in the statements that hold
        the lines an f-string starts on."""
        return {
            id(part)
            for node in _walk(self.tree, _f_string_lines(self.source))
            if isinstance(node, ast.JoinedStr)
            for part, after in zip(node.values, node.values[1:], strict=False)
            if isinstance(after, ast.FormattedValue)
        }

    @cached_property
    def written_folders(self) -> frozenset[str]:
        """The owner-less strings the file gives as a folder it writes (`_SAVERS`, `_OUTPUT_KEYWORDS`), literal or
        held by a module constant: a loader given one reads what the program saved, not the Hub's."""
        roots: list[ast.AST] = [self.tree]
        lines: list[int] | None = None  # those that spell a saver's or an output keyword's name: the walk skips others
        if self.module is not None:
            roots = list(self.module.spelling(("save", *_OUTPUT_KEYWORDS)))
            lines = self.module.words.lines([*_SAVERS, *_OUTPUT_KEYWORDS])
        written: set[str] = set()
        for node in (node for root in roots for node in _walk(root, lines)):
            if isinstance(node, ast.Call):
                for argument in _written_arguments(node):
                    written.update(text for text in self._folder_texts(argument) if "/" not in text)
        return frozenset(written)

    def _folder_texts(self, node: ast.expr) -> list[str]:
        if isinstance(node, ast.Name):
            return [text for value in self._module_constant(node.id) if (text := _string(value)) is not None]
        text = _string(node)
        return [text] if text is not None else []

    @cached_property
    def ascii(self) -> bool:
        return self.source.isascii()

    @cached_property
    def speaks_of_ollama(self) -> bool:
        """Whether the file shows an Ollama server is meant (`ollama.server_in`)."""
        return ollama.server_in(self.source, self.context.path)

    @cached_property
    def speaks_of_local_server(self) -> bool:
        """Whether the file shows a local OpenAI-compatible server such as LM Studio is meant (`local_servers`)."""
        return local_servers.server_in(self.source, self.context.path)

    @cached_property
    def apis(self) -> frozenset[str]:
        """The hosted APIs the file shows it calls, whose catalog names count in it (`discover/apis.py`)."""
        # the provider a module of model classes is named for: `from agno.models.cerebras import CerebrasOpenAI`
        filed = (apis.path_contexts(module.replace(".", "/") + "/") for module in self.model_imports[0])
        return (apis.contexts(self.source, self.context.path) | self.context.around_apis).union(*filed)

    @cached_property
    def lines(self) -> list[str]:
        """The source's lines, split as `ast` splits: at \\r\\n, \\r and \\n only (`str.splitlines`, faster, where
        the source holds no other character it splits at)."""
        if _OTHER_LINE_BREAKS.search(self.source):
            return _LINES.findall(self.source)
        return self.source.splitlines(keepends=True)

    @cached_property
    def words(self) -> _Words:
        """Where each word of the file is written."""
        return self.module.words if self.module is not None else _Words(self.source)

    def _spelling(self, words: Iterable[str]) -> list[int]:
        """The lines that spell one of `words` (ASCII)."""
        return self.words.lines(words)

    def _spelled(self, name: str) -> _Spelled | None:
        return self.words.spelled(name) if name.isascii() else None

    @cached_property
    def module_assignments(self) -> dict[str, list[tuple[_Branch, ast.expr]]]:
        return _assignments(self.tree.body)

    def _module_constant(self, name: str) -> list[ast.expr]:
        if self.module is not None:
            return self.module.constant(name)
        values = self.module_constants.get(name)
        if values is None:
            assignments = self.module_assignments.get(name, [])
            candidates = _candidate_values(assignments, name) if assignments else None
            bindings = _count_bindings([self.tree], name, self._spelled(name), len(assignments)) if candidates else 0
            values = self.module_constants[name] = _constant_values(assignments, bindings, name) or []
        return values

    @cached_property
    def options(self) -> dict[str, list[ast.expr]]:
        """The defaults of the command-line options the file declares, by the attribute a parsed namespace holds
        each in (`--adapter` or `dest="adapter"`: `args.adapter`)."""
        return _options(self.tree, self._spelling(_OPTION_CALLS))

    @cached_property
    def all_options(self) -> dict[str, list[ast.expr]]:
        """The options declared anywhere in the file, read from the statements that spell an option call."""
        if self.module is None:
            return self.options
        body = self.module.spelling(tuple(_OPTION_CALLS))
        return _options(ast.Module(body=body, type_ignores=[]), self._spelling(_OPTION_CALLS))

    @cached_property
    def ollama_imports(self) -> tuple[frozenset[str], dict[str, str]]:
        """The names `ollama` is imported as, and the names imported from it, by the name each is bound to: none,
        without walking the module, in a file that does not spell the word."""
        modules: set[str] = set()
        names: dict[str, str] = {}
        if "ollama" not in self.source.lower():
            return frozenset(), names
        for node in _walk(self.tree):
            if isinstance(node, ast.Import):
                modules |= {a.asname or a.name for a in node.names if _is_ollama_module(a.name)}
            elif isinstance(node, ast.ImportFrom) and _is_ollama_module(node.module):
                names |= {a.asname or a.name: a.name for a in node.names}
        return frozenset(modules), names

    @cached_property
    def llm_is_a_router(self) -> bool:
        """Whether the module imports `LLM` from a package whose `LLM` routes to hosted APIs (`_LLM_ROUTER_PACKAGES`).
        Only the module's own statements are read, not its whole tree: such imports stand at its top."""
        return any(
            isinstance(statement, ast.ImportFrom)
            and (statement.module or "").split(".")[0] in _LLM_ROUTER_PACKAGES
            and any(alias.name == "LLM" for alias in statement.names)
            for statement in self.tree.body
        )

    @cached_property
    def lmdeploy_names(self) -> frozenset[str]:
        """The names the module's own statements import from LMDeploy's `_LMDEPLOY_CALLS`, as they are bound
        (`from lmdeploy import pipeline`): such imports stand at its top."""
        if _LMDEPLOY_MODULE not in self.source:
            return frozenset()
        return frozenset(
            alias.asname or alias.name
            for statement in self.tree.body
            if isinstance(statement, ast.ImportFrom) and (statement.module or "").split(".")[0] == _LMDEPLOY_MODULE
            for alias in statement.names
            if alias.name in _LMDEPLOY_CALLS
        )

    @cached_property
    def txtai_names(self) -> dict[str, str]:
        """The loaders the module's own statements import from txtai (`_TXTAI_LOADERS`), by the name they are bound
        to (`from txtai.pipeline import Summary as S`): such imports stand at its top."""
        if _TXTAI_MODULE not in self.source:
            return {}
        return {
            alias.asname or alias.name: alias.name
            for statement in self.tree.body
            if isinstance(statement, ast.ImportFrom) and (statement.module or "").split(".")[0] == _TXTAI_MODULE
            for alias in statement.names
            if alias.name in _IMPORTED_LOADERS[_TXTAI_MODULE]
        }

    def _txtai_loader(self, func: ast.expr) -> _Loader | None:
        """txtai's loader a call is: `Summary(...)` imported from txtai, `txtai.Embeddings(...)`, or a tool it made
        once (`trainer = HFTrainer()`, then `trainer("org/x", data)`)."""
        if isinstance(func, ast.Attribute) and _receiver_name(func) == _TXTAI_MODULE:
            return _TXTAI_LOADERS.get(func.attr)
        if not (isinstance(func, ast.Name) and self.txtai_names):
            return None
        name = self.txtai_names.get(func.id)
        if name in _TXTAI_LOADERS:
            return _TXTAI_LOADERS[name]
        made = [
            self.txtai_names.get(_call_name(v.func) or "") for v in self._bound_to(func.id) if isinstance(v, ast.Call)
        ]
        return _TXTAI_CALLABLES.get(made[0] or "") if len(made) == 1 else None

    def _calls_lmdeploy(self, func: ast.expr) -> bool:
        """`lmdeploy.pipeline(...)`, or `pipeline(...)` imported from lmdeploy."""
        if isinstance(func, ast.Attribute):
            return func.attr in _LMDEPLOY_CALLS and _receiver_name(func) == _LMDEPLOY_MODULE
        return isinstance(func, ast.Name) and func.id in self.lmdeploy_names

    def _library_loader(self, func: ast.expr, name: str) -> _Loader | None:
        """The loaders kept out of `_LOADERS` (their names are common words), known by their callee or import."""
        if name == "load_model" and _receiver_name(func) == "whisperx":
            return _WHISPERX
        if name == "download_model" and self._downloads_faster_whisper(func):
            return _FASTER_WHISPER_DOWNLOAD
        if name in _CONFIG_LOADERS and _called_on_class(func):
            return _CONFIG_LOADER
        return _BY_NAME_ONLY.get(name)

    def _own_module(self, func: ast.expr) -> bool:
        """Whether a call's receiver is a module of the project's own that shadows a library's (`import datasets`
        beside a `datasets.py`, whose `load_dataset("ptb")` reads a corpus of its own): Python imports the module in
        the script's folder first. A folder without `__init__.py` (a `datasets/` of data files) shadows nothing."""
        receiver = _receiver_name(func)
        if receiver is None or receiver in _CLASS_OWNERS:
            return False
        folder = self.context.path.rpartition("/")[0]
        module = f"{folder}/{receiver}" if folder else receiver
        return self.context.is_local_path(f"{module}.py") or self.context.is_local_path(f"{module}/__init__.py")

    def _downloads_faster_whisper(self, func: ast.expr) -> bool:
        """`faster_whisper.download_model(...)`, or `download_model(...)` imported from faster_whisper."""
        if isinstance(func, ast.Attribute):
            return _receiver_name(func) == "faster_whisper"
        return self.faster_whisper_download_imported

    @cached_property
    def faster_whisper_download_imported(self) -> bool:
        """Whether the module imports `download_model` from faster_whisper (its own statements: imports stand at its
        top)."""
        return any(
            isinstance(statement, ast.ImportFrom)
            and (statement.module or "").split(".")[0] == "faster_whisper"
            and any(alias.name == "download_model" and alias.asname is None for alias in statement.names)
            for statement in self.tree.body
        )

    @cached_property
    def mlx_loads(self) -> tuple[frozenset[str], frozenset[str]]:
        """The names MLX's model packages are imported as, and the names their `load` is bound to (`mlx_load`)."""
        modules: set[str] = set()
        loads: set[str] = set()
        if "mlx_" not in self.source:
            return frozenset(), frozenset()
        for node in _walk(self.tree):
            if isinstance(node, ast.Import):
                modules |= {a.asname or a.name for a in node.names if _is_mlx_module(a.name)}
            elif isinstance(node, ast.ImportFrom) and _is_mlx_module(node.module):
                loads |= {a.asname or a.name for a in node.names if a.name == "load"}
        return frozenset(modules), frozenset(loads)

    def _is_mlx_load(self, func: ast.expr) -> bool:
        """`load(ID)` imported from `mlx_lm` or `mlx_vlm` (under any name), or `mlx_lm.load(ID)`."""
        modules, loads = self.mlx_loads
        if not (modules or loads):  # most files import no MLX loader
            return False
        if isinstance(func, ast.Name):
            return func.id in loads
        return (
            isinstance(func, ast.Attribute)
            and func.attr == "load"
            and isinstance(func.value, ast.Name)
            and func.value.id in modules
        )

    def references(self) -> list[Reference]:
        self._visit(self.tree)
        self._module_named()
        found = self.found + (self._passed_references() if self.passed else []) + self._named_references()
        return sorted(_without_spelled_twice(found), key=lambda r: (r.line, r.column))

    def _visit(self, node: ast.AST) -> None:
        """Walk `node`, keeping the references found in `self.found` and the named defaults in `self.named`."""
        if type(node) in _PLAIN:
            self._visit_children(node)
        else:
            self._visit_node(node)

    def _visit_children(self, node: ast.AST) -> None:
        for child in _flattened(node) if isinstance(node, ast.If | ast.BinOp) else _children(node):
            kind = type(child)
            if kind is ast.Name:  # a name alone holds nothing: no child, no named default
                continue
            if kind in _PLAIN:  # `_visit`, written out: most nodes are walked here
                self._visit_children(child)
            else:
                self._visit_node(child)

    def _visit_node(self, node: ast.AST) -> None:
        if isinstance(node, ast.stmt) and (not self._mentioned(node) or _standing_alone(node)):
            return  # a string standing alone (a docstring, a note) is never read
        if isinstance(node, ast.Constant):
            if isinstance(node.value, str):
                self.found += self._url(node)
                self._command_line(node)
                self._model_args(node)
            return
        if isinstance(node, ast.For | ast.AsyncFor):
            self._loop(node)
            return
        if isinstance(node, _COMPREHENSIONS):
            self._comprehension(node)
            return
        if isinstance(node, ast.Call):
            if _prefix_test(node):  # `model.startswith("openai/o1")`: what a value is tested against, no model used
                self._visit(node.func)
                return
            self.found += self._call(node)
            self._endpoint_urls(node)
            self._written_config(node)
            self._parsed_config(node)
        else:
            self._note_named(node)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            self._function(node)
        elif isinstance(node, ast.ClassDef):
            self._class(node)
        else:
            self._visit_children(node)

    def _class(self, cls: ast.ClassDef) -> None:
        self.classes.append(cls)
        mentions = self.mentions
        if _loader_base(cls) is not None:  # `super().__init__(hf_repo=hf_repo)` names no marker: the base does
            self.mentions = None
        try:
            self._visit_children(cls)
            if self.mentions is None and self.module is not None:  # a class given in part: its `__init__` as well
                for method in self.module.left_out_methods(cls, "__init__"):
                    self._visit(method)
        finally:
            self.classes.pop()
            self.mentions = mentions

    def _function(self, function: _Function) -> None:
        self._parameters(function.args, function.name)
        self.scopes.append(function)
        mentions = self.mentions
        if self._in_models_function():  # `register(Responses("o3"))` holds no marker word: its function's name does
            self.mentions = None
        try:
            self._returned(function)  # what it returns is read in its own scope: `value = ID; return value`
            for child in _children(function):
                self._visit(child)
        finally:
            self.scopes.pop()
            self.mentions = mentions

    def _mentioned(self, statement: ast.stmt) -> bool:
        """Whether a statement holds a marker word, without which nothing in it can be a reference (a value it
        assigns is still followed from the statement that reads it)."""
        return self.mentions is None or self.mentions.any_within(*_span(statement))

    def _loop(self, loop: ast.For | ast.AsyncFor) -> None:
        """Inside the loop's body the target stands for the items of a literal sequence, else for nothing."""
        self._visit(loop.iter)
        self._named_loop(loop)
        mentions, self.mentions = self.mentions, None  # the body may use the target on lines naming no marker
        try:
            with self._bound(self._loop_bindings(loop.target, loop.iter)):
                for statement in loop.body:
                    self._visit(statement)
        finally:
            self.mentions = mentions
        for statement in loop.orelse:
            self._visit(statement)

    def _named_loop(self, loop: ast.For | ast.AsyncFor) -> None:
        """`for model in ["llama3.1", "phi3"]:`: a loop variable named for a model holds each item of the literal
        sequence it runs over, as a variable so named holds the literal bound to it, whatever the body does."""
        if isinstance(loop.target, ast.Name) and isinstance(loop.iter, ast.List | ast.Tuple | ast.Set):
            kind = apis.name_kind(loop.target.id)
            for item in loop.iter.elts if kind is not None else ():
                self._defer(item, kind, "loop")

    def _comprehension(self, node: ast.ListComp | ast.SetComp | ast.GeneratorExp | ast.DictComp) -> None:
        with ExitStack() as stack:
            for generator in node.generators:
                self._visit(generator.iter)
                stack.enter_context(self._bound(self._loop_bindings(generator.target, generator.iter)))
                for condition in generator.ifs:
                    self._visit(condition)
            parts = [node.key, node.value] if isinstance(node, ast.DictComp) else [node.elt]
            for part in parts:
                self._visit(part)

    @contextmanager
    def _bound(self, bindings: dict[str, list[ast.expr]]) -> Iterator[None]:
        outer = {name: self.loop_values.get(name) for name in bindings}
        self.loop_values.update(bindings)
        try:
            yield
        finally:
            for name, values in outer.items():
                if values is None:
                    del self.loop_values[name]
                else:
                    self.loop_values[name] = values

    def _loop_bindings(self, target: ast.expr, iterable: ast.expr) -> dict[str, list[ast.expr]]:
        """What each name of a loop target stands for: the items of `for x in SEQ`, `for k, v in DICT.items()`,
        `for i, x in enumerate(SEQ)`, `for a, b in zip(A, B)`; nothing for the other names."""
        bindings: dict[str, list[ast.expr]] = {n.id: [] for n in _walk(target) if isinstance(n, ast.Name)}
        bindings.update(self._loop_target_items(target, iterable))
        if isinstance(target, ast.Tuple) and not any(bindings.values()):
            for element, column in zip(target.elts, self._columns(iterable, len(target.elts)), strict=False):
                if isinstance(element, ast.Name):
                    bindings[element.id] = column
        return bindings

    def _loop_target_items(self, target: ast.expr, iterable: ast.expr) -> dict[str, list[ast.expr]]:
        """The names a loop target binds to items it can read: `x` of `for x in SEQ`, `k, v` of `DICT.items()`, the
        `x` of `for i, x in enumerate(SEQ)`, `a, b` of `zip(A, B)`, and the parts of a value it unpacks
        (`for name, (repo, split) in SOURCES.items()`, `for i, (name, repo) in enumerate(ROWS)`)."""
        if isinstance(target, ast.Name):
            return {target.id: self._items(iterable)}
        if not isinstance(target, ast.Tuple | ast.List):
            return {}
        if isinstance(iterable, ast.Call) and len(target.elts) == 2:
            name = _call_name(iterable.func)
            if name == "enumerate" and iterable.args:
                return self._loop_target_items(target.elts[1], iterable.args[0])
            if name in ("items", "zip"):
                first, second = self._pairs(iterable)
                return {**_unpacked(target.elts[0], first), **_unpacked(target.elts[1], second)}
        return _unpacked(target, self._items(iterable))  # `for name, (repo, split) in ROWS`: each row's members

    def _columns(self, iterable: ast.expr, width: int) -> list[list[ast.expr]]:
        """`for abbr, path, gpus in SETTINGS`, SETTINGS a literal list of rows of as many items: each name stands for
        its column; nothing when a row is not such a literal."""
        rows = self._items(iterable)
        if not rows or not all(isinstance(row, ast.Tuple | ast.List) and len(row.elts) == width for row in rows):
            return []
        return [[row.elts[index] for row in rows if isinstance(row, ast.Tuple | ast.List)] for index in range(width)]

    def _items(self, iterable: ast.expr) -> list[ast.expr]:
        """The items `for x in ITERABLE` walks: a literal's, a dict's keys (or `.values()`), through `sorted()`..."""
        if isinstance(iterable, ast.Call) and isinstance(iterable.func, ast.Attribute) and not iterable.args:
            entries = self._entries(iterable.func.value)
            if iterable.func.attr == "keys":
                return [key for key, _ in entries]
            if iterable.func.attr == "values":
                return [value for _, value in entries]
        if isinstance(iterable, ast.Call) and _call_name(iterable.func) in _SEQUENCE_CALLS and iterable.args:
            return self._items(iterable.args[0])
        containers = self._containers(iterable)
        if _all_dicts(containers):
            return [key for container in containers for key, _ in _entries(container)]
        return [value for container in containers for _, value in _entries(container)]

    def _pairs(self, iterable: ast.expr) -> tuple[list[ast.expr], list[ast.expr]]:
        if not isinstance(iterable, ast.Call):
            return [], []
        name = _call_name(iterable.func)
        if name == "items" and isinstance(iterable.func, ast.Attribute) and not iterable.args:
            entries = self._entries(iterable.func.value)
            return [key for key, _ in entries], [value for _, value in entries]
        if name == "zip" and len(iterable.args) == 2:
            return self._items(iterable.args[0]), self._items(iterable.args[1])
        return [], []

    # --- what an expression stands for ---

    def _values(self, node: ast.expr | None, depth: int = 0) -> list[_Value]:
        """The strings `node` may stand for, following constants, loops, subscripts, defaults and f-strings."""
        if node is None or depth > _MAX_DEPTH:
            return []
        if isinstance(node, ast.Constant):
            return [_Value(node.value, node)] if isinstance(node.value, str) else []
        if isinstance(node, ast.Call):
            return self._call_values(node, depth)
        if isinstance(node, ast.JoinedStr | ast.BinOp):
            return self._composed(node, depth)
        return self._all_values(self._stands_for(node, depth), depth)

    def _stands_for(self, node: ast.expr, depth: int) -> list[ast.expr]:
        """The expressions a name, a conditional, an `or` or a subscript may evaluate to."""
        if isinstance(node, ast.Name):
            return self._bound_to(node.id) or self._reaching(node)
        if isinstance(node, ast.IfExp):
            return [node.body, node.orelse]
        if isinstance(node, ast.BoolOp):
            return node.values
        if isinstance(node, ast.Subscript):
            return self._selected(node.value, node.slice, depth)
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            return self._attribute_default(node.value.id, node.attr)
        return []

    def _test_argument(self, name: str) -> list[ast.expr]:
        """An argument of the function being walked that pytest gives it, read as a loader's argument or under a
        keyword named for a model or dataset (not in any call: `_get_bucket_and_model_id(s3_path)` splits a path):
        the rows of its column in the function's `parametrize` table (`("dataset_key, split", [["gsm8k", "train"]])`,
        then `DatasetArguments(dataset=dataset_key)`; a column named for a model is `_parametrized`'s, with the
        clients beside it), else what the file's fixture of that name returns (`@pytest.fixture def
        tiny_llama_path(): return "org/x"`, then `ModelArguments(model=tiny_llama_path)`)."""
        function = self.scopes[-1] if self.scopes else None
        if function is None or name not in {argument.arg for argument in function.args.args}:
            return []
        given = function.name.startswith("test") or any(map(_is_fixture, function.decorator_list))
        column = self._parametrized_column(function, name) if apis.name_kind(name) is None else []  # else read there
        return column or (self.fixtures.get(name, []) if given else [])

    def _parametrized_column(self, function: _Function, name: str) -> list[ast.expr]:
        for decorator in function.decorator_list:
            if not (isinstance(decorator, ast.Call) and _call_name(decorator.func) == "parametrize"):
                continue
            names = _argnames(decorator.args[0]) if len(decorator.args) >= 2 else []
            if name in names:
                rows = [row for container in self._containers(decorator.args[1]) for _, row in _entries(container)]
                if len(names) == 1:
                    return rows
                at = names.index(name)
                return [r.elts[at] for r in rows if isinstance(r, ast.Tuple | ast.List) and len(r.elts) == len(names)]
        return []

    @cached_property
    def fixtures(self) -> dict[str, list[ast.expr]]:
        """What each fixture the module defines returns, by its name: none, without reading the module, in a file
        that does not spell the word."""
        if "fixture" not in self.source:
            return {}
        body = self.tree.body if self.module is None else self.module.spelling(("fixture",))
        return {
            statement.name: returned
            for statement in body
            if isinstance(statement, ast.FunctionDef) and any(map(_is_fixture, statement.decorator_list))
            if (returned := [s.value for s in statement.body if isinstance(s, ast.Return) and s.value is not None])
        }

    def _attribute_default(self, owner: str, attribute: str) -> list[ast.expr]:
        """What `args.<attribute>` (an option's default), `self.<attribute>` (see `_instance_default`) or
        `cls.<attribute>` (see `_class_constant`) holds."""
        instance = self._instance_default(self.classes[-1], attribute) if owner == "self" and self.classes else []
        if not instance and owner in _CLASS_OWNERS and self.classes:
            instance = self._class_constant(self.classes[-1], attribute)
        return instance or self._option_default(attribute)

    def _class_constant(self, cls: ast.ClassDef, attribute: str) -> list[ast.expr]:
        """`DEFAULT_HF_REPO = "org/x"`, `hf_repo_id = "org/x"` or a dataclass's `repo_id: str = field(default="org/x")`
        in a class's body, read in its methods as `from_pretrained(self.DEFAULT_HF_REPO)`,
        `hf_hub_url(cls.hf_repo_id, ...)` or `load_dataset(self.repo_id)`: the one string the class's
        body binds the attribute to, when it is an `owner/name` or a hosted API's model name, or any word under a name
        that says what it holds (`dataset_name = "lex_glue"`, a legacy dataset the loader reads by its single name);
        an owner-less word under another name (`backend = "auto"`) is not taken: see `_parameter_default`."""
        bound = [value for target, value in map(_single_assignment, cls.body) if target == attribute and value]
        values = [default for default in map(_field_default, bound) if default is not None]  # `field(default=ID)`
        return values if len(values) == 1 and self._names_something(values[0], attribute) else []

    def _names_something(self, value: ast.expr | None, attribute: str) -> bool:
        """Whether a string an attribute is given may be what a loader reads: an `owner/name`, a hosted API's name, or
        any word under a name that says what it holds."""
        text = _string(value)
        if text is None:
            return False
        return "/" in text or bool(apis.named(text, self.apis)) or apis.name_kind(attribute) is not None

    def _instance_default(self, cls: ast.ClassDef, attribute: str) -> list[ast.expr]:
        """`self.path = path` in `__init__(self, path="org/d")`, read as `load_dataset(self.path)` in another method:
        the `owner/name` default of the parameter the class's one assignment of the attribute copies; or the string
        that one assignment is itself (a test's `setUp`: `self.default_ckpt = "org/tiny"`, then
        `from_pretrained(self.default_ckpt)`), when it is an `owner/name`, a hosted API's name or under a name for
        one."""
        literal = self._assigned_literal(cls, attribute)
        if literal is not None:
            return [literal]
        method, value = self._copied_parameter(cls, attribute)
        if method is None or value is None or apis.name_kind(value):
            return []  # `self.model_id = model_id`: a parameter named for a model is read by its name already
        default = self._parameter_default(method, value)
        return [default] if default is not None else []

    def _assigned_literal(self, cls: ast.ClassDef, attribute: str) -> ast.expr | None:
        """The string the class's one assignment of `self.<attribute>` in its methods gives it, when it names
        something (as `_class_constant` takes a class body's)."""
        assigned = self._self_assignments(cls, attribute)
        value = assigned[0][1] if len(assigned) == 1 else None
        return value if self._names_something(value, attribute) else None

    def _self_assignments(
        self, cls: ast.ClassDef, attribute: str
    ) -> list[tuple[ast.FunctionDef | ast.AsyncFunctionDef, ast.expr]]:
        """Each `self.<attribute> = value` of the class's methods, with its method."""
        assigned = self.module.self_assignments(cls, attribute) if self.module is not None else None
        if assigned is None:
            if id(cls) not in self.self_assigned:  # each class's methods walked once, whatever the attributes asked
                self.self_assigned[id(cls)] = _self_assignments(cls.body)
            assigned = self.self_assigned[id(cls)].get(attribute, [])
        return assigned

    def _copied_parameter(self, cls: ast.ClassDef, attribute: str) -> tuple[_Function | None, str | None]:
        """The method and the name of what the class's one assignment of `self.<attribute>` copies (`self.path =
        path`), else (None, None)."""
        assigned = self._self_assignments(cls, attribute)
        if not assigned:
            if id(cls) not in self.passed_to_base:
                left_out = self.module.left_out_methods(cls, "__init__") if self.module is not None else []
                self.passed_to_base[id(cls)] = _passed_to_base([*cls.body, *left_out])
            assigned = self.passed_to_base[id(cls)].get(attribute, [])
        method, value = assigned[0] if len(assigned) == 1 else (None, None)
        return (method, value.id) if method is not None and isinstance(value, ast.Name) else (None, None)

    def _parameter_default(self, function: _Function, name: str) -> ast.expr | None:
        """The default of the function's parameter `name` that names something when the caller says nothing: an
        `owner/name` string, or a hosted API's model name (`def __init__(self, path="claude-2")`, copied to
        `self.model`); an owner-less word (`"auto"`, `"default"`) is not taken."""
        default = _string_default(function, name)
        text = _string(default)
        if text is None or not ("/" in text or apis.named(text, self.apis)):
            return None
        return default

    def _option_default(self, dest: str) -> list[ast.expr]:
        """What `args.<dest>` holds when no option is given; the whole module is parsed when the option may be
        declared in a statement that names no marker. An option named for what the program writes (`--output_dir`,
        `--hub_model_id`) holds nothing a loader reads from the Hub: a training script's
        `load_lora_weights(args.output_dir)` reads back the folder it saved (`default="sd-model-finetuned-lora"`)."""
        if not WRITTEN.isdisjoint(split_words(dest)):
            return []
        defaults = self.options.get(dest, [])
        if not defaults and self.module is not None and self.spells_options:
            return self.all_options.get(dest, [])
        return defaults

    @cached_property
    def spells_options(self) -> bool:
        return any(call in self.source for call in _OPTION_CALLS)

    def _all_values(self, nodes: list[ast.expr], depth: int) -> list[_Value]:
        return [value for node in nodes for value in self._values(node, depth + 1)]

    def _bound_to(self, name: str) -> list[ast.expr]:
        if name in self.loop_values:
            return self.loop_values[name]
        return self._constant(name)

    def _reaching(self, read: ast.Name) -> list[ast.expr]:
        """What a name rebound in sequence, so no constant, holds where it is read in straight-line code: the value
        of the last plain assignment before the read. `model_name = "org/x"`, `SentenceTransformer(model_name)`,
        then `model_name = model_name.split("/")[-1]` to name what the script pushes to the Hub."""
        name = read.id
        spelled = self._spelled(name)
        if spelled is None or name in self.loop_values or self.classes:
            return []
        if self.scopes:
            function = self.scopes[-1]
            body = function.body if self._assigns(function, name) else None
        else:
            body = self.module.straight(name) if self.module is not None else self.tree.body
        if body is None:
            return []
        decided, value = self._reaching_in(body, name, spelled, read.lineno)
        return [value] if decided and value is not None else []

    def _reaching_in(
        self, body: list[ast.stmt], name: str, spelled: _Spelled, line: int
    ) -> tuple[bool, ast.expr | None]:
        """(whether `body` decides what `name` holds on `line`, that value): undecided when no statement of it before
        the line binds the name; decided with no value when that binding is no plain assignment."""
        key = (id(body), name)
        if key not in self.straight_bindings:
            self.straight_bindings[key] = (body, _straight_bindings(body, name, spelled))
        bindings = self.straight_bindings[key][1]
        if bindings is None:
            return True, None
        index = bisect.bisect_right([binding.first for binding in bindings], line) - 1
        while index >= 0:
            binding = bindings[index]
            if binding.last < line:
                return True, binding.value
            block = _straight_block(binding.statement, line)  # the read is inside the statement that binds
            if block is None:
                return True, None
            decided, value = self._reaching_in(block, name, spelled, line)
            if decided:
                return True, value
            index -= 1  # the block binds the name only after the read: look before the statement
        return False, None

    def _constant(self, name: str) -> list[ast.expr]:
        """The values of a constant of the innermost function that has it, else of the module: asked again and again
        of the same names (`model=model` in every test), so kept by the function being walked, which the functions
        around it follow."""
        key = (id(self.scopes[-1]) if self.scopes else 0, name)
        values = self.constants.get(key)
        if values is None:
            values = self.constants[key] = self._scoped_constant(name)
        return values

    def _scoped_constant(self, name: str, innermost: int | None = None) -> list[ast.expr]:
        """The values of the constant `name` of the function `self.scopes[innermost]` (the innermost by default) or
        of the first function around it that has it, else of the module."""
        at = len(self.scopes) - 1 if innermost is None else innermost
        for position in range(at, -1, -1):
            function = self.scopes[position]
            # a parameter on a line of its own (`def load(\n    path="org/d",\n)`) reads as assigned to `_assigns`
            if not self._assigns(function, name) or name not in self._body_assignments(function):
                # `def load(path="org/d"): load_dataset(path)`: what it loads when not told; a parameter named for a
                # model is read so too, the loader saying its kind (`def prep(hf_path="org/d"): load_dataset(hf_path)`)
                default = self._parameter_default(function, name)
                if default is not None:
                    return [default]
                continue
            values = self._function_constant(function, name, position)
            if values is not None:
                return values
        return self._module_constant(name)

    def _function_constant(self, function: _Function, name: str, position: int) -> list[ast.expr] | None:
        """The values of a constant of the function `self.scopes[position]` (see `_constant_values`), None when the
        name is not one. Its bindings are counted only when that may matter: not when its values, and those of the
        name around the function (where the name is looked up when it is no constant here), stand for no string."""
        key = (id(function), name)
        if key not in self.scope_constants:
            assignments = self.scope_assignments.get(id(function))
            if assignments is None:
                assignments = self.scope_assignments[id(function)] = _assignments(function.body)
            found = assignments.get(name, [])
            values = _candidate_values(found, name) if found else None  # each binding counted only when it may matter
            if (
                values is not None
                and _stand_for_nothing(values)
                and _stand_for_nothing(self._scoped_constant(name, position - 1))
            ):
                self.scope_constants[key] = values  # a constant or not, the name stands for no string
                return values
            overridden = self._overridden_default(function, name, found)
            if overridden is not None:
                self.scope_constants[key] = overridden
                return overridden
            bindings = _count_bindings([function], name, self._spelled(name), len(found)) if values is not None else 0
            self.scope_constants[key] = values if found and bindings == len(found) else None
        return self.scope_constants[key]

    def _overridden_default(
        self, function: _Function, name: str, found: list[tuple[_Branch, ast.expr]]
    ) -> list[ast.expr] | None:
        """`def prepare(self, repo_id="org/d"):` then `if flag: repo_id = OTHER` before `snapshot_download(repo_id)`:
        the parameter's default is the value a branch may replace, as a module's `repo_id = ID` then `if flag:
        repo_id = OTHER` (`_default_then_overridden`); either may be what the loader reads. Only when the parameter and
        those assignments are all the name's bindings in the function."""
        if not found:
            return None
        if _none_default(function, name):
            # `def load(vocab_file=None): if vocab_file is None: vocab_file = "gpt2"`: the one value a branch puts in
            # place of a `None` default is what the loader reads when the caller gives nothing. Several are a choice
            # among settings (unsloth's `statistics = "kaggle"`, `"colab"`, ... by environment), no default.
            if len(found) != 1 or _count_bindings([function], name, self._spelled(name), 2) != 2:
                return None
            return [found[0][1]]
        default = self._parameter_default(function, name)
        if default is None or not _default_then_overridden([((), default), *found], name):
            return None
        bindings = _count_bindings([function], name, self._spelled(name), len(found) + 1)
        if bindings != len(found) + 1:
            return None
        branches = [branch for branch, _ in found]
        blocks: dict[int, ast.stmt] = {
            id(n): n for n in ast.walk(function) if isinstance(n, ast.If | ast.Try | ast.TryStar)
        }
        values = [value for _, value in found]
        # `if flag: path = A` `else: path = B`: every way through replaces the default, which no loader then reads
        return values if _every_way(branches, blocks) else [default, *values]

    def _assigns(self, function: _Function, name: str) -> bool:
        """Whether a line of the function's text assigns `name` (`name = `, `name: T = `): the cheap test that spares
        walking every function around a loader for the constants of the few that have one. The names a function's
        lines assign are gathered once, whatever the number of names asked."""
        assigned = self.assigned.get(id(function))
        if assigned is None:
            lines = self.lines[function.lineno - 1 : function.end_lineno]
            assigned = self.assigned[id(function)] = {name for line in lines for name in _assigned_names(line)}
        return name in assigned

    def _call_values(self, call: ast.Call, depth: int) -> list[_Value]:
        """`os.getenv(NAME, DEFAULT)` stands for its default; `DICT.get(KEY[, DEFAULT])` for the entry and default; a
        prompt's or picker's `default=` (`model_id = Prompt.ask("Model ID", default=ID)`) for its default."""
        read = _environment_read(call)
        if read is not None:
            return self._values(read[2], depth + 1)
        func = call.func
        if isinstance(func, ast.Attribute) and func.attr == "get" and call.args:
            if isinstance(call.args[0], ast.Call) and _call_name(call.args[0].func) == "type":
                # llama.cpp's converter: `tokenizer_model = {SentencePieceVocab: "llama", BpeVocab: "gpt2"}.get(type(
                # vocab))`: a table looked up by a value's class names the kind of that class (GGUF's tokenizer types)
                return []
            chosen = self._selected(func.value, call.args[0], depth)
            return self._all_values(chosen + call.args[1:2], depth) if chosen else []
        held = [item for key in _SETTING_VALUES if (given := _keyword(call, key)) is not None for item in _items(given)]
        if held:  # `Prompt.ask("Model ID", default=ID)`, `typer.prompt(...)`: what a user accepts; a setting's
            # `InputConfig(type="dropdown", value=ID, values=[ID, ...])`: what it starts from and offers
            return self._all_values(held, depth + 1)
        name = _call_name(func)
        chosen_id = _keyword(call, "id")
        if chosen_id is not None and name and (self._model_object(func, name)):
            # agno's `Agent(model=OpenAIChat(id="gpt-4o"))`, `Claude(id=...)`, `Ollama(id="llama3.1")`,
            # `AIMLAPI(id=...)` imported from `agno.models.aimlapi`: the model a provider's model object is made for,
            # given where a model is
            return self._values(chosen_id, depth + 1)
        return []

    def _model_object(self, func: ast.expr, name: str) -> bool:
        """Whether a call makes a provider's model object: a provider's client (`OpenAIChat`, `Claude`), Ollama's, or
        a class imported from a module of model classes (`_MODEL_MODULE_WORDS`)."""
        return bool(_provider_client(func, name)) or _OLLAMA_MODULE in name.lower() or name in self.model_classes

    @cached_property
    def client_names(self) -> frozenset[str]:
        """The names the file assigns a call of a provider's client to (`client = replicate.Client(key)`), read from
        its text: those `_bound_client` may follow."""
        return frozenset(
            match[1] for match in _CLIENT_BINDING.finditer(self.source) if _names_a_client(match[2].split("."))
        )

    @cached_property
    def model_imports(self) -> tuple[frozenset[str], frozenset[str]]:
        """The modules of model classes the file imports from, and the names it imports from them."""
        return _model_imports(self.source) if "import" in self.source else (frozenset(), frozenset())

    @cached_property
    def provider_imports(self) -> dict[str, str]:
        """The names the file imports from a provider's module, by the module's word (`_provider_imports`)."""
        return _provider_imports(self.source) if "import" in self.source else {}

    @cached_property
    def foreign_imports(self) -> frozenset[str]:
        """The names the file imports from a package whose `models` hold no model (`_foreign_imports`)."""
        return _foreign_imports(self.source) if "import" in self.source else frozenset()

    @property
    def model_classes(self) -> frozenset[str]:
        """The names the file imports from a module of model classes (`_model_imports`)."""
        return self.model_imports[1]

    def _composed(self, node: ast.expr, depth: int) -> list[_Value]:
        """An f-string or `+` concatenation: every combination of its parts' values, else its source, `dynamic`."""
        parts = _string_parts(node)
        if parts is None:
            return []
        choices = [[value.text for value in self._values(part, depth + 1) if not value.dynamic] for part in parts]
        if all(choices) and math.prod(len(choice) for choice in choices) <= _MAX_COMBINATIONS:
            return [_Value("".join(texts), node) for texts in itertools.product(*choices)]
        lead = _string(parts[0]) or ""
        return [_Value(self._segment(node), node, dynamic=True, lead=lead)]

    def _segment(self, node: ast.expr) -> str:
        """`ast.get_source_segment`, without splitting the whole source again for every node."""
        if node.end_lineno is None or node.end_col_offset is None:
            return ast.unparse(node)
        lines = [line.encode() for line in self.lines[node.lineno - 1 : node.end_lineno]]
        lines[-1] = lines[-1][: node.end_col_offset]
        lines[0] = lines[0][node.col_offset :]
        return b"".join(lines).decode()

    def _containers(self, node: ast.expr, depth: int = 0) -> list[ast.expr]:
        """The dict, list, tuple or set literals `node` is, or a module constant holds."""
        if isinstance(node, _CONTAINERS):
            return [node]
        if isinstance(node, ast.Name) and node.id in self.loop_values and depth <= _MAX_DEPTH:
            # `for c in CANDIDATES: create(model=c["value"])`: the loop's items that are literals themselves
            return [c for value in self.loop_values[node.id] for c in self._containers(value, depth + 1)]
        if isinstance(node, ast.Name) and depth <= _MAX_DEPTH:
            return [c for value in self._constant(node.id) for c in self._containers(value, depth + 1)]
        if isinstance(node, ast.Subscript) and depth <= _MAX_DEPTH:
            # a table of records looked up by a key, then a field (`VAE_CONFIGS[vae_type]["name"]`): the records
            return [
                c
                for value in self._selected(node.value, node.slice, depth + 1)
                for c in self._containers(value, depth + 1)
            ]
        return []

    def _entries(self, node: ast.expr) -> list[tuple[ast.expr, ast.expr]]:
        return [entry for container in self._containers(node) for entry in _entries(container)]

    def _selected(self, node: ast.expr, key: ast.expr, depth: int) -> list[ast.expr]:
        """The entry a literal key selects in the containers `node` stands for, or every entry when it is not."""
        entries = [entry for container in self._containers(node, depth) for entry in _entries(container)]
        if isinstance(key, ast.Constant):
            chosen = [value for k, value in entries if _same_constant(k, key)]
            if chosen:
                return chosen
        return [value for _, value in entries]

    def _is_true(self, node: ast.expr | None) -> bool:
        nodes = self._bound_to(node.id) if isinstance(node, ast.Name) else [node] if node else []
        return bool(nodes) and all(isinstance(n, ast.Constant) and n.value is True for n in nodes)

    # --- loader calls ---

    def _repo_type(self, call: ast.Call) -> str | None:
        """A call's `repo_type=`, as written or as the constant it names holds (`repo_type=HF_REPO_TYPE`, set to
        `"space"` at the top of the module)."""
        written = {value.text for value in self._values(_keyword(call, "repo_type")) if not value.dynamic}
        return written.pop() if len(written) == 1 else None

    def _call(self, call: ast.Call) -> Iterator[Reference]:
        self._named_call(call)
        name = _call_name(call.func) or ""
        if name == "__init__" and self.classes and _calls_base_init(call.func):
            name = _loader_base(self.classes[-1]) or name  # a loader's subclass hands its base what it is given
        loader = self._loader(call, name)
        if loader is not None and self._own_module(call.func):
            return  # `datasets.load_dataset(name)` where the project's own `datasets.py` stands beside the file
        kind = _download_kind(self._repo_type(call), loader.kind) if loader else None
        if loader is None or kind is None:
            return
        if loader is _HUB_PREFIXED:
            yield from self._pretrained_tags(call, name)
        revisions = {v.text for v in self._values(_keyword(call, "revision")) if not v.dynamic}
        revision = revisions.pop() if len(revisions) == 1 else None
        flags = frozenset({"trust_remote_code"}) if self._is_true(_keyword(call, "trust_remote_code")) else frozenset()
        use = _Use(
            kind,
            name,
            revision,
            flags,
            loader.prefixes,
            loader.certain,
            loader.served,
            loader.names,
            loader.single_names,
            _served(call, name) if kind is Kind.API else (),
        )
        for argument in _arguments(call, loader) or self._spread_arguments(call, loader):
            values = self._values(argument) or self._short_name_default(argument, loader.names)
            if not values and isinstance(argument, ast.Name):
                values = [v for node in self._test_argument(argument.id) for v in self._values(node)]
            if not values and isinstance(argument, ast.Name):
                values = self._asserted_choices(argument)
            if values and isinstance(argument, ast.Name) and (guard := self.guards().get(id(call))) is not None:
                values = [v for v in values if v.dynamic or _passes_guards(guard, argument.id, v.text)]
            if not values:
                self._note_passed(argument, use)
            read = replace(use, single_names=False) if _names_a_folder(argument) else use
            for value in values:
                self.read.add(id(value.node))
                reference = self._loaded(value, read)
                if reference:
                    yield reference

    @cached_property
    def _guards_by_scope(self) -> dict[int, dict[int, _Guard]]:
        return {}

    def guards(self) -> dict[int, _Guard]:
        """By id of a call in the function being walked (or the module's own statements): the tests of the `if`s
        around it there, innermost first, each with whether the call is in the branch the test takes
        (`_passes_guards`). Only that scope is walked, once: a nested function runs when called, not where defined."""
        scope: ast.AST = self.scopes[-1] if self.scopes else self.tree
        found = self._guards_by_scope.get(id(scope))
        if found is not None:
            return found
        found = self._guards_by_scope[id(scope)] = {}
        body: list[ast.stmt] = scope.body  # type: ignore[attr-defined]
        queue: deque[tuple[ast.AST, _Guard | None]] = deque((statement, None) for statement in body)
        while queue:
            node, guard = queue.popleft()
            if isinstance(node, ast.If):
                queue.append((node.test, guard))
                queue.extend((statement, _Guard(node.test, True, guard)) for statement in node.body)
                queue.extend((statement, _Guard(node.test, False, guard)) for statement in node.orelse)
                continue
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.Lambda):
                continue
            if isinstance(node, ast.Call) and guard is not None:
                found[id(node)] = guard
            queue.extend((child, guard) for child in _children(node))
        return found

    def _asserted_choices(self, argument: ast.Name) -> list[_Value]:
        """`def from_pretrained(cls, model_type): assert model_type in {"gpt2", "gpt2-xl"}`, then
        `GPT2LMHeadModel.from_pretrained(model_type)`: a parameter the function asserts is one of a literal
        collection's strings (or raises unless it is) loads one of them."""
        if not self.scopes or argument.id not in _parameter_names(self.scopes[-1]):
            return []
        for statement in self.scopes[-1].body:
            if statement.lineno >= argument.lineno:
                break
            choices = _choices_asserted(statement, argument.id)
            if choices:
                return [_Value(text, node) for node in choices if (text := _string(node)) is not None]
        return []

    def _spread_arguments(self, call: ast.Call, loader: _Loader) -> list[ast.expr]:
        """A loader given its settings spread from a dict the file binds: `oneshot(model=m, **oneshot_args)` after
        `oneshot_args = dict(dataset="open_platypus", ...)`, `load_dataset(**{"path": "org/d"})`: the values the
        dict holds under the loader's keywords."""
        keys = (*loader.keywords, *loader.also)
        found: list[ast.expr] = []
        for spread in (keyword.value for keyword in call.keywords if keyword.arg is None):
            given = self._test_argument(spread.id) if isinstance(spread, ast.Name) else []  # a fixture's settings
            for bound in [spread] if isinstance(spread, ast.Dict) else self._stands_for(spread, 0) or given:
                if isinstance(bound, ast.Dict):
                    found += _dict_values(bound, keys)
                elif isinstance(bound, ast.Call) and _call_name(bound.func) == "dict" and not bound.args:
                    found += [keyword.value for keyword in bound.keywords if keyword.arg in keys]
        return found

    def _loader(self, call: ast.Call, name: str) -> _Loader | None:
        """The loader a call is, by its name, its receiver or what the file imports; None for any other call."""
        loader = _receiver_loader(call.func) or _LOADERS.get(name) or _wrapped_loader(name)
        if name == "LLM" and self.llm_is_a_router:
            loader = _LLM_ROUTER
        if self._calls_lmdeploy(call.func):
            loader = _LMDEPLOY
        loader = self._txtai_loader(call.func) or loader
        if loader is None and name in _API_METHODS and _is_api_client_call(call.func):
            loader = _API_CLIENT
        if loader is None and name == "load":
            loader = _MS_DATASET_LOAD if _receiver_name(call.func) == "MsDataset" else _gradio_loader(call)
        if loader is None and self._is_mlx_load(call.func):
            loader = _MLX_LOAD
        if loader is None:
            loader = self._library_loader(call.func, name)
        if loader is None:
            loader = self._ollama_loader(call.func)
        return loader

    def _note_passed(self, argument: ast.expr, use: _Use | _NamedUse) -> None:
        """`def load(path): return AutoModel.from_pretrained(path)`: a loader given a parameter of the function being
        walked, which nothing in the function binds again, reads what each caller in the file passes
        (`_passed_references`)."""
        if isinstance(argument, ast.Attribute):
            self._note_copied(argument, use)
            return
        if not (isinstance(argument, ast.Name) and self.scopes):
            return
        function = self.scopes[-1]
        arguments = function.args
        names = [a.arg for a in (*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs)]
        if argument.id in names and not self._assigns(function, argument.id):
            cls = self.classes[-1] if self.classes and function in self.classes[-1].body else None
            self.passed.append(_Passed(function, argument.id, use, cls))

    def _note_copied(self, argument: ast.Attribute, use: _Use | _NamedUse) -> None:
        """`self.root = root` in `__init__`, then `load_dataset(self.root)` in another method: the class built by its
        name (`EvalSet(root=ID)`) gives the loader what the call passes to `__init__` (`_passed_references`)."""
        if not (isinstance(argument.value, ast.Name) and argument.value.id == "self" and self.classes):
            return
        cls = self.classes[-1]
        method, parameter = self._copied_parameter(cls, argument.attr)
        if method is None or parameter is None or method.name != "__init__" or self._assigns(method, parameter):
            return
        arguments = method.args
        if parameter in [a.arg for a in (*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs)]:
            self.passed.append(_Passed(method, parameter, use, cls))

    def _passed_references(self) -> list[Reference]:
        """What the file's calls of a function pass to the parameter it gives a loader (`_note_passed`): `load("org/x")`
        for a function, `self.load("org/x")` for a method. Each parameter is asked once, whatever the loaders that read
        it (a loader's certain reading before a keyword's named default: `_NamedUse`); the module's statements (for
        functions) and each class (for methods) are walked once, only where a line spells one of the functions'
        names."""
        by_owner: dict[int, dict[str, list[_Passed]]] = {}
        constructed: dict[str, list[_Passed]] = {}
        asked: set[tuple[int, str]] = set()
        for passed in sorted(self.passed, key=lambda passed: isinstance(passed.use, _NamedUse)):
            if (id(passed.function), passed.parameter) not in asked:
                asked.add((id(passed.function), passed.parameter))
                owner = by_owner.setdefault(id(passed.cls), {})
                owner.setdefault(passed.function.name, []).append(passed)
                if passed.cls is not None and passed.function.name == "__init__":
                    # `class EvalSet: def __init__(self, root): load_dataset(root)`, then `EvalSet(root=ID)`: the
                    # class built by its name gives its `__init__` what the call passes
                    constructed.setdefault(passed.cls.name, []).append(passed)
        groups = [(next(iter(by_name.values()))[0].cls, by_name) for by_name in by_owner.values()]
        found: list[Reference] = []
        for cls, by_name in [*groups, (None, constructed)] if constructed else groups:
            for call, passed, root in self._calls_of(cls, by_name):
                argument = _passed_argument(call, passed)
                for value in self._values(argument) or self._passed_from_function(argument, call, root):
                    if id(value.node) in self.read or value.dynamic:
                        continue
                    if isinstance(passed.use, _NamedUse):  # read with the file's named defaults, after this
                        self.named.append(_Named(value, passed.use.kind, passed.use.form, passed.use.providers))
                        continue
                    self.read.add(id(value.node))
                    reference = self._loaded(value, passed.use)
                    if reference:
                        found.append(reference)
        return found

    def _passed_from_function(self, argument: ast.expr | None, call: ast.Call, root: ast.stmt) -> list[_Value]:
        """`hf_name = "billsum"` then `self._download_dataset(hf_name, path)` in a method: what a variable of the
        function around the call holds where the call passes it (read after the walk, when no function is open:
        `_reaching` reads the module's straight code then), or the items of the loop, in a function or at the top of
        the module, whose target binds it."""
        if not isinstance(argument, ast.Name) or (spelled := self._spelled(argument.id)) is None:
            return []
        function = _enclosing_function([root], call.lineno)
        loop = _enclosing_loop(function.body if function else [root], argument.id, call.lineno)
        if loop is not None:  # `for name, (repo, split) in SOURCES.items(): count(repo, split)`, here or in a function
            items = self._loop_bindings(loop.target, loop.iter).get(argument.id, [])
            return [value for item in items for value in self._values(item)]
        if function is None:
            return []
        decided, value = self._reaching_in(function.body, argument.id, spelled, call.lineno)
        if not decided:  # nothing before the call binds it: a parameter passed on holds its default
            decided, value = True, _string_default(function, argument.id)  # `def run(loc="gpt-4o"): ask(q, loc)`
        return self._values(value) if decided and value is not None else []

    def _calls_of(
        self, cls: ast.ClassDef | None, by_name: dict[str, list[_Passed]]
    ) -> Iterator[tuple[ast.Call, _Passed, ast.stmt]]:
        """Each call of one of the functions named (of the class's methods through `self`, for a class), with each
        parameter of it a loader reads and the statement walked that holds it."""
        names = tuple(by_name)
        lines = self.words.lines(names) if all(name.isascii() for name in names) else None
        roots: list[ast.stmt]
        if cls is not None:
            left_out = [m for n in names for m in self.module.left_out_methods(cls, n)] if self.module else []
            roots = [cls, *left_out]
        else:
            roots = self.module.spelling(names) if self.module is not None else self.tree.body
        for root in roots:
            for node in _walk(root, lines):
                if isinstance(node, ast.Call) and (name := _function_called(node.func, cls is not None)) in by_name:
                    for passed in by_name[name]:
                        yield node, passed, root

    def _pretrained_tags(self, call: ast.Call, name: str) -> Iterator[Reference]:
        """open_clip's `create_model_and_transforms("ViT-B-32", pretrained="laion2b_s34b_b79k")`: the repository its
        table lists for the architecture and the tag (`open_clip_tags`); timm's `pretrained=True` is no tag."""
        architecture = call.args[0] if call.args else _first_keyword(call, _ARCHITECTURE_KEYWORDS)
        tag = call.args[1] if len(call.args) > 1 else _first_keyword(call, _TAG_KEYWORDS)
        if architecture is None or tag is None:
            return
        written_architecture = self._values(architecture) or self._short_name_default(architecture, short_names())
        architectures = {value.text for value in written_architecture if not value.dynamic}
        if len(architectures) != 1:
            return
        written = architectures.pop()
        for value in self._values(tag) or self._short_name_default(tag, short_names(written)):
            repository = None if value.dynamic else pretrained_repository(written, value.text)
            if repository is not None:
                self.read.add(id(value.node))
                yield self._reference(value.node, repository, _M, form=name, revision=None, flags=frozenset())

    def _short_name_default(self, argument: ast.expr, names: tuple[tuple[str, str], ...]) -> list[_Value]:
        """`def setup(self, model_name="tiny.en"): WhisperModel(model_name)`: the default of the parameter a loader
        of short names is given, when it is one of those names (an owner-less default is no id elsewhere)."""
        if not names or not isinstance(argument, ast.Name):
            return []
        for function in reversed(self.scopes):
            if self._assigns(function, argument.id) and argument.id in self._body_assignments(function):
                return []
            default = _string_default(function, argument.id)
            if default is not None:
                text = _string(default)
                return [_Value(text, default)] if text in dict(names) else []
        return []

    def _body_assignments(self, function: _Function) -> dict[str, list[tuple[_Branch, ast.expr]]]:
        assignments = self.scope_assignments.get(id(function))
        if assignments is None:
            assignments = self.scope_assignments[id(function)] = _assignments(function.body)
        return assignments

    def _ollama_loader(self, func: ast.expr) -> _Loader | None:
        """The loader of a call of the Ollama client: `ollama.chat`, `chat` imported from `ollama`, `Client().chat`; or,
        less certain, a method of that name on another receiver (`client.chat`) in a file that imports `ollama`."""
        modules, names = self.ollama_imports
        if isinstance(func, ast.Name):
            return _OLLAMA_METHODS.get(names.get(func.id, ""))
        if not isinstance(func, ast.Attribute) or not (modules or names):
            return None
        receiver = func.value.func if isinstance(func.value, ast.Call) else func.value
        if (
            isinstance(receiver, ast.Attribute)
            and isinstance(receiver.value, ast.Name)
            and receiver.value.id in modules
        ):
            receiver = receiver.value  # `ollama.Client(...).chat`
        certain = isinstance(receiver, ast.Name) and (receiver.id in modules or receiver.id in names)
        return (_OLLAMA_METHODS if certain else _OLLAMA_MAYBE).get(func.attr)

    def _url(self, constant: ast.Constant) -> Iterator[Reference]:
        """A string that is wholly a URL of the Hub's (`urlretrieve("https://huggingface.co/ORG/NAME/resolve/...")`,
        `read_parquet("hf://datasets/ORG/NAME/...")`) names its repository; prose that holds one does not."""
        text = str(constant.value).strip()
        if "/" not in text and "." in text and (bedrock := apis.bedrock_spelled(text)):
            yield self._reference(constant, bedrock, Kind.API, form=_BEDROCK_FORM, revision=None, flags=frozenset())
            return  # `"amazon.titan-image-generator-v1"` given to any call: Bedrock's spelling names its model
        if "/" not in text and ":" not in text:
            return  # a URL, a route (`provider/name`, `provider:name`), an `ollama/` string and an image hold one
        routed = ollama.prefixed(text) if text.startswith(ollama.PREFIXES) else None
        if routed:
            yield self._reference(constant, routed[1], routed[0], form="litellm", revision=None, flags=frozenset())
            return
        api = _routed(text)
        if api:
            yield self._reference(constant, api, Kind.API, form="routed", revision=None, flags=frozenset())
            return
        served = hub_provider_routed(text)  # `Agent("huggingface:Qwen/Qwen3-32B")`: the Hub model served
        if served:
            yield self._reference(constant, served, Kind.MODEL, form="routed", revision=None, flags=frozenset())
            return
        url = URL.fullmatch(text) is not None
        found = parse_hub_url(text) if url else None
        if found:
            kind, hub = found
            yield self._reference(constant, hub.id, kind, form="url", revision=hub.revision, flags=frozenset())
        elif not url and (listed := _listed_urls(text)):
            for kind, hub in listed:  # `"https://huggingface.co/ORG/NAME/resolve/main/m.pt,https://.../tok.model"`
                yield self._reference(constant, hub.id, kind, form="url", revision=hub.revision, flags=frozenset())
        elif api := (apis.url_model(text, whole=False) if url else None) or apis.query_model(text):
            # `".../models/gemini-2.5-flash:generateContent?key=" + key`, `"wss://api.openai.com/v1/realtime?model=ID"`
            yield self._reference(constant, api, Kind.API, form="url", revision=None, flags=frozenset())
        elif _IMAGE_LIKE.fullmatch(text) and _holds(text, _IMAGE_WORDS) and (image := code_image(text)):
            yield self._reference(constant, image, Kind.IMAGE, form="image", revision=None, flags=frozenset())

    def _loaded(self, value: _Value, use: _Use) -> Reference | None:
        if value.dynamic:
            return self._dynamic(value, use)
        text = _prefixed_or_namespaced(value.text, use.prefixes) if use.prefixes else value.text
        if text and use.names:  # a short name the library knows, else a Hub id (`org/name`) or nothing
            text = dict(use.names).get(text, text if "/" in text else None)
        in_context = self.apis if use.kind is Kind.API else frozenset()  # only an API model is read in its context
        served = apis.routed_by_any(use.providers, text) if text else None
        if served is not None:  # `ChatOpenAI(base_url="https://openrouter.ai/api/v1", model="org/x")`: OpenRouter's
            return self._reference(value.node, served, Kind.API, form=use.form, revision=None, flags=use.flags)
        artefact = (
            _identify(
                text,
                use.kind,
                in_context,
                certain=use.certain,
                served=use.served,
                single_names=use.single_names,
                context=self.context,
            )
            if text
            else None
        )
        if artefact is None and text and use.kind is Kind.API and self.speaks_of_ollama:
            artefact = _served_by_ollama(text)  # `OpenAI(base_url="http://localhost:11434/v1")`, then `model="llama2"`
        if artefact is None and text and use.kind is Kind.API and self.speaks_of_local_server:
            artefact = _served_locally(text)  # `OpenAI(base_url="http://localhost:1234/v1")`, then `model="phi3"`
        if artefact is None or (artefact[0] in _HUB_KINDS and self._written_folder(value.text)):
            return None
        kind, artefact_id, pinned = artefact
        return self._reference(
            value.node, artefact_id, kind, form=use.form, revision=pinned or use.revision, flags=use.flags
        )

    def _written_folder(self, text: str) -> bool:
        return "/" not in text and text in self.written_folders

    def _dynamic(self, value: _Value, use: _Use) -> Reference | None:
        """An id built at run time: reported as written, unless its literal start shows a path or lacks the prefix
        the loader needs (`create_model(f"{arch}")` is an architecture)."""
        if looks_like_path(value.lead) or (use.prefixes and not value.lead.startswith(use.prefixes)):
            return None
        flags = use.flags | {"dynamic"}
        return self._reference(value.node, value.text, use.kind, form=use.form, revision=use.revision, flags=flags)

    def _endpoint_urls(self, node: ast.Call | ast.Assign | ast.AnnAssign) -> None:
        """The f-strings an assignment binds or a call is given (`requests.get(f"{HF_ENDPOINT}/ORG/NAME/...")`) that
        are URLs on the Hub's endpoint (`_endpoint_url`)."""
        values = [*node.args, *(k.value for k in node.keywords)] if isinstance(node, ast.Call) else [node.value]
        for value in values:
            if isinstance(value, ast.JoinedStr):
                self.found += self._endpoint_url(value)
                self.found += self._arn_model(value)

    def _arn_model(self, joined: ast.JoinedStr) -> list[Reference]:
        """`f"arn:aws:bedrock:{region}::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"`: a Bedrock ARN whose
        placeholders stand only for its region and account names the model written whole after them."""
        parts = [p.value if isinstance(p, ast.Constant) and isinstance(p.value, str) else None for p in joined.values]
        model = apis.arn_model(parts) if parts and ":bedrock:" in (parts[0] or "") else None
        if model is None:
            return []
        return [self._reference(joined, model, Kind.API, form="routed", revision=None, flags=frozenset())]

    def _endpoint_url(self, joined: ast.JoinedStr) -> list[Reference]:
        """`f"{os.getenv('HF_ENDPOINT', 'https://huggingface.co')}/datasets/ORG/NAME"`,
        `f"{HF_ENDPOINT}/ORG/NAME/resolve/main/{file}"`: a URL on the Hub's endpoint (or a mirror's, set by
        `HF_ENDPOINT`) whose repository is written whole after it names that repository; one that a placeholder
        completes (`/datasets/ORG/{name}`) names none."""
        pieces = joined.values
        if len(pieces) < 2 or not isinstance(pieces[1], ast.Constant) or not isinstance(pieces[1].value, str):
            return []
        rest = pieces[1].value
        if not rest.startswith("/") or not self._hub_endpoint(_plain(pieces[0])):
            return []
        found = parse_hub_url(_HUB_ENDPOINT + rest)
        if found is None:
            return []
        kind, hub = found
        end = rest.find(hub.id) + len(hub.id)
        whole = rest[end:].startswith(("/", "@")) or (end == len(rest) and len(pieces) == 2)
        if "/" not in hub.id or rest.find(hub.id) < 0 or not whole:  # a legacy `datasets/NAME` a placeholder may end
            return []
        return [self._reference(joined, hub.id, kind, form="url", revision=hub.revision, flags=frozenset())]

    def _hub_endpoint(self, node: ast.expr) -> bool:
        """Whether `node` stands for the Hub's endpoint: a name for it (`HF_ENDPOINT`, `hub_endpoint`), the
        environment's `HF_ENDPOINT`, or the Hub's address as the value it may be."""
        words = set(split_words(name)) if (name := _operand_name(node)) else set()
        if "endpoint" in words and not _HUB_WORDS.isdisjoint(words):
            return True
        if isinstance(node, ast.Call) and (read := _environment_read(node)) and _string(read[1]) == "HF_ENDPOINT":
            return True
        return any(_HUB_HOST.fullmatch(value.text.strip()) for value in self._values(node) if not value.dynamic)

    def _reference(
        self, node: ast.expr, text: str, kind: Kind, *, form: str, revision: str | None, flags: frozenset[str]
    ) -> Reference:
        return Reference(
            path=self.context.path,
            line=node.lineno,
            column=self._characters(node.lineno, node.col_offset),
            text=text,
            kind=kind,
            source="python",
            form=form,
            revision=revision,
            flags=flags,
        )

    def _characters(self, line: int, offset: int) -> int:
        """The column in characters, as every other source counts it, of an `ast` offset, which counts UTF-8 bytes."""
        if self.ascii:
            return offset
        text = self.lines[line - 1] if line <= len(self.lines) else ""
        return offset if text.isascii() else len(text.encode("utf-8", "surrogatepass")[:offset].decode(errors="ignore"))

    # --- defaults of names that name models and datasets ---

    def _named_call(self, call: ast.Call) -> None:
        """`parser.add_argument("--model", default=ID)`, `os.getenv("MODEL_ID", ID)`, and a keyword named for a
        model or dataset in any call (`launcher(model_id=ID)`, `ModelOptions(Model=ID)`)."""
        name = _call_name(call.func)
        self._named_keywords(call, _partial_target(call, name) or name)
        self._hub_container({k.arg: k.value for k in call.keywords if k.arg})
        if name and (kind := called_kind(name)) and not _other_hub(call.func, name):
            for argument in call.args:  # `resolve_model_reference(request, "org/x")`
                # `process_dataset(args.model, ...)`: an argument named for a model holds one, whatever the callee
                self._defer(argument, _operand_kind(argument) or kind, "argument")
        elif name and (
            client := _provider_client(call.func, name) or self._imported_client(call.func) or self._bound_client(call)
        ):
            served = Kind.MODEL if apis.hub_host_callee(client) else Kind.API  # `TOGETHER("org/x", key)`: a Hub model
            for argument in call.args:  # `sgl.Anthropic("claude-3-haiku-20240307")`: an API model or nothing
                self._defer(argument, served, "argument")
        elif name and call.args and apis.builds_api(name):  # `AI("gpt-4o")`: an API model or nothing
            self._defer(call.args[0], Kind.API, "argument")
        self._registered(call, name)
        self._added_items(call)
        self._placed_model(call)
        self._model_class_argument(call, name)
        if (field := _keyword(call, "field")) is not None:  # Django's `AlterField(name="model_name", field=...)`
            self._declared_field(_keyword(call, "name"), field)
        if name == "parametrize" and len(call.args) >= 2:
            self._parametrized(call.args[0], call.args[1])
        if name == "create" and (key := _registry_key(call.func)) is not None:  # LanceDB's embedding registry
            self._defer(_keyword(call, "name"), _REGISTRY_KINDS.get(key, Kind.MODEL), "registry")
        if name in _WIDGETS:
            self._widget(call, _WIDGETS[name])
        if name in _OPTION_CALLS:
            self._option(call, name)
        if (deployment := _formatted_deployment(call)) is not None:  # `"{0}/openai/deployments/{1}/...".format(...)`
            self._defer(deployment, Kind.API, "url")
        self._read_default(call)

    def _read_default(self, call: ast.Call) -> None:
        """What a read of the environment (`os.getenv("MODEL_ID", ID)`), of a mapping by a key (`cfg.get("model",
        ID)`) or of a setting by its name (`self._get_str("model", ID)`) stands for when the name is unset, named as
        the variable, key or setting is."""
        read = _environment_read(call)
        if read is not None:
            form, variable, default = read
            names = [value.text for value in self._values(variable) if not value.dynamic]
            # `os.getenv("AZURE_OPENAI_DEPLOYMENT", ID)`: Azure's deployment is an API model's, as for a keyword
            self._defer(default, next((k for n in names if (k := apis.name_kind(n))), None), form)
        elif (keyed := _keyed_default(call)) is not None:  # `kwargs.pop("tokenizer", ID)`, `cfg.get("model", ID)`
            self._defer(keyed[1], apis.name_kind(keyed[0]), "default")
        elif (typed := _typed_read(call)) is not None:  # `self._get_str("model", ID)`, `_get_enum(KEY, [ID], ID)`
            for value in typed[1]:
                self._defer(value, apis.name_kind(typed[0]), "default")

    def _option(self, call: ast.Call, name: str) -> None:
        """`parser.add_argument("--model", default=ID, choices=[ID, ...])`: what a flag named for a model starts from
        and may run; an owner-less default of an option typed as a path (`type=Path, default="llama-7b"`) is a
        folder."""
        flags = [text.lstrip("-") for text in map(_string, call.args) if text]
        kind = next((k for flag in flags if (k := named_kind(flag))), None)
        default = _keyword(call, "default")
        if default is not None and not _local_folder_option(call, default):
            self._defer(default, kind, name)
        for choice in _offered_ids(_keyword(call, "choices")):
            self._defer(choice, kind, name)

    def _imported_client(self, func: ast.expr) -> str | None:
        """The provider a name called as it is imported comes from (`from mirascope.beta.openai import Realtime;
        Realtime(ID)`), never a method of that name on something else (`subprocess.run(...)` beside an imported
        `run`)."""
        return self.provider_imports.get(func.id) if isinstance(func, ast.Name) else None

    def _bound_client(self, call: ast.Call) -> str | None:
        """The provider's client a method is called on through a name bound to one (`client = replicate.Client(key)`,
        then `client.run("owner/name:version", input={...})`), when the method is given first a string with no blank
        (a prompt given so names nothing)."""
        func = call.func
        if not (call.args and isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name)):
            return None
        first = call.args[0]
        if not (isinstance(first, ast.Constant) and isinstance(first.value, str)) or _BLANK.search(first.value):
            return None
        if func.value.id not in self.client_names:
            return None
        key = (id(self.scopes[-1]) if self.scopes else 0, func.value.id)
        if key not in self.clients:  # asked of the same few receivers again and again (`logger`, `os`, `client`)
            self.clients[key] = next(filter(None, map(_client_made, self._stands_for(func.value, 0))), None)
        return self.clients[key]

    def _placed_model(self, call: ast.Call) -> None:
        """`Compressor("org/x", device_map="cpu")`: the first argument of a call placing weights is the model it loads
        (`_PLACEMENT_KEYWORDS`)."""
        if call.args and any(keyword.arg in _PLACEMENT_KEYWORDS for keyword in call.keywords):
            self._defer(call.args[0], Kind.MODEL, "argument")

    def _model_class_argument(self, call: ast.Call, name: str | None) -> None:
        """`models.Transformers("org/x")`, `guidance.llms.transformers.MPTChat("org/x")`, or `Transformers("gpt2")`
        imported from a module of model classes (`_MODEL_MODULE_WORDS`): the first argument of a model class is the
        model it is made for (an owner-less name only when known, a hosted API's name as that API's)."""
        if not (name and name[:1].isupper() and call.args):
            return
        if name in self.model_classes or (
            _through_model_module(call.func) and _chain_head(call.func) not in self.foreign_imports
        ):
            self._defer(call.args[0], Kind.MODEL, "argument")

    def _registered(self, call: ast.Call, name: str | None) -> None:
        """`def register_models(register): register(Chat("gpt-4o"))`: the first argument of a class constructed in
        a function named for models (`_in_models_function`)."""
        if name and name[:1].isupper() and call.args and self._in_models_function():
            self._defer(call.args[0], Kind.API, "registered")

    def _in_models_function(self) -> bool:
        """Whether the innermost function being walked is named for the models it makes, a plural: llm's plugin hook
        `def register_models(register): register(Chat("gpt-4o"), AsyncChat("gpt-4o"))`, `register_embedding_models`,
        a `def get_models()` that builds them (not `load_model`, one model's loader). The first argument of a class it
        constructs is an API's model when a provider's patterns match it (an API name only: `Chat("4o")`, an alias,
        or `Path("models")` name nothing)."""
        if not self.scopes:
            return False
        words = split_words(self.scopes[-1].name)
        return words[-1:] == ("models",) and not WRITTEN.intersection(words)

    def _added_items(self, call: ast.Call) -> None:
        """`models.append(dict(path=ID))`, `datasets.extend([...])`: what is added to a collection named for models or
        datasets (a plural: `model.append(x)` adds to something of one model's) is one of them."""
        collection = _added_to(call.func)
        kind = _collection_item_kind(collection) if collection else None
        if kind is not None:
            for argument in call.args[-1:]:
                self._defer(argument, kind, "item")

    def _named_keywords(self, call: ast.Call, name: str | None) -> None:
        """A keyword named for a model or dataset, and the `name=` or `id=` of a record named for a model
        (`ChatModelFactory(name="gpt-4o-mini")`; not a dataset's: a loader's `name=` is its configuration)."""
        record = _orm_record(call.func) or name
        if name is not None and _SAVE_WORDS.intersection(split_words(name)):
            return  # `model.save(path, model_name="user/tuned")`, `export_model(model_name_or_path=out)`: written
        providers: tuple[str, ...] | None = None  # asked only of a call given a model (most calls are given none)
        by_ollama: bool | None = None  # the same
        # `ModelInfo(name="MiniMax-M2", hf_repo="MiniMaxAI/MiniMax-M2")`: beside its Hub repository a record's name is
        # its label, as an architecture's record's is its architecture's (`_architecture_record`)
        labelled = any(keyword.arg in HUB_REPO_FIELDS for keyword in call.keywords) or _architecture_record(call)
        if labelled and (label := _string(_keyword(call, "name"))):
            self.labels.add(label)
        for keyword in call.keywords:
            if keyword.arg:
                kind = _owned_model_type(keyword.arg, keyword.value, _keyword_kind(name, keyword.arg))
                if kind is None and keyword.arg == _REPO_ID:
                    kind = _repo_kind(call, name)
                if kind is None and record and not (labelled and keyword.arg == "name"):
                    recorded = record_kind(record, keyword.arg)
                    # a dataset's `name=` is a loader's configuration; its `hf_repo=` is the dataset
                    kind = recorded if recorded is Kind.MODEL or keyword.arg in HUB_REPO_FIELDS else None
                if kind is None and name:  # `alpaca_dataset(tokenizer, source="org/x")`
                    kind = source_kind(name, keyword.arg)
                if kind is None and keyword.arg in HUB_KEYS:  # `ModelSource(hf="org/x-onnx")`
                    kind = Kind.MODEL
                served: tuple[str, ...] = ()
                form = "keyword"
                if kind in (Kind.MODEL, Kind.API):
                    served = providers = _served(call, name) if providers is None else providers
                    by_ollama = _platform_is_ollama(call) if by_ollama is None else by_ollama
                    form = _OLLAMA_PROVIDED if by_ollama else form
                self._defer_keyword(keyword.value, kind, form, served)
                if kind in _HUB_KINDS and isinstance(keyword.value, ast.Name):  # a test's argument (`_test_argument`)
                    for given in self._test_argument(keyword.value.id):
                        self._defer(given, kind, form, served)
                if kind is None:  # `evaluator=dict(judge_cfg=dict(type=OpenAISDK, path=ID))`
                    self._defer(_record_id(keyword.value), _settings_kind(keyword.arg), "record")
                self._defer(*_split_hub_id(keyword.value, keyword.arg))

    def _defer_keyword(self, value: ast.expr, kind: Kind | None, form: str, served: tuple[str, ...]) -> None:
        """`_defer` a keyword's value; a parameter of the function walked that stands for nothing there reads what
        the file's callers pass it (`def answer(q, locator): OpenAIChat(model=locator)`, `_passed_references`)."""
        deferred = self._deferred(value, kind, form, served)
        self.named += deferred
        if kind is not None and not deferred and isinstance(value, ast.Name):
            self._note_passed(value, _NamedUse(kind, form, served))

    def _widget(self, call: ast.Call, widget: _Widget) -> None:
        """`gr.Dropdown(choices=[...], value=ID, label="Embedding model")`, `st.text_input("Model", ID)`: what an
        input widget whose label names a model or dataset starts from or offers is one (`names.named_kind`, the label
        read as a name: `Input dataset` is a dataset's)."""
        label = _widget_label(call, widget)
        kind = named_kind(label) if label else None
        if kind is None:
            return
        for keyword in _WIDGET_VALUES:
            self._defer(_keyword(call, keyword), kind, "widget")
        for position in widget.value_positions:
            if position < len(call.args):
                self._defer(call.args[position], kind, "widget")

    def _parametrized(self, argnames: ast.expr, argvalues: ast.expr) -> None:
        """`@pytest.mark.parametrize("model", ["gpt-4o", "org/x"])`, `("model_id,expected", [("org/x", 1), ...])`: the
        values of an argument named for a model or dataset, a column of the rows when there are several arguments."""
        names = _argnames(argnames)
        containers = self._containers(argvalues)
        table = (tuple(map(id, containers)), tuple(names))
        if table in self.parametrized:
            return  # what it names is kept already (the same values, kinds and form)
        self.parametrized.add(table)
        for index, argname in enumerate(names):
            kind = apis.name_kind(argname)
            if kind is None:
                continue
            for container in containers:
                for _, row in _entries(container):
                    if len(names) == 1:
                        self._defer(row, kind, "parametrize")
                    elif isinstance(row, ast.Tuple | ast.List) and len(row.elts) == len(names):
                        self._defer(row.elts[index], kind, "parametrize", _row_clients(row.elts))

    def _note_named(self, node: ast.AST) -> None:
        """Keep what names named for a model hold: dict keys, variables and attributes, class fields."""
        if isinstance(node, ast.Dict):
            self._dict_entries(node)
            if not _maps_names_to_names(node):  # `{"gpt-4": "mistral-nemo-instruct-2407"}`: its keys are aliases
                self._api_table(node, node.keys)
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            target, value = _single_assignment(node)
            if target and value is not None and _names_written(target):
                self.unused.add(id(value))  # `deprecated_models = ["gpt-3.5-turbo-0301", ...]` is no table of use
            for typed in (node.value, getattr(node, "annotation", None)):  # `Known = Literal["gpt-4o", "o3-mini"]`:
                if isinstance(typed, ast.Subscript) and isinstance(typed.slice, ast.Tuple):  # a type's values, no
                    self.unused.add(id(typed.slice))  # table of use (a field typed so is read by its name)
            self._settings_record(node)
            self._local_client(node)
            self._local_named(node)
            self._unpacked_named(node)
            self._collection_keys(node)
            self._looked_up_keys(value)
            self._endpoint_urls(node)
            self._constructed(node)
            self._embedded_config(node)
        elif isinstance(node, ast.AugAssign) and isinstance(node.op, ast.Add):
            name = _operand_name(node.target)  # `models += [dict(path=ID), ...]`
            self._defer(node.value, _collection_item_kind(name) if name else None, "item")
        elif isinstance(node, ast.ClassDef):
            self._fields(node)
        elif isinstance(node, ast.Compare | _FALLBACKS):
            self._operands(node)
        elif isinstance(node, ast.List | ast.Tuple | ast.Set):
            self._api_table(node, node.elts)
        if isinstance(node, ast.List | ast.Tuple):
            self._command_words(node.elts)
            if isinstance(node, ast.Tuple) and len(node.elts) == 2:
                self._declared_field(node.elts[0], node.elts[1])
                self._repository_file(node.elts[0], node.elts[1])

    def _operands(self, node: ast.Compare | ast.BoolOp | ast.IfExp) -> None:
        """What a comparison (`_compared`) or a fallback (`_fallback`) says its operands hold."""
        if isinstance(node, ast.Compare):
            self._compared(node)
        else:
            self._fallback(node)

    def _fallback(self, node: ast.BoolOp | ast.IfExp) -> None:
        """`os.environ.get("OPENAI_MODEL") or ID`, `kwargs.get("model") or ID`, `cfg["model"] if "model" in cfg else
        ID`: what a read of a named setting falls back to, when it is unset, is what the setting holds, named as the
        variable, key or attribute read is (as `os.getenv(NAME, ID)` and `cfg.get("model", ID)` are). A call falling
        back is read as itself (`os.getenv("EMBEDDING_MODEL") or os.getenv("MODEL", ID)`: a read with its default)."""
        if isinstance(node, ast.IfExp):
            fallbacks = [(node.orelse, _read_kind(node.body)), (node.body, _read_kind(node.orelse))]
        elif isinstance(node.op, ast.Or):
            kinds = [_read_kind(value) for value in node.values]
            fallbacks = [(value, next(filter(None, kinds[:at]), None)) for at, value in enumerate(node.values)]
        else:
            return
        for fallback, kind in fallbacks:
            if not isinstance(fallback, ast.Call):
                self._defer(fallback, kind, "default")

    def _repository_file(self, repository: ast.expr, filename: ast.expr) -> None:
        """`("distil-whisper/distil-small.en", "original-model.bin")`, `("lllyasviel/Annotators", "ckpts/x.pth")`: a
        repository paired with a weights file, the two arguments of `hf_hub_download(repo_id, filename)` written as a
        table's row, is the model the file is downloaded from (as `org/x/model.safetensors` written whole is)."""
        name = _string(filename)
        if name is not None and _WEIGHTS_FILE.fullmatch(name) and "/" in (_string(repository) or ""):
            self._defer(repository, Kind.MODEL, "repository-file")

    def _api_table(self, table: ast.expr, items: Sequence[ast.expr | None]) -> None:
        """`costs = {"gpt-4o": 0.01, "gpt-4o-mini": 0.001}`, `["grok-2", "grok-3"]`: the string keys of a dict, or
        the items of a list, tuple or set, two or more and every one a hosted API's model name, are a table of models
        whatever it is called (as JavaScript's arrays and config files' lists are read); so are the first items of
        its rows (`[("ERNIE-Bot-4", "completions_pro"), ("ERNIE-Bot-8k", "ernie_bot_8k")]`: models, endpoints)."""
        items = _row_keys(items)
        if id(table) in self.unused or len(items) < 2:
            return
        named = [item for item in items if item is not None and _names_api(_string(item), self.apis)]
        mostly = named[:1] == items[:1] and 2 * len(named) > len(items)
        if len(named) < len(items) and not (mostly and _settings_by_key(table)):
            return  # a dict of settings by model needs only most of its keys named, the first among them
        for item in named:
            self._defer(item, Kind.API, "list")

    def _declared_field(self, name: ast.expr | None, field: ast.expr | None) -> None:
        """A field declared by its name written as a string, with a default: a Django migration's
        `("bi_encoder", models.CharField(default=ID))` and `AlterField(name="model_name", field=CharField(default=ID))`.
        The default is read as a value under that name; a field with no `default=` holds nothing."""
        text = _string(name) if name is not None else None
        if text and isinstance(field, ast.Call) and (default := _keyword(field, "default")) is not None:
            self._defer(default, apis.name_kind(text), "field")

    def _command_words(self, words: list[ast.expr]) -> None:
        """`subprocess.run(["python3", "-m", "sglang.launch_server", "--model-path", ID])`, `other_args=["--tokenizer",
        ID]`: a command line written as a list, whose flag named for a model or dataset (`names.named_kind`, as a
        shell script's) takes the next word, or the rest of its own (`"--model=ID"`); a serving command's model
        (`["vllm", "serve", ID]`, `names.SERVE_COMMANDS`)."""
        self._served_words(words)
        self._downloaded_words(words)
        for index, word in enumerate(words):
            text = _string(word)
            override = overridden(text) if text else None
            if text and override:  # `"critic.model.path=ID"`: a Hydra-style override (`names.overridden`)
                key, start = override
                kind = named_kind(key)
                if kind in _HUB_KINDS:
                    self._defer(ast.copy_location(ast.Constant(text[start:]), word), kind, key)
                continue
            if not text or not text.startswith("-"):
                continue
            flag, equals, rest = text.partition("=")
            kind = Kind.API if flag == SHORT_MODEL_FLAG else named_kind(flag.lstrip("-"))
            if kind is None or kind is Kind.OLLAMA:
                continue
            if equals:
                self._defer(ast.copy_location(ast.Constant(rest), word), kind, "flag")
            elif index + 1 < len(words):
                self._defer(words[index + 1], kind, "flag")

    def _served_words(self, words: list[ast.expr]) -> None:
        """`["vllm", "serve", "--port", "8000", ID]`: the first argument after a serving command that is neither an
        option nor an option's value."""
        texts = [_string(word) or "" for word in words]
        served = served_by(tuple(texts[:3]))
        after = texts[served:]
        at = next((at for at in range(len(after)) if positional(after, at)), None) if served else None
        if at is not None and _string(words[served + at]):
            self._defer(words[served + at], Kind.MODEL, " ".join(texts[:served]))

    def _override_line(self, constant: ast.Constant, text: str) -> None:
        """`f"python3 -m verl.trainer.main_ppo critic.model.path=ID trainer.n_gpus={n}"`: the Hydra-style overrides of a
        command line written as one string (`names.overridden`); a value that goes on in a placeholder is no id."""
        cut = id(constant) in self.before_placeholders
        spread = (constant.end_lineno or constant.lineno) - constant.lineno == text.count("\n")
        for word in _COMMAND_WORD.finditer(text):
            override = overridden(word.group().strip("\"'`"))
            kind = named_kind(override[0]) if override else None
            if not override or kind not in _HUB_KINDS or (cut and word.end() == len(text)):
                continue
            line = constant.lineno + (text.count("\n", 0, word.start()) if spread else 0)
            value = word.group().strip("\"'`")[override[1] :]
            self._defer(ast.Constant(value, lineno=line, col_offset=constant.col_offset), kind, override[0])

    def _downloaded_line(self, constant: ast.Constant, text: str) -> None:
        """`"huggingface-cli download ID --local-dir m"` written as one string (or an f-string's part before its
        placeholders, without the word that goes on in one): the repository the shell would see it fetch."""
        if id(constant) in self.before_placeholders and text == text.rstrip():
            text = text[: len(text) - len(text.rsplit(maxsplit=1)[-1])]  # `f"hf download org/{name}"`: no id
        self._shell_command(text, constant.lineno)

    def _downloaded_words(self, words: list[ast.expr]) -> None:
        """`["huggingface-cli", "download", ID, "--local-dir", path]`, `["ollama", "pull", NAME]`: the command the list
        is, as a shell reads it; a word not written as a string stands as one that names nothing."""
        texts = [_string(word) for word in words]
        if len(texts) < 3:
            return
        program = (texts[0] or "").rsplit("/", 1)[-1]
        if not (
            texts[1] == "download" if program in _DOWNLOAD_CLIS else program == "ollama" and texts[1] in _OLLAMA_FETCHES
        ):
            return
        import shlex

        self._shell_command(shlex.join(text if text is not None else "-" for text in texts), words[0].lineno)

    def _shell_command(self, command: str, line: int) -> None:
        from modelpolicy.discover.shell import command_references  # here: only such a string needs the shell reader

        for reference in command_references(command, 1, 0, self.context, "python"):
            self.found.append(replace(reference, path=self.context.path, line=line, source="python"))

    def _served_line(self, constant: ast.Constant, text: str) -> None:
        """`"vllm serve --host 0.0.0.0 ID"` written as one string: the serving command's model (`_served_words`)."""
        if id(constant) in self.before_placeholders or "\n" in text:
            return  # a part of an f-string, or a script of several lines: its words are not one command's
        words = [word.group() for word in _COMMAND_WORD.finditer(text) if word.group() != "\\"]
        for start in range(len(words)):
            served = served_by(tuple(words[start : start + 3]))
            after = words[start + served :] if served else []
            at = next((at for at in range(len(after)) if positional(after, at)), None)
            if at is not None:
                node = ast.Constant(after[at].strip("\"'"), lineno=constant.lineno, col_offset=constant.col_offset)
                self._defer(node, Kind.MODEL, " ".join(words[start : start + served]))
                return

    def _command_line(self, constant: ast.Constant) -> None:
        """`cmd += "--tokenizer org/x"`, `os.system("python train.py --model_name_or_path org/x")`, the words of an
        f-string (`f"--model-path {path} --tokenizer-path org/x"`): a command line written as one string, whose flag
        named for a model or dataset takes the next word (or the rest of its own, `--model=org/x`), as a list's does
        (`_command_words`). A single word is a list's item, read there."""
        text = str(constant.value)
        if _SERVING.search(text):
            self._served_line(constant, text)
        if _DOWNLOADING.search(text):
            self._downloaded_line(constant, text)
        if "=" in text and " " in text.strip():  # a lone word is a list's item, read there
            self._override_line(constant, text)
        if not _COMMAND_FLAG.search(text):
            return
        words = [word for word in _COMMAND_WORD.finditer(text) if word.group() != "\\"]
        if len(words) < 2:
            return
        cut = id(constant) in self.before_placeholders  # its last word goes on in `{...}`: a part, not an id
        spread = (constant.end_lineno or constant.lineno) - constant.lineno == text.count("\n")
        for index, word in enumerate(words):
            flag, equals, rest = word.group().partition("=")
            kind = named_kind(flag.lstrip("-")) if flag.startswith("-") else None
            if flag == SHORT_MODEL_FLAG:  # `llm -m gpt-4o`: an API's model or nothing
                kind = Kind.API
            if kind is None or kind is Kind.OLLAMA:
                continue
            at = index if equals else index + 1
            if at >= len(words) or (cut and at == len(words) - 1 and words[at].end() == len(text)):
                continue
            value = (rest, word.start()) if equals else (words[at].group(), words[at].start())
            if not value[0] or value[0].startswith("-"):
                continue
            line = constant.lineno + (text.count("\n", 0, value[1]) if spread else 0)
            # quotes, or the backticks of a command quoted in prose (`"runs `app --model gpt-4o` and ..."`)
            node = ast.Constant(_prose_trimmed(value[0]), lineno=line, col_offset=constant.col_offset)
            self._defer(node, kind, "flag")

    def _model_args(self, constant: ast.Constant) -> None:
        """`"pretrained=org/x,dtype=float32"`: an evaluation harness's `model_args` written as one string (given to
        `simple_evaluate(model_args=...)`, listed among a test's parameters); its `pretrained=` (`peft=`,
        `tokenizer=`) names a model. Only a string that is wholly such a list: prose that holds `pretrained=` is not.
        In a list of two settings or more, a key named for a model or dataset names one too (GuideLLM's `--tokenizer
        "kind=huggingface_auto,model=org/x"`); a lone `model=x` may be any text."""
        text = str(constant.value).strip()
        if "=" not in text or not MODEL_ARGS_LIST.fullmatch(text) or id(constant) in self.before_placeholders:
            return  # (the f-strings' parts are gathered by walking the whole module: asked last)
        items = [item.partition("=") for item in text.split(",")]
        for key, _, value in items:
            kind = Kind.MODEL if key.strip() in MODEL_ARGS_KEYS else named_kind(key.strip()) if len(items) > 1 else None
            if kind in _HUB_KINDS and value.strip():
                node = ast.Constant(value.strip(), lineno=constant.lineno, col_offset=constant.col_offset)
                self._defer(node, kind, "model_args")

    def _embedded_config(self, statement: ast.Assign | ast.AnnAssign) -> None:
        """A string of several lines named for a config file (`DEFAULT_CONFIG_CONTENTS`, `config_yaml`, `SETTINGS_JSON`)
        that a program writes or loads: read as the YAML or JSON it holds (`model: gpt-4o`), each reference at its
        line."""
        target, value = _single_assignment(statement)
        if target is None or not isinstance(value, ast.Constant) or not isinstance(value.value, str):
            return
        if "\n" not in value.value:
            return
        if not _EMBEDDED_WORDS.intersection(split_words(target)) and not _json_object(value.value):
            return
        self._read_embedded(value, value.value, ".yaml", target)

    def _written_config(self, call: ast.Call) -> None:
        """`(directory / "preset.yml").write_text(TEXT)`, `Path("config.json").write_text(...)`,
        `open("run.yaml", "w").write(...)`: a string written over several lines that a program writes to a file
        named as a config file (a test's fixture, more often than not) is read as the file it becomes."""
        func = call.func
        if not isinstance(func, ast.Attribute) or func.attr not in _FILE_WRITES or len(call.args) != 1:
            return
        value = call.args[0]
        if not isinstance(value, ast.Constant) or not isinstance(value.value, str):
            return
        if (value.end_lineno or value.lineno) == value.lineno:
            return  # `"task: z\ndataset_path: z"`: a test's one-line stand-in, not a config file written out
        ending = _config_file_ending(func.value)
        if ending is not None:
            self._read_embedded(value, value.value, ending, func.attr)

    def _parsed_config(self, call: ast.Call) -> None:
        """`ExtractionGraph.from_yaml(SPEC)`, `yaml.safe_load(TEXT)`: a string of several lines a program parses as
        YAML, given as it is or by a constant's name, is read as the config file it stands for (Indexify's extraction
        graphs, `model_name: mistral-large-latest`), each reference at its line."""
        name = _call_name(call.func)
        if not call.args or name is None:
            return
        if name not in _YAML_PARSERS and not (name in _YAML_MODULE_PARSERS and _receiver_name(call.func) == "yaml"):
            return
        argument = call.args[0]
        values = self._constant(argument.id) if isinstance(argument, ast.Name) else [argument]
        for value in values:
            if isinstance(value, ast.Constant) and isinstance(value.value, str) and "\n" in value.value:
                self._read_embedded(value, value.value, ".yaml", name)

    def _read_embedded(self, value: ast.Constant, text: str, ending: str, form: str) -> None:
        """The references of a config file's text a string holds, each at its line in the file (`ending` the
        config file's: `.yaml`, `.json`): its values under artefact keys, and in YAML the model-server images it
        runs (`image: vllm/vllm-openai`)."""
        if id(value) in self.embedded:
            return  # `CONFIG_YAML = TEXT` then `yaml.safe_load(CONFIG_YAML)`: one file's text, read once
        self.embedded.add(id(value))
        from modelpolicy.discover.config import ConfigSource  # here: only such a string needs the config reader
        from modelpolicy.discover.containers import ContainerSource

        context = FileContext(f"{self.context.path}{ending}", self.context.is_local_path)
        readers: list[Source] = [ConfigSource(), ContainerSource()] if ending == ".yaml" else [ConfigSource()]
        found: list[Reference] = []
        for reader in readers:
            try:
                found += reader.find(text, context)
            except SourceError as error:  # not YAML after all: what could be read of it
                found += error.found
        spread = (value.end_lineno or value.lineno) > value.lineno  # its lines are the file's (a triple-quoted string)
        for reference in found:
            line = value.lineno + reference.line - 1 if spread else value.lineno
            self.found.append(replace(reference, path=self.context.path, line=line, source="python", form=form))

    def _settings_record(self, statement: ast.Assign | ast.AnnAssign) -> None:
        """`judge_cfg = dict(type=OpenAISDK, path=ID)`, `self.model_config = {"name": ID}`: a record bound to a name
        for a model's or dataset's settings (`_settings_kind`) names it by its id key."""
        targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
        name = _operand_name(targets[0]) if len(targets) == 1 else None
        kind = _settings_kind(name) if name and statement.value is not None else None
        if kind is not None:  # most names are no settings': their value is not looked into
            self._defer(_record_id(statement.value), kind, "record")

    def _local_client(self, statement: ast.Assign | ast.AnnAssign) -> None:
        """`client = replicate.Client(key)` in a function: the lines after it in that function that spell the name are
        read too, as a module constant's are (`_follow`): `client.run(ID)` holds no marker word."""
        if not (self.scopes and self.mentions is not None and isinstance(statement.value, ast.Call)):
            return
        target, value = _single_assignment(statement)
        if not (target in self.client_names and isinstance(value, ast.Call)):
            return
        made = _call_name(value.func)
        if not (made and _provider_client(value.func, made)):
            return
        last = self.scopes[-1].end_lineno or statement.lineno
        lines = [line for line in self.words.lines([target]) if statement.lineno < line <= last]
        if lines:
            self.mentions = self.mentions.union(Lines(lines))

    def _local_named(self, statement: ast.Assign | ast.AnnAssign) -> None:
        """`model_name = request.model or "org/x"` in a function, `self.model_id = "org/x"`, `cfg["base_model"] =
        "org/x"`: a variable, attribute or string key named for a model holds the literals its value may be (module
        constants are `_module_named`'s)."""
        targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
        if len(targets) != 1 or statement.value is None:
            return
        target = targets[0]
        if isinstance(target, ast.Attribute):  # `self.model_id = ...`, `cfg.actor_rollout_ref.model.path = ...`
            self._defer(statement.value, _attribute_kind(target, statement.value), "attribute")
        elif isinstance(target, ast.Subscript) and (key := _string(target.slice)):  # a dict's key, as a literal's
            self._defer(statement.value, apis.name_kind(key), "key")
        elif isinstance(target, ast.Name) and self.scopes:
            self._defer(statement.value, _listed_kind(target.id, statement.value), "variable")

    def _unpacked_named(self, statement: ast.Assign | ast.AnnAssign) -> None:
        """`tokenizer_cls, tokenizer_id = AutoTokenizer, "org/x"` (diffusers' LoRA tests, in a class's body), `model_id,
        revision = "org/x", "main"`: each name of a tuple assigned a tuple of as many values holds its own, read as a
        name bound to it alone is, in a module, a class or a function."""
        if not isinstance(statement, ast.Assign) or len(statement.targets) != 1:
            return
        target, value = statement.targets[0], statement.value
        if not (isinstance(target, ast.Tuple | ast.List) and isinstance(value, ast.Tuple | ast.List)):
            return
        if len(target.elts) != len(value.elts) or any(isinstance(e, ast.Starred) for e in (*target.elts, *value.elts)):
            return
        for name, item in zip(target.elts, value.elts, strict=True):
            if isinstance(name, ast.Name):
                self._defer(item, apis.name_kind(name.id), "variable")

    def _constructed(self, statement: ast.Assign | ast.AnnAssign) -> None:
        """`model = TOGETHER("togethercomputer/CodeLlama-13b-Instruct", token)`: what a name named for a model holds
        is built from the id it is given first (a project's own wrapper of a hosted or local model), however often
        the name is bound; not by a call of paths, files or another hub (`Path("models/x")`, `torch.hub.load(...)`),
        nor by tiktoken's look-ups (`tokenizer = tiktoken.get_encoding("gpt2")`: an encoding's name)."""
        targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
        call = statement.value
        if len(targets) != 1 or not isinstance(call, ast.Call) or not call.args:
            return
        target = targets[0]
        name = target.attr if isinstance(target, ast.Attribute) else target.id if isinstance(target, ast.Name) else ""
        callee = _call_name(call.func)
        if apis.name_kind(name) is not Kind.MODEL or not callee or callee in _NOT_BUILT_FROM_IDS:
            return
        if tokenizer_lookup(callee):  # `tokenizer = tiktoken.get_encoding("gpt2")`
            return
        if not _other_hub(call.func, callee) and not _through_hub(call.func):
            self._defer(call.args[0], Kind.MODEL, "constructed")

    def _collection_keys(self, statement: ast.Assign | ast.AnnAssign) -> None:
        """`_MODEL_INFO = {"claude-3-opus-20240229": {...}}`: the string keys of a dict literal whose name speaks of
        models or datasets name them (what its values say is read by the naming rule, as ever)."""
        target, value = _single_assignment(statement)
        kind = collection_kind(target) if target else None
        value = _pairs_dict(value) if kind is not None else value
        if kind is not None and isinstance(value, ast.Dict):
            aliases = self._alias_values(value, kind, named_aliases="alias" in (target or "").lower())
            presets = {
                id(key)
                for key, entry in zip(value.keys, value.values, strict=True)
                if _config_dump(entry) or _architecture_record(entry)
            }
            keys = [
                key
                for key in [*value.keys, *_grouped_keys(value)]
                if isinstance(key, ast.Constant)
                and isinstance(key.value, str)
                and id(key) not in aliases
                and id(key) not in presets
                and not self._written_raw(key)
            ]
            named = ollama.named_for(target or "")
            texts = [str(k.value) for k in keys]
            table = kind is Kind.MODEL and self.speaks_of_ollama and ollama.table(texts, named=named)
            for key in keys:  # `_MODEL_INFO = {"llama3.1": {...}, "qwen2.5": {...}}` beside an Ollama client
                self._defer(key, Kind.OLLAMA if table else kind, _OLLAMA_TABLE if table else "key")

    def _written_raw(self, constant: ast.Constant) -> bool:
        """Whether a string is written raw (`r"gpt2"`): a table's key so written is a pattern a name is matched
        against (`model_name2classes = {r"gpt2": [...], r"llama": [...]}`, read by `re.search(rx, name)`), no name."""
        line = self.lines[constant.lineno - 1] if constant.lineno <= len(self.lines) else ""
        return line.encode()[constant.col_offset : constant.col_offset + 1] in (b"r", b"R")

    def _looked_up_keys(self, lookup: ast.expr | None) -> None:
        """`expected = CANONICAL_VALUES[model_desc.model]`, `LIMITS.get(model_name, 0)`: a module dict looked up by a
        name named for a model or dataset is keyed by them, whatever the dict is called (`_collection_keys`)."""
        table: ast.expr | None = None
        key: ast.expr | None = None
        if isinstance(lookup, ast.Subscript):
            table, key = lookup.value, lookup.slice
        elif isinstance(lookup, ast.Call) and isinstance(lookup.func, ast.Attribute) and lookup.func.attr == "get":
            table, key = lookup.func.value, lookup.args[0] if lookup.args else None
        kind = _operand_kind(key) if key is not None and isinstance(table, ast.Name) else None
        if table is None or kind not in _HUB_KINDS:
            return
        for container in self._containers(table):
            if isinstance(container, ast.Dict) and not _maps_names_to_names(container):  # aliases: `{"sonnet": ID}`
                for entry, value in zip(container.keys, container.values, strict=True):
                    if isinstance(entry, ast.Constant) and isinstance(entry.value, str) and not _names_own(value):
                        self._defer(entry, kind, "key")

    def _alias_values(self, mapping: ast.Dict, kind: Kind, *, named_aliases: bool = False) -> set[int]:
        """`MODEL_MAP = {"llama3-8b": "meta-llama/Meta-Llama-3-8B-Instruct"}`, `model_conversion = {"mixtral":
        "mixtral-8x7b-32768"}`: in a dict named for models that maps names to names, a value written as an id (owner and
        name, a hosted API's name, a tagged Ollama name) is the model the name stands for; its key is the program's own
        alias. The ids of those keys that are not ids themselves are returned. A value that is a word (`"llama2"`, a
        chat template's name) or a label, and a key that is itself a Hub id (`{"org/x": "Label"}`), leave the entry as
        it was. A key and a value both written `owner/name` (`{"org/old": "org/new"}`) name two; in a dict named for
        aliases (`_models_aliases = {"huggingface/llava-1.5-7b-hf": "llava-hf/llava-1.5-7b-hf"}`, read as
        `.get(name, name)`) the key is the program's own name, written in its own namespace, and the value the model."""
        entries = []
        for key, value in zip(mapping.keys, mapping.values, strict=True):
            alias, text = _string(key), _string(value)
            if alias and text and self._id_written(text.strip()) and ("/" not in alias or "/" in text):
                entries.append((key, value))
        named = [text for value in mapping.values if (text := _string(value)) and name_shaped(text)]
        if not entries or 2 * len(named) <= len(mapping.keys):
            return set()  # most entries map a name to a name: `{"temperature": 0.2, "stop": "x"}` is settings
        for _, value in entries:
            self._defer(value, kind, "alias")
        # a key written as an id itself (`_MODEL_POINTERS = {"gpt-4o": "gpt-4o-2024-08-06"}`) names one as well, but
        # not a word only an API in context reads so: aider's `{"sonnet": "claude-sonnet-4-6"}` is its own alias,
        # FastChat's versioned `{"nemotron-4-340b": "/b0fc..."}` beside NVIDIA's API a model
        return {id(key) for key, _ in entries if self._own_alias(_string(key) or "", named_aliases=named_aliases)}

    def _own_alias(self, key: str, *, named_aliases: bool) -> bool:
        """Whether an alias table's key is the program's own name: not written as an id, or written `owner/name` in a
        table named for aliases (whose API names, `{"claude-4-sonnet-latest": ...}`, stay the API's)."""
        return (named_aliases and "/" in key) or not self._id_written(key, in_context=_versioned(key))

    def _id_written(self, text: str, *, in_context: bool = True) -> bool:
        """Whether a dict's value is written as an id rather than a word or a label (`_alias_values`)."""
        if not text or any(blank.isspace() for blank in text):
            return False
        return "/" in text or bool(apis.named(text, self.apis if in_context else frozenset()) or ollama.tagged(text))

    def _compared(self, compare: ast.Compare) -> None:
        """`if model_name == "org/x"`, `assert self.model == "gpt-4o"`, `config["model"] in ("gpt-4o", ...)`: what a
        name named for a model is compared with for equality or membership is read as a value under that name."""
        if not all(isinstance(op, ast.Eq | ast.NotEq | ast.In | ast.NotIn) for op in compare.ops):
            return
        operands = [(operand, _compared_kind(operand)) for operand in (compare.left, *compare.comparators)]
        kinds = {kind for _, kind in operands if kind is not None}
        if len(kinds) == 1:  # the others, literals or names bound to them (`x.dataset in LLAMA_EVALS`), are read
            kind = kinds.pop()
            parts = _substring_tests(compare)
            typed = all(_typed(operand) for operand, named in operands if named is not None)
            membership = all(isinstance(op, ast.In | ast.NotIn) for op in compare.ops)
            for operand, named in operands:
                if named is None and id(operand) not in parts and not (typed and self._a_type_word(operand)):
                    self._defer(operand, kind, "comparison")
                    if membership:  # `if name in PRESET_MAPPING`: a dict's keys are what is looked for
                        for mapping in self._containers(operand):
                            for key in self._membership_keys(mapping):
                                if not (typed and key is not None and self._a_type_word(key)):
                                    self._defer(key, kind, "comparison")

    def _membership_keys(self, mapping: ast.expr) -> list[ast.expr | None]:
        """The keys of a dict a name for a model is looked for in (`if config["_name_or_path"] in preset_mapping`,
        MLC LLM's `{"meta-llama/Llama-2-7b-hf": "llama2_7b"}`); none of a table of aliases, whose keys are the
        program's own names for the ids its values are written as (`{"sonnet": "claude-3-5-sonnet-20241022"}`), nor
        of a table keyed mostly by hosted APIs' names (MetaGPT's `TOKEN_MAX = {"gpt-4o": 128000, "openai/gpt-4": ...,
        "microsoft/wizardlm-2-8x22b": ...}`), which the tables of API models read with their routes' kinds."""
        if not isinstance(mapping, ast.Dict):
            return []
        aliases = _maps_names_to_names(mapping) and any(
            self._id_written(text) for value in mapping.values if (text := _string(value))
        )
        keys = [text for key in mapping.keys if key is not None and (text := _string(key))]
        by_apis = 2 * sum(1 for text in keys if apis.named(text, self.apis)) > len(keys)
        return [] if aliases or by_apis else list(mapping.keys)

    def _a_type_word(self, operand: ast.expr) -> bool:
        """Whether a literal a `model_type` is compared with is a word for a kind of model, no hosted API's name:
        `model_type == "qwen3"`, `"cross-encoder"` (an architecture, as a Hub config's `model_type` is), where
        `model_type == "gpt-4o"` names the API's model."""
        text = _string(operand)
        return text is not None and not apis.named(text, self.apis)

    def _dict_entries(self, mapping: ast.Dict) -> None:
        """`{"model_id": ID}`: a string key named for a model or dataset, as a config file's key is read; in a dict
        whose provider is Ollama (`{"provider": "ollama", "model": "command-r"}`, mem0's `{"provider": "ollama",
        "config": {"model": ID}}`), a model's key holds the Ollama library's name before a hosted API's."""
        ollama_provided = _provided_by_ollama(mapping)
        self._served_values(mapping)
        self._hub_container(
            {text: value for k, value in zip(mapping.keys, mapping.values, strict=True) if (text := _string(k))}
        )
        for key, value in zip(mapping.keys, mapping.values, strict=True):
            if isinstance(key, ast.Constant) and isinstance(key.value, str):
                kind = apis.name_kind(key.value) or (Kind.MODEL if key.value in HUB_KEYS else None)
                self._defer(value, kind, _OLLAMA_PROVIDED if ollama_provided and kind is Kind.MODEL else "key")
                self._defer(*_split_hub_id(value, key.value))
                if ollama_provided and key.value.lower() in _PROVIDER_SETTINGS and isinstance(value, ast.Dict):
                    self._dict_entries(_ollama_settings(value))
            if _names_ollama(key) and (settings := _settings_record(value)) is not None:
                self._dict_entries(_ollama_settings(settings))  # `{Engine.API_OLLAMA: Config(params={"model": ID})}`

    def _hub_container(self, settings: dict[str, ast.expr]) -> None:
        """`load(provider="huggingface-hub", container="org/x")`, `{"provider": "huggingface-hub", "container": ...}`:
        the container of a store whose provider is the Hub is a model repository (`_HUB_PROVIDER`)."""
        if _HUB_CONTAINER in settings and _string(settings.get("provider")) == _HUB_PROVIDER:
            self._defer(settings[_HUB_CONTAINER], Kind.MODEL, "key")

    def _served_values(self, mapping: ast.Dict) -> None:
        """`DEFAULTS = {"anthropic": "claude-3-5-haiku-latest", "openai": "gpt-4o-mini"}`: under a hosted provider's own
        key a string is that provider's model, whatever the dict is named, when the provider's patterns say so; an
        `owner/name` is read as anywhere (the open weights a provider serves are the Hub's)."""
        for key, value in zip(mapping.keys, mapping.values, strict=True):
            name, text = _string(key), _string(value)
            keyed = name and text and name not in _PROVIDER_KEYS and apis.is_provider_key(name) and "/" not in text
            if keyed and text and apis.named(text):
                self._defer(value, Kind.API, "provider")

    def _fields(self, cls: ast.ClassDef) -> None:
        """`model_name: str = "org/x"`, `= field(default=...)`, `= Field("org/x", ...)`, `= attr.ib(default=...)`; the
        members of an enum named for a model or a model's type (`class ChatModel(str, Enum): GPT4O = "gpt-4o"`,
        `ModelType`), and the values a field named for one is typed to hold (`model: Literal["gpt-4o", "o3-mini"]`)."""
        members = (
            (member_kind(cls.name) or apis.name_kind(cls.name))
            if _is_enum(cls)  # `class ModelType(Enum)` holds models; a plain `class ModelType:` is read by its name
            else (named_kind(cls.name) if _is_constant_namespace(cls) else None)
        )
        for statement in cls.body:
            target, value = _single_assignment(statement)
            if target and value is not None:  # `class ChatModel(Model): name = CharField(default="gpt-4o")` too
                kind = apis.name_kind(target) or record_kind(cls.name, target) or members or self._model_id(cls, target)
                # a class's constant is named as a module's: `class Defaults: JUDGE_MODEL_MT = "org/x"`
                kind = kind or (qualified_kind(target) if target.isupper() else None)
                named = self._deferred(_field_default(value), kind, "field")
                single = target == _TASK_DATASET_PATH and _is_evaluation_task(cls)
                self.named += [replace(item, single_names=True) for item in named] if single else named
            if target and isinstance(statement, ast.AnnAssign):
                self._literal_values(statement.annotation, apis.name_kind(target), "field")
                for default in _annotated_defaults(statement.annotation):
                    self._defer(default, apis.name_kind(target), "field")

    def _model_id(self, cls: ast.ClassDef, field: str) -> Kind | None:
        """MODEL for the `id` field of a provider's model class, one derived from a provider's client or a class
        imported from a module of model classes (agno's `class DashScope(OpenAILike): id: str = "qwen-plus"`,
        `class OllamaEmbedder(Embedder): id: str = "openhermes"`): the model it is made for by default."""
        if field != _ID_FIELD:
            return None
        named = ((base, name) for base in cls.bases if (name := _call_name(base)))
        return Kind.MODEL if any(self._model_object(base, name) for base, name in named) else None

    def _literal_values(self, annotation: ast.expr | None, kind: Kind | None, form: str) -> None:
        """The strings of the `Literal[...]` an annotation holds (also inside `Optional[...]`, `X | None`)."""
        if annotation is None or kind is None:
            return
        for node in ast.walk(annotation):
            if isinstance(node, ast.Subscript) and _call_name(node.value) == "Literal":
                items = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
                for item in items:
                    self._defer(item, kind, form)

    def _parameters(self, arguments: ast.arguments, function: str) -> None:
        positional = [*arguments.posonlyargs, *arguments.args]
        with_defaults = positional[len(positional) - len(arguments.defaults) :]
        pairs = [
            *zip(with_defaults, arguments.defaults, strict=True),
            *zip(arguments.kwonlyargs, arguments.kw_defaults, strict=True),
        ]
        # `def get_chat_model(cfg: dict | str = "qwen-plus")`: a factory of a model defaults to a hosted API's name
        factory = Kind.API if called_kind(function) is Kind.MODEL else None
        for argument, default in pairs:
            kind = (
                apis.name_kind(argument.arg)
                or source_kind(function, argument.arg)  # `def alpaca_dataset(source=)`
                or _annotation_kind(argument.annotation)  # `segmentation: PipelineModel = "org/x"`
                or factory
            )
            self._defer(_field_default(default, _PARAMETER_CALLS), kind, "parameter")
        for argument in [*positional, *arguments.kwonlyargs]:  # `def chat(model: Literal["gpt-4o", "o3-mini"])`
            self._literal_values(argument.annotation, apis.name_kind(argument.arg), "parameter")

    def _returned(self, function: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        """`def valid_models(self): return ["gpt-4", "org/x"]`: what a function named for models returns is read as
        a value under that name (its own returns, not those of functions nested in it)."""
        kind = apis.name_kind(function.name)
        settings = _settings_kind(function.name) if kind is None else None
        if kind is None and settings is None:
            return
        for statement in _own_statements(function.body):
            if isinstance(statement, ast.Return) and kind is not None:
                for value in _returned_values(statement.value, kind):
                    self._defer(value, kind, "return")
            elif isinstance(statement, ast.Return) and statement.value is not None:
                # `def build_judge_cfg(): return dict(type=OpenAISDK, path=ID)`
                self._defer(_record_id(statement.value), settings, "record")

    def _module_named(self) -> None:
        """`EMBEDDING_MODEL = "org/x"` in a settings module: a module constant whose name says it holds a model or
        dataset names one, read by a loader here or in another module. A name bound more than once in sequence is
        not a constant, and a function's own variables are not read for their names."""
        named = [
            (target, kind, value)
            for _, statement in _module_statements(self.tree.body, ())
            for target, value in [_single_assignment(statement)]
            if target and (kind := _constant_kind(target, value))
        ]
        for target, kind, value in named:
            # what the value stands for is asked first: most values named so (`model_0 = AutoModel.from_pretrained(
            # ...)`) stand for no string, and whether the name is a constant reads every statement spelling it
            deferred = self._deferred(value, kind, "constant")
            if not deferred:
                continue
            if self._module_constant(target) or self._bound_once_in_module_scope(target):
                self.named += deferred
            elif isinstance(value, ast.List | ast.Tuple) and _collection_item_kind(target):
                # `models = sum(..., [])` then `models = [dict(path=ID)]`: each list a collection named for models is
                # given holds models, however often the name is bound
                self.named += deferred

    def _bound_once_in_module_scope(self, name: str) -> bool:
        """Whether `name` is bound only by its single assignments at the top of the module (one runs) and as
        parameters: a function's parameter of the same name (`def load(model_name): ...`) is the function's own, and
        leaves `model_name = "org/x"` a constant named for what it holds. Such a name is not followed into the
        functions (`_module_constant` counts their parameters); it is read for its own name."""
        assignments = self.module_assignments.get(name, [])
        if not assignments or _candidate_values(assignments, name) is None:
            return False
        return _bindings_but_parameters(self.tree, name) == len(assignments)

    def _defer(self, node: ast.expr | None, kind: Kind | None, form: str, providers: tuple[str, ...] = ()) -> None:
        """Keep the strings a named default stands for (each item of a list default) until the walk is over."""
        self.named += self._deferred(node, kind, form, providers)

    def _deferred(
        self, node: ast.expr | None, kind: Kind | None, form: str, providers: tuple[str, ...] = ()
    ) -> list[_Named]:
        """What `_defer` keeps of `node`, without keeping it."""
        if node is None or kind is None:
            return []
        if type(node) is ast.Constant:  # a literal stands for itself (the rows of a parametrize table, read per test)
            return [_Named(_Value(node.value, node), kind, form, providers)] if isinstance(node.value, str) else []
        items = [item for container in self._containers(node) for _, item in _entries(container)] or [node]
        names = (chosen for item in items for record in self._records(item) for chosen in _item_names(record))
        values = (value for name in names for value in self._values(name) if not value.dynamic)
        return [_Named(value, kind, form, providers) for value in values]

    def _records(self, item: ast.expr) -> list[ast.expr]:
        """An item of a collection named for models, written as a name bound to records (`MODEL_A = dict(path=ID)`
        then `models = [MODEL_A, ...]`): those records; else the item itself."""
        if isinstance(item, ast.Name) and item.id not in self.loop_values:
            values = self._constant(item.id)
            if values and all(_record_entries(value) is not None for value in values):
                return values
        if isinstance(item, ast.ListComp | ast.SetComp | ast.GeneratorExp) and _record_entries(item.elt) is not None:
            return [item.elt]  # `[dict(abbr=f"run{i}", path=ID) for i in range(8)]`: each run reads the same record
        return [item]

    def _named_references(self) -> list[Reference]:
        found: list[Reference] = []
        seen = set(self.read)
        # A file's named values repeat (a parametrize table read once per test it decorates): each text is identified
        # once per kind.
        identified: dict[tuple[str, Kind, str, tuple[str, ...], bool], list[tuple[Kind, str, str | None]]] = {}
        for named in self.named:
            if id(named.value.node) in seen:
                continue
            form = named.form if named.form in (_OLLAMA_TABLE, _OLLAMA_PROVIDED) else ""
            key = (named.value.text, named.kind, form, named.providers, named.single_names)
            artefacts = identified.get(key)
            if artefacts is None:
                artefacts = identified[key] = self._named_artefacts(named)
            if artefacts:  # what names nothing as one kind may as another (`model = "x"`, `ChatOllama(model=model)`)
                seen.add(id(named.value.node))
            for kind, artefact_id, pinned in artefacts:
                found.append(
                    self._reference(
                        named.value.node, artefact_id, kind, form=named.form, revision=pinned, flags=frozenset()
                    )
                )
        return found

    def _named_artefacts(self, named: _Named) -> list[tuple[Kind, str, str | None]]:
        """What a named default holds in this file (see `_named_artefacts`), an Ollama model too where the file speaks
        of Ollama or the name is a key of an Ollama table."""
        text = named.value.text
        # `ChatGroq(model="meta-llama/llama-4-scout-17b-16e-instruct")`: the route of the provider named serves it
        served = apis.routed_by_any(named.providers, text)
        if served is not None:
            return [(Kind.API, served, None)]
        local = ollama.recognise(text, ollama.Context.NAMED) if named.form == _OLLAMA_PROVIDED else None
        if local is None and named.form == _OLLAMA_PROVIDED and not apis.named(text, self.apis):
            local = ollama.provided(text)  # `glm-ocr`, a model the library does not list (`gpt-4o` stays OpenAI's)
        if local is not None and local[0] is Kind.OLLAMA:
            return [(Kind.OLLAMA, local[1], None)]  # `{"provider": "ollama", "model": "command-r"}`: not Cohere's
        artefacts = _named_artefacts(text, named.kind, self.context, self.apis, named.single_names)
        if text in self.labels:  # `MODEL_COMPUTE_FUNCTIONS = {"MiniMax-M2": ...}`: a catalogue's label of a Hub model,
            artefacts = [a for a in artefacts if a[0] is not Kind.API]  # not the hosted API spelled the same
        if (
            not artefacts
            and named.kind in (Kind.MODEL, Kind.API)
            and self.speaks_of_ollama
            and not ollama.capitalised(text)  # `{"MISTRAL": MistralClient()}`, `("Mixtral", ID)`: a key, a label
        ):
            # `model = "qwen3:0.6b"`, `{"model": "llama3.2"}` in a file that speaks of Ollama, as in a config file;
            # CAMEL's `ModelFactory.create(model_platform=ModelPlatformType.OLLAMA, model_type="llama3.2")`
            known = ollama.recognise(text, ollama.Context.NAMED)
            artefacts = [(Kind.OLLAMA, known[1], None)] if known and known[0] is Kind.OLLAMA else []
        if not artefacts and named.kind in (Kind.MODEL, Kind.API) and self.speaks_of_local_server:
            artefacts = [found] if (found := _served_locally(text)) else []  # LM Studio's `ai_model_id="phi3"`
        if not artefacts and named.kind is Kind.MODEL and (tag := ollama.tagged(text)):
            artefacts = [(Kind.OLLAMA, tag, None)]  # `model = "llama3.1:8b"`: Ollama's spelling, whatever the file
        if not artefacts and named.form == _OLLAMA_TABLE and (listed := ollama.listed(text)):
            artefacts = [(Kind.OLLAMA, listed, None)]  # a name the library table does not know: it fails closed
        return artefacts


@dataclass(frozen=True)
class _Passed:
    """A parameter of a function of the file that a loader reads, how it reads it, and the class when the function
    is a method (its callers write `self.name(...)`, and its first parameter is the instance)."""

    function: _Function
    parameter: str
    use: _Use | _NamedUse
    cls: ast.ClassDef | None


@dataclass(frozen=True)
class _NamedUse:
    """How a keyword named for a model reads a parameter it is given (`OpenAIChat(model=locator)`): what a caller
    passes is a named default of that kind and form (`_Named`), not a loader's certain reference."""

    kind: Kind
    form: str
    providers: tuple[str, ...] = ()


def _function_called(func: ast.expr, method: bool) -> str | None:
    """The name of the function a call calls (`name(...)`), or for a method the method's (`self.name(...)`)."""
    if method:
        if not (isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name)):
            return None
        return func.attr if func.value.id in ("self", "cls") else None
    return func.id if isinstance(func, ast.Name) else None


def _passed_argument(call: ast.Call, passed: _Passed) -> ast.expr | None:
    """The argument a call gives the parameter: by keyword, or by position when none before it is unpacked."""
    keyword = _keyword(call, passed.parameter)
    if keyword is not None:
        return keyword
    arguments = passed.function.args
    positional = [a.arg for a in (*arguments.posonlyargs, *arguments.args)]
    if passed.parameter not in positional:
        return None
    index = positional.index(passed.parameter) - (1 if passed.cls is not None else 0)
    given = call.args[: index + 1]
    if index < 0 or len(given) <= index or any(isinstance(a, ast.Starred) for a in given):
        return None
    return call.args[index]


# Last words of a name that says it holds a folder (`SAVE_DIR`, `output_directory`, `ckpt_folder`): the checkpoint a
# script wrote there and loads again (`oneshot(..., output_dir=SAVE_DIR)`, then `from_pretrained(SAVE_DIR)`), whose
# owner-less name (`"Kimi-K2.6-bf16"`) is no legacy Hub id; an `owner/name` it holds is still read.
_FOLDER_WORDS = frozenset({"dir", "directory", "folder"})


def _names_a_folder(argument: ast.expr) -> bool:
    """Whether a loader's argument is a name, or an attribute, whose last word says it holds a folder."""
    name = argument.id if isinstance(argument, ast.Name) else getattr(argument, "attr", "")
    words = split_words(name) if isinstance(name, str) else ()
    return bool(words) and words[-1] in _FOLDER_WORDS


@dataclass(frozen=True)
class _Use:
    """How a loader call reads its values: as what kind, under which form, revision and flags."""

    kind: Kind
    form: str
    revision: str | None
    flags: frozenset[str]
    prefixes: tuple[str, ...]
    certain: bool = True
    served: bool = True
    names: tuple[tuple[str, str], ...] = ()
    single_names: bool = True
    providers: tuple[str, ...] = ()  # an API client's: the providers it names (`_served`)


# --- helpers ----------------------------------------------------------------------------------------------------


# Words one of which every routed name and every model-server image holds (tests hold the catalogues to them): a
# string that holds none is let go without asking the knowledge base, which thousands of ids in one file make count.
_ROUTE_WORDS = re.compile("|".join(re.escape(marker.decode()) for marker in apis.ROUTE_MARKERS))
_IMAGE_WORDS = re.compile("|".join(re.escape(marker.decode()) for marker in IMAGE_MARKERS))


def _holds(text: str, words: re.Pattern[str]) -> bool:
    """Whether the lower-cased text holds one of the words."""
    return words.search(text.lower()) is not None


def _routed(text: str) -> str | None:
    """`apis.routed`, asked only of a string that holds a route's word."""
    return apis.routed(text) if _holds(text, _ROUTE_WORDS) else None


# Hubs other than Hugging Face's, whose `owner/name` ids look alike: a call on one of these modules, or of one of their
# download functions imported by name (`kagglehub.dataset_download("owner/name")`), names none of the Hub's.
_OTHER_HUB_MODULES = frozenset({"kagglehub", "kaggle", "modelscope", "tfhub", "openml", "roboflow"})
_OTHER_HUB_CALLS = frozenset({"dataset_download", "model_download", "competition_download"})


# Calls whose first argument is a path, a file, a key, an environment variable or a string's edit, never the model a
# result is built from: `model_path = Path("models/x")`, `model = torch.load("ckpt/last")`,
# `model = MODELS.get("org/x")`, `model = model.replace("gpt-35", "gpt-3.5")`.
_NOT_BUILT_FROM_IDS = frozenset(
    {"Path", "PurePath", "PosixPath", "WindowsPath", "open", "join", "load", "get", "getenv", "str", "dict", "print"}
    | {"replace", "format", "split", "rsplit", "strip", "lstrip", "rstrip", "removeprefix", "removesuffix"}
    | {"startswith", "endswith", "partition", "rpartition", "lower", "upper", "encode", "decode", "search", "match"}
)


# String methods whose arguments are what a value is tested against: `model.startswith(("o1", "openai/o1"))`,
# `name.endswith("-GGUF")` choose a branch by a model's name, and use none.
_PREFIX_TESTS = frozenset({"startswith", "endswith"})


def _prefix_test(call: ast.Call) -> bool:
    """Whether a call tests a string's start or end (`model.startswith("openai/o1")`)."""
    return isinstance(call.func, ast.Attribute) and call.func.attr in _PREFIX_TESTS


def _through_hub(func: ast.expr) -> bool:
    """Whether a call goes through another hub's module (`torch.hub.load`, `hub.KerasLayer`): its ids are GitHub's."""
    while isinstance(func, ast.Attribute):
        func = func.value
        if (func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else "") == "hub":
            return True
    return False


# An embedding registry's entries (LanceDB: `get_registry().get("sentence-transformers").create(name=ID)`): what the
# `name=` of an entry names, by the entry's key; any other key's a Hub or hosted API model.
_REGISTRY_KINDS = {"ollama": Kind.OLLAMA}


def _gradio_loader(call: ast.Call) -> _Loader | None:
    """How `gr.load(...)`, `gradio.load(...)` or `gr.Interface.load(...)` takes a model: by its source prefix, or
    whole when `src=` names the Hub's models; None for a Space or another callee named `load`."""
    owner = call.func.value if isinstance(call.func, ast.Attribute) else None
    if isinstance(owner, ast.Attribute) and owner.attr in ("Interface", "Blocks"):
        owner = owner.value
    if not isinstance(owner, ast.Name) or owner.id not in _GRADIO_MODULES:
        return None
    source = _string(_keyword(call, "src") or (call.args[1] if len(call.args) > 1 else None))
    if source is None:
        return _GRADIO_LOAD
    return _GRADIO_LOAD_FROM if source in _GRADIO_SOURCES else None


def _widget_label(call: ast.Call, widget: _Widget) -> str | None:
    """A widget's label when it is written as a string, its punctuation read as blanks (`description="Model:"`)."""
    labels = [_string(_keyword(call, keyword)) for keyword in _WIDGET_LABELS]
    position = widget.label_position
    if position is not None and position < len(call.args):
        labels.append(_string(call.args[position]))
    label = next((label for label in labels if label is not None), None)
    return None if label is None else _WIDGET_PUNCTUATION.sub(" ", label)


def _registry_key(func: ast.expr) -> str | None:
    """The key of `<registry>.get(KEY).create`, where the registry is `get_registry()` or a name holding a registry."""
    lookup = func.value if isinstance(func, ast.Attribute) else None
    if not isinstance(lookup, ast.Call) or _call_name(lookup.func) != "get" or len(lookup.args) != 1:
        return None
    registry = lookup.func.value if isinstance(lookup.func, ast.Attribute) else None
    holder = _call_name(registry.func) if isinstance(registry, ast.Call) else _call_name(registry) if registry else None
    return _string(lookup.args[0]) if holder and "registry" in holder.lower() else None


def _row_clients(cells: list[ast.expr]) -> tuple[str, ...]:
    """The routing providers a parametrize row's client classes name (`(ChatGroq, "meta-llama/llama-4-scout-...")`:
    the model beside the client it is given to)."""
    names = (name for cell in cells if isinstance(cell, ast.Name | ast.Attribute) and (name := _call_name(cell)))
    return tuple(provider for name in names for provider in apis.routing_providers(split_words(name)))


def _served(call: ast.Call, name: str | None) -> tuple[str, ...]:
    """The providers a client call names, whose routes serve what it is given by their own names, `owner/name` as the
    Hub writes its ids: in the called name (`ChatGroq`, `ChatOpenRouter`) or in the host of its `base_url=`
    (`ChatOpenAI(base_url="https://openrouter.ai/api/v1", model=ID)`). None for a host serving Hub models by their
    Hub ids (`Together(...)`, whose `org/x` is the Hub's model: `apis.HUB_HOST_CALLEES`)."""
    if not call.keywords or (name is not None and apis.hub_host_callee(name)):
        return ()
    base = next((text for k in _BASE_URLS if (text := _string(_keyword(call, k)))), None)
    host = tuple(_host(base).split(".")) if base else ()
    return apis.routing_providers(split_words(name) if name else (), host) if name or host else ()


# The keywords a client is given its endpoint by (OpenAI's and LangChain's `base_url=`, LiteLLM's `api_base=`).
_BASE_URLS = ("base_url", "api_base", "openai_api_base")
_BLANK = re.compile(r"\s")  # a string holding one is prose, no model's id
# A name assigned a call (`client = replicate.Client(`, `llm: Any = Together(`): the callee's dotted name
_CLIENT_BINDING = re.compile(r"^[ \t]*(\w+)[ \t]*(?::[^=\n]*)?=[ \t]*([\w.]+)\(", re.MULTILINE)


def _names_a_client(callee: list[str]) -> bool:
    """Whether a dotted callee is a provider's client, by its name or its module's (`Anthropic`, `replicate.Client`),
    as `_provider_client` reads a call."""
    return apis.provider_callee(callee[-1]) or (len(callee) == 2 and apis.provider_callee(callee[0]))


def _host(url: str) -> str:
    try:
        return urlsplit(url.strip()).hostname or ""
    except ValueError:
        return ""


def _chain_head(func: ast.expr) -> str:
    """The name an attribute chain starts from (`models` of `models.fields.CharField`), or "" for another start."""
    while isinstance(func, ast.Attribute):
        func = func.value
    return func.id if isinstance(func, ast.Name) else ""


def _through_model_module(func: ast.expr) -> bool:
    """Whether a call is of a class reached through a module of model classes (`_MODEL_MODULE_WORDS`): `models.X`,
    `guidance.llms.transformers.X`."""
    while isinstance(func, ast.Attribute):
        func = func.value
        word = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        if word in _MODEL_MODULE_WORDS:
            return True
    return False


def _provider_client(func: ast.expr, name: str) -> str | None:
    """The provider's client a call is of: the called name (`sgl.Anthropic`, `TOGETHER`), else the module a function
    of is called on (`replicate.run`, `litellm.completion`), also through a class of it (the legacy OpenAI SDK's
    `openai.ChatCompletion.create("gpt-4", ...)`); None for any other call."""
    if apis.provider_callee(name):
        return name
    module = func.value if isinstance(func, ast.Attribute) else None
    while isinstance(module, ast.Attribute):
        module = module.value
    return module.id if isinstance(module, ast.Name) and apis.provider_callee(module.id) else None


def _client_made(value: ast.expr) -> str | None:
    """The provider's client a value is made by (`replicate.Client(key)`), if a call of one."""
    made = _call_name(value.func) if isinstance(value, ast.Call) else None
    return _provider_client(value.func, made) if made and isinstance(value, ast.Call) else None


def _other_hub(func: ast.expr, name: str) -> bool:
    while isinstance(func, ast.Attribute):
        func = func.value
    return name in _OTHER_HUB_CALLS or (isinstance(func, ast.Name) and func.id in _OTHER_HUB_MODULES)


def _argnames(node: ast.expr) -> list[str]:
    """The argument names of a `parametrize` call: `"a, b"` or `("a", "b")`."""
    text = _string(node)
    if text is not None:
        return [name.strip() for name in text.split(",")]
    if isinstance(node, ast.List | ast.Tuple):
        return [name.strip() for element in node.elts if (name := _string(element)) is not None]
    return []


_REPO_ID = "repo_id"
# Words of a callee that writes to the repository it is given (`api.upload_folder(repo_id=...)`, `create_repo`,
# `push_to_hub`, `HfApi().delete_file`), rather than reading from it.
_REPO_WRITERS = WRITTEN | {"create", "delete", "commit", "tag", "branch", "duplicate", "move", "rename", "update"}
_REPO_TYPES = {"model": Kind.MODEL, "dataset": Kind.DATASET}
# Words of a callee that say the repository it reads holds data: distilabel's `LoadDataFromHub(repo_id="org/prompts")`.
_DATA_WORDS = frozenset({"data", "dataset", "datasets"})


def _repo_kind(call: ast.Call, callee: str | None) -> Kind | None:
    """What a call's `repo_id=` names: the Hub repository a class or function reads its weights from
    (`KPipeline(lang_code="a", repo_id="hexgrad/Kokoro-82M")`), a dataset's with `repo_type="dataset"` or when the
    callee reads data (`LoadDataFromHub(repo_id=...)`: `hub` after `from` is where it reads from); nothing in a call
    that writes to it (`upload_folder`, `create_repo`, `push_to_hub`) or of a Space. A bare `repo_id` name elsewhere
    stays unread (`names`): a script's variable names what it pushes as often as what it reads."""
    words = split_words(callee) if callee is not None else ()
    data = bool(_DATA_WORDS.intersection(words))
    if _REPO_WRITERS.intersection(words) and not (data and _reads_from_hub(words)):
        return None
    repo_type = _keyword(call, "repo_type")
    if repo_type is None:
        return Kind.DATASET if data or _of_a_dataset(call, callee) else Kind.MODEL
    return _REPO_TYPES.get(_string(repo_type) or "")


def _reads_from_hub(words: tuple[str, ...]) -> bool:
    """Whether a callee's words say it reads from the Hub (`load_data_from_hub`) and write nothing else there: `hub`
    after `from` is a source, not a push."""
    at = words.index("hub") if "hub" in words else -1
    return at > 0 and words[at - 1] == "from" and not (_REPO_WRITERS - {"hub"}).intersection(words)


def _of_a_dataset(call: ast.Call, callee: str | None) -> bool:
    """Whether a call's `repo_id=` is a dataset's: the callee is named for one (lerobot's `LeRobotDataset(repo_id=ID)`,
    `LeRobotDatasetMetadata(repo_id=ID)`) or is given one first (`add_features(dataset, ..., repo_id=ID)`)."""
    if callee is not None and called_kind(callee) is Kind.DATASET:
        return True
    return bool(call.args) and _operand_kind(call.args[0]) is Kind.DATASET


def _keyword_kind(callee: str | None, keyword: str) -> Kind | None:
    """What a keyword named for a model holds: an Ollama model in a call of an Ollama client or wrapper
    (`OllamaChatCompletionClient(model="llama3.1")`, `OllamaGenerator(model=...)`), else what its name says."""
    kind = apis.name_kind(keyword)
    return Kind.OLLAMA if kind is Kind.MODEL and callee is not None and ollama.callee(callee) else kind


# The words a name for a model's type ends in: a hosted API's model (CAMEL's `model_type="gpt-4o"`), or, written with
# an owner, the Hub model whose open weights are served or loaded (`model_type="org/x"`): never an architecture's word.
_MODEL_TYPE = ("model", "type")


def _owned_model_type(keyword: str, value: ast.expr, kind: Kind | None) -> Kind | None:
    """MODEL for an `owner/name` string given to a keyword named for a model's type, which holds an API's model
    otherwise (`apis.API_ENDINGS`); `kind` for any other keyword or value. A hosted API's name still reads as one."""
    text = _string(value)
    owned = kind is Kind.API and text is not None and "/" in text
    return Kind.MODEL if owned and tuple(split_words(keyword)[-2:]) == _MODEL_TYPE else kind


# open_clip's keywords for the architecture and the pretrained tag, and OpenFlamingo's, which its own
# `create_model_and_transforms(clip_vision_encoder_path="ViT-L-14", clip_vision_encoder_pretrained="openai", ...)`
# passes on to open_clip (its `lang_encoder_path` and `tokenizer_path` are Hub ids, read by their names)
_ARCHITECTURE_KEYWORDS = ("model_name", "clip_vision_encoder_path")
_TAG_KEYWORDS = ("pretrained", "clip_vision_encoder_pretrained")


def _first_keyword(call: ast.Call, names: tuple[str, ...]) -> ast.expr | None:
    return next((found for name in names if (found := _keyword(call, name)) is not None), None)


def _enclosing_function(body: list[ast.stmt], line: int) -> ast.FunctionDef | ast.AsyncFunctionDef | None:
    """The innermost function whose body holds `line`, found by going down only the statements that span it."""
    found: ast.FunctionDef | ast.AsyncFunctionDef | None = None
    statements = body
    while statement := next((s for s in statements if s.lineno <= line <= (s.end_lineno or s.lineno)), None):
        if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef):
            found = statement
        statements = [child for child in ast.iter_child_nodes(statement) if isinstance(child, ast.stmt)]
    return found


def _enclosing_loop(body: list[ast.stmt], name: str, line: int) -> ast.For | ast.AsyncFor | None:
    """The innermost `for` loop of `body` (not of a function inside it) whose body holds `line` and whose target binds
    `name`."""
    found: ast.For | ast.AsyncFor | None = None
    statements = body
    while statement := next((s for s in statements if s.lineno <= line <= (s.end_lineno or s.lineno)), None):
        if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            break
        if isinstance(statement, ast.For | ast.AsyncFor) and any(
            isinstance(node, ast.Name) and node.id == name for node in _walk(statement.target)
        ):
            found = statement
        statements = [child for child in ast.iter_child_nodes(statement) if isinstance(child, ast.stmt)]
    return found


def _returned_values(value: ast.expr | None, kind: Kind) -> list[ast.expr | None]:
    """What a function named for a kind returns as values of that kind: the whole value, but of several results
    returned together, one of them named for the kind (`return dataset, article_key, summary_key` from
    `_load_dataset`), only those so named; `return ("org/a", "org/b")`, `return MODEL_A, MODEL_B` stay collections."""
    if not isinstance(value, ast.Tuple):
        return [value]
    named: list[ast.expr | None] = [
        item for item in value.elts if (name := _operand_name(item)) and apis.name_kind(name) is kind
    ]
    return named or [value]


def _operand_kind(node: ast.expr) -> Kind | None:
    name = _operand_name(node)
    return apis.name_kind(name) if name else None


def _compared_kind(operand: ast.expr) -> Kind | None:
    """What an operand of a comparison holds: what its name says (`_operand_kind`), or a Hub model for a repository's
    id a program special-cases (`if self.options.repo_id == "org/x"`, `repo_id in _FLASH_ATTN_REPO_IDS`), which names
    a repository the program reads, as a pushed one is never so compared."""
    kind = _operand_kind(operand)
    name = _operand_name(operand) if kind is None else None
    if name in SELF_RECORDS:  # `if config["_name_or_path"] in PRESETS`: the Hub repository a config was read from
        return Kind.MODEL
    words = split_words(name) if name else ()
    return Kind.MODEL if words[-2:] == ("repo", "id") and not WRITTEN.intersection(words) else kind


def _typed(operand: ast.expr) -> bool:
    """Whether an operand is read from a name for a model's type (`model_type`, `self.model_type`)."""
    name = _operand_name(operand)
    return name is not None and split_words(name)[-1] in ("type", "types")


def _substring_tests(compare: ast.Compare) -> set[int]:
    """The operands a comparison looks for inside a string named for one model: `"claude-3-haiku" in model_path`,
    `"gpt-4" not in model_name` test a part of a name, not a name used (a collection's name is plural: `"org/x" in
    models`, `"gpt-4o" in model_ids` test membership)."""
    operands = [compare.left, *compare.comparators]
    return {
        id(operands[index])
        for index, op in enumerate(compare.ops)
        if isinstance(op, ast.In | ast.NotIn) and _names_one(operands[index + 1])
    }


def _names_one(node: ast.expr) -> bool:
    """Whether an operand is read from a name that says it holds one model or dataset (`model_path`, not `models`)."""
    name = _operand_name(node)
    return name is not None and _operand_kind(node) is not None and not split_words(name)[-1].endswith("s")


def _read_kind(node: ast.expr) -> Kind | None:
    """What a read of a named setting holds, as its name says: a variable, an attribute or a string key
    (`_operand_name`), a variable of the environment (`os.environ.get("OPENAI_MODEL")`), a mapping's entry by a key
    written as a string (`kwargs.get("model")`) or an attribute by its name (`getattr(args, "model")`); the read an
    `and` guards (`config and config.get("model") or ID`, the conditional spelled before Python had one)."""
    if isinstance(node, ast.BoolOp) and isinstance(node.op, ast.And):
        node = node.values[-1]
    name = _operand_name(node) if not isinstance(node, ast.Call) else _read_name(node)
    return apis.name_kind(name) if name else None


def _read_name(call: ast.Call) -> str | None:
    """The name a call with no default reads: the environment's variable, a mapping's key or an attribute's name."""
    read = _environment_read(call)
    if read is not None:
        return _string(read[1]) if read[0] != "setenv" else None
    func, arguments = call.func, call.args
    if isinstance(func, ast.Name) and func.id == "getattr" and len(arguments) == 2:
        return _string(arguments[1])
    if isinstance(func, ast.Attribute) and func.attr in _KEYED_READS and len(arguments) == 1:
        return _string(arguments[0])
    return None


def _operand_name(node: ast.expr) -> str | None:
    """The name an operand is read from: a variable, an attribute, or a dict's string key (`config["model"]`)."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant) and isinstance(node.slice.value, str):
        return node.slice.value
    return None


# Django's manager methods that make or look up a row of a model class (`ChatModel.objects.create(name="gpt-4o")`).
_ORM_METHODS = frozenset({"create", "get_or_create", "update_or_create", "get", "filter"})


def _orm_record(func: ast.expr) -> str | None:
    """The model class whose rows `X.objects.create(...)` (or `get_or_create`, `filter`...) makes or looks up."""
    if isinstance(func, ast.Attribute) and func.attr in _ORM_METHODS:
        manager = func.value
        if isinstance(manager, ast.Attribute) and manager.attr == "objects" and isinstance(manager.value, ast.Name):
            return manager.value.id
    return None


def _receiver_name(func: ast.expr) -> str | None:
    """The module or object a method is called on when it is a plain name: `whisperx` of `whisperx.load_model`."""
    return func.value.id if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) else None


def _called_on_class(func: ast.expr) -> bool:
    """Whether a method is called on a class, by its capitalised name: `AutoencoderKL.load_config`,
    `diffusers.UNet2DConditionModel.load_config` (not `self.load_config`, `utils.load_config`)."""
    receiver = func.value if isinstance(func, ast.Attribute) else None
    name = (
        receiver.id if isinstance(receiver, ast.Name) else receiver.attr if isinstance(receiver, ast.Attribute) else ""
    )
    return name[:1].isupper() and not name.isupper()


def _partial_target(call: ast.Call, name: str | None) -> str | None:
    """The callable `functools.partial(f, ...)` binds keywords to: `partial(alpaca_dataset, source="org/x")`."""
    if name != "partial" or not call.args:
        return None
    return _call_name(call.args[0])


def _written_arguments(call: ast.Call) -> list[ast.expr]:
    """The folder a saver is given (first, or by keyword) and any call's `output_dir=`."""
    found = [keyword.value for keyword in call.keywords if keyword.arg in _OUTPUT_KEYWORDS]
    if _call_name(call.func) in _SAVERS:
        folder = call.args[0] if call.args else next(filter(None, map(partial(_keyword, call), _SAVER_KEYWORDS)), None)
        found += [folder] if folder is not None else []
    return found


def _is_fixture(decorator: ast.expr) -> bool:
    """`@pytest.fixture`, `@fixture`, `@pytest.fixture(scope="module")`."""
    return _call_name(decorator.func if isinstance(decorator, ast.Call) else decorator) == "fixture"


def _call_name(func: ast.expr) -> str | None:
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return None


def _identify(
    text: str,
    kind: Kind,
    in_context: frozenset[str],
    *,
    certain: bool = True,
    served: bool = True,
    single_names: bool = True,
    context: FileContext,
) -> tuple[Kind, str, str | None] | None:
    """The artefact a string names in a loader position, or None for local paths and non-ids."""
    if text.startswith(ollama.PREFIXES) or _routed(text):
        return None  # a LiteLLM string routed to Ollama or an API: read wherever it is written (`_url`)
    if kind is Kind.OLLAMA:
        found = ollama.recognise(text, ollama.Context.CERTAIN if certain else ollama.Context.NAMED)
        return None if found is None else (found[0], found[1], None)
    if kind is Kind.API:
        if apis.named(text, in_context, deployment=True):
            return Kind.API, text, None
        behind_route = without_hub_route(text)  # a router's `hosted_vllm/org/x`: a vLLM server serving the Hub's
        hub = parse_hub_id(behind_route) if served or behind_route != text else None
        if hub and "/" in hub.id:  # an OpenAI-compatible server serving a Hub model
            return Kind.MODEL, hub.id, hub.revision
        return None
    return _hub_or_api(text, kind, context, single_names=single_names)


def _hub_or_api(
    text: str, kind: Kind, context: FileContext, *, single_names: bool
) -> tuple[Kind, str, str | None] | None:
    """What a Hub loader's argument names. An owner-less hosted API's name is that API's, whatever the loader:
    crewAI's and other wrappers' `LLM(model="gpt-4o-mini")` share vLLM's name, and no Hub id is so spelled."""
    if kind is Kind.MODEL and "/" not in text and apis.named(text):
        return Kind.API, text, None
    hub = identify(text, kind, context.is_local_path, single_names=single_names)
    return None if hub is None else (kind, hub.id, hub.revision)


def _served_locally(text: str) -> tuple[Kind, str, str | None] | None:
    """The model a client pointed at a local server such as LM Studio asks for (`local_servers.served`)."""
    name = local_servers.served(text)
    return (Kind.API, name, None) if name else None


def _served_by_ollama(text: str) -> tuple[Kind, str, str | None] | None:
    """The Ollama model an OpenAI-compatible client's `model=` names in a file that points it at an Ollama server (its
    port, `api_key="ollama"`): a name the Ollama library knows, or a tagged one; not a Hub id, which stays the
    server's."""
    found = ollama.recognise(text, ollama.Context.NAMED)
    return (Kind.OLLAMA, found[1], None) if found and found[0] is Kind.OLLAMA else None


def _self_assignments(body: list[ast.stmt]) -> dict[str, list[tuple[ast.FunctionDef | ast.AsyncFunctionDef, ast.expr]]]:
    """Each `self.<attribute> = value` of the methods of a class's body, by attribute, with its method."""
    assigned: dict[str, list[tuple[ast.FunctionDef | ast.AsyncFunctionDef, ast.expr]]] = {}
    for method in body:
        if not isinstance(method, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for statement in _own_statements(method.body):
            if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
                attribute = _self_attribute(statement.targets[0])
                if attribute is not None:
                    assigned.setdefault(attribute, []).append((method, statement.value))
    return assigned


def _own_statements(body: list[ast.stmt]) -> Iterator[ast.stmt]:
    """The statements of a body and of the blocks inside it, not of the functions and classes it defines."""
    for statement in body:
        yield statement
        if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            continue
        for field in ("body", "orelse", "finalbody"):
            yield from _own_statements(getattr(statement, field, []))
        for handler in getattr(statement, "handlers", []):
            yield from _own_statements(handler.body)
        for case in getattr(statement, "cases", []):
            yield from _own_statements(case.body)


def _provided_by_ollama(mapping: ast.Dict) -> bool:
    """Whether a dict literal says its provider is Ollama (`{"provider": "ollama", ...}`)."""
    return any(
        isinstance(key, ast.Constant)
        and isinstance(key.value, str)
        and key.value.lower() in _PROVIDER_KEYS
        and isinstance(value, ast.Constant)
        and isinstance(value.value, str)
        and value.value.strip().lower() == "ollama"
        for key, value in zip(mapping.keys, mapping.values, strict=True)
    )


# A call's keywords that say which platform serves the model it is given, besides a dict's provider keys: CAMEL's
# `ModelFactory.create(model_platform=ModelPlatformType.OLLAMA, model_type="mistral-large")`, LiteLLM's
# `completion(model="llama3", custom_llm_provider="ollama")`.
_PLATFORM_KEYWORDS = _PROVIDER_KEYS | {"model_platform", "platform", "llm_provider", "custom_llm_provider"}


def _platform_is_ollama(call: ast.Call) -> bool:
    """Whether a call says the platform that serves its model is Ollama, by a string or an enum's member
    (`model_platform=ModelPlatformType.OLLAMA`, `provider="ollama"`): its model is the Ollama library's name before a
    hosted API's (`mistral-large` is Mistral's API model and an Ollama library name)."""
    for keyword in call.keywords:
        if keyword.arg is None or keyword.arg.lower() not in _PLATFORM_KEYWORDS:
            continue
        value = keyword.value
        text = value.attr if isinstance(value, ast.Attribute) else _string(value)
        if text is not None and text.strip().lower() == "ollama":
            return True
    return False


# The name of a file of weights a repository holds, in a folder of it or at its top (`model.safetensors`,
# `ckpts/body_pose_model.pth`, `x.Q4_K_M.gguf`).
_WEIGHTS_FILE = re.compile(r"(?:[\w.+-]+/)*[\w.+-]+\.(?:bin|safetensors|gguf|ggml|pt|pth|ckpt|onnx|h5|msgpack)")


def _names_ollama(key: ast.expr | None) -> bool:
    """Whether a dict's key names Ollama as the provider of the settings under it: a member of an enum of engines or
    providers (docling's `VlmEngineType.API_OLLAMA`, `Provider.OLLAMA`) or the string `"ollama"`."""
    name = key.attr if isinstance(key, ast.Attribute) else key.id if isinstance(key, ast.Name) else _string(key)
    return name is not None and "ollama" in split_words(name)


def _settings_record(value: ast.expr) -> ast.Dict | None:
    """Settings written as a dict literal, or as a call's keywords (`ApiModelConfig(params={...})`) read as one."""
    if isinstance(value, ast.Dict):
        return value
    if not isinstance(value, ast.Call):
        return None
    keywords = [keyword for keyword in value.keywords if keyword.arg]
    keys: list[ast.expr | None] = [ast.copy_location(ast.Constant(k.arg), k.value) for k in keywords]
    return ast.copy_location(ast.Dict(keys=keys, values=[keyword.value for keyword in keywords]), value)


def _ollama_settings(settings: ast.Dict) -> ast.Dict:
    """The settings an Ollama provider's dict holds (`"config": {"model": ID}`), as a dict that says its provider."""
    provider = ast.copy_location(ast.Constant("provider"), settings)
    return ast.Dict(keys=[provider, *settings.keys], values=[ast.Constant("ollama"), *settings.values])


def _named_artefacts(
    text: str, kind: Kind, context: FileContext, in_context: frozenset[str], single_names: bool = False
) -> list[tuple[Kind, str, str | None]]:
    """What a named default holds: one artefact, or each of a comma-separated list of them
    (`MODELS = "org/a,org/b"`), or of one joined by `+` (distil-whisper's and parler-tts' `train_dataset_name:
    str = "org/a+org/b"`, split and interleaved), all of whose items must name one."""
    artefact = _identify_named(text, kind, context, in_context, single_names)
    separator = "," if "," in text else "+"
    if artefact or separator not in text or any(c.isspace() for c in text):
        return [artefact] if artefact else []
    items = [_identify_named(item, kind, context, in_context, single_names) for item in text.split(separator)]
    return [item for item in items if item] if all(items) else []


def _identify_named(
    text: str, kind: Kind, context: FileContext, in_context: frozenset[str], single_names: bool = False
) -> tuple[Kind, str, str | None] | None:
    """The artefact a named default holds. Unlike a loader argument, an owner-less name counts only when the
    knowledge base knows it (`--model resnet50` is not) or `single_names` says the name's place is a loader's (an
    evaluation task's `DATASET_PATH`), and a hosted API's model name (`gpt-4o`, or the NVIDIA catalog's
    `meta/llama3-8b-instruct` in a file that calls the catalog) is that API's (`discover/apis.py`)."""
    if _routed(text):
        return None  # read wherever it is written (`_url`)
    if kind in (Kind.MODEL, Kind.API) and apis.named(text, in_context, deployment=kind is Kind.API):
        return Kind.API, apis.unwrapped(text), None  # `"${MODEL:-gpt-4o}"` is `gpt-4o`
    if kind is Kind.API:
        return None  # `engine=`, `deployment_name=`: a hosted API's model or nothing
    hub = identify(text, kind, context.is_local_path, single_names=single_names)
    return None if hub is None else (kind, hub.id, hub.revision)


# An evaluation task written as a class (lm-evaluation-harness's `Task`, and the harnesses built on it): the base
# class loads `load_dataset(path=self.DATASET_PATH, name=self.DATASET_NAME)`, so its `DATASET_PATH` is a Hub dataset
# even without an owner (`DATASET_PATH = "mbpp"`, a legacy id). A class is one when it also sets the dataset's
# configuration or revision, or derives from a class named for a task (`class MBPP(Task)`); not every class that reads
# a `self.dataset` of its own (`class Loader: DATASET_PATH = "train_data"`).
_TASK_DATASET_PATH = "DATASET_PATH"
_TASK_DATASET_SIBLINGS = frozenset({"DATASET_NAME", "DATASET_REVISION"})
_TASK_BASE_ENDING = "Task"


def _is_evaluation_task(cls: ast.ClassDef) -> bool:
    """Whether a class with a `DATASET_PATH` is an evaluation task whose base loads it (`_TASK_DATASET_PATH`)."""
    if any(_single_assignment(statement)[0] in _TASK_DATASET_SIBLINGS for statement in cls.body):
        return True
    return any((_call_name(base) or "").endswith(_TASK_BASE_ENDING) for base in cls.bases)


def _names_own(record: ast.expr) -> bool:
    """Whether a dict literal names its own model or dataset (`{"model_id": ID, "input": ...}`): then the key it stands
    under is a label (a test's name, `"org/x-sharded"`), not the id."""
    return isinstance(record, ast.Dict) and any(apis.name_kind(_string(key) or "") for key in record.keys)


def _annotation_kind(annotation: ast.expr | None) -> Kind | None:
    """MODEL or DATASET when a parameter's type is named for one (pyannote's `segmentation: PipelineModel = "org/x"`,
    `model: str | PreTrainedModel = "org/x"`): its string default is the one it loads. The other types (`str`,
    `Path`, `ModelMode`) say nothing."""
    if annotation is None:
        return None
    types = [node for node in ast.walk(annotation) if isinstance(node, ast.Name | ast.Attribute)]
    kinds = {kind for node in types if (name := _call_name(node)) and (kind := named_kind(name)) in _HUB_KINDS}
    return kinds.pop() if len(kinds) == 1 else None


def _annotated_defaults(annotation: ast.expr) -> list[ast.expr]:
    """The defaults an `Annotated[...]` type states in its metadata: a string (`model_name: Annotated[str,
    "text-embedding-3-large"]`, the documented default of a TypedDict's key) or a `Field(default=...)`."""
    if not (isinstance(annotation, ast.Subscript) and _call_name(annotation.value) == "Annotated"):
        return []
    if not isinstance(annotation.slice, ast.Tuple):
        return []
    metadata = annotation.slice.elts[1:]
    return [
        node
        for item in metadata
        if isinstance(node := _field_default(item) if isinstance(item, ast.Call) else item, ast.Constant)
        and isinstance(node.value, str)
    ]


def _arguments(call: ast.Call, loader: _Loader) -> list[ast.expr]:
    """The id argument of a loader call, and the values of its further artefact keywords."""
    main = next((value for k in loader.keywords if (value := _keyword(call, k)) is not None), None)
    if main is None and loader.position is not None and len(call.args) > loader.position:
        argument = call.args[loader.position]
        main = None if isinstance(argument, ast.Starred) else argument
    also = [value for k in loader.also if (value := _keyword(call, k)) is not None]
    if not also and loader.also_position is not None and len(call.args) > loader.also_position:
        also = [] if isinstance(further := call.args[loader.also_position], ast.Starred) else [further]
    if isinstance(main, ast.Dict) and loader.record_keys:
        return [*_dict_values(main, loader.record_keys), *also]
    return [main, *also] if main is not None else also


def _dict_values(record: ast.Dict, keys: tuple[str, ...]) -> list[ast.expr]:
    """The values a dict literal holds under `keys`."""
    return [value for key, value in zip(record.keys, record.values, strict=True) if _string(key) in keys]


def _options(tree: ast.Module, spelled: list[int] | None) -> dict[str, list[ast.expr]]:
    """The defaults of the options declared in `tree`, by the attribute a parsed namespace holds each in; `spelled`,
    the lines that spell an option call, spares walking the rest."""
    options: dict[str, list[ast.expr]] = {}
    for node in _walk(tree, spelled):
        if isinstance(node, ast.Call) and _call_name(node.func) in _OPTION_CALLS:
            dest, default = _option_dest(node), _keyword(node, "default")
            if dest and default is not None and not _local_folder_option(node, default):
                options.setdefault(dest, []).append(default)
    return options


def _local_folder_option(option: ast.Call, default: ast.expr) -> bool:
    """Whether an option typed as a filesystem path (`type=Path`, `type=pathlib.Path`) defaults to an owner-less word:
    a local folder (`--checkpoint_path`, `type=Path, default="llama-7b"`), which `from_pretrained` reads from disk.
    An `owner/name` default stays an id: `Path("org/x")` given to `from_pretrained` reads the Hub as the string does."""
    text = _string(default)
    return text is not None and "/" not in text and _call_name(_keyword(option, "type") or ast.Constant(None)) == "Path"


def _offered_ids(choices: ast.expr | None) -> list[ast.expr]:
    """The items of an option's literal `choices` that may be ids: `org/name` or a hosted API's name. An owner-less
    Hub name there is more often the program's own alias of a dataset or model (`choices=["c4", "wikitext2"]`, which
    it maps to ids elsewhere) than the repository itself."""
    if not isinstance(choices, (ast.List, ast.Tuple, ast.Set)):
        return []
    texts = [
        (item, item.value) for item in choices.elts if isinstance(item, ast.Constant) and isinstance(item.value, str)
    ]
    return [item for item, text in texts if "/" in text or apis.named(text) is not None]


def _option_dest(call: ast.Call) -> str | None:
    """The attribute an `add_argument` / `click.option` call's value is stored in: its `dest=`, else its first long
    flag (`--base-model`: `base_model`), else its first flag."""
    dest = _string(_keyword(call, "dest"))
    if dest:
        return dest
    flags = [text for text in map(_string, call.args) if text and text.startswith("-")]
    chosen = next((flag for flag in flags if flag.startswith("--")), flags[0] if flags else None)
    return chosen.lstrip("-").replace("-", "_") if chosen else None


def _keyword(call: ast.Call, name: str) -> ast.expr | None:
    return next((k.value for k in call.keywords if k.arg == name), None)


@dataclass(frozen=True)
class _Guard:
    """The test of an `if` around a call, whether the call is in the branch it takes, and the guards around that."""

    test: ast.expr
    taken: bool
    outer: _Guard | None


_MAX_GUARDS = 32  # the innermost tests read: generated code chains thousands of `elif`s


def _passes_guards(guard: _Guard | None, name: str, text: str) -> bool:
    """Whether `name` holding `text` can reach a call inside the guards: `if init_from == "resume": ... elif
    init_from.startswith("gpt2"): GPT.from_pretrained(init_from)` loads `gpt2-xl`, never the `resume` or `scratch`
    the name is set to by default. A test of anything else, or of a form not read, passes."""
    for _ in range(_MAX_GUARDS):
        if guard is None:
            return True
        if _test_holds(guard.test, name, text) is (not guard.taken):
            return False
        guard = guard.outer
    return True


def _test_holds(test: ast.expr, name: str, text: str) -> bool | None:
    """Whether a test of the string `name` holds when it holds `text` (`name == "x"`, `name in ("x", "y")`,
    `name.startswith("x")`, with `not`, `and`, `or`), None when the test is of something else or not read."""
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        inner = _test_holds(test.operand, name, text)
        return None if inner is None else not inner
    if isinstance(test, ast.BoolOp):
        parts = [_test_holds(value, name, text) for value in test.values]
        decisive, other = (False, True) if isinstance(test.op, ast.And) else (True, False)
        return decisive if decisive in parts else (other if all(part is other for part in parts) else None)
    if isinstance(test, ast.Call):
        return _prefix_holds(test, name, text)
    if isinstance(test, ast.Compare):
        return _comparison_holds(test, name, text)
    return None


def _prefix_holds(test: ast.Call, name: str, text: str) -> bool | None:
    """`name.startswith("gpt2")`, `name.endswith(("-xl", "-large"))` of `text`; None for any other call."""
    func = test.func
    if not (isinstance(func, ast.Attribute) and func.attr in _PREFIX_TESTS and _is_name(func.value, name)):
        return None
    tested = _strings_of(test.args[0]) if len(test.args) == 1 and not test.keywords else None
    if tested is None:
        return None
    return text.startswith(tested) if func.attr == "startswith" else text.endswith(tested)


def _comparison_holds(test: ast.Compare, name: str, text: str) -> bool | None:
    """`name == "x"`, `name != "x"`, `name in ("x", "y")`, `name not in {...}` of `text`; None for any other."""
    if len(test.ops) != 1 or not _is_name(test.left, name):
        return None
    operator, compared = test.ops[0], test.comparators[0]
    tested = _strings_of(compared)
    if tested is None:
        return None
    literal = isinstance(compared, ast.Constant)
    if isinstance(operator, ast.Eq | ast.NotEq) and literal:
        return (text == tested[0]) is isinstance(operator, ast.Eq)
    if isinstance(operator, ast.In | ast.NotIn) and not literal:
        return (text in tested) is isinstance(operator, ast.In)
    return None


def _is_name(node: ast.expr, name: str) -> bool:
    return isinstance(node, ast.Name) and node.id == name


def _strings_of(node: ast.expr) -> tuple[str, ...] | None:
    """The strings a literal string, or a literal tuple, list or set of strings only, holds; else None."""
    if isinstance(node, ast.Constant):
        return (node.value,) if isinstance(node.value, str) else None
    if isinstance(node, ast.Tuple | ast.List | ast.Set) and node.elts:
        texts = tuple(_string(element) for element in node.elts)
        return None if None in texts else texts  # type: ignore[return-value]
    return None


def _parameter_names(function: _Function) -> set[str]:
    arguments = function.args
    return {a.arg for a in (*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs)}


def _choices_asserted(statement: ast.stmt, name: str) -> list[ast.expr]:
    """The literal collection a statement says `name` is one of: `assert name in {...}`, or `if name not in
    {...}: raise ...`; else nothing."""
    if isinstance(statement, ast.Assert):
        test: ast.expr = statement.test
        taken = True
    elif isinstance(statement, ast.If) and statement.body and all(isinstance(s, ast.Raise) for s in statement.body):
        test, taken = statement.test, False
    else:
        return []
    if not (isinstance(test, ast.Compare) and len(test.ops) == 1 and _is_name(test.left, name)):
        return []
    operator, collection = test.ops[0], test.comparators[0]
    wanted = ast.In if taken else ast.NotIn
    if not isinstance(operator, wanted) or _strings_of(collection) is None or isinstance(collection, ast.Constant):
        return []
    return list(collection.elts)  # type: ignore[attr-defined]


def _string(node: ast.expr | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _same_constant(a: ast.expr, b: ast.Constant) -> bool:
    return isinstance(a, ast.Constant) and type(a.value) is type(b.value) and a.value == b.value


def _listed_kind(name: str, value: ast.expr | None) -> Kind | None:
    """What a name assigned a value holds: its naming rule's kind, else, for a list, tuple or set literal, a
    picker's (`self.embedding_model_candidates = [ID, ...]`, `model_choices = [ID, ...]` in a function), as a module
    constant's."""
    kind = apis.name_kind(name)
    if kind is None and isinstance(value, ast.List | ast.Tuple | ast.Set):
        kind = picker_kind(name)
    return kind


def _attribute_kind(target: ast.Attribute, value: ast.expr | None = None) -> Kind | None:
    """What an attribute assigned a value holds, by its name (`self.model_id`, a picker's list `self.model_options =
    [ID]`), else by its name and its owner's, as a dotted key is read (verl's `config.actor_rollout_ref.model.path =
    ID`, as its override `...model.path=ID`)."""
    kind = _listed_kind(target.attr, value)
    if kind is None and isinstance(target.value, ast.Attribute):
        kind = apis.name_kind(f"{target.value.attr}.{target.attr}")
    return kind


def _self_attribute(target: ast.expr) -> str | None:
    """The attribute of `self` an assignment's target is, if it is one."""
    is_self = isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) and target.value.id == "self"
    return target.attr if is_self and isinstance(target, ast.Attribute) else None


def _passed_to_base(members: list[ast.stmt]) -> dict[str, list[tuple[_Function, ast.expr]]]:
    """`def __init__(self, path="gpt-4.1"): super().__init__(path=path)`, then `model=self.path` in another method:
    the class's base keeps the parameter under its own name. By the name passed so, the first `__init__` that passes
    it and the name; each class's `__init__` is walked once, whatever the attributes asked."""
    passed: dict[str, list[tuple[_Function, ast.expr]]] = {}
    for method in members:
        if not isinstance(method, ast.FunctionDef | ast.AsyncFunctionDef) or method.name != "__init__":
            continue
        for statement in _own_statements(method.body):
            call = statement.value if isinstance(statement, ast.Expr) else None
            if not (isinstance(call, ast.Call) and _calls_base_init(call.func)):
                continue
            for name in dict.fromkeys(keyword.arg for keyword in call.keywords if keyword.arg):
                value = _keyword(call, name)
                if isinstance(value, ast.Name) and value.id == name:
                    passed.setdefault(name, [(method, value)])
    return passed


def _calls_base_init(func: ast.expr) -> bool:
    """`super().__init__` (or `super(Cls, self).__init__`)."""
    return (
        isinstance(func, ast.Attribute)
        and func.attr == "__init__"
        and isinstance(func.value, ast.Call)
        and _call_name(func.value.func) == "super"
    )


def _loader_base(cls: ast.ClassDef) -> str | None:
    """The name of the loader a class's `super().__init__(...)` calls: its one base, when that base is a loader
    (lighteval's custom tasks, `class MMLUTask(LightevalTaskConfig): def __init__(self, name, hf_repo="lighteval/mmlu"):
    super().__init__(name=name, hf_repo=hf_repo)`, evaluate the dataset the parameter defaults to)."""
    base = _call_name(cls.bases[0]) if len(cls.bases) == 1 else None
    return base if base in _LOADERS else None


def _string_default(function: _Function, name: str) -> ast.expr | None:
    """The default of the function's parameter `name` when it is a string."""
    default = _parameter_default_node(function, name)
    return default if _string(default) is not None else None


# Words of a name for what something costs: `MODEL_COST_PER_OUTPUT` prices the tokens a model outputs, and names no
# output a program writes.
_PRICE_WORDS = frozenset({"cost", "costs", "price", "prices", "pricing", "rate", "rates"})


def _names_written(target: str) -> bool:
    """Whether a name says it holds what a program writes or no longer uses (`WRITTEN`), not what something costs."""
    words = split_words(target)
    return bool(WRITTEN.intersection(words)) and _PRICE_WORDS.isdisjoint(words)


def _none_default(function: _Function, name: str) -> bool:
    """Whether the function's parameter `name` defaults to `None` (`def load(vocab_file=None)`)."""
    default = _parameter_default_node(function, name)
    return isinstance(default, ast.Constant) and default.value is None


def _parameter_default_node(function: _Function, name: str) -> ast.expr | None:
    arguments = function.args
    positional = [*arguments.posonlyargs, *arguments.args]
    pairs = [
        *zip(positional[len(positional) - len(arguments.defaults) :], arguments.defaults, strict=True),
        *zip(arguments.kwonlyargs, arguments.kw_defaults, strict=True),
    ]
    return next((value for argument, value in pairs if argument.arg == name), None)


def _names_api(text: str | None, contexts: frozenset[str]) -> bool:
    return bool(text and apis.named(text, contexts))


def _settings_by_key(table: ast.expr) -> bool:
    """Whether a dict maps each key to settings: a dict (`{"prompt": 0.01, "completion": 0.03}`) or a number (a
    context window, a price), as pricing and token-limit tables by model do. Such a table is one of models when most
    of its keys, the first among them, are API models' names (`TOKEN_COSTS` with a few names no provider lists)."""
    if not isinstance(table, ast.Dict) or not table.values:
        return False
    return all(_a_setting(value) for value in table.values)


def _a_setting(value: ast.expr) -> bool:
    if isinstance(value, ast.Dict):
        return True
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id == "dict":
        return True
    return type(value) is ast.Constant and type(value.value) in (int, float)


def _row_keys(items: Sequence[ast.expr | None]) -> Sequence[ast.expr | None]:
    """The first item of each row when every item is a row of two or more (a tuple or list), else the items."""
    if items and all(isinstance(item, ast.Tuple | ast.List) and len(item.elts) >= 2 for item in items):
        return [item.elts[0] for item in items if isinstance(item, ast.Tuple | ast.List)]
    return items


def _entries(container: ast.expr) -> list[tuple[ast.expr, ast.expr]]:
    """(key, value) of a dict literal; (index, item) of a list, tuple or set literal."""
    if isinstance(container, ast.Dict):
        return [(key, value) for key, value in zip(container.keys, container.values, strict=True) if key is not None]
    if isinstance(container, ast.List | ast.Tuple | ast.Set):
        items = [item for item in container.elts if not isinstance(item, ast.Starred)]
        return [(ast.Constant(index), item) for index, item in enumerate(items)]
    return []


def _item_names(item: ast.expr, depth: int = 0) -> list[ast.expr]:
    """What an item of a collection named for models names: the item itself; of a dict item (or a `dict(...)`
    record), its first `CARD_KEYS` value (an id's before a name, which beside one is a label), else what the items of
    its list values name; of a list item (an OpenAI-style list's `data`, as in `return {"object": "list", "data":
    [{"id": ...}]}`), what its items name, and of a row of columns, the names its first column lists. One level of
    nesting is read, and a row's key."""
    if isinstance(item, ast.List | ast.Tuple):
        return _listed_names(item, depth)
    entries = _record_entries(item)
    if entries is None:
        return [item]
    # A card's id before its label (`{"name": LABEL, "value": ID}`); a `dict(...)` config record's `key=` is an API
    # key's (OpenCompass's `dict(type=OpenAI, path=ID, key="ENV")`), so a record is read by `ITEM_KEYS`.
    keys = CARD_KEYS if isinstance(item, ast.Dict) else ITEM_KEYS
    chosen = next((entries[key] for key in keys if key in entries), None)
    if chosen is not None:
        return [chosen]
    lists = [value for value in entries.values() if isinstance(value, ast.List | ast.Tuple)] if depth == 0 else []
    return [name for listed in lists for name in _item_names(listed, depth)]


def _listed_names(item: ast.List | ast.Tuple, depth: int) -> list[ast.expr]:
    """What a list item names (`_item_names`): a row of columns, the names its first column lists; rows, what each
    lists."""
    if depth == 0:
        row = [inner for _, inner in _entries(item)]
        if len(row) > 1 and all(isinstance(inner, ast.List | ast.Tuple) for inner in row):
            # rows, not one row's columns: `{"openai": [("Label", "gpt-4o"), ("Label", "gpt-4o-mini")]}`
            return [name for inner in row for name in _item_names(inner, 1)]
        # a row of columns, its first the row's key: `OPENAI_MODEL_PRICING = ((("gpt-4o", "gpt-4o-2024"), 2.5),)`
        keyed = len(row) > 1
        return [name for i, inner in enumerate(row) for name in _item_names(inner, 1 + (i != 0 or not keyed))]
    if depth > 1:
        return []
    return [inner for _, inner in _entries(item) if not isinstance(inner, ast.List | ast.Tuple | ast.Dict)]


def _maps_names_to_names(mapping: ast.Dict) -> bool:
    """Whether every value of a dict is a string written as one name (no blank): a table of aliases, whose keys are
    the program's own names for the models its values name (`{"gpt-4": "mistral-nemo-instruct-2407"}`)."""
    texts = [_string(value) for value in mapping.values]
    return bool(texts) and all(text and not any(c.isspace() for c in text) for text in texts)


def _record_entries(item: ast.expr) -> dict[object, ast.expr] | None:
    """The entries of a record: a dict literal's (by constant key), or a `dict(key=value, ...)` call's, as configs in
    Python write them (mmengine's, OpenCompass's `models = [dict(type=HuggingFaceCausalLM, path=ID)]`); None for
    anything else."""
    if isinstance(item, ast.Dict):
        return {key.value: value for key, value in _entries(item) if isinstance(key, ast.Constant)}
    if isinstance(item, ast.Call) and isinstance(item.func, ast.Name) and item.func.id == "dict" and not item.args:
        return {keyword.arg: keyword.value for keyword in item.keywords if keyword.arg}
    return None


# Last words of a name for the settings of one thing: `judge_cfg`, `model_config`, `dataset_conf`.
_SETTINGS_WORDS = frozenset({"cfg", "config", "conf"})


def _settings_kind(name: str) -> Kind | None:
    """What the record bound to `name` describes when the name is one named for a model or dataset followed by a
    word for its settings (`judge_cfg`, `build_judge_cfg`, `llm_config`, `dataset_cfg`); None otherwise (`eval_cfg`,
    `model_configs`, `reader_cfg`)."""
    words = split_words(name)
    if len(words) < 2 or words[-1] not in _SETTINGS_WORDS:
        return None
    return named_kind("_".join(words[:-1]))


def _record_id(node: ast.expr | None) -> ast.expr | None:
    """The value of a record's first id key (`names.ITEM_KEYS`: `path` of `dict(type=X, abbr=..., path=ID)`), when
    `node` is a record (see `_record_entries`); None otherwise."""
    entries = _record_entries(node) if node is not None else None
    if entries is None:
        return None
    return next((entries[key] for key in ITEM_KEYS if key in entries), None)


def _split_hub_id(node: ast.expr | None, name: str) -> tuple[ast.expr | None, Kind | None, str]:
    """The `owner/name` id a record under a name holding a Hub word (`hf_config`, `hub_repo`, `hf_dataset`) spells
    in an owner key and a name key, both literal strings, as a literal at the name's position, with the kind its name
    says (a model's unless it names a dataset); (None, None, form) for anything else: the same record under any other
    name (`repo=dict(owner="octo", name="cli")` is GitHub's), a missing part, or a part that is not a literal."""
    words = split_words(name)
    entries = _record_entries(node) if node is not None and _HUB_WORDS.intersection(words) else None
    owner = next((entries[key] for key in _OWNER_KEYS if key in entries), None) if entries else None
    repo = next((entries[key] for key in _REPO_KEYS if key in entries), None) if entries else None
    owner_text, repo_text = _string(owner), _string(repo)
    if repo is None or not owner_text or not repo_text:
        return None, None, "record"
    spelled = ast.copy_location(ast.Constant(f"{owner_text}/{repo_text}"), repo)
    return spelled, named_kind(name) or _M, "record"


# Methods that add items to the collection they are called on (`models.append(x)`, `datasets.extend([...])`).
_ADDING_METHODS = frozenset({"append", "extend", "insert"})


def _added_to(func: ast.expr) -> str | None:
    """The name of the collection a call adds items to: `models` of `models.append(...)`, `self.models.extend(...)`."""
    if isinstance(func, ast.Attribute) and func.attr in _ADDING_METHODS:
        return _operand_name(func.value)
    return None


def _constant_kind(name: str, value: ast.expr | None) -> Kind | None:
    """What a module constant's name says it holds (`EMBEDDING_MODEL`, `DEFAULT_MODEL_QWEN`); a list, tuple or set
    literal named as a picker's list holds models (`MODEL_LIST = [...]`, `RESTFUL_MODEL_LIST_LATEST = [...]`)."""
    kind = apis.name_kind(name) or (qualified_kind(name) if name.isupper() else None)
    if kind is None and isinstance(value, ast.List | ast.Tuple | ast.Set):
        kind = picker_kind(name)
    return kind


def _collection_item_kind(name: str) -> Kind | None:
    """What the items of a collection hold when its name is a plural named for them (`models`, `judge_models`,
    `gsm8k_datasets`); None for a name of one (`model`: adding to it is not adding a model)."""
    kind = apis.name_kind(name)
    return kind if kind is not None and split_words(name)[-1].endswith("s") else None


def _unpacked(target: ast.expr, items: list[ast.expr]) -> dict[str, list[ast.expr]]:
    """What each name of a loop target's part stands for, given the items that part walks: all of them for a name;
    for `(repo, split)`, the first and second members of the items written as tuples or lists of two."""
    if isinstance(target, ast.Name):
        return {target.id: items}
    if not isinstance(target, ast.Tuple | ast.List):
        return {}
    width = len(target.elts)
    rows = [item.elts for item in items if isinstance(item, ast.Tuple | ast.List) and len(item.elts) == width]
    bound: dict[str, list[ast.expr]] = {}
    for index, part in enumerate(target.elts):
        bound.update(_unpacked(part, [row[index] for row in rows]))
    return bound


def _all_dicts(containers: list[ast.expr]) -> bool:
    """`for x in DICT` walks the keys."""
    return bool(containers) and all(isinstance(c, ast.Dict) for c in containers)


def _string_parts(node: ast.expr) -> list[ast.expr] | None:
    """The pieces of an f-string or of a `+` concatenation with a string in it, or None for anything else. A
    formatted value with a conversion or format spec stays a piece of its own that resolves to nothing."""
    if isinstance(node, ast.JoinedStr):
        return [_plain(value) for value in node.values]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _string_parts(node.left), _string_parts(node.right)
        if left is None and right is None and _string(node.left) is None and _string(node.right) is None:
            return None
        return [*(left or [node.left]), *(right or [node.right])]
    return None


def _without_spelled_twice(found: list[Reference]) -> list[Reference]:
    """The references, less those of a string read for its Bedrock spelling alone that a loader or a name read too
    (`model_id = "anthropic.claude-3-haiku-20240307-v1:0"` is a `constant`, not a `bedrock` string as well)."""
    if not any(r.form == _BEDROCK_FORM for r in found):
        return found
    placed = {(r.line, r.column, r.kind, r.text) for r in found if r.form != _BEDROCK_FORM}
    return [r for r in found if r.form != _BEDROCK_FORM or (r.line, r.column, r.kind, r.text) not in placed]


_BEDROCK_FORM = "bedrock"


def _plain(piece: ast.expr) -> ast.expr:
    if isinstance(piece, ast.FormattedValue) and piece.conversion == -1 and piece.format_spec is None:
        return piece.value
    return piece


_ENVIRONMENT_SETS = frozenset({"setenv", "putenv"})


def _environment_read(call: ast.Call) -> tuple[str, ast.expr | None, ast.expr | None] | None:
    """`os.getenv(NAME, DEFAULT)`, `os.environ.get(NAME, DEFAULT)`, `environ.setdefault(...)`, python-decouple's
    `config(NAME, default=DEFAULT)`: (form, name, default). A test's `monkeypatch.setenv(NAME, VALUE)` (pytest) and
    `os.putenv(NAME, VALUE)` set what the code then reads: (form, name, value)."""
    func = call.func
    if _call_name(func) in _ENVIRONMENT_SETS:
        given: list[ast.expr | None] = [*call.args, None, None]
        return "setenv", _keyword(call, "name") or given[0], _keyword(call, "value") or given[1]
    if _call_name(func) == "getenv":
        form = "getenv"
    elif isinstance(func, ast.Attribute) and func.attr in ("get", "setdefault") and _call_name(func.value) == "environ":
        form = "environ"
    elif _decouple_read(call):
        return "config", call.args[0], _keyword(call, "default")
    else:
        return None
    arguments: list[ast.expr | None] = [a for a in call.args if not isinstance(a, ast.Starred)]
    arguments += [None, None]
    return form, _keyword(call, "key") or arguments[0], _keyword(call, "default") or arguments[1]


# The route of Azure OpenAI's REST API before the deployment it calls (`{endpoint}/openai/deployments/{name}/chat/
# completions`): written in a template, the value put after it is the deployment, named for the model it serves.
_DEPLOYMENT_ROUTE = "openai/deployments/"


def _formatted_deployment(call: ast.Call) -> ast.expr | None:
    """What a `str.format` call puts after Azure OpenAI's route in its template: `"{0}/openai/deployments/{1}/chat/
    completions?api-version={2}".format(endpoint, "gpt-4o", version)` gives `"gpt-4o"`, by position, by number or by
    name (`{deployment}` and `deployment="gpt-4o"`)."""
    func = call.func
    if not (isinstance(func, ast.Attribute) and func.attr == "format" and isinstance(func.value, ast.Constant)):
        return None
    template = func.value.value
    if not isinstance(template, str) or _DEPLOYMENT_ROUTE not in template:
        return None
    try:
        fields = list(string.Formatter().parse(template))
    except ValueError:  # an unbalanced brace: no template
        return None
    automatic = 0
    for literal, field, _, _ in fields:
        if field is None:
            continue
        if literal.endswith(_DEPLOYMENT_ROUTE):
            return _format_argument(call, field or str(automatic))
        automatic += field == ""
    return None


def _format_argument(call: ast.Call, field: str) -> ast.expr | None:
    """The argument of a `str.format` call a replacement field names: a position (`0`) or a keyword (`name`)."""
    if field.isdecimal() and field.isascii():
        index = int(field)
        plain = [argument for argument in call.args if not isinstance(argument, ast.Starred)]
        return plain[index] if index < len(plain) and len(plain) == len(call.args) else None
    return _keyword(call, field)


def _decouple_read(call: ast.Call) -> bool:
    """python-decouple's `config("OPENAI_CHAT_MODEL", default="gpt-4o-mini")` (and `decouple.config(...)`): a setting
    read from the environment or a `.env` file by the variable's name written first, with `default=` when it is unset.
    Without `default=` nothing is read here (`config("KEY")`: a value the file cannot show)."""
    return (
        _call_name(call.func) == "config"
        and bool(call.args)
        and isinstance(call.args[0], ast.Constant)
        and isinstance(call.args[0].value, str)
        and _keyword(call, "default") is not None
    )


_KEYED_READS = frozenset({"get", "pop", "setdefault"})
# Calls that set an entry by a key written as a string: aiohttp's multipart form (`form.add_field("model", ID)`, the
# body of a transcription request), a store's or a config's `set("model", ID)`.
_KEYED_WRITES = frozenset({"add_field", "set"})


# A settings object's read of one key by the type it converts it to, given what the key stands for when unset:
# TaskWeaver's `self._get_str("model", DEFAULT)`, pyhocon's `config.get_string("model", DEFAULT)`; an enumerated
# setting's read (`self._get_enum("model", [ID, ...], DEFAULT)`) is also given the values it accepts. Leading
# underscores are read through (a module's private reader). Only the readers of strings: an id is one.
_TYPED_READS = frozenset({"get_str", "get_string", "getstr", "get_enum", "get_choice"})


def _typed_read(call: ast.Call) -> tuple[str, list[ast.expr]] | None:
    """`config._get_str("model", DEFAULT)`, `config.get_enum("model", OPTIONS, DEFAULT)`: (key, the default and the
    options' items). A default written as a conditional (`shared if shared is not None else ID`) is read as one."""
    func = call.func
    if not isinstance(func, ast.Attribute) or func.attr.lstrip("_") not in _TYPED_READS or not call.args:
        return None
    key = _string(call.args[0])
    if key is None:
        return None
    given = [*call.args[1:], *(value for name in ("default", "options", "choices") if (value := _keyword(call, name)))]
    return key, [item for value in given for item in _items(value)]


def _keyed_default(call: ast.Call) -> tuple[str, ast.expr] | None:
    """`kwargs.pop("tokenizer", DEFAULT)`, `config.get("model_name", DEFAULT)`: a mapping read by a key written as a
    string, with what it stands for when the key is missing: (key, default); also an attribute read by its name,
    `getattr(config, "model", DEFAULT)`; and an entry or attribute set so, with the value set (`form.add_field("model",
    ID)`, `setattr(args, "model_name_or_path", ID)`)."""
    func, arguments = call.func, call.args
    if isinstance(func, ast.Name) and func.id in ("getattr", "setattr") and len(arguments) == 3:
        arguments = arguments[1:]  # `getattr(obj, NAME, DEFAULT)`, `setattr(obj, NAME, VALUE)`: NAME is the key
    elif not isinstance(func, ast.Attribute) or func.attr not in _KEYED_READS | _KEYED_WRITES or len(arguments) != 2:
        return None
    key = arguments[0]
    if not isinstance(key, ast.Constant) or not isinstance(key.value, str) or isinstance(arguments[1], ast.Starred):
        return None
    return key.value, arguments[1]


# The key of a transformers config, as `config.json` holds it: a dict holding it is a config written out in full.
_CONFIG_DUMP_KEY = "architectures"


def _config_dump(entry: ast.expr) -> bool:
    """Whether a table's entry is a model's config written out (`MODEL_PRESETS = {"gpt2": {"architectures":
    ["GPT2LMHeadModel"], "n_embd": 768, ...}}`, MLC LLM's presets): its key names the preset the program builds a model
    from, not a Hub repository it reads (`"llama2_7b"` beside it, `"gpt2"` the legacy id spelled the same)."""
    return isinstance(entry, ast.Dict) and any(_string(key) == _CONFIG_DUMP_KEY for key in entry.keys)


def _architecture_record(entry: ast.expr) -> bool:
    """Whether a record registers an architecture's code, given its config class (MLC LLM's `MODELS = {"gpt2":
    Model(name="gpt2", model=gpt2_model.GPT2LMHeadModel, config=gpt2_model.GPT2Config, ...)}`): its name and key are
    the architecture's (a Hub config's `model_type`), not a checkpoint's id (`gpt2` the legacy id spelled the same)."""
    config = _keyword(entry, "config") if isinstance(entry, ast.Call) else None
    name = config.attr if isinstance(config, ast.Attribute) else config.id if isinstance(config, ast.Name) else ""
    return name[:1].isupper() and name.endswith("Config")


def _grouped_keys(mapping: ast.Dict) -> list[ast.expr | None]:
    """`_MODEL_DEFAULTS = {Supplier.MISTRAL: {"mistral-large": LLMConfig(...)}}`, `{"openai": {"gpt-4o": {...}}}`: a
    table of models grouped by provider, under an enum's member or a name or under a provider's key, holds its models
    as the keys of its groups: a group's values are each a model's settings (a dict or a call), where a model's own
    settings (`"mistral": {"vision": False}`) are plain values."""
    return [
        inner
        for key, group in zip(mapping.keys, mapping.values, strict=True)
        if isinstance(group, ast.Dict) and _group_key(key) and _all_records(group.values)
        for inner in group.keys
    ]


def _all_records(values: list[ast.expr]) -> bool:
    return bool(values) and all(isinstance(value, ast.Dict | ast.Call) for value in values)


def _group_key(key: ast.expr | None) -> bool:
    if isinstance(key, ast.Attribute | ast.Name):
        return True
    text = _string(key) if key is not None else None
    return text is not None and apis.is_provider_key(text)


def _items(node: ast.expr) -> list[ast.expr]:
    """The items of a list or tuple literal (`values=[ID, ...]`), else the node itself."""
    return list(node.elts) if isinstance(node, ast.List | ast.Tuple) else [node]


def _field_default(value: ast.expr | None, calls: frozenset[str] = _FIELD_CALLS) -> ast.expr | None:
    """What a field (or, with `_PARAMETER_CALLS`, a parameter) declared through one of `calls` defaults to: its
    `default=`, else its first positional argument, else what the lambda of its `default_factory=` returns (a
    dataclass's `field(default_factory=lambda: ["org/x", "1.0"])`); any other value as it is."""
    if isinstance(value, ast.Call) and _call_name(value.func) in calls:
        first = value.args[0] if value.args and not isinstance(value.args[0], ast.Starred) else None
        factory = _keyword(value, "default_factory")
        made = factory.body if isinstance(factory, ast.Lambda) else None
        return _keyword(value, "default") or first or made
    return value


def _without_prefix(text: str, prefixes: tuple[str, ...]) -> str | None:
    return next((text[len(prefix) :] for prefix in prefixes if text.startswith(prefix)), None)


def _prefixed_or_namespaced(text: str, prefixes: tuple[str, ...]) -> str | None:
    """The id a loader that needs a prefix is given: the text after it (`hf-hub:org/x`), or, without one, a whole
    `org/name` Hub id, which timm and open_clip never take bare but the helpers of the same name in serving code do
    (`get_tokenizer("org/x")` in SGLang and vLLM); `create_model("resnet50")` stays an architecture."""
    stripped = _without_prefix(text, prefixes)
    if stripped is not None:
        return stripped
    hub = parse_hub_id(text)
    return text if hub is not None and "/" in hub.id and hub.id == text else None


def _wrapped_loader(name: str) -> _Loader | None:
    """The loader a function named `<loader>_<more>` wraps (see `_WRAPPED_LOADERS`), or None."""
    wrapped = next((base for base in _WRAPPED_LOADERS if name.startswith(f"{base}_")), None)
    return _LOADERS[wrapped] if wrapped else None


def _download_kind(repo_type: str | None, default: Kind) -> Kind | None:
    """`hf_hub_download(..., repo_type="dataset")` names a dataset; a Space is no artefact of ours."""
    return {"dataset": Kind.DATASET, "space": None}.get(repo_type or "", default)


def _receiver_loader(func: ast.expr) -> _Loader | None:
    """The loader `X.from_pretrained` is for a class that takes its ids elsewhere (`_FROM_PRETRAINED_OF`), or None."""
    if not (isinstance(func, ast.Attribute) and func.attr == "from_pretrained"):
        return None
    return _FROM_PRETRAINED_OF.get(_call_name(func.value) or "")


def _is_api_client_call(func: ast.expr) -> bool:
    """`client.chat.completions.create(...)`, `client.messages.create(...)` and their siblings."""
    return (
        isinstance(func, ast.Attribute) and isinstance(func.value, ast.Attribute) and func.value.attr in _API_RECEIVERS
    )


def _versioned(name: str) -> bool:
    """Whether a name carries a version or size (`nemotron-4-340b`), unlike a word (`sonnet`) a program uses as its own
    alias."""
    return any(c.isdigit() for c in name)
