"""Evaluation harnesses' task configs: the dataset a task evaluates on, named in the library's config call."""

from __future__ import annotations

from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.python import PythonSource
from modelpolicy.model import Kind

D = Kind.DATASET


def found(source: str) -> set[tuple[Kind, str, int]]:
    references = PythonSource().find(source, FileContext("community_tasks/evals.py", lambda text: False))
    return {(r.kind, r.text, r.line) for r in references}


def test_a_lighteval_task_config_reads_the_dataset_of_its_hf_repo() -> None:
    source = (
        "from lighteval.tasks.lighteval_task import LightevalTaskConfig\n"
        "gsm8k = LightevalTaskConfig(\n"
        '    name="gsm8k",\n'
        '    hf_repo="openai/gsm8k",\n'
        '    hf_subset="main",\n'
        ")\n"
        'pubmed = LightevalTaskConfig(name="pubmedqa", hf_repo="pubmed_qa", hf_subset="pqa_labeled")\n'
    )
    assert found(source) == {(D, "openai/gsm8k", 4), (D, "pubmed_qa", 7)}


def test_a_task_config_names_no_dataset_in_its_other_fields_nor_a_builder_in_hf_repo() -> None:
    source = (
        "from lighteval.tasks.lighteval_task import LightevalTaskConfig\n"
        'a = LightevalTaskConfig(name="org/task", hf_subset="org/subset", hf_repo="json")\n'
        'b = LightevalTaskConfig(name="custom", hf_repo=REPO, suite=["community/custom"])\n'
        'c = OtherConfig(hf_repo_note="org/x")\n'
    )
    assert found(source) == set()


def test_a_templates_slot_in_hf_repo_is_no_dataset_but_a_lower_case_legacy_name_is() -> None:
    source = (
        "from lighteval.tasks.lighteval_task import LightevalTaskConfig\n"
        'a = LightevalTaskConfig(name="yourbench", hf_repo="HF_DATASET_NAME")\n'
        'b = LightevalTaskConfig(name="mre", hf_repo="qa4mre")\n'
        'c = LightevalTaskConfig(name="sst", hf_repo="SST2")\n'
    )
    assert found(source) == {(D, "qa4mre", 3), (D, "SST2", 4)}
