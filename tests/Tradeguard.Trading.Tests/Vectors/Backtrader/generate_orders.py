#!/usr/bin/python3
"""Writes orders.json: backtrader's results for the order-type scenarios of BacktraderOrderTypeTests.

Written for this repository (not backtrader's code). Each scenario is a Tradeguard built-in strategy whose entry and
exit orders are set by `strategy.orders` (SignalOrder, SignalOrders), expressed in backtrader: no new order while one
is pending, the default sizer's stake, BackBroker defaults. A position is opened with the entry order and closed (or,
with direction "both", reversed in one order of |position| + stake) with the exit order. Prices follow SignalOrder:
a buy's price is round(close * (1.0 + offset), 2), a sell's round(close * (1.0 - offset), 2), Python's round being
half to even on the exact binary value, as Tradeguard's PriceRounding. Validity in days is backtrader's
valid=timedelta(days=N); backtrader has no validity in bars, so an order valid for N bars is cancelled by the
strategy in next() of the N-th bar after it was placed if it has not filled by then (it has worked on exactly N bars).

  PYTHONPATH=/path/to/backtrader /usr/bin/python3 generate_orders.py > orders.json

Pinned run: backtrader commit b853d7c9 (1.9.78.123), Debian's python3. Data: samples/data (unchanged copies of
backtrader's datas/ files).
"""
import datetime

import backtrader as bt

from btscenario import SignalIndicators, emit, feed, trade_dates

EXECTYPES = {"market": bt.Order.Market, "close": bt.Order.Close, "limit": bt.Order.Limit, "stop": bt.Order.Stop,
             "stop-limit": bt.Order.StopLimit}
MARKET = {"type": "market"}


class Signals(SignalIndicators, bt.Strategy):
    params = (("kind", "price-sma-cross"), ("period", 15), ("fast", 10), ("slow", 30), ("direction", "long"),
              ("entry", MARKET), ("exit", MARKET))

    def __init__(self):
        self.indicators()
        self.order = None
        self.placed = 0
        self.bars = None
        self.fills = []
        self.trades = []

    def notify_order(self, order):
        if order.status in (order.Submitted, order.Accepted):
            return
        if order.status == order.Completed:
            self.fills.append({
                "date": bt.num2date(order.executed.dt).date().isoformat(),
                "side": "buy" if order.isbuy() else "sell",
                "size": abs(order.executed.size),
                "price": order.executed.price,
            })
        self.order = None

    def notify_trade(self, trade):
        if trade.isclosed:
            self.trades.append({**trade_dates(trade), "entryPrice": trade.price, "netPnl": trade.pnlcomm})

    def next(self):
        if self.order:
            if self.bars is not None and len(self) - self.placed >= self.bars:
                self.cancel(self.order)
            return
        self.act(self.signal())

    def send(self, spec, buy, size=None):
        close = self.data.close[0]
        sign = 1.0 if buy else -1.0
        kwargs = {"exectype": EXECTYPES[spec["type"]]}
        if "offset" in spec:
            kwargs["price"] = round(close * (1.0 + sign * spec["offset"]), 2)
        if "limitOffset" in spec:
            kwargs["plimit"] = round(close * (1.0 + sign * spec["limitOffset"]), 2)
        valid = spec.get("valid", {})
        if "days" in valid:
            kwargs["valid"] = datetime.timedelta(days=valid["days"])
        self.bars = valid.get("bars")
        self.placed = len(self)
        if size is None and not buy:
            self.order = self.close(**kwargs)
        else:
            self.order = (self.buy if buy else self.sell)(size=size, **kwargs)

    def act(self, signal):
        position = self.position.size
        stake = self.getsizer().p.stake
        d = self.p.direction
        if signal > 0:
            if position == 0 and d != "short":
                self.send(self.p.entry, True)
            elif position < 0:
                self.send(self.p.exit, True, -position + stake if d == "both" else -position)
        elif signal < 0:
            if position == 0 and d != "long":
                self.send(self.p.entry, False, stake)
            elif position > 0:
                self.send(self.p.exit, False, position + stake if d == "both" else None)


