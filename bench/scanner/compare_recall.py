#!/usr/bin/env python3
"""Recall of tradeguard and secretlint on the labelled corpus, per rule kind both tools cover, plus false alarms on the
corpus' negative cases. Usage: compare_recall.py CORPUS_JSON TRADEGUARD_JSON SECRETLINT_JSON"""
import json
import sys
from collections import defaultdict

# Our rule ids -> the secretlint-rule-preset-recommend rules that cover the same kind of secret.
SHARED = {
    "aws-access-key-id": {"@secretlint/secretlint-rule-aws"},
    "aws-secret-access-key": {"@secretlint/secretlint-rule-aws"},
    "github-token": {"@secretlint/secretlint-rule-github"},
    "slack-webhook": {"@secretlint/secretlint-rule-slack"},
    "slack-token": {"@secretlint/secretlint-rule-slack"},
    "private-key": {"@secretlint/secretlint-rule-privatekey"},
    "url-password": {"@secretlint/secretlint-rule-basicauth", "@secretlint/secretlint-rule-database-connection-string"},
}

corpus = json.load(open(sys.argv[1], encoding="utf-8"))["cases"]
ours, theirs = defaultdict(set), defaultdict(set)
for f in json.load(open(sys.argv[2], encoding="utf-8"))["findings"]:
    if f["kind"] != "file" and not f["example"]:
        ours[f["path"].split("/")[0]].add(f["ruleId"])
for entry in json.load(open(sys.argv[3], encoding="utf-8")):
    case_id = entry["filePath"].replace("\\", "/").split("/")[-2]
    for m in entry["messages"]:
        theirs[case_id].add(m["ruleId"])

print(f"{'rule kind':24} {'cases':>5} {'tradeguard':>11} {'secretlint':>11}")
total = [0, 0, 0]
for rule, their_rules in SHARED.items():
    cases = [c for c in corpus if rule in c["labels"]]
    a = sum(rule in ours[c["id"]] for c in cases)
    b = sum(bool(their_rules & theirs[c["id"]]) for c in cases)
    total = [total[0] + len(cases), total[1] + a, total[2] + b]
    print(f"{rule:24} {len(cases):5} {a / len(cases):10.0%} {b / len(cases):10.0%}")
print(f"{'all shared kinds':24} {total[0]:5} {total[1] / total[0]:10.0%} {total[2] / total[0]:10.0%}")

negatives = [c for c in corpus if not [l for l in c["labels"] if not l.endswith("#example")]]
print(f"negative cases with a finding (false alarms): tradeguard {sum(bool(ours[c['id']]) for c in negatives)}"
      f"/{len(negatives)}, secretlint {sum(bool(theirs[c['id']]) for c in negatives)}/{len(negatives)}")
positives = [c for c in corpus if c not in negatives]
print(f"all positive cases found (any rule): tradeguard {sum(bool(ours[c['id']]) for c in positives)}/{len(positives)}, "
      f"secretlint {sum(bool(theirs[c['id']]) for c in positives)}/{len(positives)} (secretlint has no trading-specific rules)")
