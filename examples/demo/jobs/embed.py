"""Nightly job: score support answers with an open assistant model and store them."""

from transformers import AutoModelForCausalLM, AutoTokenizer

SCORER = "OpenAssistant/oasst-sft-4-pythia-12b-epoch-3.5"
LOCAL_CHECKPOINT = "./checkpoints/scorer"


def load_scorer(use_local: bool = False):
    if use_local:
        return AutoModelForCausalLM.from_pretrained(LOCAL_CHECKPOINT)
    tokenizer = AutoTokenizer.from_pretrained(SCORER)
    return tokenizer, AutoModelForCausalLM.from_pretrained(SCORER)
