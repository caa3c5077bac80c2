"""Forms found on repositories the benchmark does not label (issue 16, meta-llama/llama-stack and dstackai/dstack): a
provider's model table filed in a folder named for the provider, whose names are that provider's though nothing in
the file says whose (`providers/remote/inference/watsonx/models.py`)."""

from __future__ import annotations

import pytest

from modelpolicy.discover import apis
from modelpolicy.discover.config import ConfigSource
from modelpolicy.discover.interface import FileContext, Source
from modelpolicy.discover.javascript import JavaScriptSource
from modelpolicy.discover.names import named_kind
from modelpolicy.discover.python import PythonSource
from modelpolicy.knowledge import load as load_knowledge
from modelpolicy.knowledge import ollama_tag
from modelpolicy.model import Kind

A, M = Kind.API, Kind.MODEL


def find(source: Source, text: str, path: str) -> set[tuple[Kind, str]]:
    context = FileContext(path, lambda text: False)
    return {(r.kind, r.text) for r in source.find(text, context)}


# --- a provider's folder ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "providers"),
    [
        ("llama_stack/providers/remote/inference/watsonx/models.py", {"watsonx"}),
        ("server/utils/AiProviders/NVIDIA/index.js", {"nvidia"}),
        ("litellm/llms/sambanova.py", {"sambanova"}),
        ("src/llama_api/client.ts", {"llama-api"}),  # `-` and `_` alike
        ("providers/llama-api/models.py", {"llama-api"}),
        ("providers\\cerebras\\models.py", {"cerebras"}),
    ],
)
def test_a_folder_or_file_named_for_a_provider_files_the_file_under_it(path: str, providers: set[str]) -> None:
    assert apis.path_contexts(path) == providers


@pytest.mark.parametrize(
    "path",
    [
        "examples/nvidia-examples/models.py",  # a folder whose name only holds the provider's
        "tests/test_watsonx.py",  # a file named for a test of it
        "src/cerebras_utils.py",
        "watsonx.md/notes.txt",  # the folder's name with an ending is another name
        "pkg/models.py",
        "",
    ],
)
def test_a_name_that_only_holds_a_providers_key_files_nothing(path: str) -> None:
    assert not apis.path_contexts(path)


MODEL_TABLE = """\
MODEL_ENTRIES = [
    build_hf_repo_model_entry(
        "meta-llama/llama-3-3-70b-instruct",
        CoreModelId.llama3_3_70b_instruct.value,
    ),
    build_hf_repo_model_entry("Meta-Llama-3.1-8B-Instruct", CoreModelId.llama3_1_8b_instruct.value),
    build_hf_repo_model_entry("llama3.1-8b", CoreModelId.llama3_1_8b_instruct.value),
    ProviderModelEntry(provider_model_id="nvidia/nv-embedqa-e5-v5", model_type=ModelType.embedding),
]
"""


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (  # watsonx writes Meta's models under the Hub's organisation, in lower case
            "llama_stack/providers/remote/inference/watsonx/models.py",
            {(A, "meta-llama/llama-3-3-70b-instruct"), (M, "nvidia/nv-embedqa-e5-v5")},
        ),
        (  # the NVIDIA API catalog's names
            "llama_stack/providers/remote/inference/nvidia/models.py",
            {(M, "meta-llama/llama-3-3-70b-instruct"), (A, "nvidia/nv-embedqa-e5-v5")},
        ),
        (  # SambaNova's mixed-case names without an owner
            "providers/sambanova/models.py",
            {
                (M, "meta-llama/llama-3-3-70b-instruct"),
                (A, "Meta-Llama-3.1-8B-Instruct"),
                (M, "nvidia/nv-embedqa-e5-v5"),
            },
        ),
        (  # a file named for the provider
            "pkg/llms/cerebras.py",
            {(M, "meta-llama/llama-3-3-70b-instruct"), (A, "llama3.1-8b"), (M, "nvidia/nv-embedqa-e5-v5")},
        ),
        (  # filed nowhere: Hub ids, and bare names no API claims
            "examples/nvidia-examples/models.py",
            {(M, "meta-llama/llama-3-3-70b-instruct"), (M, "nvidia/nv-embedqa-e5-v5")},
        ),
    ],
)
def test_a_model_table_in_a_providers_folder_names_its_models(path: str, expected: set[tuple[Kind, str]]) -> None:
    assert find(PythonSource(), MODEL_TABLE, path) == expected


