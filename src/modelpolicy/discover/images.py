"""Container image references, wherever they are written: whether an image is a model server the knowledge base
knows, and the id it is reported by (`registry/repository[:tag][@digest]`, the repository lower-cased).

Sources extract the text (a compose `image:`, a `docker run` argument, a Helm `repository:` and `tag:`); this
decides. Generic images (`python`, `nvidia/cuda`, `postgres`) are not model servers, so they name nothing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from modelpolicy.discover.identity import without_actions_default
from modelpolicy.knowledge import load as load_knowledge
from modelpolicy.knowledge.servers import ImageName

# Words one of which every image of the catalogue holds, lower-cased: for the pre-filters of sources that read free
# strings (Python). A test checks that each of the catalogue's patterns holds one.
IMAGE_MARKERS = (
    b"text-generation-inference",
    b"text-embeddings-inference",
    b"vllm",
    b"sglang",
    b"ollama",
    b"llama.cpp",
    b"local-ai",
    b"localai",
    b"tritonserver",
    b"tensorrt-llm",
    b"nvcr.io/nim/",
    b"huggingfaceserver",
    b"torchserve",
    b"mlserver",
    b"model_server",
    b"chat-ui",
    b"xinference",
    b"kserve/",
    b"kfserving/",
    b"tensorflow/serving",
    b"llm-d/llm-d",
    b"paddlepaddle/serving",
    b"infinity",
    b"faster-whisper-server",
    b"speaches",
    b"aikit/",
    b"predibase/lorax",
    b"lmdeploy",
    b"paddleocr-genai",
    b"ray-llm",  # Ray Serve LLM's image (`rayproject/ray-llm`)
    b"llamacpp_python",  # containers/ai-lab-recipes' llama-cpp-python server (`quay.io/ai-lab/llamacpp_python`)
    b"llama-cpp-python",
    b"whisper.cpp",
    b"whispercpp",
    b"object-detection-server",
    b"object_detection_python",
    b"nvidia/nim",  # NIMs on Amazon ECR Public (`public.ecr.aws/nvidia/nim:TAG`)
    b"nemoretriever",  # NeMo Retriever NIMs under `nvcr.io/nvidia/nemo-microservices/`
    b"ai-dynamo/",  # Dynamo's runtimes (`nvcr.io/nvidia/ai-dynamo/vllm-runtime`)
    b"llamastack/",  # Llama Stack's distributions (`llamastack/distribution-ollama`)
    b"llama-stack",
)
# Environment variables a model server reads its model from (`HF_MODEL_ID`: TGI's SageMaker entrypoint).
MODEL_VARIABLES = frozenset({"MODEL_ID", "MODEL_NAME", "MODEL", "HF_MODEL_ID"})
# `${NAME}`, `${NAME:-default}`, `${NAME-default}` and `$NAME`.
_VARIABLE = re.compile(r"\$\{(\w+)(?::?-([^}]*))?\}|\$(\w+)")
# A transport in front of an image (`docker://`, as apptainer, enroot and GitHub Actions write it).
_TRANSPORT = re.compile(r"^(?:docker|docker-image)://", re.IGNORECASE)
# enroot and pyxis write `[USER@][REGISTRY#]IMAGE[:TAG]`: `nvcr.io#nvidia/tritonserver:24.01-py3`.
_PYXIS = re.compile(r"^(?:[\w.-]+@)?(?P<registry>[\w.-]+(?::\d+)?)#(?P<image>.+)$")


def expand(value: str, known: Mapping[str, str] | None = None) -> str:
    """`value` with the variables it names replaced by their known values or written defaults; others left as is."""
    values = known or {}

    def substitute(match: re.Match[str]) -> str:
        name = match[1] or match[3]
        if name in values:
            return values[name]
        return match[2] if match[2] is not None else match[0]

    return _VARIABLE.sub(substitute, value)


def server_image(written: str, known: Mapping[str, str] | None = None) -> str | None:
    """The id of the model-server image `written` names, its variables replaced by `known` values or defaults;
    None when it is no model server. A tag or digest left as an unknown variable is dropped: the version is
    unknown. A repository left as a variable names nothing."""
    text = _TRANSPORT.sub("", expand(without_actions_default(written.strip()), known))
    if pyxis := _PYXIS.match(text):
        text = f"{pyxis['registry']}/{pyxis['image']}"
    image = ImageName.parse(text)
    if _unset(image.repository) or _hollow(image.repository) or load_knowledge().server(image.repository) is None:
        return None
    tag = image.tag if image.tag and not _unset(image.tag) else None
    digest = image.digest if image.digest and not _unset(image.digest) else None
    return ImageName(image.repository, tag, digest).text


# A string that is wholly an image reference: `[registry[:port]/]repository[:tag][@algorithm:digest]`, no spaces.
_WHOLE_IMAGE = re.compile(r"[\w.-]+(?::\d+)?/[\w./-]+(?::[\w.-]+)?(?:@\w+:[0-9a-f]+)?")


def whole_image(text: str) -> str | None:
    """The id of the model-server image a string of code is, as a whole (`"nvcr.io/nim/meta/llama3-8b-instruct:1.0"`,
    `new GenericContainer("ollama/ollama:0.3.12")`); None for prose, a path or an image that is no model server."""
    value = text.strip()
    lowered = value.lower()
    if not _WHOLE_IMAGE.fullmatch(value) or not any(word.decode() in lowered for word in IMAGE_MARKERS):
        return None
    return code_image(value)


def code_image(text: str) -> str | None:
    """`server_image` of a string of code, which is no image's position: an `owner/name` that only a catalogue's
    wildcard matches (`*/sglang`, a project's own build) is an image there when written as one, with a tag, a digest
    or a registry host (`aibrix/sglang:v0.4.9`); bare, it is as often an engine's or a repository's name
    (`"vllm/sglang"`, `"sgl-project/sglang"`)."""
    image = server_image(text)
    if image is None:
        return None
    written = ImageName.parse(image)
    if written.tag or written.digest or "/" not in written.repository:
        return image
    host = written.repository.partition("/")[0]
    listed = any(written.repository in server.images for server in load_knowledge().servers)
    return image if listed or "." in host or ":" in host or host == "localhost" else None


def _hollow(repository: str) -> bool:
    """Whether a repository has an empty part: none at all, or what a hole of an f-string leaves in one
    (`f"nvcr.io/nim/meta/{name}:1.0.0"` read as `nvcr.io/nim/meta/:1.0.0`), which names no image."""
    return not repository or "" in repository.split("/")


def _unset(part: str) -> bool:
    """Whether a part of an image is a variable or a template's action (`$TAG`, `{{ .Values.tag }}`): not known."""
    return "$" in part or "{{" in part


def takes_model_argument(image_id: str) -> bool:
    """Whether a model-server image's first argument is the model it serves (`docker run vllm/vllm-openai ORG/NAME`:
    the catalogue's `model_argument = "positional"`)."""
    server = load_knowledge().server(ImageName.parse(image_id).repository)
    return server is not None and server.model_argument == "positional"
