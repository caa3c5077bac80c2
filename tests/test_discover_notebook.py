"""The notebook source: code cells read as Python, placed at their lines in the `.ipynb` file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from modelpolicy.discover import discover
from modelpolicy.discover.interface import FileContext, SourceError
from modelpolicy.discover.notebook import NotebookSource
from modelpolicy.model import Kind

CONTEXT = FileContext("analysis.ipynb", lambda value: value == "models/local")


def notebook(*cells: dict[str, Any], language: str = "python") -> str:
    """A notebook as nbformat writes one: sorted keys, one-space indent, each source line a string of its own."""
    document = {
        "cells": list(cells),
        "metadata": {"language_info": {"name": language}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    return json.dumps(document, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def code(source: str, outputs: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {
        "cell_type": "code",
        "execution_count": None,
        "metadata": {},
        "outputs": outputs or [],
        "source": source.splitlines(keepends=True),
    }


def markdown(source: str) -> dict[str, Any]:
    return {"cell_type": "markdown", "metadata": {}, "source": source.splitlines(keepends=True)}


def line_of(text: str, needle: str) -> int:
    """The line of `text` that holds `needle`, which must be on exactly one line."""
    (line,) = [number for number, content in enumerate(text.splitlines(), start=1) if needle in content]
    return line


def found(text: str) -> list[tuple[Kind, str, int]]:
    return [(r.kind, r.text, r.line) for r in NotebookSource().find(text, CONTEXT)]


MODEL, DATASET = Kind.MODEL, Kind.DATASET


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            notebook(code('from transformers import AutoModel\nmodel = AutoModel.from_pretrained("acme/encoder")\n')),
            [(MODEL, "acme/encoder", "acme/encoder")],
            id="literal in a code cell",
        ),
        pytest.param(
            notebook(code('reviews = load_dataset("acme/reviews", split="train")')),
            [(DATASET, "acme/reviews", "acme/reviews")],
            id="dataset",
        ),
        pytest.param(
            notebook(
                code('MODEL_ID = "acme/encoder"\n'),
                markdown("Now load it."),
                code("model = AutoModel.from_pretrained(MODEL_ID)"),
            ),
            [(MODEL, "acme/encoder", "acme/encoder")],
            id="constant from an earlier cell",
        ),
        pytest.param(
            notebook(
                code('name = "acme/one"\nAutoModel.from_pretrained(name)\n'),
                code('name = "acme/two"\nAutoModel.from_pretrained(name)\n'),
            ),
            [(MODEL, "acme/one", "acme/one"), (MODEL, "acme/two", "acme/two")],
            id="name set again in a later cell resolves in each cell",
        ),
        pytest.param(
            notebook(code("def broken(:\n    pass\n"), code('reviews = load_dataset("acme/reviews")')),
            [(DATASET, "acme/reviews", "acme/reviews")],
            id="a cell with a syntax error is skipped, not the notebook",
        ),
        pytest.param(
            notebook(
                code('MODEL_ID = "acme/encoder"\n'),
                code("for x in (:\n"),
                code("model = AutoModel.from_pretrained(MODEL_ID)"),
            ),
            [(MODEL, "acme/encoder", "acme/encoder")],
            id="constant from an earlier cell past a broken cell",
        ),
        pytest.param(
            notebook(
                code(
                    "%pip install transformers\n!nvidia-smi\n?AutoModel\nAutoModel.from_pretrained?\n"
                    'files = !ls\n%time x = 1\nmodel = AutoModel.from_pretrained("acme/encoder")\n'
                )
            ),
            [(MODEL, "acme/encoder", "acme/encoder")],
            id="IPython lines blanked, lines kept",
        ),
        pytest.param(
            notebook(code('%%time\nmodel = AutoModel.from_pretrained("acme/encoder")\n')),
            [(MODEL, "acme/encoder", "acme/encoder")],
            id="cell magic with a Python body",
        ),
        pytest.param(
            notebook(
                code('pipe = pipeline("text-classification", model="acme/classifier"); data = load_dataset("acme/x")')
            ),
            [(MODEL, "acme/classifier", "acme/classifier"), (DATASET, "acme/x", "acme/x")],
            id="two references on one line",
        ),
        pytest.param(
            notebook(
                code(
                    'print(name)\nAutoModel.from_pretrained("acme/encoder")',
                    outputs=[
                        {"name": "stdout", "output_type": "stream", "text": ['from_pretrained("acme/printed")\n']},
                        {
                            "data": {"text/plain": ['AutoModel.from_pretrained("acme/shown")']},
                            "execution_count": 1,
                            "metadata": {},
                            "output_type": "execute_result",
                        },
                    ],
                )
            ),
            [(MODEL, "acme/encoder", "acme/encoder")],
            id="outputs are not read",
        ),
    ],
)
def test_finds(text: str, expected: list[tuple[Kind, str, str]]) -> None:
    assert found(text) == [(kind, artefact, line_of(text, needle)) for kind, artefact, needle in expected]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            notebook(
                code(
                    "print(model_id)",
                    outputs=[{"name": "stdout", "output_type": "stream", "text": ["acme/encoder\n"]}],
                )
            ),
            id="model id printed in an output",
        ),
        pytest.param(
            notebook(markdown('Load it with `AutoModel.from_pretrained("acme/encoder")`.')),
            id="markdown cell",
        ),
        pytest.param(
            notebook({"cell_type": "raw", "metadata": {}, "source": ['AutoModel.from_pretrained("acme/encoder")']}),
            id="raw cell",
        ),
        pytest.param(notebook(code("%pip install acme/encoder\n")), id="magic line"),
        pytest.param(notebook(code('AutoModel.from_pretrained("./ckpt")')), id="local path"),
        pytest.param(notebook(code('AutoModel.from_pretrained("models/local")')), id="folder in the tree"),
        pytest.param(notebook(code('from_pretrained("acme/encoder"')), id="only cell does not parse"),
        pytest.param(
            notebook(code('model <- from_pretrained("acme/encoder")'), language="R"),
            id="kernel in another language",
        ),
        pytest.param(
            notebook(code('model = from_pretrained("acme/encoder")'), language="julia"),
            id="kernel in Julia",
        ),
        pytest.param(notebook(), id="no cells"),
    ],
)
def test_finds_nothing(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        pytest.param('{"cells": [', "not valid JSON", id="invalid JSON"),
        pytest.param("[]", "not a Jupyter notebook", id="JSON array"),
        pytest.param('{"worksheets": []}', "not a Jupyter notebook", id="nbformat 3"),
        pytest.param('{"cells": {}}', "not a Jupyter notebook", id="cells not a list"),
        pytest.param('{"cells": ["print(1)"]}', "not a Jupyter notebook", id="cell not an object"),
        pytest.param('{"cells": [{"cell_type": "code", "source": 3}]}', "not a Jupyter notebook", id="source a number"),
    ],
)
def test_not_a_notebook(text: str, reason: str) -> None:
    with pytest.raises(SourceError, match=reason) as raised:
        NotebookSource().find(text, CONTEXT)
    assert "\n" not in str(raised.value)


# As nbformat writes it, but with `"source"` keys in cell metadata and in an output, which must not be taken for the
# cell's own, a source given as one string (the second cell), and `\u` escapes (one a surrogate pair) before
# a reference.
WRITTEN = r"""{
 "cells": [
  {
   "cell_type": "code",
   "execution_count": 1,
   "metadata": {"source": "tagged"},
   "outputs": [
    {"data": {"application/json": {"source": ["acme/output"]}}, "metadata": {}, "output_type": "display_data"}
   ],
   "source": [
    "import transformers\n",
    "msg = \"caf\u00e9 \ud83d\ude00\"; tok = transformers.AutoTokenizer.from_pretrained(\"acme/encoder\")"
   ]
  },
  {
   "cell_type": "code",
   "execution_count": 2,
   "metadata": {},
   "outputs": [],
   "source": "x = 1\nreviews = load_dataset(\"acme/reviews\")"
  }
 ],
 "metadata": {},
 "nbformat": 4,
 "nbformat_minor": 5
}
"""


def test_places_references_where_the_file_writes_them() -> None:
    lines = WRITTEN.splitlines()
    references = NotebookSource().find(WRITTEN, CONTEXT)
    assert [(r.kind, r.text, r.line, r.column, r.source, r.form) for r in references] == [
        (MODEL, "acme/encoder", 12, lines[11].index(r"\"acme/encoder"), "notebook", "from_pretrained"),
        (DATASET, "acme/reviews", 20, lines[19].index(r"\"acme/reviews"), "notebook", "load_dataset"),
    ]


def test_wants_notebooks_only() -> None:
    source = NotebookSource()
    assert [source.wants(p) for p in ("a.ipynb", "nb/b.ipynb", "a.py", "a.ipynb.json")] == [True, True, False, False]


def test_discover_end_to_end(tmp_path: Path) -> None:
    (tmp_path / "analysis.ipynb").write_text(
        notebook(
            code('MODEL_ID = "acme/encoder"\n%pip install acme/not-a-reference\n'),
            code("model = AutoModel.from_pretrained(MODEL_ID)\ntok = AutoTokenizer.from_pretrained(MODEL_ID)\n"),
            code('reviews = load_dataset("acme/reviews")'),
        ),
        encoding="utf-8",
    )
    (tmp_path / "broken.ipynb").write_text('{"cells": [{"source": "AutoModel.from_pretrained(', encoding="utf-8")
    (tmp_path / "train.py").write_text('AutoModel.from_pretrained("acme/python-only")\n', encoding="utf-8")

    discovery = discover(tmp_path, [tmp_path], sources=(NotebookSource(),))

    assert [(a.kind, a.id, [(r.location, r.source) for r in a.references]) for a in discovery.artefacts] == [
        (DATASET, "acme/reviews", [("analysis.ipynb:29", "notebook")]),
        (MODEL, "acme/encoder", [("analysis.ipynb:9", "notebook")]),
    ]
    assert [(s.path, s.reason.split(" (")[0]) for s in discovery.skipped] == [("broken.ipynb", "not valid JSON")]
    assert discovery.files_read == 2


def test_the_shell_a_cell_runs_is_read_as_a_script() -> None:
    """`!cmd`, `x = !cmd` and a `%%bash` cell's body are shell; `%pip` and a markdown cell's `!` are not read."""
    text = notebook(
        code("!huggingface-cli download acme/encoder\n%pip install model-utils\n!pip install dataset-tools\n"),
        code("files = !python fetch.py --dataset_name acme/reviews\nprint(files)\n"),
        code("%%bash\nset -e\nEMBED_MODEL=acme/embedder python serve.py\n"),
        markdown("!huggingface-cli download acme/in-markdown\n"),
    )
    assert found(text) == [
        (Kind.MODEL, "acme/encoder", line_of(text, "download acme/encoder")),
        (Kind.DATASET, "acme/reviews", line_of(text, "acme/reviews")),
        (Kind.MODEL, "acme/embedder", line_of(text, "acme/embedder")),
    ]


def test_an_environment_variable_set_by_a_magic_is_read_as_an_assignment(tmp_path: Path) -> None:
    """`%env NAME=VALUE`, `%env NAME VALUE` and `%set_env` set what `NAME=VALUE` sets in a script."""
    text = notebook(
        code("%env GRAPHRAG_LLM_MODEL=gpt-4o\n%env EMBED_MODEL acme/embedder\n%set_env DATASET_NAME=acme/reviews\n"),
        code("%env OPENAI_API_KEY=sk-123\n%env\n%env LOG_DIR=acme/logs\n%envs MODEL_ID=acme/other\n"),
    )
    assert found(text) == [
        (Kind.API, "gpt-4o", line_of(text, "GRAPHRAG_LLM_MODEL")),
        (Kind.MODEL, "acme/embedder", line_of(text, "acme/embedder")),
        (Kind.DATASET, "acme/reviews", line_of(text, "acme/reviews")),
    ]
    (tmp_path / "setup.ipynb").write_text(notebook(code("%env GRAPHRAG_LLM_MODEL=gpt-4o\n")), encoding="utf-8")
    (reference,) = discover(tmp_path, [tmp_path]).artefacts[0].references
    line = notebook(code("%env GRAPHRAG_LLM_MODEL=gpt-4o\n")).splitlines()[reference.line - 1]
    assert (reference.text, line[reference.column :].startswith("gpt-4o")) == ("gpt-4o", True)


def test_a_shell_reference_is_placed_at_its_column(tmp_path: Path) -> None:
    """Found through the pre-filter too: the notebook's only marker word is the shell's `download`."""
    text = notebook(code("import os\n!hf download acme/encoder\n"))
    (tmp_path / "setup.ipynb").write_text(text, encoding="utf-8")
    (reference,) = discover(tmp_path, [tmp_path]).artefacts[0].references
    line = text.splitlines()[reference.line - 1]
    assert (reference.text, line[reference.column :].startswith("acme/encoder")) == ("acme/encoder", True)


def test_many_references_in_one_string_source_with_escapes_are_each_placed_where_written() -> None:
    """A source given as one JSON string, escapes before every reference (a quote, a surrogate pair, `\\n`): each
    reference placed at its own text, however many the cell holds."""
    source = "".join(
        f'msg_{i} = "\\"caf\u00e9 \U0001f600\\""; m_{i} = AutoModel.from_pretrained("acme/model-{i}")\n'
        for i in range(300)
    )
    cell = {**code(""), "source": source}
    text = json.dumps({"cells": [cell], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}, indent=1) + "\n"
    assert "\\ud83d\\ude00" in text and "\\n" in text
    lines = text.splitlines()
    references = NotebookSource().find(text, CONTEXT)
    assert [r.text for r in references] == [f"acme/model-{i}" for i in range(300)]
    assert all(lines[r.line - 1][r.column :].startswith(f'\\"{r.text}\\"') for r in references)


def test_a_shell_line_continued_with_a_backslash_is_shell_to_its_end_and_never_python() -> None:
    """`!docker run \\` goes on over the lines below it: IPython hands them to the shell, so they are read as the
    shell's (the served model named there) and Python never sees them, even when the notebook is read as one module
    for a loader in another cell that reads a constant."""
    text = notebook(
        code(
            "!docker run -d \\\n"
            "  --name server \\\n"
            "  ghcr.io/huggingface/text-generation-inference:2.0 \\\n"
            "  --model-id mistralai/Mistral-7B-v0.1\n"
        ),
        code('from transformers import AutoModel\nBASE = "google/flan-t5-base"\n'),
        code("model = AutoModel.from_pretrained(BASE)\n"),
    )
    references = NotebookSource().find(text, CONTEXT)
    placed = {(r.kind, r.text): r.line for r in references}
    assert placed[(MODEL, "mistralai/Mistral-7B-v0.1")] == line_of(text, "--model-id")
    assert placed[(MODEL, "google/flan-t5-base")] == line_of(text, "BASE = ")
    assert (Kind.IMAGE, "ghcr.io/huggingface/text-generation-inference:2.0") in placed


def test_cells_that_read_alone_but_not_together_keep_their_places() -> None:
    """Each cell is read alone (only its statements that spell a marker word are parsed), then the cells that read
    are read again as one module; when that module does not parse, what it found is placed in the notebook, never
    at the module's own lines, and the notebook is not reported unreadable for it."""
    text = notebook(
        code('BASE = "google/flan-t5-base"\n'),
        code("  not python, and no word the reader looks for\n"),
        code("from transformers import AutoModel\nmodel = AutoModel.from_pretrained(BASE)\n"),
        code('config = {"model": "mistralai/Mistral-7B-v0.1"}\n'),
    )
    placed = {r.text: r.line for r in NotebookSource().find(text, CONTEXT)}
    assert placed["mistralai/Mistral-7B-v0.1"] == line_of(text, "config = ")
    assert placed["google/flan-t5-base"] == line_of(text, "BASE = ")


