"""The one place that decides whether a string names a Hub repository, and splits off a revision."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import SplitResult, unquote, urlsplit

from modelpolicy.discover import ollama
from modelpolicy.knowledge import load as load_knowledge
from modelpolicy.model import Kind

# The Hub's repo-id grammar: an optional owner, a name of letters, digits, '-', '_', '.', at most 96 characters,
# neither starting nor ending with '-' or '.', and no '--' or '..'.
_PART = r"[A-Za-z0-9](?:[A-Za-z0-9._-]{0,94}[A-Za-z0-9_])?"
_REPO_ID = re.compile(rf"(?:{_PART}/)?{_PART}")
_FILE_SUFFIXES = (
    ".json",
    ".bin",
    ".safetensors",
    ".gguf",
    ".ggml",
    ".pt",
    ".pth",
    ".ckpt",
    ".onnx",
    ".txt",
    ".csv",
    ".parquet",
    ".jsonl",
    ".yaml",
    ".yml",
    ".zip",
    ".tar",
    ".gz",
    ".h5",
    ".model",
    ".py",
    ".arrow",
    # documents, images and media a program writes or reads (`scope.model_path("reports/plot.png")`)
    ".png",
    ".jpg",
    ".jpeg",
    ".gif",
    ".webp",
    ".svg",
    ".pdf",
    ".md",
    ".html",
    ".wav",
    ".mp3",
    ".mp4",
    ".pkl",
    ".npy",
    ".npz",
    ".tsv",
    ".log",
)
# Dataset builders that `datasets` ships: `load_dataset("json", ...)` reads local files, not a Hub dataset.
PACKAGED_BUILDERS = frozenset(
    {
        "json",
        "csv",
        "parquet",
        "text",
        "arrow",
        "pandas",
        "sql",
        "webdataset",
        "imagefolder",
        "audiofolder",
        "videofolder",
        "xml",
        "generator",
        "spark",
        "cache",
        "folder_based_builder",
        "hdf5",
        "lance",
        "pdffolder",
    }
)


# `${VAR:-default}`, `${VAR:=default}`, `${VAR-default}`, `${VAR:default}` (and Make's `$${...}`): group 1 is the
# default, which is what a value stands for when its variable is unset. Shell, .env and config values share it. A
# script's positional parameter has one too (`DATASET=${3:-"org/x"}`: the third argument, else `org/x`).
ENV_DEFAULT = re.compile(r"\$?\$\{(?:[A-Za-z_]\w*|\d+)(?::[-=]?|[-=])(.*)\}", re.DOTALL)


# A GitHub Actions expression that falls back to a literal when its input is unset or empty:
# `${{ github.event.inputs.model || 'org/x' }}` (its strings are single-quoted); group 1 is the literal.
ACTIONS_DEFAULT = re.compile(r"\$\{\{[^{}']*\|\|\s*'([^']*)'\s*\}\}")


def without_actions_default(text: str) -> str:
    """`${{ inputs.image || 'x' }}` as `x`; other text as it is."""
    fallback = ACTIONS_DEFAULT.fullmatch(text.strip())
    return fallback.group(1) if fallback else text


def without_env_defaults(text: str) -> str:
    """`${A:-${B:-org/x}}` and `${{ inputs.model || 'org/x' }}` as `org/x`; other text as it is."""
    while default := ENV_DEFAULT.fullmatch(text) or ACTIONS_DEFAULT.fullmatch(text.strip()):
        text = default.group(1)
    return text


@dataclass(frozen=True)
class HubId:
    id: str
    revision: str | None


# What Hugging Face's Inference Providers router takes after a model's id to choose who serves it
# (`openai/gpt-oss-120b:fastest`, `deepseek-ai/DeepSeek-R1:novita`): the model is the id before it.
INFERENCE_POLICIES = frozenset(
    {
        "fastest",
        "cheapest",
        "preferred",
        "cerebras",
        "cohere",
        "fal-ai",
        "featherless-ai",
        "fireworks-ai",
        "groq",
        "hf-inference",
        "hyperbolic",
        "nebius",
        "novita",
        "nscale",
        "ovhcloud",
        "publicai",
        "replicate",
        "sambanova",
        "scaleway",
        "together",
        "zai-org",
    }
)


# What OpenRouter takes after a model's id to choose a variant of the same model's serving
# (openrouter.ai/docs/faq#model-variants: `meta-llama/llama-3.3-70b-instruct:free`, `:nitro`, `:floor`, `:online`).
ROUTER_VARIANTS = frozenset({"free", "extended", "exacto", "thinking", "online", "nitro", "floor", "beta"})


def parse_hub_id(text: str) -> HubId | None:
    """`text` as a Hub repo id with an optional `@revision` (or the router's `:provider` choice, or OpenRouter's
    `:free` variant, which name the same model), or None when it cannot be one."""
    candidate, _, revision = text.strip().partition("@")
    model, colon, policy = candidate.partition(":")
    if colon and "/" in model and (policy.lower() in INFERENCE_POLICIES or policy.lower() in ROUTER_VARIANTS):
        candidate = model
    if not _REPO_ID.fullmatch(candidate) or "--" in candidate or ".." in candidate:
        return None
    if candidate.lower().endswith(_FILE_SUFFIXES):
        return None
    return HubId(candidate, revision or None)


def is_hub_id(text: str) -> bool:
    """Whether `text`, as a whole, is a Hub repo id (`org/name`, or a legacy `name`): not a local path, a URL, free
    text or an id with a revision. What a card names as lineage is checked with it before the Hub is asked."""
    return "@" not in text and not looks_like_path(text) and parse_hub_id(text) is not None


# Owners that are a project's own folders (`outputs/sft`, `checkpoints/run-1`, `saves/llama3-8b/lora`), not Hub
# organisations: an `owner/name` value under one is a local path.
FOLDER_OWNERS = frozenset(
    {
        "output",
        "outputs",
        "checkpoint",
        "checkpoints",
        "ckpt",
        "ckpts",
        "saves",
        "saved",
        "models",
        "model",
        "weights",
        "results",
        "runs",
        "exp",
        "exps",
        "experiments",
        "tmp",
        "temp",
        "local",
        "data",
        "dataset",
        "datasets",
        "images",  # a dataset builder's `path="images/val"`: a folder of pictures
        "imgs",
        "cache",
        "logs",
        "pretrained",
        "pretrained_models",  # SpeechBrain's `savedir="pretrained_models/spkrec-ecapa-voxceleb"`
        "workspace",
        "artifacts",
        "folder",  # a project's folder of its own records (Langfuse's `folder/simple-dataset`, a folder of datasets)
        "folders",
        # a build's output folder: MLC LLM's compiled weights and libraries (`model = "dist/Llama-2-7b-chat-hf-q4f16_1-
        # MLC"`, `mlc_llm compile ... -o dist/libs/x.so`), a package's `dist/` and `build/`
        "dist",
        "build",
    }
)


# Owners that say "put yours here": `your-username/my-model`, `<your-hf-id>` (which the id grammar refuses already);
# or that a test or an example makes up: `fake/path`, `dummy/model`, `owner/repo`, `user/dataset`, `foo/bar`,
# `some/other-model`, `custom/mlx-model`, `default/model`.
PLACEHOLDER_OWNERS = frozenset(
    {
        *("username", "user-name", "user_name", "hf-username", "hf_username", "my-username"),
        *("fake", "dummy", "mock", "owner", "user", "foo", "some", "example"),
        # a framework's model that answers without one, for tests and demos: Inspect AI's `mockllm/model`
        # (inspect.aisi.org.uk/providers#mock-llm) and `none/none`
        *("mockllm", "none"),
        # a test's or a catalogue test's stand-ins for the user's or a provider's own model (`--model_name
        # custom/mlx-model`, `custom/model`, `provider/model-a`, `vendor/x`)
        *("custom", "provider", "vendor"),
        "myorg",  # `myorg/my-bucket`, one word for the `my-org` of `_stand_in_organisation`
        "default",  # a sentinel a program replaces: `if model_name == "default/model":`
        # a test's repository that must not be found (`lookup("hf://unknown/model") is None`, `nonexistent/repo`)
        *("unknown", "nonexistent", "non-existent", "bogus"),
        *("example.com", "example.org", "example.net"),  # the reserved example domains: `hf://example.com/model`
    }
)
# An owner that stands for "an organisation" in a test or an example: `my-org/my-dataset`, `invalid_org/dataset` (a
# test of a path refused): the word for one after words that say "yours" or "refused" (a bare `org/x` is the tests'
# own stand-in for a real id; `fake-org/x` and `example-org/x` are theirs too).
ORGANISATION_WORDS = frozenset({"org", "organization", "organisation"})
STAND_IN_WORDS = frozenset({"my", "your", "invalid"})
# A name that is the word for what it names, then "name" or "id": `org/dataset-name`, `user/model_id`.
_KIND_NAME = re.compile(r"(?:model|dataset|repo)[-_]?(?:name|id)", re.IGNORECASE)
# Words left for the writer to replace, as a whole owner or name, or a whole owner-less name: parler-tts' `path =
# "TODO"` then `from_pretrained(path)`, `model_id = "FIXME"`, `org/TBD`, `CHANGEME`.
TO_DO_WORDS = frozenset(
    {"todo", "fixme", "tbd", "tba", "changeme", "change-me", "change_me", "replace-me", "replace_me"}
)
# Filler text, as a whole owner or name: `lorem/ipsum`, `sit/amet`.
FILLER_WORDS = frozenset({"lorem", "ipsum", "dolor", "amet"})
# Words that make an id a test fixture's stand-in when they are its whole owner or whole name: `test/model`,
# `test/tokenizer-partial`, `cleanup/test` (a cache test's repository names), never an artefact a program reads.
FIXTURE_WORDS = frozenset({"test", "tests"})
# Names by which a router of hosted models is asked to choose one itself (`openrouter/auto`, ClawRouter's
# `blockrun/auto`, and its other routing profiles `blockrun/eco`, `blockrun/premium`, `blockrun/free`; TrustedRouter's
# `trustedrouter/zdr`, any model with zero data retention): an alias of the service, no repository.
ROUTER_CHOICES = frozenset({"auto", "eco", "premium", "free", "zdr"})
# An owner-less name spelled as a constant's or an environment variable's (`HF_DATASET_NAME`, `MODEL_ID`): a template's
# slot for the reader to fill (lighteval's `hf_repo="HF_DATASET_NAME"`), never a Hub name, which the Hub's legacy
# owner-less repositories spell in lower case.
_CONSTANT_NAME = re.compile(r"[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+")
# An owner or name masked with x's, as a test or a doc hides a real one (MetaGPT's `model="xx/xxx"`, `xxxx/model`).
_MASKED = re.compile(r"x{2,}", re.IGNORECASE)


def is_placeholder(text: str) -> bool:
    """An id written for the reader to replace: its owner is `your...` or a stand-in for a user name, or its name is
    `your-...` (`meta-llama/your-model-path`; not a name that only starts so, as `coqui/YourTTS`); or a test
    fixture's stand-in, whose whole owner or name is `test` (`test/model`, `cleanup/test`; not `org/test-model`);
    filler text (`lorem/ipsum`) or x's (`xx/xxx`); one letter each side (`N/A`); or a to-do (`TODO`, `org/FIXME`);
    or a router's own choice (`blockrun/auto`; not `acme/auto-coder`); or an owner standing for an organisation
    (`my-org/x`) or a name for what it names (`org/dataset-name`); or, owner-less, a constant's name
    (`HF_DATASET_NAME`); or a path to fill in, owner-less or as the owner (`path_to_llama_7b`, `path_to/model`)."""
    if _CONSTANT_NAME.fullmatch(text):
        return True
    owner, slash, name = text.partition("/")
    if _NAME_WORDS.split(owner.lower(), 2)[:2] == ["path", "to"]:  # `from_pretrained("path_to_llama_7b")`: fill it in
        return True
    if owner.lower() in TO_DO_WORDS or name.lower() in TO_DO_WORDS:
        return True
    owner = owner.lower()
    yours = name.lower().startswith(("your-", "your_"))
    fixture = owner in FIXTURE_WORDS or name.lower() in FIXTURE_WORDS
    router = name.lower() in ROUTER_CHOICES  # `openrouter/auto`, `blockrun/auto`: the router picks, no repository
    filler = owner in FILLER_WORDS or name.lower() in FILLER_WORDS
    masked = bool(_MASKED.fullmatch(owner) or _MASKED.fullmatch(name))
    letters = len(owner) == 1 and len(name) == 1  # `N/A`, `I/O`, `x/y`: an abbreviation or a variable, no repository
    return bool(slash) and (
        owner.startswith("your")
        or owner in PLACEHOLDER_OWNERS
        or yours
        or fixture
        or filler
        or router
        or masked
        or letters
        or _stand_in_organisation(owner)
        or bool(_KIND_NAME.fullmatch(name))
    )


def _stand_in_organisation(owner: str) -> bool:
    """Whether a lower-cased owner is the word for an organisation after stand-in words (`my-org`, `invalid_org`)."""
    *before, last = _NAME_WORDS.split(owner)
    return last in ORGANISATION_WORDS and bool(before) and all(word in STAND_IN_WORDS for word in before)


# The version segment that starts a web API's route (`v1/models`, `v1beta/models`, `v2beta/stable-image/generate`):
# a value under it (`ListModelPath: "v1/models"`) is a path of an endpoint, not an organisation's repository.
_API_VERSION = re.compile(r"v[0-9]+(?:(?:alpha|beta)[0-9]*)?", re.IGNORECASE)


# The top-level media types: `image/png`, `audio/mpeg`, `application/pdf` are MIME types, not repositories.
MEDIA_TYPES = frozenset({"application", "audio", "font", "image", "message", "multipart", "text", "video"})
# Prefixes of another catalogue's dataset names, spelled as the Hub's `owner/name`: TensorFlow Datasets' and the VTAB
# suite's as CLIP_benchmark (vendored by open_clip's, EVA-CLIP's and InternVL's evaluations) and big_vision name them
# (`--dataset vtab/caltech101`, `tfds/imagenet2012`), built from TensorFlow Datasets, not read from the Hub.
OTHER_CATALOGUES = frozenset({"tfds", "vtab"})


def looks_like_path(text: str) -> bool:
    """Strings that name a file or folder on disk, or a route of a web API (under a version, `v1/models`, or under
    a name the Hub keeps from its users, `api/tags`), or a media type, or another catalogue's dataset
    (`vtab/caltech101`), or a Kubernetes API group's version, rather than a repository."""
    if text.startswith(("./", "../", "/", "~", ".\\")) or "\\" in text or text in {".", ".."}:
        return True
    owner, slash, name = text.partition("/")
    owner = owner.lower()
    route = owner in _SITE_PAGES or _API_VERSION.fullmatch(owner) is not None  # `api/tags`, `chat/completions`
    return bool(slash) and (
        owner in FOLDER_OWNERS
        or _named_folder(owner)
        or owner in MEDIA_TYPES
        or owner in OTHER_CATALOGUES
        or route
        or _api_group_version(owner, name)
    )


