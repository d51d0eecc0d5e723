#!/usr/bin/env python3
"""Writes each procedure's case-number data into the committed .bpmn files (run after regenerating a file).

Each process carries, as its own camunda:properties (process-level extension elements):
  caseNumberPrefix  the prefix of its case numbers (受理编号), e.g. TS -> TS-2026-000123
  caseSummary       the variables whose text makes the case's one-line summary (compound, then what it is about)
  caseSearch        further text variables that case search looks in (phones, places, names)
See definitions/README.md ("Case numbers") and docs/api-notes.md. Idempotent: it rewrites the block it wrote.
"""
import os
import pathlib
import re

# definitions/, or the scratch folder of `regenerate.py --check`
HERE = pathlib.Path(os.environ.get("ANJU_DEFINITIONS_OUT") or pathlib.Path(__file__).resolve().parent.parent)

# key -> (prefix, summary variables, search variables)
CASES = {
    "complaint-handling": ("TS", "compoundName,description", "location,contact,callerName,callerPhone"),
    "emergency-repair": ("WX", "compoundName,description", "repairPlan,contractor"),
    "enforcement-referral": ("WF", "compoundName,description", "location,stopMeasures"),
    "committee-formation": ("YW", "compoundName,applicationNote", ""),
    "fund-normal-use": ("ZJ", "compoundName,planTitle", ""),
    "rectification": ("ZG", "compoundName,problem", "source"),
    "quarterly-assessment": ("KH", "quarter", ""),
    "quarterly-assessment-compound": ("KH", "compoundName,quarter", ""),
    "committee-supervision": ("JD", "compoundName,situation", "decisionText"),
}

MARK = "<!-- case number -->"


def block(prefix, summary, search):
    props = [("caseNumberPrefix", prefix), ("caseSummary", summary)]
    if search:
        props.append(("caseSearch", search))
    inner = "".join(f'<camunda:property name="{n}" value="{v}" />' for n, v in props)
    return f"{MARK}<bpmn:extensionElements><camunda:properties>{inner}</camunda:properties></bpmn:extensionElements>"


def main():
    for path in sorted(HERE.glob("*.bpmn")):
        xml = path.read_text(encoding="utf-8")
        changed = False
        for key, (prefix, summary, search) in CASES.items():
            m = re.search(r'(<bpmn:process id="' + re.escape(key) + r'"[^>]*>\s*(?:<bpmn:documentation>.*?</bpmn:documentation>\s*)?)', xml, re.S)
            if not m:
                continue
            # Drop the block this script wrote before, then insert it again.
            rest = xml[m.end():]
            if rest.startswith(MARK):
                end = rest.index("</bpmn:extensionElements>") + len("</bpmn:extensionElements>")
                rest = rest[end:].lstrip()
            indent = re.search(r"\n([ \t]*)$", m.group(1))
            pad = indent.group(1) if indent else ""
            xml = xml[:m.end()] + block(prefix, summary, search) + "\n" + pad + rest
            changed = True
        if changed:
            path.write_text(xml, encoding="utf-8")
            print("wrote", path.name)


if __name__ == "__main__":
    main()
