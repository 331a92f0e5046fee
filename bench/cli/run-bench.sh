#!/usr/bin/env bash
# Issue 16's targets, each measured side by side in one run (docs/performance.md has the figures and how to read them):
#   start-up of `--version`, `password check`, `vault get` (≤ 50 ms); `run` 252 bars -q (≤ 200 ms);
#   `run` on 100,720 bars with its report files (≤ 0.4 s and ≥ 20× backtrader's whole script on the same file);
#   the 21-period sweep (≥ 200× backtrader's optstrategy); the size of the publish (≤ 60 MB).
# The peer is backtrader at a pinned commit, run from a source checkout with Debian's /usr/bin/python3 (backtrader is
# not packaged by Debian and PyPI is not used here): BACKTRADER_SRC=/path/to/checkout (default bench/cli/out/backtrader).
# Needs hyperfine (Debian package). CI never runs this script.
# Usage: bench/cli/run-bench.sh [--runs N] [--skip-sweep-peer]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$here/out"
runs=5
sweep_peer=1
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --skip-sweep-peer) sweep_peer=0; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

BACKTRADER_COMMIT=b853d7c90b6721476eb5a5ea3135224e33db1f14   # mementum/backtrader master, 2023-04-19 (1.9.78.123)
bt_src="${BACKTRADER_SRC:-$out/backtrader}"
if [ ! -f "$bt_src/backtrader/__init__.py" ]; then
  echo "backtrader source not found at $bt_src: git clone https://github.com/mementum/backtrader \"$bt_src\" &&" \
       "git -C \"$bt_src\" checkout $BACKTRADER_COMMIT (or set BACKTRADER_SRC)" >&2
  exit 5
fi
if [ -d "$bt_src/.git" ] && [ "$(git -C "$bt_src" rev-parse HEAD)" != "$BACKTRADER_COMMIT" ]; then
  echo "backtrader checkout at $bt_src is not at $BACKTRADER_COMMIT" >&2; exit 5
fi
command -v hyperfine >/dev/null || { echo "hyperfine missing: apt-get install hyperfine" >&2; exit 5; }

mkdir -p "$out"
# The second install path of README: the Native AOT executable and the four native libraries beside it
# (Tradeguard.Cli.csproj's publish settings; PUBLISH_AOT=false measures the ReadyToRun single file instead).
if [ ! -x "$out/publish/tradeguard" ] || [ -n "${REPUBLISH:-}" ]; then
  rm -rf "$out/publish"
  dotnet publish "$root/src/Tradeguard.Cli" -c Release -r linux-x64 -p:PublishAot="${PUBLISH_AOT:-true}" -o "$out/publish" -v q -nologo >/dev/null
fi
tg="$out/publish/tradeguard"
/usr/bin/python3 "$here/orcl_x20.py" "$root/samples/data/orcl-1995-2014.txt" "$out/orcl-x20.txt"
bt=(env PYTHONPATH="$bt_src" /usr/bin/python3 "$here/backtrader_sma_cross.py")

# A throw-away installation: a key-file vault with one entry (HKDF unlock, so `vault get` times the process, not Argon2id).
home="$(mktemp -d /tmp/tradeguard-bench.XXXXXX)"
trap 'rm -rf "$home"' EXIT
export TRADEGUARD_HOME="$home" TRADEGUARD_VAULT="$home/vault.tgv"
TRADEGUARD_VAULT_PASSWORD='bench only passphrase 1' "$tg" vault init --key-file "$home/bench.key" --kdf m=8192,t=1,p=1 >/dev/null 2>&1
printf 'not-a-real-key' | "$tg" vault set bench api_key --key-file "$home/bench.key" >/dev/null 2>&1
export TRADEGUARD_PASSWORD='Correct horse battery staple 42'   # meets the classic policy: the check exits 0

cd "$here"
echo "== load average before: $(cat /proc/loadavg)"
echo "== size of the publish: $(du -cm "$out/publish"/* | tail -1 | cut -f1) MB in $(ls "$out/publish" | wc -l) files, the executable $(du -m "$tg" | cut -f1) MB ($(stat -c %s "$tg") bytes; target ≤ 60 MB)"

echo "== check: both sides do the same work (final values to the cent)"
"$tg" run "$root/samples/sma-cross-orcl.json" -q -o "$out/r252" | grep -E "final value"
"${bt[@]}" "$root/samples/data/orcl-1995-2014.txt" --from 2000-01-01 --to 2000-12-31
"$tg" run sma-cross-orcl-x20.json -q -o "$out/rx20" | grep -E "final value|bars "
"${bt[@]}" "$out/orcl-x20.txt" --cash 100000

hf=(hyperfine -N --style basic --warmup 1 --export-json)
echo "== start-up (target ≤ 50 ms each)"
"${hf[@]}" "$out/startup.json" --runs "$((runs * 2))" \
  -n "tradeguard --version" "$tg --version" \
  -n "tradeguard password check" "$tg password check" \
  -n "tradeguard vault get" "$tg vault get bench api_key --key-file $home/bench.key"

echo "== run: 252 bars -q (target ≤ 200 ms), 100,720 bars -q with report files (target ≤ 0.4 s and ≥ 20× backtrader)"
"${hf[@]}" "$out/run.json" --runs "$runs" \
  -n "tradeguard run 252 bars" "$tg run $root/samples/sma-cross-orcl.json -q -o $out/r252" \
  -n "tradeguard run 100720 bars" "$tg run sma-cross-orcl-x20.json -q -o $out/rx20" \
  -n "backtrader 252 bars" "${bt[*]} $root/samples/data/orcl-1995-2014.txt --from 2000-01-01 --to 2000-12-31" \
  -n "backtrader 100720 bars" "${bt[*]} $out/orcl-x20.txt --cash 100000"

echo "== sweep of 21 periods on 100,720 bars (target ≥ 200× backtrader's optstrategy, both on all cores)"
sweep_cmds=(-n "tradeguard sweep 21" "$tg run sma-cross-orcl-x20.json --sweep period=10..30 -o $out/sweep")
if [ "$sweep_peer" = 1 ]; then
  sweep_cmds+=(-n "backtrader optstrategy 21" "${bt[*]} $out/orcl-x20.txt --cash 100000 --sweep 10..30")
fi
"${hf[@]}" "$out/sweep.json" --runs 1 "${sweep_cmds[@]}"

echo "== load average after: $(cat /proc/loadavg)"
/usr/bin/python3 "$here/summarise.py" "$out/startup.json" "$out/run.json" "$out/sweep.json"
