"""PythonSource: the artefacts a Python file names in loader positions, read with `ast` and never run."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from modelpolicy.discover import discover
from modelpolicy.discover.interface import FileContext, SourceError
from modelpolicy.discover.python import PythonSource
from modelpolicy.model import Kind, Reference

M, D, A = Kind.MODEL, Kind.DATASET, Kind.API
LOCAL = frozenset({"checkpoints/run1"})
Found = tuple[Kind, str, int, str | None, str]


def context(path: str = "pkg/app.py") -> FileContext:
    return FileContext(path, lambda text: text in LOCAL)


def find(source: str) -> Counter[Found]:
    """(kind, id, line, revision, form) of every reference, with multiplicity."""
    references = PythonSource().find(source, context())
    return Counter((r.kind, r.text, r.line, r.revision, r.form) for r in references)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # X.from_pretrained(ID), for any X
        ('AutoModel.from_pretrained("bert-base-uncased")', (M, "bert-base-uncased", None, "from_pretrained")),
        (
            'AutoTokenizer.from_pretrained("meta-llama/Llama-3.1-8B")',
            (M, "meta-llama/Llama-3.1-8B", None, "from_pretrained"),
        ),
        (
            'StableDiffusionPipeline.from_pretrained("stabilityai/sd-2-1", torch_dtype=torch.float16)',
            (M, "stabilityai/sd-2-1", None, "from_pretrained"),
        ),
        ('PeftModel.from_pretrained(base, "org/lora-adapter")', (M, "org/lora-adapter", None, "from_pretrained")),
        ('PeftModel.from_pretrained(base, model_id="org/lora")', (M, "org/lora", None, "from_pretrained")),
        ('AutoPeftModelForCausalLM.from_pretrained("org/lora")', (M, "org/lora", None, "from_pretrained")),
        (
            'transformers.AutoModelForCausalLM.from_pretrained("org/name")',
            (M, "org/name", None, "from_pretrained"),
        ),
        (
            'AutoModel.from_pretrained("org/name", revision="v1.0")',
            (M, "org/name", "v1.0", "from_pretrained"),
        ),
        (
            'AutoModel.from_pretrained(pretrained_model_name_or_path="org/name")',
            (M, "org/name", None, "from_pretrained"),
        ),
        (
            'FastLanguageModel.from_pretrained(model_name="unsloth/llama-3-8b-bnb-4bit", max_seq_length=2048)',
            (M, "unsloth/llama-3-8b-bnb-4bit", None, "from_pretrained"),
        ),
        ('AutoModel.from_pretrained("org/name@abc123")', (M, "org/name", "abc123", "from_pretrained")),
        (
            f'AutoModel.from_pretrained("{"o" * 96}/{"n" * 96}")',
            (M, f"{'o' * 96}/{'n' * 96}", None, "from_pretrained"),
        ),
        # pipeline
        ('pipeline("text-generation", model="gpt2")', (M, "gpt2", None, "pipeline")),
        ('pipeline("text-generation", "org/name")', (M, "org/name", None, "pipeline")),
        (
            'transformers.pipeline(task="ner", model="dslim/bert-base-NER", revision="r1")',
            (M, "dslim/bert-base-NER", "r1", "pipeline"),
        ),
        # load_dataset
        ('load_dataset("squad")', (D, "squad", None, "load_dataset")),
        (
            'load_dataset("HuggingFaceFW/fineweb", "sample-10BT")',
            (D, "HuggingFaceFW/fineweb", None, "load_dataset"),
        ),
        ('load_dataset(path="org/data", split="train")', (D, "org/data", None, "load_dataset")),
        ('load_dataset("org/data", revision="r2")', (D, "org/data", "r2", "load_dataset")),
        # hf_hub_download, snapshot_download
        (
            'hf_hub_download(repo_id="org/name", filename="config.json")',
            (M, "org/name", None, "hf_hub_download"),
        ),
        ('hf_hub_download("org/name", "model.safetensors")', (M, "org/name", None, "hf_hub_download")),
        (
            'hf_hub_download(repo_id="org/data", filename="train.csv", repo_type="dataset")',
            (D, "org/data", None, "hf_hub_download"),
        ),
        ('snapshot_download("org/name")', (M, "org/name", None, "snapshot_download")),
        (
            'snapshot_download(repo_id="org/data", repo_type="dataset")',
            (D, "org/data", None, "snapshot_download"),
        ),
        (
            'huggingface_hub.snapshot_download("org/name", revision="abc")',
            (M, "org/name", "abc", "snapshot_download"),
        ),
        # sentence-transformers
        (
            'SentenceTransformer("sentence-transformers/all-MiniLM-L6-v2")',
            (M, "sentence-transformers/all-MiniLM-L6-v2", None, "SentenceTransformer"),
        ),
        ('SentenceTransformer(model_name_or_path="org/name")', (M, "org/name", None, "SentenceTransformer")),
        (
            'CrossEncoder("cross-encoder/ms-marco-MiniLM-L-6-v2")',
            (M, "cross-encoder/ms-marco-MiniLM-L-6-v2", None, "CrossEncoder"),
        ),
        # OpenAI and Anthropic clients
        ('client.chat.completions.create(model="gpt-4o", messages=[])', (A, "gpt-4o", None, "create")),
        (
            'client.embeddings.create(model="text-embedding-3-small", input="x")',
            (A, "text-embedding-3-small", None, "create"),
        ),
        ('client.responses.create(model="gpt-4.1", input="x")', (A, "gpt-4.1", None, "create")),
        (
            'client.messages.create(model="claude-3-5-sonnet-20240620", max_tokens=9, messages=[])',
            (A, "claude-3-5-sonnet-20240620", None, "create"),
        ),
        (
            'client.beta.chat.completions.parse(model="gpt-4o-mini", messages=[])',
            (A, "gpt-4o-mini", None, "parse"),
        ),
        (
            'client.messages.stream(model="claude-3-haiku-20240307")',
            (A, "claude-3-haiku-20240307", None, "stream"),
        ),
        (
            'client.chat.completions.create(model="meta-llama/Llama-3.1-8B-Instruct", messages=[])',
            (M, "meta-llama/Llama-3.1-8B-Instruct", None, "create"),
        ),
    ],
)
def test_loader_call(source: str, expected: tuple[Kind, str, str | None, str]) -> None:
    kind, repo_id, revision, form = expected
    assert find(source) == Counter({(kind, repo_id, 1, revision, form): 1})


def test_reference_fields() -> None:
    found = PythonSource().find('x = AutoModel.from_pretrained("org/name")\n', context("src/a.py"))
    assert found == [
        Reference(
            path="src/a.py",
            line=1,
            column=30,
            text="org/name",
            kind=M,
            source="python",
            form="from_pretrained",
            revision=None,
        )
    ]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            'MODEL = "org/name"\n\nmodel = AutoModel.from_pretrained(MODEL)\n',
            [(M, "org/name", 1, None, "from_pretrained")],
        ),
        (
            'MODEL: str = "org/name"\nAutoModel.from_pretrained(MODEL, revision="v1")\n',
            [(M, "org/name", 1, "v1", "from_pretrained")],
        ),
        ('CHAT = "gpt-4o"\nclient.chat.completions.create(model=CHAT)\n', [(A, "gpt-4o", 1, None, "create")]),
        (
            'DATA = "org/data"\ndef main():\n    return load_dataset(DATA)\n',
            [(D, "org/data", 1, None, "load_dataset")],
        ),
        # one constant, two loaders: both references point at the constant
        (
            'MODEL = "org/name"\n'
            "tok = AutoTokenizer.from_pretrained(MODEL)\n"
            'pipe = pipeline("fill-mask", model=MODEL)\n',
            [(M, "org/name", 1, None, "from_pretrained"), (M, "org/name", 1, None, "pipeline")],
        ),
        # loops: one reference per item, at the item's line
        (
            'MODELS = [\n    "org/a",\n    "org/b",\n]\nfor name in MODELS:\n    snapshot_download(name)\n',
            [(M, "org/a", 2, None, "snapshot_download"), (M, "org/b", 3, None, "snapshot_download")],
        ),
        (
            'MODELS = (\n    "org/a",\n    "org/b",\n)\nfor m in MODELS:\n    AutoModel.from_pretrained(m)\n',
            [(M, "org/a", 2, None, "from_pretrained"), (M, "org/b", 3, None, "from_pretrained")],
        ),
        (
            'for name in ["org/a",\n             "org/b"]:\n    load_dataset(name)\n',
            [(D, "org/a", 1, None, "load_dataset"), (D, "org/b", 2, None, "load_dataset")],
        ),
        (
            'for name in ["org/a", "./local", "json", "x/y."]:\n    load_dataset(name)\n',
            [(D, "org/a", 1, None, "load_dataset")],
        ),
        # a field of the loop's items, each a literal record: `c["value"]` of each card
        (
            'CANDIDATES = [\n    {"label": "A", "value": "org/a"},\n    {"label": "B", "value": "org/b"},\n]\n'
            'for c in CANDIDATES:\n    AutoModel.from_pretrained(c["value"])\n',
            [(M, "org/a", 2, None, "from_pretrained"), (M, "org/b", 3, None, "from_pretrained")],
        ),
        (
            'TABLE = {"fast": {"repo": "org/a"}}\n'
            'for tier, card in TABLE.items():\n    snapshot_download(card["repo"])\n',
            [(M, "org/a", 1, None, "snapshot_download")],
        ),
        # a function's own constants: the local binding is the one its loader reads
        (
            'def main():\n    checkpoint = "org/a"\n    return AutoModel.from_pretrained(checkpoint)\n',
            [(M, "org/a", 2, None, "from_pretrained")],
        ),
        (
            'MODEL = "org/a"\ndef main():\n    MODEL = "org/b"\n    return AutoModel.from_pretrained(MODEL)\n',
            [(M, "org/b", 3, None, "from_pretrained")],
        ),
        (
            'def main(big):\n    if big:\n        name = "org/big"\n    else:\n        name = "org/small"\n'
            '    names = [name, "org/c"]\n    for n in names:\n        snapshot_download(n)\n',
            [
                (M, "org/big", 3, None, "snapshot_download"),
                (M, "org/small", 5, None, "snapshot_download"),
                (M, "org/c", 6, None, "snapshot_download"),
            ],
        ),
    ],
)
def test_followed_names(source: str, expected: list[Found]) -> None:
    assert find(source) == Counter(expected)


@pytest.mark.parametrize(
    "text",
    [
        "./x",
        "../x",
        "/abs/x",
        "~/x",
        "C:\\models\\x",
        ".",
        "checkpoints/run1",  # is_local_path says it exists in the tree
        "models/model.safetensors",
        "out/config.json",
        "a--b/c",
        "-x/y",
        "x/y.",
        "org/na me",
        f"{'o' * 97}/x",
        f"x/{'n' * 97}",
        "",
    ],
)
@pytest.mark.parametrize(
    "template",
    [
        "AutoModel.from_pretrained({})",
        "load_dataset({})",
        "hf_hub_download(repo_id={}, filename='f')",
        "pipeline('text-generation', model={})",
        "SentenceTransformer({})",
    ],
)
def test_not_a_repository(template: str, text: str) -> None:
    assert find(template.format(repr(text))) == Counter()


@pytest.mark.parametrize(
    "source",
    [
        # packaged dataset builders read local files
        'load_dataset("json", data_files="train.jsonl")',
        'load_dataset("csv", data_files={"train": "a.csv"})',
        'load_dataset("parquet", data_files="x.parquet")',
        'load_dataset("text", data_files="x.txt")',
        'load_dataset(path="JSON", data_files="x.json")',
        # API names nobody knows
        'client.chat.completions.create(model="my-deployment", messages=[])',
        'Agent(model="my-agent")',
        "client.chat.completions.create(messages=[])",
        # no id argument at all
        'pipeline("text-generation")',
        "AutoModel.from_pretrained(*args)",
        # owner/name look-alikes outside a loader position
        'CONTENT_TYPE = "text/plain"',
        'open("data/train.json")',
        'print("org/name")',
        'headers = {"Accept": "application/json"}',
        'AutoModel.from_pretrained(path, cache_dir="org/cache")',
        'hf_hub_download(repo_id=repo, filename="org/name")',
        # a file a program writes or reads, under a name that says model
        'assert scope.model_path("reports/plot.png") == expected',
        'model_card = load_model_card(model_id="docs/model-card.md")',
    ],
)
def test_no_reference(source: str) -> None:
    assert find(source) == Counter()


def test_a_string_that_is_a_url_of_the_hub_names_its_repository() -> None:
    source = (
        '"""Weights from https://huggingface.co/org/in-docstring."""\n'
        'URL = "https://huggingface.co/org/weights-GGUF/resolve/v2/w.gguf"\n'
        'frame = pd.read_parquet("hf://datasets/org/table/data/train.parquet")\n'
        'print("see https://huggingface.co/org/in-prose for details")\n'
        'HOME = "https://huggingface.co/spaces/org/demo"\n'
    )
    assert find(source) == Counter([(M, "org/weights-GGUF", 2, "v2", "url"), (D, "org/table", 3, None, "url")])


