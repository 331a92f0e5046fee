// Trades through the Tradeguard gateway with an unmodified ccxt (Binance spot), as a bot would:
// every URL of exchange.urls.api points at the gateway, the key is the bot's own.
// Prints one JSON line with what ccxt parsed; any error exits 1 with its class and message.
'use strict';
const ccxt = require(require.resolve('ccxt', { paths: [process.env.CCXT_DIR] }));

const gateway = process.env.GATEWAY_URL.replace(/\/$/, '');
const exchange = new ccxt.binance({
  apiKey: process.env.BOT_API_KEY,
  secret: process.env.BOT_API_SECRET,
  enableRateLimit: false,
  options: { fetchMargins: false, fetchCurrencies: false, fetchMarkets: { types: ['spot'] }, adjustForTimeDifference: false },
});
for (const key of Object.keys(exchange.urls.api)) {
  exchange.urls.api[key] = exchange.urls.api[key].replace(/^https?:\/\/[^/]+/, gateway);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

(async () => {
  const symbol = process.env.SYMBOL + '/USD';
  const markets = await exchange.loadMarkets();
  const market = await exchange.createOrder(symbol, 'market', 'buy', 1);
  let filled = market;
  for (let i = 0; i < 100 && filled.status !== 'closed'; i++) {
    await sleep(100);
    filled = await exchange.fetchOrder(market.id, symbol);
  }
  const last = Number(markets[symbol].info.lastPrice || 0) || (await exchange.fetchOrder(market.id, symbol)).average;
  const limit = await exchange.createOrder(symbol, 'limit', 'buy', 1, Math.round(last * 50) / 100);
  const open = await exchange.fetchOpenOrders(symbol);
  const cancelled = await exchange.cancelOrder(limit.id, symbol);
  const balance = await exchange.fetchBalance();
  const orders = await exchange.fetchOrders(symbol);
  const trades = await exchange.fetchMyTrades(symbol);
  console.log(JSON.stringify({
    symbols: Object.keys(markets),
    market: { id: market.id, status: filled.status, filled: filled.filled, average: filled.average },
    limit: { id: limit.id, status: limit.status, price: limit.price },
    open: open.map((o) => o.id),
    cancelled: { id: cancelled.id, status: cancelled.status },
    balance: { usd: balance.USD ? balance.USD.total : null, base: balance[process.env.SYMBOL] ? balance[process.env.SYMBOL].total : null },
    orders: orders.map((o) => ({ id: o.id, status: o.status, side: o.side, type: o.type })),
    trades: trades.map((t) => ({ order: t.order, side: t.side, amount: t.amount, price: t.price })),
  }));
})().catch((e) => {
  console.error(`${e.constructor.name}: ${e.message}`);
  process.exit(1);
});
