"""PythonSource: an owner-less name a program saves to (`model.save("tmp-clip-model")`, a trainer's `output_dir=`)
and then loads is the folder it wrote, not a Hub repository; what it loads from the Hub stays a reference."""

from __future__ import annotations

import pytest

from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.python import PythonSource, read_whole

CONTEXT = FileContext("notebook.py", lambda _: False)


def found(text: str) -> list[tuple[str, int]]:
    """(id, line) of every reference, read by statements and read whole: both readings must agree."""
    by_statements = [(r.text, r.line) for r in PythonSource().find(text, CONTEXT)]
    whole = [(r.text, r.line) for r in read_whole(text, CONTEXT)]
    assert by_statements == whole
    return by_statements


@pytest.mark.parametrize(
    "text",
    [
        'model = SentenceTransformer(modules=[clip])\nmodel.save("tmp-clip-model")\n'
        'model = SentenceTransformer("tmp-clip-model")\n',
        'trainer.save_model("lora_model")\nmodel = AutoPeftModelForCausalLM.from_pretrained("lora_model")\n',
        'model.save_pretrained(save_directory="gpt2-finetuned")\nAutoModel.from_pretrained("gpt2-finetuned")\n',
        # a trainer's output folder, held by a constant, loaded as the adapter
        'output_dir = "Qwen3-VL-4B-Instruct-trl-sft"\n'
        "training_args = SFTConfig(output_dir=output_dir, num_train_epochs=1)\n"
        "trainer.train()\n"
        'adapter_model = f"{output_dir}"\n'
        "model = PeftModel.from_pretrained(base, adapter_model)\n",
    ],
)
def test_a_folder_the_program_writes_is_no_reference(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what it saves under an owner (`org/name`) is the Hub's name too
        ('model.save_pretrained("org/tuned")\nAutoModel.from_pretrained("org/tuned")\n', ("org/tuned", 2)),
        # what it loads is not what it saves
        (
            'model = SentenceTransformer("all-MiniLM-L6-v2")\nmodel.save("all-MiniLM-L6-v2-finetuned")\n',
            ("all-MiniLM-L6-v2", 1),
        ),
        (
            'args = TrainingArguments(output_dir="out")\nAutoModel.from_pretrained("bert-base-uncased")\n',
            ("bert-base-uncased", 2),
        ),
        # a saver's other arguments are no folder
        ('model.save("out", model_name="x")\nSentenceTransformer("x-y-base")\n', ("x-y-base", 2)),
    ],
)
def test_what_it_loads_from_the_hub_stays(text: str, expected: tuple[str, int]) -> None:
    assert found(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        'model.save(tmp_folder, model_name="test_user/test_model")\n',
        'trainer.push_to_hub(model_name="org/tuned-run", commit_message="done")\n',
        'export_dynamic_quantized_onnx_model(model, "avx512_vnni", model_name_or_path="org/x-onnx")\n',
        'api.upload_folder(folder_path="out", model_id="org/uploaded")\n',
    ],
)
def test_the_model_a_writer_names_by_keyword_is_what_it_writes(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('run(model_name="org/used")\n', ("org/used", 1)),
        ('evaluate(model_id="org/scored", save_results=True)\n', ("org/scored", 1)),
        ('saver = Saver(); load(model_name="org/read")\n', ("org/read", 1)),
    ],
)
def test_a_keyword_of_any_other_call_stays(text: str, expected: tuple[str, int]) -> None:
    assert found(text) == [expected]
