"""Forms found on audio repositories the benchmark does not label (issue 16, tenth blind wave: coqui-ai/TTS,
facebookresearch/audiocraft, huggingface/parler-tts): AudioCraft's `//pretrained/ORG/NAME` references, datasets joined
by `+` in a training config, the repository of a feature extractor or image processor, Kaggle's `owner/name` ids (no
Hub repositories) and to-do placeholders (`path = "TODO"`)."""

from __future__ import annotations

import pytest

from modelpolicy.discover.config import ConfigSource
from modelpolicy.discover.identity import is_placeholder, parse_hub_url
from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.names import called_kind, named_kind
from modelpolicy.discover.python import PythonSource, read_whole
from modelpolicy.discover.shell import ShellSource
from modelpolicy.model import Kind

M, D = Kind.MODEL, Kind.DATASET
PY = FileContext("audiocraft/grids/eval.py", lambda text: text.startswith(("./", "/")))


def python(source: str) -> set[tuple[Kind, str, int]]:
    """(kind, id, line) of every reference, read by statements and read whole: both readings must agree."""
    by_statements = {(r.kind, r.text, r.line) for r in PythonSource().find(source, PY)}
    assert by_statements == {(r.kind, r.text, r.line) for r in read_whole(source, PY)}
    return by_statements


def config(text: str, path: str) -> list[tuple[Kind, str, int, int]]:
    context = FileContext(path, lambda value: value.startswith(("./", "/")))
    return [(r.kind, r.text, r.line, r.column) for r in ConfigSource().find(text, context)]


def shell(text: str) -> set[tuple[Kind, str, int]]:
    context = FileContext("scripts/eval.sh", lambda value: value.startswith(("./", "/")))
    return {(r.kind, r.text, r.line) for r in ShellSource().find(text, context)}


# --- AudioCraft's `//pretrained/ORG/NAME` --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("//pretrained/facebook/encodec_32khz", (M, "facebook/encodec_32khz")),
        ("//pretrained/facebook/musicgen-small", (M, "facebook/musicgen-small")),
        ("//pretrained/dac_44khz", None),  # the library's own codec, no repository
        ("//pretrained/debug_compression_model", None),
        ("//pretrained/facebook/x/model.th", None),  # deeper than a repository
        ("//pretrained/your-org/your-model", None),
        ("//sig/5091833e", None),  # a Dora experiment's signature
        ("//reference/bd44a852/checkpoint.th", None),  # a file of the team's reference folder
        ("//example.com/org/name", None),  # a URL without its scheme
    ],
)
def test_pretrained_prefix_names_the_hub_model_after_it(text: str, expected: tuple[Kind, str] | None) -> None:
    found = parse_hub_url(text)
    assert (found and (found[0], found[1].id)) == expected


CONFIG = """\
# @package __global__
compression_model_checkpoint: //pretrained/facebook/encodec_32khz
conditioners:
  self_wav:
    style:
      encodec_checkpoint: '//pretrained/facebook/encodec_24khz'
augmentations:
  ckpt: "//pretrained/org/codec"
continue_from: //pretrained/debug_compression_model
dora_dir: //reference/bd44a852/checkpoint.th
note: see a//pretrained/org/prose
"""


def test_pretrained_references_in_an_audiocraft_config_are_read_under_any_key() -> None:
    assert config(CONFIG, "config/solver/musicgen/base.yaml") == [
        (M, "facebook/encodec_32khz", 2, 30),
        (M, "facebook/encodec_24khz", 6, 26),
        (M, "org/codec", 8, 8),
    ]


GRID = """\
def explorer(launcher):
    base = launcher.bind(solver="musicgen/musicgen_base_32khz")
    small = base.bind({'continue_from': '//pretrained/facebook/musicgen-small'})
    codec = CompressionSolver.model_from_checkpoint('//pretrained/facebook/encodec_24khz', device=device)
    own = CompressionSolver.model_from_checkpoint('//pretrained/dac_44khz')
    signature = base.bind({'continue_from': '//sig/5091833e'})
    prefix = '//pretrained/'
"""


