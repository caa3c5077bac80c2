"""Forms found on model-family repositories the benchmark does not label (twelfth blind wave: OpenBMB/MiniCPM-V's
VLMEvalKit copy, QwenLM/Qwen3, THUDM/GLM-4, FasterDecoding/Medusa, huggingface/huggingface-llama-recipes): a parameter's
default that a branch of the function may replace before the loader reads it (`def prepare_dataset(self,
repo_id="OpenGVLab/MVBench"):` then `if modelscope_flag_set(): repo_id = "modelscope/MVBench"`), and the head of the
URLs a program builds under an owner (`URL_PREFIX = "https://huggingface.co/datasets/vcr-org"`), which names no
dataset."""

from __future__ import annotations

from modelpolicy.discover.identity import parse_hub_url
from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.python import PythonSource
from modelpolicy.model import Kind

M, D = Kind.MODEL, Kind.DATASET


def find(source: str, path: str = "vlmeval/dataset/mvbench.py") -> set[tuple[Kind, str, int]]:
    context = FileContext(path, lambda text: text.startswith(("./", "/")))
    return {(r.kind, r.text, r.line) for r in PythonSource().find(source, context)}


# --- a parameter's default that a branch may replace ------------------------------------------------------------

OVERRIDDEN_DEFAULT = """\
from huggingface_hub import snapshot_download


class MVBench(VideoBaseDataset):

    def prepare_dataset(self, dataset_name="MVBench", repo_id="OpenGVLab/MVBench"):
        if modelscope_flag_set():
            repo_id = "modelscope/MVBench"
        cache_path = get_cache_path(repo_id, branch="main")
        if cache_path is None:
            dataset_path = snapshot_download(repo_id=repo_id, repo_type="dataset")
        return dataset_path
"""


def test_a_parameter_default_a_branch_may_replace_is_read_with_the_replacement() -> None:
    assert find(OVERRIDDEN_DEFAULT) == {(D, "OpenGVLab/MVBench", 6), (D, "modelscope/MVBench", 8)}


def test_a_default_replaced_on_every_way_through_is_not_read() -> None:
    source = """\
from transformers import AutoModel

def load(path="org/base"):
    if large:
        path = "org/large"
    elif medium:
        path = "org/medium"
    else:
        path = "org/small"
    return AutoModel.from_pretrained(path)
"""
    assert find(source) == {(M, "org/large", 5), (M, "org/medium", 7), (M, "org/small", 9)}


def test_a_default_an_elif_chain_without_else_may_keep_is_read() -> None:
    source = """\
from transformers import AutoModel

def load(path="org/base"):
    if large:
        path = "org/large"
    elif medium:
        path = "org/medium"
    return AutoModel.from_pretrained(path)
"""
    assert find(source) == {(M, "org/base", 3), (M, "org/large", 5), (M, "org/medium", 7)}


def test_a_default_replaced_in_sequence_is_not_read() -> None:
    source = """\
from huggingface_hub import snapshot_download

def prepare(repo_id="OpenGVLab/MVBench"):
    repo_id = "other/MVBench"
    return snapshot_download(repo_id=repo_id, repo_type="dataset")
"""
    assert find(source) == {(D, "other/MVBench", 4)}


def test_a_branch_building_on_the_default_is_no_replacement() -> None:
    source = """\
from huggingface_hub import snapshot_download

def prepare(repo_id="OpenGVLab/MVBench"):
    if large:
        repo_id = repo_id + "-large"
    return snapshot_download(repo_id=repo_id, repo_type="dataset")
"""
    assert find(source) == set()


def test_an_owner_less_word_as_default_stays_unread() -> None:
    source = """\
from transformers import AutoModel

def load(model_name="auto"):
    if flag:
        model_name = "org/model"
    return AutoModel.from_pretrained(model_name)
"""
    assert find(source) == {(M, "org/model", 5)}


def test_a_name_a_loop_also_binds_is_no_overridden_default() -> None:
    source = """\
from transformers import AutoModel

def load(path="org/base"):
    for path in paths:
        print(path)
    if flag:
        path = "org/large"
    return AutoModel.from_pretrained(path)
"""
    assert find(source) == set()


# --- the head of the URLs built under an owner ------------------------------------------------------------------

URL_HEAD = """\
class VCRDataset(ImageBaseDataset):
    URL_PREFIX = "https://huggingface.co/datasets/vcr-org"
    DATASET_URL = {
        "VCR_EN_EASY_500": f"{URL_PREFIX}/VCR-wiki-en-easy-test-500/resolve/main/VCR-wiki-en-easy-test-500.tsv",
    }
    SQUAD_PAGE = "https://huggingface.co/datasets/squad"
    MNIST_FILE = "https://huggingface.co/datasets/mnist/resolve/main/mnist.parquet"
    OWNED = "https://huggingface.co/datasets/lerogo/MMGenBench"
"""


def test_a_url_that_ends_at_an_owner_names_no_dataset() -> None:
    assert find(URL_HEAD, "vlmeval/dataset/vcr.py") == {
        (D, "squad", 6),
        (D, "mnist", 7),
        (D, "lerogo/MMGenBench", 8),
    }


def test_an_owner_less_dataset_url_is_a_legacy_dataset_when_known_or_routed() -> None:
    assert parse_hub_url("https://huggingface.co/datasets/vcr-org") is None
    assert parse_hub_url("https://huggingface.co/datasets/vcr-org/") is None
    found = parse_hub_url("https://huggingface.co/datasets/squad")
    assert found is not None and found[0] is D and found[1].id == "squad"
    routed = parse_hub_url("https://huggingface.co/datasets/unknownword/resolve/main/data.json")
    assert routed is not None and routed[1].id == "unknownword"
    owned = parse_hub_url("https://huggingface.co/datasets/vcr-org/VCR-wiki-en-easy-test")
    assert owned is not None and owned[1].id == "vcr-org/VCR-wiki-en-easy-test"
