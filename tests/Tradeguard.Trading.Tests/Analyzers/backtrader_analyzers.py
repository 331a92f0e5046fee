#!/usr/bin/python3
"""Prints backtrader's own analyzer outputs for runs that Tradeguard reproduces to the cent; the constants in
BacktraderAnalyzerTests.cs were copied from its output. Written for these tests (not backtrader's code).

Runs (Yahoo CSV with Adj Close adjustment and 2-decimal rounding, YahooFinanceCSVData's defaults, as Tradeguard):
  sma-2000       price vs SMA(15) (backtrader quickstart), stake 10, cash 1000, no commission, ORCL 2000
  sma-1995-2014  the same strategy over the whole file, ORCL 1995-01-03 ... 2014-12-31
  lower-closes   two lower closes, hold 5 bars (backtrader quickstart), stake 1, cash 100000, 0.1 % commission, ORCL 2000

Analyzers: SQN, AnnualReturn, TimeReturn (years and months), DrawDown, TradeAnalyzer.

Also the run of backtrader's tests/test_analyzer-sqn.py and test_analyzer-timereturn.py (their strategy, rewritten:
close crossing its SMA(15), futures-like commission 2.0 per contract with multiplier 10 and margin 1000, cash 10000,
2006-day-001.txt), printing the net P&L of each trade and the final value, which those tests do not show.

  PYTHONPATH=<backtrader checkout at b853d7c9> /usr/bin/python3 backtrader_analyzers.py samples/data \
      [--months-csv tests/Tradeguard.Trading.Tests/Analyzers/backtrader-sma-1995-2014-months.csv]

--months-csv also writes sma-1995-2014's 240 monthly TimeReturn values as period_end,return (repr precision).
"""
import datetime
import os
import sys

import backtrader as bt


class PriceSmaCross(bt.Strategy):
    params = (("period", 15),)

    def __init__(self):
        self.sma = bt.indicators.SimpleMovingAverage(self.data.close, period=self.p.period)
        self.order = None

    def notify_order(self, order):
        if order.status not in (order.Submitted, order.Accepted):
            self.order = None

    def next(self):
        if self.order:
            return
        if not self.position:
            if self.data.close[0] > self.sma[0]:
                self.order = self.buy()
        elif self.data.close[0] < self.sma[0]:
            self.order = self.sell()


class LowerCloses(bt.Strategy):
    def __init__(self):
        self.order = None
        self.filled_at = 0

    def notify_order(self, order):
        if order.status == order.Completed:
            self.filled_at = len(self)
        if order.status not in (order.Submitted, order.Accepted):
            self.order = None

    def next(self):
        if self.order:
            return
        if not self.position:
            if len(self) > 2 and self.data.close[0] < self.data.close[-1] < self.data.close[-2]:
                self.order = self.buy()
        elif len(self) >= self.filled_at + 5:
            self.order = self.sell()


class CloseCrossesSma(bt.Strategy):
    def __init__(self):
        self.cross = bt.indicators.CrossOver(self.data.close, bt.indicators.SMA(self.data, period=15))
        self.order = None
        self.pnl = []

    def notify_order(self, order):
        if order.status not in (order.Submitted, order.Accepted):
            self.order = None

    def notify_trade(self, trade):
        if trade.isclosed:
            self.pnl.append(trade.pnlcomm)

    def next(self):
        if self.order:
            return
        if not self.position.size:
            if self.cross > 0:
                self.order = self.buy()
        elif self.cross < 0:
            self.order = self.close()


def run_sqn_test(path):
    cerebro = bt.Cerebro()
    cerebro.adddata(bt.feeds.BacktraderCSVData(dataname=path, fromdate=datetime.datetime(2006, 1, 1), todate=datetime.datetime(2006, 12, 31)))
    cerebro.addstrategy(CloseCrossesSma)
    cerebro.broker.setcommission(commission=2.0, mult=10.0, margin=1000.0)
    cerebro.addanalyzer(bt.analyzers.SQN, _name="sqn")
    cerebro.addanalyzer(bt.analyzers.TimeReturn, _name="years", timeframe=bt.TimeFrame.Years)
    strat = cerebro.run()[0]
    print("== backtrader tests: SQN and TimeReturn on 2006-day-001.txt")
    print(f"starting cash: {cerebro.broker.startingcash!r} final value: {cerebro.broker.getvalue()!r}")
    print(f"sqn: {strat.analyzers.sqn.get_analysis().sqn!r} trades: {strat.analyzers.sqn.get_analysis().trades}")
    print("years: " + ", ".join(f"{d:%Y-%m-%d}: {r!r}" for d, r in strat.analyzers.years.get_analysis().items()))
    print("net P&L per trade: " + ", ".join(f"{p:.2f}" for p in strat.pnl))


