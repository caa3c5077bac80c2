"""Forms found on modelscope/ms-swift and karpathy/nanoGPT (twelfth blind wave): ms-swift's dataset syntax
`[hf::]ORG/NAME[:SUBSET[/SUBSET]][#SAMPLES]` in every file kind, its inference engines (`TransformersEngine(ID)`,
`VllmEngine(ID)`); nanoGPT's `init_from` (the weights a run starts from), the `if` tests around a loader that rule
out a name's other values (`init_from = "resume"`, then `elif init_from.startswith("gpt2"):
GPT.from_pretrained(init_from)`), and a parameter a function asserts is one of a literal set (`assert model_type in
{"gpt2", ...}`). Look-alikes: an Ollama tag under a model flag, an owner-less name with a subset, a path, an engine
given a module, a guard of another name or of a form not read, an assertion of a type or of a set that is no
literal."""

from __future__ import annotations

import pytest

from modelpolicy.discover.config import ConfigSource
from modelpolicy.discover.identity import without_subsets_and_samples
from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.python import PythonSource, read_whole
from modelpolicy.discover.shell import ShellSource
from modelpolicy.model import Kind

M, D = Kind.MODEL, Kind.DATASET
NOT_LOCAL = FileContext("examples/infer/demo.py", lambda _: False)


def find_python(source: str) -> set[tuple[Kind, str, int]]:
    """(kind, id, line) of every reference, read by statements and read whole: both readings must agree."""
    by_statements = {(r.kind, r.text, r.line) for r in PythonSource().find(source, NOT_LOCAL)}
    assert by_statements == {(r.kind, r.text, r.line) for r in read_whole(source, NOT_LOCAL)}
    return by_statements


def find_shell(text: str) -> set[tuple[Kind, str, int]]:
    return {(r.kind, r.text, r.line) for r in ShellSource().find(text, FileContext("train.sh", lambda _: False))}


def find_config(text: str, path: str = "sft.yaml") -> set[tuple[Kind, str, int]]:
    return {(r.kind, r.text, r.line) for r in ConfigSource().find(text, FileContext(path, lambda _: False))}


# --- ms-swift's dataset syntax -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("org/x#500", "org/x"),
        ("org/x:subset#500", "org/x"),
        ("org/x:train/validation#1000", "org/x"),
        ("org/x:human_handwrite", "org/x"),
        ("hf::org/x", "org/x"),
        ("hf::org/x:sub#5", "org/x"),
        ("org/x", "org/x"),
        # look-alikes, left as written (and so no id): no owner, a path, another hub's prefix, a URL, a count of words
        ("squad:plain_text", "squad:plain_text"),
        ("./data/train.jsonl#1000", "./data/train.jsonl#1000"),
        ("ms::org/x#500", "ms::org/x#500"),
        ("s3://bucket/x#5", "s3://bucket/x#5"),
        ("org/x#five", "org/x#five"),
    ],
)
def test_the_subsets_and_samples_of_a_dataset_are_no_part_of_its_id(value: str, expected: str) -> None:
    assert without_subsets_and_samples(value) == expected


def test_datasets_in_ms_swift_syntax_in_python() -> None:
    source = """\
from swift import load_dataset
from swift.arguments import TrainArguments

dataset = load_dataset(['acme/zh#1000', 'acme/caption:validation#500'], seed=42)[0]
args = TrainArguments(model='acme/chat', dataset=['acme/ocr:human_handwrite#5000'])
val_dataset = 'acme/asr:validation#1000'
"""
    assert find_python(source) == {
        (D, "acme/zh", 4),
        (D, "acme/caption", 4),
        (M, "acme/chat", 5),
        (D, "acme/ocr", 5),
        (D, "acme/asr", 6),
    }


