"""Forms found on document-AI and agent repositories the benchmark does not label (issue 16, eleventh blind wave:
docling-project/docling, QwenLM/Qwen-Agent): a spec's `default_repo_id`, a user's namespaced Ollama model with a size
tag (`ibm/granite-docling:258m`), the settings a dict keys by an Ollama engine (`{Engine.API_OLLAMA: Config(params=
{"model": ID})}`), and a repository id a program special-cases by comparison (`if options.repo_id == ID`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from modelpolicy.discover import apis, discover, ollama
from modelpolicy.discover.names import named_kind
from modelpolicy.model import Kind

API, MODEL, OLLAMA, DATASET = Kind.API, Kind.MODEL, Kind.OLLAMA, Kind.DATASET
Found = tuple[Kind, str, int]


def found(tmp_path: Path, name: str, text: str) -> set[Found]:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    artefacts = discover(tmp_path, [tmp_path]).artefacts
    return {(a.kind, a.id, r.line) for a in artefacts for r in a.references if r.path == name}


# --- a spec's default repository -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("default_repo_id", MODEL),
        ("DEFAULT_REPO_ID", MODEL),
        ("defaultRepoId", MODEL),
        ("default_dataset_repo_id", DATASET),
        ("repo_id", None),  # pushed to as often as read
        ("push_default_repo_id", None),
        ("default_repo", None),  # a git repository as often
        ("default_revision", None),
    ],
)
def test_a_default_repo_id_names_the_repository_read(name: str, expected: Kind | None) -> None:
    assert named_kind(name) is expected


SPECS = """\
from docling.datamodel.stage_model_specs import VlmModelSpec

GRANITE_BASE = {
    "name": "Granite-Docling-258M",
    "default_repo_id": "ibm-granite/granite-docling-258M",
}
SMOLDOCLING = VlmModelSpec(
    name="SmolDocling",
    default_repo_id="docling-project/SmolDocling-256M-preview",
)
EXAMPLE = VlmModelSpec(name="x", default_repo_id="./local/model")
"""


def test_default_repo_id_keys_and_keywords_are_read(tmp_path: Path) -> None:
    assert found(tmp_path, "specs.py", SPECS) == {
        (MODEL, "ibm-granite/granite-docling-258M", 5),
        (MODEL, "docling-project/SmolDocling-256M-preview", 9),
    }


def test_default_repo_id_in_config_is_read(tmp_path: Path) -> None:
    text = "preset:\n  default_repo_id: ibm-granite/granite-vision-3.3-2b\n  repo_type: model\n"
    assert found(tmp_path, "presets.yaml", text) == {(MODEL, "ibm-granite/granite-vision-3.3-2b", 2)}


# --- a namespaced Ollama model with a size tag ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ibm/granite-docling:258m", "ibm/granite-docling:258m"),
        ("huihui_ai/qwen3-abliterated:8b", "huihui_ai/qwen3-abliterated:8b"),
        ("user/mixtral:8x7b", "user/mixtral:8x7b"),
        ("user/qwen2.5:0.5b-instruct-q4_K_M", "user/qwen2.5:0.5b-instruct-q4_K_M"),
        ("ibm/granite-docling", None),  # no tag: a Hub id's spelling
        ("meta-llama/llama-3-8b-instruct:free", None),  # OpenRouter's variant
        ("meta/llama-2-70b-chat:02e509c789964a7ea8736978a43525956ef40397", None),  # Replicate's version digest
        ("vllm/vllm-openai:v0.6.0", None),  # an image's version
        ("ollama/ollama:0.5.7", None),
        ("granite3.2-vision:2b", None),  # no namespace: the library's (`ollama.tagged`)
    ],
)
def test_a_size_tag_makes_a_namespaced_name_ollamas(text: str, expected: str | None) -> None:
    assert ollama.sized(text) == expected


def test_a_sized_namespaced_name_is_no_watsonx_model() -> None:
    assert apis.named("ibm/granite-docling:258m") is None
    assert apis.named("ibm/granite-13b-chat-v2") == "ibm/granite-13b-chat-v2"  # watsonx's own spelling stays


OLLAMA_PRESET = """\
GRANITEDOCLING_OLLAMA = GRANITEDOCLING_VLLM_API.model_copy(deep=True)
GRANITEDOCLING_OLLAMA.url = AnyUrl("http://localhost:11434/v1/chat/completions")
GRANITEDOCLING_OLLAMA.params["model"] = "ibm/granite-docling:258m"


def run_ollama_example():
    model_name = "ibm/granite-docling:258m"
    check_and_pull_ollama_model(model_name)
