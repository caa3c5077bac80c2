"""`modelpolicy notice`: a NOTICE document in Markdown for the artefacts a repository uses.

For each artefact, grouped by artefact: its licence with the URL of the text; the attribution text to copy, word
for word, where a licence gives one; each obligation that applies under the policy's context, with the clause it
comes from; and the obligations its base models carry over. The facts are knowledge/obligations.toml; which of
them apply follows its `when_by_context` table.

Nothing here is legal advice: each obligation quotes its clause, so a reader can check it.
"""

from __future__ import annotations

from collections.abc import Iterable

from modelpolicy import __version__
from modelpolicy.knowledge import KnowledgeBase
from modelpolicy.knowledge import load as load_knowledge
from modelpolicy.model import Finding, Obligation, Unresolved
from modelpolicy.obligations import NAMING
from modelpolicy.report.columns import license_of
from modelpolicy.report.interface import Report
from modelpolicy.report.markdown import _code, _escape

WHEN_WORDS = {
    "any-use": "any use",
    "using-outputs": "using outputs",
    "distributing-weights": "distributing the weights or data",
    "offering-service": "offering a service",
    "publishing-fine-tune": "publishing a fine-tune",
}


def render(report: Report, *, color: bool = False) -> str:
    knowledge = load_knowledge()
    lines = [*_heading(report, knowledge)]
    for finding in sorted(report.findings, key=_label):
        lines += ["", *_artefact(finding, knowledge)]
    if not report.findings:
        lines += [
            "",
            "The scan found no model, dataset, hosted API or model server: there is nothing to give notice of.",
        ]
    return "\n".join(lines) + "\n"


def _heading(report: Report, knowledge: KnowledgeBase) -> list[str]:
    context = report.policy.context.value
    whens = ", ".join(WHEN_WORDS[w] for w in knowledge.when_by_context.get(context, ()))
    return [
        "# Notices for the machine-learning artefacts this repository uses",
        "",
        f"Written by modelpolicy {__version__} under the policy **{_escape(report.policy.name)}**, context "
        f"{_code(context)}: the obligations below are those that apply to {whens}. Each quotes the clause it comes "
        "from; this is not legal advice.",
    ]


def _label(finding: Finding) -> tuple[str, str, str]:
    artefact = finding.artefact
    return (artefact.kind.value, artefact.id, artefact.revision or "")


def _artefact(finding: Finding, knowledge: KnowledgeBase) -> list[str]:
    artefact = finding.artefact
    revision = f" at {_code(artefact.revision)}" if artefact.revision else ""
    lines = [f"## {artefact.kind.value} {_code(artefact.id)}{revision}", ""]
    lines += _licence(finding, knowledge)
    where = ", ".join(_code(r.location) for r in artefact.references[:5])
    lines += [f"- Named at: {where}"] if where else []
    own = [o for o in finding.obligations if o.applies and not o.via]
    carried = [o for o in finding.obligations if o.applies and o.via]
    lines += _attribution([*own, *carried])
    if own:
        lines += ["", "### Obligations", "", *(_obligation(o) for o in own)]
    lines += _carried(carried, knowledge)
    lines += _not_applying(finding)
    return lines


def _licence(finding: Finding, knowledge: KnowledgeBase) -> list[str]:
    resolution = finding.resolution
    if isinstance(resolution, Unresolved):
        return [f"- Licence: unknown ({_escape(resolution.reason)}); its obligations cannot be listed"]
    expression = license_of(finding)
    if not expression:
        return ["- Licence: none declared; its obligations cannot be listed"]
    family = knowledge.family(expression)
    if family is None:
        return [f"- Licence: {_code(expression)}"]
    named = f"[{_escape(family.name)}]({family.url})" if family.url else _escape(family.name)
    return [f"- Licence: {named} ({_code(expression)})"]


def _attribution(obligations: Iterable[Obligation]) -> list[str]:
    texts = list(dict.fromkeys(o.text for o in obligations if o.text and o.key != NAMING))
    if not texts:
        return []
    quoted: list[str] = []
    for text in texts:
        quoted += [">", f"> {_escape(text)}"] if quoted else [f"> {_escape(text)}"]
    return ["", "### Attribution to copy", "", *quoted]


def _obligation(obligation: Obligation) -> str:
    whens = ", ".join(WHEN_WORDS[w] for w in obligation.when)
    naming = f" The name begins with {_code(obligation.text)}." if obligation.key == NAMING else ""
    return "\n".join(
        [
            f"- **{_escape(obligation.action)}**{naming}",
            f"  - Applies to: {whens}",
            f"  - Evidence: {_escape(obligation.clause)}, “{_escape(obligation.quote)}” <{obligation.url}>",
        ]
    )


def _carried(carried: list[Obligation], knowledge: KnowledgeBase) -> list[str]:
    if not carried:
        return []
    lines = ["", "### Carried over from its lineage"]
    for via in dict.fromkeys(o.via for o in carried):
        keys = dict.fromkeys(o.license for o in carried if o.via == via)
        families = [knowledge.family(key) for key in keys]
        names = ", ".join(f"[{_escape(f.name)}]({f.url})" if f.url else _escape(f.name) for f in families if f)
        lines += ["", f"From base model {_code(via)} ({names}):", ""]
        lines += [_obligation(o) for o in carried if o.via == via]
    return lines


def _not_applying(finding: Finding) -> list[str]:
    others = sum(1 for o in finding.obligations if not o.applies)
    if not others:
        return []
    return [
        "",
        f"{others} further obligation{'s' if others != 1 else ''} of its licences apply only to uses outside this "
        "context; `modelpolicy scan --format json` lists every obligation.",
    ]
