"""Forms found on vision-language repositories the benchmark does not label (issue 16, eighth blind wave: open_clip,
LLaVA): a table of pretrained weights naming the Hugging Face Hub repository each entry is read from (`hf_hub=`,
timm's `hf_hub_id=`), written as the repository's folder (`org/x/`) or with the weights file taken from it
(`org/x/pytorch_model.bin`)."""

from __future__ import annotations

import pytest

from modelpolicy.discover.config import ConfigSource
from modelpolicy.discover.identity import identify, without_repository_file
from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.names import named_kind
from modelpolicy.discover.python import PythonSource
from modelpolicy.discover.shell import ShellSource
from modelpolicy.model import Kind

M = Kind.MODEL


def find(source: str, path: str = "pkg/pretrained.py") -> set[tuple[Kind, str, int]]:
    context = FileContext(path, lambda text: text.startswith(("./", "/")))
    return {(r.kind, r.text, r.line) for r in PythonSource().find(source, context)}


def find_config(text: str, path: str) -> set[tuple[Kind, str]]:
    context = FileContext(path, lambda text: False)
    return {(r.kind, r.text) for r in ConfigSource().find(text, context)}


# --- a name that says the value is read from the Hugging Face Hub -----------------------------------------------


@pytest.mark.parametrize("name", ["hf_hub", "HF_HUB", "hfHub", "hf_hub_id", "hfHubId", "HF_HUB_ID", "hf-hub-id"])
def test_a_name_for_the_hugging_face_hub_names_a_model_to_read(name: str) -> None:
    assert named_kind(name) is M


@pytest.mark.parametrize(
    "name",
    [
        "push_to_hf_hub",  # what a program pushes
        "upload_hf_hub_id",
        "save_to_hf_hub",
        "hf_hub_download",  # a loader's name, not a value's
        "hf_hub_token",
        "hf_hub_cache",
        "hf_hub_url",
        "hub",
        "hub_id",
        "hub_model_id",
        "model_hub",
    ],
)
def test_a_hub_to_push_to_or_a_hub_setting_names_none(name: str) -> None:
    assert named_kind(name) is None


PRETRAINED_TABLE = """\
def _pcfg(url='', hf_hub='', **kwargs):
    return {'url': url, 'hf_hub': hf_hub, **kwargs}


_RN50 = dict(
    openai=_pcfg(
        hf_hub="timm/resnet50_clip.openai/",
        quick_gelu=True,
    ),
    laion2b_s34b_b79k=_pcfg(hf_hub='laion/CLIP-ViT-B-32-laion2B-s34B-b79K/'),
)
_CLAP = dict(laion=_pcfg(hf_hub='laion/clap-htsat-unfused/pytorch_model.bin'))
_VITAMIN = dict(datacomp1b=_pcfg(hf_hub='jienengchen/ViTamin-S/open_clip_model.safetensors'))
"""


def test_a_pretrained_table_names_each_repository_by_its_folder_or_its_weights_file() -> None:
    assert find(PRETRAINED_TABLE) == {
        (M, "timm/resnet50_clip.openai", 7),
        (M, "laion/CLIP-ViT-B-32-laion2B-s34B-b79K", 10),
        (M, "laion/clap-htsat-unfused", 12),
        (M, "jienengchen/ViTamin-S", 13),
    }


def test_timm_pretrained_configs_name_their_hub_repository() -> None:
    source = (
        "default_cfgs = {\n"
        "    'vit_base_patch16_clip_224.openai': _cfg(hf_hub_id='timm/vit_base_patch16_clip_224.openai'),\n"
        "}\n"
    )
    assert find(source) == {(M, "timm/vit_base_patch16_clip_224.openai", 2)}


@pytest.mark.parametrize(
    "source",
    [
        "cfg = _cfg(hf_hub_id=f'timm/{name}')\n",  # built: no id
        "cfg = _pcfg(hf_hub='')\n",
        "cfg = _pcfg(hf_hub='checkpoints/run-1/')\n",  # a project's folder
        "cfg = _pcfg(hf_hub='./weights/rn50/')\n",
        "cfg = _pcfg(hf_hub='laion/clap/config.json')\n",  # a file other than weights: a path
        "push_to_hf_hub(model, 'acme/pushed')\n",
        "save(upload_hf_hub_id='acme/pushed')\n",
    ],
)
def test_look_alikes_of_a_hub_repository_name_none(source: str) -> None:
    assert find(source) == set()


def test_a_hub_name_in_json_and_yaml_config_is_read() -> None:
    assert find_config('{"hf_hub_id": "timm/vit_base_patch16_clip_224.openai"}\n', "cfg.json") == {
        (M, "timm/vit_base_patch16_clip_224.openai")
    }
    assert find_config("pretrained:\n  hf_hub: laion/CLIP-ViT-B-32-laion2B-s34B-b79K/\n", "cfg.yaml") == {
        (M, "laion/CLIP-ViT-B-32-laion2B-s34B-b79K")
    }


