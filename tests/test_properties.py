"""Property-based tests (hypothesis) of the Hub id grammar and licence expressions, and the profile and strategies
every `test_properties_*.py` module shares.

Properties run deterministically: `derandomize=True` draws the same examples on every run and machine, and no
example database is kept, so a CI failure is reproduced by running the same command (hypothesis prints the failing
example). To explore further on a developer machine, `HYPOTHESIS_PROFILE=explore` draws new random examples.
"""

from __future__ import annotations

import itertools
import os
import re
import string

from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from modelpolicy.discover.identity import (
    _FILE_SUFFIXES,
    HubId,
    identify,
    is_placeholder,
    looks_like_path,
    parse_hub_id,
    parse_hub_url,
    without_env_defaults,
)
from modelpolicy.knowledge import load as load_knowledge
from modelpolicy.lockfile import digest
from modelpolicy.model import Kind
from modelpolicy.policy import expression as expression_module
from modelpolicy.policy.expression import ExpressionSyntaxError, alternatives

settings.register_profile(
    "ci",
    max_examples=60,
    derandomize=True,
    database=None,
    deadline=None,  # a loaded 2-core machine: timing is not a property
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.register_profile("explore", parent=settings.get_profile("ci"), max_examples=1000, derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# ------------------------------------------------------------------------------------------------ shared strategies

# Any text at all, lone surrogates included: what `\ud800` escapes and surrogate-escaped argv bytes produce.
_AWKWARD = st.sampled_from("\x00\n\r\t\"'\\\u2028\ufeff\x1b\x7f\udcff\ud800")
# (joined from a list: `st.text` drops surrogates from any alphabet it is given)
any_text = st.one_of(
    st.text(max_size=40),
    st.lists(st.one_of(st.characters(), st.characters(categories=["Cs"]), _AWKWARD), max_size=40).map("".join),
)
# Text a UTF-8 file can hold: no lone surrogates.
file_text = st.text(st.characters(codec="utf-8"), max_size=40)
# Text built mostly from the characters that matter to our parsers.
_SYNTAX = "\"'\\/@:=#[]{}(),.-_ \t\n\r$%!`*&|<>~"
syntax_text = st.text(st.sampled_from(string.ascii_letters[:6] + string.digits[:3] + _SYNTAX), max_size=40)

_ALNUM = string.ascii_letters + string.digits
_INNER = _ALNUM + "._-"


@st.composite
def hub_parts(draw: st.DrawFn) -> str:
    """One segment of a Hub id: letters, digits, '-', '_', '.', no '--' or '..', and not starting or ending with
    '-' or '.'."""
    first = draw(st.sampled_from(_ALNUM))
    middle = draw(st.text(st.sampled_from(_INNER), max_size=12))
    last = draw(st.sampled_from(_ALNUM + "_")) if middle or draw(st.booleans()) else ""
    part = first + middle + last
    assume("--" not in part and ".." not in part and not part.lower().endswith(_FILE_SUFFIXES))
    return part


hub_ids = st.builds(lambda owner, name: f"{owner}/{name}", hub_parts(), hub_parts())
revisions = st.one_of(
    st.sampled_from(["main", "v1.0", "refs/pr/1", "0123456789abcdef0123456789abcdef01234567"]),
    st.text(st.sampled_from(_INNER + "/"), min_size=1, max_size=12),
)
LICENCE_KEYS = ("apache-2.0", "mit", "llama2", "cc-by-nc-4.0", "openrail", "gpl-3.0", "bsd-3-clause", "agpl-3.0")

# ------------------------------------------------------------------------------------------------ the Hub id grammar

_GRAMMAR = re.compile(r"(?:[A-Za-z0-9][A-Za-z0-9._-]*/)?[A-Za-z0-9][A-Za-z0-9._-]*")


@given(any_text)
def test_parse_hub_id_accepts_only_the_grammar_and_keeps_the_text(text: str) -> None:
    hub = parse_hub_id(text)
    if hub is not None:
        assert _GRAMMAR.fullmatch(hub.id) and "--" not in hub.id and ".." not in hub.id
        assert hub.id + (f"@{hub.revision}" if hub.revision else "") == text.strip().rstrip("@")


@given(hub_ids, st.one_of(st.none(), revisions), st.sampled_from(["", " ", "\t", "\n"]))
def test_parse_hub_id_reads_back_what_was_written(repo_id: str, revision: str | None, pad: str) -> None:
    written = f"{pad}{repo_id}{'@' + revision if revision else ''}{pad}"
    assert parse_hub_id(written) == HubId(repo_id, revision)


HUB_KINDS = [kind for kind in Kind if kind is not Kind.OLLAMA]  # an Ollama name is the Ollama recogniser's


@given(any_text, st.sampled_from(HUB_KINDS), st.booleans())
def test_identify_never_raises_and_never_names_a_path(value: str, kind: Kind, single_names: bool) -> None:
    hub = identify(value, kind, lambda _: False, single_names=single_names)
    if hub is not None:
        assert not looks_like_path(value)
        assert hub == parse_hub_id(value)


@given(any_text, st.booleans())
def test_identify_of_an_ollama_position_never_raises_and_takes_no_hub_id(value: str, single_names: bool) -> None:
    hub = identify(value, Kind.OLLAMA, lambda _: False, single_names=single_names)
    if hub is not None:
        assert not looks_like_path(value) and "/" not in hub.id and hub.revision is None


@given(hub_ids, st.sampled_from(HUB_KINDS))
def test_identify_takes_an_owned_id_unless_it_is_a_local_path(repo_id: str, kind: Kind) -> None:
    assume(not looks_like_path(repo_id))  # `outputs/x`, `v1/models`: a project's folder or an API's route
    assume(not is_placeholder(repo_id))  # `your-org/x`, `test/x`, `N/A`: written to be replaced, or no id
    assert identify(repo_id, kind, lambda _: False, single_names=False) == HubId(repo_id, None)
    assert identify(repo_id, kind, lambda value: value == repo_id, single_names=True) is None


@given(
    st.builds(
        "{}{}".format, st.sampled_from(["", "https://", "hf://", "http://hf.co/"]), st.one_of(any_text, syntax_text)
    )
)
@example("http://[")
def test_parse_hub_url_never_raises(text: str) -> None:
    found = parse_hub_url(text)
    if found is not None:
        assert parse_hub_id(found[1].id) == HubId(found[1].id, None)


@given(any_text.filter(lambda t: "[" not in t and "]" not in t))
def test_parse_hub_url_without_brackets_never_raises(text: str) -> None:
    for url in (text, f"https://{text}", f"https://huggingface.co/{text}", f"hf://{text}"):
        parse_hub_url(url)


@given(
    hub_ids,
    st.sampled_from(["huggingface.co", "hf.co", "www.huggingface.co"]),
    st.one_of(st.none(), revisions.filter(lambda r: "/" not in r)),
    st.booleans(),
)
def test_a_hub_url_names_its_repository_and_revision(
    repo_id: str, host: str, revision: str | None, dataset: bool
) -> None:
    assume(repo_id.split("/", maxsplit=1)[0] not in ("datasets", "spaces", "models", "api", "docs", "blog"))
    assume(not is_placeholder(repo_id))  # `hf://your-org/x`, `huggingface.co/test/x`: written to be replaced
    route = f"/resolve/{revision}/config.json" if revision else ""
    url = f"https://{host}/{'datasets/' if dataset else ''}{repo_id}{route}"
    kind = Kind.DATASET if dataset else Kind.MODEL
    assert parse_hub_url(url) == (kind, HubId(repo_id, revision))
    assert parse_hub_url(f"hf://{'datasets/' if dataset else ''}{repo_id}") == (kind, HubId(repo_id, None))


@given(any_text)
def test_without_env_defaults_never_raises_and_is_idempotent(text: str) -> None:
    once = without_env_defaults(text)
    assert without_env_defaults(once) == once


@given(hub_ids, st.lists(st.sampled_from(["${A:-", "${B-", "${C:=", "$${D:-"]), max_size=3))
def test_without_env_defaults_reads_the_innermost_default(repo_id: str, openings: list[str]) -> None:
    assert without_env_defaults("".join(openings) + repo_id + "}" * len(openings)) == repo_id


# ------------------------------------------------------------------------------------------------ licence expressions

Tree = str | tuple[str, list["Tree"]]  # a licence key, or an operator and its operands
_expression_trees: st.SearchStrategy[Tree] = st.recursive(
    st.sampled_from(LICENCE_KEYS),
    lambda inner: st.tuples(st.sampled_from(["AND", "OR"]), st.lists(inner, min_size=2, max_size=3)),
    max_leaves=6,
)


def _spelled(tree: Tree) -> str:
    if isinstance(tree, str):
        return tree
    operator, operands = tree
    return "(" + f" {operator} ".join(_spelled(o) for o in operands) + ")"


def _holds(tree: Tree, granted: frozenset[str]) -> bool:
    if isinstance(tree, str):
        return tree in granted
    operator, operands = tree
    results = [_holds(o, granted) for o in operands]
    return all(results) if operator == "AND" else any(results)


_expression_words = st.lists(st.sampled_from([*LICENCE_KEYS, "AND", "OR", "WITH", "(", ")", "+"])).map(" ".join)


@given(st.one_of(any_text, syntax_text, _expression_words))
@example("()")  # the parser's own IndexError
@example(" AND ".join(f"(a{n} OR b{n})" for n in range(20)))  # 2**20 alternatives: refused, not computed
def test_alternatives_of_any_text_are_keys_or_a_syntax_error(text: str) -> None:
    try:
        found = alternatives(text)
    except ExpressionSyntaxError as error:
        assert str(error)
        return
    assert found and all(branch and all(isinstance(key, str) and key for key in branch) for branch in found)


@given(_expression_trees)
def test_alternatives_are_the_expression_in_disjunctive_normal_form(tree: Tree) -> None:
    """Whatever licences a policy grants, the expression holds exactly when one alternative is wholly granted."""
    found = alternatives(_spelled(tree))
    keys = sorted({key for branch in found for key in branch})
    assert set(keys) <= set(LICENCE_KEYS)
    for size in range(len(LICENCE_KEYS) + 1):
        for granted in map(frozenset, itertools.combinations(LICENCE_KEYS, size)):
            assert _holds(tree, granted) == any(set(branch) <= granted for branch in found)


_choice_words = st.from_regex(r"[A-Za-z0-9.+-]{1,12}", fullmatch=True)


@given(st.lists(_choice_words, min_size=2, max_size=5), st.lists(st.sampled_from(["OR", "or", "Or"]), min_size=4))
def test_a_plain_choice_is_read_as_license_expression_reads_it(keys: list[str], operators: list[str]) -> None:
    """`a OR b`, read without importing `license-expression`, gives what the library's parse gives (or its error)."""
    text = keys[0] + "".join(f" {operator} {key}" for operator, key in zip(operators, keys[1:], strict=False))
    try:
        expected: list[tuple[str, ...]] | str = _library_alternatives(text)
    except ExpressionSyntaxError:
        expected = "error"
    try:
        found: list[tuple[str, ...]] | str = alternatives(text)
    except ExpressionSyntaxError:
        found = "error"
    assert found == expected


def _library_alternatives(text: str) -> list[tuple[str, ...]]:
    choice = expression_module._CHOICE
    expression_module._CHOICE = re.compile(r"(?!)")
    try:
        return alternatives(text)
    finally:
        expression_module._CHOICE = choice


@given(st.one_of(st.none(), any_text, _expression_trees.map(_spelled)))
def test_digest_is_a_stable_sha256_of_any_expression(expression: str | None) -> None:
    knowledge = load_knowledge()
    found = digest(expression, knowledge)
    assert found == digest(expression, knowledge)
    if expression:
        assert re.fullmatch(r"sha256:[0-9a-f]{64}", found)
    else:
        assert found == ""