@pytest.mark.parametrize(
    "source",
    [
        # reassigned in the module
        'MODEL = "org/a"\nMODEL = "org/b"\nAutoModel.from_pretrained(MODEL)\n',
        'MODEL = "org/a"\nMODEL += "-v2"\nAutoModel.from_pretrained(MODEL)\n',
        # reassigned in a function, or assigned in another function than the one that reads it
        'def main():\n    ckpt = "org/a"\n    ckpt = ckpt + "-v2"\n    return AutoModel.from_pretrained(ckpt)\n',
        'def a():\n    ckpt = "org/a"\ndef b():\n    return AutoModel.from_pretrained(ckpt)\n',
        "def main(ckpt):\n    for ckpt in get():\n        pass\n    return AutoModel.from_pretrained(ckpt)\n",
        # a function parameter shadows the module constant (one named for a model is still read for its name)
        'BASE = "org/a"\ndef load(BASE):\n    return AutoModel.from_pretrained(BASE)\n',
        # built at run time, or never bound
        "AutoModel.from_pretrained(org_name)\n",
        "AutoModel.from_pretrained(MODEL_ID)",
        "AutoModel.from_pretrained(args.model)",
        'AutoModel.from_pretrained(os.environ["MODEL"])',
        "for name in get_models():\n    AutoModel.from_pretrained(name)\n",
        # a loop variable stands for its own loop's items only
        'for m in ["org/a"]:\n    print(m)\nfor m in get_models():\n    AutoModel.from_pretrained(m)\n',
        'for m in ["org/a"]:\n    print(m)\ndef load(m):\n    return AutoModel.from_pretrained(m)\n',
        # a loop variable over records built at run time is not the module constant of that name
        'c = {"value": "org/a"}\nfor c in get_cards():\n    AutoModel.from_pretrained(c["value"])\n',
        # a loop over strings: a subscript of one is no record's field
        'for c in ["org/a"]:\n    AutoModel.from_pretrained(c["value"])\n',
    ],
)
def test_unfollowed_names(source: str) -> None:
    assert find(source) == Counter()


