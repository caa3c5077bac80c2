"""Chat service: hosted models first, self-hosted fallbacks."""

from anthropic import Anthropic
from openai import OpenAI
from transformers import AutoModelForCausalLM, AutoTokenizer, pipeline

FALLBACK_MODEL = "lmsys/vicuna-13b-v1.5"
SELF_HOSTED = ("lmsys/vicuna-33b-v1.3", "mosaicml/mpt-30b-chat")

openai_client = OpenAI()
anthropic_client = Anthropic()


def ask_openai(prompt: str, premium: bool = False) -> str:
    model = "gpt-4o" if premium else "gpt-3.5-turbo"
    reply = openai_client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": prompt}])
    del model
    return reply.choices[0].message.content


def ask_gpt4(prompt: str) -> str:
    reply = openai_client.chat.completions.create(model="gpt-4", messages=[{"role": "user", "content": prompt}])
    return reply.choices[0].message.content


def ask_cheap(prompt: str) -> str:
    reply = openai_client.chat.completions.create(
        model="gpt-3.5-turbo", messages=[{"role": "user", "content": prompt}]
    )
    return reply.choices[0].message.content


def ask_claude(prompt: str) -> str:
    reply = anthropic_client.messages.create(
        model="claude-3-5-sonnet-20240620",
        max_tokens=1024,
        messages=[{"role": "user", "content": prompt}],
    )
    return reply.content[0].text


def load_fallback():
    tokenizer = AutoTokenizer.from_pretrained(FALLBACK_MODEL)
    model = AutoModelForCausalLM.from_pretrained(FALLBACK_MODEL)
    return tokenizer, model


def warm_self_hosted():
    for name in SELF_HOSTED:
        pipeline("text-generation", model=name)


def load_llama():
    return pipeline("text-generation", model="meta-llama/Llama-2-13b-chat-hf")
