"""Forms of Python applications found on a repository the benchmark does not label (issue 16, text-generation-webui):
Chroma's embedding functions, and the default of a UI widget whose label names a model or dataset."""

from __future__ import annotations

import pytest

from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.python import PythonSource
from modelpolicy.model import Kind

M, D, A, OL = Kind.MODEL, Kind.DATASET, Kind.API, Kind.OLLAMA


def find(source: str) -> set[tuple[Kind, str, int, str]]:
    context = FileContext("pkg/app.py", lambda text: text == "checkpoints/run1")
    return {(r.kind, r.text, r.line, r.form) for r in PythonSource().find(source, context)}


# --- Chroma's embedding functions ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            'ef = embedding_functions.SentenceTransformerEmbeddingFunction("sentence-transformers/all-mpnet-base-v2")',
            (M, "sentence-transformers/all-mpnet-base-v2", "SentenceTransformerEmbeddingFunction"),
        ),
        (
            'ef = SentenceTransformerEmbeddingFunction(model_name="all-MiniLM-L6-v2", device="cuda")',
            (M, "all-MiniLM-L6-v2", "SentenceTransformerEmbeddingFunction"),
        ),
        (
            'ef = embedding_functions.InstructorEmbeddingFunction(model_name="hkunlp/instructor-xl")',
            (M, "hkunlp/instructor-xl", "InstructorEmbeddingFunction"),
        ),
        (
            'ef = HuggingFaceEmbeddingFunction(api_key=key, model_name="org/e")',
            (M, "org/e", "HuggingFaceEmbeddingFunction"),
        ),
        ('ef = HuggingFaceEmbeddingFunction(key, "org/e")', (M, "org/e", "HuggingFaceEmbeddingFunction")),
        (
            'ef = OpenAIEmbeddingFunction(api_key=key, model_name="text-embedding-3-small")',
            (A, "text-embedding-3-small", "OpenAIEmbeddingFunction"),
        ),
        (
            'ef = CohereEmbeddingFunction(api_key=key, model_name="embed-english-v3.0")',
            (A, "embed-english-v3.0", "CohereEmbeddingFunction"),
        ),
        (
            'ef = OllamaEmbeddingFunction(url="http://localhost:11434", model_name="nomic-embed-text")',
            (OL, "nomic-embed-text", "OllamaEmbeddingFunction"),
        ),
    ],
)
def test_chroma_embedding_functions_name_their_model(source: str, expected: tuple[Kind, str, str]) -> None:
    kind, artefact, form = expected
    assert find(source) == {(kind, artefact, 1, form)}


def test_a_chroma_embedding_function_over_several_lines() -> None:
    source = (
        "self.embedder = embedding_functions.SentenceTransformerEmbeddingFunction(\n"
        '    "sentence-transformers/all-mpnet-base-v2",\n'
        '    device=("cuda" if torch.cuda.is_available() else "cpu"),\n'
        ")\n"
    )
    assert find(source) == {(M, "sentence-transformers/all-mpnet-base-v2", 2, "SentenceTransformerEmbeddingFunction")}


@pytest.mark.parametrize(
    "source",
    [
        'ef = SentenceTransformerEmbeddingFunction("./models/minilm")',  # a local path
        "ef = embedding_functions.DefaultEmbeddingFunction()",
        'ef = HuggingFaceEmbeddingFunction("hf_abcdef123")',  # the API key, not the model
        'ef = OpenAIEmbeddingFunction(api_key="sk-abc", api_base="https://example.com/v1")',
    ],
)
def test_chroma_embedding_function_look_alikes(source: str) -> None:
    assert find(source) == set()


# --- the default of a UI widget whose label names a model or dataset ---------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # Gradio
        ('x = gr.Textbox(value="org/m", label="Embedding model")', {(M, "org/m")}),
        ('x = gr.Textbox("org/m", label="Model name")', {(M, "org/m")}),
        (
            'x = gr.Dropdown(choices=["wikitext", "ptb"] + local(), value="wikitext", label="Input dataset")',
            {(D, "wikitext")},
        ),
        (
            'x = gr.Dropdown(["gpt-4o", "gpt-4o-mini"], value="gpt-4o", label="Model")',
            {(A, "gpt-4o"), (A, "gpt-4o-mini")},
        ),
        ('DEFAULT = "org/m"\nx = gr.Textbox(label="Model", value=DEFAULT)', {(M, "org/m")}),
        # Streamlit: the label comes first
        ('x = st.text_input("Hugging Face model", "org/m")', {(M, "org/m")}),
        ('x = st.selectbox("Model", ["org/a", "org/b"])', {(M, "org/a"), (M, "org/b")}),
        # ipywidgets and Panel
        ('x = widgets.Dropdown(options=["org/a", "org/b"], description="Model:")', {(M, "org/a"), (M, "org/b")}),
        ('x = pn.widgets.TextInput(name="Embedding model", value="org/e")', {(M, "org/e")}),
    ],
)
def test_a_widget_labelled_for_a_model_starts_from_or_offers_one(source: str, expected: set[tuple[Kind, str]]) -> None:
    assert {(kind, text) for kind, text, _, form in find(source) if form == "widget"} == expected
    assert {form for *_, form in find(source)} == {"widget"}


