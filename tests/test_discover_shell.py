"""The shell source: model and dataset flags in scripts, Makefiles and Dockerfile instructions."""

from __future__ import annotations

from pathlib import Path

import pytest

from modelpolicy.discover import discover
from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.shell import ShellSource, command_references
from modelpolicy.model import Kind

MODEL, DATASET = Kind.MODEL, Kind.DATASET


def context(path: str) -> FileContext:
    return FileContext(path, lambda value: value == "models/local")


def found(path: str, text: str) -> list[tuple[Kind, str, int]]:
    return [(r.kind, r.text, r.line) for r in ShellSource().find(text, context(path))]


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("python train.py --model_name_or_path acme/encoder", [(MODEL, "acme/encoder", 1)]),
        ("python train.py --pretrained_model_name_or_path acme/encoder", [(MODEL, "acme/encoder", 1)]),
        ("vllm serve --model acme/encoder", [(MODEL, "acme/encoder", 1)]),
        ("text-generation-launcher --model-id acme/encoder", [(MODEL, "acme/encoder", 1)]),
        ("python serve.py --model_id acme/encoder", [(MODEL, "acme/encoder", 1)]),
        ("python finetune.py --base_model acme/encoder", [(MODEL, "acme/encoder", 1)]),
        ("python finetune.py --base-model acme/encoder", [(MODEL, "acme/encoder", 1)]),
        ("python train.py --tokenizer acme/tokenizer", [(MODEL, "acme/tokenizer", 1)]),
        ("python train.py --tokenizer_name acme/tokenizer", [(MODEL, "acme/tokenizer", 1)]),
        ("python train.py --dataset acme/reviews", [(DATASET, "acme/reviews", 1)]),
        ("python train.py --dataset_name acme/reviews", [(DATASET, "acme/reviews", 1)]),
        ("python train.py --model_name_or_path gpt2", [(MODEL, "gpt2", 1)]),
        ("python train.py --model=acme/encoder", [(MODEL, "acme/encoder", 1)]),
        ('python train.py --model "acme/encoder"', [(MODEL, "acme/encoder", 1)]),
        ("python train.py --model 'acme/encoder'", [(MODEL, "acme/encoder", 1)]),
        ('python train.py --model="acme/encoder"', [(MODEL, "acme/encoder", 1)]),
        ("python train.py --dataset acme/a,acme/b", [(DATASET, "acme/a", 1), (DATASET, "acme/b", 1)]),
        ('python train.py --dataset_name="acme/a,acme/b"', [(DATASET, "acme/a", 1), (DATASET, "acme/b", 1)]),
        ("python train.py --model ${MODEL:-acme/encoder}", [(MODEL, "acme/encoder", 1)]),
        ("python train.py --model ${MODEL:acme/encoder}", [(MODEL, "acme/encoder", 1)]),
        ('python train.py --model "${MODEL:-acme/encoder}"', [(MODEL, "acme/encoder", 1)]),
        ("python train.py --model=${MODEL:=acme/encoder}", [(MODEL, "acme/encoder", 1)]),
        ("python train.py --model ${A:-${B:-acme/encoder}}", [(MODEL, "acme/encoder", 1)]),
        ("python train.py --dataset ${DATA:-acme/a,acme/b}", [(DATASET, "acme/a", 1), (DATASET, "acme/b", 1)]),
        ("python train.py --model_name_or_path --dataset acme/reviews", [(DATASET, "acme/reviews", 1)]),
        ("MODEL=x python train.py --model acme/encoder && echo done", [(MODEL, "acme/encoder", 1)]),
        (
            "python train.py \\\n    --model_name_or_path \\\n    acme/encoder \\\n    --dataset_name acme/reviews\n",
            [(MODEL, "acme/encoder", 3), (DATASET, "acme/reviews", 4)],
        ),
        ("set -e\n\n# fetch first\nhuggingface-cli download acme/encoder\n", [(MODEL, "acme/encoder", 4)]),
        ("/opt/bin/huggingface-cli download acme/encoder config.json", [(MODEL, "acme/encoder", 1)]),
        ("hf download acme/encoder --local-dir ./weights", [(MODEL, "acme/encoder", 1)]),
        ("hf download --revision v1 acme/encoder", [(MODEL, "acme/encoder", 1)]),
        ("hf download acme/reviews --repo-type dataset", [(DATASET, "acme/reviews", 1)]),
        ("huggingface-cli download --repo-type=dataset acme/reviews", [(DATASET, "acme/reviews", 1)]),
        ("hf download ${REPO:-acme/encoder}", [(MODEL, "acme/encoder", 1)]),
        # a download of a variable the script set, under a name that says nothing of a model: at the value
        ("REPO=acme/encoder-GGUF\nhf download $REPO model.gguf\n", [(MODEL, "acme/encoder-GGUF", 1)]),
        (
            'export HYBRID_REPO_ID="acme/hybrid"\nhuggingface-cli download "${HYBRID_REPO_ID}"',
            [(MODEL, "acme/hybrid", 1)],
        ),
        # torchtune's and LitGPT's downloads of a Hub repository
        ("tune download acme/encoder --output-dir /tmp/encoder --hf-token $HF_TOKEN", [(MODEL, "acme/encoder", 1)]),
        ("tune download --output-dir /tmp/x acme/encoder", [(MODEL, "acme/encoder", 1)]),
        ("litgpt download acme/encoder", [(MODEL, "acme/encoder", 1)]),
        # open-instruct's mixture given as ids and weights
        ("python finetune.py --dataset_mixer_list acme/reviews 1.0", [(DATASET, "acme/reviews", 1)]),
    ],
)
def test_finds_in_scripts(command: str, expected: list[tuple[Kind, str, int]]) -> None:
    assert found("scripts/run.sh", command) == expected


@pytest.mark.parametrize(
    "command",
    [
        "python train.py --output_dir acme/encoder",
        "tune download acme/llama-3.2/pytorch/1b --source kaggle",  # Kaggle's, not the Hub's
        "tune run lora_finetune_single_device --config acme/encoder",  # no download
        "python train.py --hub_model_id acme/encoder",
        "python train.py --push_to_hub_model_id acme/encoder",
        "python train.py --model_type acme/encoder",
        "python train.py -model acme/encoder",
        "python train.py --model ./ckpt",
        "python train.py --model /models/encoder",
        "python train.py --model ~/models/encoder",
        "python train.py --model models/local",
        "python train.py --model $MODEL",
        "python train.py --model ${MODEL}",
        'python train.py --model "$MODEL"',
        "python train.py --model=$MODEL",
        "python train.py --model $(cat model.txt)",
        "python train.py --model `cat model.txt`",
        "python train.py --model ${MODEL:+acme/encoder}",
        "python train.py --model model.safetensors",
        "python train.py --dataset json",
        "python train.py --model",
        "python train.py --model=",
        "echo --model; acme/encoder",
        "# python train.py --model acme/encoder",
        "python train.py  # --model acme/encoder",
        "hf download acme/space --repo-type space",
        "huggingface-cli upload acme/encoder ./out",
        "hf download $REPO",
        "REPO=$1\nhf download $REPO",  # the script's argument: unknown here
        "REPO=acme/out\nhf upload $REPO ./out",  # an upload's target
        "REPO=acme/x\nhf download $OTHER",
        "echo 'hf download acme/encoder'",
    ],
)
def test_finds_nothing_in_scripts(command: str) -> None:
    assert found("scripts/run.sh", command) == []


