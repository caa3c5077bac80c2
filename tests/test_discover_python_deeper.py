"""PythonSource, deeper: named defaults (argparse, fields, parameters, environment), dict and list literals,
comprehensions, branch constants, dynamic ids, more loaders and `trust_remote_code`."""

from __future__ import annotations

from collections import Counter

import pytest

from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.python import PythonSource
from modelpolicy.model import Kind

M, D, A = Kind.MODEL, Kind.DATASET, Kind.API
NONE: frozenset[str] = frozenset()
DYN = frozenset({"dynamic"})
TRC = frozenset({"trust_remote_code"})
Found = tuple[Kind, str, int, str | None, str, frozenset[str]]


def find(source: str) -> Counter[Found]:
    """(kind, id, line, revision, form, flags) of every reference, with multiplicity."""
    context = FileContext("pkg/app.py", lambda text: text == "checkpoints/run1")
    references = PythonSource().find(source, context)
    return Counter((r.kind, r.text, r.line, r.revision, r.form, r.flags) for r in references)


def check(source: str, expected: list[Found]) -> None:
    assert find(source) == Counter(expected)


# --- 1. argparse and click ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('p.add_argument("--model_name_or_path", default="org/x")', (M, "org/x")),
        ('p.add_argument("--model", type=str, default="org/x")', (M, "org/x")),
        ('p.add_argument("-m", "--model-id", default="org/x")', (M, "org/x")),
        ('p.add_argument("--dataset_name", default="org/d")', (D, "org/d")),
        ('p.add_argument("--dataset-id", default="org/d")', (D, "org/d")),
        ('p.add_argument("--tokenizer_name", default="org/t")', (M, "org/t")),
        ('p.add_argument("--base_model", default="org/b")', (M, "org/b")),
        ('p.add_argument("--model-path", default="org/r")', (M, "org/r")),
        ('p.add_argument("--embedding-model", default="org/e")', (M, "org/e")),
        ('p.add_argument("--llm_model", default="gpt-4o")', (A, "gpt-4o")),
        ('parser.add_argument("--model", default="org/x@v2")', (M, "org/x")),
    ],
)
def test_argparse_default(source: str, expected: tuple[Kind, str]) -> None:
    kind, repo_id = expected
    revision = "v2" if "@v2" in source else None
    check(source, [(kind, repo_id, 1, revision, "add_argument", NONE)])


def test_argparse_default_through_a_constant_and_a_list() -> None:
    source = (
        'DEFAULT = "org/x"\n'
        'p.add_argument("--model", default=DEFAULT)\n'
        'p.add_argument("--datasets", "--dataset", nargs="+", default=["org/a", "org/b"])\n'
    )
    check(
        source,
        [
            (M, "org/x", 1, None, "add_argument", NONE),
            (D, "org/a", 3, None, "add_argument", NONE),
            (D, "org/b", 3, None, "add_argument", NONE),
        ],
    )


def test_click_option_default() -> None:
    check(
        '@click.option("--model-name", default="org/x")\ndef main(model_name): ...\n',
        [(M, "org/x", 1, None, "option", NONE)],
    )


@pytest.mark.parametrize(
    "source",
    [
        'p.add_argument("--output_dir", default="org/x")',
        'p.add_argument("--hub_model_id", default="org/x")',
        'p.add_argument("--push_to_hub_model_id", default="org/x")',
        'p.add_argument("--model_type", default="org/x")',
        'p.add_argument("--repo_id", default="org/x")',  # as often what a script pushes as what it reads
        'p.add_argument("--dataset_config_name", default="wikitext-2-raw-v1")',
        'p.add_argument("--model", default="./checkpoints/best")',
        'p.add_argument("--model", default="checkpoints/run1")',
        'p.add_argument("--model", default=None)',
        'p.add_argument("--model", default=f"org/{x}")',
        'p.add_argument("--model", default="resnet50")',  # an owner-less name nobody knows
        'p.add_argument("--dataset", default="json")',  # a packaged builder
        'p.add_argument("--model", help="org/x")',
        'p.add_argument("--lr", default="org/x")',
        'p.add_argument("model", choices=["a", "b"])',
    ],
)
def test_argparse_look_alikes(source: str) -> None:
    check(source, [])


def test_argparse_choices_of_an_option_named_for_a_model() -> None:
    source = (
        'p.add_argument("--model", choices=["deepseek-chat", "deepseek-coder"], default="deepseek-chat")\n'
        'p.add_argument("--dataset", choices=("org/a", "org/b"))\n'
        'p.add_argument("--llm", choices=["gpt-4o", "gpt-4o-mini", "local"])\n'
    )
    check(
        source,
        [
            (A, "deepseek-chat", 1, None, "add_argument", NONE),
            (A, "deepseek-chat", 1, None, "add_argument", NONE),
            (A, "deepseek-coder", 1, None, "add_argument", NONE),
            (D, "org/a", 2, None, "add_argument", NONE),
            (D, "org/b", 2, None, "add_argument", NONE),
            (A, "gpt-4o", 3, None, "add_argument", NONE),
            (A, "gpt-4o-mini", 3, None, "add_argument", NONE),
        ],
    )


@pytest.mark.parametrize(
    "source",
    [
        'p.add_argument("--model-size", choices=["org/x", "gpt-4o"])',  # not named for a model
        'p.add_argument("--model_type", choices=["llama", "gpt2"])',
        'p.add_argument("--model", choices=["small", "base", "large"])',  # sizes, no ids
        'p.add_argument("--model", choices=["./a", "checkpoints/b"])',  # paths
        'p.add_argument("--dataset", choices=["json", "csv"])',  # packaged builders
        'p.add_argument("--split", choices=["train", "org/x"])',
        # owner-less names are the program's own aliases, mapped to ids elsewhere
        'p.add_argument("--calib_dataset", default="wikitext2", choices=["wikitext2", "c4", "ptb"])',
        'p.add_argument("--model", choices=["gpt2", "bert-base-uncased"])',
    ],
)
def test_argparse_choices_look_alikes(source: str) -> None:
    check(source, [])