def test_config_and_javascript_files_in_a_providers_folder_name_its_models() -> None:
    values = "embedding:\n  model: nvidia/nv-embedqa-e5-v5\nllm:\n  model: meta-llama/llama-3-1-8b-instruct\n"
    assert find(ConfigSource(), values, "deploy/watsonx/values.yaml") == {
        (A, "meta-llama/llama-3-1-8b-instruct"),
        (M, "nvidia/nv-embedqa-e5-v5"),
    }
    assert find(ConfigSource(), values, "deploy/values.yaml") == {
        (M, "meta-llama/llama-3-1-8b-instruct"),
        (M, "nvidia/nv-embedqa-e5-v5"),
    }
    script = 'const MODELS = ["llama3.1-8b", "llama-3.3-70b"];\n'
    assert find(JavaScriptSource(), script, "server/utils/AiProviders/cerebras/index.js") == {
        (A, "llama3.1-8b"),
        (A, "llama-3.3-70b"),
    }
    assert not find(JavaScriptSource(), script, "server/utils/AiProviders/index.js")


# --- a config file a program writes ----------------------------------------------------------------------------------

WRITTEN_PRESET = '''\
def test_upgrade(tmp_path):
    directory = tmp_path / "presets"
    (directory / "preset.yml").write_text(
        """
base_model: deepseek-ai/DeepSeek-V4-Flash
service:
  model: Qwen/Qwen3-32B
  image: vllm/vllm-openai:v0.11.0
"""
    )
'''


def found_at(text: str, path: str = "tests/test_store.py") -> set[tuple[Kind, str, int]]:
    context = FileContext(path, lambda text: False)
    return {(r.kind, r.text, r.line) for r in PythonSource().find(text, context)}


def test_a_yaml_file_a_test_writes_is_read_at_its_lines() -> None:
    assert found_at(WRITTEN_PRESET) == {
        (M, "deepseek-ai/DeepSeek-V4-Flash", 5),
        (M, "Qwen/Qwen3-32B", 7),
        (Kind.IMAGE, "vllm/vllm-openai:v0.11.0", 8),
    }


@pytest.mark.parametrize(
    "writer",
    [
        'Path("config.json").write_text(',
        'open("settings/run.JSON", "w").write(',
        'tmp_path.joinpath("models.json").write_text(',
    ],
)
def test_a_json_file_a_program_writes_is_read(writer: str) -> None:
    text = f'{writer}"""{{\n  "model": "gpt-4o",\n  "embedding_model": "BAAI/bge-small-en-v1.5"\n}}""")\n'
    assert found_at(text) == {(A, "gpt-4o", 2), (M, "BAAI/bge-small-en-v1.5", 3)}


@pytest.mark.parametrize(
    "text",
    [
        'Path("notes.txt").write_text("""model: org/name\\nbase_model: org/other\\n""")\n',  # no config file
        'log.write("""model: org/name\\nbase_model: org/other\\n""")\n',  # no file named at all
        'Path("preset.yml").write_text("model: Qwen/Qwen3-32B")\n',  # one line: a config's text is several
        'Path("preset.yml").read_text("""model: Qwen/Qwen3-32B\\n""")\n',  # not written
        'Path("preset.yml").write_text(f"""model: {name}\\n""")\n',  # built, not written out
        'Path("compose.yml").write_text("""services:\\n  db:\\n    image: postgres:16\\n""")\n',  # no model server
    ],
)
def test_strings_not_written_to_a_config_file_are_not_read_as_one(text: str) -> None:
    assert not found_at(text)


# --- a shield's safety model -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["shield_id", "provider_shield_id", "shieldId", "SHIELD_ID", "--shield-id"])
def test_a_shields_id_is_named_for_a_model(name: str) -> None:
    assert named_kind(name) is Kind.MODEL


@pytest.mark.parametrize("name", ["shield", "shields_enabled", "shield_type", "output_shield_id", "shield_ids_path"])
def test_other_names_of_shields_name_no_model(name: str) -> None:
    assert named_kind(name) is None


def test_a_shield_registered_in_config_and_code_names_its_guard_model() -> None:
    run = "shields:\n- shield_id: meta-llama/Llama-Guard-3-8B\n- shield_id: llama-guard\n  provider_id: x\n"
    assert find(ConfigSource(), run, "distributions/demo/run.yaml") == {(M, "meta-llama/Llama-Guard-3-8B")}
    code = 'default_shields = [ShieldInput(shield_id="meta-llama/Llama-Guard-3-8B"), ShieldInput(shield_id="code")]\n'
    assert find(PythonSource(), code, "distributions/demo/demo.py") == {(M, "meta-llama/Llama-Guard-3-8B")}


