"""Forms found on training toolkits the benchmark does not label (issue 16, tenth blind wave: ostris/ai-toolkit,
huggingface/lerobot, microsoft/Olive): names in transformers' `name_or_path` style (`model: {name_or_path: org/x}`,
`pretrained_name_or_path`, `model_name_or_path2`), an encoder's, a VAE's, a policy's pretrained weights' and Olive's
`data_name`; a single-file checkpoint at the top of its repository (`org/x/file.safetensors`); a picker's choices
under an object's key in TypeScript; a `repo_id=` given to a dataset's class; diffusers' `load_attn_procs`. Look-alikes:
transformers' own `_name_or_path` record, `N/A`, an ONNX adapter's name given to `load_adapter`, deeper paths and
local folders of weights files."""

from __future__ import annotations

import pytest

from modelpolicy.discover.config import ConfigSource
from modelpolicy.discover.identity import identify, is_placeholder
from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.javascript import JavaScriptSource
from modelpolicy.discover.names import named_kind, picker_kind
from modelpolicy.discover.python import PythonSource, read_whole
from modelpolicy.model import Kind

M, D = Kind.MODEL, Kind.DATASET
NOT_LOCAL = FileContext("train.py", lambda _: False)


def find_config(text: str, path: str = "config/train_lora.yaml") -> set[tuple[Kind, str, int]]:
    return {(r.kind, r.text, r.line) for r in ConfigSource().find(text, FileContext(path, lambda _: False))}


def find_python(source: str) -> set[tuple[Kind, str, int]]:
    """(kind, id, line) of every reference, read by statements and read whole: both readings must agree."""
    by_statements = {(r.kind, r.text, r.line) for r in PythonSource().find(source, NOT_LOCAL)}
    assert by_statements == {(r.kind, r.text, r.line) for r in read_whole(source, NOT_LOCAL)}
    return by_statements


def find_script(text: str, path: str = "src/options.tsx") -> set[tuple[Kind, str, int]]:
    return {(r.kind, r.text, r.line) for r in JavaScriptSource().find(text, FileContext(path, lambda _: False))}


# --- names -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("name_or_path", M),  # ai-toolkit's `model: {name_or_path: ...}`
        ("extras_name_or_path", M),
        ("pretrained_name_or_path", M),
        ("nameOrPath", M),
        ("model_name_or_path2", M),  # a second component named as the first
        ("tokenizer2", M),
        ("data_path2", D),
        ("vision_encoder_name", M),
        ("jepa_encoder_name", M),
        ("pretrained_path", M),
        ("wan_pretrained_path", M),
        ("vae_path", M),
        ("QWEN_IMAGE_VAE_PATH", M),
        ("data_name", D),
        ("dataset_name_or_path", D),
        ("dataset_with_features", D),  # an X with Y is an X, as an X for Y is
        ("model_with_lora", M),
        ("start_with_model", M),  # words before `with` that name nothing leave the name as it was
    ],
)
def test_names_that_hold_what_is_read(name: str, kind: Kind) -> None:
    assert named_kind(name) is kind


@pytest.mark.parametrize(
    "name",
    [
        "_name_or_path",  # transformers' record, in a saved `config.json`, of where the checkpoint came from
        "output_name_or_path",
        "metadata_name",
        "encoder_layers",
        "vae_dtype",
        "llama2",  # a family's name with its number, no ending
        "gpt2",
        "model_v2",
        "save_pretrained_path",
    ],
)
def test_look_alike_names_hold_nothing(name: str) -> None:
    assert named_kind(name) is None


def test_a_picker_named_for_name_or_path() -> None:
    assert picker_kind("name_or_path_options") is M


# --- configuration files -----------------------------------------------------------------------------------------

AI_TOOLKIT_CONFIG = """\
job: extension
config:
  process:
    - type: sd_trainer
      model:
        name_or_path: "black-forest-labs/FLUX.1-schnell"
        extras_name_or_path: "org/extras"
        assistant_lora_path: "ostris/adapter/adapter_v2.safetensors"
        is_flux: true
      datasets:
        - folder_path: "/path/to/images"
"""


def test_a_model_section_s_name_or_path_and_a_single_file_checkpoint() -> None:
    assert find_config(AI_TOOLKIT_CONFIG) == {
        (M, "black-forest-labs/FLUX.1-schnell", 6),
        (M, "org/extras", 7),
        (M, "ostris/adapter", 8),
    }


@pytest.mark.parametrize(
    "value",
    [
        "models/flux/my_lora.safetensors",  # a local folder of weights
        "org/x/transformer/diffusion_pytorch_model.safetensors",  # a deeper path: a file of a subfolder
        "org/x/config.json",  # another file than weights
        "org/x/x.safetensors.index",
    ],
)
def test_weights_files_off_a_repository_s_top_name_nothing(value: str) -> None:
    assert find_config(f"model:\n  name_or_path: {value}\n") == set()


