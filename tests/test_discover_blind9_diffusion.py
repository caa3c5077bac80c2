"""Forms found on diffusion repositories the benchmark does not label (issue 16, ninth blind wave: diffusers' examples
and conversion scripts, Fooocus): a training script's output folder read back by a loader, a diffusers class's
`load_config(ID)`, names of a pipeline's numbered components (`--pretrained_tokenizer_4_name_or_path`,
`text_encoder_2_path`) and of an encoder's repository (`TEXT_ENCODER_REPO`)."""

from __future__ import annotations

import pytest

from modelpolicy.discover.identity import identify
from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.names import named_kind, plural_kind
from modelpolicy.discover.python import PythonSource, read_whole
from modelpolicy.model import Kind

M, D = Kind.MODEL, Kind.DATASET
CONTEXT = FileContext("examples/train.py", lambda text: text.startswith(("./", "/")))


def find(source: str) -> set[tuple[Kind, str, int]]:
    """(kind, id, line) of every reference, read by statements and read whole: both readings must agree."""
    by_statements = {(r.kind, r.text, r.line) for r in PythonSource().find(source, CONTEXT)}
    assert by_statements == {(r.kind, r.text, r.line) for r in read_whole(source, CONTEXT)}
    return by_statements


# --- an option named for what the script writes, read back by a loader --------------------------------------------

TRAINING_SCRIPT = """\
import argparse
parser = argparse.ArgumentParser()
parser.add_argument("--pretrained_model_name_or_path", type=str, default={model!r})
parser.add_argument("--{option}", type=str, default={folder!r}, help="where the model checkpoints are written")
args = parser.parse_args()
pipeline = DiffusionPipeline.from_pretrained(args.pretrained_model_name_or_path)
pipeline.{loader}(args.{dest})
"""


@pytest.mark.parametrize(
    ("option", "folder"),
    [
        ("output_dir", "flux-dreambooth-lora"),
        ("output_dir", "sd-model-finetuned-lora"),
        ("output-dir", "cogvideox-lora"),
        ("save_dir", "my-lora"),
        ("hub_model_id", "sd-lora"),
        ("output_path", "org/out"),
    ],
)
@pytest.mark.parametrize("loader", ["load_lora_weights", "from_pretrained"])
def test_the_folder_a_training_script_writes_is_no_reference_when_read_back(
    option: str, folder: str, loader: str
) -> None:
    source = TRAINING_SCRIPT.format(
        model="org/base", option=option, folder=folder, loader=loader, dest=option.replace("-", "_")
    )
    assert find(source) == {(M, "org/base", 3)}


@pytest.mark.parametrize(
    ("option", "value", "expected"),
    [
        ("lora_weights", "org/lora", (M, "org/lora", 4)),
        ("adapter_name_or_path", "org/adapter", (M, "org/adapter", 4)),
        ("lora_model", "some-lora", (M, "some-lora", 4)),  # an owner-less Hub name read by a loader stays one
    ],
)
def test_an_option_read_by_a_loader_still_names_what_it_loads(option: str, value: str, expected: tuple) -> None:
    source = TRAINING_SCRIPT.format(
        model="org/base", option=option, folder=value, loader="load_lora_weights", dest=option
    )
    assert expected in find(source)


# --- a diffusers class's `load_config(ID)` ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            'config = AutoencoderKL.load_config("stabilityai/stable-diffusion-3-medium-diffusers", subfolder="vae")\n',
            {(M, "stabilityai/stable-diffusion-3-medium-diffusers", 1)},
        ),
        (
            "model_config = HunyuanDiT2DControlNetModel.load_config(\n"
            '    "Tencent-Hunyuan/HunyuanDiT-v1.2-Diffusers", subfolder="transformer"\n'
            ")\n",
            {(M, "Tencent-Hunyuan/HunyuanDiT-v1.2-Diffusers", 2)},
        ),
        (
            'cfg = diffusers.ZImageTransformer2DModel.load_config("org/z-image", subfolder="transformer")\n',
            {(M, "org/z-image", 1)},
        ),
        (  # a scheduler's class: no word of a model in the line
            'config = DDPMScheduler.load_config("org/sd-base", subfolder="scheduler")\n',
            {(M, "org/sd-base", 1)},
        ),
        (  # a repository given where a config may be
            "vae = AutoencoderKL.from_config(\n"
            '    "stabilityai/stable-diffusion-xl-base-1.0", subfolder="vae", latent_channels=16\n'
            ")\n",
            {(M, "stabilityai/stable-diffusion-xl-base-1.0", 2)},
        ),
        (
            'UNet2DConditionModel.load_config(pretrained_model_name_or_path="org/sd", subfolder="unet")\n',
            {(M, "org/sd", 1)},
        ),
    ],
)
def test_a_config_a_diffusers_class_loads_from_the_hub_names_its_repository(source: str, expected: set) -> None:
    assert find(source) == expected


