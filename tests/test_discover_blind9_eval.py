"""Forms found on LLM-evaluation frameworks the benchmark does not label (issue 16, ninth blind wave: HELM,
AlpacaEval): the Hub tokenizer a HELM tokenizer config names by its `name` when its spec is a Hugging Face tokenizer
class, hosted API names of older providers (Aleph Alpha's `luminous-*`, Vertex AI's `text-unicorn@001`), and a
provider's tokenizer names that are no model of its API (`ai21/j2-tokenizer`)."""

from __future__ import annotations

import pytest

from modelpolicy.discover import apis
from modelpolicy.discover.config import ConfigSource
from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.python import PythonSource
from modelpolicy.model import Kind

M, A, D = Kind.MODEL, Kind.API, Kind.DATASET


def find_in(source: str, path: str = "src/helm/config/tokenizer_configs.yaml") -> set[tuple[Kind, str, int]]:
    context = FileContext(path, lambda text: text.startswith(("./", "/")))
    return {(r.kind, r.text, r.line) for r in ConfigSource().find(source, context)}


# --- a HELM tokenizer config: the Hub repository is the entry's name -------------------------------------------------

TOKENIZERS = """\
tokenizer_configs:
  - name: mistralai/Mistral-7B-Instruct-v0.2
    tokenizer_spec:
      class_name: "helm.tokenizers.huggingface_tokenizer.HuggingFaceTokenizer"
    end_of_text_token: "</s>"
  - name: allenai/olmo-7b
    tokenizer_spec:
      class_name: "helm.tokenizers.huggingface_tokenizer.HuggingFaceTokenizer"
      args:
        trust_remote_code: true
  - name: meta/llama-3-8b
    tokenizer_spec:
      class_name: "helm.tokenizers.huggingface_tokenizer.HuggingFaceTokenizer"
      args:
        pretrained_model_name_or_path: meta-llama/Meta-Llama-3-8B
  - name: openai/cl100k_base
    tokenizer_spec:
      class_name: "helm.tokenizers.tiktoken_tokenizer.TiktokenTokenizer"
  - name: lightningai/lit-gpt
    tokenizer_spec:
      class_name: "helm.tokenizers.lit_gpt_tokenizer.LitGPTTokenizer"
"""


def test_a_hugging_face_tokenizer_spec_names_its_hub_repository_by_the_entry_name() -> None:
    found = find_in(TOKENIZERS)
    assert (M, "mistralai/Mistral-7B-Instruct-v0.2", 2) in found
    assert (M, "allenai/olmo-7b", 6) in found  # arguments that name no repository leave the name the repository


def test_arguments_that_name_the_repository_make_the_entry_name_an_alias() -> None:
    found = find_in(TOKENIZERS)
    assert (M, "meta-llama/Meta-Llama-3-8B", 15) in found
    assert not any(text == "meta/llama-3-8b" for _, text, _ in found)


def test_a_tokenizer_of_another_kind_names_no_hub_repository() -> None:
    found = {text for _, text, _ in find_in(TOKENIZERS)}
    assert "openai/cl100k_base" not in found  # tiktoken's encoding
    assert "lightningai/lit-gpt" not in found


@pytest.mark.parametrize(
    "entry",
    [
        # a model deployment served by the Hugging Face client: its `name` is HELM's deployment name
        'model_deployments:\n  - name: huggingface/gpt2\n    client_spec:\n      class_name: "helm.clients.'
        'huggingface_client.HuggingFaceClient"\n',
        # a class that only holds "tokenizer" and "hf" far apart
        "components:\n  - name: acme/tok\n    spec:\n      class_name: pkg.TokenizerForHfModels\n",
        # no spec beside the name
        "components:\n  - name: acme/tok\n    class_name: HuggingFaceTokenizer\n",
        # a local folder
        "tokenizer_configs:\n  - name: ./tokenizers/mine\n    tokenizer_spec:\n"
        "      class_name: HuggingFaceTokenizer\n",
    ],
    ids=["client-deployment", "other-class", "flat-class", "local-folder"],
)
def test_look_alikes_of_a_hub_tokenizer_entry_name_nothing(entry: str) -> None:
    assert find_in(entry, "config/tokenizers.yaml") == set()


def test_a_hydra_target_naming_a_hub_tokenizer_class_reads_the_name_too() -> None:
    source = "components:\n  - name: acme/tok-7b\n    spec:\n      _target_: acme.HFTokenizer\n"
    assert find_in(source, "conf/tokenizers.yaml") == {(M, "acme/tok-7b", 2)}


# --- hosted API names of older providers, and tokenizers named for a family ------------------------------------------


@pytest.mark.parametrize("name", ["text-unicorn@001", "google/text-unicorn@001", "vertex_ai/text-unicorn"])
def test_palm_2_unicorn_is_vertex_ai_s(name: str) -> None:
    assert apis.named(name) or apis.routed(name)