def _api_group_version(owner: str, name: str) -> bool:
    """A Kubernetes `apiVersion`, a domain's group and a version (`kubeai.org/v1`, `serving.kserve.io/v1beta1`),
    written wherever a manifest is built (a Python dict named `model`): no Hub owner is a domain with a version."""
    return "." in owner and _API_VERSION.fullmatch(name) is not None


def _named_folder(owner: str) -> bool:
    """An owner of words joined by `_` whose last word is a folder's (`hf_models/x`, `pretrained_models/x`,
    `saved_checkpoints/x`): a project's folder. The Hub's user and organisation names hold no `_`; a name joined by
    `-` (`google-research-datasets`) is an organisation's and stays one."""
    head, underscore, last = owner.rpartition("_")
    return bool(underscore) and bool(head) and last in FOLDER_OWNERS


# Last words of an owner-less name that make it a folder a program writes its weights to (`mlx_model`,
# `lora_fused_model`, `tmp-clip-model`, `sft_checkpoints`): no legacy owner-less name of the Hub's ends so (`gpt2`,
# `bert-base-uncased`, `t5-small`, `squad_v2`).
_FOLDER_LAST_WORDS = frozenset(
    {"model", "models", "checkpoint", "checkpoints", "ckpt", "ckpts", "weights", "output", "outputs"}
)
_NAME_WORDS = re.compile(r"[_-]")