def test_pretrained_references_in_python_are_read_wherever_given() -> None:
    assert python(GRID) == {(M, "facebook/musicgen-small", 3), (M, "facebook/encodec_24khz", 4)}


def test_a_pretrained_reference_on_a_command_line_is_read() -> None:
    text = "dora run solver=musicgen/debug continue_from=//pretrained/facebook/musicgen-small\n"
    assert shell(text) == {(M, "facebook/musicgen-small", 1)}


# --- datasets joined by `+` ----------------------------------------------------------------------------------------

PARLER = """\
{
    "train_dataset_name": "org/speech+org/speech+parler-tts/mls_eng",
    "train_dataset_config_name": "clean+clean+default",
    "eval_dataset_name": "org/speech",
    "model_name_or_path": "./untrained/+decoder"
}
"""


def test_datasets_joined_by_plus_are_each_read_where_they_are_written() -> None:
    found = config(PARLER, "helpers/training_configs/start.json")
    assert [(kind, id_, line) for kind, id_, line, _ in found] == [
        (D, "org/speech", 2),
        (D, "org/speech", 2),
        (D, "parler-tts/mls_eng", 2),
        (D, "org/speech", 4),
    ]
    assert [column for *_, column in found][1:3] == [found[0][3] + 11, found[0][3] + 22]  # each at its own place


@pytest.mark.parametrize(
    "text",
    [
        "dataset_name: org/a + org/b\n",  # words, not ids joined
        "dataset_name: org/a++org/b\n",  # an empty item
        "model: c++\n",
        "dataset_name: ${DATASETS:-org/a+org/b}\n",  # a default is read whole
        "dataset_splits: train+validation\n",  # not under an artefact's name
    ],
)
def test_values_with_a_plus_that_are_no_list_of_ids_name_nothing(text: str) -> None:
    assert config(text, "config.yaml") == []


DISTIL = """\
accelerate launch run_distillation.py \\
  --model_name_or_path org/teacher \\
  --train_dataset_name "org/speech+org/voices" \\
  --train_dataset_config_name "clean+default" \\
  --eval_dataset_name=org/speech
DATASETS=org/a+org/b
"""


def test_datasets_joined_by_plus_on_a_command_line_are_each_read() -> None:
    assert shell(DISTIL) == {
        (M, "org/teacher", 2),
        (D, "org/speech", 3),
        (D, "org/voices", 3),
        (D, "org/speech", 5),
        (D, "org/a", 6),
        (D, "org/b", 6),
    }


ARGUMENTS = """\
@dataclass
class DataTrainingArguments:
    train_dataset_name: str = field(default="org/speech+parler-tts/mls_eng")
    train_dataset_config_name: str = field(default="clean+default")
    eval_dataset_name: str = field(default="org/a + org/b")
parser.add_argument("--dataset_name", default="org/c+org/d")
parser.add_argument("--tokenizer_name", default="org/e++org/f")
"""


def test_datasets_joined_by_plus_in_a_python_default_are_each_read() -> None:
    assert python(ARGUMENTS) == {
        (D, "org/speech", 3),
        (D, "parler-tts/mls_eng", 3),
        (D, "org/c", 6),
        (D, "org/d", 6),
    }


# --- the repository of a feature extractor or image processor ------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "feature_extractor_name",
        "feature_extractor",
        "--feature-extractor-name",
        "featureExtractorNameOrPath",
        "image_processor_name",
        "image_processor_name_or_path",
    ],
)
def test_a_feature_extractors_or_image_processors_name_is_a_models(name: str) -> None:
    assert named_kind(name) is M


@pytest.mark.parametrize(
    "name", ["feature_extractor_type", "image_processor_class", "processor_name", "push_feature_extractor_name"]
)
def test_other_names_of_a_preprocessor_are_none(name: str) -> None:
    assert named_kind(name) is None


