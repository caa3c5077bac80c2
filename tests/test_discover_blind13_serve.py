"""Forms found on model-serving projects the benchmark does not label (thirteenth blind wave: pytorch/torchchat,
vllm-project/semantic-router)."""

from __future__ import annotations

from modelpolicy.discover.config import ConfigSource
from modelpolicy.discover.interface import FileContext
from modelpolicy.model import Kind

M, D = Kind.MODEL, Kind.DATASET


def find_config(text: str, path: str = "app/catalogue.json") -> set[tuple[Kind, str, int]]:
    return {(r.kind, r.text, r.line) for r in ConfigSource().find(text, FileContext(path, lambda _: False))}


# --- a mapping that says it comes from the Hub, by a key's last word ---------------------------------------------


def test_a_catalogue_entry_from_a_hub_channel_names_its_repository() -> None:
    text = """\
{
  "small": {
    "aliases": ["tiny"],
    "distribution_channel": "HuggingFaceSnapshot",
    "distribution_path": "acme-lab/tiny-chat-1b"
  },
  "web": {"distribution_channel": "DirectDownload", "distribution_path": "acme-lab/not-from-hub-2b"}
}
"""
    assert find_config(text) == {(M, "acme-lab/tiny-chat-1b", 5)}


def test_a_hub_source_named_for_datasets_makes_its_repository_a_dataset() -> None:
    text = "corpus:\n  kind: x\n  model_source: huggingface_dataset\n  data_repo: acme-lab/corpus-v2\n"
    assert find_config(text, "conf/data.yaml") == {(D, "acme-lab/corpus-v2", 4)}


def test_a_local_path_of_a_hub_mapping_names_nothing() -> None:
    text = "tok:\n  type: HuggingFaceTokenizer\n  cache_path: ./cache/tokenizers\n  local_path: /models/tok\n"
    assert find_config(text, "conf/tok.yaml") == set()


# --- a bash array named for the plural of a name that holds a model --------------------------------------------------


def find_shell(text: str, path: str = "scripts/validate.sh") -> set[tuple[Kind, str, int]]:
    from modelpolicy.discover.shell import ShellSource

    return {(r.kind, r.text, r.line) for r in ShellSource().find(text, FileContext(path, lambda _: False))}


def test_an_array_named_for_model_repos_reads_each_item() -> None:
    text = 'MODEL_REPOS=(\n    "acme-lab/tiny-chat-1b"\n    # "acme-lab/off-2b"\n    "acme-lab/coder-7b"\n)\n'
    assert find_shell(text) == {(M, "acme-lab/tiny-chat-1b", 2), (M, "acme-lab/coder-7b", 4)}


def test_an_array_named_for_something_else_stays_unread() -> None:
    assert find_shell('PATHS=("acme-lab/tiny-chat-1b" "x/y")\nREPO_URLS=("acme-lab/a-1b")\n') == set()


# --- a heredoc given to a Python interpreter --------------------------------------------------------------------------


def test_a_python_heredoc_is_read_as_python() -> None:
    text = """\
set -e
python3 - <<'PY'
from huggingface_hub import snapshot_download
for repo in ["acme-lab/guard-1b", "acme-lab/embed-small"]:
    snapshot_download(repo_id=repo)
PY
echo done
"""
    assert find_shell(text) == {(M, "acme-lab/guard-1b", 4), (M, "acme-lab/embed-small", 4)}


def test_a_heredoc_given_to_another_program_is_not_python() -> None:
    text = "cat <<'EOF'\nsnapshot_download('acme-lab/guard-1b')\nEOF\n"
    assert find_shell(text) == set()


# --- a string that is a comma-separated list of URLs --------------------------------------------------------------


def find_python(source: str) -> set[tuple[Kind, str, int]]:
    from modelpolicy.discover.python import PythonSource, read_whole

    context = FileContext("ci/gather.py", lambda _: False)
    by_statements = {(r.kind, r.text, r.line) for r in PythonSource().find(source, context)}
    assert by_statements == {(r.kind, r.text, r.line) for r in read_whole(source, context)}
    return by_statements


def test_each_hub_url_of_a_comma_separated_list_is_read() -> None:
    source = (
        "FILES = {\n"
        '    "tiny": "https://huggingface.co/acme-lab/tiny-lm/resolve/main/w.pt,https://example.com/acme/tok.model",\n'
        "}\n"
    )
    assert find_python(source) == {(M, "acme-lab/tiny-lm", 2)}


def test_prose_with_urls_and_commas_names_nothing() -> None:
    source = 'NOTE = "see https://huggingface.co/acme-lab/tiny-lm, and the docs"\n'
    assert find_python(source) == set()


# --- model-server images ---------------------------------------------------------------------------------------------


def test_open_data_hub_vllm_and_llama_stack_are_model_servers() -> None:
    from modelpolicy.discover.images import server_image

    assert server_image("quay.io/modh/vllm@sha256:" + "0" * 64) is not None
    assert server_image("llamastack/distribution-ollama:0.2.1") is not None
    assert server_image("quay.io/modh/odh-dashboard:v2") is None