def folder_name(text: str) -> bool:
    """Whether an owner-less name of several words is a local folder by its last word (`mlx_model`); an id with an
    owner (`org/mlx_model`) or a one-word name (`model`) is not judged here."""
    if "/" in text:
        return False
    words = _NAME_WORDS.split(text.lower())
    return len(words) > 1 and words[-1] in _FOLDER_LAST_WORDS


# Owner-less names a library loads from its own organisation: sentence-transformers reads `all-MiniLM-L6-v2` as
# `sentence-transformers/all-MiniLM-L6-v2` (a name with no `/` that is not one of transformers' legacy ids). The
# patterns are the naming families of its pretrained models; each ends in what sets it apart from an Ollama tag
# (`all-minilm`) or a word (`all-reduce`): a version, a size or a fixed name.
_LIBRARY_ORGS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "sentence-transformers",
        re.compile(
            r"(?:all|paraphrase|multi-qa|msmarco)(?:-multilingual)?"
            r"-(?:MiniLM|mpnet|distilroberta|roberta|distilbert|bert|albert|TinyBERT|xlm-r)[A-Za-z0-9.-]*-v[0-9]+"
            r"|distiluse-base-multilingual-cased(?:-v[12])?|LaBSE|clip-ViT-[BL]-(?:32|16|14)(?:-multilingual-v1)?"
            r"|(?:gtr|sentence)-t5-(?:base|large|xl|xxl)"
            r"|average_word_embeddings_(?:glove\.6B\.300d|glove\.840B\.300d|komninos|levy_dependency)",
            re.IGNORECASE,
        ),
    ),
)


