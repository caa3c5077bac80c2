import os

import anthropic
from openai import OpenAI

openai_client = OpenAI(api_key=os.environ["OPENAI_API_KEY"])
claude = anthropic.Anthropic()


def summarise(text: str) -> str:
    response = openai_client.chat.completions.create(
        model="gpt-4o",
        messages=[{"role": "user", "content": f"Summarise:\n{text}"}],
        response_format={"type": "json_object"},
    )
    return response.choices[0].message.content


def critique(text: str) -> str:
    message = claude.messages.create(
        model="claude-3-haiku-20240307",
        max_tokens=512,
        messages=[{"role": "user", "content": text}],
    )
    return message.content[0].text


def embed(texts: list[str]) -> list[list[float]]:
    result = openai_client.embeddings.create(model="text-embedding-3-small", input=texts)
    return [d.embedding for d in result.data]
