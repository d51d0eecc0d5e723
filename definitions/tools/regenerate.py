#!/usr/bin/env python3
"""Regenerates every procedure in definitions/ from its script, in order; running it twice changes nothing.

    python3 definitions/tools/regenerate.py           rewrite definitions/*.bpmn
    python3 definitions/tools/regenerate.py --check   write into a scratch folder and compare with definitions/:
                                                      exit 1 and print the differences when a file differs
                                                      (scripts/test.sh runs this; definitions/ is not touched)

Order: each generator writes its own file(s) through bpmnwriter.py (which also applies starters.py: who may
start, the start form), then case_numbers.py writes the case number properties into every file. A .py file in
this folder that is neither a generator listed here nor one of the helpers is an error, so that a new generator
is not forgotten.
"""
import difflib
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DEFINITIONS = os.path.dirname(HERE)

# generator -> the files it writes
GENERATORS = {
    "complaint_handling.py": ["complaint-handling.bpmn"],
    "emergency_repair.py": ["emergency-repair.bpmn"],
    "enforcement_referral.py": ["enforcement-referral.bpmn"],
    "committee_formation.py": ["committee-formation.bpmn"],
    "fund_normal_use.py": ["fund-normal-use.bpmn"],
    "rectification.py": ["rectification.bpmn"],
    "quarterly_assessment.py": ["quarterly-assessment.bpmn", "quarterly-assessment-compound.bpmn"],
    "committee_supervision.py": ["committee-supervision.bpmn"],
}
AFTER = ["case_numbers.py"]  # runs over every written file, after the generators
HELPERS = {"bpmnwriter.py", "starters.py", "regenerate.py"}


def run_all(out):
    """Runs the generators and then case_numbers.py, writing into `out` (None: definitions/)."""
    unknown = sorted(f for f in os.listdir(HERE) if f.endswith(".py") and f not in GENERATORS and f not in AFTER and f not in HELPERS)
    if unknown:
        raise SystemExit(f"regenerate.py: {', '.join(unknown)} is neither a generator (GENERATORS) nor a helper; add it")
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    if out:
        env["ANJU_DEFINITIONS_OUT"] = out
    for script in [*GENERATORS, *AFTER]:
        subprocess.run([sys.executable, os.path.join(HERE, script)], check=True, env=env, cwd=HERE, stdout=subprocess.DEVNULL)


def check():
    """Regenerates into a scratch folder and compares every generated file with the one in definitions/."""
    differ = []
    with tempfile.TemporaryDirectory(prefix="anju-definitions-") as out:
        run_all(out)
        for name in sorted(n for names in GENERATORS.values() for n in names):
            committed_path = os.path.join(DEFINITIONS, name)
            committed = open(committed_path, encoding="utf-8").read().splitlines(True) if os.path.exists(committed_path) else []
            generated = open(os.path.join(out, name), encoding="utf-8").read().splitlines(True)
            diff = list(difflib.unified_diff(committed, generated, f"definitions/{name}", f"regenerated/{name}", n=1))
            if diff:
                added = sum(1 for line in diff if line.startswith("+") and not line.startswith("+++"))
                removed = sum(1 for line in diff if line.startswith("-") and not line.startswith("---"))
                differ.append((name, added, removed, diff))
    if not differ:
        print(f"definitions: {sum(len(n) for n in GENERATORS.values())} files regenerated, no difference")
        return 0
    print("definitions: regenerating changes these files (edit the script, not the .bpmn, and run "
          "python3 definitions/tools/regenerate.py):")
    for name, added, removed, _ in differ:
        print(f"  definitions/{name} | +{added} -{removed}")
    for name, _, _, diff in differ:
        print("".join(line if len(line) <= 300 else line[:300] + " ...\n" for line in diff[:40]), end="")
    return 1


if __name__ == "__main__":
    if sys.argv[1:] == ["--check"]:
        sys.exit(check())
    if sys.argv[1:]:
        raise SystemExit(__doc__)
    run_all(None)
    print("regenerated:", ", ".join(n for names in GENERATORS.values() for n in names))
