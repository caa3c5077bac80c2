"""Forms found on TypeScript/Python apps the benchmark does not label (thirteenth blind wave: reworkd/AgentGPT,
firecrawl/firecrawl): a provider's client bound to a name in a function, then a method of it given the model
positionally (`client = replicate.Client(key)`, `client.run("owner/name:version")`), and a TypeScript list of
selectable models that names constants (`const FAST = ID as const`, `MODEL_NAMES = [FAST, SMART]`)."""

from __future__ import annotations

from modelpolicy.discover.interface import FileContext
from modelpolicy.discover.javascript import JavaScriptSource
from modelpolicy.discover.python import PythonSource, read_whole
from modelpolicy.model import Kind

A = Kind.API
PY = FileContext("app/tools/draw.py", lambda text: text.startswith(("./", "/")))
VERSION = "0123456789abcdef" * 4


def python(source: str) -> set[tuple[Kind, str, int]]:
    """(kind, id, line) of every reference, read by statements and read whole: both readings must agree."""
    by_statements = {(r.kind, r.text, r.line) for r in PythonSource().find(source, PY)}
    assert by_statements == {(r.kind, r.text, r.line) for r in read_whole(source, PY)}
    return by_statements


def typescript(text: str, path: str = "web/src/settings.ts") -> set[tuple[Kind, str, int]]:
    context = FileContext(path, lambda value: value.startswith(("./", "/")))
    return {(r.kind, r.text, r.line) for r in JavaScriptSource().find(text, context)}


# --- a provider's client bound in a function, its method given the model ------------------------------------------


def test_a_method_of_a_client_bound_in_a_function_names_the_model_it_runs() -> None:
    source = f"""import replicate


async def paint(prompt):
    painter = replicate.Client("key")
    try:
        return painter.run(
            "acme/watercolour"
            ":{VERSION}",
            input={{"prompt": prompt}},
        )
    except ValueError:
        return None
"""
    assert python(source) == {(A, f"acme/watercolour:{VERSION}", 8)}


def test_a_client_bound_at_module_level_still_names_the_model() -> None:
    source = f'import replicate\n\nrunner = replicate.Client("key")\nout = runner.run("acme/sketch:{VERSION}")\n'
    assert python(source) == {(A, f"acme/sketch:{VERSION}", 4)}


def test_prose_given_to_a_client_method_names_nothing() -> None:
    source = """import cohere


def poem():
    writer = cohere.Client("key")
    writer.generate("Write four lines about the sea")
    return writer.tokenize("hello world")
"""
    assert python(source) == set()


def test_a_method_of_a_name_bound_to_no_client_names_nothing() -> None:
    source = f"""import replicate


def look_up():
    table = dict()
    return table.get("acme/sketch:{VERSION}")
"""
    assert python(source) == set()


# --- a TypeScript list of models that names constants --------------------------------------------------------------


def test_a_list_of_models_names_the_constants_it_lists() -> None:
    text = """export const FAST = "gpt-4o-mini" as const;
export const SMART = "gpt-4.1" as const;
export const MODEL_NAMES = [FAST, SMART];
"""
    assert typescript(text) == {(A, "gpt-4o-mini", 1), (A, "gpt-4.1", 2)}


def test_a_model_setting_bound_to_a_constant_names_its_literal() -> None:
    text = 'const QUICK = "claude-3-5-haiku-latest";\nexport const CHAT_MODEL = QUICK;\n'
    assert typescript(text) == {(A, "claude-3-5-haiku-latest", 1)}


def test_constants_listed_under_a_name_for_no_model_name_nothing() -> None:
    text = 'const FAST = "gpt-4o-mini";\nconst SMART = "gpt-4.1";\nexport const TIERS = [FAST, SMART];\n'
    assert typescript(text) == set()


def test_constants_bound_to_prose_name_nothing_in_a_list_of_models() -> None:
    text = 'const TITLE = "Welcome";\nconst GREETING = "hello";\nexport const MODEL_NAMES = [TITLE, GREETING];\n'
    assert typescript(text) == set()