@pytest.mark.parametrize(
    ("path", "text", "expected"),
    [
        ("run.bash", "accelerate launch train.py --model acme/encoder", [(MODEL, "acme/encoder", 1)]),
        (
            "Makefile",
            "MODEL ?= other/model\n\ntrain:\n\tpython train.py --model_name_or_path $${MODEL:-acme/encoder}\n",
            [(MODEL, "other/model", 1), (MODEL, "acme/encoder", 4)],
        ),
        ("Makefile", "train:\n\tpython train.py --model_name_or_path $(MODEL)\n", []),
        ("rules.mk", "eval:\n\tpython eval.py \\\n\t  --dataset_name acme/reviews\n", [(DATASET, "acme/reviews", 3)]),
        ("Dockerfile", "FROM python:3.12\nRUN python fetch.py --model acme/encoder\n", [(MODEL, "acme/encoder", 2)]),
        ("Dockerfile", 'CMD ["python", "serve.py", "--model", "acme/encoder"]\n', [(MODEL, "acme/encoder", 1)]),
        ("Dockerfile", 'CMD ["python", "serve.py", "--model=acme/encoder"]\n', [(MODEL, "acme/encoder", 1)]),
        (
            "Dockerfile",
            'ENTRYPOINT ["sh", "-c", "python serve.py --model_id ${MODEL:-acme/encoder}"]\n',
            [(MODEL, "acme/encoder", 1)],
        ),
        (
            "Dockerfile",
            'CMD ["python", "serve.py", \\\n     "--model", \\\n     "acme/encoder"]\n',
            [(MODEL, "acme/encoder", 3)],
        ),
        (
            "docker/Dockerfile.gpu",
            "FROM base\nRUN pip install x && \\\n    # then the weights\n\n    hf download acme/encoder\n",
            [(MODEL, "acme/encoder", 5)],
        ),
        (
            "serve.Dockerfile",
            "FROM base\nRUN <<EOF\nset -e\npython fetch.py --dataset acme/reviews\nEOF\nENV X=1\n",
            [(DATASET, "acme/reviews", 4)],
        ),
        ("Dockerfile", "from base\nrun python fetch.py --model acme/encoder\n", [(MODEL, "acme/encoder", 2)]),
        (
            "containers/server.containerfile",
            "FROM base\nRUN huggingface-cli download acme/encoder\n",
            [(MODEL, "acme/encoder", 2)],
        ),
        (
            "Dockerfile",
            "FROM acme/encoder\nENV MODEL_ID=acme/encoder\nARG MODEL=acme/reranker\nENV DATASET acme/reviews\n",
            [(MODEL, "acme/encoder", 2), (MODEL, "acme/reranker", 3), (DATASET, "acme/reviews", 4)],
        ),
        ("Dockerfile", "ARG MODEL_TYPE=acme/encoder\nENV MODEL_PATH /models/acme\nENV OUTPUT_MODEL=acme/x\n", []),
        ("Dockerfile", 'LABEL args="--model acme/encoder"\n', []),  # metadata; `ENV ARGS="--model ..."` is read
        ("Dockerfile", 'ENV ARGS="--model acme/encoder"\nCMD python serve.py $ARGS\n', [(MODEL, "acme/encoder", 1)]),
        ("Dockerfile", "# RUN python fetch.py --model acme/encoder\nRUN echo done\n", []),
        ("Dockerfile", "CMD python serve.py --model $MODEL_ID\n", []),
        ("Dockerfile", 'CMD ["python", "serve.py", "--output_dir", "acme/encoder"]\n', []),
    ],
)
def test_finds_in_makefiles_and_dockerfiles(path: str, text: str, expected: list[tuple[Kind, str, int]]) -> None:
    assert found(path, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("vllm serve meta-llama/Llama-3.1-8B-Instruct --port 8000\n", [(MODEL, "meta-llama/Llama-3.1-8B-Instruct", 1)]),
        ("exec /opt/venv/bin/vllm serve acme/chat@v2\n", [(MODEL, "acme/chat", 1)]),
        ("python -m sglang.launch_server --model-path acme/chat --port 30000\n", [(MODEL, "acme/chat", 1)]),
        (
            "lm_eval --model hf --model_args pretrained=acme/base,peft=acme/adapter,dtype=bfloat16 --tasks hellaswag\n",
            [(MODEL, "acme/base", 1), (MODEL, "acme/adapter", 1)],
        ),
        ('lm_eval --model vllm --model_args="pretrained=${MODEL:-acme/base}"\n', [(MODEL, "acme/base", 1)]),
        ("vllm serve ./checkpoints/final\nvllm serve --help\nvllm serve $MODEL\n", []),
        ("lm_eval --model_args pretrained=./out,trust_remote_code=True\n", []),
        ("python -m llama_cpp.server --model-path models/7B/ggml-model-q4_0.gguf\n", []),
    ],
)
def test_servers_and_evaluation_harnesses(text: str, expected: list[tuple[Kind, str, int]]) -> None:
    """`vllm serve ID`, SGLang's `--model-path ID` and lm-evaluation-harness's `--model_args pretrained=ID,...`."""
    assert found("serve.sh", text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "xtuner chat acme/chat --adapter acme/chat-qlora --prompt-template internlm2_chat\n",
            [(MODEL, "acme/chat", 1), (MODEL, "acme/chat-qlora", 1)],
        ),
        (
            "xtuner chat acme/llm --visual-encoder acme/clip --llava acme/llava --image $IMAGE\n",
            [(MODEL, "acme/llm", 1), (MODEL, "acme/clip", 1), (MODEL, "acme/llava", 1)],
        ),
        (
            "xtuner mmbench acme/llm --llava acme/llava --data-path $DATA\n",
            [(MODEL, "acme/llm", 1), (MODEL, "acme/llava", 1)],
        ),
        ("xtuner convert merge acme/base ./hf_adapter ./merged --max-shard-size 2GB\n", [(MODEL, "acme/base", 1)]),
        ("lmdeploy serve gradio acme/chat --server-port 6006\n", [(MODEL, "acme/chat", 1)]),
        ("lmdeploy lite auto_awq acme/chat --work-dir ./chat-4bit\n", [(MODEL, "acme/chat", 1)]),
        ("lmdeploy lite smooth_quant acme/chat --work-dir ./chat-int8\n", [(MODEL, "acme/chat", 1)]),
        (
            "lmdeploy serve api_server acme/chat --adapters sql=acme/sql-lora\n",
            [(MODEL, "acme/chat", 1), (MODEL, "acme/sql-lora", 1)],
        ),
        # OpenCompass's command line: the model by its Hub path, a PEFT adapter's
        ("opencompass --hf-type chat --hf-path acme/chat --datasets gsm8k_gen\n", [(MODEL, "acme/chat", 1)]),
        (
            "python run.py --peft-path acme/lora --hf-path acme/base\n",
            [(MODEL, "acme/lora", 1), (MODEL, "acme/base", 1)],
        ),
    ],
)
def test_the_model_an_xtuner_or_lmdeploy_command_reads(text: str, expected: list[tuple[Kind, str, int]]) -> None:
    """XTuner's `xtuner chat ID --adapter ID --llava ID`, `xtuner convert merge ID`, LMDeploy's quantisers."""
    assert sorted(found("run.sh", text)) == sorted(expected)


