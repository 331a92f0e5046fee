"""What generate_orders.py and generate_shorts.py share: the data folder, the feed, the signal strategies' indicators,
and writing a scenario file. Written for this repository (not backtrader's code)."""
import datetime
import json
import os
import sys

import backtrader as bt

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLES = os.path.normpath(os.path.join(HERE, "..", "..", "..", "..", "samples", "data"))


def feed(file, yahoo=True, start=None, end=None):
    """A feed of samples/data/<file>: Yahoo CSV (adjusted closes) or backtrader's own CSV, optionally from..to."""
    dates = {}
    if start:
        dates["fromdate"] = datetime.datetime.strptime(start, "%Y-%m-%d")
        # Daily bars are stamped at the session's end, so the last day is kept only with a todate at its very end.
        dates["todate"] = datetime.datetime.combine(datetime.datetime.strptime(end, "%Y-%m-%d").date(), datetime.time.max)
    path = os.path.join(SAMPLES, file)
    return bt.feeds.YahooFinanceCSVData(dataname=path, reverse=False, **dates) if yahoo \
        else bt.feeds.BacktraderCSVData(dataname=path, **dates)


class SignalIndicators:
    """Tradeguard's price-sma-cross (close vs SMA(period)) and dual-ma-cross (SMA(fast) over SMA(slow)) signals:
    1 bullish, -1 bearish, 0 none. Mixed into a bt.Strategy with params kind, period, fast and slow."""

    def indicators(self):
        close = self.data.close
        if self.p.kind == "price-sma-cross":
            self.sma = bt.indicators.SMA(close, period=self.p.period)
        else:
            self.cross = bt.indicators.CrossOver(bt.indicators.SMA(close, period=self.p.fast),
                                                 bt.indicators.SMA(close, period=self.p.slow))

    def signal(self):
        if self.p.kind == "price-sma-cross":
            return 1 if self.data.close[0] > self.sma[0] else -1 if self.data.close[0] < self.sma[0] else 0
        return int(self.cross[0])


def trade_dates(trade):
    """A closed trade's entry and exit dates, ISO."""
    return {"entry": bt.num2date(trade.dtopen).date().isoformat(), "exit": bt.num2date(trade.dtclose).date().isoformat()}


def emit(script, results):
    """Writes the scenario file to stdout: its source line and each scenario's results."""
    json.dump({"source": f"{script} with backtrader b853d7c9 (1.9.78.123)", "scenarios": results}, sys.stdout, indent=1)
    sys.stdout.write("\n")