def test_datasets_in_ms_swift_syntax_in_yaml_and_json() -> None:
    yaml = """\
model: acme/chat
dataset:
  - 'acme/zh#500'
  - 'acme/ocr:human_handwrite#2000'
  - 'hf::acme/hf-only'
"""
    assert find_config(yaml) == {(M, "acme/chat", 1), (D, "acme/zh", 3), (D, "acme/ocr", 4), (D, "acme/hf-only", 5)}
    json = '{"model": "acme/chat", "dataset": ["acme/zh#500", "acme/video:Generic#100"]}\n'
    assert find_config(json, "sft.json") == {(M, "acme/chat", 1), (D, "acme/zh", 1), (D, "acme/video", 1)}


def test_datasets_in_ms_swift_syntax_on_its_command_line() -> None:
    script = """\
swift sft \\
    --model acme/chat \\
    --dataset 'acme/video:Generic#1000' \\
              'acme/ocr:human_handwrite#20000' \\
    --use_hf true
"""
    assert find_shell(script) == {(M, "acme/chat", 2), (D, "acme/video", 3), (D, "acme/ocr", 4)}


def test_a_model_flag_keeps_its_colon() -> None:
    # an Ollama tag is no Hub dataset's subset: only a dataset's value loses what follows `:`
    found = find_shell("ollama_run --model llama3.1:8b\nswift infer --model acme/chat:v2\n")
    assert (D, "acme/chat", 2) not in found
    assert all(text != "acme/chat" for _, text, _ in found)


# --- ms-swift's inference engines --------------------------------------------------------------------------------


def test_ms_swift_inference_engines_load_the_model_they_are_given() -> None:
    source = """\
from swift.infer_engine import TransformersEngine, VllmEngine, SglangEngine, LmdeployEngine

engine = TransformersEngine(
    'acme/embed-4b', task_type='embedding', attn_impl='flash_attention_2')
engine2 = VllmEngine(model_id_or_path='acme/chat', max_model_len=8192)
engine3 = SglangEngine('acme/sg')
engine4 = LmdeployEngine('acme/lmd')
engine5 = TransformersEngine(model, template=template)
engine6 = TransformersEngine('output/vx-xxx/checkpoint-xxx')
engine7 = TransformersEngine('Qwen2-7B-Instruct-mcore-hf')
engine8 = TransformersEngine('gpt2')
"""
    assert find_python(source) == {
        (M, "acme/embed-4b", 4),
        (M, "acme/chat", 5),
        (M, "acme/sg", 6),
        (M, "acme/lmd", 7),
        (M, "gpt2", 11),
    }


# --- nanoGPT ------------------------------------------------------------------------------------------------------

NANOGPT_SAMPLE = """\
init_from = 'resume' # either 'resume' (from an out_dir) or a gpt2 variant (e.g. 'gpt2-xl')
out_dir = 'out'
exec(open('configurator.py').read())

if init_from == 'resume':
    ckpt_path = os.path.join(out_dir, 'ckpt.pt')
    model = GPT(gptconf)
elif init_from.startswith('gpt2'):
    model = GPT.from_pretrained(init_from, dict(dropout=0.0))
"""


def test_a_value_the_test_around_a_loader_rules_out_is_not_loaded() -> None:
    assert find_python(NANOGPT_SAMPLE) == set()


@pytest.mark.parametrize(
    ("test", "loaded"),
    [
        ("name.startswith('gpt2')", True),
        ("name.startswith(('gpt2', 'opt'))", True),
        ("name.endswith('-xl')", True),
        ("name == 'gpt2-xl'", True),
        ("name != 'scratch'", True),
        ("name in ('gpt2', 'gpt2-xl')", True),
        ("name not in {'scratch', 'resume'}", True),
        ("not name.startswith('gpt2')", False),
        ("name == 'scratch'", False),
        ("name in ['scratch', 'resume']", False),
        ("name.startswith('gpt2') and use_hub", True),
        ("name == 'scratch' or name == 'resume'", False),
        # tests of something else, or of a form not read, rule nothing out
        ("other == 'scratch'", True),
        ("name is not None", True),
        ("name.startswith(PREFIX)", True),
        ("name in CHOICES", True),
        ("len(name) > 3", True),
    ],
)
def test_the_tests_read_around_a_loader(test: str, loaded: bool) -> None:
    source = f"name = 'gpt2-xl'\nif {test}:\n    result = AutoModel.from_pretrained(name)\n"
    assert find_python(source) == ({(M, "gpt2-xl", 1)} if loaded else set())