ADAPTER_SCRIPT = """\
def options():
    parser = argparse.ArgumentParser()
    parser.add_argument("--adapter", default="org/adapter")
    parser.add_argument("-b", "--base-checkpoint", default="org/base")
    parser.add_argument("--teacher", dest="tutor", default="org/teacher")
    parser.add_argument("--ckpt", default="checkpoints/run1")
    return parser.parse_args()


def main():
    args = options()
    base = AutoModelForCausalLM.from_pretrained(args.base_checkpoint)
    model = PeftModel.from_pretrained(base, args.adapter)
    teacher = AutoModel.from_pretrained(args.tutor)
    local = AutoModel.from_pretrained(args.ckpt)
    other = AutoModel.from_pretrained(args.missing, config=cfg.model.name)
"""


def test_a_loader_reading_a_parsed_option_reads_its_default() -> None:
    """`from_pretrained(args.adapter)` loads `--adapter`'s default, found at the default, even when the options are
    declared in a function that names no model; a path default and an undeclared option name nothing."""
    check(
        ADAPTER_SCRIPT,
        [
            (M, "org/adapter", 3, None, "from_pretrained", NONE),
            (M, "org/base", 4, None, "from_pretrained", NONE),
            (M, "org/teacher", 5, None, "from_pretrained", NONE),
        ],
    )


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('EMBEDDING_MODEL = "BAAI/bge-small-en-v1.5"\n', [(M, "BAAI/bge-small-en-v1.5", 1, None, "constant", NONE)]),
        (
            'DATASET_NAME: str = "org/d"\nCHAT_MODEL = "gpt-4o"\n',
            [(D, "org/d", 1, None, "constant", NONE), (A, "gpt-4o", 2, None, "constant", NONE)],
        ),
        (
            'if big:\n    BASE_MODEL = "org/big"\nelse:\n    BASE_MODEL = "org/small"\n',
            [(M, "org/big", 2, None, "constant", NONE), (M, "org/small", 4, None, "constant", NONE)],
        ),
        # read by a loader: the loader's reference only
        ('MODEL_ID = "org/x"\nAutoModel.from_pretrained(MODEL_ID)\n', [(M, "org/x", 1, None, "from_pretrained", NONE)]),
        # what a program writes, names that hold no model, paths and single names, rebinding, a function's variable
        ('OUTPUT_MODEL = "me/x"\nHUB_MODEL_ID = "me/x"\nPUSH_TO_HUB_MODEL_ID = "me/x"\n', []),
        ('MODEL_TYPE = "a/b"\nMODEL_DIR = "org/x"\nMODEL = "./local"\nTOKENIZER = "my-tokenizer"\n', []),
        ('MODEL = "org/a"\nMODEL = "org/b"\n', []),
        ('def main():\n    model_id = "org/y"\n    return model_id\n', [(M, "org/y", 2, None, "variable", NONE)]),
    ],
)
def test_module_constants_named_for_a_model_or_dataset(source: str, expected: list[Found]) -> None:
    """A settings module's `EMBEDDING_MODEL = "org/x"` names what another module loads."""
    check(source, expected)


# --- 2. dataclass, pydantic and attrs fields ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('model_name_or_path: str = field(default="org/x")', (M, "org/x")),
        ('model_name: str = "org/x"', (M, "org/x")),
        ('model_id = "org/x"', (M, "org/x")),
        ('dataset_name: str = Field("org/d", description="d")', (D, "org/d")),
        ('model: str = Field(default="org/x")', (M, "org/x")),
        ('base_model: str = attr.ib(default="org/b")', (M, "org/b")),
        ('pretrained_model_name_or_path: str = dataclasses.field(default="org/p")', (M, "org/p")),
        ('tokenizer_name: Optional[str] = field(default="org/t", metadata={"help": "x"})', (M, "org/t")),
        ('dataset: str = "org/d"', (D, "org/d")),
        ('model_path: str = "org/r"', (M, "org/r")),
        ('modelName: str = "org/x"', (M, "org/x")),
        ('model: str = "gpt-4o-mini"', (A, "gpt-4o-mini")),
        ('chat_model: str = "claude-3-5-sonnet-20240620"', (A, "claude-3-5-sonnet-20240620")),
    ],
)
def test_field_default(body: str, expected: tuple[Kind, str]) -> None:
    kind, repo_id = expected
    check(f"@dataclass\nclass Args:\n    {body}\n", [(kind, repo_id, 3, None, "field", NONE)])


@pytest.mark.parametrize(
    "body",
    [
        'output_dir: str = field(default="org/x")',
        'hub_model_id: str = "org/x"',
        'model_config = ConfigDict(protected_namespaces=("org/x",))',
        'model_type: str = "org/x"',
        'model_name_or_path: str = field(default=None, metadata={"help": "org/x"})',
        "model_name_or_path: str = field(default_factory=default_model)",  # a factory function: known only when run
        "model_name_or_path: str = field(metadata={'help': 'org/x'})",
        'model_name_or_path: str = "./out/model"',
        'model_name_or_path: str = "bert-base-custom"',
        'dataset_name: str = "csv"',
        "model_name: str",
        'run_name: str = "org/x"',
    ],
)
def test_field_look_alikes(body: str) -> None:
    check(f"@dataclass\nclass Args:\n    {body}\n", [])