# LiteLLM's `openai/` route sends what follows to whatever OpenAI-compatible server `api_base` names (`openai/local`
# for a llamafile, `openai/llama3.1-70b` for Cerebras' endpoint): a model id under the `openai` owner is the Hub's
# only when its name is of a family the OpenAI organisation publishes there (its open weights); any other is a name
# some server serves. (Its datasets, `openai/gsm8k`, are not read by this rule.)
ROUTE_OWNER = "openai"
_ROUTE_OWNER_HUB_NAMES = re.compile(
    r"whisper-[a-z0-9.-]+|clip-vit-[a-z0-9-]+|gpt-oss(?:-[a-z0-9-]+)?|shap-e(?:-[a-z0-9]+)?|diffusers-[a-z0-9_-]+"
    r"|consistency-decoder|imagegpt-[a-z]+|openai-gpt|gpt2(?:-[a-z]+)?|point-e[a-z0-9_-]*|jukebox[a-z0-9_-]*",
    re.IGNORECASE,
)


def routed_elsewhere(hub_id: str) -> bool:
    """`openai/local`, `openai/i`: LiteLLM's route to an OpenAI-compatible server, not a repository of the Hub's."""
    owner, _, name = hub_id.partition("/")
    return owner.lower() == ROUTE_OWNER and not _ROUTE_OWNER_HUB_NAMES.fullmatch(name)


def library_owned(name: str) -> str | None:
    """`ORG/name` for an owner-less name a library loads from its own organisation (`all-MiniLM-L6-v2`), else None."""
    if "/" in name:
        return None
    return next((f"{org}/{name}" for org, names in _LIBRARY_ORGS if names.fullmatch(name)), None)