@pytest.mark.parametrize(
    "source",
    [
        'x = gr.Textbox(placeholder="Tongyi-MAI/Z-Image-Turbo", label="Download model")',  # an example to type over
        'x = gr.Textbox(label="Model", info="for instance: facebook/galactica-125m")',  # help text
        'x = gr.Textbox(value="org/m", label="Output model")',  # what the app writes
        'x = gr.Textbox(value="org/m", label="Prompt")',  # a label naming no model
        'x = gr.Textbox(value="org/m", label="Model settings")',
        'x = gr.Dropdown(choices=["a", "b"], value="None", label="Evaluation Dataset")',
        'x = gr.Dropdown(label="Whisper Model", value="small.en", choices=["tiny.en", "base", "large"])',  # not Hub ids
        'x = gr.Textbox(value="checkpoints/run1", label="Model")',  # a local path
        'x = gr.Textbox(label="Model", value=f"{org}/x")',
        'x = st.text_input("Your name", "org/m")',
        'x = st.text_input(label, "org/m")',  # a label that is no string
        'x = Text(value="org/m", style="Model")',  # no label
    ],
)
def test_widget_look_alikes(source: str) -> None:
    assert find(source) == set()


# --- Gradio's `gr.load` of a Hub model -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('demo = gr.load("models/meta-llama/Llama-3.1-8B-Instruct")', "meta-llama/Llama-3.1-8B-Instruct"),
        ('demo = gradio.load(name="models/org/x")', "org/x"),
        ('demo = gr.load("org/x", src="models")', "org/x"),
        ('chat_model = gr.load("org/x", "huggingface")', "org/x"),
        ('model = gr.Interface.load("huggingface/org/x")', "org/x"),  # Gradio 3
    ],
)
def test_gradio_load_of_a_model(source: str, expected: str) -> None:
    assert find(source) == {(M, expected, 1, "load")}


@pytest.mark.parametrize(
    "source",
    [
        'demo = gr.load("spaces/abidlabs/whisper")',  # a Space
        'demo = gr.load("abidlabs/whisper", src="spaces")',
        'state = torch.load("models/org/x.pt")',  # another `load`
        'state = model.load("models/org/x")',
        'demo = gr.load(f"models/{name}")',  # built at run time from a name that cannot be followed
    ],
)
def test_gradio_load_look_alikes(source: str) -> None:
    assert find(source) == set()


# --- llama-cpp-python's `Llama.from_pretrained(repo_id=...)` -----------------------------------------------------


@pytest.mark.parametrize(
    "source",
    [
        'llm = Llama.from_pretrained(repo_id="Qwen/Qwen2-0.5B-Instruct-GGUF", filename="*q8_0.gguf")',
        'llm = Llama.from_pretrained("Qwen/Qwen2-0.5B-Instruct-GGUF", "*q8_0.gguf")',
        'llm = llama_cpp.Llama.from_pretrained(\n    repo_id="Qwen/Qwen2-0.5B-Instruct-GGUF", filename="*q8_0.gguf"\n)',
    ],
)
def test_llama_cpp_from_pretrained_takes_the_repo_id(source: str) -> None:
    assert {(kind, text, form) for kind, text, _, form in find(source)} == {
        (M, "Qwen/Qwen2-0.5B-Instruct-GGUF", "from_pretrained")
    }


@pytest.mark.parametrize(
    "source",
    [
        'llm = Llama.from_pretrained(filename="*q8_0.gguf", local_dir="./models")',  # no repository
        'llm = Llama.from_pretrained(repo_id="./models/qwen", filename="*q8_0.gguf")',  # a local folder
        'llm = Llama(model_path="./models/qwen.gguf")',
    ],
)
def test_llama_cpp_look_alikes(source: str) -> None:
    assert find(source) == set()


# --- Coqui TTS's XTTS, downloaded from the Hub -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('tts = TTS("tts_models/multilingual/multi-dataset/xtts_v2").to("cuda")', "coqui/XTTS-v2"),
        ('tts = TTS(model_name="tts_models/multilingual/multi-dataset/xtts_v1.1")', "coqui/XTTS-v1"),
        (
            'p = {"model_name": "tts_models/multilingual/multi-dataset/xtts_v2"}\nmodel = TTS(p["model_name"])',
            "coqui/XTTS-v2",
        ),
    ],
)
def test_coqui_xtts_is_the_hub_repository(source: str, expected: str) -> None:
    assert {(kind, text, form) for kind, text, _, form in find(source)} == {(M, expected, "TTS")}


@pytest.mark.parametrize(
    "source",
    [
        'tts = TTS("tts_models/en/ljspeech/tacotron2-DDC")',  # fetched from GitHub releases
        'tts = TTS(model_path="./xtts", config_path="./xtts/config.json")',  # a local model
        'tts = gTTS("hello model", lang="en")',  # another library
    ],
)
def test_coqui_tts_look_alikes(source: str) -> None:
    assert find(source) == set()


# --- Kubernetes manifests built as dicts (KubeAI's client examples) ---------------------------------------------------


def test_a_manifest_dict_named_for_a_model_names_its_url_not_its_api_version() -> None:
    source = (
        "model = {\n"
        '    "apiVersion": "kubeai.org/v1",\n'
        '    "kind": "Model",\n'
        '    "metadata": {"name": "facebook-opt-125m", "namespace": "default"},\n'
        '    "spec": {"features": ["TextGeneration"], "url": "hf://facebook/opt-125m", "engine": "VLLM"},\n'
        "}\n"
        'models_client = k8s_client.resources.get(api_version="kubeai.org/v1", kind="Model")\n'
    )
    assert {(kind, text) for kind, text, _, _ in find(source)} == {(M, "facebook/opt-125m")}
