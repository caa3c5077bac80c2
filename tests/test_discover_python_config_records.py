"""Configs written in Python (mmengine's, OpenCompass's, xtuner's): records written as `dict(key=value, ...)` calls in
collections named for models or datasets (`models = [dict(type=HuggingFaceCausalLM, path=ID)]`), records bound to names
first, a comprehension of records, a collection rebound, extended or appended to, and a loop over rows of settings;
with the look-alikes that stay out (local paths, display names, settings, a collection of one, written outputs)."""

# ruff: noqa: E501  (the table of forms reads best one case a line)

from __future__ import annotations

import pytest

from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.python import PythonSource
from modelpolicy.model import Kind

A, D, M = Kind.API, Kind.DATASET, Kind.MODEL


def found(text: str) -> list[tuple[Kind, str, int]]:
    references = PythonSource().find(text, FileContext("configs/eval.py", lambda v: False))
    return sorted((r.kind, r.text, r.line) for r in references)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a list of records named for models: the record's `path` (its first id key) is the model
        (
            "models = [\n    dict(\n        type=HuggingFacewithChatTemplate,\n        abbr='qwen2.5-7b-instruct-hf',\n        path='Qwen/Qwen2.5-7B-Instruct',\n        max_out_len=4096,\n    )\n]\n",
            [(M, "Qwen/Qwen2.5-7B-Instruct", 5)],
        ),
        # a hosted API's model, by the same record
        (
            "models = [dict(abbr='GPT-4o', type=OpenAI, path='gpt-4o-2024-05-13', key='ENV')]\n",
            [(A, "gpt-4o-2024-05-13", 1)],
        ),
        # a dataset config: a list named for datasets
        (
            "gsm8k_datasets = [\n    dict(abbr='gsm8k', type=GSM8KDataset, path='opencompass/gsm8k', reader_cfg=reader_cfg)\n]\n",
            [(D, "opencompass/gsm8k", 2)],
        ),
        # one record bound to a name named for a dataset
        (
            "LCBCodeGeneration_dataset = dict(\n    type=LCBCodeGenerationDataset,\n    path='opencompass/code_generation_lite',\n)\n",
            [(D, "opencompass/code_generation_lite", 3)],
        ),
        # records bound to names, then listed
        (
            "Qwen3_FP8_hf = dict(type=HuggingFacewithChatTemplate, abbr='qwen3-hf', path='Qwen/Qwen3-0.6B-FP8')\nQwen3_base = dict(type=TurboMindModel, path='Qwen/Qwen3-0.6B-Base')\n\nmodels = [Qwen3_FP8_hf, Qwen3_base]\n",
            [(M, "Qwen/Qwen3-0.6B-Base", 2), (M, "Qwen/Qwen3-0.6B-FP8", 1)],
        ),
        # a record under a keyword named for a model (an agent's `llm=`)
        (
            "models = [dict(abbr='gpt-3.5-react', type=LagentAgent, llm=dict(type=OpenAI, path='gpt-3.5-turbo', key='ENV'))]\n",
            [(A, "gpt-3.5-turbo", 1)],
        ),
        # a comprehension of one record, repeated
        (
            "aime2024_datasets = [\n    dict(abbr=f'aime2024-run{idx}', type=Aime2024Dataset, path='opencompass/aime2024')\n    for idx in range(8)\n]\n",
            [(D, "opencompass/aime2024", 2)],
        ),
        # a collection rebound, then extended
        (
            "models = sum([v for k, v in locals().items() if k.endswith('_model')], [])\nmodels = [dict(path='internlm/internlm2_5-7b-chat')]\nmodels += [\n    dict(abbr='r1', path='deepseek-ai/DeepSeek-R1-Distill-Qwen-7B'),\n]\n",
            [(M, "deepseek-ai/DeepSeek-R1-Distill-Qwen-7B", 4), (M, "internlm/internlm2_5-7b-chat", 2)],
        ),
        # appended to in a loop over rows of settings: each name stands for its column
        (
            "settings = [\n    ('deepseek-7b-base-hf', 'deepseek-ai/deepseek-llm-7b-base', 1),\n    ('deepseek-67b-base-hf', 'deepseek-ai/deepseek-llm-67b-base', 4),\n]\nmodels = []\nfor abbr, path, num_gpus in settings:\n    models.append(dict(type=LmdeployPytorchModel, abbr=abbr, path=path, run_cfg=dict(num_gpus=num_gpus)))\n",
            [(M, "deepseek-ai/deepseek-llm-67b-base", 3), (M, "deepseek-ai/deepseek-llm-7b-base", 2)],
        ),
        # `extend` with a list, on an attribute
        (
            "self.eval_datasets.extend([dict(path='openai/gsm8k'), dict(path='cais/mmlu')])\n",
            [(D, "cais/mmlu", 1), (D, "openai/gsm8k", 1)],
        ),
        # xtuner's lazily built loaders: a record under a key named for a dataset, its path a module constant
        (
            "alpaca_en_path = 'tatsu-lab/alpaca'\ntrain_dataset = dict(\n    type=process_hf_dataset,\n    dataset=dict(type=load_dataset, path=alpaca_en_path),\n    max_length=2048,\n)\n",
            [(D, "tatsu-lab/alpaca", 1)],
        ),
        # a loop over rows of two, written as a literal list of pairs
        (
            "for name, repo in [('small', 'org/small-model'), ('large', 'org/large-model')]:\n    model = AutoModel.from_pretrained(repo)\n",
            [(M, "org/large-model", 1), (M, "org/small-model", 1)],
        ),
    ],
)
def test_config_records(text: str, expected: list[tuple[Kind, str, int]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # local paths, a placeholder path, and records with no id key
        "models = [dict(type=Mixtral, path='./models/mixtral/mixtral-8x7b-32kseqlen', tokenizer_path='./models/mixtral/tokenizer.model')]\n",
        "models = [dict(type=HuggingFaceCausalLM, path='/path/to/your/huggingface_models/BlueLM-7B-Chat-32K')]\n",
        "gsm8k_datasets = [dict(abbr='gsm8k', type=GSM8KDataset, path='./data/gsm8k')]\n",
        "models = [dict(abbr='qwen2.5-7b-instruct-hf', max_out_len=4096, batch_size=8)]\n",
        # a record's display name and settings are not its path
        "models = [dict(abbr='deepseek-v2-turbomind', engine_config=dict(session_len=7168, tp=8))]\n",
        # mmdetection's data roots are local folders
        "train_dataloader = dict(dataset=dict(type='CocoDataset', data_root='data/coco/', ann_file='annotations/train.json'))\n",
        # a record not under a name for models or datasets
        "summarizer = dict(type=DefaultSubjectiveSummarizer, path='org/not-a-model')\nrunner = dict(type=LocalRunner, path='org/other')\n",
        # appending to one model, or to a list named for something else
        "model.append(dict(path='org/some-model'))\nresults.append(dict(path='org/some-model'))\n",
        # a collection named for what is written
        "output_datasets = [dict(path='org/pushed-data')]\noutput_datasets.append(dict(path='org/pushed-more'))\n",
        # a rebound list whose items are no ids
        "models = []\nmodels = [dict(abbr='x', path=os.environ['MODEL_PATH'])]\n",
        # rows whose widths differ from the loop's names are not columns
        "for abbr, path in [('a', 'org/a-model', 1)]:\n    model = AutoModel.from_pretrained(path)\n",
    ],
)
def test_config_record_look_alikes(text: str) -> None:
    assert found(text) == []


