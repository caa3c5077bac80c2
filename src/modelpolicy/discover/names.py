"""Names that say they hold a model or dataset to read: of flags, fields, parameters, environment variables, config
keys and shell variables. One rule for every source, so that `EMBEDDING_MODEL=org/x` in a `.env` file,
`embedding_model: org/x` in YAML and `embedding_model: str = "org/x"` in Python are read alike.

A name is split into words at `_`, `-`, `.`, blanks and camelCase, lower-cased. It names what is read when it ends in
one of `ENDINGS` (the words before a `for`: `MODEL_NAME_FOR_TEST` is a model's name) and holds none of `WRITTEN`;
`dataset` among its words makes it a dataset. `repo_id` alone is not among them: it names what a script pushes as
often as what it reads, and the loaders that take one (`hf_hub_download(repo_id=...)`) are read as loaders. A name of
an Ollama model (`OLLAMA_MODEL`, `ollama_llm`, `LOCAL_LLM`) holds one of `OLLAMA_WORDS` and ends in one of
`OLLAMA_ENDINGS`, or ends in one of `LOCAL_ENDINGS`: what it holds is read by the Ollama recogniser
(`discover/ollama.py`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from modelpolicy.model import Kind

ENDINGS = frozenset(
    {
        ("model",),
        ("model", "id"),
        ("model", "name"),
        ("modelname",),  # `APP_LLM_MODELNAME`, `MODELNAME`: one word in capitals
        ("llm",),  # `REFLECTION_LLM`, `llm:`; `local_llm` and `ollama_llm` are Ollama's (below)
        ("llm", "name"),  # MetaGPT's AFlow `optimize(llm_name="gpt-4o-mini")`, read from its `models:` config
        # Guardrails AI's validators that ask a model (`ProvenanceLLM(llm_callable="gpt-4o-mini")`, `RestrictToTopic`,
        # `LLMCritic`): the LiteLLM model name they call, or a function given in its place
        ("llm", "callable"),
        ("judger",),  # the grading model spelled so: Qwen-Agent's benchmark `--vis-judger gpt-4-vision-preview`
        ("judge",),  # the model that grades another's answers: `judge: gpt-4o`, `--judge org/x`, `llm_as_judge=`
        ("model", "name", "or", "path"),
        ("model", "id", "or", "path"),  # KServe's, optimum's `model_id_or_path="org/x"`
        # a model's id or folder named without `name` (a RAFT example's `reward_model_or_path: str = field(default=
        # "org/x")`, read by `pipeline(model=args.reward_model_or_path)`)
        ("model", "or", "path"),
        ("model", "repo"),
        ("model", "repo", "id"),
        # the repository a preset or spec loads unless told otherwise: docling's `VlmModelSpec(default_repo_id=
        # "org/x")`, `{"default_repo_id": "org/x", "engine_overrides": ...}` (a bare `repo_id` is pushed to as often)
        ("default", "repo", "id"),
        # Neural Magic's word for a model's id (SparseML, LLM Compressor, compressed-tensors): `MODEL_STUB = "org/x"`,
        # `model_free_ptq(model_stub=ID)`, a test config's `compressed_model_stub: org/x`
        ("model", "stub"),
        # a repository of GGUF weights (llama.cpp's format) a program downloads: `GGUF_REPO: org/x-GGUF`
        ("gguf", "repo"),
        ("gguf", "repo", "id"),
        # the repository of the embedding model a retrieval program downloads (InstructLab's `GRANITE_EMBEDDING_REPO =
        # "ibm-granite/granite-embedding-125m-english"`, beside its `GRANITE_GGUF_REPO`)
        ("embedding", "repo"),
        ("embedding", "repo", "id"),
        ("tokenizer",),
        ("tokenizer", "id"),
        ("tokenizer", "name"),
        ("tokenizer", "name", "or", "path"),
        ("tokenizer", "repo"),
        # the Hub repository a tokenizer is read from, named for the hub it lives on (Quivr's
        # `LLMConfig(tokenizer_hub="Quivr/gpt-4o")`, read by `AutoTokenizer.from_pretrained(self.tokenizer_hub)`)
        ("tokenizer", "hub"),
        ("tokenizer", "hub", "id"),
        # the repository an audio or image model's preprocessor is read from, apart from the model's own: transformers'
        # run scripts' `--feature_extractor_name`, parler-tts' `"feature_extractor_name": "org/dac"`, the vision
        # scripts' `--image_processor_name`
        ("feature", "extractor"),
        ("feature", "extractor", "name"),
        ("feature", "extractor", "name", "or", "path"),
        ("image", "processor"),
        ("image", "processor", "name"),
        ("image", "processor", "name", "or", "path"),
        # the Hugging Face Hub repository a table of pretrained weights reads (timm's `_cfg(hf_hub_id="timm/x")`,
        # open_clip's `_pcfg(hf_hub="laion/x/")`): named for the hub, as a tokenizer's is (`READ_FROM_HUB`)
        ("hf", "hub"),
        ("hf", "hub", "id"),
        # a repository id named for the hub it is read from, beside another hub's (GPUStack's model catalogue and API:
        # `huggingface_repo_id: org/x` next to `model_scope_model_id:`); `repo_id` alone, or `hf_repo_id`, is as often
        # what a script pushes (`hf_repo_id: your-username/your-model`)
        ("huggingface", "repo", "id"),
        ("hugging", "face", "repo", "id"),  # `HuggingFaceRepoId`
        ("dataset",),
        ("dataset", "id"),
        ("dataset", "name"),
        ("dataset", "name", "or", "path"),
        ("dataset", "repo"),
        ("dataset", "repo", "id"),
        # what `load_dataset` is given, as optimum's task processors name it: `DEFAULT_DATASET_ARGS = "squad_v2"`, or
        # a dict of its arguments whose `path` is the dataset (`{"path": "glue", "name": "sst2"}`; `name` is a config)
        ("dataset", "args"),
        ("model", "path"),
        # Amazon Bedrock's API names a model by its id or ARN: `modelArn`, `embeddingModelArn` (a knowledge base's
        # embeddings), `baseModelIdentifier` (a customisation job's base model), `teacherModelIdentifier`
        ("model", "arn"),
        ("model", "identifier"),
        ("model", "url"),
        ("model", "uri"),
        ("model", "source"),  # Ray Serve LLM's `model_loading_config: {model_id: alias, model_source: org/x}`
        # the Hub repository a table entry loads (SummaC's `model_map = {"vitc": {"model_card": "tals/albert-..."}}`,
        # read by `from_pretrained(self.model_card)`); a card's text or a README path is no id, and a list named for
        # cards holds records (`SINGULAR_ONLY`)
        ("model", "card"),
        ("dataset", "path"),
        ("dataset", "uri"),  # llm-foundry's evaluation tasks: `dataset_uri: hf://org/x` (or a local file)
        ("data", "path"),
        ("tokenizer", "path"),
        ("lm", "name"),  # dspy: `student_lm_name = "org/x"`
        # an application's setting of the LLM it calls (DocsGPT's `LLM_NAME=gpt-4o`, `FALLBACK_LLM_NAME`, `llm_name:`)
        ("llm", "name"),
        # the weights a program starts from: `model_checkpoint = "distilbert-base-uncased"`, a pipeline tool's
        # `default_checkpoint`, `init_checkpoint:` (`checkpoint_dir`, `save_checkpoint` are no such name)
        ("checkpoint",),
        # a checkpoint's id, as diffusers' examples name the pipeline they load (`ckpt_id = "org/x"`, set in each branch
        # of an `if`, then `FluxPipeline.from_pretrained(ckpt_id)`); a `ckpt_path` or `ckpt_dir` is a local file's
        ("ckpt", "id"),
        ("checkpoint", "id"),
        # a router's or a classifier's trained weights, by the repository they are read from (a router's config
        # `{"bert": {"checkpoint_path": "org/x"}}`, `checkpoint_path: org/x` in YAML, read by `from_pretrained`); a
        # local file or folder (`checkpoints/best.pt`, `./runs/x`) stays one
        ("checkpoint", "path"),
        # LoRA adapters a server or script loads: TGI's `LORA_ADAPTERS` / `lora_adapters=[...]`, SGLang's
        # `lora_path`, `--lora_weights`, peft scripts' `--adapter_name_or_path`, TGI requests' `adapter_id`
        ("lora", "adapter"),
        ("lora", "adapters"),
        ("lora", "path"),
        ("lora", "paths"),
        ("lora", "weights"),
        ("lora", "id"),  # llm-foundry's `pretrained_lora_id_or_path: org/x-lora`, `lora_id_or_path:`
        ("lora", "id", "or", "path"),
        ("adapter", "id"),
        ("adapter", "path"),
        ("adapter", "name", "or", "path"),
        # the encoders and rerankers a retrieval program loads (sentence-transformers' bi- and cross-encoders, a
        # CLIP image encoder): `bi_encoder = "org/x"`, `"encoder": "sentence-transformers/clip-ViT-B-32"`, `RERANKER=`;
        # FlagEmbedding's `--embedder_name_or_path org/x --reranker_name_or_path org/y`, `embedder: org/x`
        ("encoder",),
        ("encoder", "name", "or", "path"),
        ("encoder", "name"),  # lerobot's policy configs: `vision_encoder_name: str = "openai/clip-vit-base-patch16"`
        # a diffusion pipeline's text or image encoder, read from a repository of its own: diffusers' conversion
        # scripts' `text_encoder_id = "google/t5-v1_1-xxl"`, `PIXEL_TEXT_ENCODER_REPO = "org/x"`, a test's
        # `text_encoder_path = "org/tiny-clip"`, IP-Adapter's `image_encoder_path` (a local folder stays one)
        ("encoder", "id"),
        ("encoder", "path"),
        ("encoder", "repo"),
        ("embedder",),
        ("embedder", "name", "or", "path"),
        ("reranker",),
        ("reranker", "name", "or", "path"),
        # the image encoder a vision-language model is trained on (LLaVA's `--vision_tower org/clip-vit`,
        # `mm_vision_tower: org/x` in its config); a module's attribute (`self.vision_tower = load(...)`) is no string
        ("vision", "tower"),
        # the parts a vision-language model is assembled from before training, each read from its own repository or
        # folder: InternVL's and its forks' `--vision_path OpenGVLab/InternViT-300M-448px --llm_path Qwen/Qwen2-0.5B`,
        # BAGEL's `vit_path=`, stable-diffusion.cpp's `llm_path=` (a local file stays one)
        ("llm", "path"),
        ("vision", "path"),
        ("vit", "path"),
        # the base model a LoRA checkpoint of LLaVA (and its forks) is merged onto when loaded: `--model-base
        # lmsys/vicuna-13b-v1.5` beside `--model-path org/llava-lora`, `load_pretrained_model(path, model_base, name)`
        ("model", "base"),
        # lists of them: `MODELS = [...]`, `TOKENIZERS = (...)`, `model_ids:`
        ("models",),
        ("model", "ids"),
        ("model", "names"),
        ("tokenizers",),
        ("dataset", "ids"),
        ("dataset", "names"),
        ("datasets",),  # `test_datasets: [{path: org/x}]`, `{"datasets": [{"id": ...}]}`, `EVAL_DATASETS = [...]`
        # the repository a tokenizer or a base model's config is read from (axolotl's `tokenizer_config: org/x`,
        # `base_model_config: org/x`); a bare `model_config` is a dict of settings more often than a repository
        ("tokenizer", "config"),
        ("base", "model", "config"),
        # open-instruct's `dataset_mixer_list: [org/x, "1.0", ...]`, `--dataset_mixer_list org/x 1.0`: ids and weights;
        # its DPO scripts' `--mixer_list org/x 125000 org/y 938`, the evaluation mixture `--dataset_mixer_eval_list`
        ("dataset", "mixer", "list"),
        ("mixer", "list"),
        ("mixer", "eval", "list"),
        # TRL's `GRPOTrainer(reward_funcs="org/rm")`: a string among its reward functions is a reward model's id
        ("reward", "funcs"),
        # the weights an evaluation or training wrapper loads: lm-evaluation-harness's `HFLM(pretrained="org/x")`,
        # `def __init__(self, pretrained: str = "org/x")`, `--pretrained org/x` (torchvision's `pretrained=True` and
        # open_clip's `pretrained="laion2b_s34b_b79k"` are no ids)
        ("pretrained",),
        # the weights a trainer starts from, as OpenRLHF's scripts name them (`--pretrain org/x`, `--reward_pretrain
        # org/rm`) and verl's SFT trainer (`model.partial_pretrain=org/x`); a stage's name (`stage: pretrain`) is no key
        ("pretrain",),
        # the weights a training or sampling run starts from, as nanoGPT and its forks name them (`init_from =
        # "gpt2-xl"` in a config file it executes, `--init_from=gpt2-medium`); its other choices (`scratch`, `resume`)
        # and a checkpoint's folder name no repository
        ("init", "from"),
        # the Hub repository a converter or loader reads, named for the Hub (mlx-lm's `convert(hf_path="org/x")` and
        # `mlx_lm.convert --hf-path org/x`, a test's `HF_PATH = "org/x"`); `hf_repo` is lighteval's dataset as often
        ("hf", "path"),
        # the Hub id or local folder a loader is given, as transformers names its argument (`pretrained_model_name_or_
        # path`): ai-toolkit's `model: {name_or_path: org/x, extras_name_or_path: org/y}`, a policy config's
        # `pretrained_name_or_path: str = "org/x"`, a captioner's `name_or_path_options: [{value: ID}]`
        ("name", "or", "path"),
        # the weights a policy or model is initialised from (lerobot's `--policy.pretrained_path=org/x`,
        # `wan_pretrained_path: str = "org/x"`)
        ("pretrained", "path"),
        # the weights a few-shot trainer's config starts from, as ADAPET names them (`"pretrained_weight":
        # "albert-xxlarge-v2"` in its JSON configs, `self.pretrained_weight = "org/x"`, `--pretrained_weight`)
        ("pretrained", "weight"),
        # a diffusion model's autoencoder, read from a repository of its own (`vae_path = "org/sdxl-vae"`,
        # `_wan_vae_path = "org/wan2.1-vae"`, `QWEN_IMAGE_VAE_PATH`)
        ("vae", "path"),
        # Olive's recipes' dataset to load: `data_name: str = "org/x"`, `--data_name org/x`, `load_dataset_config:
        # {data_name: org/x, subset: ...}`
        ("data", "name"),
        # the safety model a shield runs (Llama Stack's `shield_id: meta-llama/Llama-Guard-3-8B`, `ShieldInput(
        # shield_id=ID)`, `provider_shield_id`): a guard model is a model
        ("shield", "id"),
        # the process reward model a test-time search scores its steps with (huggingface/search-and-learn's
        # `prm_path: str = "RLHFlow/Llama3.1-8B-PRM-Deepseek-Data"`, `--prm_path`, `prm_name_or_path`)
        ("prm", "path"),
        ("prm", "name", "or", "path"),
    }
)
# Keywords and dict keys, spelled so exactly, that name the Hugging Face Hub repository of a table of sources per hub:
# fastembed's `ModelSource(hf="org/x-onnx", url=...)`, `"sources": {"hf": "org/x"}`, a registry's `{"hf": "org/x",
# "ms": "org/x"}`. Not a name's ending: a variable or an enum member `HF = "..."` is a provider's label as often. Read
# where another marker brings the line in (`ModelSource` holds `model`): `hf` is in every `hf_token`.
HUB_KEYS = frozenset({"hf"})
# endings that make a name a dataset's without the word `dataset`: `--data_path`, `--mixer_list`
DATA_ENDINGS = frozenset({("data", "path"), ("data", "name"), ("mixer", "list"), ("mixer", "eval", "list")})
# Endings whose first word is too common to pre-filter files on (`data` is in every `metadata`), or names a file may
# hold only as a whole (`lora_path`, `adapter_id`): their marker is the whole ending, in the spellings a name takes
# (`DATA_PATH`, `dataPath`, `--data-path`); a one-word ending none of the other markers holds (`checkpoint`) is
# its own marker, in every source's list.
_ADAPTER_ENDINGS = frozenset(ending for ending in ENDINGS if ending[0] in ("lora", "adapter"))
SPELLED_WHOLE = frozenset(
    {
        ("data", "path"),
        ("data", "name"),
        ("name", "or", "path"),  # `name` alone is in every name
        ("vae", "path"),  # `vae` alone is in every module of a diffusion pipeline
        ("lm", "name"),
        ("checkpoint",),
        ("ckpt", "id"),  # `ckpt` alone is in every `ckpt_path` of a training loop
        ("pretrained",),
        ("pretrain",),
        ("init", "from"),  # `from` alone is in every import
        ("hf", "path"),
        ("encoder",),
        ("embedder",),
        ("reranker",),
        ("vision", "tower"),
        ("vision", "path"),  # `vision` alone is in every `torchvision`
        ("vit", "path"),  # `vit` alone is in words (`activity`, `gravity`)
        ("base", "model", "config"),
        ("reward", "funcs"),
        ("mixer", "list"),
        ("mixer", "eval", "list"),
        ("hf", "hub"),  # `hf` alone is in too many names (`hf_token`, `hf_home`) to pre-filter files on
        ("hf", "hub", "id"),
        ("huggingface", "repo", "id"),  # `huggingface` alone is in every Hub URL
        ("hugging", "face", "repo", "id"),
        ("shield", "id"),  # `shield` alone is a word of the security code a scan reads
        # `feature` and `image` alone are in too many names (`feature_flags`, `image_url`), `processor` is a CPU's
        *(ending for ending in ENDINGS if ending[:2] in (("feature", "extractor"), ("image", "processor"))),
        ("prm", "path"),  # `prm` alone is in other words (`prmt`, a prompt)
        ("prm", "name", "or", "path"),
        ("default", "repo", "id"),  # `default` alone is in every settings file
        ("embedding", "repo"),  # `embedding` alone is in every retrieval module
        ("embedding", "repo", "id"),
        *_ADAPTER_ENDINGS,
    }
)
# Endings read of one value only: a collection named for their plural holds records, no ids (a UI's
# `MODEL_CARDS = [{id: "gpt-4o"}, {id: "my-assistant"}]`, a `model_cards.json`).
SINGULAR_ONLY = frozenset({("model", "card")})
# Words that make such a name one of what a program writes: `--hub_model_id`, `output_model`, `PUSH_TO_HUB_MODEL_ID`;
# or of what it says it does not use: a leaderboard's `deprecated_model_name = [...]`, `UNSUPPORTED_MODELS`.
WRITTEN = frozenset(
    {"hub", "output", "out", "push", "save", "export", "upload", "deprecated", "unsupported", "excluded", "banned"}
)
# Words that say a name's or a function's artefact lives on another hub than Hugging Face's, whose ids are spelled as
# the Hub's (`owner/name`): Kaggle's datasets and models (`download_kaggle_dataset("owner/x")`, `kagglehub.
# dataset_download("owner/x")`, `KAGGLE_DATASET=owner/x`) are no Hub repositories.
OTHER_HUBS = frozenset({"kaggle", "kagglehub"})
# Words that say a name holds the name a server answers to, not the model it loads: vLLM's and SGLang's
# `--served-model-name llama-3.1-8b` beside `--model org/x`, NIM's `NIM_SERVED_MODEL_NAME`, a chart's
# `servedModelName:`. Clients ask for that alias; it is often spelled as an id (`--served-model-name org/custom`).
SERVED_AS = frozenset({"served"})
# Endings with `hub` that say where a thing is read from, not that it is pushed there (`tokenizer_hub`, not
# `hub_model_id`): `hub` in them is no word of writing.
READ_FROM_HUB = frozenset({("tokenizer", "hub"), ("tokenizer", "hub", "id"), ("hf", "hub"), ("hf", "hub", "id")})
OLLAMA_WORDS = frozenset({"ollama"})
OLLAMA_ENDINGS = frozenset(
    {("model",), ("model", "name"), ("model", "id"), ("model", "tag"), ("llm",), ("llm", "model")}
)
# The local model of programs that run one through Ollama (or a server like it): `LOCAL_LLM=llama3.2`; chat-ui's
# endpoint `{"type": "ollama", "ollamaName": "mistral"}`.
LOCAL_ENDINGS = frozenset({("local", "llm"), ("local", "llm", "model"), ("local", "llm", "name"), ("ollama", "name")})
_CAMEL = re.compile(r"([a-z0-9])([A-Z])")
_ACRONYM = re.compile(r"([A-Z]+)([A-Z][a-z]{2,})")  # `HFModelId`, `OpenAIModel`: an acronym before a word
_SEPARATORS = re.compile(r"[_\-.\s]+")


@lru_cache(maxsize=16384)  # asked of each name by several recognisers: ~24,000 times for one vendored bundle
def split_words(name: str) -> tuple[str, ...]:
    """`baseModel_name-or.path` as ("base", "model", "name", "or", "path"); `HFModelId` as ("hf", "model", "id")."""
    if not name.islower():  # a capital splits words (`_CAMEL`, `_ACRONYM`); most names have none
        name = _CAMEL.sub(r"\1_\2", _ACRONYM.sub(r"\1_\2", name)).lower()
    return tuple(word for word in _SEPARATORS.split(name) if word)


@lru_cache(maxsize=16384)
def plural_kind(name: str) -> Kind | None:
    """What the items of a collection named for a plural hold (`MODELS`, `embeddingModels`): `named_kind` of its
    singular; None for a name ending in no `s` or the plural of a `SINGULAR_ONLY` ending (`MODEL_CARDS`)."""
    if name[-1:] not in "sS":
        return None
    singular = name[:-1]
    return None if _ends_in(split_words(singular), SINGULAR_ONLY) else named_kind(singular)


# Last words of a flag's name that say it takes several values, each a word of its own (argparse's `nargs="+"`):
# `--models org/a org/b`, open-instruct's `--mixer_list org/x 125000 org/y 938` (ids and weights, over several lines),
# ms-swift's `--dataset org/a#500 org/b#500` (a word after them that is no id names nothing).
MANY_WORDS = frozenset({"list", "models", "dataset", "datasets", "tokenizers", "ids", "names", "paths", "adapters"})


@lru_cache(maxsize=4096)
def takes_many(name: str) -> bool:
    """Whether a flag named for models or datasets takes several words as its values (`--dataset_mixer_list`)."""
    words = split_words(name)
    return bool(words) and words[-1] in MANY_WORDS and named_kind(name) is not None


# Verbs of reading after a `to`: `MODELS_TO_TEST`, `model_to_load`, `datasets_to_eval` name the models or datasets to
# test, load or evaluate (an X to test is an X). Other words after `to` make a mapping (`MODEL_TO_PROMPT`,
# `model_to_device`): what it holds is no model's name.
PURPOSE_VERBS = frozenset(
    {"test", "eval", "evaluate", "run", "load", "use", "try", "benchmark", "bench", "train", "finetune", "serve"}
)


def _unnumbered(words: tuple[str, ...]) -> tuple[str, ...]:
    """`words` with the number glued to the last one let go: a second component named as the first, `model_name_or_
    path2`, `tokenizer2`, `dataset_name2` (a name whose last word is a number alone, `MODEL_2`, has lost it already)."""
    last = words[-1] if words else ""
    bare = last.rstrip("0123456789")
    return (*words[:-1], bare) if bare != last and bare.isalpha() else words


def _before_purpose(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words before a `to` and a verb of reading (`("models", "to", "test")` as `("models",)`), else `words`."""
    for at in range(1, len(words) - 1):
        if words[at] == "to" and words[at + 1] in PURPOSE_VERBS:
            return words[:at]
    return words