# --- Ollama's names in a folder named for it, and Llama Guard in its library -----------------------------------------

OLLAMA_TABLE = """\
SAFETY_MODELS_ENTRIES = [build_hf_repo_model_entry("llama-guard3:8b", CoreModelId.llama_guard_3_8b.value)]
MODEL_ENTRIES = [
    ProviderModelEntry(provider_model_id="nomic-embed-text", model_type=ModelType.embedding),
    build_model_entry("llama3.1:8b", CoreModelId.llama3_1_8b_instruct.value),
]
"""


@pytest.mark.parametrize(
    "path", ["llama_stack/providers/remote/inference/ollama/models.py", "app/llm/ollama.py", "OLLAMA/models.py"]
)
def test_an_ollama_model_table_filed_under_ollama_names_its_bare_library_names(path: str) -> None:
    assert find(PythonSource(), OLLAMA_TABLE, path) == {
        (Kind.OLLAMA, "llama-guard3:8b"),
        (Kind.OLLAMA, "nomic-embed-text"),
        (Kind.OLLAMA, "llama3.1:8b"),
    }


@pytest.mark.parametrize("path", ["pkg/models.py", "examples/ollama_demo/models.py", "tests/test_ollama.py"])
def test_elsewhere_only_tagged_names_are_ollamas(path: str) -> None:
    assert find(PythonSource(), OLLAMA_TABLE, path) == {(Kind.OLLAMA, "llama-guard3:8b"), (Kind.OLLAMA, "llama3.1:8b")}


def test_a_config_file_filed_under_ollama_names_bare_library_names() -> None:
    assert find(ConfigSource(), "model: mistral\n", "deploy/ollama/values.yaml") == {(Kind.OLLAMA, "mistral")}
    assert not find(ConfigSource(), "model: mistral\n", "deploy/values.yaml")


@pytest.mark.parametrize(
    ("tag", "upstream", "licence"),
    [
        ("8b", "meta-llama/Llama-Guard-3-8B", "llama3.1"),
        (None, "meta-llama/Llama-Guard-3-8B", "llama3.1"),
        ("1b", "meta-llama/Llama-Guard-3-1B", "llama3.2"),
        ("1b-q8_0", "meta-llama/Llama-Guard-3-1B", "llama3.2"),
    ],
)
def test_llama_guard_3_in_ollamas_library_resolves_by_size(tag: str | None, upstream: str, licence: str) -> None:
    model = load_knowledge().ollama("llama-guard3")
    assert model is not None
    terms = ollama_tag(model, tag) or model
    assert (terms.upstream, terms.license) == (upstream, licence)


# --- a version written after an API's name ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "meta/llama-3.2-1b-instruct@v1.0.0+L40",  # NeMo Customizer: a config's version and the GPU it is tuned for
        "meta/llama-3.1-8b-instruct@2.0+A100",
        "claude-3-5-sonnet@20240620",  # Vertex AI's Anthropic versions
        "chat-bison@001",
    ],
)
def test_a_version_after_an_apis_name_keeps_it_the_apis(name: str) -> None:
    assert apis.named(name) == name


@pytest.mark.parametrize(
    "name",
    [
        "meta/Llama-3.2-1B-Instruct@v1.0.0",  # the name itself in mixed case: a label, or a Hub id's spelling
        "GPT-4o@A",
        "meta-llama/Llama-3.2-1B@main",  # a Hub id at a revision
        "@v1.0.0+L40",
    ],
)
def test_a_version_does_not_make_a_label_or_a_hub_id_an_apis_name(name: str) -> None:
    assert apis.named(name) is None


def test_a_customization_jobs_model_with_a_version_is_the_catalogs() -> None:
    code = 'adapter.supervised_fine_tune(job_uuid="j", model="meta/llama-3.2-1b-instruct@v1.0.0+L40")\n'
    assert find(PythonSource(), code, "tests/unit/providers/nvidia/test_sft.py") == {
        (A, "meta/llama-3.2-1b-instruct@v1.0.0+L40")
    }


def test_a_one_line_stand_in_for_a_config_file_is_not_read() -> None:
    text = '(tmp_path / "z_task.yaml").write_text("task: z_task\\ndataset_path: org/data\\nmodel: org/model")\n'
    assert not found_at(text)
