import os

from fastapi import FastAPI
from pydantic import BaseModel
from transformers import pipeline

MODEL = os.getenv("MODEL", "cardiffnlp/twitter-roberta-base-sentiment-latest")
DEVICE = int(os.environ.get("DEVICE", "-1"))
ALLOWED_TYPES = {"application/json", "text/plain"}

app = FastAPI()
classifier = pipeline("sentiment-analysis", model=MODEL, device=DEVICE)


class Item(BaseModel):
    text: str


@app.post("/predict")
def predict(item: Item):
    return classifier(item.text)[0]