# Names that record where a thing was itself loaded from, written by the library that loaded it: transformers'
# `"_name_or_path": "org/x"` in a saved checkpoint's `config.json` (and `config._name_or_path`) names the checkpoint's
# own origin, which the file describes, not a model it reads.
SELF_RECORDS = frozenset({"_name_or_path"})


@lru_cache(maxsize=16384)  # a file names the same few variables, keys and flags again and again
def named_kind(name: str) -> Kind | None:
    """MODEL or DATASET when `name` says it holds one to read (`model_name_or_path`, `DATASET_ID`, `baseModel`);
    OLLAMA when it says it holds an Ollama model (`OLLAMA_MODEL`, `local_llm`)."""
    # a pipeline's numbered component is named as the first is: `--pretrained_tokenizer_4_name_or_path`,
    # `text_encoder_2_path`, `MODEL_2` (a number is no word of what the name holds)
    words = _unnumbered(tuple(word for word in split_words(name) if not word.isdigit()))
    if _written(words) or not OTHER_HUBS.isdisjoint(words) or not SERVED_AS.isdisjoint(words) or name in SELF_RECORDS:
        return None
    if "for" in words[1:]:  # `DEFAULT_MODEL_NAME_FOR_TEST`, `tokenizer_for_eval`: an X for Y is an X
        words = words[: words.index("for", 1)]
    if "with" in words[1:] and _ends_in(words[: words.index("with", 1)], ENDINGS):
        words = words[: words.index("with", 1)]  # `dataset_with_features`: so is an X with Y (not `start_with_model`)
    words = _before_purpose(words)
    if _ends_in(words, LOCAL_ENDINGS) or (OLLAMA_WORDS.intersection(words) and _ends_in(words, OLLAMA_ENDINGS)):
        return Kind.OLLAMA
    if not _ends_in(words, ENDINGS):
        return None
    data = not {"dataset", "datasets"}.isdisjoint(words) or _ends_in(words, DATA_ENDINGS)
    return Kind.DATASET if data else Kind.MODEL


