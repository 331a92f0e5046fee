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

# The tool as installed by README's second way: the native (Native AOT) build, shared with bench/cli (its
# bench/cli/out/publish, made again with REPUBLISH=1). The framework-dependent ReadyToRun build (the dotnet tool's
# code, precompiled) is measured beside it on the trees.
native="$root/bench/cli/out/publish"
if [ ! -x "$native/tradeguard" ] || [ -n "${REPUBLISH:-}" ]; then
  rm -rf "$native"
  dotnet publish "$root/src/Tradeguard.Cli" -c Release -r linux-x64 -o "$native" -v q -nologo >/dev/null
fi
dotnet publish "$root/src/Tradeguard.Cli" -c Release --use-current-runtime --self-contained false \
  -p:PublishAot=false -p:PublishReadyToRun=true -o "$work/tradeguard-bin" -v q -nologo >/dev/null
tradeguard=("$native/tradeguard" scan)
tradeguard_r2r=(dotnet "$work/tradeguard-bin/tradeguard.dll" scan)

echo "== corpus: recall on the rule kinds both tools cover"
rm -rf "$work/corpus"
/usr/bin/python3 "$here/materialize_corpus.py" "$root/tests/Tradeguard.Scanner.Tests/Corpus/corpus.json" "$work/corpus"
"${tradeguard[@]}" "$work/corpus" --format json > "$work/tradeguard-corpus.json" || true
(cd "$work/corpus" && "${secretlint[@]}" "**/*" --output "$work/secretlint-corpus.json" >/dev/null 2>&1 || true)
/usr/bin/python3 "$here/compare_recall.py" "$root/tests/Tradeguard.Scanner.Tests/Corpus/corpus.json" \
  "$work/tradeguard-corpus.json" "$work/secretlint-corpus.json"

echo "== corpus: what gitleaks' default rules find, ours find too (GITLEAKS_CONFIG=path to gitleaks' config/gitleaks.toml)"
if [ -n "${GITLEAKS_CONFIG:-}" ]; then
  "${tradeguard[@]}" "$work/corpus" --rules "$GITLEAKS_CONFIG" --format json > "$work/gitleaks-rules-corpus.json" || true
  /usr/bin/python3 "$here/compare_gitleaks_rules.py" "$root/tests/Tradeguard.Scanner.Tests/Corpus/corpus.json" \
    "$work/tradeguard-corpus.json" "$work/gitleaks-rules-corpus.json" || true
else
  echo "skipped: set GITLEAKS_CONFIG (e.g. git show HEAD:config/gitleaks.toml from github.com/gitleaks/gitleaks)"
fi

# Two shapes of the same size (issue 15): few large files (~870) and many small ones (~6,000 of ~17 KB, a real
# repository's shape, where per-file costs show). Both tools run back to back in the same minute on the same tree;
# wall clock, CPU seconds and peak RSS come from /usr/bin/time -v.
measure() { # name tree command...: prints "wall cpu rss_mb"
  local name=$1 tree=$2; shift 2
  (cd "$tree" && /usr/bin/time -v -o "$work/$name.time" "$@" > "$work/$name.out" 2>/dev/null || true)
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); w = (n == 3 ? t[1] * 3600 + t[2] * 60 + t[3] : t[1] * 60 + t[2]) }
              /User time/ { c += $2 } /System time/ { c += $2 } /Maximum resident/ { r = $2 / 1024 }
              END { printf "%.2f %.2f %.0f\n", w, c, r }' "$work/$name.time"
}
for shape in large small; do
  [ -d "$work/tree-$shape" ] || /usr/bin/python3 "$here/generate_tree.py" "$work/tree-$shape" "$size" "$shape" >/dev/null
  tree="$work/tree-$shape"
  mb=$(echo "scale=3; $(du -sb "$tree" | cut -f1) / 1048576" | bc)
  # Read the tree once first: whichever tool ran first paid for a cold page cache (7.1 s against 3.7-4.0 s for the
  # same scan, 2026-12-07), which favoured the tool that ran second.
  find "$tree" -type f -exec cat {} + > /dev/null
  load_before=$(cut -d' ' -f1-3 /proc/loadavg)
  read -r tg_wall tg_cpu tg_rss < <(measure "tg-$shape" "$tree" "${tradeguard[@]}" . --format json)
  read -r sl_wall sl_cpu sl_rss < <(measure "sl-$shape" "$tree" "${secretlint[@]}" "**/*" --output "$work/secretlint-$shape.json")
  read -r r2r_wall r2r_cpu r2r_rss < <(measure "r2r-$shape" "$tree" "${tradeguard_r2r[@]}" . --format json)
  printf '== %s files: %s MB, %s files, %s cores, load %s before, %s after\n' "$shape" "$mb" "$(find "$tree" -type f | wc -l)" "$(nproc)" "$load_before" "$(cut -d' ' -f1-3 /proc/loadavg)"
  printf 'tradeguard scan (native): %6.2f s wall  %6.2f CPU-s  %5d MB peak RSS\n' "$tg_wall" "$tg_cpu" "$tg_rss"
  printf 'secretlint:      %6.2f s wall  %6.2f CPU-s  %5d MB peak RSS\n' "$sl_wall" "$sl_cpu" "$sl_rss"
  printf 'tradeguard (ReadyToRun, the dotnet tool build): %6.2f s wall  %6.2f CPU-s  %5d MB peak RSS\n' "$r2r_wall" "$r2r_cpu" "$r2r_rss"
  cmp -s <(/usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["findings"])' "$work/tg-$shape.out") \
         <(/usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["findings"])' "$work/r2r-$shape.out") \
    && echo "both builds: the same findings" || echo "the two builds' findings DIFFER: compare $work/tg-$shape.out and $work/r2r-$shape.out"
  printf 'speed-up: %.1fx wall clock, %.1fx per CPU second\n' "$(echo "$sl_wall / $tg_wall" | bc -l)" "$(echo "$sl_cpu / $tg_cpu" | bc -l)"
done
echo "work folder: $work"