class LowerCloses(Signals):
    """Tradeguard's lower-closes (backtrader's quickstart): buy after `declines` lower closes, close the position
    `hold` bars after the last fill; its orders as Signals sends them."""
    params = (("declines", 2), ("hold", 5))

    def __init__(self):
        super().__init__()
        self.down = 0
        self.filled_at = 0

    def indicators(self):
        pass  # none: an indicator's warm-up would hold back next()

    def notify_order(self, order):
        if order.status == order.Completed:
            self.filled_at = len(self)
        super().notify_order(order)

    def signal(self):
        return 0

    def next(self):
        close = self.data.close
        self.down = self.down + 1 if len(self) > 1 and close[0] < close[-1] else 0
        if self.order:
            if self.bars is not None and len(self) - self.placed >= self.bars:
                self.cancel(self.order)
            return
        if self.position.size == 0:
            if self.down >= self.p.declines:
                self.send(self.p.entry, True)
        elif len(self) >= self.filled_at + self.p.hold:
            self.send(self.p.exit, False)


ORCL2000 = ("orcl-1995-2014.txt", "2000-01-01", "2000-12-31", 1000.0, 10, 0.0)
ORCL_ALL = ("orcl-1995-2014.txt", "1995-01-01", "2014-12-31", 10000.0, 10, 0.001)
SMA15 = dict(kind="price-sma-cross", period=15)
LOWER = dict(strategy=LowerCloses, declines=2, hold=5)
CROSS = dict(kind="dual-ma-cross", fast=10, slow=30)

SCENARIOS = [
    # name, (data file, from, to, cash, stake, commission), strategy params
    ("limit-entry-3-days", ORCL2000, dict(SMA15, entry={"type": "limit", "offset": -0.01, "valid": {"days": 3}})),
    ("stop-entry", ORCL2000, dict(SMA15, entry={"type": "stop", "offset": 0.01})),
    ("stop-limit-entry-2-bars", ORCL2000,
     dict(SMA15, entry={"type": "stop-limit", "offset": 0.005, "limitOffset": 0.015, "valid": {"bars": 2}})),
    ("close-entry-close-exit", ORCL2000, dict(SMA15, entry={"type": "close"}, exit={"type": "close"})),
    ("limit-exit-1-bar", ORCL2000, dict(SMA15, exit={"type": "limit", "offset": -0.01, "valid": {"bars": 1}})),
    ("both-limit-entry-stop-exit", ORCL_ALL,
     dict(CROSS, direction="both", entry={"type": "limit", "offset": -0.005, "valid": {"days": 5}},
          exit={"type": "stop", "offset": 0.002})),
    ("short-stop-limit-exit", ORCL_ALL,
     dict(CROSS, direction="short", exit={"type": "stop-limit", "offset": 0.0, "limitOffset": 0.01, "valid": {"days": 2}})),
    ("lower-closes-limit-entry-2-bars-stop-exit", ORCL2000,
     dict(LOWER, entry={"type": "limit", "offset": -0.005, "valid": {"bars": 2}}, exit={"type": "stop", "offset": 0.01})),
]


def run(name, data, params):
    file, start, end, cash, stake, commission = data
    cerebro = bt.Cerebro(stdstats=False)
    cerebro.adddata(feed(file, True, start, end))
    cerebro.broker.setcash(cash)
    cerebro.broker.setcommission(commission=commission)
    cerebro.addsizer(bt.sizers.FixedSize, stake=stake)
    params = dict(params)
    cerebro.addstrategy(params.pop("strategy", Signals), **params)
    strategy = cerebro.run()[0]
    return {
        "name": name,
        "value": cerebro.broker.getvalue(),
        "cash": cerebro.broker.getcash(),
        "position": strategy.position.size,
        "fills": strategy.fills,
        "trades": strategy.trades,
    }


if __name__ == "__main__":
    emit("generate_orders.py", [run(*s) for s in SCENARIOS])