# Last words of the name of an enum whose members are models, besides the naming rule's: `class ModelType(Enum):
# GPT_4O = "gpt-4o"`, `EmbeddingModelType`, `RerankerModelTypes` (CAMEL's catalogues of the models it calls). Only an
# enum's name: a variable or key `model_type` is a model's architecture (`"model_type": "llama"` in a Hub config).
MEMBER_ENDINGS = frozenset({("model", "type"), ("model", "types"), ("model", "enum")})


@lru_cache(maxsize=4096)
def member_kind(enum_name: str) -> Kind | None:
    """MODEL when an enum's name says its members are models (`ModelType`, `EmbeddingModelType`), not a platform's or
    another thing's type (`ModelPlatformType`, `RoleType`); else what the naming rule says of it (`ChatModel`)."""
    words = split_words(enum_name)
    if _ends_in(words, MEMBER_ENDINGS) and not _written(words):
        return Kind.MODEL
    return named_kind(enum_name)


# Words after `model` that say a constant holds something of a model's other than its name: `MODEL_TYPE`,
# `MODEL_DIR`, `MODEL_MAX_LEN`. Other words qualify which model it is: `DEFAULT_DRAFT_MODEL_EAGLE3`.
_NOT_QUALIFIER_WORDS = """
alias aliases arch architecture args backend base cache card cfg checkpoint ckpt class cls config configs dict
dir directory dirs dtype endpoint engine env family file files folder format home host hub id ids info key keys
kind kwargs label labels len length list loader map mapping max metadata min mode names output parameters params
path paths port prefix prompt prompts provider providers registry repo revision root runtime server servers
service size source sources state suffix tag tags template type types uri url urls version weights
title description desc display caption icon logo avatar tooltip placeholder summary
"""
NOT_QUALIFIERS = frozenset(_NOT_QUALIFIER_WORDS.split())