def test_the_else_branch_of_a_test_is_guarded_by_its_negation() -> None:
    source = """\
name = 'scratch'
if name == 'scratch':
    model = build()
else:
    model = AutoModel.from_pretrained(name)

other = 'acme/chat'
if other == 'scratch':
    model = build()
else:
    model = AutoModel.from_pretrained(other)
"""
    assert find_python(source) == {(M, "acme/chat", 7)}


def test_a_test_outside_the_function_that_loads_does_not_guard_it() -> None:
    source = """\
name = 'acme/chat'
if name == 'scratch':
    def load():
        return AutoModel.from_pretrained(name)
"""
    assert find_python(source) == {(M, "acme/chat", 1)}


NANOGPT_MODEL = """\
class GPT(nn.Module):

    @classmethod
    def from_pretrained(cls, model_type, override_args=None):
        assert model_type in {'gpt2', 'gpt2-medium', 'gpt2-large', 'gpt2-xl'}
        override_args = override_args or {}
        from transformers import GPT2LMHeadModel
        config_args = {
            'gpt2':         dict(n_layer=12, n_head=12, n_embd=768),
        }[model_type]
        model_hf = GPT2LMHeadModel.from_pretrained(model_type)
        return model_hf
"""


def test_a_parameter_asserted_to_be_one_of_a_set_loads_each() -> None:
    assert find_python(NANOGPT_MODEL) == {
        (M, "gpt2", 5),
        (M, "gpt2-medium", 5),
        (M, "gpt2-large", 5),
        (M, "gpt2-xl", 5),
    }


def test_a_parameter_that_raises_unless_one_of_a_set_loads_each() -> None:
    source = """\
def load(name):
    if name not in ("acme/small", "acme/large"):
        raise ValueError(name)
    return AutoModel.from_pretrained(name)
"""
    assert find_python(source) == {(M, "acme/small", 2), (M, "acme/large", 2)}


@pytest.mark.parametrize(
    "check",
    [
        "assert isinstance(name, str)",
        "assert name in CHOICES",
        "assert name not in ('acme/small', 'acme/large')",
        "assert other in ('acme/small', 'acme/large')",
        "if name in ('acme/small', 'acme/large'):\n        raise ValueError(name)",
        "if name not in ('acme/small', 'acme/large'):\n        print(name)",
    ],
)
def test_other_checks_of_a_parameter_name_no_choices(check: str) -> None:
    source = f"def load(name, other):\n    {check}\n    return AutoModel.from_pretrained(name)\n"
    assert find_python(source) == set()


def test_an_assertion_after_the_loader_names_no_choices() -> None:
    source = """\
def load(name):
    model = AutoModel.from_pretrained(name)
    assert name in ('acme/small', 'acme/large')
    return model
"""
    assert find_python(source) == set()


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("init_from = 'gpt2-xl' # this is the largest GPT-2 model\n", {(M, "gpt2-xl", 1)}),
        ("init_from = 'acme/base'\n", {(M, "acme/base", 1)}),
        # its other choices, a checkpoint's folder, an unknown owner-less name: no repository
        ("init_from = 'scratch'\n", set()),
        ("init_from = 'resume'\n", set()),
        ("init_from = 'out/ckpt.pt'\n", set()),
        ("init_from = 'my-run'\n", set()),
    ],
)
def test_init_from_names_the_weights_a_run_starts_from(source: str, expected: set[tuple[Kind, str, int]]) -> None:
    assert find_python(source) == expected


def test_init_from_on_a_command_line() -> None:
    assert find_shell("python train.py --init_from=gpt2-medium\npython sample.py --init_from=resume\n") == {
        (M, "gpt2-medium", 1)
    }