@pytest.mark.parametrize(("source", "line"), [("x = 1\n\ndef broken(:\n    pass\n", 3), ("a = (\n", 1)])
def test_syntax_error(source: str, line: int) -> None:
    with pytest.raises(SourceError, match=rf"\bline {line}\b"):
        PythonSource().find(source, context())


def test_null_byte_is_a_source_error() -> None:
    with pytest.raises(SourceError):
        PythonSource().find('MODEL = "org/x"\0\n', context())


def test_a_statement_naming_nothing_is_not_parsed() -> None:
    """Only the statements that hold a marker word are parsed: a broken one that names nothing hides nothing."""
    source = 'from transformers import AutoModel\nx = = 1\n\nAutoModel.from_pretrained("org/x")\n'
    assert [(r.text, r.line) for r in PythonSource().find(source, context())] == [("org/x", 4)]


def test_parsed_never_run(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    source = (
        "import pathlib\n"
        f"pathlib.Path({str(marker)!r}).write_text('ran')\n"
        "raise SystemExit(3)\n"
        'AutoModel.from_pretrained("org/name")\n'
    )
    assert find(source) == Counter({(M, "org/name", 4, None, "from_pretrained"): 1})
    assert not marker.exists()


@pytest.mark.parametrize(
    ("path", "wanted"),
    [("a.py", True), ("pkg/stubs.pyi", True), ("nb.ipynb", False), ("a.pyc", False), ("py", False)],
)
def test_wants(path: str, wanted: bool) -> None:
    assert PythonSource().wants(path) is wanted


def test_revision_held_in_a_constant_is_followed() -> None:
    source = 'REV = "a1b2c3"\nAutoModel.from_pretrained("org/name", revision=REV)\n'
    assert find(source) == Counter([(M, "org/name", 2, "a1b2c3", "from_pretrained")])


def test_a_space_is_not_an_artefact() -> None:
    assert find('hf_hub_download(repo_id="org/demo", filename="app.py", repo_type="space")\n') == Counter()


def test_an_fstring_over_constants_resolves_and_one_over_unknowns_is_dynamic() -> None:
    assert find('name = "x"\nAutoModel.from_pretrained(f"org/{name}")\n') == Counter(
        [(M, "org/x", 2, None, "from_pretrained")]
    )
    references = PythonSource().find('AutoModel.from_pretrained(f"org/{size}")\n', context())
    assert [(r.text, r.flags) for r in references] == [('f"org/{size}"', frozenset({"dynamic"}))]


def test_a_file_whose_only_reference_is_a_url_passes_the_pre_filter(tmp_path: Path) -> None:
    (tmp_path / "fetch.py").write_text('urlretrieve("https://hf.co/org/w/resolve/main/w.bin", "w.bin")\n', "utf-8")
    (tmp_path / "fetch.sh").write_text("git clone https://huggingface.co/org/x\n", encoding="utf-8")
    assert [(a.id, a.references[0].location) for a in discover(tmp_path, [tmp_path]).artefacts] == [
        ("org/w", "fetch.py:1"),
        ("org/x", "fetch.sh:1"),
    ]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('Agent(model="gpt-4o")', ("api", "gpt-4o")),  # a keyword named for a model, in any call
        ('OpenAIChatCompletionClient(model="gpt-4o-mini")', ("api", "gpt-4o-mini")),
        ('launcher(model_id="org/served", num_shard=1)', ("model", "org/served")),
        ('CONFIGS = {"llama": {"model_id": "org/x", "batch_size": 4}}', ("model", "org/x")),
        ('TOKENIZERS = ["org/tok", "my-tokenizer"]', ("model", "org/tok")),
        ('run(dataset_name="org/d")', ("dataset", "org/d")),
    ],
)
def test_keywords_dict_keys_and_lists_named_for_a_model(source: str, expected: tuple[str, str]) -> None:
    from modelpolicy.discover.python import PythonSource

    found = PythonSource().find(source + "\n", FileContext("a.py", lambda _: False))
    assert [(r.kind.value, r.text) for r in found] == [expected]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        pytest.param(
            'def run(image: str = "ghcr.io/huggingface/text-generation-inference:latest"): ...\n',
            "ghcr.io/huggingface/text-generation-inference:latest",
            id="parameter-default",
        ),
        pytest.param(
            'parts = ["docker run -d --gpus all", "vllm/vllm-openai:v0.12.0", f"--port {port}"]\n',
            "vllm/vllm-openai:v0.12.0",
            id="list-item",
        ),
        pytest.param(
            'IMAGE = "nvcr.io/nim/meta/llama3-8b-instruct:1.0.3"\n', "nvcr.io/nim/meta/llama3-8b-instruct:1.0.3"
        ),
        pytest.param(
            'image_tag = os.getenv("TEST_IMAGE_TAG", "ghcr.io/predibase/lorax:main")\n',
            "ghcr.io/predibase/lorax:main",
            id="lorax-getenv-default",
        ),
        pytest.param(
            '_VLLM_IMAGES = {"INTEL_VISIBLE_DEVICES": "docker.io/intel/vllm"}\n',
            "docker.io/intel/vllm",
            id="intel-vllm-build",  # RamaLama's vLLM image for Intel GPUs
        ),
    ],
)
def test_a_string_that_is_a_server_image_names_it(source: str, expected: str) -> None:
    found = PythonSource().find(source, context())
    assert [(r.kind, r.text, r.line) for r in found] == [(Kind.IMAGE, expected, 1)]


