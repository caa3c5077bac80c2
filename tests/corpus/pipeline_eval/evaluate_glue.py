import evaluate
from datasets import load_dataset
from transformers import AutoModelForSequenceClassification, AutoTokenizer, pipeline

CHECKPOINT = "distilbert/distilbert-base-uncased-finetuned-sst-2-english"


def sst2_accuracy():
    clf = pipeline("text-classification", model=CHECKPOINT)
    data = load_dataset("stanfordnlp/sst2", split="validation")
    preds = [1 if p["label"] == "POSITIVE" else 0 for p in clf(data["sentence"], batch_size=64)]
    return evaluate.load("accuracy").compute(predictions=preds, references=data["label"])


def mrpc_baseline():
    tokenizer = AutoTokenizer.from_pretrained("FacebookAI/roberta-base")
    model = AutoModelForSequenceClassification.from_pretrained("FacebookAI/roberta-base", num_labels=2)
    mrpc = load_dataset("nyu-mll/glue", "mrpc", split="validation")
    return tokenizer, model, mrpc


def ner():
    tagger = pipeline("ner", model="dslim/bert-base-NER", aggregation_strategy="simple")
    return tagger("Hugging Face is based in New York City.")