@lru_cache(maxsize=16384)
def qualified_kind(name: str) -> Kind | None:
    """MODEL for a constant named for a model with words after it that say which one (`DEFAULT_TARGET_MODEL_EAGLE`,
    `MODEL_NAME_QWEN`): at most three, none of them `NOT_QUALIFIERS` nor written."""
    words = split_words(name)
    if WRITTEN.intersection(words) or "model" not in words:
        return None
    last = len(words) - 1 - words[::-1].index("model")
    rest = words[last + 1 :]
    rest = rest[1:] if rest[:1] == ("name",) else rest
    if not 1 <= len(rest) <= 3 or NOT_QUALIFIERS.intersection(rest):
        return None
    return Kind.MODEL


# Words of a function's name that say its arguments name a model or dataset to read: `resolve_model_reference(req,
# "org/x")`, `download_dataset("org/x")`, a LoRA adapter's (`download_adapter_weights("org/lora")`,
# `load_lora("org/lora")`), an LLM's factory (ragas' `llm_factory("gpt-4o-mini", client=client)`, `get_llm("gpt-4o")`,
# `create_llm(...)`: the model it builds, a hosted API's name or a Hub id). Singular only: `list_models(...)` takes
# filters, not one to read (`embeddings` is the name of one model's client, `OpenAIEmbeddings`, as often as of many
# vectors). Only the callee's own name counts: `llm.invoke("...")` is given a prompt.
CALLED_WORDS = {
    "model": Kind.MODEL,
    "llm": Kind.MODEL,
    # an embedding model's factory or a project's own wrapper of one: `embedding_factory("text-embedding-ada-002")`,
    # `create_embedder("org/x")`, DocsGPT's `EmbeddingsWrapper("sentence-transformers/x")`, `get_embedding_model(ID)`;
    # the texts an embedding is computed of (`get_embedding("some text")`) are prose, no id
    "embedding": Kind.MODEL,
    "embeddings": Kind.MODEL,
    "embedder": Kind.MODEL,
    "tokenizer": Kind.MODEL,
    "dataset": Kind.DATASET,
    "adapter": Kind.MODEL,
    "lora": Kind.MODEL,
    # a text or image encoder built from the repository it is given: open_clip's `HFTextEncoder("org/x", 64)`,
    # Stable Diffusion's `FrozenCLIPEmbedder("openai/clip-vit-large-patch14")`, `FrozenT5Encoder("google/t5-...")`
    "encoder": Kind.MODEL,
}
# Plurals of `CALLED_WORDS` that a function's name may hold when it starts with a verb of reading: AudioCraft's
# `load_diffusion_models("facebook/multiband-diffusion", filename=...)`, `load_audioseal_models("facebook/audioseal")`,
# `download_models("org/x")` fetch a repository's several files; `list_models(...)`, `get_models(...)` take filters.
CALLED_PLURALS = {"models": Kind.MODEL, "datasets": Kind.DATASET}
READING_VERBS = frozenset({"load", "download", "fetch"})
_READING = frozenset((verb,) for verb in READING_VERBS)
# Pydantic's `BaseModel` methods (`Block.model_validate({"mime_type": "image/png"})`): their `model` is a data
# schema, and what they are given is data to check or copy, not a model to read.
SCHEMA_METHODS = frozenset(
    {
        "model_validate",
        "model_validate_json",
        "model_validate_strings",
        "model_dump",
        "model_dump_json",
        "model_construct",
        "model_copy",
        "model_json_schema",
        "model_rebuild",
        "model_post_init",
        "model_parametrized_name",
    }
)