@pytest.mark.parametrize(
    "text",
    [
        "NPROC_PER_NODE=8 xtuner train internlm2_chat_7b_qlora_oasst1_e3 --deepspeed deepspeed_zero2\n",  # a config
        "xtuner convert pth_to_hf internlm2_chat_7b_qlora_oasst1_e3 ./iter_500.pth ./hf\n",  # a config and files
        "xtuner copy-cfg internlm2_chat_7b_qlora_oasst1_e3 .\n",
        "xtuner convert merge ./merged_base ./hf_adapter ./merged\n",  # a local base model
        "xtuner chat $MODEL --adapter ./work_dirs/adapter\n",
        "opencompass --hf-path ./merged --peft-path $LORA --datasets gsm8k_gen\n",  # a local model, a variable
        "python finetune.py --adapter lora --model_name_or_path ./base\n",  # an adapter's type, no repository
    ],
)
def test_xtuner_and_lmdeploy_commands_that_name_nothing(text: str) -> None:
    assert found("run.sh", text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # verl's (Hydra's) overrides: a dotted key named for a model or dataset
        (
            "python3 -m verl.trainer.main_ppo \\\n    actor_rollout_ref.model.path=acme/actor \\\n"
            "    critic.model.path=acme/critic \\\n    reward_model.model.path=acme/rm \\\n"
            "    data.train_files=$HOME/data/gsm8k/train.parquet trainer.project_name=acme/x\n",
            [(MODEL, "acme/actor", 2), (MODEL, "acme/critic", 3), (MODEL, "acme/rm", 4)],
        ),
        (
            "python train.py +dataset.name=acme/chat-data ++model.tokenizer=acme/tok +base_model=acme/base\n",
            [(DATASET, "acme/chat-data", 1), (MODEL, "acme/tok", 1), (MODEL, "acme/base", 1)],
        ),
        # ms-swift: several datasets after one `--dataset`, each with the number of samples taken from it
        (
            "swift sft --model acme/chat --dataset acme/zh#500 acme/en#500 acme/self --train_type lora\n",
            [(MODEL, "acme/chat", 1), (DATASET, "acme/zh", 1), (DATASET, "acme/en", 1), (DATASET, "acme/self", 1)],
        ),
    ],
)
def test_overrides_and_sampled_datasets(text: str, expected: list[tuple[Kind, str, int]]) -> None:
    assert sorted(found("train.sh", text)) == sorted(expected)


@pytest.mark.parametrize(
    "text",
    [
        "python3 -m verl.trainer.main_ppo actor_rollout_ref.model.path=$HOME/models/qwen\n",  # a local folder
        "python3 -m verl.trainer.main_ppo critic.model.path=./ckpt/critic trainer.logger=['console','wandb']\n",
        "python train.py model=llama2_7b dataset=alpaca\n",  # Hydra's config groups, no ids
        "python train.py model.lora_rank=64 data.max_prompt_length=512\n",
        "python eval.py --dataset ./data/eval.jsonl results/acme-run\n",  # a local file, then a folder
        "swift sft --dataset ./data/train.jsonl#1000\n",  # a local file, sampled
    ],
)
def test_overrides_that_name_nothing(text: str) -> None:
    assert found("train.sh", text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # verl's newer scripts keep a command's overrides in bash arrays, then `python3 -m x "${MODEL[@]}"`
        (
            "MODEL=(\n    actor_rollout_ref.model.path=acme/actor\n    actor_rollout_ref.model.lora.rank=256\n"
            '    # critic.model.path=acme/commented\n)\npython3 -m verl.trainer.main_ppo "${MODEL[@]}"\n',
            [(MODEL, "acme/actor", 2)],
        ),
        ("ARGS=(+dataset.name=acme/chat-data trainer.nnodes=1)\n", [(DATASET, "acme/chat-data", 1)]),
        # verl's SFT trainer's weights: `model.partial_pretrain=ID`
        (
            "torchrun -m verl.trainer.fsdp_sft_trainer \\\n    model.partial_pretrain=acme/base-7b \\\n"
            "    data.train_files=$HOME/data/gsm8k/train.parquet\n",
            [(MODEL, "acme/base-7b", 2)],
        ),
        # OpenRLHF's trainers: `--pretrain`, `--reward_pretrain`, `--critic_pretrain`
        (
            "deepspeed --module openrlhf.cli.train_ppo --pretrain acme/sft --reward_pretrain acme/rm "
            "--critic_pretrain acme/critic\n",
            [(MODEL, "acme/sft", 1), (MODEL, "acme/rm", 1), (MODEL, "acme/critic", 1)],
        ),
    ],
)
def test_overrides_in_arrays_and_pretrain_names(text: str, expected: list[tuple[Kind, str, int]]) -> None:
    assert sorted(found("train.sh", text)) == sorted(expected)


@pytest.mark.parametrize(
    "text",
    [
        "MODEL=(\n    actor_rollout_ref.model.path=$HOME/models/qwen\n    actor_rollout_ref.model.lora.rank=256\n)\n",
        "TRAINER=(trainer.project_name=acme/run trainer.logger=console)\n",  # a run's name, no model's key
        "python train.py --pretrain ./ckpt/sft --reward_pretrain $RM_PATH\n",  # a local folder, a variable
        "python train.py --stage pretrain --pretrain_data acme/corpus-notes\n",  # a stage's name; data is no model
        "a.b=acme/x\n",  # a word alone on its line is read only when named for a model
    ],
)
def test_arrays_and_pretrain_names_that_name_nothing(text: str) -> None:
    assert found("train.sh", text) == []


def test_a_serving_command_is_told_by_its_own_words() -> None:
    """The form of `lmdeploy serve api_server ID` is the command, not the words after its model."""
    references = ShellSource().find("lmdeploy serve api_server acme/chat --server-port 23333\n", context("a.sh"))
    assert [(r.text, r.form) for r in references] == [("acme/chat", "lmdeploy serve api_server")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("git clone https://huggingface.co/acme/encoder\n", [(MODEL, "acme/encoder", 1)]),
        (
            "wget -q https://huggingface.co/acme/chat-GGUF/resolve/main/chat.Q4_K_M.gguf\n",
            [(MODEL, "acme/chat-GGUF", 1)],
        ),
        (
            'curl -L "https://hf.co/datasets/acme/reviews/resolve/main/train.parquet" -o t.parquet\n',
            [(DATASET, "acme/reviews", 1)],
        ),
        ("wget https://github.com/acme/encoder/archive/main.zip\ncurl https://huggingface.co/spaces/acme/demo\n", []),
        ("open https://huggingface.co/docs/hub/index\n", []),
        ("wget huggingface.co/acme/chat-GGUF/resolve/main/q4.gguf\n", [(MODEL, "acme/chat-GGUF", 1)]),  # no scheme
        (  # a mirror's folders of snapshots, laid out as the Hub's addresses
            "tar -cf - /huggingface.co/acme/layout /mirror/huggingface.co/datasets/acme/reviews | tar -xf -\n",
            [(MODEL, "acme/layout", 1), (DATASET, "acme/reviews", 1)],
        ),
        ("git clone https://huggingface.co/acme/encoder\n", [(MODEL, "acme/encoder", 1)]),  # once, not twice
        ("cp -r notes/myhuggingface.co/acme/x /y\nmount source=/huggingface.co,target=/huggingface.co\n", []),
    ],
)
def test_urls_of_the_hub_in_commands(text: str, expected: list[tuple[Kind, str, int]]) -> None:
    assert found("fetch.sh", text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("EMBED_MODEL=acme/encoder python serve.py\n", [(MODEL, "acme/encoder", 1)]),
        (
            'export BASE_MODEL="acme/encoder" DATASET_NAME=acme/reviews\n',
            [(MODEL, "acme/encoder", 1), (DATASET, "acme/reviews", 1)],
        ),
        ("local model_id=${MODEL_ID:-acme/encoder}\n", [(MODEL, "acme/encoder", 1)]),
        ("CHECKPOINT_DIR=acme/encoder\nHUB_MODEL_ID=acme/out\nexport PUSH_MODEL=acme/out\n", []),
        ("MODEL_PATH=acme/encoder\n", [(MODEL, "acme/encoder", 1)]),
        ("MODEL_PATH=outputs/sft\nMODEL_TYPE=acme/x\nMODEL=$1\nMODEL=gpt2-local\nREPO_ID=me/out\n", []),
        ("echo MODEL=acme/encoder\n", []),
    ],
)
def test_variables_named_for_a_model_or_dataset(text: str, expected: list[tuple[Kind, str, int]]) -> None:
    """An assignment is a reference when its variable's name says what it holds (as Python names are read)."""
    assert found("run.sh", text) == expected