@pytest.mark.parametrize(
    "source",
    [
        'launcher(model_id="outputs/run1")',
        '{"model_type": "llama", "output_model": "org/out"}',
        'push(repo_id="me/out")',
        'Agent(model=f"org/{size}")',
        'settings(model="test")',
    ],
)
def test_keyword_and_key_look_alikes(source: str) -> None:
    from modelpolicy.discover.python import PythonSource

    assert PythonSource().find(source + "\n", FileContext("a.py", lambda _: False)) == []


@pytest.mark.parametrize(
    "source",
    [
        'IMAGE = "ghcr.io/huggingface/text-generation-inference-benchmark:latest"\n',  # not a server
        'IMAGE = "python:3.11"\n',
        'print("pull vllm/vllm-openai:v0.6.0 first")\n',  # prose holding an image
        'IMAGE = f"vllm/vllm-openai:{version}"\n',  # tag unknown, but the f-string is no constant
        '"""Run ollama/ollama."""\n',
        'REPO = "predibase/lorax"\n',  # the GitHub repository, not the image
        'IMAGE = "ghcr.io/predibase/lorax-docs:latest"\n',  # another image of the same account
        'IMAGE = "openmmlab/mmdetection:latest"\n',  # another image of LMDeploy's account
        'IMAGE = "intel/intel-extension-for-pytorch:2.1.10-xpu"\n',  # another image of Intel's account
    ],
)
def test_other_strings_name_no_image(source: str) -> None:
    assert [r for r in PythonSource().find(source, context()) if r.kind is Kind.IMAGE] == []