# tiktoken's look-ups of the encoding a hosted model's tokenizer uses (`tiktoken.encoding_for_model("gpt-4o")`, and
# js-tiktoken's `encodingForModel`, `getEncodingNameForModel`, compared by their words), and of an encoding by its own
# name (`tiktoken.get_encoding("gpt2")`, js-tiktoken's `getEncoding("cl100k_base")`: `gpt2` is the encoding GPT-2 used,
# spelled as the Hub's legacy id): they count tokens offline and call no model.
TOKENIZER_LOOKUPS = frozenset(
    {"encoding_for_model", "encoding_name_for_model", "get_encoding_name_for_model", "get_encoding"}
)


def tokenizer_lookup(callee: str) -> bool:
    """Whether a callee is one of tiktoken's look-ups (`tiktoken.encoding_for_model`, `getEncoding`): what it is
    given, and what it returns, names no model read."""
    return "_".join(split_words(callee.rpartition(".")[2])) in TOKENIZER_LOOKUPS


@lru_cache(maxsize=16384)
def called_kind(name: str) -> Kind | None:
    """MODEL or DATASET when a function's name says what it is given is one to read (`get_model_path`,
    `resolve_model_reference`, `load_dataset_split`); None for names of what a program writes (`save_model`), of
    another hub's artefacts (`download_kaggle_dataset`), for Pydantic's schema methods (`model_validate`) and
    tiktoken's tokenizer look-ups (`encoding_for_model`)."""
    words = split_words(name)
    method = name.rpartition(".")[2]
    if WRITTEN.intersection(words) or OTHER_HUBS.intersection(words):
        return None
    if method in SCHEMA_METHODS or tokenizer_lookup(method):
        return None
    kinds = {CALLED_WORDS[word] for word in words if word in CALLED_WORDS}
    if split_words(method)[:1] in _READING:  # `load_diffusion_models(ID)`: several files of one repository
        kinds |= {CALLED_PLURALS[word] for word in words if word in CALLED_PLURALS}
    return kinds.pop() if len(kinds) == 1 else None