def test_a_parenthesis_quoted_inside_a_command_substitution_does_not_end_it() -> None:
    """`$(... | sed 's/^x\\(guard\\)\\?-//' | sort)`: the `)` inside the quotes is sed's, so the quote after it
    closes where it is written and the script's later commands are read as commands."""
    text = (
        "guarded=$(docker network ls --format '{{.Name}}' | sed 's/^ci-port\\(guard\\)\\?-//' | sort -u || true)\n"
        'last=$(echo "a)b")\n'
        "echo 'it is done'\n"
        "EMBED_MODEL=acme/encoder python serve.py\n"
    )
    assert found("ci.sh", text) == [(MODEL, "acme/encoder", 4)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('echo "MODEL_ID=acme/encoder" >> "$GITHUB_ENV"\n', [(MODEL, "acme/encoder", 1)]),
        ("echo EMBED_MODEL=acme/encoder >> .env\n", [(MODEL, "acme/encoder", 1)]),
        (  # a group's lines written to the file the stack reads
            '{\n  echo "PORT=${PORT}"\n  echo "TEI_MODEL=acme/encoder"\n  echo "DATASET=acme/reviews"\n}'
            " >> docker/.env\n",
            [(MODEL, "acme/encoder", 3), (DATASET, "acme/reviews", 4)],
        ),
        ('printf \'%s\\n\' "BASE_MODEL=acme/encoder" > "${ENV_FILE}"\n', [(MODEL, "acme/encoder", 1)]),
        ('echo "HUB_MODEL_ID=acme/out" >> "$GITHUB_ENV"\n', []),  # what is written to the Hub
        ('echo "MODEL=acme/encoder"\necho done > log.txt\n', []),  # printed for a reader, no env file written
        ('echo "OUTPUT_DIR=acme/x" >> .env\n', []),  # not named for a model
    ],
)
def test_lines_a_script_prints_into_an_env_file(text: str, expected: list[tuple[Kind, str, int]]) -> None:
    """`echo "NAME=ID" >> .env` (or `$GITHUB_ENV`) writes an assignment the stack or a later step reads."""
    assert found("ci.sh", text) == expected


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("python train.py --model=acme/encoder", "acme/encoder"),
        ('python train.py --model "acme/encoder"', "acme/encoder"),
        ('python train.py --model "${MODEL:-acme/encoder}"', "acme/encoder"),
        ("python train.py --dataset acme/a,acme/b", "acme/b"),
        ("hf download acme/reviews --repo-type dataset", "acme/reviews"),
    ],
)
def test_column_is_where_the_value_is_written(line: str, value: str) -> None:
    references = ShellSource().find(line, context("run.sh"))
    assert (references[-1].text, references[-1].column) == (value, line.index(value))


def test_revision() -> None:
    text = "hf download acme/encoder --revision v2\npython train.py --model acme/encoder@v3\n"
    references = ShellSource().find(text, context("run.sh"))
    assert [(r.text, r.line, r.revision, r.form, r.source) for r in references] == [
        ("acme/encoder", 1, "v2", "hf download", "shell"),
        ("acme/encoder", 2, "v3", "--model", "shell"),
    ]


def test_command_references_places_a_fragment_in_its_file() -> None:
    fragment = "vllm serve --model acme/encoder\n  --tokenizer acme/tokenizer"
    references = command_references(fragment, 12, 14, context("compose.yaml"), source="compose")
    assert [(r.kind, r.text, r.line, r.column, r.source, r.path) for r in references] == [
        (MODEL, "acme/encoder", 12, 14 + fragment.index("acme/encoder"), "compose", "compose.yaml"),
        (MODEL, "acme/tokenizer", 13, 14, "compose", "compose.yaml"),
    ]


@pytest.mark.parametrize(
    ("path", "wanted"),
    [
        ("train.sh", True),
        ("scripts/run.bash", True),
        ("Makefile", True),
        ("sub/GNUmakefile", True),
        ("rules.mk", True),
        ("Dockerfile", True),
        ("docker/Dockerfile.gpu", True),
        ("serve.Dockerfile", True),
        ("Dockerfile_base", True),
        ("docker/Dockerfile-cuda12", True),
        ("Containerfile", True),  # Podman's and Buildah's name for a Dockerfile
        ("containers/server.containerfile", True),
        ("Containerfile.cuda", True),
        ("slurm/train.slurm", True),
        ("jobs/eval.sbatch", True),
        ("train.py", False),
        ("Makefile.am", False),
        ("Dockerfile_notes.md", False),
        ("dockerfile-lint.json", False),
        ("containerfile-lint.json", False),
        ("Containerfile_notes.md", False),
        ("notes.sh.txt", False),
        ("docker-compose.yaml", False),
        ("slurm.md", False),
        ("logs/train.slurm.out", False),
    ],
)
def test_wants(path: str, wanted: bool) -> None:
    assert ShellSource().wants(path) is wanted


def test_discover_end_to_end(tmp_path: Path) -> None:
    (tmp_path / "scripts").mkdir()
    (tmp_path / "scripts" / "train.sh").write_text(
        "#!/bin/bash\n# --model acme/commented\npython train.py \\\n  --model_name_or_path acme/encoder \\\n"
        "  --dataset_name acme/reviews --output_dir ./out\n",
        encoding="utf-8",
    )
    (tmp_path / "Dockerfile").write_text(
        'FROM python:3.12\nENV MODEL=acme/env-only\nCMD ["python", "serve.py", "--model", "acme/encoder"]\n',
        encoding="utf-8",
    )
    (tmp_path / "README.md").write_text("Run `python train.py --model acme/readme`.\n", encoding="utf-8")

    discovery = discover(tmp_path, [tmp_path], sources=(ShellSource(),))

    assert [(a.kind, a.id, [r.location for r in a.references]) for a in discovery.artefacts] == [
        (DATASET, "acme/reviews", ["scripts/train.sh:5"]),
        (MODEL, "acme/encoder", ["Dockerfile:3", "scripts/train.sh:4"]),
        (MODEL, "acme/env-only", ["Dockerfile:2"]),
    ]
    assert discovery.skipped == ()
    assert discovery.files_read == 2