# LiteLLM's routes to a server that takes a Hub model by its id, as LiteLLM, dspy and lighteval configs write them:
# `huggingface/meta-llama/Llama-3.1-8B-Instruct` (Hugging Face's inference), `hosted_vllm/Qwen/Qwen2.5-7B-Instruct` and
# `vllm/org/x` (a vLLM server), `openai/org/x` (an OpenAI-compatible server, a router or a local one). What follows
# the route is the Hub id served when it is `org/name`. A route whose provider names its own models in that shape
# (`openrouter/meta-llama/llama-3-70b-instruct`, `together_ai/...`) is not among them. Inspect AI's providers of a Hub
# model run locally are written so too (inspect.aisi.org.uk/providers: `hf/openai-community/gpt2`,
# `vllm-completions/EleutherAI/pythia-70m`, as its `vllm/`).
# SiliconFlow names the open models it serves by their Hub id, its paid tier's with `Pro/` before it
# (`Pro/deepseek-ai/DeepSeek-R1`, `Pro/Qwen/Qwen2.5-7B-Instruct`), spelled so exactly.
HUB_ROUTES = frozenset({"huggingface", "hosted_vllm", "vllm", "openai", "hf", "vllm-completions", "Pro"})


# pydantic-ai's provider prefix for Hugging Face's Inference Providers (`Agent("huggingface:Qwen/Qwen3-32B")`): the Hub
# model served, written whole as its other `provider:model` strings are; GenAIScript's `transformers:` provider, which
# runs a Hub model with transformers.js, with the weights' data type after it (`transformers:org/x:q4`).
HUB_PROVIDER_ROUTES = ("huggingface:", "transformers:")
# transformers.js's `dtype` choices (huggingface.co/docs/transformers.js/guides/dtypes): the same repository's files.
_TRANSFORMERS_DTYPES = frozenset({"auto", "fp32", "fp16", "q8", "int8", "uint8", "q4", "bnb4", "q4f16"})


def without_hub_route(value: str) -> str:
    """`huggingface/org/x` as `org/x`: a Hub model's id behind a LiteLLM route to a server of Hub models (or
    pydantic-ai's `huggingface:org/x`)."""
    return hub_provider_routed(value) or _without_litellm_hub_route(value)


def _without_litellm_hub_route(value: str) -> str:
    route, _, rest = value.partition("/")
    return rest if route in HUB_ROUTES and rest.count("/") == 1 and not rest.startswith("/") else value


def hub_provider_routed(value: str) -> str | None:
    """The Hub id of pydantic-ai's `huggingface:org/x` (or GenAIScript's `transformers:org/x:q4`), or None for any
    other string (`huggingface:`, a path)."""
    route = next((route for route in HUB_PROVIDER_ROUTES if value.startswith(route)), None)
    if route is None:
        return None
    rest = value[len(route) :]
    repo, colon, dtype = rest.rpartition(":")
    rest = repo if colon and dtype.lower() in _TRANSFORMERS_DTYPES else rest
    hub = parse_hub_id(rest) if rest.count("/") == 1 else None
    return hub.id if hub is not None and not looks_like_path(rest) else None


# LM Studio's key of a model, `publisher/repository/file.gguf` (`lmstudio-community/Meta-Llama-3.1-8B-Instruct-GGUF/
# Meta-Llama-3.1-8B-Instruct-Q4_K_M.gguf`): the file of a Hub repository of GGUF builds, named by its repository.
_GGUF_FILE_KEY = re.compile(rf"(?P<repo>{_PART}/{_PART})/[^/\s]+\.gguf", re.IGNORECASE)


def without_gguf_file(value: str) -> str:
    """`org/X-GGUF/x.Q4_K_M.gguf` as `org/X-GGUF`: a GGUF file by the repository of GGUF files it comes from (one
    whose name says so; `models/llama/x.gguf` is a folder's file)."""
    match = _GGUF_FILE_KEY.fullmatch(value)
    return match["repo"] if match and "gguf" in match["repo"].rpartition("/")[2].lower() else value


# A repository written as its folder (`org/name/`) or with the weights file a program downloads from it, by the Hub's
# file names (`org/name/pytorch_model.bin`, `org/name/open_clip_model.safetensors`, a shard `model-00001-of-00002.
# safetensors`): open_clip's pretrained table, `hf_hub="laion/x/"` and `hf_hub="laion/x/model.safetensors"`, which it
# splits into `hf_hub_download(repo_id, filename)`; or with any `.safetensors` file at its top, as single-file
# checkpoints are written (ai-toolkit's `name_or_path: org/x/x-22b-dev.safetensors`, `assistant_lora_path:
# org/adapter/adapter_v2.safetensors`, split into `repo_id` and `filename`). Another file (`org/x/config.json`) or a
# deeper path stays a path.
_REPOSITORY_FILE = re.compile(
    rf"(?P<repo>{_PART}/{_PART})/(?:(?:[a-z0-9]+_)*(?:pytorch_)?model(?:-[0-9]{{5}}-of-[0-9]{{5}})?\.bin"
    r"|[A-Za-z0-9][A-Za-z0-9._+-]*\.safetensors)?"
)


def without_repository_file(value: str) -> str:
    """`org/x/` and `org/x/pytorch_model.bin` as `org/x`: a repository by its folder or its weights file."""
    match = _REPOSITORY_FILE.fullmatch(value)
    return match["repo"] if match else value


# InvokeAI's source of a model inside a repository, `owner/name::subfolder` or `owner/name::file.safetensors` (its
# `StarterModel(source="org/x::text_encoder+tokenizer")`, `invokeai-model-install --add org/x::vae`): the repository
# before the `::` is the one downloaded.
_SUBPATH = re.compile(rf"(?P<repo>{_PART}/{_PART})::[^\s:]+")