# The keyword of a dataset builder (a callable whose name speaks of a dataset, `called_kind`) that says where its data
# comes from: torchtune's `alpaca_dataset(tokenizer, source="org/x")`, `SFTDataset(source=...)`, the builder's own
# `def alpaca_dataset(tokenizer, *, source: str = "org/x")` and `partial(alpaca_dataset, source="org/x")`; XTuner's
# `alpaca_dataset(tokenizer, path="org/x")` (`def oasst1_dataset(tokenizer, path="org/x")`), which hands it to
# `load_dataset(path)`. A local format (`source="json"`) or a path is no id and stays unreported.
DATASET_SOURCE_KEYS = frozenset({"source", "path"})


@lru_cache(maxsize=16384)
def source_kind(callable_name: str, keyword: str) -> Kind | None:
    """DATASET for the `source` keyword or parameter of a dataset builder (`alpaca_dataset`, `SFTDataset`)."""
    return Kind.DATASET if keyword in DATASET_SOURCE_KEYS and called_kind(callable_name) is Kind.DATASET else None


# The fields of a record that hold which artefact it is, when the record's own name (a class's or a constructor's)
# speaks of a model or dataset: a Django model's or a test factory's `name` (`class ChatModel: name =
# CharField(default="gemini-2.5-flash")`, `ChatModelFactory(name="gpt-4o-mini")`), a catalogue entry's `id`, or the
# `source` it is installed from (InvokeAI's `StarterModel(name="FLUX Schnell", source="org/x")`, `ModelEntry(source=)`):
# a label (`name="FLUX Schnell"`), a path or a URL off the Hub is no id and stays unreported. A `source` is a record's
# only when the record is a class (capitalised): a function's (`partial(train_model, source=...)`) says nothing.
RECORD_FIELDS = frozenset({"name", "id", "source"})
CLASS_RECORD_FIELDS = frozenset({"source"})
# The fields of such a record that hold its Hugging Face Hub repository, named for the Hub: kt-kernel's catalogue
# `ModelInfo(name="MiniMax-M2", hf_repo="MiniMaxAI/MiniMax-M2", aliases=[...])`, a `DatasetSpec(hf_repo_id="org/x")`.
# A record's own name says whether it is a model's or a dataset's; elsewhere `hf_repo` is lighteval's dataset as often
# as a model (`LightevalTaskConfig` is read as a loader). Beside one, the record's `name` is its label
# (`name="MiniMax-M2"` is the catalogue's name for the Hub model, not the hosted API spelled the same).
HUB_REPO_FIELDS = frozenset({"hf_repo", "hf_repo_id", "huggingface_repo", "huggingface_repo_id"})


@lru_cache(maxsize=16384)
def record_kind(record: str, field: str) -> Kind | None:
    """MODEL or DATASET when `field` is a record's name, id, source or Hub repository (`HUB_REPO_FIELDS`) and the
    record's name (`ChatModel`, `SearchModelConfig`, `DatasetEntry`, `StarterModel`, `ModelInfo`) says which of them it
    describes (`called_kind`); None otherwise."""
    if field in HUB_REPO_FIELDS:
        return called_kind(record)
    if field not in RECORD_FIELDS or (field in CLASS_RECORD_FIELDS and not record.rpartition(".")[2][:1].isupper()):
        return None
    return called_kind(record)


# Words of a collection's name that say its keys name what is read: `_MODEL_INFO = {"claude-3-opus": {...}}`,
# `MODEL_TOKEN_LIMITS`, `SUPPORTED_DATASETS = {"org/x": ...}`.
# FlagEmbedding's `AUTO_RERANKER_MAPPING = OrderedDict([("org/x", RerankerConfig(...)), ...])`: a table of rerankers
# or embedders is one of models.
COLLECTION_WORDS = frozenset(
    {"model", "models", "tokenizer", "tokenizers", "dataset", "datasets"}
    | {"reranker", "rerankers", "embedder", "embedders"}
)


# `model2version`, `id2label`: a mapping named `X2Y`, as `X_TO_Y` is.
_TWO = re.compile(r"(?<=[a-z])2(?=[a-z])", re.IGNORECASE)