def test_a_feature_extractor_in_a_training_config_is_read() -> None:
    text = '{\n    "feature_extractor_name": "ylacombe/dac_44khZ_8kbps",\n    "feature_extractor_type": "org/x"\n}\n'
    assert [found[:3] for found in config(text, "train.json")] == [(M, "ylacombe/dac_44khZ_8kbps", 2)]


# --- another hub's ids and to-do placeholders ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "callee", ["download_kaggle_dataset", "kagglehub.dataset_download", "kagglehub.model_download"]
)
def test_a_kaggle_downloaders_argument_is_no_hub_id(callee: str) -> None:
    assert called_kind(callee) is None
    assert python(f'{callee}("owner/english-corpus")\nload_dataset("org/speech")\n') == {(D, "org/speech", 2)}


@pytest.mark.parametrize("name", ["KAGGLE_DATASET", "kaggle_dataset_name", "kaggleModel"])
def test_a_name_of_a_kaggle_artefact_is_none(name: str) -> None:
    assert named_kind(name) is None


@pytest.mark.parametrize("text", ["TODO", "todo", "FIXME", "TBD", "changeme", "org/TODO", "todo/model"])
def test_to_dos_are_placeholders(text: str) -> None:
    assert is_placeholder(text)


@pytest.mark.parametrize("text", ["org/todo-list-model", "todoist/x", "facebook/encodec_24khz", "t5-base"])
def test_ids_that_only_hold_a_to_do_word_are_no_placeholders(text: str) -> None:
    assert not is_placeholder(text)


def test_a_to_do_path_given_to_a_loader_names_nothing() -> None:
    source = 'path = "TODO"\nmodel = AutoModel.from_pretrained(path)\ntok = AutoTokenizer.from_pretrained("org/tok")\n'
    assert python(source) == {(M, "org/tok", 3)}


# --- a section's model by its legacy owner-less name ---------------------------------------------------------------

CONDITIONERS = """\
conditioners:
  description:
    model: t5
    t5:
      name: t5-base
      finetune: false
  backbone:
    name: bert-base-uncased
"""


def test_a_sections_name_that_is_a_legacy_hub_name_is_its_model() -> None:
    assert config(CONDITIONERS, "config/conditioner/text2music.yaml") == [
        (M, "t5-base", 5, 12),
        (M, "bert-base-uncased", 8, 10),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "jobs:\n  build:\n    name: GPT2\n",  # a label, not spelled as the Hub spells the model
        "project:\n  name: t5-3b-finetune\n",  # unknown to the knowledge base: a project's own name
        "repo:\n  name: org/t5-base\n",  # an `owner/name` under `name:` is a GitHub repository as often
        "step:\n  name: all-MiniLM-L6-v2\n",  # a library's short name is read only where a model is named
        "team:\n  name: mistral\n",
    ],
)
def test_other_names_of_a_section_name_nothing(text: str) -> None:
    assert config(text, "config.yaml") == []


# --- a loader of a repository's several files ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("callee", "expected"),
    [
        ("load_diffusion_models", M),
        ("loaders.load_audioseal_models", M),
        ("download_models", M),
        ("fetch_datasets", D),
        ("list_models", None),  # filters, not a repository
        ("get_models", None),
        ("save_models", None),
        ("load_models_and_datasets", None),  # which of the two is unsaid
    ],
)
def test_a_reading_verb_makes_a_plural_loader_one_of_a_repository(callee: str, expected: Kind | None) -> None:
    assert called_kind(callee) is expected


MBD = """\
def get_mbd_musicgen(device=None):
    path = 'facebook/multiband-diffusion'
    models, processors, cfgs = load_diffusion_models(path, filename='mbd_musicgen_32khz.th', device=device)
    seal = load_audioseal_models("facebook/audioseal", filename="base", device=device)
    found = list_models("facebook/musicgen")
"""


def test_a_plural_loaders_repository_is_read() -> None:
    assert python(MBD) == {(M, "facebook/multiband-diffusion", 2), (M, "facebook/audioseal", 4)}