# A model wrapper's parameter whose default is a hosted API's model, sent on by another name: copied into an attribute
# named for a model (`self.model = path`), or kept by the base class under its own name (`super().__init__(path=path)`,
# then `model=self.path`).
_COPIED = """class Claude(BaseAPIModel):
    def __init__(self, path: str = 'claude-2', key: str = 'ENV'):
        super().__init__(path=path, key=key)
        self.model = path

    def generate(self, prompt):
        return self.anthropic.completions.create(model=self.model, prompt=prompt)
"""

_KEPT_BY_BASE = """class OpenAISDKResponse(OpenAI):
    def __init__(self, path: str = 'gpt-4.1', key: str = 'ENV', retry: int = 2):
        super().__init__(path=path, key=key, retry=retry)

    def _generate(self, messages):
        return self.openai_client.responses.create(model=self.path, input=messages)
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (_COPIED, [(A, "claude-2", 2)]),
        (_KEPT_BY_BASE, [(A, "gpt-4.1", 2)]),
        # an `owner/name` default copied into an attribute named for a model, as before
        (
            "class Judge:\n    def __init__(self, path='Qwen/Qwen2.5-7B-Instruct'):\n        self.model_id = path\n",
            [(M, "Qwen/Qwen2.5-7B-Instruct", 2)],
        ),
        # a function's parameter default that an API client is given
        (
            "def ask(prompt, engine='gpt-4o-mini'):\n    return client.chat.completions.create(model=engine, messages=prompt)\n",
            [(A, "gpt-4o-mini", 1)],
        ),
    ],
)
def test_parameter_defaults_sent_on(text: str, expected: list[tuple[Kind, str, int]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # an owner-less word as the default: no model
        _COPIED.replace("'claude-2'", "'auto'"),
        _KEPT_BY_BASE.replace("'gpt-4.1'", "'default'"),
        # an API's name copied into an attribute named for something else, or only printed
        "class Wrapper:\n    def __init__(self, name='gpt-4o'):\n        self.label = name\n",
        "def show(label='gpt-4'):\n    print(label)\n",
        # a parameter not passed on to the base under its own name
        "class OpenAIWrapper(Base):\n    def __init__(self, path='gpt-4.1'):\n        super().__init__(name=path)\n\n    def run(self):\n        return self.client.chat.completions.create(model=self.path)\n",
    ],
)
def test_parameter_default_look_alikes(text: str) -> None:
    assert found(text) == []


# The settings of one model or dataset, named so (`judge_cfg`, `model_config`, `dataset_cfg`, a function building
# them): the record's id key names it.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "judge_cfg = dict(\n    abbr='qwen2-5-72b-instruct',\n    type=OpenAISDK,\n    path='Qwen/Qwen2.5-72B-Instruct',\n    key='YOUR_API_KEY',\n)\n",
            [(M, "Qwen/Qwen2.5-72B-Instruct", 4)],
        ),
        (
            "def _build_o4_mini_high_judge_cfg():\n    return dict(type=OpenAISDKResponse, path='o4-mini', key='ENV')\n",
            [(A, "o4-mini", 2)],
        ),
        (
            "eval_cfg = dict(evaluator=dict(type=GenericLLMEvaluator, judge_cfg=dict(type=OpenAISDK, path='gpt-4o-mini')))\n",
            [(A, "gpt-4o-mini", 1)],
        ),
        (
            "evaluator = dict(dataset_cfg=dict(type=MATHDataset, path='opencompass/math', file_name='test.json'))\n",
            [(D, "opencompass/math", 1)],
        ),
        (
            "class Agent:\n    def __init__(self):\n        self.llm_config = {'name': 'gpt-4o', 'temperature': 0}\n",
            [(A, "gpt-4o", 3)],
        ),
        # a judge named as a model, in any position
        (
            "def grade(answer, judge='gpt-4o-2024-08-06'):\n    return run(answer, judge)\n",
            [(A, "gpt-4o-2024-08-06", 1)],
        ),
    ],
)
def test_settings_records(text: str, expected: list[tuple[Kind, str, int]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # settings of other things, or of many
        "eval_cfg = dict(evaluator=dict(type=AccEvaluator), pred_role='BOT', path='org/not-a-model')\n",
        "reader_cfg = dict(input_columns=['question'], output_column='answer', path='org/x')\n",
        "model_configs = dict(path='org/some-model')\n",
        # a placeholder, a display name, a local path, settings with no id key
        "judge_cfg = dict(abbr='YOUR_JUDGE_MODEL', type=OpenAISDKStreaming, path='YOUR_JUDGE_MODEL')\n",
        "judge_cfg = dict(type=OpenAISDK, path='model-name', key='your-api-key')\n",
        "judge_cfg = dict(type=HuggingFaceCausalLM, path='./checkpoints/judge')\n",
        "model_config = {'hidden_size': 768, 'num_layers': 12}\n",
        "judge_cfg = dict()\n",
        # pydantic's settings of a class are no model's
        "class Item(BaseModel):\n    model_config = {'protected_namespaces': (), 'extra': 'forbid'}\n",
        # a judge that is no id
        "judge = 'strict'\nuse_judge = True\njudge_type = 'general'\n",
    ],
)
def test_settings_record_look_alikes(text: str) -> None:
    assert found(text) == []
