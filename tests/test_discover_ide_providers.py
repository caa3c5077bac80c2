"""Hosted APIs and Ollama library names an IDE assistant's provider classes use (found by labelling
continuedev/continue blind): open models served by plain name at Scaleway, OVHcloud AI Endpoints and the CometAPI
gateway (theirs only where the file shows that API), Inception Labs' Mercury, Xiaomi's MiMo API, Bedrock's
rerankers, and older Ollama library models; with the look-alikes that stay out."""

from __future__ import annotations

import pytest

from modelpolicy.discover import apis
from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.javascript import JavaScriptSource
from modelpolicy.knowledge import load
from modelpolicy.model import Artefact, Kind, Resolved, Unresolved
from modelpolicy.resolve import default_resolvers, resolve_all

A, OL = Kind.API, Kind.OLLAMA


def javascript(text: str) -> list[tuple[Kind, str, int]]:
    found = JavaScriptSource().find(text, FileContext("core/llm/llms/Provider.ts", lambda value: False))
    return [(r.kind, r.text, r.line) for r in found]


@pytest.mark.parametrize(
    ("marker", "name", "provider"),
    [
        ('apiBase: "https://api.scaleway.ai/v1/"', "llama-3.3-70b-instruct", "scaleway"),
        ('apiBase: "https://api.scaleway.ai/v1/"', "qwen3-coder-30b-a3b-instruct", "scaleway"),
        ('static providerName = "scaleway";', "gemma-3-27b-it", "scaleway"),
        (
            'apiBase: "https://api.scaleway.ai/v1/"',
            "mistral-small-3.1-24b-instruct-2503",
            "scaleway",
        ),  # no Mistral API name
        ('apiBase: "https://oai.endpoints.kepler.ai.cloud.ovh.net/v1/"', "Meta-Llama-3_3-70B-Instruct", "ovhcloud"),
        ('apiBase: "https://oai.endpoints.kepler.ai.cloud.ovh.net/v1/"', "Qwen2.5-Coder-32B-Instruct", "ovhcloud"),
        ('static providerName = "ovhcloud";', "mamba-codestral-7B-v0.1", "ovhcloud"),
        ('apiBase: "https://api.cometapi.com/v1/"', "deepseek-v3.1", "cometapi"),
        ('static providerName = "cometapi";', "qwen3-30b-a3b", "cometapi"),
        ('apiBase: "https://api.inceptionlabs.ai/v1/"', "mercury", "inception"),
        # LlamaIndex.TS's clients and key for them
        ("const e = new JinaAIEmbedding({ model });", "jina-clip-v1", "jina"),
        ("const llm = new OVHcloudLLM({ model });", "Meta-Llama-3_3-70B-Instruct", "ovhcloud"),
        ("const e = new OVHcloudEmbedding({ model });", "BGE-M3", "ovhcloud"),
        ("apiKey: process.env.OVHCLOUD_API_KEY", "gpt-oss-120b", "ovhcloud"),
    ],
)
def test_open_models_count_where_their_host_is_seen(marker: str, name: str, provider: str) -> None:
    seen = apis.contexts(marker)
    assert provider in seen
    assert apis.named(name, seen) == name
    found = load().provider(name, contextual=True, among=seen)
    assert found is not None and found.key == provider
    assert apis.named(name) is None  # written alone, the same name is a Hub model's or nothing


@pytest.mark.parametrize(
    ("name", "provider"),
    [
        ("mercury-coder-small", "inception"),
        ("mercury-coder", "inception"),
        ("mercury-editor-small-experimental", "inception"),
        ("mimo-v2-flash", "xiaomi-mimo"),
        ("morph-v3-large", "morph"),
        ("morph-v3-fast", "morph"),
        ("morph-embedding-v2", "morph"),
        ("cohere.rerank-english-v2.0", "bedrock"),
        ("cohere.rerank-v3-5:0", "bedrock"),
        ("amazon.rerank-v1:0", "bedrock"),
    ],
)
def test_provider_names_count_wherever_written(name: str, provider: str) -> None:
    found = load().provider(name)
    assert found is not None and found.key == provider
    assert load().family(found.license) is not None


