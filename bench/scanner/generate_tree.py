#!/usr/bin/env python3
"""Generates a synthetic trading project tree of about SIZE_MB megabytes (default 100) for the scanner benchmark:
strategies and bots in Python and C#, configs (INI, .env, JSON, YAML), notebooks, Markdown and OHLCV CSV, with key-ish
words everywhere (so the keyword prefilter cannot skip most files) and a fake secret in about one file in 40.
Deterministic (seed 11). Usage: generate_tree.py OUT_DIR [SIZE_MB] [SHAPE]
SHAPE: "large" (default: few large files, about 870 for 100 MB) or "small" (many small files: each file is cut to
about 17 KB, so about 5,800 files for 100 MB, the shape of a real repository)."""
import json
import os
import random
import string
import sys

out = sys.argv[1]
target = int(float(sys.argv[2] if len(sys.argv) > 2 else 100) * 1024 * 1024)
shape = sys.argv[3] if len(sys.argv) > 3 else "large"
SMALL_FILE_BYTES = 17 * 1024
rng = random.Random(11)
ALNUM = string.ascii_letters + string.digits
SYMBOLS = ["ORCL", "AAPL", "MSFT", "BTCUSDT", "ETHUSDT", "SOLUSDT", "EURUSD", "SPY", "QQQ", "NVDA"]


def rand(n, chars=ALNUM):
    return "".join(rng.choice(chars) for _ in range(n))


def secret_line():
    kind = rng.randrange(5)
    if kind == 0:
        return f'BOT_TOKEN = "{rng.randint(10**8, 7 * 10**9)}:AA{rand(33, ALNUM + "_-")}"'
    if kind == 1:
        return f'BINANCE_API_SECRET = "{rand(64)}"'
    if kind == 2:
        return f'aws_access_key_id = "AKIA{rand(16, string.ascii_uppercase + "234567")}"'
    if kind == 3:
        return f'GITHUB_TOKEN = "ghp_{rand(36)}"'
    return f'DATABASE_URL = "postgresql://bot:{rand(14)}@db.internal:5432/trades"'


def python_file():
    lines = ["import os", "import logging", "import pandas as pd", "from binance.client import Client", "",
             "log = logging.getLogger(__name__)",
             "api_key = os.environ['BINANCE_API_KEY']", "api_secret = os.environ['BINANCE_API_SECRET']",
             "client = Client(api_key, api_secret)", ""]
    for i in range(rng.randint(40, 160)):
        sym = rng.choice(SYMBOLS)
        lines += [f"def strategy_{i}(bars, fast={rng.randint(5, 20)}, slow={rng.randint(30, 200)}):",
                  f"    \"\"\"SMA crossover on {sym}; the risk guard caps position size and daily loss.\"\"\"",
                  "    close = bars['close']",
                  "    sma_fast = close.rolling(fast).mean()",
                  "    sma_slow = close.rolling(slow).mean()",
                  "    signal = (sma_fast > sma_slow).astype(int).diff()",
                  f"    log.info('signal for %s: %s', '{sym}', signal.iloc[-1])",
                  "    cache_key = f'bars:{fast}:{slow}'",
                  "    if signal.iloc[-1] > 0:",
                  f"        order = client.create_order(symbol='{sym}', side='BUY', type='MARKET', quantity={rng.randint(1, 50)})",
                  "        log.info('order id %s', order['orderId'])",
                  "    return signal", ""]
    return "\n".join(lines) + "\n"


def csharp_file():
    lines = ["using System;", "using Tradeguard.Trading;", "", "namespace Bots;", "",
             "public sealed class CrossoverStrategy : IStrategy", "{",
             "    private readonly string _apiKeyName = \"binance/api_key\";",
             "    private readonly ILogger _log;", ""]
    for i in range(rng.randint(30, 120)):
        sym = rng.choice(SYMBOLS)
        lines += [f"    public void OnBar{i}(Bar bar)", "    {",
                  f"        // token bucket: at most {rng.randint(5, 20)} orders per minute on {sym}",
                  "        if (bar.Close > _sma.Value && _risk.Allows(bar))", "        {",
                  f"            Submit(Order.Buy(\"{sym}\", {rng.randint(1, 100)}m));",
                  "            _log.LogInformation(\"bought {Symbol} at {Price}\", bar.Symbol, bar.Close);", "        }",
                  "    }", ""]
    return "\n".join(lines + ["}"]) + "\n"