def without_subpath(value: str) -> str:
    """`org/x::subfolder` as `org/x`: the repository a selection of its files comes from."""
    match = _SUBPATH.fullmatch(value)
    return match["repo"] if match else value


# ms-swift's dataset syntax, `[hf::]ORG/NAME[:SUBSET[/SUBSET...]][#SAMPLES]` (its `DatasetSyntax.parse`): `--dataset
# 'org/x#500'`, `dataset=['org/x:train/validation#1000']`, `dataset: hf::org/x`: the subsets read and the number of
# samples taken, no part of the id. A Hub id holds no `:` or `#`; a name with no owner (`squad:plain`) stays as written.
_SUBSETS_AND_SAMPLES = re.compile(rf"(?:hf::)?(?P<repo>{_PART}/{_PART})(?::{_PART}(?:/{_PART})*)?(?:#[0-9]+)?")


def without_subsets_and_samples(value: str) -> str:
    """`org/x:subset#500` as `org/x`: the dataset ms-swift reads its subsets and samples from."""
    match = _SUBSETS_AND_SAMPLES.fullmatch(value)
    return match["repo"] if match else value


@cache
def catalogued() -> dict[str, str]:
    """A library's catalogue names for models it downloads from the Hub, each with that repository (Coqui TTS's
    `tts_models/multilingual/multi-dataset/xtts_v2`, `coqui/XTTS-v2`), written in a `TTS(...)` call, on the `tts
    --model_name` command line or in a config's model key: data, in `catalogued.toml` beside this module."""
    import tomllib

    with Path(__file__).with_name("catalogued.toml").open("rb") as table:
        return {name: str(repository) for name, repository in tomllib.load(table).items()}


def identify(value: str, kind: Kind, is_local_path: Callable[[str], bool], *, single_names: bool) -> HubId | None:
    """The Hub repository a value in a reference position names, or None for paths, builders and non-ids.

    An owner-less name (`gpt2`) counts when `single_names` is set (a Python loader call, where legacy names are
    the norm) or when the knowledge base knows it; elsewhere (`--model resnet50`, `model: gpt-4o`) it does not.
    An OLLAMA `kind` (a value under `OLLAMA_MODEL`) is the Ollama recogniser's to read; a LiteLLM string routed to
    Ollama (`ollama/llama3`) names no Hub repository.
    """
    if kind is Kind.MODEL:  # a library's catalogue name is the repository it downloads
        value = catalogued().get(value) or without_subpath(
            without_repository_file(without_gguf_file(without_hub_route(value)))
        )
    elif kind is Kind.DATASET:
        value = without_subsets_and_samples(value)
    if looks_like_path(value) or is_local_path(value) or value.startswith(ollama.PREFIXES):
        return None
    if kind is Kind.OLLAMA:
        found = ollama.recognise(value, ollama.Context.NAMED)
        return HubId(found[1], None) if found and found[0] is Kind.OLLAMA else None
    hub = parse_hub_id(value)
    if (
        hub is None
        or (kind is Kind.DATASET and hub.id.lower() in PACKAGED_BUILDERS)
        or is_placeholder(hub.id)
        or (kind is Kind.MODEL and routed_elsewhere(hub.id))  # `openai/local`: LiteLLM's route to a local server
        or folder_name(hub.id)
        or _OPENAI_CLIP.fullmatch(hub.id) is not None
    ):
        return None
    if kind is Kind.MODEL and library_owned(hub.id):  # `model_name: str = "all-MiniLM-L6-v2"`: kept as written, and
        return hub  # resolved as the repository the library loads (`modelpolicy.resolve`)
    if "/" in hub.id or single_names:
        return hub
    known = load_knowledge().artefact(kind, hub.id)
    return hub if known is not None and _spelled_as_known(hub.id, kind, known.id, known.aliases) else None


# The names of OpenAI's `clip` package (`clip.load("ViT-L/14")`, `ViT-B/32`, `ViT-L/14@336px`), which it downloads from
# its own bucket, and which diffusion code compares a config's `model:` with (`if clip_model_name == "ViT-L/14"`): an
# architecture and a patch size, no Hub owner and repository. (open_clip writes them `ViT-L-14`, with no slash.)
_OPENAI_CLIP = re.compile(r"ViT-[A-Za-z]{1,2}/[0-9]{1,2}", re.IGNORECASE)


def _spelled_as_known(name: str, kind: Kind, known_id: str, aliases: tuple[str, ...]) -> bool:
    """Whether an owner-less name the knowledge base knows is written as the Hub writes it. The Hub's legacy datasets
    are named in lower case (`gsm8k`, `squad`): `GSM8K` or `SQuAD` in a config or keyword is a benchmark's display
    name (MetaGPT's AFlow `ExperimentConfig(dataset="GSM8K")` reads its own copy), not the Hub repository."""
    return kind is not Kind.DATASET or name == name.lower() or name in (known_id, *aliases)


