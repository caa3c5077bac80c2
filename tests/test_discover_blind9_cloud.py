"""Forms found on cloud sample repositories the benchmark does not label (issue 16, ninth blind wave: Azure's OpenAI
samples, the Amazon Bedrock workshop): a model in Bedrock's spelling given to any call, a Bedrock ARN an f-string
completes with its region, the AWS API's `modelArn` / `baseModelIdentifier` names, a parameter's default read by
a loader of another kind than the parameter's name says (`def prep(hf_path="org/d"): load_dataset(hf_path)`), and
Azure's Bicep files (`param chatModelName string = 'gpt-4o'`, a container's `env` item chosen by a condition)."""

from __future__ import annotations

import pytest

from modelpolicy.discover import ROUTES, apis
from modelpolicy.discover.config import ConfigSource
from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.names import named_kind
from modelpolicy.discover.notebook import NotebookSource
from modelpolicy.discover.python import PythonSource
from modelpolicy.model import Kind

M, D, A = Kind.MODEL, Kind.DATASET, Kind.API


def in_python(source: str) -> set[tuple[Kind, str, int]]:
    context = FileContext("pkg/app.py", lambda text: text.startswith(("./", "/")))
    return {(r.kind, r.text, r.line) for r in PythonSource().find(source, context)}


# --- Bedrock's spelling, written whole ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "amazon.titan-image-generator-v1",
        "amazon.nova-canvas-v1:0",
        "amazon.nova-micro-v1:0:128k",
        "anthropic.claude-3-haiku-20240307-v1:0:200k",
        "us.anthropic.claude-3-5-haiku-20241022-v1:0",
        "global.anthropic.claude-haiku-4-5-20251001-v1:0",
        "meta.llama3-1-8b-instruct-v1:0",
        "mistral.mistral-7b-instruct-v0:2",
        "cohere.embed-english-v3",
        "openai.gpt-oss-120b-1:0",
    ],
)
def test_bedrock_spelled_models_are_named_whole(name: str) -> None:
    assert apis.bedrock_spelled(name) == name


@pytest.mark.parametrize(
    "text",
    [
        "numpy.core-1",  # a module and a number: no provider's model
        "v1.2.3",
        "config.model-v1.json",  # a file
        "amazon.titan",  # no version: a family's word
        "see amazon.nova-pro-v1:0 here",  # prose holding one
        "Amazon.Nova-Pro-V1:0",  # Bedrock writes its ids in lower case
        "acme.widget-v2",  # a provider no catalogue knows
    ],
)
def test_look_alikes_of_bedrock_spelling_are_none(text: str) -> None:
    assert apis.bedrock_spelled(text) is None


def test_a_bedrock_id_given_to_a_projects_own_helper_is_read() -> None:
    source = (
        'compare_models_outputs(prompts, seeds, "amazon.titan-image-generator-v1", provisioned_model_id)\n'
        'student_model_micro = "amazon.nova-micro-v1:0:128k"\n'
    )
    assert in_python(source) == {(A, "amazon.titan-image-generator-v1", 1), (A, "amazon.nova-micro-v1:0:128k", 2)}


def test_dotted_words_that_are_no_bedrock_id_stay_unread() -> None:
    source = 'logger = logging.getLogger("meta.loader-v2")\nversion = "release.notes-1"\nfile = "amazon.nova-v1.json"\n'
    assert in_python(source) == set()


# --- a Bedrock ARN an f-string completes ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (["arn:aws:bedrock:", None, "::foundation-model/amazon.nova-2-lite-v1:0:256k"], "amazon.nova-2-lite-v1:0:256k"),
        (
            ["arn:aws:bedrock:", None, "::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"],
            "anthropic.claude-3-haiku-20240307-v1:0",
        ),
        (
            ["arn:aws:bedrock:", None, ":", None, ":inference-profile/us.anthropic.claude-3-5-sonnet-20241022-v2:0"],
            "us.anthropic.claude-3-5-sonnet-20241022-v2:0",
        ),
    ],
)
def test_an_arn_whose_placeholders_are_its_region_and_account_names_its_model(
    parts: list[str | None], expected: str
) -> None:
    assert apis.arn_model(parts) == expected