def test_a_file_naming_its_model_only_in_an_upper_case_variable_is_read(tmp_path: Path) -> None:
    """The pre-filter reads the variables' names in any case (`EMBED_MODEL` holds no `model` in lower case), and
    `vllm` for `vllm serve ID`."""
    (tmp_path / "serve.sh").write_text("EMBED_MODEL=acme/encoder\nexec ./serve\n", encoding="utf-8")
    (tmp_path / "Dockerfile").write_text("FROM python:3.12\nARG BASE_MODEL=acme/base\n", encoding="utf-8")
    (tmp_path / "start.sh").write_text("#!/bin/sh\nvllm serve acme/chat\n", encoding="utf-8")
    discovery = discover(tmp_path, [tmp_path], sources=(ShellSource(),))
    assert [(a.id, [r.location for r in a.references]) for a in discovery.artefacts] == [
        ("acme/base", ["Dockerfile:2"]),
        ("acme/chat", ["start.sh:2"]),
        ("acme/encoder", ["serve.sh:1"]),
    ]


def test_a_slurm_batch_script_is_read_as_the_shell_it_is(tmp_path: Path) -> None:
    """`sbatch serve.slurm`: the `#SBATCH` lines are comments to the shell, the rest a script like any other."""
    (tmp_path / "slurm").mkdir()
    (tmp_path / "slurm" / "serve.slurm").write_text(
        '#!/bin/bash\n#SBATCH --job-name=acme/commented\nMODEL_PATH="acme/reasoner"\n'
        "python3 -m sglang.launch_server --model-path $MODEL_PATH\n",
        encoding="utf-8",
    )
    (tmp_path / "slurm" / "eval.sbatch").write_text("srun lighteval --model_args pretrained=acme/judge\n")
    (tmp_path / "slurm" / "train.slurm.out").write_text("MODEL_PATH=acme/logged\n", encoding="utf-8")
    discovery = discover(tmp_path, [tmp_path], sources=(ShellSource(),))
    assert [(a.id, [r.location for r in a.references]) for a in discovery.artefacts] == [
        ("acme/judge", ["slurm/eval.sbatch:1"]),
        ("acme/reasoner", ["slurm/serve.slurm:3"]),
    ]


TGI = "ghcr.io/huggingface/text-generation-inference"
IMAGE = Kind.IMAGE


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        pytest.param(
            f"docker run --gpus all --shm-size 1g -p 8080:80 -v $PWD/data:/data {TGI}:3.0.1 --model-id acme/chat",
            [(MODEL, "acme/chat", 1), (IMAGE, f"{TGI}:3.0.1", 1)],
            id="docker-run-options-then-image-then-server-args",
        ),
        pytest.param(
            "docker run -e -ti -d --name local-ai -p 8080:8080 localai/localai:master run --debug $MODEL_NAME",
            [(IMAGE, "localai/localai:master", 1)],
            id="short-option-taking-a-dash-word",
        ),
        pytest.param("sudo docker run -dit --rm ollama/ollama", [(IMAGE, "ollama/ollama", 1)], id="sudo-switches"),
        pytest.param(
            "podman container run --name=tgi docker.io/vllm/vllm-openai:v0.6.0",
            [(IMAGE, "docker.io/vllm/vllm-openai:v0.6.0", 1)],
            id="podman-container-run",
        ),
        pytest.param(
            "docker pull quay.io/go-skynet/local-ai-backends:master-cpu-llama-cpp",
            [(IMAGE, "quay.io/go-skynet/local-ai-backends:master-cpu-llama-cpp", 1)],
            id="pull",
        ),
        pytest.param("nerdctl create lmsysorg/sglang:latest", [(IMAGE, "lmsysorg/sglang:latest", 1)], id="nerdctl"),
        pytest.param(
            "docker run vllm/vllm-openai:${VLLM_VERSION:-v0.6.3} --model acme/chat",
            [(MODEL, "acme/chat", 1), (IMAGE, "vllm/vllm-openai:v0.6.3", 1)],
            id="tag-default",
        ),
        pytest.param("docker run ${IMAGE:-ollama/ollama:0.3.12}", [(IMAGE, "ollama/ollama:0.3.12", 1)], id="default"),
        pytest.param(f"docker run {TGI}:$VERSION", [(IMAGE, TGI, 1)], id="unknown-tag-variable-dropped"),
        pytest.param(f"docker run {TGI}@sha256:{'a' * 64}", [(IMAGE, f"{TGI}@sha256:{'a' * 64}", 1)], id="digest-kept"),
        pytest.param(
            "srun --container-image=nvcr.io#nvidia/tritonserver:24.01-py3 tritonserver",
            [(IMAGE, "nvcr.io/nvidia/tritonserver:24.01-py3", 1)],
            id="pyxis-registry-hash",
        ),
        pytest.param(
            "srun --container-image nvcr.io/nim/meta/llama3-8b-instruct:1.0.3 start",
            [(IMAGE, "nvcr.io/nim/meta/llama3-8b-instruct:1.0.3", 1)],
            id="pyxis-slash",
        ),
        pytest.param(
            "enroot import docker://nvcr.io#nim/meta/llama3-8b-instruct:1.0.3",
            [(IMAGE, "nvcr.io/nim/meta/llama3-8b-instruct:1.0.3", 1)],
            id="enroot-import",
        ),
        pytest.param(
            f"apptainer pull tgi.sif docker://{TGI}:2.0", [(IMAGE, f"{TGI}:2.0", 1)], id="apptainer-docker-uri"
        ),
        pytest.param(
            "kubectl run vllm --image=vllm/vllm-openai:v0.6.3 --port 8000",
            [(IMAGE, "vllm/vllm-openai:v0.6.3", 1)],
            id="kubectl-run-image",
        ),
        pytest.param(
            "triton start --image nvcr.io/nvidia/tritonserver:24.04-vllm-python-py3",
            [(IMAGE, "nvcr.io/nvidia/tritonserver:24.04-vllm-python-py3", 1)],
            id="triton-cli-image",
        ),
    ],
)
def test_container_engines_name_the_server_images_they_run(command: str, expected: list[tuple[Kind, str, int]]) -> None:
    assert found("run.sh", command) == expected


@pytest.mark.parametrize(
    "command",
    [
        pytest.param(f"docker build -t {TGI}:dev .", id="build"),
        pytest.param(f"docker push {TGI}:dev", id="push"),
        pytest.param(f"docker tag {TGI}:dev {TGI}:latest", id="tag"),
        pytest.param("docker run python:3.11 python serve.py", id="generic-image"),
        pytest.param("docker run -e IMAGE=vllm/vllm-openai busybox", id="image-in-an-option-value"),
        pytest.param("docker run -v ollama/ollama:/data nginx", id="volume-that-looks-like-an-image"),
        pytest.param("docker run $IMAGE --model-id", id="variable-image"),
        pytest.param("docker compose run ollama/ollama", id="compose-service"),
        pytest.param("docker logs ollama/ollama", id="other-subcommand"),
        pytest.param("echo ollama/ollama", id="no-engine"),
        pytest.param("srun --container-image=nvcr.io#nvidia/pytorch:24.01-py3 python train.py", id="pyxis-generic"),
        pytest.param("apptainer pull docker://ubuntu:22.04", id="docker-uri-generic"),
        pytest.param(f"docker run {TGI}-benchmark:latest", id="look-alike-repository"),
        pytest.param("kubectl run shell --image=busybox:1.36 -- sh", id="kubectl-run-generic"),
        pytest.param("python train.py --image ollama/ollama.png", id="image-option-no-server"),
        pytest.param("python caption.py --image-dir ollama/ollama", id="image-prefixed-option"),
    ],
)
def test_container_engines_name_no_other_image(command: str) -> None:
    assert [f for f in found("run.sh", command) if f[0] is IMAGE] == []


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        (
            "vllm serve acme/base --enable-lora --lora-modules sql=acme/sql-lora chat=acme/chat-lora --port 8000",
            ["acme/base", "acme/sql-lora", "acme/chat-lora"],
        ),
        ("python -m vllm.entrypoints.openai.api_server --lora-modules=x=acme/lora", ["acme/lora"]),
        ("vllm serve acme/base --lora-modules local=./adapters/sql other=models/local", ["acme/base"]),
        ("vllm serve acme/base --lora-modules --port 8000 sql=acme/not-an-adapter", ["acme/base"]),
    ],
)
def test_lora_modules_name_adapters(command: str, expected: list[str]) -> None:
    assert [f[1] for f in found("serve.sh", command) if f[0] is MODEL] == expected