def test_members_of_an_enum_named_for_a_model() -> None:
    source = (
        "class ChatModel(str, Enum):\n"
        '    GPT4O = "gpt-4o-2024-08-06"\n'
        '    CLAUDE = "claude-3-5-sonnet-latest"\n'
        '    LOCAL = "org/x"\n'
        "class DatasetName(enum.StrEnum):\n"
        '    ALPACA = "org/alpaca"\n'
    )
    check(
        source,
        [
            (A, "gpt-4o-2024-08-06", 2, None, "field", NONE),
            (A, "claude-3-5-sonnet-latest", 3, None, "field", NONE),
            (M, "org/x", 4, None, "field", NONE),
            (D, "org/alpaca", 6, None, "field", NONE),
        ],
    )


@pytest.mark.parametrize(
    "source",
    [
        'class ModelType(str, Enum):\n    CHAT = "chat"\n    EMBEDDING = "embedding"\n',  # kinds of model: no ids
        'class ModelPlatformType(Enum):\n    OPENAI = "openai"\n    HF = "org/x"\n',  # a platform's type
        'class RoleType(Enum):\n    ASSISTANT = "org/x"\n',
        'class ModelType(str, Enum):\n    LLAMA = "llama"\n    MISTRAL = "mistral"\n',  # architectures
        'class ModelProvider(Enum):\n    OPENAI = "openai"\n    HF = "org/x"\n',
        'class ChatModel(BaseModel):\n    PROVIDER = "org/x"\n',  # no enum: its fields are read by their own names
        'class ChatModel(str, Enum):\n    SMALL = "small"\n    BASE = "bert-base-custom"\n',
    ],
)
def test_enum_look_alikes(source: str) -> None:
    check(source, [])


def test_members_of_an_enum_named_for_a_model_type() -> None:
    """CAMEL's catalogues: `class ModelType(UnifiedModelType, Enum)`, `EmbeddingModelType`, a value continued on the
    next line."""
    source = (
        "class ModelType(UnifiedModelType, Enum):\n"
        '    GPT_4O_MINI = "gpt-4o-mini"\n'
        '    AWS_LLAMA = "us.meta.llama3-3-70b-instruct-v1:0"\n'
        "    SGLANG_LLAMA_4 = (\n"
        '        "meta-llama/Llama-4-Scout-17B-16E-Instruct"\n'
        "    )\n"
        "class EmbeddingModelType(Enum):\n"
        '    TEXT_EMBEDDING_3_SMALL = "text-embedding-3-small"\n'
        "class RerankerModelTypes(str, Enum):\n"
        '    BGE = "BAAI/bge-reranker-base"\n'
    )
    check(
        source,
        [
            (A, "gpt-4o-mini", 2, None, "field", NONE),
            (A, "us.meta.llama3-3-70b-instruct-v1:0", 3, None, "field", NONE),
            (M, "meta-llama/Llama-4-Scout-17B-16E-Instruct", 5, None, "field", NONE),
            (A, "text-embedding-3-small", 8, None, "field", NONE),
            (M, "BAAI/bge-reranker-base", 10, None, "field", NONE),
        ],
    )


def test_members_of_a_constant_namespace_named_for_a_model() -> None:
    source = (
        "class AvailableModel:\n"
        '    """Fallback when stagehand is not installed."""\n'
        '    CLAUDE_3_7_SONNET_LATEST = "anthropic.claude-3-7-sonnet-20240607"\n'
        '    GPT4O = "gpt-4o"\n'
    )
    check(
        source,
        [
            (A, "anthropic.claude-3-7-sonnet-20240607", 3, None, "field", NONE),
            (A, "gpt-4o", 4, None, "field", NONE),
        ],
    )


@pytest.mark.parametrize(
    "source",
    [
        'class ModelType:\n    CHAT = "gpt-4o"\n',  # a type, not a model
        'class Models(Base):\n    PROVIDER = "org/x"\n',  # a base: its fields are read by their own names
        'class Models:\n    PROVIDER = "org/x"\n    SIZE = 3\n',  # not strings only
        'class Prompts:\n    SYSTEM = "org/x"\n',  # not named for a model
    ],
)
def test_constant_namespace_look_alikes(source: str) -> None:
    check(source, [])


def test_literal_values_a_model_field_or_parameter_is_typed_to_hold() -> None:
    source = (
        "class Settings(BaseModel):\n"
        '    model: Literal["gpt-4o", "o3-mini"] = "gpt-4o"\n'
        '    embedding_model: Optional[Literal["org/e"]] = None\n'
        'def chat(prompt: str, model: Literal["claude-3-5-haiku-latest"]) -> str: ...\n'
    )
    check(
        source,
        [
            (A, "gpt-4o", 2, None, "field", NONE),
            (A, "gpt-4o", 2, None, "field", NONE),
            (A, "o3-mini", 2, None, "field", NONE),
            (M, "org/e", 3, None, "field", NONE),
            (A, "claude-3-5-haiku-latest", 4, None, "parameter", NONE),
        ],
    )


@pytest.mark.parametrize(
    "source",
    [
        'class S(BaseModel):\n    mode: Literal["gpt-4o", "org/x"] = "fast"\n',  # not named for a model
        'class S(BaseModel):\n    model_type: Literal["org/x"]\n',
        'def chat(model: Literal["small", "large"]): ...\n',
        'KnownModelName = Literal["gpt-4o", "o3-mini"]\n',  # a type alias is no value a program runs
        'def chat(role: Literal["gpt-4o"], model: str): ...\n',
    ],
)
def test_literal_look_alikes(source: str) -> None:
    check(source, [])