def test_a_writefile_cell_is_read_as_the_file_it_writes() -> None:
    """`%%writefile config.yml` makes the cell's body a YAML file: its models are read where the cell writes them; a
    cell writing a file no source reads (`notes.txt`) names nothing."""
    text = notebook(
        code("%%writefile config-store/config.yml\nmodels:\n  - type: main\n    model: mistralai/Mistral-7B-v0.1\n"),
        code("%%writefile -a Dockerfile\nFROM ghcr.io/huggingface/text-generation-inference:2.0\n"),
        code("%%writefile notes.txt\nmodel: google/flan-t5-base\n"),
    )
    placed = {(r.kind, r.text): r.line for r in NotebookSource().find(text, CONTEXT)}
    assert placed[(MODEL, "mistralai/Mistral-7B-v0.1")] == line_of(text, "model: mistralai")
    assert placed[(Kind.IMAGE, "ghcr.io/huggingface/text-generation-inference:2.0")] == line_of(text, "FROM ")
    assert (MODEL, "google/flan-t5-base") not in placed


def test_a_cell_pasted_from_a_terminal_is_read_as_a_script() -> None:
    """A code cell that is no Python and no cell magic (`model=org/x`, then `docker run ... --model-id $model`, to run
    in a terminal) is read whole as a script; a Python cell is not read as one, and a cell magic's body (`%%html`)
    is not either."""
    text = notebook(
        code(
            "model=meta-llama/Meta-Llama-3.1-8B-Instruct\n"
            "volume=$PWD/data # share a volume\n"
            "docker run --gpus all -p 8080:80 ghcr.io/huggingface/text-generation-inference:2.0 --model-id $model\n"
        ),
        code('print "python 2"\n'),
        code("%%html\n<pre>docker run ghcr.io/huggingface/text-generation-inference:1.4 --model-id acme/x</pre>\n"),
        code('label = "see below"\nmodel_card = describe(label)\n'),
    )
    placed = {(r.kind, r.text): r.line for r in NotebookSource().find(text, CONTEXT)}
    assert placed == {
        (MODEL, "meta-llama/Meta-Llama-3.1-8B-Instruct"): line_of(text, "model=meta-llama"),
        (Kind.IMAGE, "ghcr.io/huggingface/text-generation-inference:2.0"): line_of(text, "docker run --gpus"),
    }


