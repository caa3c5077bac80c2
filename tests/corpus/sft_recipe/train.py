import argparse

import torch
from datasets import load_dataset
from transformers import AutoModelForCausalLM, AutoTokenizer


def parse_args():
    parser = argparse.ArgumentParser(description="Supervised fine-tuning")
    parser.add_argument("--model_name_or_path", default="mistralai/Mistral-7B-v0.1")
    parser.add_argument("--dataset_name", default="HuggingFaceH4/ultrachat_200k")
    parser.add_argument("--output_dir", default="./checkpoints/sft")
    parser.add_argument("--max_seq_length", type=int, default=2048)
    return parser.parse_args()


def main():
    args = parse_args()
    tokenizer = AutoTokenizer.from_pretrained(args.model_name_or_path)
    model = AutoModelForCausalLM.from_pretrained(args.model_name_or_path, torch_dtype=torch.bfloat16)
    raw = load_dataset(args.dataset_name, split="train_sft")
    print(model.config.model_type, len(raw), tokenizer.eos_token)


if __name__ == "__main__":
    main()