@pytest.mark.parametrize(
    "source",
    [
        'config = load_config("configs/train")\n',  # a project's own function: a file of settings
        'config = utils.load_config("settings/base")\n',
        'config = self.load_config("configs/flux")\n',
        "cfg = AutoencoderKL.load_config(vae_dir, local_files_only=True)\n",  # a local folder, held by a variable
        'cfg = Config.load_config("./configs/x")\n',
        'ConfigMixin.load_config("dummy_path")\n',  # an owner-less name no repository is known by
        "model = AutoModel.from_config(config)\n",  # a config object, no repository
        "model = AutoModel.from_config(AutoConfig.from_pretrained(path))\n",
        'scheduler = DDIMScheduler.from_config(pipe.scheduler.config, timestep_spacing="trailing")\n',
        'x = self.from_config("configs/vae")\n',
    ],
)
def test_other_config_loaders_name_nothing(source: str) -> None:
    assert find(source) == set()


# --- a pipeline's numbered components and an encoder's repository ------------------------------------------------


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("pretrained_tokenizer_4_name_or_path", M),
        ("pretrained_text_encoder_4_name_or_path", M),
        ("text_encoder_2_path", M),
        ("tokenizer_2", M),
        ("MODEL_2", M),
        ("model_1_name", M),
        ("dataset_2_name", D),
        ("text_encoder_id", M),
        ("text_encoder_path", M),
        ("image_encoder_path", M),
        ("PIXEL_TEXT_ENCODER_REPO", M),
        ("TOKENIZER_REPO", M),
    ],
)
def test_a_numbered_component_or_an_encoders_repository_names_a_model(name: str, kind: Kind) -> None:
    assert named_kind(name) is kind


@pytest.mark.parametrize(
    "name",
    [
        "output_2_dir",  # what a script writes, numbered or not
        "hub_model_2_id",
        "encoder_2_hidden_size",  # a setting of an encoder, no repository
        "text_encoder_lr",
        "num_encoder_layers",
        "encoder_type",
        "text_encoder_type",
        "tokenizer_max_length",
        "layer_2",
        "2",
        "repo_2",
    ],
)
def test_settings_and_numbers_alone_name_nothing(name: str) -> None:
    assert named_kind(name) is None


NUMBERED_COMPONENTS = """\
class HiDreamLoRATests:
    pretrained_model_name_or_path = "hf-internal-testing/tiny-hidream-i1-pipe"
    text_encoder_4_path = "hf-internal-testing/tiny-random-LlamaForCausalLM"
    tokenizer_4_path = "hf-internal-testing/tiny-random-LlamaForCausalLM"
    encoder_4_layers = "org/not-a-repository-name"
"""


def test_a_test_class_names_the_numbered_components_it_loads() -> None:
    assert find(NUMBERED_COMPONENTS) == {
        (M, "hf-internal-testing/tiny-hidream-i1-pipe", 2),
        (M, "hf-internal-testing/tiny-random-LlamaForCausalLM", 3),
        (M, "hf-internal-testing/tiny-random-LlamaForCausalLM", 4),
    }


ARGUMENTS = """\
parser.add_argument("--pretrained_tokenizer_4_name_or_path", type=str, default="meta-llama/Meta-Llama-3.1-8B-Instruct")
parser.add_argument("--pretrained_text_encoder_4_name_or_path", type=str, default="org/encoder")
parser.add_argument("--text_encoder_4_lr", type=float, default=5e-6)
parser.add_argument("--output_dir", type=str, default="org/lora-out")
"""


def test_argparse_options_of_numbered_components_name_their_defaults() -> None:
    assert find(ARGUMENTS) == {(M, "meta-llama/Meta-Llama-3.1-8B-Instruct", 1), (M, "org/encoder", 2)}


ENCODER_REPO = """\
PIXEL_TEXT_ENCODER_REPO = "Qwen/Qwen3-VL-Embedding-2B"
ENCODER_HIDDEN_SIZE = {"dinov2": 768}
image_encoder_path = "models/image_encoder"


def download_and_save_qwen_text_encoder(output_path: str, repo: str = PIXEL_TEXT_ENCODER_REPO):
    return repo
"""


def test_a_constant_named_for_an_encoders_repository_names_it_and_a_local_folder_stays_one() -> None:
    assert find(ENCODER_REPO) == {(M, "Qwen/Qwen3-VL-Embedding-2B", 1)}


# --- a checkpoint's id, a textual-inversion embedding --------------------------------------------------------------


@pytest.mark.parametrize("name", ["ckpt_id", "CKPT_ID", "ckptId", "checkpoint_id", "base_ckpt_id"])
def test_a_checkpoints_id_names_a_model(name: str) -> None:
    assert named_kind(name) is M


def test_a_list_of_checkpoint_ids_holds_models() -> None:
    assert plural_kind("ckpt_ids") is M


@pytest.mark.parametrize("name", ["ckpt", "ckpt_path", "ckpt_dir", "save_ckpt_id", "output_checkpoint_id", "ckpt_step"])
def test_a_checkpoints_file_folder_or_output_names_none(name: str) -> None:
    assert named_kind(name) is None


