#!/usr/bin/python3
"""The backtrader peer of samples/sma-cross-orcl.json, written for this benchmark (not backtrader's code).

Price against its 15-day SMA, backtrader's quickstart logic: buy 10 shares at the next open when the close is above
the SMA and nothing is held or pending, sell them when it closes below. Cash 1000, no commission, Yahoo CSV with
Adj Close adjustment and 2-decimal rounding (YahooFinanceCSVData's defaults), exactly as the Tradeguard config.

  backtrader_sma_cross.py DATA [--from YYYY-MM-DD --to YYYY-MM-DD] [--cash 1000] [--sweep 10..30]

Prints "final value: N" (one line per period with --sweep), so the bench can check both sides did the same work.
Run it with PYTHONPATH pointing at a backtrader checkout (bench/cli/run-bench.sh pins the commit).
"""
import argparse
import datetime

import backtrader as bt


class PriceSmaCross(bt.Strategy):
    params = (("period", 15),)

    def __init__(self):
        self.sma = bt.indicators.SimpleMovingAverage(self.datas[0].close, period=self.params.period)
        self.order = None

    def notify_order(self, order):
        if order.status in (order.Submitted, order.Accepted):
            return
        self.order = None

    def next(self):
        if self.order:
            return
        if not self.position:
            if self.datas[0].close[0] > self.sma[0]:
                self.order = self.buy()
        elif self.datas[0].close[0] < self.sma[0]:
            self.order = self.sell()

    def stop(self):
        print(f"period {self.params.period} final value: {self.broker.getvalue():.2f}", flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("data")
    parser.add_argument("--from", dest="start")
    parser.add_argument("--to", dest="end")
    parser.add_argument("--cash", type=float, default=1000.0)
    parser.add_argument("--sweep", help="LOW..HIGH: backtrader's optstrategy over the period, on all cores")
    args = parser.parse_args()

    cerebro = bt.Cerebro(stdstats=False) if args.sweep else bt.Cerebro()
    dates = {}
    if args.start:
        dates["fromdate"] = datetime.datetime.strptime(args.start, "%Y-%m-%d")
    if args.end:
        dates["todate"] = datetime.datetime.strptime(args.end, "%Y-%m-%d")
    cerebro.adddata(bt.feeds.YahooFinanceCSVData(dataname=args.data, reverse=False, **dates))
    cerebro.broker.setcash(args.cash)
    cerebro.broker.setcommission(commission=0.0)
    cerebro.addsizer(bt.sizers.FixedSize, stake=10)
    if args.sweep:
        low, high = (int(x) for x in args.sweep.split(".."))
        cerebro.optstrategy(PriceSmaCross, period=range(low, high + 1))
    else:
        cerebro.addstrategy(PriceSmaCross)
    cerebro.run()


if __name__ == "__main__":
    main()