def test_every_server_of_the_catalogue_passes_the_pre_filters() -> None:
    from modelpolicy.discover.images import IMAGE_MARKERS
    from modelpolicy.knowledge import load

    for server in load().servers:
        for pattern in server.images:
            assert any(m.decode() in pattern for m in IMAGE_MARKERS), f"{pattern}: no marker in IMAGE_MARKERS"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('def load(request):\n    model_name = request.Model if request.Model else "org/tts"\n', ("model", "org/tts")),
        ('class Backend:\n    def __init__(self):\n        self.model_id = "org/asr"\n', ("model", "org/asr")),
        ('def f(x):\n    model_path = x or "org/fallback"\n', ("model", "org/fallback")),
    ],
)
def test_variables_and_attributes_named_for_a_model_in_functions(source: str, expected: tuple[str, str]) -> None:
    from modelpolicy.discover.python import PythonSource

    found = PythonSource().find(source, FileContext("a.py", lambda _: False))
    assert [(r.kind.value, r.text) for r in found] == [expected]


@pytest.mark.parametrize(
    "source",
    [
        'with launcher("bigscience/bloom-560m", num_shard=1) as handle:\n    yield handle\n',
        'with VllmRunner("facebook/opt-125m", dtype="half") as vllm_model:\n    pass\n',
        'with HfRunner(model_name="facebook/opt-125m") as hf_model:\n    pass\n',
    ],
)
def test_model_runners_of_test_suites(source: str) -> None:
    from modelpolicy.discover.python import PythonSource

    found = PythonSource().find(source, FileContext("tests/test_x.py", lambda _: False))
    assert len(found) == 1 and found[0].kind.value == "model"


