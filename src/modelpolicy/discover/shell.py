"""Shell scripts, Makefiles and the RUN, CMD and ENTRYPOINT instructions of Dockerfiles: command-line flags that name
models and datasets (`--model_name_or_path ID`, `--dataset=ID`...) and `huggingface-cli download ID` / `hf download ID`;
and variables whose name says they hold one (`names`): `EMBED_MODEL=ID` in a script, `MODEL ?= ID` in a Makefile,
`ARG BASE_MODEL=ID` and `ENV MODEL_ID=ID` in a Dockerfile; the model-server images a command runs or fetches
(`docker run IMAGE`, `podman pull IMAGE`, `srun --container-image=IMAGE`, `docker://IMAGE`) with the models its
`-e MODEL_ID=ID` options give it. Ollama models: `ollama pull|run NAME` (also after `docker exec CONTAINER`), the
`"model"` of a JSON body sent with curl to an Ollama server (`:11434`), and LiteLLM strings routed to Ollama
(`ollama/llama3`) as a word or a variable's value; `discover/ollama.py` decides.

Commands are split into words the way a shell splits them (quotes, escapes, `\\` continuations, comments); nothing is
run or expanded. A value is a reference only when it is written out: `${VAR:-ID}` names its default, `$VAR` nothing.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import partial

from modelpolicy.discover import apis, ollama
from modelpolicy.discover.identity import (
    ENV_DEFAULT,
    URL,
    URL_MARKERS,
    HubId,
    identify,
    parse_hub_url,
    without_hub_route,
)
from modelpolicy.discover.images import IMAGE_MARKERS, MODEL_VARIABLES, server_image, takes_model_argument
from modelpolicy.discover.interface import FileContext, Source, SourceError
from modelpolicy.discover.markers import Lines, Markers, Spelled, holds_any, spelled_apart
from modelpolicy.discover.names import (
    ENDINGS,
    IMAGE_ENDINGS,
    LOCAL_ENDINGS,
    MODEL_ARGS_KEYS,
    MODEL_ARGS_LIST,
    OLLAMA_ENDINGS,
    SHORT_MODEL_FLAG,
    WRITTEN,
    called_kind,
    named_kind,
    names_command_line,
    names_image,
    overridden,
    plural_kind,
    positional,
    served_by,
    spelled_markers,
    split_words,
    takes_many,
)
from modelpolicy.model import Kind, Reference

# Compared with `-` read as `_`, so `--base-model` is `--base_model`. Only flags that name what a command reads: output
# flags (`--output_dir`, `--hub_model_id`, `--push_to_hub_model_id`) name what it writes and are not listed.
_FLAG_NAMES = (
    "model_name_or_path",
    "pretrained_model_name_or_path",
    "model",
    "model_id",
    "model_path",  # SGLang's `--model-path ID`; a path it names is told apart by `identify`
    "base_model",
    "tokenizer",
    "tokenizer_name",
    "dataset",
    "dataset_name",
    "adapter",  # the LoRA adapter a chat loads onto its model: XTuner's `xtuner chat ID --adapter ID`
    "llava",  # XTuner's `xtuner chat ID --visual-encoder ID --llava ID`: the LLaVA weights it loads
    "hf_path",  # OpenCompass's `opencompass --hf-type chat --hf-path ID` (`run.py --hf-path ID --peft-path ID`)
    "peft_path",
    # OpenRLHF's trainers' `--pretrain ID`, `--reward_pretrain ID`, `--critic_pretrain ID`: the weights each starts from
    "pretrain",
    "reward_pretrain",
    "critic_pretrain",
)
_FLAGS = {name: Kind.DATASET if "dataset" in name else Kind.MODEL for name in _FLAG_NAMES}
# Flags whose value is a comma-joined `key=value` list, and the keys in it that name a model: lm-evaluation-harness's
# `--model_args pretrained=ID,peft=ID,dtype=...`.
_KEYED_FLAGS = {"model_args": MODEL_ARGS_KEYS}
# A comma-joined `key=value` list given to any other option: GuideLLM's `--tokenizer kind=huggingface_auto,model=ID`
# and `--backend kind=openai_http,target=URL,model=ID`; its keys are read by the naming rule.
_KEY_VALUE_LIST = re.compile(r"[A-Za-z_][\w.-]*=[^,\s]*(?:,[A-Za-z_][\w.-]*=[^,\s]*)+")
# The command lines whose `download ID` fetches a Hub repository: the Hub's own, torchtune's `tune download ID
# --output-dir DIR` and LitGPT's `litgpt download ID`.
_CLIS = frozenset({"huggingface-cli", "hf", "tune", "litgpt"})
# Options of those `download` commands that take a value: the word after them is not the repo id.
_DOWNLOAD_OPTIONS = frozenset(
    {
        "--repo-type",
        "--revision",
        "--include",
        "--exclude",
        "--cache-dir",
        "--local-dir",
        "--token",
        "--max-workers",
        "--local-dir-use-symlinks",
        *("--output-dir", "--output_dir", "--ignore-patterns", "--hf-token", "--access_token", "--source"),
    }
)
# `tune download HANDLE --source kaggle` fetches from Kaggle, no repository of the Hub.
_HUB_SOURCES = frozenset({"huggingface", "hf"})
_REPO_TYPES = {"model": Kind.MODEL, "dataset": Kind.DATASET}
# llama.cpp's options (llama-server, llama-cli) that take a Hub repository, `<user>/<model>[:quant]`: the model, its
# draft (`-hfd`) and its vocoder (`-hfv`); the quantisation after `:` picks a file, not a revision. gguf-parser
# spells the first with one dash (`gguf-parser -hf-repo ORG/NAME-GGUF -hf-file F`).
_HF_REPO_FLAGS = frozenset(
    {"-hf", "-hfr", "--hf-repo", "-hf-repo", "-hfd", "-hfrd", "--hf-repo-draft", "-hfv", "-hfrv", "--hf-repo-v"}
)
# Options whose value names adapters as `NAME=ID` items (vLLM's `--lora-modules`, SGLang's `--lora-paths`, LMDeploy's
# `--adapters`) or as JSON objects whose `path` is the adapter (`--lora-modules '{"name": "x", "path": ID}'`).
_ADAPTER_FLAGS = frozenset({"--lora-modules", "--lora-paths", "--adapters"})
_ADAPTER_JSON_KEYS = frozenset({"path"})
# A project's own download script: `python download-model.py ID` (`_download_scripts`).
_SCRIPT_EXTENSIONS = frozenset({"py", "sh"})
_DOWNLOAD_WORD = "download"
_INTERPRETER = re.compile(r"python[\d.]*|bash|sh|zsh")
# Container engines and their subcommands whose first argument is an image they run or fetch: `docker run IMAGE`,
# `podman pull IMAGE`, `docker container run IMAGE`. `build`, `tag` and `push` name images the repository makes
# itself, and are not read.
_ENGINES = frozenset({"docker", "podman", "nerdctl"})
_ENGINE_COMMANDS = frozenset({"run", "pull", "create"})
# Options of those subcommands that take no value (and short ones that may be written together, `-dit`); any other
# option takes the next word unless written `--option=value`.
_ENGINE_SWITCHES = frozenset(
    {
        "--detach",
        "--interactive",
        "--tty",
        "--rm",
        "--privileged",
        "--init",
        "--publish-all",
        "--read-only",
        "--no-healthcheck",
        "--oom-kill-disable",
        "--quiet",
        "--all-tags",
        "--disable-content-trust",
        "--sig-proxy",
        "--help",
    }
)
_ENGINE_SWITCH_LETTERS = frozenset("ditPqa")
_ENV_OPTIONS = frozenset({"-e", "--env"})
# Slurm's pyxis plugin: `srun --container-image=nvcr.io#nvidia/tritonserver:24.01-py3 ...`; the image a command
# starts a container of (`kubectl run NAME --image=IMAGE`, `kubectl create deployment NAME --image IMAGE`, Triton CLI's
# `triton start --image IMAGE`, `gcloud run deploy --image IMAGE`). Only a model server's image is a reference.
_IMAGE_FLAGS = frozenset({"--container-image", "--image"})
_SBATCH = re.compile(r"(?m)^#(SBATCH[ \t])")
_MAKEFILES = frozenset({"Makefile", "makefile", "GNUmakefile"})
# Ollama: the subcommands whose argument is a model it reads, and what marks a request to an Ollama server.
_OLLAMA_SUBCOMMANDS = frozenset({"pull", "run"})
_OLLAMA_SERVER = re.compile(r":11434\b|ollama", re.IGNORECASE)  # its port, or a host or path named for it
_CURL_DATA = frozenset({"-d", "--data", "--data-raw", "--data-binary", "--json"})
_JSON_MODEL = re.compile(r'"model"\s*:\s*"([^"\\]+)"')
_JSON_STRING_ENTRY = re.compile(r'"([A-Za-z_][\w.-]*)"\s*:\s*"([^"\\]+)"')  # `"key": "string"` in a JSON body
_ROUTED = "routed"  # the form of a word routed to a hosted API (`openai/gpt-4o`)
_OLLAMA_FORM = "ollama"  # the forms of what only an Ollama model can be: `ollama pull`, a request body, `ollama/`

# One piece of shell: its group says what it is. A `#` starts a comment only where a word could start. A command
# substitution's `$(` leaves a `$` and opens commands of their own, read as any other (`out=$(curl ... -d BODY)`), its
# quotes as quotes: `$(sed 's/\(x\)/y/')` does not end inside its pattern.
_PIECE = re.compile(
    r"""
    (?P<continuation>\\\r?\n)
    | (?P<blank>[ \t\r\f\v]+)
    | (?P<operator>[\n;&|()<>`])
    | (?P<comment>(?<![^\s;&|()<>`])\#[^\n]*)
    | '(?P<single>[^']*)'?
    | "(?P<double>(?:\\.|[^"\\])*)"?
    | (?P<expansion>\$\$?\{[^}\n]*\}?)
    | \\(?P<escaped>.)
    | (?P<plain>[^\s'"\\;&|()<>`$\#]+|.)
    """,
    re.VERBOSE | re.DOTALL,
)
# Inside double quotes a backslash escapes only `$`, `` ` ``, `"`, `\` and a newline, which it removes.
_IN_DOUBLE_QUOTES = re.compile(r'\\\n|\\([$`"\\])|(.)', re.DOTALL)
_WORD_ENDS = frozenset({"blank", "operator", "comment"})
_NOT_WORDS = frozenset({"blank", "operator", "comment", "continuation"})

_INSTRUCTION = re.compile(r"\s*(RUN|CMD|ENTRYPOINT|ARG|ENV)(?:\s+|$)", re.IGNORECASE)
_VARIABLE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# Words before the assignments of a command that sets variables; a Makefile's assignment operators, written apart.
_DECLARATIONS = frozenset({"export", "local", "declare", "readonly", "typeset", "override"})
_MAKE_OPERATORS = frozenset({"=", "?=", ":=", "::=", "+="})
# Commands that print their words, and a redirection to an env file (`>> .env`, `> "$GITHUB_ENV"`, `>> ${ENV_FILE}`):
# in a script that writes one, a printed `NAME=VALUE` word is a line of that file.
_PRINTS = frozenset({"echo", "printf"})
_ENV_FILE_WRITE = re.compile(r">>?\s*[\"']?(?:\$\{?GITHUB_ENV\}?|\$\{?\w*ENV_FILE\}?|[\w./${}-]*\.env)(?![\w.])")
# The Hub's address with no scheme, where a word or a path segment starts: `huggingface.co/ORG/NAME` (not `hf.co/`,
# which is also Ollama's way to name a Hub model, read where Ollama's commands are).
_BARE_HUB_URL = re.compile(r"(?:(?<=^)|(?<=[/=]))(?:www\.)?huggingface\.co/[^\s\"'<>()\[\]{},]+", re.IGNORECASE)
_HEREDOC = re.compile(r"(?<!<)<<(?!<)-?\s*[\"']?([A-Za-z_]\w*)[\"']?")
_JSON_STRING = re.compile(r'"(?:\\.|[^"\\])*"')


@dataclass(frozen=True)
class _Span:
    """Text taken from a file, with where in that file (or fragment) each of its characters is."""

    text: str
    offsets: Sequence[int]  # a `range` while the characters are written one after the other

    def __getitem__(self, part: slice) -> _Span:
        return _Span(self.text[part], self.offsets[part])

    @staticmethod
    def join(spans: Iterable[_Span]) -> _Span:
        parts = list(spans)
        if len(parts) == 1:
            return parts[0]
        return _Span("".join(s.text for s in parts), tuple(o for s in parts for o in s.offsets))


@dataclass(frozen=True)
class _Found:
    """A value in a model or dataset position of a command, before it is checked to be a Hub id."""

    form: str
    kind: Kind
    value: _Span
    revision: str | None = None


# The pre-filter: the flags (`--model...`, `--base-model`, `--dataset...`, `--tokenizer...`, `-` read as `_`),
# `download` of `huggingface-cli download` / `hf download`, `vllm` of `vllm serve`, the variables `names` reads
# (`..._MODEL`, `REPO_ID`) and the Hub's URLs, once quotes, backslashes and line continuations, which a shell removes
# from a word, are removed. A Dockerfile joins continued lines across comments: then it always passes.
MARKER_WORDS = (
    b"model",
    b"dataset",
    b"tokenizer",
    b"download",
    b"repo",
    b"vllm",
    b"docker",
    b"podman",
    b"nerdctl",
    b"container-image",
    b"--image",  # `kubectl run NAME --image=IMAGE`
    b"ollama",
    b"llm",
    b"judge",  # `--judge ORG/NAME`, `JUDGE_MODEL=`
    b"-hf",  # llama.cpp's `-hf ORG/NAME` (and `-hfr`, `-hfd`); `--hf-repo` holds `repo`
    b"lmdeploy",
    b"aphrodite",  # `trtllm-serve` holds `llm`
    b"xtuner",  # `xtuner chat ID`, `xtuner convert merge ID ...`
    b"--adapter",
    b"peft",  # OpenCompass's `--peft-path ID`
    b"python -c",  # a program given to Python as a word, read by the Python source (`_inline_python`)
    b"python3 -c",
    *URL_MARKERS,
    *spelled_markers(),  # `DATA_PATH=`, `--data-path`, `LM_NAME=`
    *apis.ROUTE_MARKERS,
    *(ending[0].encode() for ending in apis.API_ENDINGS),
)
_QUOTING = b"'\"\\"
_DOCKER_CONTINUATION = re.compile(rb"\\[ \t\r]*\n")
# For `grep`, line by line: a word with quotes or backslashes between its letters; a line ending in a backslash,
# which a word may continue past (and a Dockerfile passes on); a `\u`, on which a Dockerfile passes.
_SPELLED = Spelled((spelled_apart(MARKER_WORDS, "['\"\\]"), "\\\\[ \t\r]*$", "\\\\u"))


def _unquote(data: bytes, path: str) -> bytes | None:
    if _is_dockerfile(path.rsplit("/", 1)[-1]) and (b"\\u" in data or _DOCKER_CONTINUATION.search(data)):
        return data  # passes
    if not any(c in data for c in (b"'", b'"', b"\\")):
        return None
    return data.replace(b"\\\r\n", b"").replace(b"\\\n", b"").translate(None, _QUOTING)


# Shell scripts by their ending; Slurm batch scripts (`train.slurm`, `job.sbatch`) are shell scripts `sbatch` runs.
_SCRIPT_ENDINGS = (".sh", ".bash", ".mk", ".slurm", ".sbatch")


class ShellSource:
    name = "shell"
    stems = frozenset({"makefile", "gnumakefile", "dockerfile", "containerfile"})
    markers = Markers(MARKER_WORDS, caseless=True, normalise=_unquote, spelled=_SPELLED)  # `EMBED_MODEL=ID`

    def wants(self, path: str) -> bool:
        name = path.rsplit("/", 1)[-1]
        return name.endswith(_SCRIPT_ENDINGS) or name in _MAKEFILES or _is_dockerfile(name)

    def find(self, text: str, context: FileContext) -> list[Reference]:
        name = context.path.rsplit("/", 1)[-1]
        if _is_dockerfile(name):
            return _dockerfile_references(text, context)
        if name in _MAKEFILES or name.endswith(".mk"):
            return _makefile_references(text, context)
        return command_references(text, 1, 0, context)


def _makefile_references(text: str, context: FileContext) -> list[Reference]:
    """A Makefile, one logical line (with its `\\` continuations) at a time, as make hands each recipe line to its
    own shell: a quote left open on one line (an apostrophe in prose) cannot swallow the rest of the file."""
    found: list[Reference] = []
    lines = text.split("\n")
    marked = _marked_lines(text)
    first = 0
    while first < len(lines):
        last = first
        while last + 1 < len(lines) and lines[last].endswith("\\"):
            last += 1
        logical = "\n".join(lines[first : last + 1])
        if _logical_may_name(logical, marked, first + 1, last + 1):
            found += command_references(logical, first + 1, 0, context)
        first = last + 1
    return found


def _marked_lines(text: str) -> Lines | None:
    """The lines of a Makefile that hold a marker word as written; None when some end in a lone `\r` (the markers
    count it as a line break, the Makefile's lines do not)."""
    return None if "\r" in text else ShellSource.markers.lines(text)


def _logical_may_name(logical: str, marked: Lines | None, first: int, last: int) -> bool:
    """`_may_name` for the logical line spanning lines `first` to `last`, told by the lines marked in the whole
    file when it can be: a word is written within a line, and a line without quotes or backslashes is as written."""
    if marked is None:
        return _may_name(logical)
    if marked.any_within(first, last):
        return True
    return any(quoting in logical for quoting in "'\"\\") and _may_name(logical)


def command_references(
    text: str,
    line: int,
    column: int,
    context: FileContext,
    source: str = "shell",
    *,
    around: frozenset[str] = frozenset(),
) -> list[Reference]:
    """The models and datasets named by the shell command(s) in `text`, which starts at `line` (from 1) and `column`
    (from 0) of the file: a script, a compose `command:`, a container's `args:` joined with `shlex.join`... `around`:
    the APIs the file holding the commands shows (`apis.contexts`), beside those the commands show themselves."""
    place = _placer(text, line, column)
    heredocs = _written_heredocs(text, place, context) + _python_heredocs(text, place, context)
    return _references(text, place, context, source, around) + heredocs


# `cat > config.yaml <<'EOF'`, `cat <<EOF > .env`, `tee -a values.yaml <<EOF`: a heredoc a command writes to a file
_HEREDOC_LINE = re.compile(r"^[^\n]*?(?<!<)<<(?!<)(-?)\s*([\"']?)([A-Za-z_]\w*)\2[^\n]*$", re.MULTILINE)
_WRITTEN_TO = re.compile(r"(?:>>?|\btee\s+(?:-a\s+)?)\s*[\"']?([\w./-]*\.\w+|\.env)\b")


def _written_heredocs(text: str, place: Callable[[int], tuple[int, int]], context: FileContext) -> list[Reference]:
    """A heredoc a command writes to a file is that file (a YAML config, an `.env`): its body is read by the sources
    that read such a file, and what they find placed in the script."""
    if "<<" not in text:
        return []
    from modelpolicy.discover import written_file_sources

    found: list[Reference] = []
    for match, start, body in _heredocs(text):
        target = _WRITTEN_TO.search(match[0])
        sources = [s for s in written_file_sources(target[1]) if s.name != "shell"] if target else []
        if not sources or target is None:
            continue
        as_written = FileContext(target[1].rsplit("/", 1)[-1], context.is_local_path)
        for source in sources:
            read = _tolerant_find(source, body, as_written)
            found += [replace(r, path=context.path) for r in _placed_in_script(read, body, start, place)]
    return found


# `python3 <<'EOF'`, `python - <<EOF`, `/usr/bin/python3 -u <<-PY`: a program a Python interpreter reads from a heredoc
_PYTHON_READS = re.compile(r"(?:^|[;&|]\s*|\s)(?:\S*/)?python[\d.]*(?:\s+-[\w-]*)*\s*$")


def _python_heredocs(text: str, place: Callable[[int], tuple[int, int]], context: FileContext) -> list[Reference]:
    """A heredoc given to a Python interpreter (a container's setup script that downloads models with
    `snapshot_download`) is a Python program: its body is read by the Python source, each reference placed where its
    text is in the script."""
    if "<<" not in text or "python" not in text:
        return []
    from modelpolicy.discover.python import PythonSource  # here: only a script that feeds Python a heredoc needs it

    found: list[Reference] = []
    for match, start, body in _heredocs(text):
        if _PYTHON_READS.search(match[0][: match.start(3) - match.start()].split("<<")[0]):
            found += _placed_in_script(_tolerant_find(PythonSource(), body, context), body, start, place)
    return found


def _heredocs(text: str) -> Iterator[tuple[re.Match[str], int, str]]:
    """Each heredoc of a script: the line that opens it, where its body starts, and the body, up to the line of its
    delimiter (or the end of the text)."""
    for match in _HEREDOC_LINE.finditer(text):
        start = match.end() + 1
        indent = r"[ \t]*" if match[1] else ""  # `<<-` strips leading tabs from the delimiter's line
        ending = re.compile(rf"^{indent}{match[3]}[ \t]*$", re.MULTILINE).search(text, start)
        yield match, start, text[start : ending.start() if ending else len(text)]


def _placed_in_script(
    references: list[Reference], body: str, start: int, place: Callable[[int], tuple[int, int]]
) -> list[Reference]:
    """What a source found in a heredoc's body, placed where its text is in the script (the body starts at `start`)."""
    starts = [0, *(i + 1 for i, c in enumerate(body) if c == "\n")]
    placed: list[Reference] = []
    for reference in references:
        if 0 < reference.line <= len(starts):
            line, column = place(start + starts[reference.line - 1] + reference.column)
            placed.append(replace(reference, line=line, column=column))
    return placed


def _tolerant_find(source: Source, text: str, context: FileContext) -> list[Reference]:
    """What a source finds in a written file, and what it found before a part of it it could not read."""
    try:
        return source.find(text, context)
    except SourceError as error:
        return list(error.found)


def placed_commands(
    command: str,
    text: str,
    parts: Sequence[tuple[int, int]],
    context: FileContext,
    source: str,
    *,
    around: frozenset[str] = frozenset(),
) -> Iterator[Reference]:
    """The references in a command line built from the parts of a file's `text` at `parts` (start and end offsets:
    a YAML `command:` list, a `run: |` block), each placed where its text is next written in them (or, as readers
    report in their own order, where it is first written: a model read before the image the same line runs), else at
    the first part (an id taken from a URL's path, a word the command's quoting changed)."""
    cursor = 0
    for reference in command_references(command, 1, 0, context, source, around=around):
        found = _written_at(text, reference.text, parts, cursor)
        found = found if found >= 0 else _written_at(text, reference.text, parts, 0)
        if found >= 0:
            cursor = found + len(reference.text)
        else:
            found = parts[0][0]
        line_start = text.rfind("\n", 0, found) + 1
        yield replace(reference, line=text.count("\n", 0, found) + 1, column=found - line_start)


def _written_at(text: str, written: str, parts: Sequence[tuple[int, int]], cursor: int) -> int:
    """Where `written` is first found in `text` within `parts`, from `cursor` on; -1 if it is not."""
    for start, end in parts:
        found = text.find(written, max(cursor, start), end)
        if found >= 0:
            return found
    return -1


def _dockerfile_references(text: str, context: FileContext) -> list[Reference]:
    place = _placer(text)
    scripts = (script for script in _dockerfile_scripts(text) if _may_name(script.text))
    return [r for script in scripts for r in _script_references(script, place, context)]


def _may_name(script: str) -> bool:
    """Whether a piece of shell read on its own (a Makefile's logical line, a Dockerfile's instruction) may name
    anything: whether a script file holding only it would pass the source's markers, or it holds a word of a model
    server's image (`ARG SERVER_IMAGE=quay.io/ai-lab/llamacpp_python:latest`, pulled by a later `RUN podman pull
    ${SERVER_IMAGE}`). Most of a long Makefile's lines do not, and are not split into words."""
    data = script.encode("utf-8", "surrogatepass")
    return ShellSource.markers.admit(data, "") or holds_any(data.lower(), IMAGE_MARKERS)


def _script_references(script: _Span, place: Callable[[int], tuple[int, int]], context: FileContext) -> list[Reference]:
    """The references in a Dockerfile instruction's shell, placed in the file the script was taken from."""
    return _references(script.text, lambda offset: place(script.offsets[offset]), context, "shell")


def _placer(text: str, line: int = 1, column: int = 0) -> Callable[[int], tuple[int, int]]:
    """The line and column in its file of an offset in `text`, which starts at `line` and `column` of the file."""
    newlines = [match.start() for match in re.finditer("\n", text)]

    def place(offset: int) -> tuple[int, int]:
        before = bisect_left(newlines, offset)
        line_start = newlines[before - 1] + 1 if before else 0
        return line + before, offset - line_start + (0 if before else column)

    return place


def _references(
    text: str,
    place: Callable[[int], tuple[int, int]],
    context: FileContext,
    source: str,
    around: frozenset[str] = frozenset(),
) -> list[Reference]:
    text = _SBATCH.sub(r" \1", text)  # `#SBATCH --container-image=X` is a directive, not a comment; same length
    commands = _with_inline_scripts(_commands(text)) + _array_items(text) + _loop_items(text)
    known = _variable_values(commands)
    readers: tuple[Callable[[list[_Span]], Iterator[_Found]], ...] = (
        _assignments,
        partial(_flag_values, known=known),
        _keyed_values,
        _served,
        _lora_modules,
        _json_flag_values,
        _hf_repos,
        partial(_downloads, known=known),
        partial(_subcommand_downloads, known=known),
        _download_scripts,
        _urls,
        _ollama_pulls,
        _ollama_requests,
        _requests,
        partial(_printed_bodies, text=text),
        _routed_words,
        _flag_models,
        _named_settings,
        _overrides,
    )
    if _ENV_FILE_WRITE.search(text):
        readers = (*readers, _printed_assignments)
    in_context = apis.contexts(text, context.path) | around | context.around_apis
    images: Callable[[list[_Span]], Iterator[_Found]] = partial(_images, known=_image_variables(commands))
    readers = (*readers, images, _expansion_defaults)  # last: a default other readers read keeps their form
    founds = (found for command in commands if _may_read(command) for read in readers for found in read(command))
    references = (_reference(found, place, context, source, in_context) for found in founds)
    # one place read by two readers (`docker run -e MODEL_ID=ID SERVER`: the server's variable, and a name the naming
    # rule reads) is one reference
    placed: dict[tuple[int, int, Kind, str], Reference] = {}
    for reference in (*references, *_inline_python(commands, place, context)):
        if reference is not None:
            placed.setdefault((reference.line, reference.column, reference.kind, reference.text), reference)
    return list(placed.values())


_PYTHON = re.compile(r"python[\d.]*")


def _inline_python(
    commands: list[list[_Span]], place: Callable[[int], tuple[int, int]], context: FileContext
) -> list[Reference]:
    """`python -c "from transformers import AutoModel; AutoModel.from_pretrained('org/x')"`: a program given to Python
    as a word (a Dockerfile's RUN that fetches a model at build time, a CI step, a Makefile's target) is read by the
    Python source, each reference placed where its text is in the file."""
    programs = [program for command in commands if (program := _python_program(command)) is not None]
    if not programs:
        return []
    from modelpolicy.discover.python import PythonSource  # here: only a script that runs Python code needs it

    found: list[Reference] = []
    for program in programs:
        starts = [0, *(index + 1 for index, character in enumerate(program.text) if character == "\n")]
        for reference in _tolerant_find(PythonSource(), program.text, context):
            if 0 < reference.line <= len(starts):
                index = min(starts[reference.line - 1] + reference.column, len(program.offsets) - 1)
                line, column = place(program.offsets[index])
                found.append(replace(reference, line=line, column=column))
    return found


def _python_program(command: list[_Span]) -> _Span | None:
    """The word after `-c` among the options of a Python interpreter the command runs (`python3 -u -c CODE`, `uv run
    python -c CODE`); None when it runs a script or a module (`python -m x -c conf.yaml`: the module's option)."""
    for index, word in enumerate(command):
        if not _PYTHON.fullmatch(word.text.rpartition("/")[2]):
            continue
        for option, following in zip(command[index + 1 :], command[index + 2 :], strict=False):
            if option.text == "-c":
                return following if following.text.strip() else None
            if not option.text.startswith("-") or option.text == "-m":
                break
    return None


# What one of a command's words must hold, in any case, for a reader to find anything in it: the markers, the first
# word of every ending a name is read by (`names`, `apis`: `LORA_ADAPTERS=`, `--adapter_path`), `image` of an image
# variable; `data path` and `lm name` as names split into words. A word that is not ASCII may spell any of them.
_ANY_COMMAND_WORDS = {
    *(word.decode() for word in MARKER_WORDS),
    *(e[0] for e in (*ENDINGS, *OLLAMA_ENDINGS, *LOCAL_ENDINGS, *apis.API_ENDINGS) if e[0] not in ("data", "lm")),
    *(e[0] for e in IMAGE_ENDINGS),
}
_COMMAND_WORDS = tuple(  # those that hold none of the others: where one of the others is written, one of these is
    sorted(w.encode() for w in _ANY_COMMAND_WORDS if not any(o != w and o in w for o in _ANY_COMMAND_WORDS))
)
_COMMAND_PATTERNS = re.compile(r"data[_\-.\s]*path|lm[_\-.\s]*name")


def _may_read(command: list[_Span]) -> bool:
    """Whether a reader may find anything in a command (most of a script's commands name nothing)."""
    text = " ".join(word.text for word in command)
    if not text.isascii():
        return True
    lowered = text.lower()
    return holds_any(lowered.encode("ascii"), _COMMAND_WORDS) or _COMMAND_PATTERNS.search(lowered) is not None


def _reference(
    found: _Found,
    place: Callable[[int], tuple[int, int]],
    context: FileContext,
    source: str,
    in_context: frozenset[str] = frozenset(),
) -> Reference | None:
    if found.kind is Kind.IMAGE:
        image = server_image(found.value.text)
        return (
            None
            if image is None
            else Reference(context.path, *place(found.value.offsets[0]), image, Kind.IMAGE, source, found.form)
        )
    if found.kind is Kind.OLLAMA:
        kind, hub = _ollama(found)
    elif found.form == _ROUTED:
        kind, hub = Kind.API, HubId(found.value.text, None)
    elif apis.routed(found.value.text):
        return None  # read as a routed word (`_routed_words`)
    elif found.kind in (Kind.MODEL, Kind.API) and (
        api := apis.named(found.value.text, in_context, deployment=found.kind is Kind.API)
    ):
        kind, hub = Kind.API, HubId(api, None)
    elif found.kind is Kind.API:
        return None  # `AZURE_OPENAI_DEPLOYMENT=...`: a hosted API's model or nothing
    elif found.kind is Kind.MODEL and (tag := ollama.tagged(found.value.text)):
        kind, hub = Kind.OLLAMA, HubId(tag, None)  # `MODEL=llama3.1:8b`: Ollama's spelling, whatever the script
    else:
        kind, hub = found.kind, identify(found.value.text, found.kind, context.is_local_path, single_names=False)
    if hub is None:
        return None
    line, column = place(found.value.offsets[0])
    revision = hub.revision or found.revision
    return Reference(context.path, line, column, hub.id, kind, source, found.form, revision)


def _ollama(found: _Found) -> tuple[Kind, HubId | None]:
    """What an Ollama position holds: read as certain where only an Ollama model can stand (`ollama pull`)."""
    certain = found.form.startswith(_OLLAMA_FORM)
    context = ollama.Context.CERTAIN if certain else ollama.Context.NAMED
    recognised = ollama.recognise(found.value.text, context)
    return (recognised[0], HubId(recognised[1], None)) if recognised else (Kind.OLLAMA, None)


_SHELLS = frozenset({"sh", "bash", "zsh", "dash", "ash"})
_INLINE_SCRIPT = re.compile(r"-[a-z]*c[a-z]*")  # `-c`, `-lc`, `-ec`: the next word is a script
_MAX_INLINE = 3  # `bash -c "ssh host 'sh -c ...'"`: nesting followed this deep


def _with_inline_scripts(commands: list[list[_Span]], depth: int = 0) -> list[list[_Span]]:
    """The commands, and those of every script given to a shell as a word (`bash -c "python train.py --model
    ID"`, `srun ... bash -c "..."`, `docker exec C sh -c '...'`) or held by an option or variable named for a command
    line (`_command_lines`), each character placed where it is in the file."""
    found = list(commands)
    if depth >= _MAX_INLINE:
        return found
    found += _with_inline_scripts(_option_lists(commands), depth + 1)
    for command in commands:
        scripts = list(_command_lines(command))
        for index, word in enumerate(command[:-2]):
            if word.text.rpartition("/")[2] in _SHELLS and _INLINE_SCRIPT.fullmatch(command[index + 1].text):
                scripts.append(command[index + 2])
                break
        for script in scripts:
            inner = [[_Span(w.text, [script.offsets[o] for o in w.offsets]) for w in c] for c in _commands(script.text)]
            found += _with_inline_scripts(inner, depth + 1)
    return found


_ARRAY = re.compile(r"(?<![^\s;&|(])(?:(?:declare|local|typeset|readonly)\s+-a\s+)?([A-Za-z_]\w*)=\(([^()`$]*)\)")


def _array_items(text: str) -> list[list[_Span]]:
    """Each item of a bash array, `models=("org/a" "org/b")` (over several lines too), as the assignment
    `models=org/a` of its own, each character where it is in the file. An array named for the plural of a name that
    holds one (`MODEL_REPOS=(...)`, torchchat's CI list) is read as that name's (`MODEL_REPO=org/a`)."""
    found: list[list[_Span]] = []
    for array in _ARRAY.finditer(text):
        name = _array_name(array)
        found += [[_Span.join((name, item))] for item in _array_words(array)]
    return found


# `for name in "${names[@]}"; do`, `for m in org/a org/b; do`: a loop, and the words it gives its variable in turn
_LOOP = re.compile(r"(?<![^\s;&|(])for\s+([A-Za-z_]\w*)\s+in\s+([^;\n]*)")
_ARRAY_EXPANSION = re.compile(r"\$\{([A-Za-z_]\w*)\[[@*]\]\}")


def _loop_items(text: str) -> list[list[_Span]]:
    """Each word a `for` loop gives its variable, as the assignment `name=word` of its own, each character where it
    is in the file: the loop's own words (`for m in org/a org/b`) or the items of an array it expands (`for name in
    "${names[@]}"` after `names=(...)`). A flag given the variable (`--model_name_or_path ${name}`) then reads each
    (`_variable_values`), and a variable named for a model is read where it takes them (`_assignments`)."""
    arrays = {array[1]: array for array in _ARRAY.finditer(text)}
    found: list[list[_Span]] = []
    for loop in _LOOP.finditer(text):
        name = _Span(loop[1] + "=", range(loop.start(1), loop.end(1) + 1))
        for word in (word for command in _commands(loop[2]) for word in command):
            expanded = _ARRAY_EXPANSION.fullmatch(word.text)
            if expanded is None:
                if "$" not in word.text and "`" not in word.text:
                    found.append([_Span.join((name, _Span(word.text, [loop.start(2) + o for o in word.offsets])))])
            elif (array := arrays.get(expanded[1])) is not None:
                found += [[_Span.join((name, item))] for item in _array_words(array)]
    return found


def _array_words(array: re.Match[str]) -> list[_Span]:
    """The items of a bash array, each character where it is in the file."""
    return [_Span(w.text, [array.start(2) + o for o in w.offsets]) for command in _commands(array[2]) for w in command]


def _array_name(array: re.Match[str]) -> _Span:
    """The assignment an array's items are read as: its name, or its singular when only that is read."""
    start, end = array.start(1), array.end(1)
    if named_kind(array[1]) is None and plural_kind(array[1]) is not None:
        return _Span(array[1][:-1] + "=", (*range(start, end - 1), end))
    return _Span(array[1] + "=", range(start, end + 1))


# A value that starts with an option (`"--model_name_or_path ID ..."`, after blanks and continued lines): prose that
# mentions one (`HELP="use --model ID"`) does not.
_OPTIONS_FIRST = re.compile(r"(?:\s|\\\r?\n)*--[A-Za-z]")


def _option_lists(commands: list[list[_Span]]) -> list[list[_Span]]:
    """The words of the options a script keeps in a variable for a later command (`model_args="--model_name_or_path
    ID --cache_dir ..."` ... `eval python -m x $model_args`), each read as a command of its own."""
    found: list[list[_Span]] = []
    for command in commands:
        words = command[1:] if command[0].text in _DECLARATIONS else command
        for word in words:
            name, equals, value = word.text.partition("=")
            if not (equals and _VARIABLE.fullmatch(name)):
                break
            if _OPTIONS_FIRST.match(value):
                held = word[len(name) + 1 :]
                found += [[_Span(w.text, [held.offsets[o] for o in w.offsets]) for w in c] for c in _commands(value)]
    return found


def _command_lines(command: list[_Span]) -> Iterator[_Span]:
    """The values that are command lines of their own (several words in one): of an option (`--args "..."`,
    `--command=...`) or a variable (`TRAIN_ARGS="..."`, `export CMD='...'`) named for one (`names.names_command_line`).
    A Dockerfile's `LABEL args="..."` is metadata about the image, no command it runs."""
    if command[0].text == "LABEL":
        return
    for index, word in enumerate(command):
        name, equals, _ = word.text.partition("=")
        if name.startswith("-"):
            value = word[len(name) + 1 :] if equals else (command[index + 1] if index + 1 < len(command) else None)
        elif equals and _VARIABLE.fullmatch(name):
            value = word[len(name) + 1 :]
        else:
            continue
        if value is not None and " " in value.text.strip() and names_command_line(name.lstrip("-")):
            yield value


def _commands(text: str) -> list[list[_Span]]:
    """The simple commands in a piece of shell, each as its words: quotes and escapes removed, comments dropped."""
    commands: list[list[_Span]] = [[]]
    characters: list[_Span] = []
    for piece in _PIECE.finditer(text):
        kind = piece.lastgroup or ""
        if kind in _WORD_ENDS and characters:
            commands[-1].append(_Span.join(characters))
            characters = []
        if kind == "operator":
            commands.append([])
        elif kind not in _NOT_WORDS:
            characters.append(_characters(piece, kind))
    if characters:
        commands[-1].append(_Span.join(characters))
    return [command for command in commands if command]


def _characters(piece: re.Match[str], kind: str) -> _Span:
    start = piece.start(kind)
    if kind != "double" or "\\" not in piece[kind]:  # without a backslash, every character is kept where it is
        return _Span(piece[kind], range(start, start + len(piece[kind])))
    kept = [(m[i], start + m.start(i)) for m in _IN_DOUBLE_QUOTES.finditer(piece[kind]) if (i := m.lastindex)]
    return _Span("".join(c for c, _ in kept), tuple(o for _, o in kept))


def _flag_values(command: list[_Span], known: Mapping[str, Sequence[_Span]]) -> Iterator[_Found]:
    """The values of model and dataset flags, `--flag value` or `--flag=value`, and of a hosted API's
    (`--openai_engine gpt-4-0314`, `--deployment_name`), one per item of a comma- or blank-separated list; all the
    words after a flag that takes several (`--mixer_list org/x 1.0 org/y 1.0`); the value a script gave the variable a
    flag is given (`DATA="org/x 1.0"` ... `--dataset_mixer_list $DATA`)."""
    for index, word in enumerate(command):
        flag, equals, _ = word.text.partition("=")
        kind = (_FLAGS.get(flag[2:].replace("-", "_")) or apis.name_kind(flag[2:])) if flag.startswith("--") else None
        if flag == SHORT_MODEL_FLAG:  # `llm -m gpt-4o "..."`: an API's model or nothing
            kind = Kind.API
        if kind is None:
            continue
        values = [word[len(flag) + 1 :]] if equals else _arguments(command, index + 1, takes_many(flag[2:]))
        for given in (followed for value in values for followed in _followed(value, known)):
            yield from (_Found(flag, kind, _unsampled(item)) for item in _items(_written(given)))


# ms-swift's `--dataset ID#500`: the number of samples taken from the dataset, no part of its id.
_SAMPLES = re.compile(r"#\d+\Z")


def _unsampled(item: _Span) -> _Span:
    """An item without the sample count ms-swift writes after a dataset (`org/x#500`)."""
    count = _SAMPLES.search(item.text)
    return item[: count.start()] if count else item


def _arguments(command: list[_Span], index: int, many: bool) -> list[_Span]:
    """The argument at `index`, or with `many` every argument from there to the next flag."""
    if not many:
        return [word] if (word := _argument(command, index)) else []
    found: list[_Span] = []
    while (word := _argument(command, index + len(found))) is not None:
        found.append(word)
    return found


# `$DATA`, `${DATA}`, an array's item `${NAMES[$i]}`: a variable's value, nothing else
_EXPANSION = re.compile(r"\$(?:\{([A-Za-z_]\w*)(?:\[[^\]\s]*\])?\}|([A-Za-z_]\w*))")


def _followed(value: _Span, known: Mapping[str, Sequence[_Span]]) -> Sequence[_Span]:
    """The values a script gave the variable `value` expands (`$DATA`), through the variables those expand in turn
    (`name=${names[$i]}` then `--model ${name}`: the array's items), or `value` itself. Each variable is expanded
    once, so that the work is the script's assignments at most, whatever refers to what."""
    if not _EXPANSION.fullmatch(value.text):
        return (value,)
    found: list[_Span] = []
    pending, seen = [value], set()
    for current in pending:  # grows as it goes: the values of each variable met, in the order they are met
        expansion = _EXPANSION.fullmatch(current.text)
        if expansion is None:
            found.append(current)
            continue
        name = expansion[1] or expansion[2]
        if name not in seen:
            seen.add(name)
            pending += known.get(name, ())
    return found


def _variable_values(commands: list[list[_Span]]) -> dict[str, list[_Span]]:
    """The values a script gives variables whose name says nothing (`data_mix="org/x 1.0"`), for the flags they are
    given to; a variable named for a model or dataset is read where it is set (`_assignments`)."""
    values: dict[str, list[_Span]] = {}
    for command in commands:
        for name, value in _raw_assignments(command):
            if not apis.holds_api(name) and named_kind(name) is None:
                values.setdefault(name, []).append(value)
    return values


def _assignments(command: list[_Span]) -> Iterator[_Found]:
    """The values of variables named for a model or dataset that a command sets."""
    for name, value in _raw_assignments(command):
        yield from _assigned(name, value)


def _raw_assignments(command: list[_Span]) -> Iterator[tuple[str, _Span]]:
    """The variables a command sets, with their values: `NAME=VALUE` (after `export`, `local`...), make's `NAME ?=
    VALUE` (its operator a word of its own) and Docker's `ENV NAME VALUE`."""
    first = command[0].text
    words = command[1:] if first in _DECLARATIONS or first == "ENV" else command
    if len(words) == 3 and words[1].text in _MAKE_OPERATORS and _VARIABLE.fullmatch(words[0].text):
        yield words[0].text, words[2]
        return
    if first == "ENV" and len(words) == 2 and _VARIABLE.fullmatch(words[0].text):
        yield words[0].text, words[1]
        return
    for word in words:
        name, equals, _ = word.text.partition("=")
        if not (equals and _VARIABLE.fullmatch(name)):
            break
        yield name, word[len(name) + 1 :]


# A parameter expansion with a value for its variable when it has none, in any word: `: "${MODEL:=org/x}"` and `echo
# "MODEL: ${MODEL:=org/x}"` set it; `${MODEL:-org/x}` stands for the value (`curl "$HOST/${MODEL:-org/x}/info"`). A
# default that is itself a variable (`${MODEL:-$DEFAULT}`) or holds a blank is no value written here.
_EXPANSION_DEFAULT = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*):?[-=]([^${}\s]+)\}")


def _expansion_defaults(command: list[_Span]) -> Iterator[_Found]:
    """The defaults of variables named for a model or dataset, wherever a word expands one (`${MODEL:=org/x}`)."""
    for word in command:
        if "${" in word.text:
            for match in _EXPANSION_DEFAULT.finditer(word.text):
                yield from _assigned(match[1], word[match.start(2) : match.end(2)])


def _overrides(command: list[_Span]) -> Iterator[_Found]:
    """The arguments that override a key named for a model or dataset (`critic.model.path=ID`, `names.overridden`):
    read as its assignment. The first word too: a bash array of a command's arguments (`MODEL=(
    actor_rollout_ref.model.path=ID ...)` ... `python3 -m x "${MODEL[@]}"`) is read as a command of its own, and a
    dotted word is never a variable a command is run with."""
    for word in command:
        override = overridden(word.text)
        if override:
            yield from _assigned(override[0], word[override[1] :])


def _printed_assignments(command: list[_Span]) -> Iterator[_Found]:
    """The `NAME=ID` lines `echo` and `printf` print, in a script that writes an env file (`>> .env`, a workflow's
    `>> "$GITHUB_ENV"`, `{ echo "EMBED_MODEL=org/x"; } >> .env`): read as that file's assignments."""
    if command[0].text not in _PRINTS:
        return
    for word in command[1:]:
        name, equals, _ = word.text.partition("=")
        if equals and _VARIABLE.fullmatch(name):
            yield from _assigned(name, word[len(name) + 1 :])


def _image_variables(commands: list[list[_Span]]) -> dict[str, str]:
    """The values a script gives variables named for an image (`IMAGE=vllm/vllm-openai:v0.8.5`), for the commands
    that run `$IMAGE`; the last one given wins."""
    return {
        found.form: found.value.text
        for command in commands
        for found in _assignments(command)
        if found.kind is Kind.IMAGE
    }


def _assigned(name: str, value: _Span) -> Iterator[_Found]:
    kind = Kind.API if apis.holds_api(name) else named_kind(name)
    if kind is not None:  # one per item of a comma-joined list, as a flag's: `LORA_ADAPTERS=org/a,org/b`
        yield from (_Found(name, kind, item) for item in _items(_written(value)))
    elif names_image(name):  # `IMAGE=lmsysorg/sglang:latest` ... `docker run "$IMAGE"`: a model server or nothing
        yield _Found(name, Kind.IMAGE, _written(value))


def _keyed_values(command: list[_Span]) -> Iterator[_Found]:
    """The models in a `--model_args pretrained=ID,dtype=float16` list, in one given as an argument of its own
    (lighteval's `lighteval vllm "model_name=ID,dtype=bfloat16" TASKS`) whose first key names a model, and in a
    `key=value` list given to any other option under a key named for a model or dataset (`_KEY_VALUE_LIST`)."""
    for index, word in enumerate(command):
        flag, equals, _ = word.text.partition("=")
        keys = _KEYED_FLAGS.get(flag[2:].replace("-", "_")) if flag.startswith("--") else None
        value = word[len(flag) + 1 :] if equals else _argument(command, index + 1)
        if keys is None and index and flag in MODEL_ARGS_KEYS and MODEL_ARGS_LIST.fullmatch(word.text):
            keys, value, flag = MODEL_ARGS_KEYS, word, command[0].text
        if value is None or (keys is None and not (flag.startswith("--") and _KEY_VALUE_LIST.fullmatch(value.text))):
            continue
        for item in _items(value):
            key, assigned, _ = item.text.partition("=")
            kind = (Kind.MODEL if key.strip() in keys else None) if keys is not None else named_kind(key)
            if assigned and kind in (Kind.MODEL, Kind.DATASET):
                yield _Found(f"{flag} {key.strip()}", kind, _written(item[len(key) + 1 :]))


def _served(command: list[_Span]) -> Iterator[_Found]:
    """The model a serving command (`names.SERVE_COMMANDS`) is given: its first argument that is neither an option nor
    an option's value (`vllm serve --host 0.0.0.0 ID`; after a switch, `--enable-lora ID`, the word is taken for the
    switch's value)."""
    for index in range(len(command)):
        served = served_by(tuple(w.text for w in command[index : index + 3]))
        if not served:
            continue
        after = command[index + served :]
        texts = [w.text for w in after]
        model = next((w for at, w in enumerate(after) if positional(texts, at)), None)
        if model is not None:
            form = " ".join(
                [command[index].text.rsplit("/", 1)[-1], *(w.text for w in command[index + 1 : index + served])]
            )
            yield _Found(form, Kind.MODEL, _written(model))


def _images(command: list[_Span], known: Mapping[str, str]) -> Iterator[_Found]:
    """The images a command runs or fetches: `docker run [options] IMAGE`, `podman pull IMAGE`,
    `srun --container-image=IMAGE`, `kubectl run NAME --image=IMAGE`, and any `docker://IMAGE` word (`enroot
    import`, `apptainer pull`)."""
    for index, word in enumerate(command):
        found = _engine_found(command, index, known)
        flag, equals, _ = word.text.partition("=")
        value = word[len(flag) + 1 :] if equals else _argument(command, index + 1)
        if found:
            yield from found
        elif flag in _IMAGE_FLAGS and value is not None:
            yield _Found(flag, Kind.IMAGE, _written(value))
        elif word.text.lower().startswith("docker://"):
            yield _Found("docker://", Kind.IMAGE, word)


def _engine_found(command: list[_Span], index: int, known: Mapping[str, str]) -> list[_Found]:
    """The image of `ENGINE [container] run|pull|create ... IMAGE` starting at `index`, and the models its
    `-e MODEL_ID=ID` options give it when it is a model server (the image's variables replaced by the `known` values
    the script gave them), and its first argument when the server takes its model so."""
    program = command[index].text.rsplit("/", 1)[-1]
    words = [w.text for w in command[index + 1 : index + 3]]
    skip = 1 if program in _ENGINES and words[:1] == ["container"] else 0
    subcommand = words[skip] if len(words) > skip else ""
    if program not in _ENGINES or subcommand not in _ENGINE_COMMANDS:
        return []
    arguments = command[index + 2 + skip :]
    image, options, at = _engine_arguments(arguments)
    if image is None:
        return []
    found = [_Found(f"{program} {subcommand}", Kind.IMAGE, image)]
    server = server_image(image.text, known)
    if server is not None:
        found += [_Found(f"-e {name}", Kind.MODEL, value) for name, value in _model_variables(options)]
    model = _argument(arguments, at + 1) if server and subcommand != "pull" and takes_model_argument(server) else None
    if model is not None:  # `docker run vllm/vllm-openai ORG/NAME --port 8000`: the entrypoint's first argument
        found.append(_Found(f"{program} {subcommand} IMAGE", Kind.MODEL, _written(model)))
    return found


def _engine_arguments(arguments: list[_Span]) -> tuple[_Span | None, list[tuple[str, _Span]], int]:
    """The first argument of `docker run` that is not an option or an option's value, the options before it
    with their values (`-e NAME=VALUE`, `--env=NAME=VALUE`), and where it stands among the arguments."""
    options: list[tuple[str, _Span]] = []
    pending: str | None = None
    for at, word in enumerate(arguments):
        text = word.text
        if pending is not None:
            options.append((pending, word))
            pending = None
        elif text.startswith("--") and "=" in text:
            flag = text.split("=", 1)[0]
            options.append((flag, word[len(flag) + 1 :]))
        elif text.startswith("--"):
            pending = None if text in _ENGINE_SWITCHES else text
        elif text.startswith("-") and len(text) > 1:
            pending = None if set(text[1:]) <= _ENGINE_SWITCH_LETTERS else text
        else:
            return _written(word), options, at
    return None, options, len(arguments)


# Options whose value is `NAME=VALUE`, a setting handed to what the command runs: `docker run -e NAME=VALUE`, `sky
# launch --env NAME=VALUE`, `docker build --build-arg NAME=VALUE`, Helm's `--set path.to.name=VALUE`.
_SETTING_OPTIONS = frozenset({"-e", "--env", "--build-arg", "--set", "--set-string"})
_SET_INDEX = re.compile(r"\[\d+\]")


def _named_settings(command: list[_Span]) -> Iterator[_Found]:
    """The values of settings named for a model or dataset (`names`) that a command's options hand on: `sky launch
    --env MODEL_ID=ID`, `--build-arg BASE_MODEL=ID`, `--set server.modelName=ID` (Helm's path: its last key names it).
    A container engine's `-e` is left to `_engine_found`: it names a model only for a model server's image."""
    engine = any(word.text.rsplit("/", 1)[-1] in _ENGINES for word in command[:3])
    for index, word in enumerate(command):
        flag, equals, _ = word.text.partition("=")
        if flag not in _SETTING_OPTIONS or (engine and flag in _ENV_OPTIONS):
            continue
        setting = word[len(flag) + 1 :] if equals else _argument(command, index + 1)
        name, assigned, _ = setting.text.partition("=") if setting is not None else ("", "", "")
        if setting is None or not assigned:
            continue
        key = _SET_INDEX.sub("", name).rpartition(".")[2] if flag.startswith("--set") else name
        kind = named_kind(key) if key else None
        if kind is not None:
            yield _Found(f"{flag} {key}", kind, _written(setting[len(name) + 1 :]))


def _model_variables(options: list[tuple[str, _Span]]) -> Iterator[tuple[str, _Span]]:
    """The `-e NAME=VALUE` options whose NAME is a variable a model server reads its model from."""
    for flag, value in options:
        name, equals, _ = value.text.partition("=")
        if flag in _ENV_OPTIONS and equals and name in MODEL_VARIABLES:
            yield name, _written(value[len(name) + 1 :])


def _lora_modules(command: list[_Span]) -> Iterator[_Found]:
    """vLLM's `--lora-modules NAME=ID [NAME=ID ...]` (or `--lora-modules=NAME=ID`, or JSON items `{"name": NAME,
    "path": ID}`), SGLang's `--lora-paths NAME=ID ...`: the adapters a server loads."""
    for index, word in enumerate(command):
        flag, equals, _ = word.text.partition("=")
        if flag not in _ADAPTER_FLAGS:
            continue
        items = [word[len(flag) + 1 :]] if equals else []
        for item in command[index + 1 :] if not equals else []:
            if item.text.startswith("-"):
                break
            items.append(item)
        for item in items:
            name, assigned, _ = item.text.partition("=")
            if item.text.lstrip().startswith("{"):
                yield from _json_entries(flag, item, _ADAPTER_JSON_KEYS)
            elif assigned:
                yield _Found(flag, Kind.MODEL, _written(item[len(name) + 1 :]))


def _json_flag_values(command: list[_Span]) -> Iterator[_Found]:
    """A JSON object given to an option (vLLM's `--speculative-config '{"model": ID, ...}'`): its entries under keys
    named for a model or dataset. A request body (`curl --data`) is `_requests`'; one sent to an Ollama server names
    Ollama's models."""
    if any(_OLLAMA_SERVER.search(word.text) for word in command):
        return
    for index, word in enumerate(command):
        flag, equals, _ = word.text.partition("=")
        value = word[len(flag) + 1 :] if equals else _argument(command, index + 1)
        read = flag.startswith("--") and flag not in _ADAPTER_FLAGS and flag not in _CURL_DATA
        if read and value and value.text.lstrip().startswith("{"):
            yield from _json_entries(flag, value, frozenset())


def _json_entries(form: str, value: _Span, keys: frozenset[str]) -> Iterator[_Found]:
    """The string entries of JSON written in a word whose key is one of `keys` or is named for a model or dataset."""
    for match in _JSON_STRING_ENTRY.finditer(value.text):
        kind = Kind.MODEL if match[1] in keys else named_kind(match[1])
        if kind in (Kind.MODEL, Kind.DATASET):
            yield _Found(f"{form} {match[1]}", kind, value[match.start(2) : match.end(2)])


def _hf_repos(command: list[_Span]) -> Iterator[_Found]:
    """llama.cpp's `-hf ORG/NAME[:QUANT]` (`--hf-repo`, `-hfd`...): the repository, without the quantisation."""
    for index, word in enumerate(command):
        flag, equals, _ = word.text.partition("=")
        value = word[len(flag) + 1 :] if equals else _argument(command, index + 1)
        if flag in _HF_REPO_FLAGS and value is not None:
            written = _written(value)
            yield _Found(flag, Kind.MODEL, written[: len(written.text.partition(":")[0])])


def _urls(command: list[_Span]) -> Iterator[_Found]:
    """The repositories of the Hub's URLs in any word (`wget https://huggingface.co/ORG/NAME/resolve/main/F`,
    `git clone https://huggingface.co/ORG/NAME`, `wget huggingface.co/ORG/NAME/...` with no scheme, a mirror's
    folder `/huggingface.co/ORG/NAME` of a snapshot), and the models of hosted APIs' URLs (`apis.url_model`), each
    placed at its id inside the URL."""
    for word in command:
        urls = [(url, url.group()) for url in URL.finditer(word.text)]
        within = [range(url.start(), url.end()) for url, _ in urls]
        bare = (url for url in _BARE_HUB_URL.finditer(word.text) if not any(url.start() in r for r in within))
        urls += [(url, f"https://{url.group()}") for url in bare]
        for url, text in urls:
            found = parse_hub_url(text.rstrip(".;:!?"))
            start = word.text.find(found[1].id, url.start(), url.end()) if found else -1
            if found and start >= 0:
                yield _Found("url", found[0], word[start : start + len(found[1].id)], found[1].revision)
            elif found is None and (api := apis.url_model(text)):  # `curl .../v1beta/models/ID:generateContent`
                start = word.text.find(api, url.start(), url.end())
                if start >= 0:
                    yield _Found("url", Kind.API, word[start : start + len(api)])


def _ollama_pulls(command: list[_Span]) -> Iterator[_Found]:
    """`ollama pull NAME`, `ollama run NAME [PROMPT]`, also as the command of `docker exec CONTAINER ...`; and
    LiteLLM strings routed to Ollama, alone or as a variable's value (`LM=ollama/llama3.2:3b`)."""
    for index, word in enumerate(command):
        program = word.text.rsplit("/", 1)[-1]
        if program == "ollama" and index + 1 < len(command) and command[index + 1].text in _OLLAMA_SUBCOMMANDS:
            model = next((w for w in command[index + 2 :] if not w.text.startswith("-")), None)
            if model is not None:
                yield _Found(f"ollama {command[index + 1].text}", Kind.OLLAMA, _written(model))
        name, equals, _ = word.text.partition("=")
        value = word[len(name) + 1 :] if equals and _VARIABLE.fullmatch(name) else word
        if ollama.prefixed(value.text):
            yield _Found(f"{_OLLAMA_FORM}/", Kind.OLLAMA, value[ollama.model_start(value.text) :])


def _routed_words(command: list[_Span]) -> Iterator[_Found]:
    """A word, or a variable's value, that is wholly a model name routed to a hosted API: `--lm openai/gpt-4o-mini`,
    `LM=anthropic/claude-3-5-haiku-latest` (`discover/apis.py`)."""
    for word in command:
        name, equals, _ = word.text.partition("=")
        value = _written(word[len(name) + 1 :] if equals and _VARIABLE.fullmatch(name) else word)
        if apis.routed(value.text):
            yield _Found(_ROUTED, Kind.API, value)


# LiteLLM's routes to a server of Hub models that a flag of any name may be given, as dspy's and LiteLLM's programs
# take their model (`--api_name openai/org/x --api_base http://localhost:8000/v1`, `--judge hosted_vllm/org/x`): the
# Hub model served. `vllm/` is left out: as a flag's value it is as often a path in vLLM's own tree.
_FLAG_HUB_ROUTES = frozenset({"openai", "hosted_vllm", "huggingface"})


# Words of a flag's name that say its value is a label, a place or a name given to a run (`--run_name
# gpt-4o-baseline`, `--wandb_project`, `--log_dir`), often spelled after the model it runs: no model's.
_LABEL_FLAG_WORDS = frozenset(
    {"name", "run", "exp", "experiment", "project", "tag", "title", "label", "group", "prefix", "suffix"}
    | {"dir", "path", "file", "log", "wandb", "mlflow", "tracker"}
)


def _flag_models(command: list[_Span]) -> Iterator[_Found]:
    """The value of a flag of any name that is wholly a model: a Hub id behind a LiteLLM route to a server of Hub
    models (`--api_name openai/org/x`), or a hosted API's name with a version or listed whole by its provider
    (`--generator o1-mini`, `--teacher gpt-4o-2024-08-06`). Not under a flag of writing (`--output_dir`); an API's name
    not under one of a label or a place either (`--run_name gpt-4o-baseline`, `_LABEL_FLAG_WORDS`)."""
    for index, word in enumerate(command):
        flag, equals, _ = word.text.partition("=")
        words = split_words(flag[2:]) if flag.startswith("--") else ()
        if not words or WRITTEN.intersection(words):
            continue
        given = word[len(flag) + 1 :] if equals else _argument(command, index + 1)
        value = _written(given) if given is not None else None
        if value is None or not value.text:
            continue
        served = without_hub_route(value.text)
        if served != value.text and value.text.partition("/")[0] in _FLAG_HUB_ROUTES:
            yield _Found(flag, Kind.MODEL, value[len(value.text) - len(served) :])
        elif _LABEL_FLAG_WORDS.isdisjoint(words) and _versioned_api_name(value.text):
            yield _Found(flag, Kind.API, value)


def _versioned_api_name(text: str) -> bool:
    """Whether a word is a hosted API model's name with a version in it (`o1-mini`, `gpt-4o`) or listed whole by its
    provider (`deepseek-chat`): a word the loose patterns match is a product's or a project's name as often."""
    return (any(c.isdigit() for c in text) or apis.listed(text)) and apis.named(text) is not None


def _ollama_requests(command: list[_Span]) -> Iterator[_Found]:
    """The `"model"` of a JSON body curl sends to an Ollama server: `curl localhost:11434/api/generate -d '{...}'`."""
    start = _curl(command)
    if start is None or not any(_OLLAMA_SERVER.search(w.text) for w in command[start:]):
        return
    for body in _curl_bodies(command, start):
        for match in _JSON_MODEL.finditer(body.text):
            yield _Found(f"{_OLLAMA_FORM} request", Kind.OLLAMA, body[match.start(1) : match.end(1)])


def _requests(command: list[_Span]) -> Iterator[_Found]:
    """What a JSON body curl sends to any other server names under a key named for a model: an OpenAI-compatible
    server's `{"model": ID}` (vLLM, TGI, a router before them), TGI's `{"adapter_id": ID}`."""
    start = _curl(command)
    if start is None or any(_OLLAMA_SERVER.search(w.text) for w in command[start:]):
        return  # an Ollama server's requests are `_ollama_requests`'
    for body in _curl_bodies(command, start):
        yield from _body_entries(body)


def _body_entries(body: _Span) -> Iterator[_Found]:
    """The entries of a JSON body under a key named for a model or dataset (`{"model": ID}`)."""
    for match in _JSON_STRING_ENTRY.finditer(body.text):
        kind, value = named_kind(match[1]), body[match.start(2) : match.end(2)]
        if kind in (Kind.MODEL, Kind.DATASET):
            yield (
                _Found(_ROUTED, Kind.API, value)
                if apis.routed(value.text)
                else _Found(f"{match[1]} request", kind, value)
            )


# Where a printed JSON object ends, its closing brace and quote (a command substitution spliced into it, `"data":
# "'$(base64 -w0 f)'"`, splits the words `echo` prints), and what follows when the command writes it to a file: `>`
# or `>>` and a file (not a descriptor, `>&2`, nor `/dev/null`).
_BODY_END = re.compile(r"""\}['"]""")
_TO_FILE = re.compile(r"""[^\n;|&>]*>>?[ \t]*(?!&|/dev/)[^\s;|&]""")  # after `printf`'s other arguments


def _printed_bodies(command: list[_Span], text: str) -> Iterator[_Found]:
    """A JSON object `echo` or `printf` writes to a file (`echo '{"model": "models/gemini-2.5-flash", ...}' >
    request.json`, then `curl -d @request.json`): that file, as a heredoc written to one is; its entries under a key
    named for a model are read as a body curl sends. One printed to the terminal names nothing."""
    if command[0].text not in _PRINTS:
        return
    end = _BODY_END.search(text, command[0].offsets[-1])
    if end is None or not _TO_FILE.match(text, end.end()):
        return
    for word in command[1:]:
        if word.text.lstrip().startswith("{"):
            yield from _body_entries(word)


def _curl(command: list[_Span]) -> int | None:
    """Where `curl` stands in a command: `if curl ...; then`, `timeout 60 curl ...`: it need not come first."""
    return next((i for i, word in enumerate(command) if word.text.rsplit("/", 1)[-1] == "curl"), None)


def _curl_bodies(command: list[_Span], start: int) -> Iterator[_Span]:
    """The bodies curl sends (`-d BODY`, `--data-raw BODY`, `--json BODY`)."""
    for index, word in enumerate(command[start:-1], start):
        if word.text in _CURL_DATA:
            yield command[index + 1]


def _argument(command: list[_Span], index: int) -> _Span | None:
    """The word at `index` when it is an argument rather than the next flag."""
    word = command[index] if index < len(command) else None
    return None if word is None or word.text.startswith("-") else word


def _written(value: _Span) -> _Span:
    """What a value stands for when its variables are unset: `${VAR:-ID}` and `${3:-"ID"}` stand for ID (quotes
    inside the braces are the default's own: the shell removes them)."""
    while default := ENV_DEFAULT.fullmatch(value.text):
        value = value[default.start(1) : default.end(1)]
        if len(value.text) >= 2 and value.text[0] == value.text[-1] and value.text[0] in "\"'":
            value = value[1:-1]
    return value


_ITEM = re.compile(r"[^,\s]+")  # an item of a list joined with commas or blanks (`org/x,org/y`, `"org/x 1.0 org/y"`)
# Ids joined by `+` (distil-whisper's and parler-tts' `--train_dataset_name "org/x+org/y"`, which they split and
# interleave): no id holds one. A `+` first is no join (`${MODEL:+org/x}`: the shell's value when MODEL is set).
_JOINED = re.compile(r"[^+]+(?:\+[^+]+)+")
_PART = re.compile(r"[^+]+")


def _items(value: _Span) -> Iterator[_Span]:
    for item in _ITEM.finditer(value.text):
        parts = _PART.finditer(item[0]) if _JOINED.fullmatch(item[0]) else (None,)
        for part in parts:
            start, end = (item.start() + part.start(), item.start() + part.end()) if part else item.span()
            yield value[start:end]


def _downloads(command: list[_Span], known: Mapping[str, Sequence[_Span]]) -> Iterator[_Found]:
    """`hf download ID`, also `hf download $REPO` after the script set `REPO=ID` (a name that says nothing: one named
    for a model is read where it is set)."""
    for index, word in enumerate(command[:-1]):
        cli = word.text.rsplit("/", 1)[-1]
        if cli in _CLIS and command[index + 1].text == "download":
            found = _download(command[index + 2 :], f"{cli} download")
            if found is not None:
                yield from (replace(found, value=_written(value)) for value in _followed(found.value, known))


# A CLI's `model download` (or `dataset download`) subcommand whose option names the Hub repository it fetches:
# InstructLab's `ilab model download --repository org/x-GGUF --filename x.gguf`. The noun before `download` says the
# kind; a value off the Hub (`docker://quay.io/org/x`) is no id.
_SUBCOMMAND_KINDS = {"model": Kind.MODEL, "dataset": Kind.DATASET}
_REPOSITORY_OPTIONS = frozenset({"--repository", "--repo", "--repo-id", "--repo_id"})


def _subcommand_downloads(command: list[_Span], known: Mapping[str, Sequence[_Span]]) -> Iterator[_Found]:
    """`ilab model download --repository ID` (also `--repository=ID`, `$REPO` after the script set `REPO=ID`)."""
    for index, word in enumerate(command[:-2]):
        kind = _SUBCOMMAND_KINDS.get(word.text)
        if kind is None or command[index + 1].text != _DOWNLOAD_WORD:
            continue
        for at, option in enumerate(command[index + 2 :], start=index + 2):
            name, equals, _ = option.text.partition("=")
            if name not in _REPOSITORY_OPTIONS:
                continue
            value = option[len(name) + 1 :] if equals else _argument(command, at + 1)
            for given in _followed(value, known) if value is not None else ():
                yield _Found(f"{word.text} download {name}", kind, _written(given))


_REPO_TYPE_OPTIONS = ("--repo_type", "--repo-type")


def _download_scripts(command: list[_Span]) -> Iterator[_Found]:
    """`python download-model.py ID`, `./scripts/download_dataset.sh ID`: the argument right after a script named for
    downloading a model or dataset (`names.called_kind`) is the one it fetches. A script given the repository as an
    option (`python download_file.py --repo_id ID --filename F --repo_type model`) fetches that one, of the kind its
    `--repo_type` says or, without one, its name says; of neither, the kind is unknown and nothing is read."""
    for index, word in enumerate(command[:-1]):
        script = word.text.rsplit("/", 1)[-1]
        stem, dot, extension = script.rpartition(".")
        if not dot or extension not in _SCRIPT_EXTENSIONS or _DOWNLOAD_WORD not in split_words(stem):
            continue
        if index and not _INTERPRETER.fullmatch(command[index - 1].text.rsplit("/", 1)[-1]):
            continue  # `less download-model.py`: a file read, not a script run
        options = _script_options(command[index + 1 :])
        repository = next((options[name] for name in _REPOSITORY_OPTIONS if name in options), None)
        repo_type = next((options[name] for name in _REPO_TYPE_OPTIONS if name in options), None)
        kind = _REPO_TYPES.get(repo_type.text.lower()) if repo_type else called_kind(stem)
        argument = repository or _argument(command, index + 1)  # `download_model.py org/x --repo_type dataset`
        if kind is not None and argument is not None:
            yield _Found(script, kind, _written(argument))


def _script_options(arguments: list[_Span]) -> dict[str, _Span]:
    """The values of a script's `--option VALUE` and `--option=VALUE` words, up to the end of its command."""
    options: dict[str, _Span] = {}
    for at, word in enumerate(arguments):
        name, equals, _ = word.text.partition("=")
        if not name.startswith("--"):
            continue
        value = word[len(name) + 1 :] if equals else _argument(arguments, at + 1)
        if value is not None:
            options[name] = value
    return options


def _download(arguments: list[_Span], form: str) -> _Found | None:
    """What `download` fetches: its first positional argument, of the `--repo-type` given, at the `--revision`."""
    options: dict[str, str] = {}
    target: _Span | None = None
    pending: str | None = None
    for word in arguments:
        name, equals, value = word.text.partition("=")
        if pending:
            options[pending] = word.text
            pending = None
        elif name.startswith("-") and equals:
            options[name] = value
        elif name.startswith("-"):
            pending = name if name in _DOWNLOAD_OPTIONS else None
        elif target is None:
            target = word
    kind = _REPO_TYPES.get(options.get("--repo-type", "model"))
    if target is None or kind is None or options.get("--source", "huggingface").lower() not in _HUB_SOURCES:
        return None
    return _Found(form, kind, _written(target), options.get("--revision"))


def _is_dockerfile(name: str) -> bool:
    """A Dockerfile or a Containerfile (Podman's name for one), as `containers._is_dockerfile` says."""
    name = name.lower()
    if name in ("dockerfile", "containerfile") or name.endswith((".dockerfile", ".containerfile")):
        return True
    return name.startswith(("dockerfile.", "containerfile.")) or _SUFFIXED_DOCKERFILE.fullmatch(name) is not None


# `Dockerfile_base`, `Dockerfile-cuda`, `Containerfile_gpu`: a variant named with a suffix instead of an ending.
_SUFFIXED_DOCKERFILE = re.compile(r"(?:dockerfile|containerfile)[_-][\w-]+")


def _dockerfile_scripts(text: str) -> Iterator[_Span]:
    """The shell of each RUN, CMD and ENTRYPOINT: continuation lines joined, heredoc bodies (`RUN <<EOF`) included,
    and the strings of an exec-form array joined by spaces, so that a `sh -c` string is read as shell. ARG and ENV
    are read as assignments: `ENV` kept in front, for its `ENV NAME VALUE` form."""
    lines = iter(_lines(text))
    for line in lines:
        if _is_comment(line):
            continue
        instruction = _logical_line(line, lines)
        keyword = _INSTRUCTION.match(instruction.text)
        if keyword is None:
            continue
        body = instruction[keyword.end() :]
        word = keyword.group(1).upper()
        if word == "ENV":
            yield _Span.join([_Span("ENV ", (keyword.start(1),) * 4), body])
        elif word == "ARG":
            yield body
        else:
            yield _exec_form(body) or _with_heredocs(body, lines)


def _lines(text: str) -> list[_Span]:
    """The file's lines, each with its newline."""
    spans: list[_Span] = []
    start = 0
    for line in text.splitlines(keepends=True):
        spans.append(_Span(line, range(start, start + len(line))))
        start += len(line)
    return spans


def _is_comment(line: _Span) -> bool:
    return line.text.lstrip().startswith("#")


def _logical_line(first: _Span, rest: Iterator[_Span]) -> _Span:
    """A line and the lines a trailing `\\` joins to it; blank and comment lines in between are dropped, as Docker
    drops them."""
    parts = [first]
    while parts[-1].text.rstrip().endswith("\\"):
        parts[-1] = parts[-1][: len(parts[-1].text.rstrip()) - 1]
        following = next((line for line in rest if line.text.strip() and not _is_comment(line)), None)
        if following is None:
            break
        parts.append(following)
    return _Span.join(parts)


def _with_heredocs(body: _Span, rest: Iterator[_Span]) -> _Span:
    """A RUN body followed by the lines of its heredocs, up to each one's delimiter."""
    parts = [body]
    for delimiter in _HEREDOC.findall(body.text):
        for line in rest:
            if line.text.strip() == delimiter:
                break
            parts.append(line)
    return _Span.join(parts)


def _exec_form(body: _Span) -> _Span | None:
    """The strings of `["python", "serve.py", "--model", "ID"]` joined by spaces; None for the shell form."""
    try:
        arguments = json.loads(body.text)
    except ValueError:
        return None
    if not isinstance(arguments, list) or not all(isinstance(a, str) for a in arguments):
        return None
    quotes = [body.offsets[m.start()] for m in _JSON_STRING.finditer(body.text)]
    return _Span.join(
        _Span(f"{argument} ", tuple(range(quote + 1, quote + len(argument) + 2)))
        for argument, quote in zip(arguments, quotes, strict=True)
    )