def test_a_file_naming_only_a_hub_repository_passes_the_python_prefilter() -> None:
    markers = PythonSource().markers
    assert markers is not None
    assert markers.admit(b"CFG = dict(openai=_pcfg(hf_hub='timm/resnet50_clip.openai/'))\n", "pretrained.py")


# --- a repository written as its folder or with its weights file ----------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("timm/resnet50_clip.openai/", "timm/resnet50_clip.openai"),
        ("laion/clap-htsat-unfused/pytorch_model.bin", "laion/clap-htsat-unfused"),
        ("laion/clap-htsat-fused/model.safetensors", "laion/clap-htsat-fused"),
        ("org/x/open_clip_pytorch_model.bin", "org/x"),
        ("org/x/diffusion_pytorch_model.safetensors", "org/x"),
        ("org/x/model-00001-of-00004.safetensors", "org/x"),
        # kept as written, for the rules after it to judge
        ("org/x", "org/x"),
        ("org/x/config.json", "org/x/config.json"),
        ("org/x/weights.bin", "org/x/weights.bin"),
        ("org/x/sub/", "org/x/sub/"),
        ("org/x/sub/pytorch_model.bin", "org/x/sub/pytorch_model.bin"),
        ("name/", "name/"),
    ],
)
def test_a_repository_by_its_folder_or_weights_file(value: str, expected: str) -> None:
    assert without_repository_file(value) == expected


@pytest.mark.parametrize("value", ["checkpoints/run-1/", "outputs/sft/pytorch_model.bin", "./org/x/", "org/x/sub/"])
def test_a_folder_or_a_deeper_path_is_no_repository(value: str) -> None:
    assert identify(value, M, lambda text: False, single_names=False) is None


def test_a_local_folder_that_exists_is_no_repository() -> None:
    assert identify("acme/run-1/", M, lambda text: text.rstrip("/") == "acme/run-1", single_names=False) is None


# --- transformers' legacy owner-less ids in a model config ------------------------------------------------------


@pytest.mark.parametrize("name", ["xlm-roberta-base", "xlm-roberta-large"])
def test_a_legacy_owner_less_id_the_knowledge_base_knows_is_read_in_config(name: str) -> None:
    text = f'{{"text_cfg": {{"hf_model_name": "{name}", "hf_tokenizer_name": "{name}"}}}}\n'
    assert find_config(text, "model_configs/xlm-ViT-H-14.json") == {(M, name)}


def test_an_owner_less_name_the_knowledge_base_does_not_know_is_not_read_in_config() -> None:
    assert find_config('{"text_cfg": {"hf_model_name": "xlm-roberta-gigantic"}}\n', "cfg.json") == set()


# --- open_clip's pretrained tags -------------------------------------------------------------------------------------

OPEN_CLIP = """\
import open_clip
model, _, preprocess = open_clip.create_model_and_transforms('ViT-B-32', pretrained='laion2b_s34b_b79k')
openai_l14 = open_clip.create_model('ViT-L-14-quickgelu', 'openai')
ARCH = 'ViT-H-14'
TAG = 'laion2b-s32b-b79k'
model = open_clip.create_model_from_pretrained(model_name=ARCH, pretrained=TAG)
"""


def test_an_open_clip_architecture_and_tag_name_the_repository_it_downloads() -> None:
    assert find(OPEN_CLIP, "app.py") == {
        (M, "laion/CLIP-ViT-B-32-laion2B-s34B-b79K", 2),
        (M, "timm/vit_large_patch14_clip_224.openai", 3),
        (M, "laion/CLIP-ViT-H-14-laion2B-s32B-b79K", 5),  # the tag's literal
    }


EMBEDDER = """\
class FrozenOpenCLIPEmbedder(AbstractEncoder):
    def __init__(self, arch="ViT-H-14", version="laion2b_s32b_b79k", device="cuda", max_length=77):
        super().__init__()
        model, _, _ = open_clip.create_model_and_transforms(arch, device=torch.device("cpu"), pretrained=version)
"""


def test_an_open_clip_architecture_and_tag_as_parameter_defaults_name_the_repository() -> None:
    assert find(EMBEDDER, "sgm/modules/encoders.py") == {(M, "laion/CLIP-ViT-H-14-laion2B-s32B-b79K", 2)}


def test_a_tag_parameter_the_function_rebinds_is_not_its_default() -> None:
    source = EMBEDDER.replace("        super().__init__()\n", "        version = load_tag()\n")
    assert find(source, "sgm/modules/encoders.py") == set()