# AudioCraft's reference to a pretrained model it downloads from the Hub: `//pretrained/facebook/encodec_32khz` in its
# solvers' configs (`compression_model_checkpoint:`, `continue_from:`) and code (`model_from_checkpoint(...)`), read by
# `CompressionModel.get_pretrained(ORG/NAME)`; an owner-less name after it (`//pretrained/dac_44khz`,
# `//pretrained/debug_compression_model`) is one of the library's own, no repository.
PRETRAINED_PREFIX = "//pretrained/"
# A URL as written in text: up to a blank, a quote or a bracket. `parse_hub_url` says whether it is the Hub's. Also
# the Hub's id after `hf:` alone, as Triton CLI's `--source hf:ORG/NAME` and other tools write it (an owner and a
# name after it, and no word before it: `pdf:x/y`, `self.hf:` are not).
URL = re.compile(
    r"(?:(?:https?|hf|huggingface|ssh)://|git@|(?<![\w:/])//pretrained/|(?<![\w.:/-])hf:(?=[\w.-]+/[\w.-]))"
    r"[^\s\"'<>()\[\]{},]+",
    re.IGNORECASE,
)
# Git over SSH in scp form: `git@hf.co:datasets/ORG/NAME`, `git@huggingface.co:ORG/NAME.git`.
_SCP = re.compile(r"git@(?P<host>[\w.-]+):(?P<path>[^\s]+)", re.IGNORECASE)
# What every URL `parse_hub_url` reads holds, lower-cased: for the sources' pre-filters.
URL_MARKERS = (b"huggingface.co", b"hf.co", b"hf:", b"huggingface://", PRETRAINED_PREFIX.encode())
_HUB_HOSTS = frozenset({"huggingface.co", "www.huggingface.co", "hf.co"})
_INFERENCE_HOSTS = frozenset({"api-inference.huggingface.co", "router.huggingface.co"})
# Hosts under the inference API's own (HuggingChat's `internal.api-inference.huggingface.co`) serve the same routes.
_INFERENCE_SUBDOMAINS = (".api-inference.huggingface.co",)
# First path segments of huggingface.co (and of hf:// paths) that are site pages or Spaces, not repositories; the Hub
# keeps them from its users, so `api/tags` (Ollama's REST route) or `chat/completions` written alone is no repository.
_SITE_PAGES = frozenset(
    {
        "api",
        "billing",
        "blog",
        "brand",
        "buckets",
        "changelog",
        "chat",
        "code-of-conduct",
        "collections",
        "docs",
        "enterprise",
        "front",
        "inference-endpoints",
        "join",
        "learn",
        "login",
        "models",
        "new",
        "notifications",
        "oauth",
        "organizations",
        "papers",
        "posts",
        "pricing",
        "privacy",
        "settings",
        "spaces",
        "subscribe",  # `https://huggingface.co/subscribe/pro`
        "tasks",
        "terms-of-service",
    }
)
# Repository routes whose next segment is a revision: `.../resolve/main/model.safetensors`.
_REVISION_ROUTES = frozenset({"resolve", "blob", "tree", "raw"})
# What follows `models/NAME` on the inference endpoints when the model has no owner: `models/gpt2/v1/...`.
_ENDPOINT_ROUTES = frozenset({"v1", "pipeline"})


def parse_hub_url(text: str) -> tuple[Kind, HubId] | None:
    """The repository a Hugging Face URL (`_parse_url`) or AudioCraft's `//pretrained/ORG/NAME` points at, or None."""
    stripped = text.strip()
    if stripped.lower().startswith(PRETRAINED_PREFIX):
        return _pretrained([segment for segment in stripped[len(PRETRAINED_PREFIX) :].split("/") if segment])
    return _parse_url(text)


def _parse_url(text: str) -> tuple[Kind, HubId] | None:
    """The repository a Hugging Face URL points at, or None for site pages, Spaces and other hosts.

    `https://huggingface.co/ORG/NAME[/resolve|blob|tree|raw/REV/...]` (or `hf.co`, or cloned over SSH:
    `git@hf.co:ORG/NAME`, `ssh://git@hf.co/ORG/NAME`) is a model;
    `.../datasets/ORG/NAME...` a dataset, and there a legacy `datasets/NAME` too;
    `hf://[datasets/]ORG/NAME[@REV]/...` (or `huggingface://`) likewise; the inference endpoints name a model after
    `/models/` (or `/pipeline/TASK/`). A model URL needs an owner unless a revision route follows, since
    `huggingface.co/WORD` is as likely a site page as a legacy model.
    """
    scp = _SCP.fullmatch(text.strip())
    if scp:  # `git@hf.co:ORG/NAME` is `ssh://git@hf.co/ORG/NAME` written the way scp writes it
        text = f"ssh://git@{scp['host']}/{scp['path']}"
    try:
        url = urlsplit(text.strip())
        host = (url.hostname or "").lower()
    except ValueError:  # an unbalanced `[` in the host is not a URL of the Hub's
        return None
    segments = [unquote(s) for s in url.path.split("/") if s]
    if url.scheme in ("hf", "huggingface"):  # `huggingface://`: LocalAI's and others' spelling of `hf://`
        return _hub_scheme_path(text, url, segments)
    if url.scheme not in ("http", "https", "ssh"):  # `ssh://git@hf.co/ORG/NAME` clones over SSH
        return None
    if host in _HUB_HOSTS:
        segments = _without_api_route(segments)
        return None if _owner_only(segments) else _hub_path(segments)
    if host in _INFERENCE_HOSTS or host.endswith(_INFERENCE_SUBDOMAINS):
        return _inference_model(segments)
    return None