@pytest.mark.parametrize(
    "parts",
    [
        ["arn:aws:bedrock:", None, "::foundation-model/", None],  # the model is the placeholder's
        ["arn:aws:bedrock:", None, "::foundation-model/amazon.", None],
        ["arn:aws:bedrock:", None, "::custom-model/my-model"],  # a project's own model
        ["arn:aws:bedrock:", None, "::foundation-model/*"],  # an IAM policy's wildcard
        ["arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0"],  # whole: read as a routed string
    ],
)
def test_arns_a_placeholder_completes_or_of_no_model_name_none(parts: list[str | None]) -> None:
    assert apis.arn_model(parts) is None


def test_an_f_string_arn_bound_or_given_to_a_call_is_read() -> None:
    source = (
        'BASE_MODEL_ID = f"arn:aws:bedrock:{AWS_REGION}::foundation-model/amazon.nova-2-lite-v1:0:256k"\n'
        "job = bedrock.create_model_customization_job(\n"
        '    baseModelIdentifier=f"arn:aws:bedrock:{region}::foundation-model/"\n'
        '    "anthropic.claude-3-haiku-20240307-v1:0",\n'
        ")\n"
        'prefix = f"arn:aws:bedrock:{region}::foundation-model/{name}"\n'
    )
    assert in_python(source) == {
        (A, "amazon.nova-2-lite-v1:0:256k", 1),
        (A, "anthropic.claude-3-haiku-20240307-v1:0", 3),
    }


# --- the AWS API's names of a model -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["modelArn", "model_arn", "embeddingModelArn", "baseModelIdentifier", "teacherModelIdentifier"]
)
def test_aws_names_of_a_model_name_one(name: str) -> None:
    assert named_kind(name) is M


@pytest.mark.parametrize("name", ["roleArn", "arn", "identifier", "model_arn_prefix", "modelIdentifierType"])
def test_other_arns_and_identifiers_name_none(name: str) -> None:
    assert named_kind(name) is None


def test_a_model_arn_variable_holding_an_inference_profile_is_read() -> None:
    source = "model_arn = 'us.anthropic.claude-haiku-4-5-20251001-v1:0'\nrole_arn = 'arn:aws:iam::1:role/x'\n"
    assert in_python(source) == {(A, "us.anthropic.claude-haiku-4-5-20251001-v1:0", 1)}


# --- a parameter named for one kind, read by a loader of another -----------------------------------------------------


def test_a_parameter_default_a_dataset_loader_reads_is_a_dataset_whatever_its_name() -> None:
    source = (
        "from datasets import load_dataset\n"
        'def preprocess(hf_path="openai/gsm8k", train_size=256):\n'
        '    return load_dataset(hf_path, "main")\n'
        'def convert(hf_path="acme/chat-7b"):\n'
        "    return hf_path.upper()\n"
    )
    assert in_python(source) == {(D, "openai/gsm8k", 2), (M, "acme/chat-7b", 4)}


def test_a_model_parameter_default_a_model_loader_reads_stays_one_model() -> None:
    source = (
        "from transformers import AutoModel\n"
        'def load(model_name="acme/chat-7b"):\n'
        "    return AutoModel.from_pretrained(model_name)\n"
    )
    assert in_python(source) == {(M, "acme/chat-7b", 2)}


def test_a_notebook_cell_of_bedrock_forms_is_read() -> None:
    import json

    cell = {
        "cell_type": "code",
        "metadata": {},
        "outputs": [],
        "execution_count": None,
        "source": [
            'base_model_arn = f"arn:aws:bedrock:{region}::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"\n',
            'compare(prompts, "amazon.nova-canvas-v1:0", provisioned_model_id)\n',
        ],
    }
    text = json.dumps({"cells": [cell], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}, indent=1)
    context = FileContext("nb/x.ipynb", lambda value: value.startswith(("./", "/")))
    found = {(r.kind, r.text) for r in NotebookSource().find(text, context)}
    assert found == {(A, "anthropic.claude-3-haiku-20240307-v1:0"), (A, "amazon.nova-canvas-v1:0")}


# --- Bicep ----------------------------------------------------------------------------------------------------------

