"""The Hub repo-id grammar and the path heuristic every discovery source shares."""

from __future__ import annotations

import pytest

from modelpolicy.discover.identity import PACKAGED_BUILDERS, HubId, looks_like_path, parse_hub_id, without_env_defaults

LONGEST = "o" * 96


@pytest.mark.parametrize(
    ("text", "repo_id", "revision"),
    [
        ("org/name", "org/name", None),
        ("meta-llama/Llama-3.1-8B-Instruct", "meta-llama/Llama-3.1-8B-Instruct", None),
        ("Org_1/Name-2.5", "Org_1/Name-2.5", None),
        ("org/name_", "org/name_", None),
        ("a/b", "a/b", None),
        ("gpt2", "gpt2", None),
        ("bert-base-uncased", "bert-base-uncased", None),
        ("org/name@main", "org/name", "main"),
        ("org/name@4f3c2a1b9e", "org/name", "4f3c2a1b9e"),
        ("gpt2@v1.0", "gpt2", "v1.0"),
        ("org/name@", "org/name", None),
        ("  org/name  ", "org/name", None),
        (f"{LONGEST}/{LONGEST}", f"{LONGEST}/{LONGEST}", None),
        (LONGEST, LONGEST, None),
        ("openai/gpt-oss-120b:fastest", "openai/gpt-oss-120b", None),  # the Inference Providers router's choice
        ("deepseek-ai/DeepSeek-R1:novita", "deepseek-ai/DeepSeek-R1", None),
        ("meta-llama/Llama-3.1-8B-Instruct:Cerebras", "meta-llama/Llama-3.1-8B-Instruct", None),
        # a media word that does not end the name as a file's suffix
        ("org/pdf-extractor.v1", "org/pdf-extractor.v1", None),
        ("org/png-classifier", "org/png-classifier", None),
        ("org/model-md", "org/model-md", None),
        ("microsoft/Phi-3.5-mini-instruct", "microsoft/Phi-3.5-mini-instruct", None),
    ],
)
def test_parse_hub_id_accepts(text: str, repo_id: str, revision: str | None) -> None:
    assert parse_hub_id(text) == HubId(repo_id, revision)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "@main",
        "org/",
        "/name",
        "org/name/extra",
        "org/na me",
        "org name",
        "org/name:latest",
        "https://huggingface.co/org/name",
        # '--' and '..' anywhere
        "a--b/c",
        "org/a--b",
        "a..b/c",
        "org/a..b",
        # leading or trailing '-' or '.'
        "-x/y",
        "x-/y",
        ".x/y",
        "x./y",
        "x/-y",
        "x/y-",
        "x/.y",
        "x/y.",
        "-gpt2",
        "gpt2.",
        # 96 characters per part at most
        f"{'o' * 97}/x",
        f"x/{'n' * 97}",
        "n" * 97,
        # file names, not repositories
        "org/model.safetensors",
        "model.bin",
        "org/config.json",
        "org/m.GGUF",
        "weights.pt",
        "data.csv",
        "org/tokenizer.model",
        "org/model.safetensors@main",
        "reports/plot.png",
        "figures/Loss.PDF",
        "docs/model-card.md",
        "audio/sample.wav",
        "cache/embeddings.npy",
        # paths
        "./x",
        "../x",
        "/abs/x",
        "~/x",
        "C:\\models\\x",
        # a tag or a provider the router does not know is no part of a Hub id
        "org/x:latest",
        "org/x:Q4_K_M",
        "gpt2:fastest",
        "org/x:myprovider",
    ],
)
def test_parse_hub_id_rejects(text: str) -> None:
    assert parse_hub_id(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("./x", True),
        ("../x", True),
        ("/abs/x", True),
        ("~/x", True),
        ("~", True),
        (".\\x", True),
        ("C:\\models\\x", True),
        ("models\\x", True),
        (".", True),
        ("..", True),
        ("org/name", False),
        ("gpt2", False),
        ("checkpoints/run1", True),  # a project's own folder, not an organisation
        ("outputs/sft", True),
        ("saves/llama3-8b/lora", True),
        ("models/llama-2-7b", True),
        ("pretrained_models/spkrec-ecapa-voxceleb", True),
        ("hf_models/DeepSeek-R1-Distill-Qwen-1.5B", True),  # a folder's name of words joined by `_`
        ("pretrained_models/bert", True),
        ("saved_checkpoints/run-3", True),
        ("folder/simple-dataset", True),  # a project's folder of its own records
        ("images/val", True),  # a folder of pictures a dataset builder reads
        ("dataset/train", True),
        ("Folder/x", True),
        ("folder-ai/model", False),  # an owner that only starts so
        ("sub_folder/data", True),
        ("google-research-datasets/mbpp", False),  # an organisation's name joined by `-`
        ("meta-models/x", False),
        ("_models/x", False),  # no word before the folder's
        ("hf_internal/x", False),  # the last word not a folder's
        ("v1/models", True),  # a web API's route (`ListModelPath: "v1/models"`)
        ("v1beta/models", True),
        ("v2beta/stable-image", True),
        ("V1/chat", True),
        ("v1-org/model", False),  # an owner that only starts so
        ("vicuna/v1", False),
        ("lmsys/vicuna-7b-v1.5", False),
        ("x.y", False),
        ("", False),
        ("image/png", True),  # media types, not repositories
        ("audio/mpeg", True),
        ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", True),
        ("Text/Plain", True),
        ("imagenet/resnet", False),  # owners that only start so
        ("textattack/bert-base-uncased-imdb", False),
        ("videomae/base", False),
        ("api/tags", True),  # Ollama's REST routes: the Hub keeps `api` from its users
        ("api/embed", True),
        ("chat/completions", True),
        ("docs/quickstart", True),
        ("apple/OpenELM-270M", False),  # owners that only start so
        ("chatglm/chatglm-6b", False),
        ("docsgpt/model", False),
        ("kubeai.org/v1", True),  # a Kubernetes apiVersion: a domain's API group and its version
        ("serving.kserve.io/v1beta1", True),
        ("kaito.sh/v1alpha1", True),
        ("kubeai.org/v1-model", False),  # a name that only starts so
        ("org/v1", False),  # no domain: an owner's repository named so
        ("microsoft/Phi-3.5-mini-instruct", False),
    ],
)
def test_looks_like_path(text: str, expected: bool) -> None:
    assert looks_like_path(text) is expected


