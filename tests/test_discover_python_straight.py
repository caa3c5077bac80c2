"""PythonSource: what a name holds where a loader reads it in straight-line code, when a later statement rebinds it
from itself (so the name is no constant), and the loaders of sentence-transformers' sparse encoders and modules."""

from __future__ import annotations

import pytest

from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.python import PythonSource, read_whole

CONTEXT = FileContext("train.py", lambda _: False)


def found(text: str) -> list[tuple[str, int]]:
    """(id, line) of every reference, read by statements and read whole: both readings must agree."""
    by_statements = [(r.text, r.line) for r in PythonSource().find(text, CONTEXT)]
    whole = [(r.text, r.line) for r in read_whole(text, CONTEXT)]
    assert by_statements == whole
    return by_statements


# --- a name rebound from itself after the loader read it -----------------------------------------------------------


def test_a_script_default_read_before_the_name_is_shortened_for_the_hub() -> None:
    text = (
        "import sys\n"
        'model_name = sys.argv[1] if len(sys.argv) > 1 else "distilroberta-base"\n'
        "model = SentenceTransformer(model_name)\n"
        'model_name = model_name if "/" not in model_name else model_name.split("/")[-1]\n'
        'model.push_to_hub(f"{model_name}-nli-v2")\n'
    )
    assert found(text) == [("distilroberta-base", 2)]


def test_two_names_each_rebound_from_itself() -> None:
    text = (
        'teacher_model_name = "stsb-roberta-base-v2"\n'
        "teacher = SentenceTransformer(teacher_model_name)\n"
        'student_model_name = "nreimers/TinyBERT_L-4_H-312_v2"\n'
        "student = SentenceTransformer(student_model_name)\n"
        'if "/" in student_model_name:\n'
        '    student_model_name = student_model_name.split("/")[-1]\n'
        'if "/" in teacher_model_name:\n'
        '    teacher_model_name = teacher_model_name.split("/")[-1]\n'
        'repo_id = f"{student_model_name}-distilled-from-{teacher_model_name}"\n'
    )
    assert found(text) == [("stsb-roberta-base-v2", 1), ("nreimers/TinyBERT_L-4_H-312_v2", 3)]


def test_in_a_function_body() -> None:
    text = (
        "def main():\n"
        '    model_name = "org/reranker-base"\n'
        "    model = CrossEncoder(model_name, num_labels=1)\n"
        '    model_name = model_name.replace("/", "-")\n'
        "    model.save(model_name)\n"
    )
    assert found(text) == [("org/reranker-base", 2)]


def test_in_the_main_block_of_a_script_and_before_it() -> None:
    text = (
        'base = "org/outer"\n'
        'if __name__ == "__main__":\n'
        "    model = SentenceTransformer(base)\n"
        "    base = base.lower()\n"
        '    dataset_name = "org/data"\n'
        '    data = load_dataset(dataset_name, split="train")\n'
        '    dataset_name = dataset_name.split("/")[-1]\n'
    )
    assert found(text) == [("org/outer", 1), ("org/data", 5)]


def test_with_and_try_bodies_run_straight() -> None:
    text = (
        'with open("x") as f:\n'
        '    model_id = "org/in-with"\n'
        "    AutoModel.from_pretrained(model_id)\n"
        "    model_id = model_id.upper()\n"
        "try:\n"
        '    ckpt = "org/in-try"\n'
        "    AutoModel.from_pretrained(ckpt)\n"
        "    ckpt = ckpt.upper()\n"
        "except ImportError:\n"
        "    pass\n"
    )
    assert found(text) == [("org/in-with", 2), ("org/in-try", 6)]