@pytest.mark.parametrize(
    "source",
    [
        "m = timm.create_model('resnet50', pretrained=True)\n",  # timm's flag, no tag
        "m = open_clip.create_model_and_transforms('ViT-B-32', pretrained='/ckpt/epoch_32.pt')\n",
        "m = open_clip.create_model_and_transforms('ViT-B-32', pretrained=f'{tag}')\n",
        "m = open_clip.create_model_and_transforms(args.model, pretrained='openai')\n",  # which architecture is unknown
        "m = open_clip.create_model_and_transforms('ViT-B-32', pretrained='laion2b_s99b_b1k')\n",  # a tag it lacks
        "m = open_clip.create_model_and_transforms('my-arch', pretrained='openai')\n",
        "m = open_clip.create_model_and_transforms('ViT-B-32')\n",
        "m = load_weights('ViT-B-32', pretrained='openai')\n",  # another function
    ],
)
def test_look_alikes_of_an_open_clip_tag_name_none(source: str) -> None:
    assert find(source, "app.py") == set()


# --- LLaVA's base model of a LoRA checkpoint ------------------------------------------------------------------


@pytest.mark.parametrize("name", ["model_base", "--model-base", "MODEL_BASE", "modelBase"])
def test_a_model_base_names_a_model_to_read(name: str) -> None:
    assert named_kind(name.lstrip("-")) is M


@pytest.mark.parametrize("name", ["model_base_url", "MODEL_BASE_PATH", "base", "output_model_base"])
def test_a_base_url_or_a_base_class_names_none(name: str) -> None:
    assert named_kind(name) is None


LORA_EVAL = """\
#!/bin/bash
python -m llava.eval.model_vqa \\
    --model-path liuhaotian/llava-v1.5-13b-lora \\
    --model-base lmsys/vicuna-13b-v1.5 \\
    --question-file ./playground/data/eval/mm-vet/llava-mm-vet.jsonl
"""


def test_a_model_base_flag_in_a_shell_script_is_read() -> None:
    found = {(r.kind, r.text) for r in ShellSource().find(LORA_EVAL, FileContext("scripts/eval.sh", lambda t: False))}
    assert found == {(M, "liuhaotian/llava-v1.5-13b-lora"), (M, "lmsys/vicuna-13b-v1.5")}


def test_a_model_base_keyword_and_option_default_in_python_are_read() -> None:
    source = (
        'parser.add_argument("--model-base", type=str, default="lmsys/vicuna-7b-v1.5")\n'
        'load_pretrained_model("acme/llava-lora", model_base="lmsys/vicuna-13b-v1.5", model_name="llava-lora")\n'
    )
    assert find(source, "serve.py") == {
        (M, "lmsys/vicuna-7b-v1.5", 1),
        (M, "acme/llava-lora", 2),
        (M, "lmsys/vicuna-13b-v1.5", 2),
    }


@pytest.mark.parametrize(
    "source",
    [
        'parser.add_argument("--model-base", type=str, default=None)\n',
        'client = Client(model_base="https://api.acme.com/v1")\n',
        'MODEL_BASE = "./checkpoints/vicuna"\n',
    ],
)
def test_look_alikes_of_a_model_base_name_none(source: str) -> None:
    assert find(source, "serve.py") == set()


# --- an encoder or embedder given the repository it loads -------------------------------------------------------


@pytest.mark.parametrize(
    "source",
    [
        'text = HFTextEncoder("arampacha/roberta-tiny", 64, pooler_type="cls_pooler")\n',  # open_clip's text tower
        'cond = FrozenCLIPEmbedder("openai/clip-vit-large-patch14")\n',  # Stable Diffusion's conditioner
        'enc = FrozenT5Encoder("google/t5-v1_1-xxl", device="cuda")\n',
    ],
)
def test_an_encoder_or_embedder_class_given_a_hub_id_reads_it(source: str) -> None:
    assert {(kind, text) for kind, text, _ in find(source, "model.py")} == {
        (M, source.split('"')[1]),
    }


@pytest.mark.parametrize(
    "source",
    [
        'enc = LabelEncoder("cat")\n',
        'enc = json.JSONEncoder("utf-8")\n',
        'enc = MimeEncoder("application/json")\n',
        'enc = HFTextEncoder("modernbert", 16, config=cfg)\n',  # an architecture's name, with a config
        'enc = PathEncoder("data/train")\n',
        'ids = tokenizer.encode("acme/model")\n',  # encoding text, no encoder
        'enc = save_encoder("acme/pushed")\n',
    ],
)
def test_look_alikes_of_an_encoder_given_a_hub_id_name_none(source: str) -> None:
    assert find(source, "model.py") == set()


def test_a_file_naming_only_an_encoders_repository_passes_the_python_prefilter() -> None:
    markers = PythonSource().markers
    assert markers is not None
    assert markers.admit(b'text = HFTextEncoder("arampacha/roberta-tiny", 64)\n', "tower.py")