def test_the_default_an_annotated_field_states_in_its_metadata() -> None:
    source = (
        "class EmbedderConfig(TypedDict, total=False):\n"
        '    model_name: Annotated[str, "text-embedding-3-large"]\n'
        '    model: typing.Annotated[str, "sentence-transformers/all-MiniLM-L6-v2"]\n'
        '    embedding_model: Annotated[str, Field(default="org/e")]\n'
    )
    check(
        source,
        [
            (A, "text-embedding-3-large", 2, None, "field", NONE),
            (M, "sentence-transformers/all-MiniLM-L6-v2", 3, None, "field", NONE),
            (M, "org/e", 4, None, "field", NONE),
        ],
    )


@pytest.mark.parametrize(
    "source",
    [
        'class C(TypedDict):\n    device: Annotated[str, "org/x"]\n',  # not named for a model
        'class C(TypedDict):\n    model_name: Annotated[str, "The model to use"]\n',  # prose
        'class C(TypedDict):\n    model_name: Annotated[str, "models/run1/"]\n',  # a folder
        'class C(TypedDict):\n    model_name: Annotated[str, Field(description="org/x")]\n',  # no default
        'class C(TypedDict):\n    model_name: Optional["org/x"]\n',  # a forward reference, no Annotated
        'model_name: Annotated[str, "org/x"]\n',  # not a field: a module's annotation
    ],
)
def test_annotated_look_alikes(source: str) -> None:
    check(source, [])


def test_field_outside_a_class_body_is_not_a_field() -> None:
    # not a field: the function's variable is read as a variable
    check('model_name = "org/x"\ndef f():\n    model_name = "org/y"\n', [(M, "org/y", 3, None, "variable", NONE)])


# --- 3. function parameters ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('def load(model_id: str = "org/x"):\n    pass\n', (M, "org/x")),
        ('def load(path, model_name="org/x"):\n    pass\n', (M, "org/x")),
        ('async def load(*, dataset_name: str = "org/d"):\n    pass\n', (D, "org/d")),
        ('def load(x, /, base_model="org/b", *, n=1):\n    pass\n', (M, "org/b")),
        ('class C:\n    def __init__(self, model="org/x"):\n        pass\n', (M, "org/x")),
    ],
)
def test_parameter_default(source: str, expected: tuple[Kind, str]) -> None:
    kind, repo_id = expected
    line = 2 if source.startswith("class") else 1
    check(source, [(kind, repo_id, line, None, "parameter", NONE)])


def test_parameter_default_used_by_a_loader_in_the_body_is_reported_once() -> None:
    source = 'def load(model_id="org/x"):\n    return AutoModel.from_pretrained(model_id)\n'
    # once, as the loader reads it: a loader's reading says the kind when the parameter's name says another
    check(source, [(M, "org/x", 1, None, "from_pretrained", NONE)])


@pytest.mark.parametrize(
    "source",
    [
        'def load(path="org/x"):\n    pass\n',
        'def load(output_model="org/x"):\n    pass\n',
        "def load(model_id=None):\n    pass\n",
        'def load(model_id="./local"):\n    pass\n',
        'f = lambda model_id="org/x": model_id\n',
    ],
)
def test_parameter_look_alikes(source: str) -> None:
    check(source, [])


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # torchtune's dataset builders: where the data comes from, given or by default
        ('def alpaca_dataset(tokenizer, *, source: str = "org/d"):\n    pass\n', (D, "org/d", 1, "parameter")),
        ('ds = alpaca_dataset(tokenizer, source="org/d")\n', (D, "org/d", 1, "keyword")),
        ('ds = SFTDataset(source="org/d", split="train")\n', (D, "org/d", 1, "keyword")),
        ('cleaned = partial(alpaca_dataset, source="org/d")\n', (D, "org/d", 1, "keyword")),
        ('cleaned = functools.partial(alpaca_dataset, source="org/d")\n', (D, "org/d", 1, "keyword")),
        # XTuner's builders (`xtuner.apis.datasets`) take where the data comes from as `path`, handed to `load_dataset`
        ('def oasst1_dataset(tokenizer, path="org/d", max_length=2048):\n    pass\n', (D, "org/d", 1, "parameter")),
        ('ds = alpaca_dataset(tokenizer=tok, path="org/d")\n', (D, "org/d", 1, "keyword")),
    ],
)
def test_a_dataset_builder_s_source(source: str, expected: tuple[Kind, str, int, str]) -> None:
    kind, repo_id, line, form = expected
    check(source, [(kind, repo_id, line, None, form, NONE)])


@pytest.mark.parametrize(
    "source",
    [
        'ds = instruct_dataset(tokenizer, source="json", data_files="my_data.json")\n',  # a local format
        'def chat_dataset(tokenizer, *, source: str = "csv"):\n    pass\n',
        'loader = DataLoader(source="org/x")\n',  # not a dataset builder
        'def fetch(source: str = "org/x"):\n    pass\n',
        'class Importer:\n    def __init__(self, source="org/x"):\n        pass\n',
        'run = partial(train_model, source="org/x")\n',
        'ds = alpaca_dataset(tokenizer, origin="org/x")\n',  # another keyword
        'ds = save_dataset(source="org/x")\n',  # what a program writes
        'ds = alpaca_dataset(tokenizer, path="./data/alpaca.json")\n',  # a local file
        'def json_dataset(tokenizer, path="train.jsonl"):\n    pass\n',
        'ds = build_dataset(path="data/train.jsonl")\n',
        'ds = ImageDataset(path="images/val")\n',  # a project's folder
        'ds = export_dataset(ds, path="org/x")\n',  # what a program writes
    ],
)
def test_a_source_look_alikes(source: str) -> None:
    check(source, [])


