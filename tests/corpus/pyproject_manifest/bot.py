import os

from transformers import AutoModelForCausalLM, AutoTokenizer

# The model comes from deployment config; see [tool.modelpolicy] in pyproject.toml.
checkpoint = os.environ["BOT_MODEL"]
tokenizer = AutoTokenizer.from_pretrained(checkpoint)
model = AutoModelForCausalLM.from_pretrained(checkpoint, device_map="auto")