def csv_file():
    rows = ["date,open,high,low,close,volume"]
    price = rng.uniform(20, 400)
    for d in range(rng.randint(2000, 9000)):
        o = price
        c = o * (1 + rng.gauss(0, 0.015))
        rows.append(f"2000-01-{d:05d},{o:.4f},{max(o, c) * 1.004:.4f},{min(o, c) * 0.996:.4f},{c:.4f},{rng.randint(10**5, 10**8)}")
        price = c
    return "\n".join(rows) + "\n"


def json_file():
    cfg = {"exchange": {"name": "binance", "apiKey": "vault://binance/api_key", "secret": "vault://binance/api_secret"},
           "telegram": {"token": "vault://telegram/bot_token", "chat_id": rng.randint(10**8, 10**9)},
           "strategies": [{"name": f"s{i}", "symbol": rng.choice(SYMBOLS), "fast": rng.randint(5, 20),
                           "slow": rng.randint(30, 200), "stop_loss": round(rng.uniform(0.01, 0.05), 3),
                           "token_bucket": {"rate": 10, "burst": 20}} for i in range(rng.randint(200, 900))]}
    return json.dumps(cfg, indent=2) + "\n"


def yaml_file():
    lines = ["exchange:", "  name: binance", "  api_key: ${BINANCE_API_KEY}", "  api_secret: ${BINANCE_API_SECRET}", "strategies:"]
    for i in range(rng.randint(200, 900)):
        lines += [f"  - name: s{i}", f"    symbol: {rng.choice(SYMBOLS)}", f"    fast: {rng.randint(5, 20)}",
                  f"    slow: {rng.randint(30, 200)}", "    password_policy: nist"]
    return "\n".join(lines) + "\n"


def ini_env_file(env):
    lines = []
    for i in range(rng.randint(100, 400)):
        if env:
            lines.append(f"STRATEGY_{i}_SYMBOL={rng.choice(SYMBOLS)}")
            lines.append(f"STRATEGY_{i}_API_KEY_REF=vault://exchange/key_{i}")
        else:
            lines += [f"[strategy_{i}]", f"symbol = {rng.choice(SYMBOLS)}", f"secret_ref = vault://exchange/secret_{i}", ""]
    return "\n".join(lines) + "\n"


def notebook_file():
    cells = [{"cell_type": "code", "execution_count": i, "metadata": {}, "outputs": [],
              "source": [l + "\n" for l in python_file().split("\n")[:40]]} for i in range(rng.randint(5, 30))]
    return json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}, indent=1) + "\n"


def markdown_file():
    words = "the risk guard stops trading after the daily loss limit; keep your api key and secret in the vault; " \
            "rotate the bot token; the backtest uses next-bar open fills and commission".split()
    return "\n\n".join(" ".join(rng.choice(words) for _ in range(rng.randint(40, 120))) for _ in range(rng.randint(50, 300))) + "\n"


makers = [("py", python_file, 30), ("cs", csharp_file, 10), ("csv", csv_file, 25), ("json", json_file, 10),
          ("yaml", yaml_file, 8), ("ini", lambda: ini_env_file(False), 4), ("env", lambda: ini_env_file(True), 3),
          ("ipynb", notebook_file, 5), ("md", markdown_file, 5)]
weights = [m[2] for m in makers]
written = 0
n = 0
while written < target:
    ext, make, _ = rng.choices(makers, weights)[0]
    text = make()
    at = rng.randint(SMALL_FILE_BYTES // 2, SMALL_FILE_BYTES * 3 // 2)
    if shape == "small" and at < len(text) - 1:
        text = text[:text.index("\n", at) + 1]
    if ext in ("py", "cs", "env", "ini", "yaml") and rng.randrange(40) == 0:
        cut = text.index("\n", len(text) // 2) + 1
        text = text[:cut] + secret_line() + "\n" + text[cut:]
    folder = os.path.join(out, f"project{n // 200:02d}", ["bots", "strategies", "config", "data", "notebooks", "docs"][n % 6])
    os.makedirs(folder, exist_ok=True)
    name = f".env.{n}" if ext == "env" else f"file{n:05d}.{ext}"
    with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
        f.write(text)
    written += len(text.encode())
    n += 1
print(f"{n} files, {written / 1048576:.1f} MB in {out}")
