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
import backtrader as bt

from btscenario import SignalIndicators, emit, feed, trade_dates


class Signals(SignalIndicators, bt.Strategy):
    params = (("kind", "price-sma-cross"), ("period", 15), ("fast", 10), ("slow", 30), ("direction", "short"))

    def __init__(self):
        self.indicators()
        self.order = None
        self.trades = []
        self.opened = {}

    def notify_order(self, order):
        if order.status in (order.Submitted, order.Accepted):
            return
        self.order = None

    def notify_trade(self, trade):
        if trade.isclosed:
            self.trades.append({
                **trade_dates(trade),
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
    cerebro.adddata(feed(file, yahoo, start, end))
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


if __name__ == "__main__":
    emit("generate_shorts.py", [run(*s) for s in SCENARIOS])