# --- 4. environment variables ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('m = os.environ.get("MODEL", "org/x")', (M, "org/x", "environ")),
        ('m = os.getenv("MODEL_ID", "org/x")', (M, "org/x", "getenv")),
        ('m = getenv("HF_MODEL_NAME", default="org/x")', (M, "org/x", "getenv")),
        ('m = environ.get("DATASET_NAME", "org/d")', (D, "org/d", "environ")),
        ('m = os.environ.setdefault("BASE_MODEL", "org/b")', (M, "org/b", "environ")),
        ('m = os.getenv("OPENAI_MODEL", "gpt-4o")', (A, "gpt-4o", "getenv")),
        ('m = os.getenv("EMBEDDING_MODEL") or os.getenv("MODEL", "org/x")', (M, "org/x", "getenv")),
    ],
)
def test_environment_default(source: str, expected: tuple[Kind, str, str]) -> None:
    kind, repo_id, form = expected
    check(source, [(kind, repo_id, 1, None, form, NONE)])


def test_environment_default_passed_to_a_loader_takes_the_loader() -> None:
    check(
        'AutoModel.from_pretrained(os.getenv("CKPT", "org/x"), trust_remote_code=True)',
        [(M, "org/x", 1, None, "from_pretrained", TRC)],
    )


def test_environment_default_held_by_a_constant_is_reported_once() -> None:
    source = 'MODEL = os.getenv("MODEL_ID", "org/x")\nAutoModel.from_pretrained(MODEL)\n'
    check(source, [(M, "org/x", 1, None, "from_pretrained", NONE)])


def test_environment_name_held_by_a_constant() -> None:
    check('VAR = "MODEL_ID"\nm = os.getenv(VAR, "org/x")\n', [(M, "org/x", 2, None, "getenv", NONE)])


@pytest.mark.parametrize(
    "source",
    [
        'os.getenv("HOME", "org/x")',
        'os.environ.get("OUTPUT_MODEL", "org/x")',
        'os.environ.get("HUB_MODEL_ID", "org/x")',
        'os.getenv("MODEL_ID")',
        'os.getenv("MODEL_DIR", "org/x")',
        'os.getenv("MODEL", "/models/x")',
        'config.get("MODEL_DIR", "org/x")',  # not the environment (`config.get("MODEL", ID)` is a keyed default)
        'os.environ["MODEL"]',
    ],
)
def test_environment_look_alikes(source: str) -> None:
    check(source, [])


# --- 5. dict and list literals, comprehensions ------------------------------------------------------------------


def test_dict_values_by_subscript() -> None:
    source = 'MODELS = {\n    "small": "org/a",\n    "large": "org/b",\n}\nAutoModel.from_pretrained(MODELS[size])\n'
    check(source, [(M, "org/a", 2, None, "from_pretrained", NONE), (M, "org/b", 3, None, "from_pretrained", NONE)])


def test_dict_value_by_literal_key() -> None:
    source = 'CHOICES = {"small": "org/a", "large": "org/b"}\nAutoModel.from_pretrained(CHOICES["large"])\n'
    check(source, [(M, "org/b", 1, None, "from_pretrained", NONE)])


def test_dict_get_with_default() -> None:
    source = 'MODELS = {"small": "org/a"}\nload_dataset(MODELS.get(size, "org/c"))\n'
    check(source, [(D, "org/a", 1, None, "load_dataset", NONE), (D, "org/c", 2, None, "load_dataset", NONE)])


def test_list_by_index() -> None:
    source = 'MODELS = ["org/a", "org/b"]\nAutoModel.from_pretrained(MODELS[1])\nAutoModel.from_pretrained(MODELS[i])\n'
    check(
        source,
        [
            (M, "org/b", 1, None, "from_pretrained", NONE),
            (M, "org/a", 1, None, "from_pretrained", NONE),
            (M, "org/b", 1, None, "from_pretrained", NONE),
        ],
    )


@pytest.mark.parametrize(
    "loop",
    [
        "for name in MODELS.values():\n    snapshot_download(name)\n",
        "for size, name in MODELS.items():\n    snapshot_download(name)\n",
        "for size in MODELS:\n    snapshot_download(MODELS[size])\n",
        "for i, name in enumerate(sorted(MODELS.values())):\n    snapshot_download(name)\n",
    ],
)
def test_dict_loops(loop: str) -> None:
    source = 'MODELS = {"small": "org/a", "large": "org/b"}\n' + loop
    check(source, [(M, "org/a", 1, None, "snapshot_download", NONE), (M, "org/b", 1, None, "snapshot_download", NONE)])


def test_dict_keys_are_ids_when_walked() -> None:
    source = 'WEIGHTS = {"org/a": 0.5, "org/b": 0.5}\nfor name in WEIGHTS:\n    load_dataset(name)\n'
    check(source, [(D, "org/a", 1, None, "load_dataset", NONE), (D, "org/b", 1, None, "load_dataset", NONE)])


@pytest.mark.parametrize(
    "source",
    [
        '[AutoModel.from_pretrained(m) for m in ["org/a", "org/b"]]',
        '{m: AutoModel.from_pretrained(m) for m in ("org/a", "org/b")}',
        'list(AutoModel.from_pretrained(m) for m in ["org/a", "org/b"] if m)',
        '{k: AutoModel.from_pretrained(v) for k, v in {"x": "org/a", "y": "org/b"}.items()}',
    ],
)
def test_comprehension(source: str) -> None:
    check(source, [(M, "org/a", 1, None, "from_pretrained", NONE), (M, "org/b", 1, None, "from_pretrained", NONE)])