@pytest.mark.parametrize(
    ("name", "packaged"),
    [
        ("json", True),
        ("csv", True),
        ("parquet", True),
        ("text", True),
        ("imagefolder", True),
        ("squad", False),
    ],
)
def test_packaged_builders(name: str, packaged: bool) -> None:
    assert (name in PACKAGED_BUILDERS) is packaged


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("${MODEL:-org/x}", "org/x"),
        ("${MODEL-org/x}", "org/x"),
        ("${MODEL:org/x}", "org/x"),
        ("${MODEL:=org/x}", "org/x"),
        ("${A:-${B:-org/x}}", "org/x"),
        ("$${MODEL:-org/x}", "org/x"),
        ("${MODEL}", "${MODEL}"),
        ("org/x", "org/x"),
        ("${{ github.event.inputs.model || 'org/x' }}", "org/x"),  # a GitHub Actions expression's fallback
        ("${{inputs.model||'gpt-4o'}}", "gpt-4o"),
        ("${{ inputs.a || inputs.b }}", "${{ inputs.a || inputs.b }}"),  # no literal to fall back to
        ("${{ inputs.fast && 'org/a' || 'org/b' }}", "${{ inputs.fast && 'org/a' || 'org/b' }}"),  # a choice
        ("${{ inputs.model }} || 'org/x'", "${{ inputs.model }} || 'org/x'"),
    ],
)
def test_without_env_defaults(text: str, expected: str) -> None:
    assert without_env_defaults(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("your-hugging-face-hub-account/roberta-peft", True),
        ("YourOrg/model", True),
        ("username/model", True),
        ("org/model", False),
        ("yourself-ai/model", True),  # an owner that starts so is read as a stand-in: a rare real one loses little
        ("gpt2", False),
        ("meta-llama/your-model-path", True),  # the name to replace
        ("acme/YOUR_MODEL", True),
        ("coqui/YourTTS", False),  # a real name that only starts so
        ("test/model", True),  # a test fixture's stand-in: the whole owner or the whole name is `test`
        ("test/tokenizer-partial", True),
        ("cleanup/test", True),
        ("Tests/model", True),
        ("hf-internal-testing/tiny-random-gpt2", False),  # real testing repositories a test loads
        ("org/test-model", False),
        ("testing/model", False),
        ("mteb/tests-data", False),
        ("fake/path", True),  # owners a test or an example makes up
        ("fake/qwen3_5_moe", True),
        ("Dummy/model", True),
        ("mock/model", True),
        ("owner/repo", True),
        ("foo/bar", True),
        ("some/other-model", True),
        ("Example/Model", True),
        ("user/dataset", True),
        ("lorem/ipsum", True),  # filler text
        ("sit/amet", True),
        ("org/lorem-ipsum-model", False),
        ("fake-org/model", False),  # an owner that only starts so
        ("examples-org/model", False),
        ("org/fake", False),  # a name, not an owner
        ("hf-internal-testing/dummy", False),
        ("custom/mlx-model", True),  # a test's stand-in for the user's own model
        ("Custom/dataset", True),
        ("customer-org/model", False),  # an owner that only starts so
        ("org/custom", False),  # a name, not an owner
        ("default/model", True),  # a sentinel a program replaces
        ("Default/dataset", True),
        ("defaultorg/model", False),  # an owner that only starts so
        ("org/default", False),  # a name, not an owner
        ("example.com/model", True),  # a reserved example domain as the owner
        ("Example.org/dataset", True),
        ("example-com/model", False),
        ("custom/no-metadata", True),  # a catalogue test's stand-ins for a provider's model
        ("provider/model-a", True),
        ("Vendor/model", True),
        ("customs-ai/model", False),  # an owner that only starts so
        ("org/custom", False),  # a name, not an owner
        ("customer-ai/model", False),
        ("unknown/model", True),  # a test's repository that must not be found (RamaLama's shortname tests)
        ("nonexistent/repo", True),
        ("Non-Existent/model", True),
        ("bogus/model", True),
        ("unknown-org/model", False),  # an owner that only starts so
        ("org/unknown", False),  # a name, not an owner
        ("xx/xxx", True),  # an owner or name masked with x's (MetaGPT's provider tests)
        ("XXXX/model", True),
        ("org/xxx", True),
        ("x/model", False),  # one x is a name (X's own repositories)
        ("xai-org/grok-1", False),
        ("org/xxx-large", False),  # a name that only starts so
    ],
)
def test_placeholder_ids(text: str, expected: bool) -> None:
    from modelpolicy.discover.identity import is_placeholder

    assert is_placeholder(text) is expected
