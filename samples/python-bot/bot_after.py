"""AFTER: the same bot behind Tradeguard. It holds no real credential.

Run it with:  tradeguard exec --bot momentum --gateway-config samples/gateway-sandbox.json -- python3 samples/python-bot/bot_after.py

- exchange requests go to the gateway (TRADEGUARD_GATEWAY_URL) signed with the bot's local key, which opens nothing
  at the exchange; the gateway checks the bot's policy, re-signs with the real key from the vault and forwards;
- alerts go through the gateway's channel: the operator's chat sees "[paper] Order executed · ORCL · buy · momentum",
  and the amounts only ever leave sealed to the operator's age key, if at all;
- /pause and /stop from a linked operator reach the bot (and the gateway refuses its orders whatever the bot does).

With ccxt instead of urllib: ccxt.binance({"apiKey": os.environ["TRADEGUARD_GATEWAY_API_KEY"], "secret":
os.environ["TRADEGUARD_GATEWAY_API_SECRET"], "urls": {"api": {"public": URL + "/api/v3", "private": URL + "/api/v3"}}}).
"""

import os
import sys
import time

# The shipped client (standard library only); copy clients/python/tradeguard_client.py next to your bot instead.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "clients", "python"))
from tradeguard_client import GatewayClient, GatewayError  # noqa: E402

SYMBOL = "ORCL"
ORDERS = int(os.environ.get("BOT_ORDERS", "3"))


def filled(gw, order, tries=5):
    """True once the exchange reports the order FILLED (asked once a second, a few times)."""
    for _ in range(tries):
        if order["status"] == "FILLED":
            return True
        time.sleep(1)
        order = gw.request("GET", "/api/v3/order", {"symbol": SYMBOL, "orderId": order["orderId"]})
    return order["status"] == "FILLED"


def main():
    gw = GatewayClient.from_env()
    print("bot", gw.ping(), "is", gw.state, "at", gw.url)
    stopped = False
    for n in range(ORDERS):
        try:
            order = gw.request("POST", "/api/v3/order", {"symbol": SYMBOL, "side": "BUY", "type": "MARKET", "quantity": "1"})
            print("order", order["orderId"], order["status"])
            if filled(gw, order):  # a market order is NEW until the exchange fills it: say "executed" only then
                gw.alert("order_executed", symbol=SYMBOL, side="buy", alert_id="buy-%s" % order["orderId"],
                         details={"quantity": "1", "order_id": order["orderId"]})
        except GatewayError as e:
            print("refused:", e.code, e.msg)
            gw.alert("error", symbol=SYMBOL, details={"code": e.code, "reason": e.msg})
        gw.report_status("bought %d of %d" % (n + 1, ORDERS))
        for command in gw.poll_commands(wait=2):
            print("operator:", command.action)
            stopped = stopped or command.action == "stop"
        if stopped:
            break
        time.sleep(1)
    gw.report_status("done")
    print("done; the gateway says this bot is", gw.state)


if __name__ == "__main__":
    main()
