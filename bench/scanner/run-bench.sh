#!/usr/bin/env bash
# Side-by-side: tradeguard scan vs secretlint (preset-recommend) on the labelled corpus (recall) and on a generated
# 100 MB trading project (MB/s). Needs node/npm for secretlint, installed here into bench/scanner/node_modules
# (git-ignored); CI never runs this script. Usage: bench/scanner/run-bench.sh [SIZE_MB] [WORK_DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
size="${1:-100}"
work="${2:-$(mktemp -d /tmp/tradeguard-scan-bench.XXXXXX)}"
mkdir -p "$work"

[ -x "$here/node_modules/.bin/secretlint" ] || (cd "$here" && npm install --no-audit --no-fund --silent)
secretlint=("$here/node_modules/.bin/secretlint" --secretlintrc "$here/.secretlintrc.json" --no-gitignore --format json)

# The tool as installed (README: dotnet publish), compiled ahead of time (ReadyToRun) like the framework itself: on a
# 100 MB scan that saves about a third of the CPU time, most of it JIT work at start-up (docs/scan.md, "Speed").
dotnet publish "$root/src/Tradeguard.Cli" -c Release --use-current-runtime --self-contained false \
  -p:PublishReadyToRun=true -o "$work/tradeguard-bin" -v q -nologo >/dev/null
tradeguard=(dotnet "$work/tradeguard-bin/tradeguard.dll" scan)

seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; end=$(date +%s.%N); echo "$end - $start" | bc; }

echo "== corpus: recall on the rule kinds both tools cover"
rm -rf "$work/corpus"
/usr/bin/python3 "$here/materialize_corpus.py" "$root/tests/Tradeguard.Scanner.Tests/Corpus/corpus.json" "$work/corpus"
"${tradeguard[@]}" "$work/corpus" --format json > "$work/tradeguard-corpus.json" || true
(cd "$work/corpus" && "${secretlint[@]}" "**/*" --output "$work/secretlint-corpus.json" >/dev/null 2>&1 || true)
/usr/bin/python3 "$here/compare_recall.py" "$root/tests/Tradeguard.Scanner.Tests/Corpus/corpus.json" \
  "$work/tradeguard-corpus.json" "$work/secretlint-corpus.json"

echo "== ${size} MB tree: throughput (wall clock, best of 3 for tradeguard, 1 run of secretlint; CPU seconds from /usr/bin/time)"
[ -d "$work/tree" ] || /usr/bin/python3 "$here/generate_tree.py" "$work/tree" "$size"
bytes=$(du -sb "$work/tree" | cut -f1)
load=$(cut -d' ' -f1 /proc/loadavg)
best=""
for _ in 1 2 3; do
  t=$(seconds "${tradeguard[@]}" "$work/tree" --format json)
  if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then best=$t; fi
done
/usr/bin/time -f "%U %S" -o "$work/tg.cpu" "${tradeguard[@]}" "$work/tree" --format json > /dev/null || true
sl=$( cd "$work/tree" && seconds /usr/bin/time -f "%U %S" -o "$work/sl.cpu" "${secretlint[@]}" "**/*" --output "$work/secretlint-tree.json" )
mb=$(echo "scale=3; $bytes / 1048576" | bc)
tg_cpu=$(tail -1 "$work/tg.cpu" | awk '{print $1 + $2}'); sl_cpu=$(tail -1 "$work/sl.cpu" | awk '{print $1 + $2}')
printf 'tree: %s MB, %s files, %s cores, load %s before, %s after\n' "$mb" "$(find "$work/tree" -type f | wc -l)" "$(nproc)" "$load" "$(cut -d' ' -f1 /proc/loadavg)"
printf 'tradeguard scan: %6.2f s wall  %7.1f MB/s   %6.2f CPU-s  %7.1f MB per CPU-s\n' "$best" "$(echo "$mb / $best" | bc -l)" "$tg_cpu" "$(echo "$mb / $tg_cpu" | bc -l)"
printf 'secretlint:      %6.2f s wall  %7.1f MB/s   %6.2f CPU-s  %7.1f MB per CPU-s\n' "$sl" "$(echo "$mb / $sl" | bc -l)" "$sl_cpu" "$(echo "$mb / $sl_cpu" | bc -l)"
printf 'speed-up: %.1fx wall clock, %.1fx per CPU second\n' "$(echo "$sl / $best" | bc -l)" "$(echo "$sl_cpu / $tg_cpu" | bc -l)"
echo "work folder: $work"
