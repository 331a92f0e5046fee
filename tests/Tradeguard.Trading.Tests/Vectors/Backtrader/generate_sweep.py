#!/usr/bin/python3
"""Prints backtrader's optstrategy results for SweepGridTests: a dual SMA crossover on ORCL 2000, fast 5..30:5 x slow 10..40:10.

Written for this repository (not backtrader's code). The strategy is dual-ma-cross, long only, in backtrader:
buy the default sizer's stake at the next open when flat and the fast SMA crosses above the slow one, close the
position when it crosses below, no new order while one is pending. Feed and broker as backtrader's quickstart
(Yahoo CSV with adjusted closes, 2000-01-01..2000-12-31, cash 1000, stake 10, no commission).

  PYTHONPATH=/path/to/backtrader /usr/bin/python3 generate_sweep.py

Pinned run: backtrader commit b853d7c9 (1.9.78.123), Debian's python3. Data: samples/data/orcl-1995-2014.txt
(an unchanged copy of backtrader's datas/ file).
"""
import datetime
import os

import backtrader as bt

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.normpath(os.path.join(HERE, "..", "..", "..", "..", "samples", "data", "orcl-1995-2014.txt"))


class DualSmaCross(bt.Strategy):
    params = (("fast", 10), ("slow", 30))

    def __init__(self):
        self.cross = bt.indicators.CrossOver(bt.indicators.SMA(self.data.close, period=self.p.fast),
                                             bt.indicators.SMA(self.data.close, period=self.p.slow))
        self.order = None

    def notify_order(self, order):
        if order.status not in (order.Submitted, order.Accepted):
            self.order = None

    def next(self):
        if self.order:
            return
        if self.cross[0] > 0 and not self.position:
            self.order = self.buy()
        elif self.cross[0] < 0 and self.position:
            self.order = self.close()

    def stop(self):
        if self.p.slow > self.p.fast:  # the combinations Tradeguard's dual-ma-cross accepts
            print(f"fast={self.p.fast} slow={self.p.slow} final={self.broker.getvalue():.2f}")


if __name__ == "__main__":
    cerebro = bt.Cerebro(maxcpus=1)
    cerebro.optstrategy(DualSmaCross, fast=[5, 10, 15, 20, 25, 30], slow=[10, 20, 30, 40])
    cerebro.adddata(bt.feeds.YahooFinanceCSVData(dataname=DATA, fromdate=datetime.datetime(2000, 1, 1),
                                                 todate=datetime.datetime(2000, 12, 31), reverse=False))
    cerebro.broker.setcash(1000.0)
    cerebro.addsizer(bt.sizers.FixedSize, stake=10)
    cerebro.run()
