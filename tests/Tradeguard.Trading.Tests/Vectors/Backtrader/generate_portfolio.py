"""backtrader's result for a two-symbol portfolio run: one broker (one cash account), two datas, price-vs-SMA(15) on
each. Written for this repository (not backtrader's code); see README.md.

ORCL and YHOO, 2000 (Yahoo CSVs with Adj Close adjustment and 2-decimal rounding, as YahooFinanceCSVData does), cash
10 000, no commission, a fixed stake of 10 per buy. On each data separately: with no order of that data pending, buy
at the next open when flat and the close is above its SMA(15), sell the position when long and the close is below.
Orders are placed in data order (data0 = ORCL first), which is the order backtrader's broker fills them in."""
import json

import backtrader as bt

from btscenario import feed


class PriceSmaCrossEach(bt.Strategy):
    params = (("period", 15),)

    def __init__(self):
        self.sma = {d: bt.indicators.SMA(d.close, period=self.p.period) for d in self.datas}
        self.pending = {d: None for d in self.datas}
        self.trades = {d._name: [] for d in self.datas}

    def notify_order(self, order):
        if order.status in (order.Submitted, order.Accepted):
            return
        self.pending[order.data] = None

    def notify_trade(self, trade):
        if trade.isclosed:
            self.trades[trade.data._name].append(round(trade.pnlcomm, 6))

    def next(self):
        for d in self.datas:
            if self.pending[d]:
                continue
            position = self.getposition(d).size
            if not position and d.close[0] > self.sma[d][0]:
                self.pending[d] = self.buy(data=d)
            elif position and d.close[0] < self.sma[d][0]:
                self.pending[d] = self.sell(data=d)


def main():
    cerebro = bt.Cerebro(stdstats=False)
    cerebro.adddata(feed("orcl-1995-2014.txt", start="2000-01-01", end="2000-12-31"), name="ORCL")
    cerebro.adddata(feed("yhoo-1996-2014.txt", start="2000-01-01", end="2000-12-31"), name="YHOO")
    cerebro.broker.setcash(10000.0)
    cerebro.broker.setcommission(commission=0.0)
    cerebro.addsizer(bt.sizers.FixedSize, stake=10)
    cerebro.addstrategy(PriceSmaCrossEach)
    strategy = cerebro.run()[0]
    print(json.dumps({
        "finalValue": round(cerebro.broker.getvalue(), 6),
        "cash": round(cerebro.broker.getcash(), 6),
        "positions": {d._name: strategy.getposition(d).size for d in strategy.datas},
        "tradeNetPnl": strategy.trades,
    }, indent=2))


if __name__ == "__main__":
    main()
