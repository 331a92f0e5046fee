"""Tradeguard gateway client for Python bots: standard library only, Python 3.9+.

A bot started with ``tradeguard exec --bot NAME -- python bot.py`` finds everything it needs in its environment:

``TRADEGUARD_GATEWAY_URL``
    The gateway's Binance-compatible REST base URL (point ccxt or urllib here instead of the exchange).
``TRADEGUARD_GATEWAY_API_KEY`` / ``TRADEGUARD_GATEWAY_API_SECRET``
    The bot's *local* key pair. It only works against this gateway; the real exchange key never leaves Tradeguard.
``TRADEGUARD_GATEWAY_CHANNEL``
    The private channel (``unix:/path/bots.sock``) for alerts, operator commands and status.

Typical use::

    from tradeguard_client import GatewayClient

    gw = GatewayClient.from_env()
    order = gw.request("POST", "/api/v3/order", {"symbol": "BTCUSDT", "side": "BUY", "type": "MARKET", "quantity": "0.01"})
    gw.alert("order_executed", symbol="BTCUSDT", side="buy", details={"quantity": "0.01", "order_id": order["orderId"]})
    gw.report_status("waiting for a signal")
    for command in gw.commands():          # blocks; or gw.on_command(callback) in a thread
        if command.action == "pause": ...

Requests are signed as Binance signs them (HMAC-SHA256 over the query string followed by the body, hex, with
``timestamp`` and ``recvWindow``; key in ``X-MBX-APIKEY``), both on the REST side and on the channel.
"""

import hashlib
import hmac
import http.client
import json
import os
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from typing import Callable, Dict, Iterator, List, Mapping, Optional, Sequence, Tuple, Union

__all__ = ["GatewayClient", "GatewayError", "ChannelRefused", "OperatorCommand", "sign", "signed_query"]

URL_VARIABLE = "TRADEGUARD_GATEWAY_URL"
API_KEY_VARIABLE = "TRADEGUARD_GATEWAY_API_KEY"
API_SECRET_VARIABLE = "TRADEGUARD_GATEWAY_API_SECRET"
CHANNEL_VARIABLE = "TRADEGUARD_GATEWAY_CHANNEL"

Params = Union[Mapping[str, object], Sequence[Tuple[str, object]]]


class GatewayError(Exception):
    """The gateway (or the channel) refused a request with a Binance-shaped error.

    Attributes: ``status`` (HTTP status), ``code`` (Binance error code, e.g. -2010 for a refused order, -1022 for a
    bad signature) and ``msg`` (the gateway's message, which names the limit that refused an order).
    """

    def __init__(self, status: int, code: int, msg: str):
        super().__init__("HTTP %d, code %d: %s" % (status, code, msg))
        self.status = status
        self.code = code
        self.msg = msg


class ChannelRefused(Exception):
    """The channel closed the connection unanswered: the process is not running as the gateway's user."""


class OperatorCommand:
    """An authorised operator command: ``action`` is ``pause``, ``resume``, ``stop`` or ``closeall``.

    ``seq`` increases with each command and ``time`` is when the gateway applied it (Unix milliseconds). The gateway
    enforces the command itself (a paused or stopped bot's orders are refused there); the bot is told so that it can
    stop trying, close its own books and exit cleanly.
    """

    __slots__ = ("seq", "action", "time")

    def __init__(self, seq: int, action: str, time: int):
        self.seq = seq
        self.action = action
        self.time = time

    def __repr__(self) -> str:
        return "OperatorCommand(seq=%d, action=%r)" % (self.seq, self.action)


def sign(api_secret: str, total_params: str) -> str:
    """Binance's signature: lower-case hex HMAC-SHA256 of ``total_params`` (query string + body) under the secret."""
    return hmac.new(api_secret.encode("utf-8"), total_params.encode("utf-8"), hashlib.sha256).hexdigest()


def signed_query(api_secret: str, params: Optional[Params] = None, recv_window: int = 5000,
                 timestamp: Optional[int] = None) -> str:
    """The query string of a signed request: ``params``, ``recvWindow``, ``timestamp``, then ``signature``.

    For plain ``urllib`` users: send it as the query (GET/DELETE) or as an ``application/x-www-form-urlencoded``
    body (POST), with the API key in the ``X-MBX-APIKEY`` header.
    """
    items = list(params.items()) if isinstance(params, Mapping) else list(params or [])
    items.append(("recvWindow", recv_window))
    items.append(("timestamp", int(time.time() * 1000) if timestamp is None else timestamp))
    query = urllib.parse.urlencode([(k, _text(v)) for k, v in items])
    return query + "&signature=" + sign(api_secret, query)