"""


def test_a_sized_namespaced_name_beside_ollama_is_an_ollama_model(tmp_path: Path) -> None:
    assert found(tmp_path, "vlm_specs.py", OLLAMA_PRESET) == {
        (OLLAMA, "ibm/granite-docling:258m", 3),
        (OLLAMA, "ibm/granite-docling:258m", 7),
    }


def test_without_ollama_in_the_file_a_sized_namespaced_name_names_nothing(tmp_path: Path) -> None:
    text = 'params = {"model": "ibm/granite-docling:258m"}\nrepo = {"model": "ibm/granite-13b-chat-v2"}\n'
    assert found(tmp_path, "cfg.py", text) == {(API, "ibm/granite-13b-chat-v2", 2)}


# --- settings keyed by an Ollama engine ----------------------------------------------------------------------------


ENGINE_TABLE = """\
GLM_OCR = VlmModelSpec(
    default_repo_id="zai-org/GLM-OCR",
    api_overrides={
        VlmEngineType.API: ApiModelConfig(params={"model": "zai-org/GLM-OCR"}),
        VlmEngineType.API_OPENAI: ApiModelConfig(params={"model": "glm-ocr"}),
        VlmEngineType.API_OLLAMA: ApiModelConfig(
            params={"model": "glm-ocr", "max_tokens": 4096}
        ),
        VlmEngineType.API_LMSTUDIO: ApiModelConfig(params={"model": "glm-ocr"}),
    },
)
DOTS = {
    Provider.OLLAMA: {"model": "dots.ocr"},
    "ollama": {"options": {"model": "chandra-ocr-2"}},
    Provider.LMSTUDIO: {"model": "dots.mocr"},
}
"""


def test_the_model_of_settings_keyed_by_an_ollama_engine_is_ollamas(tmp_path: Path) -> None:
    assert found(tmp_path, "stage_specs.py", ENGINE_TABLE) == {
        (MODEL, "zai-org/GLM-OCR", 2),
        (MODEL, "zai-org/GLM-OCR", 4),
        (OLLAMA, "glm-ocr", 7),
        (OLLAMA, "dots.ocr", 13),
        (OLLAMA, "chandra-ocr-2", 14),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("glm-ocr", (OLLAMA, "glm-ocr")),
        ("dots.ocr", (OLLAMA, "dots.ocr")),
        ("chandra-ocr-2", (OLLAMA, "chandra-ocr-2")),
        ("my-model", None),  # a stand-in for the reader's own
        ("1.2.3", None),
        ("v1.2", None),
        ("latest", None),
        ("auto", None),
    ],
)
def test_an_untagged_name_an_ollama_setting_holds(text: str, expected: tuple[Kind, str] | None) -> None:
    assert ollama.provided(text) == expected


def test_a_key_that_does_not_say_ollama_leaves_a_plain_name_unread(tmp_path: Path) -> None:
    text = 'SETTINGS = {\n    Provider.LMSTUDIO: {"model": "glm-ocr"},\n    "ollama_url": "http://x:11434",\n}\n'
    assert found(tmp_path, "settings.py", text) == set()


# --- a repository id compared with an id ---------------------------------------------------------------------------


COMPARED = """\
_DOTS_REPO_IDS = {"rednote-hilab/dots.ocr", "rednote-hilab/dots.mocr"}


def load(self):
    if self.vlm_options.repo_id == "microsoft/Phi-4-multimodal-instruct":
        pass
    if self.vlm_options.repo_id in _DOTS_REPO_IDS:
        pass
    if hub_repo_id == "me/pushed-model":
        pass
    if repo_id == "local":
        pass
"""


def test_what_a_repository_id_is_compared_with_is_a_model(tmp_path: Path) -> None:
    assert found(tmp_path, "engine.py", COMPARED) == {
        (MODEL, "rednote-hilab/dots.ocr", 1),
        (MODEL, "rednote-hilab/dots.mocr", 1),
        (MODEL, "microsoft/Phi-4-multimodal-instruct", 5),
    }


# --- Qwen-Agent: DashScope by default, a judger, a default quoted twice ---------------------------------------------


AGENT = """\
from qwen_agent.agents.doc_qa import ParallelDocQA