def test_a_heredoc_a_bash_cell_writes_is_read_as_that_file() -> None:
    """`cat > config.yaml << 'EOF'` in a `%%bash` cell writes a YAML file: its models are read where it writes them."""
    text = notebook(
        code(
            "%%bash\n"
            "cat > config.yaml << 'EOF'\n"
            "vllm:\n"
            '  api_base: "http://localhost:8000/v1"\n'
            '  model: "meta-llama/Llama-4-Scout-17B-16E-Instruct"\n'
            "EOF\n"
            "synthetic-data-kit -c config.yaml create\n"
        ),
    )
    placed = {(r.kind, r.text): r.line for r in NotebookSource().find(text, CONTEXT)}
    assert placed == {(MODEL, "meta-llama/Llama-4-Scout-17B-16E-Instruct"): line_of(text, "model: ")}


@pytest.mark.parametrize("language", ["python", "Python", "python3", "ipython3", "coconut", "sage"])
def test_reads_the_kernels_that_run_python(language: str) -> None:
    """Coconut's and SageMath's kernels run Python as written: a notebook that names them still holds Python."""
    text = notebook(code('MODEL = "acme/encoder"\nAutoModel.from_pretrained(MODEL)\n'), language=language)
    assert [(kind, name) for kind, name, _ in found(text)] == [(MODEL, "acme/encoder")]
