"""Forms found on cookbook repositories the benchmark does not label (issue 16, tenth blind wave: huggingface/cookbook
and mistralai/cookbook): an Inference Endpoint created for a model (`create_inference_endpoint(NAME,
repository=ID)`); the process reward model a search scores with (`prm_path="org/x-PRM"`); a string of YAML a program
parses (`ExtractionGraph.from_yaml(SPEC)`, `yaml.safe_load(TEXT)`), read as the config file it stands for; a model a
call says Ollama serves (CAMEL's `model_platform=ModelPlatformType.OLLAMA`)."""

from __future__ import annotations

import pytest

from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.names import named_kind
from modelpolicy.discover.python import PythonSource
from modelpolicy.model import Kind

M, D, A, OLLAMA = Kind.MODEL, Kind.DATASET, Kind.API, Kind.OLLAMA


def find(source: str, path: str = "notebooks/deploy.py") -> set[tuple[Kind, str, int]]:
    context = FileContext(path, lambda text: text.startswith(("./", "/")))
    return {(r.kind, r.text, r.line) for r in PythonSource().find(source, context)}


# --- an Inference Endpoint serves the repository it is created for ----------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "endpoint = create_inference_endpoint(\n"
            '    "nous-hermes-demo",\n'
            '    repository="NousResearch/Nous-Hermes-2-Mixtral-8x7B-DPO",\n'
            '    framework="pytorch",\n'
            ")\n",
            {(M, "NousResearch/Nous-Hermes-2-Mixtral-8x7B-DPO", 3)},
        ),
        (
            'MODEL = "jinaai/jina-embeddings-v2-base-en"\n'
            'endpoint = huggingface_hub.create_inference_endpoint(NAME, repository=MODEL, task="x")\n',
            {(M, "jinaai/jina-embeddings-v2-base-en", 1)},
        ),
    ],
)
def test_an_inference_endpoint_names_the_model_it_serves(source: str, expected: set[tuple[Kind, str, int]]) -> None:
    assert find(source) == expected


@pytest.mark.parametrize(
    "source",
    [
        'endpoint = create_inference_endpoint("org/name-of-endpoint", repository=MODEL)\n',  # its own name: no model
        'endpoint = create_inference_endpoint("demo", repository="./local-weights")\n',  # a path
        'git.clone(repository="huggingface/transformers")\n',  # another call's repository: a GitHub repository
    ],
)
def test_an_inference_endpoints_look_alikes_name_nothing(source: str) -> None:
    assert find(source) == set()


# --- a string of YAML a program parses is a config file's text ---------------------------------------------------

_GRAPH = """extraction_graph_spec = \"\"\"
name: 'pdf_summarizer'
extraction_policies:
  - extractor: 'tensorlake/mistral'
    name: 'text_to_summary'
    input_params:
      model_name: 'mistral-large-latest'
\"\"\"

extraction_graph = ExtractionGraph.from_yaml(extraction_graph_spec)
"""


def test_a_yaml_string_a_library_parses_is_read_as_a_config_file() -> None:
    assert find(_GRAPH) == {(A, "mistral-large-latest", 7)}


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            'import yaml\nspec = yaml.safe_load("""\nbase_model: org/inline\ndataset: org/rows\n""")\n',
            {(M, "org/inline", 3), (D, "org/rows", 4)},
        ),
        (  # named for a config too: its text is read once
            'CONFIG_YAML = """\nmodel_name: org/one\n"""\ncfg = yaml.safe_load(CONFIG_YAML)\n',
            {(M, "org/one", 2)},
        ),
    ],
)
def test_a_yaml_string_pyyaml_parses_is_read_as_a_config_file(
    source: str, expected: set[tuple[Kind, str, int]]
) -> None:
    found = [(r.kind, r.text, r.line) for r in PythonSource().find(source, FileContext("app.py", lambda t: False))]
    assert set(found) == expected
    assert len(found) == len(expected)


@pytest.mark.parametrize(
    "source",
    [
        'PROMPT = """\nmodel: org/in-a-prompt\n"""\nprint(PROMPT)\n',  # prose a program prints
        'spec = loader.load("""\nmodel: org/some-model\n""")\n',  # another module's `load`
        'spec = yaml.safe_load("model: org/one-line")\n',  # one line: a test's stand-in, no file
        "spec = ExtractionGraph.from_yaml(path)\n",  # a name bound to no string here
    ],
)
def test_strings_no_yaml_parser_is_given_are_not_read_as_config(source: str) -> None:
    assert find(source) == set()


# --- a process reward model ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["prm_path", "PRM_PATH", "--prm-path", "prmPath", "prm_name_or_path", "prm_model_path"]
)
def test_a_process_reward_models_name_names_a_model(name: str) -> None:
    assert named_kind(name) is M


@pytest.mark.parametrize("name", ["prm", "prm_score", "prm_dir", "output_prm_path", "prmt", "prm_batch_size"])
def test_prm_look_alikes_name_nothing(name: str) -> None:
    assert named_kind(name) is None


def test_a_prm_path_read_by_the_search_names_that_model() -> None:
    source = 'prm_path = "RLHFlow/Llama3.1-8B-PRM-Deepseek-Data"\nprm = RLHFlow(prm_path)\n'
    assert find(source) == {(M, "RLHFlow/Llama3.1-8B-PRM-Deepseek-Data", 1)}
    assert find('prm_path = "./checkpoints/prm"\n') == set()  # a local folder


# --- a call that says Ollama serves its model ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "m = ModelFactory.create(\n"
            "    model_platform=ModelPlatformType.OLLAMA,\n"
            '    model_type="mistral-large",\n'
            ")\n",
            {(OLLAMA, "mistral-large", 3)},
        ),
        ('m = ModelFactory.create(model_platform="ollama", model_type="qwen2.5")\n', {(OLLAMA, "qwen2.5", 1)}),
        # the same name on Mistral's own platform is its API model
        (
            'm = ModelFactory.create(model_platform=ModelPlatformType.MISTRAL, model_type="mistral-large")\n',
            {(A, "mistral-large", 1)},
        ),
    ],
)
def test_a_call_says_which_platform_serves_its_model(source: str, expected: set[tuple[Kind, str, int]]) -> None:
    assert find(source) == expected


@pytest.mark.parametrize(
    "source",
    [
        'm = ModelFactory.create(model_platform=ModelPlatformType.VLLM, model_type="llama3.1")\n',
        'm = ModelFactory.create(model_platform=platform, model_type="llama3.1")\n',  # a platform only the run knows
    ],
)
def test_a_platform_other_than_ollama_makes_no_ollama_model(source: str) -> None:
    assert all(kind is not OLLAMA for kind, _, _ in find(source))
