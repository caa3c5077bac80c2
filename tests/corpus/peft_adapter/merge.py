import argparse

import torch
from peft import PeftModel
from transformers import AutoModelForCausalLM, AutoTokenizer

BASE_MODEL = "meta-llama/Llama-2-7b-hf"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--adapter", default="timdettmers/guanaco-7b")
    parser.add_argument("--output_dir", default="./checkpoints/guanaco-merged")
    args = parser.parse_args()

    base = AutoModelForCausalLM.from_pretrained(BASE_MODEL, torch_dtype=torch.float16)
    model = PeftModel.from_pretrained(base, args.adapter)
    merged = model.merge_and_unload()
    merged.save_pretrained(args.output_dir)
    AutoTokenizer.from_pretrained(BASE_MODEL).save_pretrained(args.output_dir)


if __name__ == "__main__":
    main()