def _hub_scheme_path(text: str, url: SplitResult, segments: list[str]) -> tuple[Kind, HubId] | None:
    """`hf://ORG/NAME` (or `huggingface://`), and `hf:ORG/NAME` without the slashes, as Triton CLI's `--source` and
    other tools write it."""
    if text.strip()[len(url.scheme) + 1 :].startswith("//"):
        return _hub_path(_without_quantisation([url.netloc, *segments]))
    return _hub_path(segments) if url.scheme == "hf" and not url.query else None


# The quantisation a GGUF repository's `hf://ORG/NAME:TAG` picks (RamaLama's, as llama.cpp's `-hf ORG/NAME:Q4_K_M`).
_QUANTISATION_TAG = re.compile(r":[A-Za-z0-9_.-]+")


def _without_quantisation(segments: list[str]) -> list[str]:
    """`hf://ORG/NAME:Q4_0` names the repository `ORG/NAME`, one of its files picked by the tag; only a path that
    ends at the repository carries one (`hf://ORG/NAME/file.gguf` names its file instead)."""
    if len(segments) == 2 and ":" in segments[1]:
        name, _, tag = segments[1].partition(":")
        if name and _QUANTISATION_TAG.fullmatch(f":{tag}"):
            return [segments[0], name]
    return segments


def _without_api_route(segments: list[str]) -> list[str]:
    """The Hub's REST API names a repository after `api/models/` or `api/datasets/` (`/api/datasets/ORG/NAME/parquet/
    default/train/0000.parquet`, `/api/models/ORG/NAME/revision/main`): the path of the repository's own page, with
    its owner, which the API's other routes (`api/models?search=`, `api/whoami-v2`) never give."""
    if len(segments) >= 4 and segments[0] == "api" and segments[1] in ("models", "datasets"):
        return segments[2:] if segments[1] == "models" else ["datasets", *segments[2:]]
    return segments


def _inference_model(segments: list[str]) -> tuple[Kind, HubId] | None:
    """The model an inference API's route names: after `models/`, or after `pipeline/TASK/`."""
    if "models" in segments:
        return _endpoint_model(segments[segments.index("models") + 1 :])
    if segments[:1] == ["pipeline"]:  # `pipeline/feature-extraction/ORG/NAME`
        return _endpoint_model(segments[2:])
    return None


def _owner_only(segments: list[str]) -> bool:
    """Whether a page's path is `datasets/WORD` and nothing after it, WORD no legacy dataset the knowledge base knows:
    an owner's page, or the head of the URLs a program builds under it (`URL_PREFIX =
    "https://huggingface.co/datasets/vcr-org"`, then `f"{URL_PREFIX}/NAME/resolve/main/x.tsv"`), as likely as one of
    the Hub's legacy owner-less datasets (`datasets/squad`), which a file route after the name still names."""
    if len(segments) != 2 or segments[0] != "datasets":
        return False
    return load_knowledge().artefact(Kind.DATASET, segments[1].removesuffix(".git")) is None


def _hub_path(segments: list[str]) -> tuple[Kind, HubId] | None:
    if not segments or segments[0] in _SITE_PAGES:
        return None
    kind = Kind.DATASET if segments[0] == "datasets" else Kind.MODEL
    rest = segments[1:] if kind is Kind.DATASET else segments
    owned = len(rest) >= 2 and rest[1] not in _REVISION_ROUTES
    repo, route = (rest[:2], rest[2:]) if owned else (rest[:1], rest[1:])
    has_revision = len(route) >= 2 and route[0] in _REVISION_ROUTES
    if not repo or not (owned or kind is Kind.DATASET or has_revision):
        return None
    hub = parse_hub_id("/".join(repo).removesuffix(".git"))
    if hub is None or is_placeholder(hub.id):  # `hf://example.com/model`, `huggingface.co/your-org/your-model`
        return None
    return kind, HubId(hub.id, route[1] if has_revision else hub.revision)


def _pretrained(segments: list[str]) -> tuple[Kind, HubId] | None:
    """The model AudioCraft's `//pretrained/ORG/NAME` downloads: an owned id, nothing deeper."""
    hub = parse_hub_id("/".join(segments)) if len(segments) == 2 else None
    return None if hub is None or is_placeholder(hub.id) else (Kind.MODEL, hub)


def _endpoint_model(segments: list[str]) -> tuple[Kind, HubId] | None:
    owned = len(segments) >= 2 and segments[1] not in _ENDPOINT_ROUTES
    hub = parse_hub_id("/".join(segments[:2] if owned else segments[:1]))
    return (Kind.MODEL, hub) if hub else None


def name_shaped(value: str) -> bool:
    """Whether a value may be a name: a word without blanks that holds a letter (`llama3-8b-8192`, not `0.2`), as
    the values of a table of aliases are (`alias: name`)."""
    value = value.strip()
    return bool(value) and not any(c.isspace() for c in value) and any(c.isalpha() for c in value)
