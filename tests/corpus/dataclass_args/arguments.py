from dataclasses import dataclass, field
from typing import Optional


@dataclass
class ModelArguments:
    model_name_or_path: str = field(
        default="microsoft/Phi-3-mini-4k-instruct",
        metadata={"help": "Path to pretrained model or model identifier from huggingface.co/models"},
    )
    tokenizer_name: Optional[str] = field(default=None, metadata={"help": "Defaults to the model's tokenizer"})
    trust_remote_code: bool = field(default=False)


@dataclass
class DataArguments:
    dataset_name: str = field(default="databricks/databricks-dolly-15k")
    eval_dataset_name: str = field(default="tatsu-lab/alpaca_eval")
    max_seq_length: int = field(default=2048)
    cache_dir: str = field(default="./cache")


@dataclass
class OutputArguments:
    output_dir: str = field(default="./checkpoints/phi3-dolly")
    hub_model_id: str = field(default="acme/phi3-dolly")
