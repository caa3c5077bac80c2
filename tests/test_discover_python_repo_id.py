"""A call's `repo_id=` (issue 16): a class or function given the Hub repository it reads its weights from
(`KPipeline(lang_code="a", repo_id="hexgrad/Kokoro-82M")`, mlx-audio's `KokoroPipeline(repo_id=...)`) names that
model, through a module constant too; a dataset's with `repo_type="dataset"`. A call that writes to the repository
(`upload_folder`, `create_repo`, `push_to_hub`), a Space, and a bare `repo_id` variable name nothing."""

from __future__ import annotations

import pytest

from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.python import PythonSource
from modelpolicy.model import Kind

M, D = Kind.MODEL, Kind.DATASET


def find(source: str) -> set[tuple[Kind, str, int]]:
    context = FileContext("pkg/tts.py", lambda text: False)
    return {(r.kind, r.text, r.line) for r in PythonSource().find(source, context)}


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('pipe = KPipeline(lang_code="a", repo_id="hexgrad/Kokoro-82M")\n', {(M, "hexgrad/Kokoro-82M", 1)}),
        (
            'REPO_ID = "hexgrad/Kokoro-82M-v1.1-zh"\n\n'
            'def load():\n    return KPipeline(lang_code="z", repo_id=REPO_ID)\n',
            {(M, "hexgrad/Kokoro-82M-v1.1-zh", 1)},
        ),
        (
            'self._model = KokoroPipeline(\n    model=m, repo_id="prince-canuma/Kokoro-82M"\n)\n',
            {(M, "prince-canuma/Kokoro-82M", 2)},
        ),
        ('rows = fetch_rows(repo_id="org/corpus", repo_type="dataset")\n', {(D, "org/corpus", 1)}),
        # a callee named for the data it reads (distilabel's step), `hub` after `from` its source, not a push
        ('load_dataset = LoadDataFromHub(repo_id="argilla/10Kprompts-mini")\n', {(D, "argilla/10Kprompts-mini", 1)}),
        ('rows = load_data(repo_id="org/prompts", split="train")\n', {(D, "org/prompts", 1)}),
        ('rows = load_data(repo_id="org/weights", repo_type="model")\n', {(M, "org/weights", 1)}),
    ],
)
def test_a_calls_repo_id_names_what_it_reads(source: str, expected: set[tuple[Kind, str, int]]) -> None:
    assert find(source) == expected


@pytest.mark.parametrize(
    "source",
    [
        'api.upload_folder(folder_path="out", repo_id="me/my-model")\n',  # written, not read
        'create_repo(repo_id="me/new-model", private=True)\n',
        'trainer.push_to_hub(repo_id="me/finetuned")\n',
        'api.delete_file("a.bin", repo_id="me/old")\n',
        'demo = Client(repo_id="org/space", repo_type="space")\n',  # a Space, no model
        'get_files(repo_id="org/x", repo_type=kind)\n',  # a type only the run knows
        'repo_id = "me/my-model"\n',  # a bare variable: what a script pushes as often as what it reads
        'load(repo_id="./local")\n',  # a path
        'tool = Tool.from_hub(repo_id="org/tool-space")\n',  # from the Hub, but no data: a tool, still unread
        'push_data_to_hub(repo_id="me/rows")\n',  # data written to the Hub
        'save_dataset_from_hub(repo_id="me/rows")\n',  # `from_hub`, but a word of writing as well
    ],
)
def test_repo_id_look_alikes_name_nothing(source: str) -> None:
    assert find(source) == set()


def test_a_repo_type_given_by_a_constant_is_read_through_it() -> None:
    space = (
        'HF_REPO_ID = "lmsys/mt-bench"\nHF_REPO_TYPE = "space"\n\n'
        "def questions(d):\n"
        '    return hf_hub_download(repo_id=HF_REPO_ID, repo_type=HF_REPO_TYPE, filename="q.jsonl", local_dir=d)\n'
    )
    assert find(space) == set()  # a Space's file, no artefact of ours
    dataset = (
        'REPO = "org/corpus"\nKIND = "dataset"\n\n'
        'path = hf_hub_download(repo_id=REPO, repo_type=KIND, filename="train.jsonl")\n'
    )
    assert find(dataset) == {(D, "org/corpus", 1)}
    model = 'REPO = "org/weights"\nKIND = "model"\npath = hf_hub_download(REPO, "config.json", repo_type=KIND)\n'
    assert find(model) == {(M, "org/weights", 1)}