BRANCHED_CHECKPOINT = """\
if args.schnell:
    ckpt_id = "black-forest-labs/FLUX.1-schnell"
else:
    ckpt_id = "black-forest-labs/FLUX.1-dev"
ckpt_path = "checkpoints/flux/model.safetensors"
text_pipe = FluxPipeline.from_pretrained(ckpt_id, transformer=None, vae=None)
"""


def test_a_checkpoint_id_set_in_each_branch_names_both() -> None:
    assert find(BRANCHED_CHECKPOINT) == {
        (M, "black-forest-labs/FLUX.1-schnell", 2),
        (M, "black-forest-labs/FLUX.1-dev", 4),
    }


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('pipe.load_textual_inversion("sd-concepts-library/cat-toy")\n', {(M, "sd-concepts-library/cat-toy", 1)}),
        (
            'pipe.load_textual_inversion(pretrained_model_name_or_path="org/embedding", token="<cat>")\n',
            {(M, "org/embedding", 1)},
        ),
        ('pipe.load_textual_inversion("./charturnerv2.pt", token="charturnerv2")\n', set()),  # a local file
        ('pipe.unload_textual_inversion("<moe-bius>")\n', set()),  # a token, unloaded
        ('pipe.load_textual_inversion(state_dict["clip_l"], token=["<s0>", "<s1>"])\n', set()),
    ],
)
def test_a_textual_inversion_embedding_loaded_from_the_hub_names_its_repository(source: str, expected: set) -> None:
    assert find(source) == expected


# --- OpenAI CLIP's own model names are no Hub ids ----------------------------------------------------------------


@pytest.mark.parametrize("name", ["ViT-L/14", "ViT-B/32", "ViT-B/16", "ViT-L/14@336px", "vit-g/14"])
def test_an_openai_clip_name_is_no_hub_repository(name: str) -> None:
    assert identify(name, M, lambda _: False, single_names=True) is None


@pytest.mark.parametrize("name", ["google/vit-base-patch16-224", "openai/clip-vit-large-patch14", "ViT-L/vit-14-x"])
def test_a_vit_repository_on_the_hub_stays_one(name: str) -> None:
    assert identify(name, M, lambda _: False, single_names=True) is not None


CLIP_COMPARISON = """\
clip_model_name = image_embedder_config.params.model
if clip_model_name == "ViT-L/14":
    image_encoder = CLIPVisionModelWithProjection.from_pretrained("openai/clip-vit-large-patch14")
clip_model, preprocess = clip.load("ViT-B/32", device=device)
"""


def test_a_clip_catalogue_name_compared_or_loaded_names_nothing() -> None:
    assert find(CLIP_COMPARISON) == {(M, "openai/clip-vit-large-patch14", 3)}


# --- names unpacked from a tuple ---------------------------------------------------------------------------------

UNPACKED = """\
MODEL_ID, REVISION = "org/module-model", "main"


class FluxLoRATests(PeftLoraLoaderMixinTests):
    tokenizer_cls, tokenizer_id = CLIPTokenizer, "peft-internal-testing/tiny-clip-text-2"
    text_encoder_2_cls, text_encoder_2_id = T5EncoderModel, "hf-internal-testing/tiny-random-t5"
    text_encoder_cls, text_encoder_id = None, None
    vae_cls, vae_kwargs = AutoencoderKL, "org/not-named-for-a-model"


def load():
    dataset_name, split = "org/local-dataset", "train"
    height, width = "org/a", "org/b"
    first, *rest = "org/c", "org/d", "org/e"
    model_name, other = ("org/one", "org/two"), "x"
    return dataset_name
"""


def test_each_name_unpacked_from_a_tuple_holds_its_own_value() -> None:
    assert find(UNPACKED) == {
        (M, "org/module-model", 1),
        (M, "peft-internal-testing/tiny-clip-text-2", 5),
        (M, "hf-internal-testing/tiny-random-t5", 6),
        (D, "org/local-dataset", 12),
        (M, "org/one", 15),
        (M, "org/two", 15),
    }


# --- a field of a record looked up in a table ---------------------------------------------------------------------

RECORD_TABLE = """\
VAE_CONFIGS = {
    "CV8x8x8-0.1": {"name": "nvidia/Cosmos-0.1-Tokenizer-CV8x8x8", "diffusers_config": {"latent_channels": 16}},
    "CV8x8x8-1.0": {"name": "nvidia/Cosmos-1.0-Tokenizer-CV8x8x8", "diffusers_config": {"latent_channels": 16}},
}
LABELS = {"a": {"name": "org/not-loaded", "title": "A"}}


def convert_vae(vae_type: str):
    model_name = VAE_CONFIGS[vae_type]["name"]
    snapshot_directory = snapshot_download(model_name, repo_type="model")
    config = VAE_CONFIGS[vae_type]["diffusers_config"]
    title = LABELS[vae_type]["name"]
    print(title, config)
"""


def test_a_field_of_a_record_a_table_holds_is_what_the_loader_reads() -> None:
    assert find(RECORD_TABLE) == {
        (M, "nvidia/Cosmos-0.1-Tokenizer-CV8x8x8", 2),
        (M, "nvidia/Cosmos-1.0-Tokenizer-CV8x8x8", 3),
    }