@pytest.mark.parametrize("name", ["ai21/j2-tokenizer", "ai21/jamba-1.5-mini-tokenizer", "j2-tokenizer"])
def test_a_tokenizer_named_for_an_ai21_family_is_no_model_of_its_api(name: str) -> None:
    assert apis.named(name) is None
    assert apis.routed(name) is None


@pytest.mark.parametrize("name", ["ai21/j2-ultra", "ai21/jamba-1.5-mini", "jamba-mini"])
def test_ai21_s_models_stay_its_api_s(name: str) -> None:
    assert apis.named(name) or apis.routed(name)


def test_helm_s_ai21_tokenizer_entries_name_nothing() -> None:
    source = (
        "tokenizer_configs:\n  - name: ai21/j2-tokenizer\n    tokenizer_spec:\n"
        '      class_name: "helm.tokenizers.ai21_tokenizer.AI21LocalTokenizer"\n'
    )
    assert find_in(source) == set()


# --- Python: several results returned together, and a legacy dataset's single name in a class attribute ---------------


def find(source: str) -> set[tuple[Kind, str, int]]:
    context = FileContext("pkg/scenario.py", lambda text: text.startswith(("./", "/")))
    return {(r.kind, r.text, r.line) for r in PythonSource().find(source, context)}


SEVERAL_RESULTS = """\
from datasets import load_dataset

def _load_dataset(dataset_name):
    if dataset_name == "MultiLexSum":
        dataset = load_dataset("allenai/multi_lexsum")
        article_key = "summary/long"
        summary_key = "summary/short"
    return dataset, article_key, summary_key
"""


def test_of_several_results_returned_together_only_the_one_named_for_the_kind_is_read() -> None:
    assert find(SEVERAL_RESULTS) == {(D, "allenai/multi_lexsum", 5)}


RETURNED_COLLECTIONS = """\
MODEL_A = "org/model-a"
MODEL_B = "gpt-4o"

def supported_models():
    return MODEL_A, MODEL_B

def other_models():
    return ("org/x-1", "org/y-2")

def load_model():
    model = "org/loaded-1"
    tokenizer = "org/loaded-tok"
    return model, tokenizer
"""


def test_a_returned_tuple_of_ids_is_still_a_collection_of_them() -> None:
    found = find(RETURNED_COLLECTIONS)
    assert {(M, "org/model-a", 1), (A, "gpt-4o", 2), (M, "org/x-1", 8), (M, "org/y-2", 8)} <= found
    assert {(M, "org/loaded-1", 11), (M, "org/loaded-tok", 12)} <= found


CLASS_ATTRIBUTE = """\
from datasets import load_dataset

class LexGLUEScenario:
    dataset_name = "lex_glue"

    def get_instances(self, config):
        return load_dataset(self.dataset_name, config)
"""


def test_a_legacy_dataset_s_single_name_under_a_dataset_attribute_is_read_by_the_loader() -> None:
    assert find(CLASS_ATTRIBUTE) == {(D, "lex_glue", 4)}


@pytest.mark.parametrize(
    "attribute",
    [
        'backend = "auto"',  # a word under a name that says nothing of datasets
        'dataset_name = "data/train.json"',  # a local file
        'dataset_name = "json"',  # a builder
    ],
)
def test_a_class_attribute_that_names_no_dataset_is_not_read(attribute: str) -> None:
    attribute_name = attribute.partition(" ")[0]
    source = CLASS_ATTRIBUTE.replace('dataset_name = "lex_glue"', attribute).replace(
        "self.dataset_name", f"self.{attribute_name}"
    )
    assert find(source) == set()


# --- Python: a function's variable passed to a helper that gives it to a loader -------------------------------------

PASSED_FROM_A_METHOD = """\
from datasets import load_dataset

class LegalSummarizationScenario:
    def _download_dataset(self, hf_name, output_path):
        return load_dataset(hf_name, cache_dir=output_path)

    def _load_dataset(self, dataset_name, output_path):
        if dataset_name == "BillSum":
            hf_name = "billsum"
            dataset = self._download_dataset(hf_name, output_path)
        elif dataset_name == "MultiLexSum":
            hf_name = "allenai/multi_lexsum"
            dataset = self._download_dataset(hf_name, output_path)
        return dataset
"""


def test_a_method_s_variable_passed_to_a_helper_is_read_by_the_helper_s_loader() -> None:
    found = find(PASSED_FROM_A_METHOD)
    assert {(D, "billsum", 9), (D, "allenai/multi_lexsum", 12)} <= found


PASSED_FROM_A_FUNCTION = """\
from transformers import AutoModel

def load(name):
    return AutoModel.from_pretrained(name)

def main():
    checkpoint_source = "acme/encoder-7b"
    return load(checkpoint_source)
"""