def test_a_name_ending_in_lm_name_holds_a_model() -> None:
    from modelpolicy.discover.python import PythonSource

    found = PythonSource().find(
        'student_lm_name = "meta-llama/Llama-3.2-1B-Instruct"\n', FileContext("a.py", lambda _: False)
    )
    assert [(r.kind.value, r.text) for r in found] == [("model", "meta-llama/Llama-3.2-1B-Instruct")]


def test_faster_whisper_sizes_name_the_conversions_it_downloads() -> None:
    source = (
        "from faster_whisper import WhisperModel\n"
        'a = WhisperModel("base", device="cpu")\n'
        'b = WhisperModel(model_size_or_path="large-v3")\n'
        'c = WhisperModel("Systran/faster-whisper-small.en")\n'
        'd = WhisperModel("distil-large-v3")\n'
    )
    assert {(kind, text) for kind, text, *_ in find(source)} == {
        (M, "Systran/faster-whisper-base"),
        (M, "Systran/faster-whisper-large-v3"),
        (M, "Systran/faster-whisper-small.en"),
        (M, "Systran/faster-distil-whisper-large-v3"),
    }


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('EncoderClassifier.from_hparams(source="org/spkrec", savedir="tmp")\n', {(M, "org/spkrec", 1)}),
        ('SepformerSeparation.from_hparams("org/sepformer")\n', {(M, "org/sepformer", 1)}),
        (
            'source = options.get("source") or model_name or "org/ecapa"\n'
            "model = EncoderClassifier.from_hparams(source=source, savedir=savedir)\n",
            {(M, "org/ecapa", 1)},
        ),
        ('EncoderClassifier.from_hparams(source="pretrained_models/spkrec")\n', set()),  # a local folder
        ("Vocos.from_hparams(config_path)\n", set()),
        ('EncoderClassifier.from_hparams(source="./models/ecapa")\n', set()),
    ],
)
def test_speechbrain_s_from_hparams_names_its_source(source: str, expected: set[tuple[Kind, str, int]]) -> None:
    assert {(kind, text, line) for kind, text, line, *_ in find(source)} == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('from mlx_lm import load, generate\nmodel, tokenizer = load("org/mlx-4bit")\n', {(M, "org/mlx-4bit", 2)}),
        ('import mlx_vlm\nmodel, processor = mlx_vlm.load("org/vlm")\n', {(M, "org/vlm", 2)}),
        ('from mlx_lm.utils import load\nm, t = load(path_or_hf_repo="org/x")\n', {(M, "org/x", 2)}),
        (
            "try:\n    from mlx_lm import load as mlx_load\nexcept ImportError:\n    mlx_load = None\n"
            'class H:\n    def setup(self):\n        self.model = mlx_load("org/aliased")\n',
            {(M, "org/aliased", 7)},
        ),
        # another `load`: JSON, torch, a project's own, or MLX's `generate`
        ('import json, torch\ncfg = json.load(open("org/x"))\nw = torch.load("checkpoints/run")\n', set()),
        ('from mlx_lm import generate\nload("org/x")\ngenerate(model, tokenizer, prompt="org/y")\n', set()),
        ('from mylib import load\nm = load("org/x")\n', set()),
        ('import mlx_lm\nm = loader.load("org/x")\n', set()),
    ],
)
def test_mlx_s_load_names_the_model_it_downloads(source: str, expected: set[tuple[Kind, str, int]]) -> None:
    assert {(kind, text, line) for kind, text, line, *_ in find(source)} == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            'import whisperx\nmodel = whisperx.load_model("large-v2", "cuda")\n',
            {(M, "Systran/faster-whisper-large-v2", 2)},
        ),
        ('import whisperx\nm = whisperx.load_model(whisper_arch="org/ct2-whisper")\n', {(M, "org/ct2-whisper", 2)}),
        ('import whisper\nmodel = whisper.load_model("large-v2")\n', set()),  # openai-whisper: not the Hub
        ('import whisperx\nm = whisperx.load_model("huge", "cuda")\n', set()),
    ],
)
def test_whisperx_loads_faster_whisper_s_conversions(source: str, expected: set[tuple[Kind, str, int]]) -> None:
    assert {(kind, text, line) for kind, text, line, *_ in find(source)} == expected