def test_a_makefile_recipe_runs_a_server_image() -> None:
    text = f"serve:\n\tdocker run --rm -p 8080:80 {TGI}:1.4.5 --model-id acme/chat\n"
    assert found("Makefile", text) == [(MODEL, "acme/chat", 2), (IMAGE, f"{TGI}:1.4.5", 2)]


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        (f"docker run -e MODEL_ID=acme/chat --env=PORT=80 {TGI}:2.0", [(IMAGE, f"{TGI}:2.0"), (MODEL, "acme/chat")]),
        (
            "docker run --env MODEL_NAME=${MODEL:-acme/chat} ollama/ollama",
            [(IMAGE, "ollama/ollama"), (MODEL, "acme/chat")],
        ),
        ("docker run -e MODEL_ID=acme/chat python:3.11", []),  # no model server: its variables name nothing
        (f"docker run -e MODEL_ID=./weights -e OTHER=acme/x {TGI}:2.0", [(IMAGE, f"{TGI}:2.0")]),
        (f"docker run -v MODEL_ID=acme/chat:/data {TGI}:2.0", [(IMAGE, f"{TGI}:2.0")]),
    ],
)
def test_a_server_s_environment_options_name_its_model(command: str, expected: list[tuple[Kind, str]]) -> None:
    assert [(f[0], f[1]) for f in found("run.sh", command)] == expected


def test_an_sbatch_directive_names_its_container_image() -> None:
    text = "#!/bin/bash\n#SBATCH --container-image=nvcr.io#nvidia/tritonserver:24.01-py3\n# --container-image=x\n"
    assert found("job.sh", text) == [(IMAGE, "nvcr.io/nvidia/tritonserver:24.01-py3", 2)]
    assert found("job.sh", "# SBATCH --container-image=nvcr.io#nvidia/tritonserver:24.01-py3\n") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "train --actor.model_name_or_path acme/sft --reward.model_name_or_path acme/rm\n",
            [(MODEL, "acme/sft", 1), (MODEL, "acme/rm", 1)],
        ),
        ("train --data.prompt_dataset acme/prompts\n", [(DATASET, "acme/prompts", 1)]),
        ("train --ckpt.output_dir acme/x --hub_model_id acme/out --model-path outputs/run\n", []),
    ],
)
def test_flags_named_for_a_model_by_the_naming_rule(text: str, expected: list[tuple[Kind, str, int]]) -> None:
    assert found("run.sh", text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('srun -N1 bash -c \\\n  "python -m train --actor.model_name_or_path acme/sft"\n', [(MODEL, "acme/sft", 2)]),
        ("docker exec box sh -c 'huggingface-cli download acme/enc'\n", [(MODEL, "acme/enc", 1)]),
        ('bash -lc "echo --model_name_or_path"\n', []),
    ],
)
def test_a_script_given_to_a_shell_is_read_in_place(text: str, expected: list[tuple[Kind, str, int]]) -> None:
    assert found("run.sh", text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            'runpodctl create pods --name t \\\n  --args "--port 8080 --model-id acme/base --max-total-tokens 81"\n',
            [(MODEL, "acme/base", 2)],
            id="option-named-args",
        ),
        pytest.param('tool --command="python x.py --model acme/enc"\n', [(MODEL, "acme/enc", 1)], id="option-equals"),
        pytest.param(
            'TRAIN_ARGS="--model_name_or_path acme/sft --dataset_name acme/chat"\npython train.py $TRAIN_ARGS\n',
            [(MODEL, "acme/sft", 1), (DATASET, "acme/chat", 1)],
            id="variable-named-args",
        ),
        pytest.param("export CMD='vllm serve acme/enc --port 80'\n$CMD\n", [(MODEL, "acme/enc", 1)], id="cmd"),
    ],
)
def test_a_command_line_held_by_an_option_or_variable_is_read(text: str, expected: list[tuple[Kind, str, int]]) -> None:
    assert found("run.sh", text) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param('echo "--model acme/enc"\n', id="printed"),
        pytest.param('HELP="use --model acme/enc"\n', id="variable-not-named-for-a-command-line"),
        pytest.param('tool --description "--model acme/enc"\n', id="option-not-named-for-a-command-line"),
        pytest.param('ARGS="--model ./models/local --port 80"\n', id="local-path"),
        pytest.param("ARGS=--model\n", id="one-word"),
    ],
)
def test_command_line_look_alikes(text: str) -> None:
    assert found("run.sh", text) == []


def test_a_command_line_in_an_option_is_placed_where_it_is_written() -> None:
    line = 'runpodctl create pods --args "--port 80 --model-id acme/base"'
    references = ShellSource().find(line, context("run.sh"))
    assert [(r.text, r.column) for r in references] == [("acme/base", line.index("acme/base"))]


def test_a_makefile_is_read_one_logical_line_at_a_time() -> None:
    text = "# don't stop here\ntest:\n\tMODEL_NAME=acme/x \\\n\t$(MAKE) run\n"
    assert found("Makefile", text) == [(MODEL, "acme/x", 3)]


HEREDOCS = """\
#!/bin/bash
cat > config.yaml << 'EOF'
vllm:
  model: "meta-llama/Llama-4-Scout-17B-16E-Instruct"
EOF
cat <<-END > deploy/.env
\tEMBEDDING_MODEL=BAAI/bge-small-en-v1.5
\tEND
tee -a values.yaml <<EOF >/dev/null
image:
  repository: vllm/vllm-openai
  tag: v0.6.0
EOF
"""


def test_a_heredoc_written_to_a_file_is_read_as_that_file() -> None:
    """`cat > config.yaml <<'EOF'`, `cat <<-END > .env`, `tee -a values.yaml <<EOF`: the body is the file it writes,
    read by the sources that read such a file and placed where the script writes it."""
    references = ShellSource().find(HEREDOCS, context("setup.sh"))
    placed = {(r.kind, r.text, r.line) for r in references}
    assert (MODEL, "meta-llama/Llama-4-Scout-17B-16E-Instruct", 4) in placed
    assert (MODEL, "BAAI/bge-small-en-v1.5", 7) in placed
    assert (Kind.IMAGE, "vllm/vllm-openai:v0.6.0", 11) in placed
    (scout,) = [r for r in references if r.text.endswith("Scout-17B-16E-Instruct")]
    assert HEREDOCS.splitlines()[scout.line - 1][scout.column :].startswith('"meta-llama/')  # at its scalar