@pytest.mark.parametrize(
    "text",
    [
        # read after the rebinding: what it holds then is built at run time
        'name = "org/a"\nname = name.upper()\nSentenceTransformer(name)\n',
        'name = "org/a"\nname += "-v2"\nSentenceTransformer(name)\n',
        # two values of its own in sequence: no constant (a notebook's cell run again names a folder it writes)
        'name = "org/a"\nname = "org/b"\nSentenceTransformer(name)\nname = name.lower()\n',
        'output_dir = "run-sft"\ntrainer.save_model(output_dir)\noutput_dir = "run-sft"\n'
        "PeftModel.from_pretrained(model, output_dir)\n",
        # a loop, or a branch, rebinds it before the read
        'name = "org/a"\nfor x in y:\n    name = x\nSentenceTransformer(name)\n',
        'name = "org/a"\nif big:\n    name = name + "-large"\nSentenceTransformer(name)\n',
        # a loop that reads and then rebinds: the next pass reads the new value
        'name = "org/a"\nfor i in range(3):\n    SentenceTransformer(name)\n    name = name + "-x"\n',
        # read in a function, which may run after the rebinding
        'name = "org/a"\ndef load():\n    return SentenceTransformer(name)\nname = name.lower()\n',
        # a function binds it too (a parameter, a global)
        'name = "org/a"\ndef f(name):\n    pass\nSentenceTransformer(name)\nname = name.lower()\n',
        'name = "org/a"\ndef f():\n    global name\n    name = "org/b"\n'
        "f()\nSentenceTransformer(name)\nname = name.strip()\n",
        # a `try`'s handler does not run straight after its body
        'try:\n    name = "org/a"\n    name = name.strip()\nexcept E:\n    SentenceTransformer(name)\n',
    ],
)
def test_not_followed(text: str) -> None:
    assert found(text) == []


# --- sentence-transformers' sparse encoders, modules and static embeddings ----------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('SparseEncoder("naver/splade-cocondenser-ensembledistil")', "naver/splade-cocondenser-ensembledistil"),
        ('SparseEncoder(model_name_or_path="opensearch-project/x-v2")', "opensearch-project/x-v2"),
        (
            'SparseEncoder(modules=[MLMTransformer("ibm-granite/granite-embedding-30m-sparse"), SpladePooling("max")])',
            "ibm-granite/granite-embedding-30m-sparse",
        ),
        ('StaticEmbedding.from_model2vec("minishlab/potion-base-8M")', "minishlab/potion-base-8M"),
        ('StaticEmbedding.from_distillation("BAAI/bge-base-en-v1.5", device="cuda")', "BAAI/bge-base-en-v1.5"),
        ('word_emb = models.Transformer("distilbert-base-uncased")', "distilbert-base-uncased"),
        ('emb = Transformer(model_name_or_path="org/x", max_seq_length=128)', "org/x"),
        ('emb = INSTRUCTOR("hkunlp/instructor-large")', "hkunlp/instructor-large"),  # InstructorEmbedding's
        ('emb = INSTRUCTOR(model_name_or_path="BAAI/bge-large-en-v1.5")', "BAAI/bge-large-en-v1.5"),
    ],
)
def test_sparse_encoder_loaders(text: str, expected: str) -> None:
    assert found(text + "\n") == [(expected, 1)]


@pytest.mark.parametrize(
    "text",
    [
        'SparseEncoder(modules=[mlm, SpladePooling("max")], similarity_fn_name="dot")\n',
        'SparseEncoder(model_name, device="cuda")\n',
        'MLMTransformer("./models/my-splade")\n',
        "StaticEmbedding.from_distillation(teacher, vocabulary=words)\n",
        # torch's `nn.Transformer` takes sizes; a word no knowledge base knows is no model
        "layer = nn.Transformer(d_model=512, nhead=8)\n",
        'model = Transformer("encoder")\n',
        'block = models.Transformer("./local/dir")\n',
        'emb = INSTRUCTOR("./models/instructor")\n',
        "client = instructor.from_openai(OpenAI())\n",  # the structured-output library, no model
    ],
)
def test_sparse_encoder_look_alikes(text: str) -> None:
    assert found(text) == []


# --- text-generation-inference's Hub helpers, kept by its forks (LoRAX) -------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('filenames = weight_hub_files("bigscience/bloom")', "bigscience/bloom"),
        ('weight_hub_files(model_id="acme/x-7b", extension=".bin")', "acme/x-7b"),
        ('local = weight_files("bigscience/bloom-560m", revision="main")', "bigscience/bloom-560m"),
        ('download_weights(filenames, "acme/x-7b", "main")', "acme/x-7b"),
    ],
)
def test_tgi_hub_helpers(text: str, expected: str) -> None:
    assert found(text + "\n") == [(expected, 1)]


@pytest.mark.parametrize(
    "text",
    [
        'download_weights("./weights.bin")\n',  # a file, and in the filenames' place
        "files = weight_files(model_path)\n",
        'files = weight_files("./checkpoints/run1")\n',
    ],
)
def test_tgi_hub_helper_look_alikes(text: str) -> None:
    assert found(text) == []
