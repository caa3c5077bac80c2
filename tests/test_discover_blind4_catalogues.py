"""Forms of a model catalogue and its loaders, found on a repository the benchmark does not label (issue 16,
InvokeAI): the `source` a model record is installed from, and a class's constant read in its methods through
`self.` or `cls.`."""

from __future__ import annotations

import pytest

from modelpolicy.discover.identity import without_subpath
from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.python import PythonSource
from modelpolicy.knowledge import load as load_knowledge
from modelpolicy.model import Kind

M, A = Kind.MODEL, Kind.API


def find(source: str, path: str = "pkg/catalogue.py") -> set[tuple[Kind, str]]:
    context = FileContext(path, lambda text: False)
    return {(r.kind, r.text) for r in PythonSource().find(source, context)}


# --- the `source` of a record named for a model ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            'flux = StarterModel(name="FLUX Schnell", base=Base.Flux, source="black-forest-labs/FLUX.1-schnell")',
            {(M, "black-forest-labs/FLUX.1-schnell")},
        ),
        ('MODELS = [ModelEntry(source="org/tiny-vae", name="Tiny VAE")]', {(M, "org/tiny-vae")}),
        ('class DefaultModel(BaseModel):\n    source: str = "org/x-encoder"\n', {(M, "org/x-encoder")}),
    ],
)
def test_the_source_of_a_model_record_is_read(source: str, expected: set[tuple[Kind, str]]) -> None:
    assert find(source) == expected


@pytest.mark.parametrize(
    "source",
    [
        # a file off the Hub, a label, a local folder, a bare word: no id
        'x = StarterModel(name="ESRGAN", source="https://github.com/xinntao/Real-ESRGAN/releases/download/v0.1.0/x.pth")',
        'x = StarterModel(name="CyberRealistic Negative v3", source="local")',
        'x = ModelEntry(source="models/sd15", name="sd15")',
        'x = ModelEntry(source="./checkpoints/run-1")',
        # a record not named for a model, and one a program writes
        'x = Image(source="org/x", caption="a cat")',
        'x = DataSource(source="org/x")',
        'save_model(model, source="org/x")',
        # a function's `source` (a record is a class)
        'job = train_model(source="org/x", epochs=3)',
        # Django REST framework's field of a serializer: a dotted attribute path
        'name = serializers.CharField(source="model.name")',
    ],
)
def test_a_source_that_is_no_model_record_id_is_not_read(source: str) -> None:
    assert find(source) == set()


# --- a class's constant read through `self.` or `cls.` ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "class Loader:\n"
            '    DEFAULT_HF_REPO = "Qwen/Qwen2.5-VL-7B-Instruct"\n'
            "    def tokenizer(self):\n"
            "        return AutoTokenizer.from_pretrained(self.DEFAULT_HF_REPO)\n",
            {(M, "Qwen/Qwen2.5-VL-7B-Instruct")},
        ),
        (
            "class Detector:\n"
            '    hf_repo_id = "lllyasviel/Annotators"\n'
            '    hf_filename = "table5_pidinet.pth"\n'
            "    @classmethod\n"
            "    def get_model_url(cls):\n"
            "        return huggingface_hub.hf_hub_url(cls.hf_repo_id, cls.hf_filename)\n",
            {(M, "lllyasviel/Annotators")},
        ),
        (
            "class Judge:\n"
            '    MODEL = "gpt-4o-mini"\n'
            "    def ask(self, client):\n"
            "        return client.chat.completions.create(model=self.MODEL, messages=[])\n",
            {(A, "gpt-4o-mini")},
        ),
    ],
)
def test_a_class_constant_read_in_a_loader_is_read(source: str, expected: set[tuple[Kind, str]]) -> None:
    assert find(source) == expected


@pytest.mark.parametrize(
    "source",
    [
        # an owner-less word, a local folder, a constant bound twice
        'class Loader:\n    MODE = "auto"\n    def load(self):\n        return AutoModel.from_pretrained(self.MODE)\n',
        "class Loader:\n"
        '    ROOT = "./weights/base"\n'
        "    def load(self):\n"
        "        return AutoModel.from_pretrained(self.ROOT)\n",
        "class Loader:\n"
        '    REPO = "org/a"\n'
        '    REPO = "org/b"\n'
        "    def load(self):\n"
        "        return AutoModel.from_pretrained(self.REPO)\n",
        # another object's attribute is not the class's
        "class Loader:\n"
        '    REPO = "org/a"\n'
        "    def load(self, other):\n"
        "        return AutoModel.from_pretrained(other.REPO)\n",
        # a string constant that no loader reads
        'class Paths:\n    ASSETS = "static/img"\n    def url(self):\n        return self.ASSETS\n',
    ],
)
def test_a_class_constant_that_names_nothing_read_is_not_read(source: str) -> None:
    assert find(source) == set()


