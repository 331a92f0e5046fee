"""BEFORE: a typical Python trading bot, as many tutorials write it. Do not copy this.

- the exchange key and secret are read from config.ini (a plain file anyone who reads the folder can take);
- the Telegram bot token is in the code (and so in git);
- every order's quantity, price and order id go to a Telegram chat in clear;
- the bot itself holds a key that may withdraw, and no operator command can stop it.

All values are fake. Run: python3 bot_before.py (it fails at the exchange: the key is fake).
"""

import configparser
import hashlib
import hmac
import json
import time
import urllib.parse
import urllib.request

TELEGRAM_TOKEN = "123456789:AAFakeTokenDoNotUseXXXXXXXXXXXXXXXXX"  # BAD: a secret in the code
CHAT_ID = "100000001"

config = configparser.ConfigParser()
config.read("config.ini")
API_KEY = config["binance"]["api_key"]        # BAD: a real key in a plain file
API_SECRET = config["binance"]["api_secret"]
BASE_URL = config["binance"].get("base_url", "https://api.binance.com")


def send_message(text):
    """BAD: order details in clear to a chat; the token travels with every call."""
    url = "https://api.telegram.org/bot%s/sendMessage" % TELEGRAM_TOKEN
    data = urllib.parse.urlencode({"chat_id": CHAT_ID, "text": text}).encode()
    try:
        urllib.request.urlopen(url, data=data, timeout=5)
    except OSError as e:
        print("telegram:", e)


def signed(method, path, params):
    params = dict(params, timestamp=int(time.time() * 1000), recvWindow=5000)
    query = urllib.parse.urlencode(params)
    query += "&signature=" + hmac.new(API_SECRET.encode(), query.encode(), hashlib.sha256).hexdigest()
    req = urllib.request.Request(BASE_URL + path + "?" + query, method=method, headers={"X-MBX-APIKEY": API_KEY})
    with urllib.request.urlopen(req, timeout=10) as response:
        return json.loads(response.read())


if __name__ == "__main__":
    try:
        order = signed("POST", "/api/v3/order", {"symbol": "ORCL", "side": "BUY", "type": "MARKET", "quantity": "2"})
        send_message("BUY %s ORCL at %s, order %s, balance left %s" % ("2", order.get("price"), order.get("orderId"), "..."))
    except Exception as e:  # the tutorial way: print and carry on
        print("order failed:", e)
