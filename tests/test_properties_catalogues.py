"""Property-based tests (profile: test_properties.py) of the recognisers fed by the knowledge base's catalogues:
hosted API providers (`apis.toml`, discover/apis.py), model-server images (`servers.toml`, discover/images.py) and
the Ollama library (`ollama.toml`, discover/ollama.py). On any text they raise nothing and answer only with what the
text holds; look-alikes of a catalogue's entries (Hub ids, generic images, local paths) name none of them."""

from __future__ import annotations

import fnmatch

from hypothesis import example, given
from hypothesis import strategies as st

from modelpolicy.discover import apis, images, ollama
from modelpolicy.knowledge import load as load_knowledge
from modelpolicy.knowledge.servers import ImageName
from modelpolicy.model import Kind
from tests.test_properties import any_text, file_text, hub_ids, syntax_text

KNOWLEDGE = load_knowledge()
PROVIDER_KEYS = frozenset(p.key for p in KNOWLEDGE.providers)
ROUTES = sorted({route for p in KNOWLEDGE.providers for route in p.routes})
IMAGES = sorted({image for s in KNOWLEDGE.servers for image in s.images if "*" not in image})
OLLAMA_NAMES = sorted(KNOWLEDGE.ollama_names())
GENERIC_IMAGES = ["python", "ubuntu", "nvidia/cuda", "nginx", "redis", "busybox", "postgres", "alpine", "node"]
_TAG = st.text(st.sampled_from("abcdefghij0123456789.-_"), min_size=1, max_size=12).filter(lambda t: t[0] not in ".-")
tags = st.one_of(st.none(), _TAG)
# Text that is near the catalogues: their names, routes and patterns' stems, joined with anything.
_STEMS = [*ROUTES, *IMAGES, *OLLAMA_NAMES, "gpt-", "claude-", "gemini-", ":", "/", "@", "${MODEL:-", "}", "#"]
near_text = st.lists(st.one_of(st.sampled_from(_STEMS), syntax_text, hub_ids), max_size=6).map("".join)
texts = st.one_of(any_text, file_text, near_text)


def with_tag(name: str, tag: str | None) -> str:
    return f"{name}:{tag}" if tag else name


# ------------------------------------------------------------------------------------------------ apis.toml


@given(texts, st.frozensets(st.sampled_from(sorted(PROVIDER_KEYS))))
@example("openai/" + "gpt-4" * 20_000, frozenset())
@example("\udcff:gpt-4o", frozenset({"openai"}))
def test_api_recognisers_answer_with_what_the_text_holds(text: str, in_context: frozenset[str]) -> None:
    routed = apis.routed(text)
    assert routed is None or routed == text.strip()
    named = apis.named(text, in_context)
    assert named is None or (named in text and not any(c.isspace() for c in named))
    assert apis.contexts(text) <= PROVIDER_KEYS


@given(hub_ids.filter(lambda repo_id: repo_id != repo_id.lower()))
def test_a_hub_id_with_capitals_is_never_routed_to_an_api(repo_id: str) -> None:
    assert apis.routed(repo_id) is None


@given(st.sampled_from(ROUTES), hub_ids)
def test_a_route_names_an_api_only_when_the_provider_serves_the_rest(route: str, name: str) -> None:
    text = (route + name).lower()
    found = KNOWLEDGE.routed(text)
    if apis.routed(text):
        assert found is not None
        provider, rest = found
        assert not any(fnmatch.fnmatchcase(rest, pattern) for pattern in provider.exclude)


@given(st.sampled_from(["./", "../", "/srv/", "~/", "checkpoints/"]), st.sampled_from(["gpt-4o", "claude-3-haiku"]))
def test_a_local_path_named_after_an_api_model_is_no_api_model(folder: str, name: str) -> None:
    assert apis.named(folder + name) is None
    assert apis.routed(folder + name) is None


# ------------------------------------------------------------------------------------------------ servers.toml


@given(texts, st.dictionaries(st.sampled_from(["TAG", "IMAGE", "VERSION"]), file_text, max_size=2))
@example("vllm/vllm-openai:" + "v" * 100_000, {})
@example("nvcr.io#" * 10_000, {})
@example("${IMAGE:-${IMAGE:-${IMAGE:-vllm/vllm-openai}}}", {"IMAGE": "${IMAGE}"})
def test_server_image_answers_only_with_a_catalogue_server(text: str, known: dict[str, str]) -> None:
    found = images.server_image(text, known)
    assert found is None or KNOWLEDGE.server(ImageName.parse(found).repository) is not None, found


@given(st.sampled_from(IMAGES), tags, st.sampled_from(["", "docker://", "docker.io/"]))
def test_a_catalogue_image_is_a_server_with_its_tag(image: str, tag: str | None, prefix: str) -> None:
    if prefix == "docker.io/" and "." in image.split("/", 1)[0]:
        return  # a registry of its own cannot sit under docker.io
    found = images.server_image(prefix + with_tag(image, tag))
    assert found is not None
    assert found.lower().endswith(with_tag(image, tag).lower())


@given(st.sampled_from(GENERIC_IMAGES), tags, st.sampled_from(["", "docker.io/", "docker.io/library/"]))
def test_generic_images_are_no_servers(image: str, tag: str | None, prefix: str) -> None:
    if prefix.endswith("library/") and "/" in image:
        return
    assert images.server_image(prefix + with_tag(image, tag)) is None


@given(st.sampled_from(IMAGES), st.sampled_from(["-fork", "x", "/sub"]))
def test_a_look_alike_of_a_catalogue_image_is_no_server_unless_a_pattern_names_it(image: str, suffix: str) -> None:
    look_alike = image + suffix
    found = images.server_image(look_alike)
    assert (found is not None) == (KNOWLEDGE.server(look_alike) is not None)


# ------------------------------------------------------------------------------------------------ ollama.toml


@given(texts, st.sampled_from(list(ollama.Context)))
@example("llama3.1:" + "8b" * 100_000, ollama.Context.CERTAIN)
@example("hf.co/" + "a/" * 50_000, ollama.Context.NAMED)
def test_ollama_recogniser_answers_with_what_the_text_holds(text: str, context: ollama.Context) -> None:
    found = ollama.recognise(text, context)
    if found is not None:
        kind, name = found
        assert kind in (Kind.OLLAMA, Kind.MODEL)
        assert name in text and name == name.strip()
        assert kind is Kind.OLLAMA or "/" in name
    prefixed = ollama.prefixed(text)
    assert prefixed is None or prefixed[1] in text


@given(st.sampled_from(OLLAMA_NAMES), tags, st.sampled_from(list(ollama.Context)))
def test_a_library_name_with_any_tag_is_an_ollama_model(name: str, tag: str | None, context: ollama.Context) -> None:
    assert ollama.recognise(with_tag(name, tag), context) == (Kind.OLLAMA, with_tag(name, tag))


@given(hub_ids.filter(lambda repo_id: "/" in repo_id))
def test_a_hub_id_under_a_name_that_only_says_ollama_is_no_ollama_model(repo_id: str) -> None:
    assert ollama.recognise(repo_id, ollama.Context.NAMED) is None


@given(st.sampled_from(["ollama/ollama", "ollama/ollama:0.5.7", "ollama_chat/"]))
def test_the_ollama_server_image_is_no_ollama_model(text: str) -> None:
    assert ollama.prefixed(text) is None
