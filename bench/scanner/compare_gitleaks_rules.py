#!/usr/bin/env python3
"""Does Tradeguard's default rule set find what gitleaks' default rules find? Both rule sets run on the labelled corpus
through `tradeguard scan` (gitleaks' config/gitleaks.toml loaded with --rules, so only its 222 rules run; gitleaks has
no Debian package here). Prints positives found by gitleaks' rules that ours miss, and the corpus' hard negatives each
rule set flags. Usage: compare_gitleaks_rules.py CORPUS_JSON OURS_JSON GITLEAKS_RULES_JSON"""
import json
import sys
from collections import defaultdict


def flagged(report):
    cases = defaultdict(set)
    for f in json.load(open(report, encoding="utf-8"))["findings"]:
        if f["kind"] != "file" and not f["example"]:
            cases[f["path"].split("/")[0]].add(f["ruleId"])
    return cases


corpus = json.load(open(sys.argv[1], encoding="utf-8"))["cases"]
ours, theirs = flagged(sys.argv[2]), flagged(sys.argv[3])
positives = [c for c in corpus if c["labels"]]
negatives = [c for c in corpus if not c["labels"]]
found_by_theirs = [c for c in positives if theirs[c["id"]]]
missed = [c for c in found_by_theirs if not ours[c["id"]]]
print(f"positives: {len(positives)}; gitleaks' rules flag {len(found_by_theirs)}, ours {sum(1 for c in positives if ours[c['id']])}")
print(f"found by gitleaks' rules and missed by ours: {len(missed)}")
for c in missed:
    print(f"  {c['id']} {c['file']}: {sorted(theirs[c['id']])}")
print(f"hard negatives: {len(negatives)}; flagged by gitleaks' rules {sum(1 for c in negatives if theirs[c['id']])}, "
      f"by ours {sum(1 for c in negatives if ours[c['id']])}")
for c in negatives:
    if theirs[c["id"]]:
        print(f"  gitleaks' rules: {c['id']} {c['file']}: {sorted(theirs[c['id']])}")
sys.exit(1 if missed else 0)