@pytest.mark.parametrize(
    "text",
    [
        "cat <<EOF\nmodel: acme/printed\nEOF\n",  # written to no file
        "python - <<EOF\nconfig = 'model: acme/in-python'\nEOF\n",
        "cat > notes.txt <<EOF\nmodel: acme/in-notes\nEOF\n",  # a file no source reads
        "cat > config.yaml <<EOF\ndescription: we compared acme/x\nEOF\n",  # not under a model's name
    ],
)
def test_heredoc_look_alikes(text: str) -> None:
    assert [r for r in ShellSource().find(text, context("run.sh")) if r.source == "config"] == []


@pytest.mark.parametrize(
    "substitution",
    [
        pytest.param("$(echo \"$line\" | sed -n 's/.* to \\([^ ]*\\) at .*/\\1/p')", id="parenthesis-in-single-quotes"),
        pytest.param('$(printf "%s)" "$x")', id="parenthesis-in-double-quotes"),
        pytest.param("$(grep -o 'it'\"'\"'s (x)' f)", id="quotes-joined"),
    ],
)
def test_a_command_substitution_with_a_parenthesis_in_quotes_keeps_the_script_in_step(substitution: str) -> None:
    text = f'url={substitution}\nMODEL="acme/encoder"  # the default\necho \'{{"model": "x"}}\'\n'
    assert found("run.sh", text) == [(MODEL, "acme/encoder", 2)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "curl -X POST http://$HOST:$PORT/v1/completions -H 'Content-Type: application/json' \\\n"
            '    -d \'{"model": "facebook/opt-125m", "prompt": "Once upon a time,", "max_tokens": 10}\'\n',
            [(MODEL, "facebook/opt-125m", 2)],
            id="openai-compatible-server",
        ),
        pytest.param(
            'result=$(curl -s localhost:8080/generate --data-raw \'{"inputs": "hi", "parameters": '
            '{"adapter_id": "acme/lora"}}\')\n',
            [(MODEL, "acme/lora", 1)],
            id="tgi-adapter-in-a-substitution",
        ),
        pytest.param(
            'curl https://api.openai.com/v1/chat/completions --json \'{"model": "gpt-4o-mini"}\'\n',
            [(Kind.API, "gpt-4o-mini", 1)],
            id="hosted-api",
        ),
        pytest.param(
            'curl http://router/v1/chat/completions -d \'{"model": "openai/gpt-4o"}\'\n',
            [(Kind.API, "openai/gpt-4o", 1)],
            id="routed-name",
        ),
    ],
)
def test_a_json_body_curl_sends_names_its_model(text: str, expected: list[tuple[Kind, str, int]]) -> None:
    assert found("query.sh", text) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param('curl localhost:8000/v1/completions -d \'{"model": "my-served-name"}\'\n', id="served-name"),
        pytest.param('curl localhost:8000/v1/completions -d "{\\"model\\": \\"$MODEL\\"}"\n', id="variable"),
        pytest.param('curl localhost:8000/v1/completions -d \'{"model": "<your-model>"}\'\n', id="placeholder"),
        pytest.param('curl localhost:8000/v1/completions -d \'{"prompt": "acme/encoder is"}\'\n', id="other-key"),
        pytest.param('curl localhost:8000/push -d \'{"output_model": "acme/encoder"}\'\n', id="written-name"),
        # printed to the terminal; one written to a file is that file, read (test_discover_blind8_notebooks.py)
        pytest.param('echo \'{"model": "acme/encoder"}\'\n', id="printed-not-written"),
    ],
)
def test_json_bodies_that_name_no_model(text: str) -> None:
    assert found("query.sh", text) == []


def test_a_request_to_an_ollama_server_names_no_hub_model() -> None:
    text = 'curl localhost:11434/api/chat -d \'{"model": "acme/encoder"}\'\n'
    assert [kind for kind, _, _ in found("query.sh", text)] == [Kind.OLLAMA]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            'out=$(curl -s http://"$1":"$2"/v1/completions \\\n    -H "Content-Type: application/json" \\\n'
            '    -d \'{"model": "acme/encoder", "prompt": "x"}\' \\\n    | tee out.json)\n',
            [(MODEL, "acme/encoder", 3)],
            id="curl-over-lines",
        ),
        pytest.param("LOG=$(python serve.py --model_name_or_path acme/encoder 2>&1)\n", [(MODEL, "acme/encoder", 1)]),
        pytest.param("MODEL=$(cat model.txt)\nTAG=$(git rev-parse HEAD)\n", [], id="values-made-by-a-command"),
    ],
)
def test_the_commands_of_a_command_substitution_are_read(text: str, expected: list[tuple[Kind, str, int]]) -> None:
    assert found("run.sh", text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "docker run --gpus all -p 8000:8000 vllm/vllm-openai:v0.8.5 Qwen/Qwen2.5-7B-Instruct --port 8000\n",
            [(IMAGE, "vllm/vllm-openai:v0.8.5", 1), (MODEL, "Qwen/Qwen2.5-7B-Instruct", 1)],
            id="vllm-image-first-argument",
        ),
        pytest.param(
            'IMAGE=lmcache/vllm-openai:2025-05-27-v1\ndocker run --runtime nvidia --env "A=B" \\\n'
            "    --network host \\\n    $IMAGE \\\n     meta-llama/Llama-3.1-8B-Instruct \\\n    --port 8200\n",
            [(IMAGE, "lmcache/vllm-openai:2025-05-27-v1", 1), (MODEL, "meta-llama/Llama-3.1-8B-Instruct", 5)],
            id="image-variable-the-script-set",
        ),
        pytest.param(
            "podman run -d rocm/vllm:latest ${MODEL:-acme/encoder}\n",
            [(IMAGE, "rocm/vllm:latest", 1), (MODEL, "acme/encoder", 1)],
            id="a-default",
        ),
    ],
)
def test_a_server_image_s_first_argument_is_its_model(text: str, expected: list[tuple[Kind, str, int]]) -> None:
    assert found("serve.sh", text) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(f"docker run {TGI}:2.0 acme/encoder\n", id="server-without-a-model-argument"),
        pytest.param("docker run python:3.11 acme/encoder\n", id="generic-image"),
        pytest.param("docker run vllm/vllm-openai:v0.8.5 ./models/local --port 8000\n", id="local-path"),
        pytest.param("docker run vllm/vllm-openai:v0.8.5 --port 8000\n", id="options-only"),
        pytest.param("docker pull vllm/vllm-openai:v0.8.5 acme/encoder\n", id="pull"),
        pytest.param("IMAGE=busybox\ndocker run $IMAGE acme/encoder\n", id="variable-not-a-server"),
    ],
)
def test_arguments_of_other_images_name_no_model(text: str) -> None:
    assert [f for f in found("serve.sh", text) if f[0] is MODEL] == []