def test_zip_of_two_lists() -> None:
    source = 'for m, d in zip(["org/m"], ["org/d"]):\n    AutoModel.from_pretrained(m)\n    load_dataset(d)\n'
    check(source, [(M, "org/m", 1, None, "from_pretrained", NONE), (D, "org/d", 1, None, "load_dataset", NONE)])


@pytest.mark.parametrize(
    "source",
    [
        # a comprehension variable stands for its own comprehension's items only
        '[print(m) for m in ["org/a"]]\nAutoModel.from_pretrained(m)\n',
        "[AutoModel.from_pretrained(m) for m in get_models()]",
        # walking a dict hands out its keys, here no strings; the values are never handed to a loader
        'CHOICES = {1: "org/a"}\nfor size in CHOICES:\n    AutoModel.from_pretrained(size)\n',
        'CHOICES = {"small": "org/a"}\nprint(CHOICES["small"])\n',
        'CHOICES = {"small": "org/a"}\nAutoModel.from_pretrained(OTHER[size])\n',
        "for i, m in enumerate(get_models()):\n    AutoModel.from_pretrained(m)\n",
        'for i, m in enumerate(["org/a"]):\n    AutoModel.from_pretrained(i)\n',
    ],
)
def test_container_look_alikes(source: str) -> None:
    check(source, [])


# --- 6. branches, dynamic ids ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "source",
    [
        'if big:\n    MODEL = "org/a"\nelse:\n    MODEL = "org/b"\nAutoModel.from_pretrained(MODEL)\n',
        'if big:\n    MODEL = "org/a"\nelif x:\n    MODEL = "org/b"\nAutoModel.from_pretrained(MODEL)\n',
        'try:\n    MODEL = "org/a"\nexcept ImportError:\n    MODEL = "org/b"\nAutoModel.from_pretrained(MODEL)\n',
    ],
)
def test_constant_on_branches(source: str) -> None:
    line_b = source.split("\n").index('    MODEL = "org/b"') + 1
    check(source, [(M, "org/a", 2, None, "from_pretrained", NONE), (M, "org/b", line_b, None, "from_pretrained", NONE)])


def test_a_default_a_branch_may_replace_yields_both_values() -> None:
    """`MODEL = "org/a"` then `if big: MODEL = "org/b"`: either may be what the loader reads, so both are checked (a
    gate that followed only one would pass the other unseen)."""
    source = 'MODEL = "org/a"\nif big:\n    MODEL = "org/b"\nelif small:\n    MODEL = pick()\n'
    source += "AutoModel.from_pretrained(MODEL)\n"
    check(source, [(M, "org/a", 1, None, "from_pretrained", NONE), (M, "org/b", 3, None, "from_pretrained", NONE)])


def test_a_function_s_default_a_branch_may_replace_yields_both_values() -> None:
    source = (
        "def load(flag, name=None):\n"
        '    repo_id = "org/a"\n'
        "    if flag:\n"
        '        repo_id = "org/b"\n'
        "    elif name:\n"
        "        repo_id = name\n"
        "    return hf_hub_download(repo_id, 'w.safetensors')\n"
    )
    assert {(text, line) for _, text, line, *_ in find(source)} == {("org/a", 2), ("org/b", 4)}


def test_branch_with_a_call_yields_the_literal_only() -> None:
    source = 'if big:\n    MODEL = "org/a"\nelse:\n    MODEL = pick()\nAutoModel.from_pretrained(MODEL)\n'
    check(source, [(M, "org/a", 2, None, "from_pretrained", NONE)])


@pytest.mark.parametrize(
    "source",
    [
        # on branches of two statements: neither is a default the other replaces
        'if big:\n    MODEL = "org/a"\nif small:\n    MODEL = "org/b"\nAutoModel.from_pretrained(MODEL)\n',
        # shadowed by a parameter or an import
        'if big:\n    BASE = "org/a"\nelse:\n    BASE = "org/b"\ndef f(BASE):\n    AutoModel.from_pretrained(BASE)\n',
        'if big:\n    MODEL = "org/a"\nelse:\n    from cfg import MODEL\nAutoModel.from_pretrained(MODEL)\n',
        # a loop is no branch
        'for x in y:\n    MODEL = "org/a"\nAutoModel.from_pretrained(MODEL)\n',
    ],
)
def test_constant_not_followed(source: str) -> None:
    check(source, [])


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('SIZE = "7b"\nAutoModel.from_pretrained(f"org/model-{SIZE}")\n', "org/model-7b"),
        ('ORG = "org"\nAutoModel.from_pretrained(ORG + "/name")\n', "org/name"),
        ('AutoModel.from_pretrained("org/" + "name")\n', "org/name"),
    ],
)
def test_composed_ids_resolved(source: str, expected: str) -> None:
    line = source.count("\n")
    check(source, [(M, expected, line, None, "from_pretrained", NONE)])


def test_composed_in_a_loop_yields_each() -> None:
    source = 'for size in ["small", "large"]:\n    load_dataset(f"org/data-{size}", revision="r1")\n'
    check(
        source,
        [(D, "org/data-small", 2, "r1", "load_dataset", NONE), (D, "org/data-large", 2, "r1", "load_dataset", NONE)],
    )


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('AutoModel.from_pretrained(f"org/{size}")', (M, 'f"org/{size}"', "from_pretrained")),
        ('AutoModel.from_pretrained("org/" + name)', (M, '"org/" + name', "from_pretrained")),
        ('load_dataset(f"{org}/data", split="train")', (D, 'f"{org}/data"', "load_dataset")),
        ('client.chat.completions.create(model=f"gpt-{v}")', (A, 'f"gpt-{v}"', "create")),
        ('AutoModel.from_pretrained(f"org/{size!r}")', (M, 'f"org/{size!r}"', "from_pretrained")),
        ('timm.create_model(f"hf-hub:timm/{arch}")', (M, 'f"hf-hub:timm/{arch}"', "create_model")),
    ],
)
def test_dynamic(source: str, expected: tuple[Kind, str, str]) -> None:
    kind, text, form = expected
    check(source, [(kind, text, 1, None, form, DYN)])


