"""Data preparation: local JSON files only; nothing is downloaded from a hub."""
import mimetypes
import os

from datasets import load_dataset

RAW_DIR = "./data/raw"
CHECKPOINT = "./checkpoints/x"
UPSTREAM = "https://github.com/acme/data-tools"
ACCEPT = "application/json"
UPLOAD_TYPES = ("text/csv", "image/png", "application/x-parquet")
PROMPT_STYLE = "llama2"


def load_local():
    return load_dataset("json", data_files={"train": f"{RAW_DIR}/train.jsonl", "test": f"{RAW_DIR}/test.jsonl"})


def load_csv():
    return load_dataset("csv", data_files="data/extra/*.csv", split="train")


def guess(path: str) -> str:
    kind, _ = mimetypes.guess_type(path)
    return kind or "application/octet-stream"


def save(ds, output_dir: str = "outputs/prepared", hub_model_id: str = "acme/prepared-data"):
    os.makedirs(output_dir, exist_ok=True)
    ds.save_to_disk(os.path.join(output_dir, "dataset"))
