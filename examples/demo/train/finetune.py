"""Fine-tune the instruct model on our support transcripts."""

import json

from transformers import AutoModelForCausalLM, AutoTokenizer

BASE = "mosaicml/mpt-30b"
INSTRUCT = "mosaicml/mpt-30b-instruct"
OUTPUT_DIR = "out/mpt-support"
CONTENT_TYPE = "text/plain"


def main() -> None:
    tokenizer = AutoTokenizer.from_pretrained(BASE)
    model = AutoModelForCausalLM.from_pretrained(INSTRUCT, trust_remote_code=True)
    model.save_pretrained(OUTPUT_DIR)
    with open("data/transcripts.json") as handle:
        print(len(json.load(handle)), tokenizer)


if __name__ == "__main__":
    main()