def test_dynamic_keeps_the_revision_and_trust_remote_code() -> None:
    check(
        'AutoModel.from_pretrained(f"org/{n}", revision="v1", trust_remote_code=True)',
        [(M, 'f"org/{n}"', 1, "v1", "from_pretrained", DYN | TRC)],
    )


def test_dynamic_column_is_where_it_is_written() -> None:
    [reference] = PythonSource().find('m = AutoModel.from_pretrained(f"org/{n}")', FileContext("a.py", lambda _: False))
    assert (reference.column, reference.text) == (30, 'f"org/{n}"')


@pytest.mark.parametrize(
    "source",
    [
        "AutoModel.from_pretrained(name)",
        "AutoModel.from_pretrained(args.model_name_or_path)",
        'AutoModel.from_pretrained(f"./checkpoints/{run}")',
        'AutoModel.from_pretrained(f"/models/{name}")',
        'AutoModel.from_pretrained("./out/" + name)',
        "AutoModel.from_pretrained(base + suffix)",
        "AutoModel.from_pretrained(os.path.join(root, name))",
        'timm.create_model(f"{arch}_in1k")',
        'print(f"org/{size}")',
        'x = "org/" + name',
        'p.add_argument("--model", default=f"org/{size}")',
    ],
)
def test_not_dynamic(source: str) -> None:
    check(source, [])


# --- 7. more loaders -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # vLLM
        ('LLM(model="org/x")', (M, "org/x", "LLM")),
        ('vllm.LLM("org/x", dtype="half")', (M, "org/x", "LLM")),
        ('AsyncEngineArgs(model="org/x")', (M, "org/x", "AsyncEngineArgs")),
        ('EngineArgs(model="org/x")', (M, "org/x", "EngineArgs")),
        # huggingface_hub inference
        ('InferenceClient(model="org/x")', (M, "org/x", "InferenceClient")),
        ('InferenceClient("org/x", token=t)', (M, "org/x", "InferenceClient")),
        ('AsyncInferenceClient("org/x")', (M, "org/x", "AsyncInferenceClient")),
        ('client.text_generation("hi", model="org/x")', (M, "org/x", "text_generation")),
        ('client.feature_extraction("hi", model="org/x")', (M, "org/x", "feature_extraction")),
        # timm, open_clip
        ('timm.create_model("hf-hub:timm/vit.in1k", pretrained=True)', (M, "timm/vit.in1k", "create_model")),
        ('timm.create_model("hf_hub:org/name")', (M, "org/name", "create_model")),
        ('timm.create_model(model_name="hf-hub:org/name")', (M, "org/name", "create_model")),
        (
            'open_clip.create_model_and_transforms("hf-hub:laion/CLIP-ViT-B-32")',
            (M, "laion/CLIP-ViT-B-32", "create_model_and_transforms"),
        ),
        ('open_clip.create_model_from_pretrained("hf-hub:org/c")', (M, "org/c", "create_model_from_pretrained")),
        ('open_clip.get_tokenizer("hf-hub:org/c")', (M, "org/c", "get_tokenizer")),
        # peft
        ('AutoPeftModelForCausalLM.from_pretrained("org/lora")', (M, "org/lora", "from_pretrained")),
        # LangChain
        ('HuggingFaceEmbeddings(model_name="org/e")', (M, "org/e", "HuggingFaceEmbeddings")),
        (
            'SentenceTransformerEmbeddings(model_name="all-MiniLM-L6-v2")',
            (M, "all-MiniLM-L6-v2", "SentenceTransformerEmbeddings"),  # as written; resolved as the library loads it
        ),
        (
            'HuggingFaceBgeEmbeddings(model_name="BAAI/bge-small-en")',
            (M, "BAAI/bge-small-en", "HuggingFaceBgeEmbeddings"),
        ),
        ('HuggingFaceEndpoint(repo_id="org/x", max_new_tokens=9)', (M, "org/x", "HuggingFaceEndpoint")),
        ('HuggingFacePipeline.from_model_id(model_id="org/x", task="t")', (M, "org/x", "from_model_id")),
        ('HuggingFacePipeline.from_model_id("org/x", "t")', (M, "org/x", "from_model_id")),
        ('ChatOpenAI(model="gpt-4o")', (A, "gpt-4o", "ChatOpenAI")),
        ('ChatOpenAI(model_name="gpt-3.5-turbo", temperature=0)', (A, "gpt-3.5-turbo", "ChatOpenAI")),
        ('ChatOpenAI(model="org/served", base_url=u)', (M, "org/served", "ChatOpenAI")),
        ('ChatAnthropic(model="claude-3-opus-20240229")', (A, "claude-3-opus-20240229", "ChatAnthropic")),
        ('OpenAIEmbeddings(model="text-embedding-3-large")', (A, "text-embedding-3-large", "OpenAIEmbeddings")),
        # LlamaIndex
        ('HuggingFaceEmbedding(model_name="BAAI/bge-base-en")', (M, "BAAI/bge-base-en", "HuggingFaceEmbedding")),
        ('OpenAI(model="gpt-4o-mini", temperature=0)', (A, "gpt-4o-mini", "OpenAI")),
    ],
)
def test_more_loaders(source: str, expected: tuple[Kind, str, str]) -> None:
    kind, repo_id, form = expected
    check(source, [(kind, repo_id, 1, None, form, NONE)])