def test_a_faster_whisper_size_given_as_a_parameter_s_default_names_its_conversion() -> None:
    source = (
        "class Handler:\n"
        "    def setup(\n"
        "        self,\n"
        '        model_name: str = "tiny.en",\n'
        '        device: str = "cuda",\n'
        "    ) -> None:\n"
        "        self.model = WhisperModel(model_name, device=device)\n"
        'def load(size="distil-large-v3"):\n'
        "    def inner():\n"
        "        return WhisperModel(size)\n"
        "    return inner()\n"
    )
    assert {(kind, text, line) for kind, text, line, *_ in find(source)} == {
        (M, "Systran/faster-whisper-tiny.en", 4),
        (M, "Systran/faster-distil-whisper-large-v3", 8),
    }


@pytest.mark.parametrize(
    "source",
    [
        'def load(size="huge"):\n    return WhisperModel(size)\n',  # no size it knows
        'def load(size="small"):\n    size = pick()\n    return WhisperModel(size)\n',  # rebound before the call
        'def load(\n    size="small",\n):\n    size = pick()\n    return WhisperModel(size)\n',
        'def load(model_name="tiny.en"):\n    return Recognizer(model_name)\n',  # no loader of these names
        'def load(size="small"):\n    return whisper.load_model(size)\n',  # openai-whisper: not the Hub
    ],
)
def test_a_short_name_default_look_alikes(source: str) -> None:
    assert not find(source)