def test_a_model_flag_after_a_server_image_is_read_once() -> None:
    text = "docker run vllm/vllm-openai:v0.8.5 --model acme/encoder\n"
    assert sorted(found("serve.sh", text)) == [(IMAGE, "vllm/vllm-openai:v0.8.5", 1), (MODEL, "acme/encoder", 1)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("llama-server -hf ggml-org/gemma-3-1b-it-GGUF --port 8080\n", ["ggml-org/gemma-3-1b-it-GGUF"]),
        pytest.param("llama-cli -hf unsloth/Qwen3-4B-GGUF:Q4_K_M -p hi\n", ["unsloth/Qwen3-4B-GGUF"], id="quant"),
        pytest.param(
            "llama-server --hf-repo bartowski/Llama-3.2-3B-Instruct-GGUF --hf-file x.gguf -hfd acme/draft-GGUF\n",
            ["bartowski/Llama-3.2-3B-Instruct-GGUF", "acme/draft-GGUF"],
            id="long-flag-and-draft",
        ),
        pytest.param(
            "gguf-parser -hf-repo bartowski/Qwen2.5-7B-Instruct-GGUF -hf-file x.gguf --estimate\n",
            ["bartowski/Qwen2.5-7B-Instruct-GGUF"],
            id="gguf-parser-one-dash",
        ),
        pytest.param(
            "python -m sglang.launch_server --lora-paths lora0=acme/adapter-a lora1=acme/adapter-b\n",
            ["acme/adapter-a", "acme/adapter-b"],
            id="sglang-lora-paths",
        ),
        pytest.param(
            "vllm serve acme/base --enable-lora --lora-modules "
            '\'{"name": "sql", "path": "acme/sql-lora", "base_model_name": "acme/base"}\'\n',
            ["acme/base", "acme/sql-lora", "acme/base"],
            id="vllm-lora-modules-json",
        ),
        pytest.param(
            'vllm serve acme/base --speculative-config \'{"model": "acme/draft", "num_speculative_tokens": 5}\'\n',
            ["acme/base", "acme/draft"],
            id="json-option-value",
        ),
    ],
)
def test_server_options_that_name_models(text: str, expected: list[str]) -> None:
    assert [artefact for kind, artefact, _ in found("serve.sh", text) if kind is MODEL] == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("llama-server -m ./models/x.gguf --hf-file x.gguf\n", id="local-file"),
        pytest.param("llama-server -hf <user>/<model>\n", id="placeholder"),
        pytest.param("sort -h -f file\ngrep -hf patterns.txt x\n", id="other-programs-short-flags"),
        pytest.param('vllm serve ./local --kv-transfer-config \'{"kv_connector": "LMCacheConnectorV1"}\'\n'),
        pytest.param('run --config \'{"output_model": "acme/out"}\'\n', id="written-key"),
        pytest.param('curl localhost:11434/api/chat --data \'{"model": "acme/encoder"}\'\n', id="ollama-request"),
    ],
)
def test_options_that_name_no_model(text: str) -> None:
    assert [f for f in found("serve.sh", text) if f[0] is MODEL] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("vllm serve --host 0.0.0.0 --port 8000 acme/encoder\n", ["acme/encoder"], id="after-options"),
        pytest.param(
            "trtllm-serve TinyLlama/TinyLlama-1.1B-Chat-v1.0 --host 0.0.0.0\n", ["TinyLlama/TinyLlama-1.1B-Chat-v1.0"]
        ),
        pytest.param(
            "lmdeploy serve api_server internlm/internlm2_5-7b-chat --server-port 23333\n",
            ["internlm/internlm2_5-7b-chat"],
        ),
        pytest.param("lmdeploy chat acme/chat\n", ["acme/chat"]),
        pytest.param("aphrodite run meta-llama/Llama-3.2-3B-Instruct\n", ["meta-llama/Llama-3.2-3B-Instruct"]),
    ],
)
def test_serving_commands_name_their_model(text: str, expected: list[str]) -> None:
    assert [artefact for kind, artefact, _ in found("serve.sh", text) if kind is MODEL] == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("vllm serve --config config.yaml\n", id="option-value"),
        pytest.param("vllm serve --enable-lora ./local\n", id="after-a-switch"),
        pytest.param("echo run vllm serve to start it\n", id="prose"),
        pytest.param("lmdeploy serve gradio ./workspace\n", id="other-subcommand-local"),
        pytest.param("trtllm-serve $MODEL --port 8000\n", id="variable"),
    ],
)
def test_serving_commands_naming_no_model(text: str) -> None:
    assert [f for f in found("serve.sh", text) if f[0] is MODEL] == []


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        pytest.param("sky launch -c c task.yaml --env MODEL_ID=acme/base", [(MODEL, "acme/base", 1)], id="sky-env"),
        pytest.param("kubectl run x --env=EMBEDDING_MODEL=acme/emb", [(MODEL, "acme/emb", 1)], id="env-equals"),
        pytest.param("docker build --build-arg BASE_MODEL=acme/base .", [(MODEL, "acme/base", 1)], id="build-arg"),
        pytest.param(
            'helm install r charts/x --set server.modelName=acme/base --set "image.tag=v1"',
            [(MODEL, "acme/base", 1)],
            id="helm-set-path",
        ),
        pytest.param(
            "helm upgrade r c --set-string models[0].model_id=acme/base", [(MODEL, "acme/base", 1)], id="index"
        ),
    ],
)
def test_settings_handed_on_by_options_are_read_by_their_names(
    command: str, expected: list[tuple[Kind, str, int]]
) -> None:
    assert found("deploy.sh", command + "\n") == expected


@pytest.mark.parametrize(
    "command",
    [
        pytest.param("sky launch task.yaml --env OUTPUT_MODEL=acme/out", id="written"),
        pytest.param("helm install r c --set 'deployment.args[1].value=acme/base'", id="not-named-for-a-model"),
        pytest.param("sky launch task.yaml --env MODEL_TYPE=acme/x", id="a-model-s-type"),
        pytest.param("docker run -e EMBEDDING_MODEL=acme/emb python:3.11", id="a-generic-image-s-variables"),
        pytest.param("sky launch task.yaml --env MODEL_ID", id="no-value"),
    ],
)
def test_settings_that_name_no_model(command: str) -> None:
    assert found("deploy.sh", command + "\n") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # dspy's and LiteLLM's programs: a Hub model behind a route to a local OpenAI-compatible server, under any flag
        (
            "python evaluate.py --api_name openai/acme/coder-32b --api_base http://localhost:8000/v1\n",
            [(MODEL, "acme/coder-32b", 1)],
        ),
        ("python judge.py --judge_lm=hosted_vllm/acme/judge-7b\n", [(MODEL, "acme/judge-7b", 1)]),
        # a hosted API's versioned name as the value of a flag of any name, in a command the pre-filter lets through
        (
            "python evaluate.py --generator o1-mini --test_generator gpt-4o-mini --model_dir ./m\n",
            [(Kind.API, "o1-mini", 1), (Kind.API, "gpt-4o-mini", 1)],
        ),
    ],
)
def test_models_under_flags_of_any_name(text: str, expected: list[tuple[Kind, str, int]]) -> None:
    assert sorted(found("run.sh", text)) == sorted(expected)


@pytest.mark.parametrize(
    "text",
    [
        "python evaluate.py --api_name openai/local --api_base http://localhost:8000/v1 --model_dir x\n",  # a name
        "python run.py --config vllm/attention/backends --model_dir x\n",  # a path in vLLM's tree
        "python run.py --output_dir openai/acme/coder-32b --model_dir x\n",  # written, not read
        "python run.py --generator 4o-mini --judge qwen32b --model_dir x\n",  # a program's own aliases
        "python run.py --template llama3 --chat_format mistral --model_dir x\n",  # family words, no API's name
        "python run.py --run_name gpt-4o-baseline-run --model_dir x\n",  # a label holding a name
    ],
)
def test_flags_of_any_name_that_name_nothing(text: str) -> None:
    assert found("run.sh", text) == []