# --- hosted image and video generation models: DashScope's Qwen-Image and Wan tiers, Ark's Seedream -------------------


@pytest.mark.parametrize(
    ("name", "provider"),
    [
        ("qwen-image-plus", "alibaba-dashscope"),
        ("qwen-image-max", "alibaba-dashscope"),
        ("qwen-image-2.0", "alibaba-dashscope"),
        ("qwen-image-2.0-pro", "alibaba-dashscope"),
        ("qwen-image-edit-max", "alibaba-dashscope"),
        ("wan2.6-t2i", "alibaba-dashscope"),
        ("wan2.2-t2i-flash", "alibaba-dashscope"),
        ("wanx2.1-t2i-turbo", "alibaba-dashscope"),
        ("wan2.2-t2v-plus", "alibaba-dashscope"),
        ("wan2.5-i2v-preview", "alibaba-dashscope"),
        ("dashscope/qwen-image-max", "alibaba-dashscope"),
        ("seedream-4-0-250828", "volcengine-ark"),
        ("seedream-5-0-lite-260128", "volcengine-ark"),
        ("doubao-seedream-4-0-250828", "volcengine-ark"),
        ("seedance-1-0-pro-250528", "volcengine-ark"),
    ],
)
def test_a_hosted_image_models_name_is_its_apis(name: str, provider: str) -> None:
    found = load_knowledge().provider(name)
    assert found is not None and found.key == provider


@pytest.mark.parametrize(
    "name",
    [
        "qwen-image",  # the open weights' name too (Qwen/Qwen-Image), and a pipeline's type
        "qwen-image-edit",
        "Qwen/Qwen-Image-2512",
        "Qwen/Qwen-Image-Edit-2511",
        "wan2.2-t2v-a14b",  # Wan's open video models
        "Wan-AI/Wan2.2-T2V-A14B-Diffusers",
        "wan2.1-i2v-14b-720p",
        "ByteDance/SDXL-Lightning",
    ],
)
def test_open_image_weights_are_no_hosted_name(name: str) -> None:
    assert load_knowledge().provider(name) is None


def test_a_set_of_hosted_image_models_is_read() -> None:
    source = '_SYNC_MODELS = {\n    "qwen-image-2.0-pro",\n    "wan2.6-t2i",\n}\n'
    assert find(source) == {(A, "qwen-image-2.0-pro"), (A, "wan2.6-t2i")}


# --- InvokeAI's `owner/name::subfolder` -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("InvokeAI/t5-v1_1-xxl::bfloat16", "InvokeAI/t5-v1_1-xxl"),
        ("Qwen/Qwen-Image-Edit-2511::text_encoder+tokenizer+processor", "Qwen/Qwen-Image-Edit-2511"),
        ("black-forest-labs/FLUX.1-schnell::ae.safetensors", "black-forest-labs/FLUX.1-schnell"),
        ("InvokeAI/flux_dev::transformer/bnb_nf4/flux1-dev-bnb_nf4.safetensors", "InvokeAI/flux_dev"),
        # not a repository with a selection: left as written
        ("std::string", "std::string"),
        ("org/x::", "org/x::"),
        ("a/b/c::d", "a/b/c::d"),
        ("org/x:bf16", "org/x:bf16"),
    ],
)
def test_a_subpath_after_two_colons_names_its_repository(value: str, expected: str) -> None:
    assert without_subpath(value) == expected


def test_a_model_records_source_with_a_subfolder_is_its_repository() -> None:
    source = (
        'ae = StarterModel(name="FLUX.1-schnell_ae", source="black-forest-labs/FLUX.1-schnell::ae.safetensors")\n'
        't5 = StarterModel(name="t5", source="InvokeAI/t5-v1_1-xxl::bfloat16")\n'
    )
    assert find(source) == {(M, "black-forest-labs/FLUX.1-schnell"), (M, "InvokeAI/t5-v1_1-xxl")}


@pytest.mark.parametrize(
    "source",
    [
        'x = StarterModel(name="local", source="models/flux::ae.safetensors")',  # a project's folder
        'x = StarterModel(name="cpp", source="std::vector")',  # a C++ name: no repository
        'x = StarterModel(name="t5", source="org/x::")',
    ],
)
def test_two_colons_look_alikes_are_not_read(source: str) -> None:
    assert find(source) == set()