@pytest.mark.parametrize(
    "source",
    [
        'WhisperModel("huge")\n',  # no size faster-whisper knows, and no Hub id
        'WhisperModel("./models/whisper-ct2")\n',  # a local conversion
        "WhisperModel(size)\n",
        'whisper.load_model("base")\n',  # openai-whisper downloads from OpenAI, not the Hub
        'Whisper("base")\n',
    ],
)
def test_faster_whisper_look_alikes(source: str) -> None:
    assert not find(source)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # crewAI's and other wrappers' `LLM(...)` share vLLM's name: a hosted API's model name is that API's
        ('LLM(model="gpt-4o-mini")', (A, "gpt-4o-mini", 1, None, "LLM")),
        ('LLM("o3-mini")', (A, "o3-mini", 1, None, "LLM")),
        ('llm = LLM(model="claude-opus-4-0", is_litellm=False)', (A, "claude-opus-4-0", 1, None, "LLM")),
        # an owner-less Hub name, and a Hub id whose name an API also serves, stay the Hub's
        ('LLM(model="gpt2")', (M, "gpt2", 1, None, "LLM")),
        ('LLM(model="facebook/opt-125m")', (M, "facebook/opt-125m", 1, None, "LLM")),
        ('AutoModel.from_pretrained("openai/gpt-oss-20b")', (M, "openai/gpt-oss-20b", 1, None, "from_pretrained")),
    ],
)
def test_a_hosted_api_name_in_a_model_loader_is_the_api(source: str, expected: Found) -> None:
    assert find(source) == Counter([expected])


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # crewAI's `LLM` routes to a provider, as dspy's `LM` does: `provider/name` is a route, not a Hub id
        ("from crewai import LLM\nLLM(model='groq/llama-3.3-70b')", []),
        ("from crewai import Agent, LLM\nLLM(model='anthropomorphic')", []),
        ("from crewai.llm import LLM\nLLM('gpt-4o-mini')", [(A, "gpt-4o-mini", 2, None, "LLM")]),
        # behind a route to a server of Hub models, the Hub id it serves
        (
            "from crewai import LLM\nLLM(model='hosted_vllm/meta-llama/Llama-3.1-8B-Instruct')",
            [(M, "meta-llama/Llama-3.1-8B-Instruct", 2, None, "LLM")],
        ),
        # vLLM's and TensorRT-LLM's `LLM` load the Hub model they are given
        ("from vllm import LLM\nLLM(model='facebook/opt-125m')", [(M, "facebook/opt-125m", 2, None, "LLM")]),
        ("from tensorrt_llm import LLM\nLLM(model='org/x')", [(M, "org/x", 2, None, "LLM")]),
        ("LLM(model='org/x')", [(M, "org/x", 1, None, "LLM")]),
    ],
)
def test_an_llm_imported_from_a_router_package_takes_api_names(source: str, expected: list[Found]) -> None:
    assert find(source) == Counter(expected)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # LMDeploy's `pipeline` and `serve` take the model first (transformers' `pipeline` takes its task there)
        ("import lmdeploy\npipe = lmdeploy.pipeline('org/chat')", [(M, "org/chat", 2, None, "pipeline")]),
        ("from lmdeploy import pipeline\npipe = pipeline('org/chat')", [(M, "org/chat", 2, None, "pipeline")]),
        (
            "from lmdeploy import pipeline, TurbomindEngineConfig\npipeline(model_path='org/vl', log_level='INFO')",
            [(M, "org/vl", 2, None, "pipeline")],
        ),
        (
            "from lmdeploy import serve as launch\nlaunch('org/chat', server_port=23333)",
            [(M, "org/chat", 2, None, "launch")],
        ),
        ("from lmdeploy.api import serve\nserve('org/chat')", [(M, "org/chat", 2, None, "serve")]),
    ],
)
def test_lmdeploy_s_pipeline_takes_its_model_first(source: str, expected: list[Found]) -> None:
    assert find(source) == Counter(expected)


@pytest.mark.parametrize(
    "source",
    [
        "from transformers import pipeline\npipeline('text-generation')",  # transformers: a task first
        "from lmdeploy import pipeline\npipeline('./merged')",  # a local folder
        "from lmdeploy import pipeline\npipeline(model_dir)",
        "import lmdeploy\nlmdeploy.client('http://0.0.0.0:23333')",  # a server's address
        "from fastapi import serve\nserve('org/app')",  # another package's `serve`
        "server.serve('org/app')",
    ],
)
def test_lmdeploy_look_alikes(source: str) -> None:
    assert not find(source)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # ModelScope's dataset loader takes the dataset first (its hub's ids are written as the Hub's)
        (
            "from modelscope.msdatasets import MsDataset\nds = MsDataset.load('org/d', split='train')",
            (D, "org/d", 2, None, "load"),
        ),
        ("ds = MsDataset.load(dataset_name='org/d', subset_name='default')", (D, "org/d", 1, None, "load")),
    ],
)
def test_modelscope_s_dataset_loader(source: str, expected: Found) -> None:
    assert find(source) == Counter([expected])


@pytest.mark.parametrize(
    "source",
    [
        "ds = MsDataset.load('./local/data', split='train')",  # a local folder
        "cfg = Config.load('org/cfg')",  # another class's `load`
        "data = json.load(f)",
        "ds = MsDataset.load(name)",
    ],
)
def test_modelscope_look_alikes(source: str) -> None:
    assert not find(source)


def test_a_folder_of_the_tree_is_no_hub_id_whether_or_not_its_owner_folder_holds_other_ids(tmp_path: Path) -> None:
    """A loader given a folder of the tree reads that folder; an `owner/name` whose owner is a folder of the tree but
    whose name is none, or whose owner is no folder at all, is still read as a Hub id."""
    (tmp_path / "acme-labs" / "tuned-run").mkdir(parents=True)
    (tmp_path / "train.py").write_text(
        'AutoModel.from_pretrained("acme-labs/tuned-run")\n'
        'AutoModel.from_pretrained("acme-labs/bert-small")\n'
        'AutoModel.from_pretrained("acme/model")\n',
        "utf-8",
    )
    found = {(a.id, a.references[0].line) for a in discover(tmp_path, [tmp_path]).artefacts}
    assert found == {("acme-labs/bert-small", 2), ("acme/model", 3)}
