"""Forms of the fifteenth blind wave's browser-extension catalogue (one table of the hosted models a user may pick):
Zhipu's (BigModel, ChatGLM) API names written in mixed case as its model overview writes them (`GLM-4-Air`,
`CharGLM-3`), and its single-word counselling model `Emohaa`."""

from __future__ import annotations

from modelpolicy.discover import apis
from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.javascript import JavaScriptSource
from modelpolicy.discover.python import PythonSource
from modelpolicy.model import Kind

M, A = Kind.MODEL, Kind.API


def find(text: str, path: str) -> set[tuple[Kind, str, int]]:
    references = JavaScriptSource().find(text, FileContext(path, lambda value: value.startswith(("./", "/"))))
    return {(r.kind, r.text, r.line) for r in references}


def find_py(text: str, path: str) -> set[tuple[Kind, str, int]]:
    references = PythonSource().find(text, FileContext(path, lambda value: False))
    return {(r.kind, r.text, r.line) for r in references}


_PICKER = """export const Models = {
  quick: { value: 'gpt-4o-mini', label: 'Quick' },
  zhipuLight: { value: 'GLM-4-Flash', label: 'Zhipu light' },
  zhipuDated: { value: 'GLM-4-0520', label: 'Zhipu dated' },
  persona: { value: 'CharGLM-3', label: 'Persona' },
  listener: { value: 'Emohaa', label: 'Listener' },
}
"""


def test_a_catalogue_holds_zhipu_names_written_in_mixed_case() -> None:
    assert find(_PICKER, "src/settings/models.mjs") == {
        (A, "gpt-4o-mini", 2),
        (A, "GLM-4-Flash", 3),
        (A, "GLM-4-0520", 4),
        (A, "CharGLM-3", 5),
        (A, "Emohaa", 6),
    }


def test_a_request_body_sends_a_zhipu_name_in_mixed_case() -> None:
    text = "const body = JSON.stringify({ model: 'GLM-4-Plus', messages })\n"
    assert find(text, "src/ask.mjs") == {(A, "GLM-4-Plus", 1)}


def test_the_open_glm_weights_stay_hub_models() -> None:
    text = (
        "from transformers import AutoModel\n"
        'first = AutoModel.from_pretrained("THUDM/GLM-4-9B-0414")\n'
        'second = AutoModel.from_pretrained("THUDM/GLM-Z1-9B-0414")\n'
    )
    assert find_py(text, "load.py") == {(M, "THUDM/GLM-4-9B-0414", 2), (M, "THUDM/GLM-Z1-9B-0414", 3)}


def test_the_open_glm_names_without_an_owner_are_no_api_names() -> None:
    assert apis.named("GLM-4-9B-Chat") is None
    assert apis.named("GLM-Z1-32B-0414") is None
    assert apis.named("GLM-4-Air") == "GLM-4-Air"
    assert apis.named("Emohaa") == "Emohaa"