@lru_cache(maxsize=16384)
def collection_kind(name: str) -> Kind | None:
    """MODEL or DATASET when the name of a dict speaks of what is read (`MODEL_OPTIONS`, `_MODEL_INFO`). A mapping
    named `X_TO_Y` (`model2version`) has X's as its keys: they are read when X is named for a model or dataset
    (`MODEL_TO_VERSION`, `TRANSFORMERS_MODELS_TO_TARGET_MODULES`, `MODEL_NAME_TO_PATH`), not otherwise
    (`_TYPE_TO_MODEL_TYPE`, whose keys are types; `MODEL_TYPE_TO_PATCHES`, whose keys are a model's type)."""
    words = split_words(_TWO.sub("_to_", name))
    if "to" in words[1:]:
        words = words[: words.index("to", 1)]
        if words[-1] not in COLLECTION_WORDS and named_kind("_".join(words)) is None:
            return None  # `MODEL_NAME_TO_PATH`, `MODEL_ID_TO_CONFIG` are read: their keys are models' names
    if WRITTEN.intersection(words) or not COLLECTION_WORDS.intersection(words):
        return None
    return Kind.DATASET if {"dataset", "datasets"}.intersection(words) else Kind.MODEL


# Last words of the name of a model picker's list, after words that say what is picked: `MODEL_OPTIONS`,
# `modelList`, `embeddingModelChoices` hold the ids offered (`[ID, {value: ID, label: "Label"}]`), and the ids a
# setting accepts (`embedding_model_candidates = [ID, ...]`, checked against before one is loaded).
PICKER_WORDS = frozenset({"options", "list", "choices", "presets", "catalog", "catalogue", "candidates"})
# In an item of a table or list that names artefacts (`- path: org/x`, `{id: ID, name: "Label"}`, a picker's
# `{value: ID, label: "Label"}`), the keys whose value is the artefact's, first found first: a label names none.
ITEM_KEYS = ("id", "path", "name", "value")
# In a card of a JavaScript catalogue, the keys that hold its id (`{name: "GPT 4 omni", key: "gpt-4o"}`, Perplexica's
# `Model`; `{id: ID, name: "Label"}`): when one holds a string, the card's `name` is its label, and names nothing. A
# card matched by the start of a model's id holds that id as `idPrefix` (`{idPrefix: "deepseek-chat", label: ...}`).
CARD_ID_KEYS = ("id", "key", "value", "path", "idPrefix")
# The keys an item's artefact is looked for under, first found first: its id's, then its name.
CARD_KEYS = (*CARD_ID_KEYS, "name")
# Under a dataset's key, also the `source` a dataset builder loads (torchtune's `dataset: {_component_: ..., source:
# org/x}`) and the Hub name of llm-foundry's loaders (`dataset: {hf_name: org/x, split: train}`).
DATASET_ITEM_KEYS = (*ITEM_KEYS, "source", "hf_name")
# In the description of a setting (a JSON schema's property `model: {default: ID, enum: [...]}`, a form's field
# `{key: "model", default: ID, options: [...]}`, a W&B sweep's parameter `model_name_or_path: {values: [...]}`), the
# keys whose values are the setting's: its default, those offered or swept.
SETTING_KEYS = ("default", "defaultValue", "enum", "options", "choices", "values")
# The keys of a form's field that say which setting it is (`{key: "model", ...}`, NextChat's `{value: "model", ...}`).
FIELD_KEYS = ("key", "name", "id", "value", "field", "param")
# A form's field offers its values under a setting's keys, or under the `items` a select or combobox widget is given
# (Vuetify's `v-select`/`v-combobox`, ChatALL's `{type: Type.Combobox, name: "model", items: ["mistral-large"]}`); a
# JSON schema's `items` describes an array's elements instead, so it is read only in a form's field.
FIELD_OPTION_KEYS = (*SETTING_KEYS, "items")


# How many words may follow a picker's word and say which of several lists it is: `RESTFUL_MODEL_LIST_LATEST` beside
# `RESTFUL_MODEL_LIST_LEGACY` (LMDeploy's test matrices), `MODEL_CHOICES_V2`.
_PICKER_QUALIFIERS = 2


@lru_cache(maxsize=16384)
def picker_kind(name: str) -> Kind | None:
    """What the list of a model picker holds (`MODEL_OPTIONS`, `modelList`, `RESTFUL_MODEL_LIST_LATEST`): its name up
    to its last picker's word, when the words before are a model's or dataset's name (`named_kind`) and those after, at
    most `_PICKER_QUALIFIERS`, say which list it is (none of `NOT_QUALIFIERS`: `MODEL_LIST_URL` holds an address)."""
    words = split_words(name)
    for at in range(len(words) - 1, max(0, len(words) - 1 - _PICKER_QUALIFIERS), -1):
        if words[at] in PICKER_WORDS:
            rest = words[at + 1 :]
            if NOT_QUALIFIERS.intersection(rest) or WRITTEN.intersection(rest):
                return None
            return named_kind("_".join(words[:at]))
    return None


# Endings of a variable holding a container image to run: `IMAGE=`, `VLLM_IMAGE=`, `SERVER_IMAGE=`, `IMAGE_NAME=`,
# and one image of several by the hardware it runs on (`TEI_IMAGE_CPU=`, `TEI_IMAGE_GPU=`); the container itself
# (`ngc_container="nvcr.io/nim/meta/llama3-8b-instruct:1.0.0"`, `NIM_CONTAINER=`), and the image a NIM Operator's
# NIMCache pulls its model with (`modelPuller: nvcr.io/nim/meta/llama3-8b-instruct:1.0.3`). Only images the
# catalogue knows count: a container's name (`CONTAINER=vllm-server`) is none.
_HARDWARE = ("cpu", "gpu", "cuda", "rocm", "hpu", "xpu", "tpu", "neuron", "arm64", "amd64")
IMAGE_ENDINGS = frozenset(
    {("image",), ("image", "name"), ("image", "ref"), *(("image", h) for h in _HARDWARE)}
    | {("container",), ("model", "puller")}
)


# Last words of the name of an option, variable or key whose value is a command line, or the options of one:
# `--args "--model-id ID --port 80"` (runpodctl's, a launcher's), `--command "..."`, `TRAIN_ARGS="--model_name_or_path
# ID ..."` then `python train.py $TRAIN_ARGS`, `CMD="vllm serve ID"`, `VLLM_ARGS=` in a `.env` file.
COMMAND_LINE_ENDINGS = frozenset({"args", "arguments", "argv", "cmd", "command", "opts", "options", "flags"})


