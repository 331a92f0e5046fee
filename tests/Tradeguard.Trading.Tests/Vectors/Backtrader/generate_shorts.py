#!/usr/bin/python3
"""Writes shorts.json: backtrader's results for the short-selling scenarios of BacktraderShortsTests.

Written for this repository (not backtrader's code). Each scenario is a Tradeguard built-in strategy with a
`direction`, expressed in backtrader: market orders at the next open, no new order while one is pending, the
default sizer's stake, BackBroker defaults (shortcash=True). SignalOrders' rules, mirrored here in `act`:
a bullish signal buys when flat (not short-only) or closes a short; a bearish one sells short when flat
(not long-only) or closes a long; with direction "both" an open position is reversed in one order of
|position| + stake.

  PYTHONPATH=/path/to/backtrader /usr/bin/python3 generate_shorts.py > shorts.json

Pinned run: backtrader commit b853d7c9 (1.9.78.123), Debian's python3. Data: samples/data (unchanged copies of
backtrader's datas/ files).
"""
import datetime
import json
import os
import sys

import backtrader as bt

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLES = os.path.normpath(os.path.join(HERE, "..", "..", "..", "..", "samples", "data"))


class Signals(bt.Strategy):
    params = (("kind", "price-sma-cross"), ("period", 15), ("fast", 10), ("slow", 30), ("direction", "short"))

    def __init__(self):
        close = self.data.close
        if self.p.kind == "price-sma-cross":
            self.sma = bt.indicators.SMA(close, period=self.p.period)
        else:
            self.cross = bt.indicators.CrossOver(bt.indicators.SMA(close, period=self.p.fast),
                                                 bt.indicators.SMA(close, period=self.p.slow))
        self.order = None
        self.trades = []
        self.opened = {}

    def signal(self):
        if self.p.kind == "price-sma-cross":
            return 1 if self.data.close[0] > self.sma[0] else -1 if self.data.close[0] < self.sma[0] else 0
        return int(self.cross[0])

    def notify_order(self, order):
        if order.status in (order.Submitted, order.Accepted):
            return
        self.order = None

    def notify_trade(self, trade):
        if trade.isclosed:
            self.trades.append({
                "entry": bt.num2date(trade.dtopen).date().isoformat(),
                "exit": bt.num2date(trade.dtclose).date().isoformat(),
                "size": self.opened.pop(trade.ref),
                "entryPrice": trade.price,
                "grossPnl": trade.pnl,
                "commission": trade.commission,
                "netPnl": trade.pnlcomm,
                "barsHeld": trade.barlen,
            })
        elif trade.justopened:
            self.opened[trade.ref] = trade.size  # positions are never extended here: the size it opened with

    def next(self):
        if self.order:
            return
        self.act(self.signal())

    def act(self, signal):
        position = self.position.size
        stake = self.getsizer().p.stake
        d = self.p.direction
        if signal > 0:
            if position == 0 and d != "short":
                self.order = self.buy()
            elif position < 0:
                self.order = self.buy(size=-position + stake) if d == "both" else self.close()
        elif signal < 0:
            if position == 0 and d != "long":
                self.order = self.sell()
            elif position > 0:
                self.order = self.sell(size=position + stake) if d == "both" else self.close()


SCENARIOS = [
    # name, data file, yahoo?, from, to, cash, stake, commission kwargs, strategy params
    ("orcl2000-price-sma-cross-short", "orcl-1995-2014.txt", True, "2000-01-01", "2000-12-31", 1000.0, 10,
     dict(commission=0.0), dict(kind="price-sma-cross", period=15, direction="short")),
    ("orcl-dual-ma-cross-both-commission", "orcl-1995-2014.txt", True, "1995-01-01", "2014-12-31", 10000.0, 10,
     dict(commission=0.001), dict(kind="dual-ma-cross", fast=10, slow=30, direction="both")),
    ("day2006-dual-ma-cross-both-futures", "2006-day-001.txt", False, None, None, 10000.0, 1,
     dict(commission=2.0, mult=10.0, margin=1000.0), dict(kind="dual-ma-cross", fast=1, slow=15, direction="both")),
    ("day2006-price-sma-cross-short-futures", "2006-day-001.txt", False, None, None, 10000.0, 2,
     dict(commission=2.0, mult=10.0, margin=1000.0), dict(kind="price-sma-cross", period=15, direction="short")),
]


def run(name, file, yahoo, start, end, cash, stake, commission, params):
    cerebro = bt.Cerebro(stdstats=False)
    dates = {}
    if start:
        dates["fromdate"] = datetime.datetime.strptime(start, "%Y-%m-%d")
        # Daily bars are stamped at the session's end, so the last day is kept only with a todate at its very end.
        dates["todate"] = datetime.datetime.combine(datetime.datetime.strptime(end, "%Y-%m-%d").date(), datetime.time.max)
    path = os.path.join(SAMPLES, file)
    feed = bt.feeds.YahooFinanceCSVData(dataname=path, reverse=False, **dates) if yahoo \
        else bt.feeds.BacktraderCSVData(dataname=path, **dates)
    cerebro.adddata(feed)
    cerebro.broker.setcash(cash)
    cerebro.broker.setcommission(**commission)
    cerebro.addsizer(bt.sizers.FixedSize, stake=stake)
    cerebro.addstrategy(Signals, **params)
    strategy = cerebro.run()[0]
    broker = cerebro.broker
    return {
        "name": name,
        "value": broker.getvalue(),
        "cash": broker.getcash(),
        "position": strategy.position.size,
        "trades": strategy.trades,
    }


def main():
    out = {
        "source": "generate_shorts.py with backtrader b853d7c9 (1.9.78.123)",
        "scenarios": [run(*s) for s in SCENARIOS],
    }
    json.dump(out, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