def test_a_function_s_variable_passed_to_a_helper_is_read_by_the_helper_s_loader() -> None:
    assert find(PASSED_FROM_A_FUNCTION) == {(M, "acme/encoder-7b", 7)}


@pytest.mark.parametrize(
    "body",
    [
        # a loop's variable: each item is read where the list is, not here
        "    for source in sources:\n        load(source)\n",
        # bound after the call
        '    load(source)\n    source = "acme/encoder-7b"\n',
        # rebound from itself: a folder the program writes, named after the id
        '    source = "acme/encoder-7b"\n    source = source.split("/")[-1]\n    load(source)\n',
        # a local folder
        '    source = "./checkpoints/encoder"\n    load(source)\n',
    ],
    ids=["loop", "bound-after", "rebound", "local-folder"],
)
def test_a_variable_that_holds_no_id_where_it_is_passed_names_nothing(body: str) -> None:
    source = (
        "from transformers import AutoModel\n\ndef load(name):\n    return AutoModel.from_pretrained(name)\n\n"
        f"def main(sources, source=None):\n{body}"
    )
    assert find(source) == set()


# --- Python: a table of aliases written in the program's own owner/name namespace ----------------------------------

ALIASES = """\
from transformers import pipeline

class HuggingFaceVLMClient:
    _models_aliases = {
        "huggingface/llava-1.5-7b-hf": "llava-hf/llava-1.5-7b-hf",
        "huggingface/prometheus-vision-13b-v1.0-hf": "PahaII/prometheus-vision-13b-v1.0-hf",
    }

    def _get_model(self, model_name):
        model_id = self._models_aliases.get(model_name, model_name)
        return pipeline("image-to-text", model=model_id)
"""


def test_a_table_named_for_aliases_reads_the_ids_it_maps_to_not_its_own_names() -> None:
    assert find(ALIASES) == {
        (M, "llava-hf/llava-1.5-7b-hf", 5),
        (M, "PahaII/prometheus-vision-13b-v1.0-hf", 6),
    }


def test_a_table_of_models_mapping_ids_to_ids_reads_both() -> None:
    source = 'MODEL_RENAMES = {\n    "acme/old-7b": "acme/new-7b",\n    "acme/old-13b": "acme/new-13b",\n}\n'
    assert find(source) == {
        (M, "acme/old-7b", 2),
        (M, "acme/new-7b", 2),
        (M, "acme/old-13b", 3),
        (M, "acme/new-13b", 3),
    }


@pytest.mark.parametrize(
    "table",
    [
        '_models_aliases = {\n    "acme/x-7b": "Acme X 7B",\n    "acme/y-7b": "Acme Y 7B",\n}\n',  # labels
        '_models_aliases = {\n    "acme/x-7b": "gpt-4o",\n    "acme/y-7b": "gpt-4o-mini",\n}\n',  # Hub ids to APIs
    ],
    ids=["labels", "hub-to-api"],
)
def test_an_alias_table_whose_values_are_no_hub_ids_keeps_its_hub_keys(table: str) -> None:
    assert {(M, "acme/x-7b", 2), (M, "acme/y-7b", 3)} <= find(table)


# --- Python: OpenFlamingo's vision encoder, open_clip's weights under its own keywords -------------------------------

FLAMINGO = """\
from open_flamingo import create_model_and_transforms

model, image_processor, tokenizer = create_model_and_transforms(
    clip_vision_encoder_path="ViT-L-14",
    clip_vision_encoder_pretrained="openai",
    lang_encoder_path=lang_encoder,
    tokenizer_path=lang_encoder,
)
"""


def test_openflamingo_s_vision_encoder_is_open_clip_s_repository_for_its_architecture_and_tag() -> None:
    assert find(FLAMINGO) == {(M, "timm/vit_large_patch14_clip_224.openai", 5)}


def test_an_unknown_tag_under_openflamingo_s_keywords_names_nothing() -> None:
    assert find(FLAMINGO.replace('"openai"', '"my-own-run"')) == set()


# --- 01.AI's chat model by its plain name where a file calls 01.AI's hosts ------------------------------------------

YI_CONFIG = """\
Yi-34B-Chat-Verified:
  fn_completions: "openai_completions"
  completions_kwargs:
    model_name: "yi-34b-chat"
    client_kwargs:
      base_url: "http://api.01ww.xyz/v1"
"""


def test_yi_34b_chat_is_01_ai_s_api_model_beside_its_host() -> None:
    assert find_in(YI_CONFIG, "models_configs/yi/configs.yaml") == {(A, "yi-34b-chat", 4)}


def test_yi_34b_chat_elsewhere_is_no_api_model() -> None:
    source = YI_CONFIG.replace("http://api.01ww.xyz/v1", "http://127.0.0.1:8000/v1")
    assert not any(kind is A for kind, _, _ in find_in(source, "models_configs/yi/configs.yaml"))