def _text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


class _UnixConnection(http.client.HTTPConnection):
    """HTTP/1.1 over a Unix-domain socket."""

    def __init__(self, path: str, timeout: float):
        super().__init__("localhost", timeout=timeout)
        self._path = path

    def connect(self) -> None:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.settimeout(self.timeout)
        try:
            sock.connect(self._path)
        except OSError:
            sock.close()
            raise
        self.sock = sock


class GatewayClient:
    """The bot's side of Tradeguard: signed REST calls to the gateway, alerts, operator commands and status.

    Thread-safe: each call opens its own connection, so ``on_command`` may poll in a thread while the bot trades.
    """

    def __init__(self, url: str, api_key: str, api_secret: str, channel: Optional[str] = None,
                 timeout: float = 10.0, recv_window: int = 10000):
        """``url``: the gateway's REST base URL; ``api_key``/``api_secret``: the bot's local key; ``channel``:
        ``unix:/path`` of the bot channel (None: REST only); ``timeout``: seconds per request; ``recv_window``: how
        late (ms) the gateway may receive a signed request and still accept it (10 s: a loaded host; at most 60000)."""
        self.url = url.rstrip("/")
        self.api_key = api_key
        self._secret = api_secret
        self.channel = channel
        self.timeout = timeout
        self.recv_window = recv_window
        self._last_seq = 0
        self.state = "unknown"

    def __repr__(self) -> str:
        # Never the secret, not even masked.
        return "GatewayClient(url=%r, channel=%r)" % (self.url, self.channel)

    @classmethod
    def from_env(cls, environ: Optional[Mapping[str, str]] = None, **kwargs) -> "GatewayClient":
        """A client from the variables ``tradeguard exec --bot`` sets; raises ``KeyError`` naming a missing one."""
        env = os.environ if environ is None else environ
        missing = [n for n in (URL_VARIABLE, API_KEY_VARIABLE, API_SECRET_VARIABLE) if not env.get(n)]
        if missing:
            raise KeyError("%s not set: start the bot with 'tradeguard exec --bot NAME -- python bot.py'" % ", ".join(missing))
        return cls(env[URL_VARIABLE], env[API_KEY_VARIABLE], env[API_SECRET_VARIABLE], env.get(CHANNEL_VARIABLE), **kwargs)

    # REST, for bots that do not use ccxt -------------------------------------------------------------------------

    def request(self, method: str, path: str, params: Optional[Params] = None, signed: bool = True) -> object:
        """Calls the gateway's Binance REST surface, e.g. ``request("GET", "/api/v3/account")``; returns the JSON.

        Signed requests carry ``recvWindow``, ``timestamp`` and ``signature``; POST sends them as a form body.
        Raises ``GatewayError`` for a Binance-shaped refusal (a paused or stopped bot, a policy limit, a bad key).
        """
        method = method.upper()
        if signed:
            query = signed_query(self._secret, params, self.recv_window)
        else:
            items = list(params.items()) if isinstance(params, Mapping) else list(params or [])
            query = urllib.parse.urlencode([(k, _text(v)) for k, v in items])
        url = self.url + path
        data = None
        headers = {"X-MBX-APIKEY": self.api_key}
        if method == "POST":
            data = query.encode("ascii")
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        elif query:
            url += "?" + query
        req = urllib.request.Request(url, data=data, method=method, headers=headers)
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as response:
                return json.loads(response.read().decode("utf-8"))
        except urllib.error.HTTPError as e:
            raise _error(e.code, e.read()) from None

    # The channel ---------------------------------------------------------------------------------------------------

    def ping(self) -> str:
        """Checks the channel and the bot's key; returns the bot's name as the gateway knows it.

        Also sets ``state``: ``running``, ``paused`` or ``stopped``, as the operator left this bot at the gateway.
        """
        answer = self._channel("GET", "/v1/ping", {})
        self.state = str(answer["state"])
        return str(answer["bot"])

    def alert(self, kind: str, symbol: Optional[str] = None, side: Optional[str] = None,
              details: Optional[Mapping[str, object]] = None, alert_id: Optional[str] = None) -> int:
        """Publishes an alert through Tradeguard's exposure policy, redactor, outbox and Telegram.

        ``kind``: ``order_executed``, ``stop_loss``, ``take_profit``, ``error`` or a kind the operator defined in the
        gateway config. ``symbol`` (``BTCUSDT`` or ``BTC/USDT``) and ``side`` (buy, sell, long, short) are shown;
        ``details`` (quantities, prices, order ids: str, int, float or bool values) are never shown in clear, only
        sealed to the operator's age key if the operator allows it. ``alert_id`` makes a retried alert send once.
        Returns how many messages were queued (0 when the operator turned the kind off).
        """
        params = [("kind", kind)]
        if symbol:
            params.append(("symbol", symbol))
        if side:
            params.append(("side", side))
        if details:
            params.append(("details", json.dumps(dict(details), separators=(",", ":"))))
        if alert_id:
            params.append(("id", alert_id))
        return int(self._channel("POST", "/v1/alert", params)["queued"])

    def report_status(self, line: str) -> str:
        """Sets this bot's one-line status for ``/status``; returns it as operators will see it.

        Kept high level: digits become ``#`` and the line is cut to the gateway's limit (120 characters by default).
        """
        return str(self._channel("POST", "/v1/status", [("status", line)])["status"])

    def poll_commands(self, wait: float = 25.0) -> List[OperatorCommand]:
        """Waits up to ``wait`` seconds for operator commands newer than the last one returned; [] when none came.

        A new client first gets the commands this bot was sent since the gateway started (the last 64); ``state``
        (updated by every poll) tells where the bot stands now: ``running``, ``paused`` or ``stopped``.
        """
        answer = self._channel("GET", "/v1/commands", [("after", self._last_seq), ("wait", int(wait))],
                               timeout=wait + self.timeout)
        self.state = str(answer["state"])
        commands = [OperatorCommand(int(c["seq"]), str(c["action"]), int(c["time"])) for c in answer["commands"]]
        if commands:
            self._last_seq = max(c.seq for c in commands)
        return commands

    def commands(self, wait: float = 25.0) -> Iterator[OperatorCommand]:
        """Yields operator commands as they are authorised, forever (long polling; each poll ≤ ``wait`` s)."""
        while True:
            for command in self.poll_commands(wait):
                yield command

    def on_command(self, callback: Callable[[OperatorCommand], None], stop: Optional[threading.Event] = None,
                   wait: float = 25.0) -> threading.Thread:
        """Calls ``callback(command)`` for each operator command from a daemon thread; set ``stop`` to end it
        (noticed within five seconds).

        An error in the poll (the gateway restarting) is retried after a second; one raised by ``callback`` ends
        the thread, so a bot never runs on after failing to handle ``stop``.
        """
        stop = stop or threading.Event()

        def run() -> None:
            while not stop.is_set():
                try:
                    batch = self.poll_commands(min(wait, 5.0))  # short polls: stop is seen within seconds
                except (OSError, GatewayError, http.client.HTTPException):
                    stop.wait(1.0)
                    continue
                for command in batch:
                    callback(command)

        thread = threading.Thread(target=run, name="tradeguard-commands", daemon=True)
        thread.start()
        return thread

    def _channel(self, method: str, path: str, params: Params, timeout: Optional[float] = None) -> Dict[str, object]:
        if not self.channel:
            raise KeyError("%s not set: start the bot with 'tradeguard exec --bot NAME -- python bot.py'" % CHANNEL_VARIABLE)
        if not self.channel.startswith("unix:"):
            raise ValueError("%s must be unix:/path (got %r)" % (CHANNEL_VARIABLE, self.channel))
        query = signed_query(self._secret, params, self.recv_window)
        connection = _UnixConnection(self.channel[len("unix:"):], timeout or self.timeout)
        try:
            connection.connect()  # FileNotFoundError / ConnectionRefusedError: the gateway is not serving
            headers = {"X-MBX-APIKEY": self.api_key}
            try:
                if method == "POST":
                    headers["Content-Type"] = "application/x-www-form-urlencoded"
                    connection.request(method, path, body=query.encode("ascii"), headers=headers)
                else:
                    connection.request(method, path + "?" + query, headers=headers)
                response = connection.getresponse()
            except (BrokenPipeError, ConnectionResetError):
                # RemoteDisconnected is a ConnectionResetError. A gateway answers every request of its own user,
                # so a connection closed unanswered means the peer-credential check refused this process.
                raise ChannelRefused("the gateway closed the channel connection unanswered: "
                                     "run the bot as the user that runs 'tradeguard gateway serve', and hold no more "
                                     "than 32 channel connections from one process") from None
            body = response.read()
            if response.status != 200:
                raise _error(response.status, body)
            return json.loads(body.decode("utf-8"))
        finally:
            connection.close()


def _error(status: int, body: bytes) -> GatewayError:
    try:
        payload = json.loads(body.decode("utf-8"))
        return GatewayError(status, int(payload.get("code", 0)), str(payload.get("msg", "")))
    except (ValueError, AttributeError):
        return GatewayError(status, 0, body[:200].decode("utf-8", "replace"))