def run(name, path, start, end, strategy, cash, stake, commission, months_csv=None):
    cerebro = bt.Cerebro()
    dates = {"fromdate": start, "todate": end} if start else {}
    cerebro.adddata(bt.feeds.YahooFinanceCSVData(dataname=path, reverse=False, **dates))
    cerebro.addstrategy(strategy)
    cerebro.broker.setcash(cash)
    cerebro.broker.setcommission(commission=commission)
    cerebro.addsizer(bt.sizers.FixedSize, stake=stake)
    cerebro.addanalyzer(bt.analyzers.SQN, _name="sqn")
    cerebro.addanalyzer(bt.analyzers.AnnualReturn, _name="annual")
    cerebro.addanalyzer(bt.analyzers.TimeReturn, _name="years", timeframe=bt.TimeFrame.Years)
    cerebro.addanalyzer(bt.analyzers.TimeReturn, _name="months", timeframe=bt.TimeFrame.Months)
    cerebro.addanalyzer(bt.analyzers.DrawDown, _name="drawdown")
    cerebro.addanalyzer(bt.analyzers.TradeAnalyzer, _name="trades")
    strat = cerebro.run()[0]
    a = strat.analyzers

    print(f"== {name}")
    print(f"final value: {cerebro.broker.getvalue()!r}")
    sqn = a.sqn.get_analysis()
    print(f"sqn: {sqn.sqn!r} trades: {sqn.trades}")
    print("annual: " + ", ".join(f"{y}: {r!r}" for y, r in a.annual.get_analysis().items()))
    print("years: " + ", ".join(f"{d:%Y-%m-%d}: {r!r}" for d, r in a.years.get_analysis().items()))
    print("months: " + ", ".join(f"{d:%Y-%m-%d}: {r!r}" for d, r in a.months.get_analysis().items()))
    if months_csv:
        with open(months_csv, "w", newline="\n") as f:
            f.write("period_end,return\n")
            for d, r in a.months.get_analysis().items():
                f.write(f"{d:%Y-%m-%d},{r!r}\n")
    dd = a.drawdown.get_analysis()
    print(f"drawdown max.drawdown (percent): {dd.max.drawdown!r} max.moneydown: {dd.max.moneydown!r} max.len: {dd.max.len!r}")
    t = a.trades.get_analysis()
    print(f"trades closed: {t.total.closed} won: {t.won.total} lost: {t.lost.total}")
    print(f"won.pnl.total: {t.won.pnl.total!r} lost.pnl.total: {t.lost.pnl.total!r} pnl.net.average: {t.pnl.net.average!r}")
    print(f"profit factor won.pnl.total / -lost.pnl.total: {t.won.pnl.total / -t.lost.pnl.total!r}")


def main():
    folder = sys.argv[1]
    months_csv = sys.argv[3] if len(sys.argv) > 3 and sys.argv[2] == "--months-csv" else None
    run_sqn_test(os.path.join(folder, "2006-day-001.txt"))
    path = os.path.join(folder, "orcl-1995-2014.txt")
    y2000 = (datetime.datetime(2000, 1, 1), datetime.datetime(2000, 12, 31))
    # The whole file, without dates: todate=2014-12-31 would drop that day's bar, which backtrader stamps at the
    # session's end, after midnight.
    whole = (None, None)
    run("sma-2000", path, *y2000, PriceSmaCross, 1000.0, 10, 0.0)
    run("sma-1995-2014", path, *whole, PriceSmaCross, 1000.0, 10, 0.0, months_csv)
    run("lower-closes", path, *y2000, LowerCloses, 100000.0, 1, 0.001)


if __name__ == "__main__":
    main()