def test_model_and_tokenizer_keywords() -> None:
    check(
        'HuggingFaceLLM(model_name="org/m", tokenizer_name="org/t")\nLLM(model="org/m", tokenizer="org/t2")\n',
        [
            (M, "org/m", 1, None, "HuggingFaceLLM", NONE),
            (M, "org/t", 1, None, "HuggingFaceLLM", NONE),
            (M, "org/m", 2, None, "LLM", NONE),
            (M, "org/t2", 2, None, "LLM", NONE),
        ],
    )


@pytest.mark.parametrize(
    "source",
    [
        'timm.create_model("resnet50", pretrained=True)',
        'open_clip.create_model_and_transforms(arch, pretrained="laion2b_s34b_b79k")',  # a tag alone is no id
        'create_model("Model", name=(str, ...))',  # pydantic
        'InferenceClient("https://my-endpoint.example.com")',
        'InferenceClient(base_url="http://localhost:8080")',
        'text_generation.Client("http://127.0.0.1:8080")',
        'OpenAI(api_key="sk")',
        'OpenAI(model="my-deployment")',
        'ChatOpenAI(model="local-model")',
        'LLM(model="./merged")',
        'HuggingFaceEmbeddings(model_name="/opt/models/e5")',
        'SentenceTransformerEmbeddings(model_name="./models/minilm")',
        'load_dataset("json", data_files="a.json")',
        'load_dataset("parquet", data_files="a.parquet")',
    ],
)
def test_more_loaders_look_alikes(source: str) -> None:
    check(source, [])


# --- 8. trust_remote_code ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('AutoModel.from_pretrained("org/x", trust_remote_code=True)', (M, "org/x", "from_pretrained", TRC)),
        ('LLM(model="org/x", trust_remote_code=True)', (M, "org/x", "LLM", TRC)),
        ('load_dataset("org/d", trust_remote_code=True)', (D, "org/d", "load_dataset", TRC)),
        (
            'TRUST = True\nAutoModel.from_pretrained("org/x", trust_remote_code=TRUST)',
            (M, "org/x", "from_pretrained", TRC),
        ),
        ('AutoModel.from_pretrained("org/x", trust_remote_code=False)', (M, "org/x", "from_pretrained", NONE)),
        ('AutoModel.from_pretrained("org/x", trust_remote_code=args.trust)', (M, "org/x", "from_pretrained", NONE)),
        ('AutoModel.from_pretrained("org/x", trust_remote_code="yes")', (M, "org/x", "from_pretrained", NONE)),
    ],
)
def test_trust_remote_code(source: str, expected: tuple[Kind, str, str, frozenset[str]]) -> None:
    kind, repo_id, form, flags = expected
    check(source, [(kind, repo_id, source.count("\n") + 1, None, form, flags)])


def test_trust_remote_code_belongs_to_its_own_call() -> None:
    source = 'AutoConfig.from_pretrained("org/x", trust_remote_code=True)\nAutoModel.from_pretrained("org/y")\n'
    check(source, [(M, "org/x", 1, None, "from_pretrained", TRC), (M, "org/y", 2, None, "from_pretrained", NONE)])


def test_references_come_in_source_order() -> None:
    source = 'def f(model_id="org/a"):\n    pass\nAutoModel.from_pretrained("org/b")\n'
    found = PythonSource().find(source, FileContext("a.py", lambda _: False))
    assert [r.text for r in found] == ["org/a", "org/b"]


# Statements holding no marker word are skipped; what flows into a statement from elsewhere must still be found.


def test_a_constant_chain_naming_an_environment_variable_is_followed() -> None:
    check(
        'A = "MODEL_ID"\nB = A\n\n\ndef f():\n    return os.getenv(B, "org/x")\n',
        [(M, "org/x", 6, None, "getenv", NONE)],
    )


def test_a_loop_body_using_its_target_on_a_line_without_markers_is_read() -> None:
    source = 'for var in ["MODEL_ID", "OTHER"]:\n    x = 1\n    value = os.getenv(var, "org/x")\n'
    check(source, [(M, "org/x", 3, None, "getenv", NONE)])


def test_a_decorated_function_is_read_from_its_first_decorator() -> None:
    source = '@functools.cache\n@other\ndef load(model_name_or_path="org/x"):\n    return 1\n'
    check(source, [(M, "org/x", 3, None, "parameter", NONE)])


def test_functions_without_marker_words_do_not_hide_the_ones_with_them() -> None:
    helpers = "".join(f"def helper_{i}(a, b='x/y'):\n    return a + b\n\n" for i in range(50))
    source = helpers + 'def load():\n    return AutoModel.from_pretrained("org/x")\n'
    check(source, [(M, "org/x", 152, None, "from_pretrained", NONE)])


def test_columns_count_characters_not_utf8_bytes() -> None:
    source = 'x = ("café", AutoModel.from_pretrained("org/x"))\n'
    found = PythonSource().find(source, FileContext("x.py", lambda _: False))
    assert [r.column for r in found] == [source.index('"org/x"')]


@pytest.mark.parametrize(
    "source",
    [
        'data_path: str = field(default="imdb", metadata={"help": "x"})\n',  # a known legacy dataset
        'def train(data_path: str = "yahma/alpaca-cleaned"):\n    pass\n',
        'p.add_argument("--data_path", type=str, default="timdettmers/openassistant-guanaco")\n',
    ],
)
def test_data_path_names_a_dataset(source: str) -> None:
    from modelpolicy.discover.python import PythonSource

    text = source if source.startswith(("def", "p.")) else f"@dataclass\nclass Args:\n    {source}"
    found = PythonSource().find(text, FileContext("a.py", lambda _: False))
    assert [r.kind for r in found] == [D]