@lru_cache(maxsize=16384)
def names_command_line(name: str) -> bool:
    """Whether a name says its value is a command line or a command's options (`TRAIN_ARGS`, `--command`)."""
    words = split_words(name)
    return bool(words) and words[-1] in COMMAND_LINE_ENDINGS


# Commands whose first argument (after their subcommands) is the model they serve, chat with, quantise or merge onto,
# wherever a command is written (a script, a container's args, a Python list given to `subprocess`): `vllm serve ID`,
# TensorRT-LLM's `trtllm-serve ID`, LMDeploy's `lmdeploy serve api_server ID`, `lmdeploy chat ID` and its quantisers
# (`lmdeploy lite auto_awq ID`), Aphrodite's `aphrodite run ID`, XTuner's `xtuner chat ID`, `xtuner mmbench ID` and
# `xtuner convert merge ID ADAPTER OUT` (the base model a LoRA adapter is merged onto).
SERVE_COMMANDS = frozenset(
    {
        ("vllm", "serve"),
        ("trtllm-serve",),
        ("lmdeploy", "serve", "api_server"),
        ("lmdeploy", "serve", "gradio"),
        ("lmdeploy", "chat"),
        ("lmdeploy", "lite", "auto_awq"),
        ("lmdeploy", "lite", "calibrate"),
        ("lmdeploy", "lite", "smooth_quant"),
        ("aphrodite", "run"),
        ("xtuner", "chat"),
        ("xtuner", "mmbench"),
        ("xtuner", "convert", "merge"),
    }
)


# A setting a command's argument overrides, Hydra's and OmegaConf's way (verl's `actor_rollout_ref.model.path=ID`,
# `+dataset.name=ID`, `++model.tokenizer=ID`, Hydra's `compose(overrides=["model.path=ID"])`): a dotted key, or one
# after `+`, `++` (add) or `~`. A plain `NAME=ID` after a command is an environment it hands on (`docker run -e
# MODEL_ID=ID`), read by the readers of those.
_OVERRIDE = re.compile(r"[+~]{0,2}([A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)+)|[+~]{1,2}([A-Za-z_][\w-]*)")


def overridden(word: str) -> tuple[str, int] | None:
    """The key an override argument sets (`critic.model.path=ID` as `critic.model.path`) and where its value starts in
    the word; None for a word that is no override."""
    key, equals, _ = word.partition("=")
    match = _OVERRIDE.fullmatch(key) if equals else None
    return (match[1] or match[2], len(key) + 1) if match else None


# The short flag of a model on a command line (`llm -m gpt-4o`, `aider -m`, the argv a test gives a CLI, `["-m",
# "gpt-4o-mini"]`): what follows it is a hosted API's model when a provider's patterns match it, and nothing else
# (`python -m package.module` runs a module; `-m model.gguf` is a local file).
SHORT_MODEL_FLAG = "-m"


# The keys of a `model_args` string (lm-evaluation-harness's `--model_args pretrained=ID,peft=ID,dtype=float16`,
# `simple_evaluate(model_args="pretrained=ID,...")`; lighteval's positional `lighteval vllm "model_name=ID,dtype=..."`)
# whose values name a model to load.
MODEL_ARGS_KEYS = frozenset({"pretrained", "peft", "tokenizer", "delta", "model_name"})
# A whole `model_args` string: comma-joined `key=value` items, a value possibly a `{...}` of its own (lighteval's
# `"model_name=ID,dtype=bfloat16,generation_parameters={max_new_tokens:32768,temperature:0.6}"`).
_ARGS_ITEM = r"[A-Za-z_]\w*=(?:\{[^{}]*\}|[^,\s={}]*)"
MODEL_ARGS_LIST = re.compile(rf"{_ARGS_ITEM}(?:\s*,\s*{_ARGS_ITEM})*")


def served_by(words: tuple[str, ...]) -> int:
    """How many of a command's first words name a serving command whose next argument is a model (0: none)."""
    head = (words[0].rsplit("/", 1)[-1], *words[1:3]) if words else ()
    return next((n for n in (1, 2, 3) if head[:n] in SERVE_COMMANDS), 0)


def positional(words: list[str], at: int) -> bool:
    """Whether `words[at]` is an argument of its own: no option, and not after one (whose value it would be)."""
    return not words[at].startswith("-") and (at == 0 or not words[at - 1].startswith("-"))


@lru_cache(maxsize=16384)
def names_image(name: str) -> bool:
    """Whether a variable's name says it holds a container image to run (not one a build writes: `PUSH_IMAGE`)."""
    words = split_words(name)
    return not WRITTEN.intersection(words) and _ends_in(words, IMAGE_ENDINGS)


def spelled_markers() -> tuple[bytes, ...]:
    """The markers of the endings spelled whole (`data_path`, `dataPath`...), for sources with their own word lists."""
    return tuple(sorted({w.encode() for e in SPELLED_WHOLE for w in ("_".join(e), "".join(e), "-".join(e))}))


def marker_words() -> frozenset[str]:
    """Words one of which every name the rule reads holds, lower-cased: for the sources' byte pre-filters."""
    words: set[str] = set()
    for ending in ENDINGS:
        if ending in SPELLED_WHOLE:
            words |= {"_".join(ending), "".join(ending), "-".join(ending)}
        else:
            words.add(ending[0])
    return frozenset(words)


_ALL_ENDINGS = (ENDINGS, DATA_ENDINGS, OLLAMA_ENDINGS, LOCAL_ENDINGS, IMAGE_ENDINGS)
_LONGEST_ENDING = max(len(ending) for endings in _ALL_ENDINGS for ending in endings)


def _written(words: tuple[str, ...]) -> bool:
    """Whether a word of writing is among `words`, the `hub` of an ending that reads from it aside."""
    tail = next((len(ending) for ending in READ_FROM_HUB if words[-len(ending) :] == ending), 0)
    return not WRITTEN.isdisjoint(words[: len(words) - tail])


def _ends_in(words: tuple[str, ...], endings: frozenset[tuple[str, ...]]) -> bool:
    """Whether the last words are one of `endings`: a set lookup per length, not a comparison per ending."""
    return any(words[-length:] in endings for length in range(1, min(len(words), _LONGEST_ENDING) + 1))