bot = ParallelDocQA(llm={'model': 'qwen2.5-72b-instruct', 'generate_cfg': {'max_retries': 10}})
"""


def test_a_qwen_agent_llm_without_a_server_calls_dashscope(tmp_path: Path) -> None:
    assert found(tmp_path, "examples/parallel_doc_qa.py", AGENT) == {(API, "qwen2.5-72b-instruct", 3)}


def test_an_open_qwen_name_without_qwen_agent_or_dashscope_is_no_api_model(tmp_path: Path) -> None:
    text = "llm = {'model': 'qwen2.5-72b-instruct'}\n"
    assert found(tmp_path, "examples/chat.py", text) == set()


def test_qwen_vl_chat_is_the_open_weights_name_not_dashscopes(tmp_path: Path) -> None:
    text = (
        "from models import QwenDashscopeVLModel\n"
        "model_map = {'qwen': Qwen, 'llama': LLM, 'qwen-vl-chat': QwenVL}\n"
        "judger = QwenDashscopeVLModel(model='qwen-vl-plus')\n"
        "old = QwenDashscopeVLModel(model='qwen-vl-chat-v1')\n"
    )
    assert found(tmp_path, "config.py", text) == {(API, "qwen-vl-plus", 3), (API, "qwen-vl-chat-v1", 4)}


JUDGER = """\
parser.add_argument('--vis-judger',
                    type=str,
                    default="'gpt-4-vision-preview'",
                    choices=['gpt-4-vision-preview', 'qwen-vl-chat', 'qwen-vl-plus'])
parser.add_argument('--judger-prompt', default='Rate the answer')
"""


def test_a_judgers_default_and_choices_are_api_models(tmp_path: Path) -> None:
    assert found(tmp_path, "inference_and_execute.py", JUDGER) == {
        (API, "gpt-4-vision-preview", 3),
        (API, "gpt-4-vision-preview", 4),
        (API, "qwen-vl-plus", 4),
    }


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('MODEL = "${OPENAI_MODEL:-gpt-4o}"\n', "gpt-4o"),
        ('JUDGE_MODEL = "\\"gpt-4o-mini\\""\n', "gpt-4o-mini"),
        ("parser.add_argument('--model', default=\"'gpt-4.1'\")\n", "gpt-4.1"),
    ],
)
def test_an_api_name_in_python_is_reported_without_its_wrapping(tmp_path: Path, source: str, expected: str) -> None:
    assert found(tmp_path, "settings.py", source) == {(API, expected, 1)}


# --- a repository paired with a weights file ------------------------------------------------------------------------


CHECKPOINTS = """\
from huggingface_hub import hf_hub_download

_DISTIL_WHISPER_OPENAI_CHECKPOINTS: dict[str, tuple[str, str]] = {
    "distil-small.en": ("distil-whisper/distil-small.en", "original-model.bin"),
    "annotator": ("lllyasviel/Annotators", "ckpts/body_pose_model.pth"),
    "local": ("models/v1", "model.pt"),
    "relative": ("./checkpoints/run", "model.pt"),
    "card": ("owner/repo", "README.md"),
    "mime": ("text/plain", "x.bin"),
    "placeholder": ("your-org/your-model", "model.safetensors"),
}
"""


def test_a_repository_paired_with_a_weights_file_is_the_model_downloaded(tmp_path: Path) -> None:
    assert found(tmp_path, "asr.py", CHECKPOINTS) == {
        (MODEL, "distil-whisper/distil-small.en", 4),
        (MODEL, "lllyasviel/Annotators", 5),
    }


# --- a leaderboard's labels, a model factory's default -------------------------------------------------------------


LEADERBOARD = """\
const allModels: ModelScore[] = [
  { model: "Anthropic/Claude-4.6-Opus (max)", icon: "/icons/icon_anthropic.png", avgAcc: 58.85 },
  { model: "Google/Gemini-3-Flash-Preview", icon: "/icons/ico_gemini.png", avgAcc: 33.75 },
  { model: "ByteDance/Seed-2.0-pro-high", icon: "/icons/icon_seed.png", avgAcc: 21.55 },
];
const served = [
  { model: "meta-llama/Llama-3.1-8B-Instruct", port: 8000 },
  { model: "mistralai/Mistral-7B-Instruct-v0.3", port: 8001 },
];
"""


def test_a_column_of_labels_in_a_table_of_records_names_nothing(tmp_path: Path) -> None:
    assert found(tmp_path, "website/src/components/leaderboard.tsx", LEADERBOARD) == {
        (MODEL, "meta-llama/Llama-3.1-8B-Instruct", 7),
        (MODEL, "mistralai/Mistral-7B-Instruct-v0.3", 8),
    }


FACTORIES = """\
def get_chat_model(cfg: dict | str = 'qwen-plus'):
    pass


def create_llm(name: str = "gpt-4o-mini", provider="openai"):
    pass


def load_model(path="./model.bin", device="cuda", dtype="bfloat16"):
    pass


def save_model(target="gpt-4o"):
    pass


def build_model(backbone="resnet50", head="mistral"):
    pass
"""


def test_a_model_factorys_parameter_defaults_to_a_hosted_apis_model(tmp_path: Path) -> None:
    assert found(tmp_path, "llm/__init__.py", FACTORIES) == {(API, "qwen-plus", 1), (API, "gpt-4o-mini", 5)}