BICEP = """targetScope = 'subscription'

@description('Name of the chat model to deploy, such as gpt-4o')
param chatGptModelName string = 'gpt-4o-mini'
param location string = resourceGroup().location
param openAiSkuName string = 'S0'
// param oldModel string = 'gpt-4'
/* model: 'gpt-35-turbo' */
param embeddingModelName string = ''

var chatGpt = {
  modelName: !empty(chatGptModelName) ? chatGptModelName : 'gpt-4o-mini'
  deploymentName: '${abbrs.openai}-gpt-4o'
}

module openAi 'core/ai/cognitiveservices.bicep' = if (deployAzureOpenAi) {
  name: 'openai'
  params: {
    name: !empty(openAiServiceName) ? openAiServiceName : '${abbrs.accounts}${toLower('x')}'
    deployments: [
      {
        name: 'embedding'
        model: {
          format: 'OpenAI'
          name: 'text-embedding-3-large'
          version: '1'
        }
        sku: { name: 'Standard', capacity: 30 }
      }
    ]
  }
}

resource app 'Microsoft.App/containerApps@2023-05-01' = {
  properties: {
    template: {
      containers: [
        {
          env: [
            { name: 'OLLAMA_MODEL', value: 'llama3.1' }
            { name: 'NOTE', value: 'it\\'s gpt-4 based' }
            {
              name: 'OPENAICOM_CHAT_MODEL'
              value: openAIChatHost == 'openaicom' ? 'gpt-3.5-turbo' : ''
            }
          ]
        }
      ]
    }
  }
}
output AZURE_OPENAI_EMB_MODEL_NAME string = 'text-embedding-ada-002'
"""


def in_config(source: str, path: str) -> set[tuple[Kind, str, int]]:
    context = FileContext(path, lambda text: text.startswith(("./", "/")))
    return {(r.kind, r.text, r.line) for r in ConfigSource().find(source, context)}


def test_bicep_parameters_variables_deployments_env_items_and_outputs_are_read() -> None:
    assert in_config(BICEP, "infra/main.bicep") == {
        (A, "gpt-4o-mini", 4),  # a parameter's default
        (A, "gpt-4o-mini", 12),  # the string a condition chooses
        (A, "text-embedding-3-large", 25),  # a deployment's `model: {name: ...}`
        (Kind.OLLAMA, "llama3.1", 40),  # a container's `env` item
        (A, "gpt-3.5-turbo", 44),  # an `env` item's value chosen by a condition
        (A, "text-embedding-ada-002", 52),  # an output named for a model
    }


@pytest.mark.parametrize(
    "source",
    [
        "@description('the chat model, such as gpt-4o')\nparam sku string = 'S0'\n",  # a decorator's prose
        "// param chatModelName string = 'gpt-4o'\n/* model: 'gpt-4' */\n",  # comments
        "param chatModelName string = '${prefix}-gpt-4o'\n",  # a placeholder's string
        "param chatModelName string = toLower('GPT-4O')\n",  # a call's argument
        "var x = {\n  note: 'gpt-4o'\n  modelName: chatModelName\n}\n",  # a key that names no model; a name
        "param modelName string = 'it\\'s'\nparam other string = 'gpt-4o'\n",  # an escape, then no model key
    ],
)
def test_bicep_look_alikes_name_nothing(source: str) -> None:
    assert in_config(source, "infra/main.bicep") == set()


def test_a_bicep_parameters_file_is_read() -> None:
    source = "using './main.bicep'\nparam embeddingModelName = 'text-embedding-3-small'\nparam location = 'eastus'\n"
    assert in_config(source, "infra/main.bicepparam") == {(A, "text-embedding-3-small", 2)}


def test_an_unclosed_bicep_file_is_read_as_far_as_it_goes() -> None:
    source = "param chatModelName string = 'gpt-4o'\nvar broken = {\n  modelName: 'gpt-4o-mini'\n  items: [\n"
    assert in_config(source, "main.bicep") == {(A, "gpt-4o", 1), (A, "gpt-4o-mini", 3)}


def test_the_config_route_takes_bicep_files() -> None:
    route = next(r for r in ROUTES if r.name == "ConfigSource")
    assert route.may_want("main", "bicep") and route.may_want("main", "bicepparam")
    assert ConfigSource().wants("infra/main.bicep") and not ConfigSource().wants("infra/main.bicep.bak")