def test_a_checkpoint_s_own_name_or_path_names_nothing() -> None:
    config = '{"_name_or_path": "org/self", "architectures": ["LlamaForCausalLM"]}'
    assert find_config(config, "checkpoint/config.json") == set()


def test_olive_s_data_name() -> None:
    config = '{"load_dataset_config": {"data_name": "Salesforce/wikitext", "subset": "wikitext-2-raw-v1"}}\n'
    assert find_config(config, "olive.json") == {(D, "Salesforce/wikitext", 1)}


def test_a_single_name_under_data_name_names_nothing_unknown() -> None:
    assert find_config("data_name: my_local_corpus\n") == set()


# --- Python --------------------------------------------------------------------------------------------------------


def test_fields_of_a_policy_config() -> None:
    source = (
        "@dataclass\n"
        "class Config:\n"
        '    vision_encoder_name: str = "openai/clip-vit-base-patch16"\n'
        '    pretrained_name_or_path: str = "org/wall-oss"\n'
        '    wan_pretrained_path: str = "org/va-base"\n'
        '    flux2_vae_path: str = "org/flux2_vae"\n'
        '    gpu_model: str = "N/A"\n'
    )
    assert find_python(source) == {
        (M, "openai/clip-vit-base-patch16", 3),
        (M, "org/wall-oss", 4),
        (M, "org/va-base", 5),
        (M, "org/flux2_vae", 6),
    }


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('ds = LeRobotDataset(repo_id="lerobot/pusht")\n', {(D, "lerobot/pusht", 1)}),
        ('meta = LeRobotDatasetMetadata(repo_id="lerobot/pusht")\n', {(D, "lerobot/pusht", 1)}),
        ('new = add_features(dataset, features=f, repo_id="org/with-features")\n', {(D, "org/with-features", 1)}),
        (
            'new = remove_feature(dataset_with_features, feature_names="x", repo_id="org/cleaned")\n',
            {(D, "org/cleaned", 1)},
        ),
        ('pipe = KPipeline(lang_code="a", repo_id="hexgrad/Kokoro-82M")\n', {(M, "hexgrad/Kokoro-82M", 1)}),
        ('policy = make(model, repo_id="org/policy")\n', {(M, "org/policy", 1)}),
        ('ds = LeRobotDataset(repo_id="org/x", repo_type="model")\n', {(M, "org/x", 1)}),
    ],
)
def test_a_repo_id_given_to_a_dataset_s_class_is_a_dataset(source: str, expected: set[tuple[Kind, str, int]]) -> None:
    assert find_python(source) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            'unet.load_attn_procs("lora-library/B-LoRA-pen_sketch", weight_name="w.safetensors")\n',
            {(M, "lora-library/B-LoRA-pen_sketch", 1)},
        ),
        ('model.load_adapter("org/lora-a", adapter_name="a")\n', {(M, "org/lora-a", 1)}),
        ('session.load_adapter("pen_sketch", adapters["pen_sketch"])\n', set()),  # ONNX Runtime's adapter name
        ('session.load_adapter("wolf_plushie", path)\n', set()),
    ],
)
def test_adapters_loaded_onto_a_model(source: str, expected: set[tuple[Kind, str, int]]) -> None:
    assert find_python(source) == expected


@pytest.mark.parametrize("text", ["N/A", "n/a", "I/O", "x/y"])
def test_one_letter_on_each_side_is_no_id(text: str) -> None:
    assert is_placeholder(text)
    assert identify(text, M, lambda _: False, single_names=True) is None


@pytest.mark.parametrize("text", ["t/x-model", "org/a", "EleutherAI/pythia-14m"])
def test_short_ids_stay_ids(text: str) -> None:
    assert not is_placeholder(text)


# --- TypeScript ----------------------------------------------------------------------------------------------------

CAPTIONERS = """\
export const captioners = [
  {
    name: 'Qwen3VLCaptioner',
    defaults: {
      'config.process[0].caption.model_name_or_path2': ['org/captioner', undefined],
    },
    name_or_path_options: [
      { value: 'Qwen/Qwen3-VL-2B-Instruct', label: 'Qwen3-VL 2B' },
    ],
    modelOptions: [{ value: 'org/other', label: 'Other' }],
    sizeOptions: [{ value: 'org/not-a-model', label: 'Size' }],
  },
];
"""


def test_a_picker_s_choices_under_an_object_s_key() -> None:
    assert find_script(CAPTIONERS) == {
        (M, "org/captioner", 5),
        (M, "Qwen/Qwen3-VL-2B-Instruct", 8),
        (M, "org/other", 10),
    }