@pytest.mark.parametrize(
    ("name", "words"),
    [
        # the same names where the file only speaks of the host, or not at all
        ("llama-3.3-70b-instruct", "// Scaleway is a cloud; see docs"),
        ("Meta-Llama-3_3-70B-Instruct", "const providers = ['ovh', 'aws'];"),
        ("deepseek-v3", "// CometAPI gateway comparison"),
        ("mercury", "const planets = ['mercury', 'venus'];"),
        # open weights with their owner stay Hub ids
        ("XiaomiMiMo/MiMo-V2-Flash", 'apiBase: "https://api.xiaomimimo.com/v1/"'),
        ("MiMo-V2-Flash", ""),
        # a word or a package like Morph's names (a DOM-diffing library, an animation's target) is none of its models
        ("morphdom", ""),
        ("morph-target", ""),
        ("morph", 'const BASE = "https://api.morphllm.com/v1";'),
    ],
)
def test_look_alikes_are_no_api_name(name: str, words: str) -> None:
    assert apis.named(name, apis.contexts(words)) is None


def test_a_provider_class_reads_its_default_and_its_table() -> None:
    found = javascript(
        "class Scaleway extends OpenAI {\n"
        '  static providerName = "scaleway";\n'
        '  static defaultOptions = { apiBase: "https://api.scaleway.ai/v1/", model: "qwen3-coder-30b-a3b-instruct" };\n'
        "  private static MODEL_IDS: { [name: string]: string } = {\n"
        '    "llama3.3-70b": "llama-3.3-70b-instruct",\n'
        '    "gemma-3-27b": "gemma-3-27b-it",\n'
        "  };\n"
        "}\n"
    )
    assert found == [
        (A, "qwen3-coder-30b-a3b-instruct", 3),
        (A, "llama-3.3-70b-instruct", 5),
        (A, "gemma-3-27b-it", 6),
    ]


def resolved(model: str) -> Resolved | Unresolved:
    return resolve_all((Artefact(Kind.OLLAMA, model, None, ()),), default_resolvers())[0].resolution


@pytest.mark.parametrize(
    ("model", "expected"),
    [
        ("phi:2.7b", "mit"),
        ("phind-codellama:34b-v2", "llama2"),
        ("wizardcoder:7b-python", "llama2"),
        ("wizardcoder:33b", "deepseek"),
        ("zephyr:7b", "mit"),
        ("zephyr:141b", "apache-2.0"),
        ("starcoder:1b", "bigcode-openrail-m"),
    ],
)
def test_older_library_models_resolve_to_their_upstream_licence(model: str, expected: str) -> None:
    resolution = resolved(model)
    assert isinstance(resolution, Resolved), resolution
    assert resolution.terms.license == expected


def test_an_ollama_alias_table_reads_the_library_tags() -> None:
    found = javascript(
        'class Ollama {\n  private modelMap: Record<string, string> = {\n    "phi-2": "phi:2.7b",\n'
        '    "zephyr-7b": "zephyr:7b",\n    "nosuch-7b": "nosuch:7b",\n  };\n}\n'
    )
    assert found == [(OL, "phi:2.7b", 3), (OL, "zephyr:7b", 4)]  # a tag the library does not list is no Ollama name


def test_a_routers_own_choice_is_no_hub_model() -> None:
    found = javascript('class ClawRouter {\n  static defaultOptions = { model: "blockrun/auto" };\n}\n')
    assert found == []
    assert javascript('const config = { model: "org/auto-coder-7b" };') == [(Kind.MODEL, "org/auto-coder-7b", 1)]
    # the router's other profiles, given one by one to its client in a loop over them
    profiles = 'const profiles = ["blockrun/eco", "blockrun/premium", "blockrun/free"];\n'
    assert javascript(profiles + "for (const p of profiles) new ClawRouter({ model: p });\n") == []
    assert javascript('const config = { model: "org/free-llm-7b" };') == [(Kind.MODEL, "org/free-llm-7b", 1)]
