#!/usr/bin/env python3
"""Generates corpus.json: the labelled snippets the scanner's precision/recall test runs on.

Every credential here is synthetic (random.Random(7), fixed seed) or a published documentation example
(tests/Tradeguard.Scanner.Tests/Corpus/README.md lists the sources); none is live. Each case is one file:
  {"id", "file" (name decides the language), "labels" (expected rule ids; "rule#example" for a documentation
   example), "content"}.
Positive cases expect at least one leak label; negative cases expect none (near-misses, placeholders, examples).
Run: /usr/bin/python3 generate_corpus.py > corpus.json  (deterministic; commit the output)
"""
import base64
import itertools
import json
import random
import string
import sys

rng = random.Random(7)
ALNUM = string.ascii_letters + string.digits
B64 = ALNUM + "+/"


def rand(chars, n):
    return "".join(rng.choice(chars) for _ in range(n))


def tg():
    return f"{rng.randint(10**7, 8 * 10**9)}:AA{rand(ALNUM + '_-', 33)}"


def b64(nbytes):
    return base64.b64encode(bytes(rng.getrandbits(8) for _ in range(nbytes))).decode()


def uuid():
    h = rand("0123456789abcdef", 32)
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:]}"


def hexs(n, upper=False):
    s = rand("0123456789abcdef", n)
    return s.upper() if upper else s


def password():
    return rand(string.ascii_letters, 4) + rand(string.digits, 3) + rng.choice("!#%&*+") + rand(ALNUM, 5)


pem_counter = itertools.count()


def rand_bytes(n):
    return bytes(rng.getrandbits(8) for _ in range(n))


# DER/OpenSSH headers of real keys (RFC 8017 PKCS#1, RFC 5208 PKCS#8, RFC 5915 SEC1, OpenSSH PROTOCOL.key) followed
# by random bytes, so each block starts and sizes like a real key: "MIIE..." (RSA), "MHcC..." (P-256), "b3Bl..." (OpenSSH).
PEM_KINDS = [
    ("RSA PRIVATE KEY", lambda: bytes.fromhex("308204a40201000282010100") + rand_bytes(1180), 64),
    ("EC PRIVATE KEY", lambda: bytes.fromhex("30770201010420") + rand_bytes(32)
     + bytes.fromhex("a00a06082a8648ce3d030107a144034200") + b"\x04" + rand_bytes(64), 64),
    ("OPENSSH PRIVATE KEY", lambda: b"openssh-key-v1\0" + bytes.fromhex("000000046e6f6e65000000046e6f6e65") + rand_bytes(360), 70),
    ("PRIVATE KEY", lambda: bytes.fromhex("308204be020100300d06092a864886f70d0101010500048204a8") + rand_bytes(1192), 64),
]


def pem():
    """A PEM block shaped like a real key of its type (RSA 2048 PKCS#1, P-256 SEC1, Ed25519 OpenSSH, RSA PKCS#8)."""
    label, der, width = PEM_KINDS[next(pem_counter) % len(PEM_KINDS)]
    body = base64.b64encode(der()).decode()
    lines = [body[i:i + width] for i in range(0, len(body), width)]
    return f"-----BEGIN {label}-----\n" + "\n".join(lines) + f"\n-----END {label}-----"


def aws_id():
    return "AKIA" + rand(string.ascii_uppercase + "234567", 16)


def notebook(code):
    lines = code.split("\n")
    source = [l + "\n" for l in lines[:-1]] + [lines[-1]]
    nb = {"cells": [{"cell_type": "code", "execution_count": 1, "id": hexs(8), "metadata": {}, "outputs": [],
                     "source": source}],
          "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},
          "nbformat": 4, "nbformat_minor": 5}
    return json.dumps(nb, indent=1)


cases = []


def case(file, labels, content, service=None, lang=None, targets=None):
    """One file. service/lang: its cell of the service x file-type matrix; targets: the rule a negative tries to fool."""
    if file.endswith(".ipynb"):
        content = notebook(content)
    c = {"id": f"c{len(cases) + 1:04d}", "file": file, "labels": labels, "content": content + "\n"}
    c.update({k: v for k, v in (("service", service), ("lang", lang), ("targets", targets)) if v})
    cases.append(c)


# ---------------------------------------------------------------- positives: secrets
for _ in range(2):
    t = tg()
    case("bot.py", ["telegram-bot-token"], f'BOT_TOKEN = "{t}"\nbot = telebot.TeleBot(BOT_TOKEN)')
    case("notify.py", ["telegram-bot-token"], f"url = 'https://api.telegram.org/bot{tg()}/sendMessage'\nrequests.post(url, json=payload, timeout=10)")
case(".env", ["telegram-bot-token"], f"TELEGRAM_BOT_TOKEN={tg()}\nTELEGRAM_CHAT_ID=123456789")
case("config.yaml", ["telegram-bot-token"], f"telegram:\n  token: \"{tg()}\"\n  chat_id: 42")
case("appsettings.json", ["telegram-bot-token"], json.dumps({"Telegram": {"BotToken": tg(), "ChatId": 42}}, indent=2))
case("Notifier.cs", ["telegram-bot-token"], f'var bot = new TelegramBotClient("{tg()}");')
case("alerts.ipynb", ["telegram-bot-token"], f"import requests\nTOKEN = '{tg()}'\nrequests.get(f'https://api.telegram.org/bot{{TOKEN}}/getMe')")
case("settings.ini", ["telegram-bot-token"], f"[telegram]\nbot = {tg()}")

for fmt in range(8):
    k, s = rand(ALNUM, 64), rand(ALNUM, 64)
    files = [
        ("trade.py", f"from binance.client import Client\nbinance_client = Client(\"{k}\", \"{s}\")"),
        (".env", f"BINANCE_API_KEY={k}\nBINANCE_API_SECRET={s}"),
        ("config.ini", f"[binance]\napi_key = {k}\napi_secret = {s}"),
        ("config.yaml", f"exchanges:\n  binance:\n    key: \"{k}\"\n    secret: \"{s}\""),
        ("config.json", json.dumps({"binance": {"key": k, "secret": s}}, indent=2)),
        ("Binance.cs", f'var client = new BinanceRestClient(o => o.ApiCredentials = new ApiCredentials("{k}", "{s}"));'),
        ("binance.ipynb", f"import ccxt\nex = ccxt.binance({{'apiKey': '{k}', 'secret': '{s}'}})"),
        ("bot.py", f"exchange = ccxt.binance({{\n    'apiKey': '{k}',\n    'secret': '{s}',\n}})"),
    ]
    f, c = files[fmt]
    case(f, ["binance-api-credential"], c)

for f, c in [
    ("kraken.py", f"kraken_private_key = \"{b64(64)}\""),
    (".env", f"KRAKEN_API_KEY={b64(42)}\nKRAKEN_PRIVATE_KEY={b64(64)}"),
    ("config.yaml", f"kraken:\n  api_key: {b64(42)}\n  api_secret: {b64(64)}"),
    ("Kraken.cs", f"static class KrakenKeys\n{{\n    const string PrivateKey = \"{b64(64)}\";\n}}"),
    ("config.json", json.dumps({"kraken": {"secret": b64(64)}}, indent=2)),
    ("kraken.ipynb", f"import krakenex\nk = krakenex.API(key='{b64(42)}', secret='{b64(64)}')"),
]:
    case(f, ["kraken-api-credential"], c)

for f, c in [
    ("bybit.py", f"session = HTTP(testnet=False,  # bybit\n    api_key=\"{rand(ALNUM, 18)}\",\n    api_secret=\"{rand(ALNUM, 36)}\")"),
    (".env", f"BYBIT_API_KEY={rand(ALNUM, 18)}\nBYBIT_API_SECRET={rand(ALNUM, 36)}"),
    ("config.yaml", f"bybit:\n  key: {rand(ALNUM, 18)}\n  secret: {rand(ALNUM, 36)}"),
    ("Bybit.cs", f"var bybit = new BybitRestClient(o => {{ o.ApiKey = \"{rand(ALNUM, 18)}\"; }});"),
    ("config.json", json.dumps({"bybit": {"apiKey": rand(ALNUM, 18), "secret": rand(ALNUM, 36)}}, indent=2)),
    ("bybit.ipynb", f"ex = ccxt.bybit({{'apiKey': '{rand(ALNUM, 18)}', 'secret': '{rand(ALNUM, 36)}'}})"),
]:
    case(f, ["bybit-api-credential"], c)

for f, c in [
    ("okx.py", f"okx = ccxt.okx({{'apiKey': '{uuid()}', 'secret': '{hexs(32, True)}', 'password': '{password()}'}})"),
    (".env", f"OKX_API_KEY={uuid()}\nOKX_SECRET_KEY={hexs(32, True)}\nOKX_PASSPHRASE={password()}"),
    ("config.ini", f"[okx]\nkey = {uuid()}\nsecret = {hexs(32, True)}\npassphrase = {password()}"),
    ("config.yaml", f"okx:\n  passphrase: \"{password()}\""),
    ("Okx.cs", f"sealed class OkxV5Keys\n{{\n    private const string Passphrase = \"{password()}\";\n}}"),
    ("okx.ipynb", f"# sub-account\nOKX_PASSPHRASE = '{password()}'"),
]:
    case(f, ["okx-api-credential"], c)

for f, c in [
    ("kucoin.py", f"client = Client(  # kucoin\n    key='{hexs(24)}', secret='{uuid()}', passphrase='{password()}')"),
    (".env", f"KUCOIN_API_KEY={hexs(24)}\nKUCOIN_API_SECRET={uuid()}\nKUCOIN_API_PASSPHRASE={password()}"),
    ("config.json", json.dumps({"kucoin": {"key": hexs(24), "secret": uuid(), "passphrase": password()}}, indent=2)),
    ("config.yaml", f"kucoin:\n  passphrase: {password()}"),
    ("Kucoin.cs", f"var kucoin = new KucoinRestClient();\nvar kucoinSecret = \"{uuid()}\";"),
]:
    case(f, ["kucoin-api-credential"], c)

for f, c in [
    ("coinbase.py", f"cb = ccxt.coinbase({{'apiKey': '{rand(ALNUM, 32)}', 'secret': '{b64(64)}'}})"),
    (".env", f"COINBASE_API_KEY={rand(ALNUM, 32)}\nCOINBASE_API_SECRET={b64(64)}\nCOINBASE_PASSPHRASE={password()}"),
    ("config.yaml", f"coinbase:\n  api_secret: \"{b64(64)}\""),
    ("Coinbase.cs", f"public static class CoinbaseExchange\n{{\n    static readonly string Secret = \"{b64(64)}\";\n}}"),
    ("config.ini", f"[coinbase]\npassphrase = {password()}"),
]:
    case(f, ["coinbase-api-credential"], c)

for f, c in [
    ("s3.py", f"boto3.client('s3', aws_access_key_id='{aws_id()}')"),
    (".env", f"AWS_ACCESS_KEY_ID={aws_id()}"),
    ("config.yaml", f"backup:\n  access_key_id: {aws_id()}"),
    ("Backup.cs", f"var creds = new BasicAWSCredentials(\"{aws_id()}\", secretFromVault);"),
    ("config.json", json.dumps({"aws": {"accessKeyId": aws_id()}}, indent=2)),
    ("upload.ipynb", f"import boto3\nkey_id = '{aws_id()}'"),
]:
    case(f, ["aws-access-key-id"], c)

for f, c in [
    ("s3.py", f"aws_secret_access_key = '{b64(30)}'"),
    (".env", f"AWS_SECRET_ACCESS_KEY={b64(30)}"),
    ("config.yaml", f"aws_secret_access_key: {b64(30)}"),
    ("credentials.ini", f"[default]\naws_secret_access_key = {b64(30)}"),
    ("Backup.cs", f"const string AwsSecretKey = \"{b64(30)}\";"),
]:
    case(f, ["aws-secret-access-key"], c)

for f, c in [
    ("ci.py", f"GITHUB_TOKEN = \"ghp_{rand(ALNUM, 36)}\""),
    (".env", f"GH_TOKEN=ghp_{rand(ALNUM, 36)}"),
    ("workflow.yaml", f"env:\n  TOKEN: gho_{rand(ALNUM, 36)}"),
    ("Release.cs", f"client.Credentials = new Credentials(\"ghp_{rand(ALNUM, 36)}\");"),
    ("config.json", json.dumps({"github": {"pat": f"github_pat_{rand(ALNUM, 22)}_{rand(ALNUM, 59)}"}}, indent=2)),
    ("repo.ipynb", f"g = Github('ghs_{rand(ALNUM, 36)}')"),
]:
    case(f, ["github-token"], c)


def slack_hook():
    return f"https://hooks.slack.com/services/T{rand(string.ascii_uppercase + string.digits, 10)}/B{rand(string.ascii_uppercase + string.digits, 10)}/{rand(ALNUM, 24)}"


for f, c in [
    ("alert.py", f"WEBHOOK = \"{slack_hook()}\""),
    (".env", f"SLACK_WEBHOOK_URL={slack_hook()}"),
    ("alerts.yaml", f"slack:\n  webhook: {slack_hook()}"),
    ("Slack.cs", f"await http.PostAsync(\"{slack_hook()}\", body);"),
    ("config.json", json.dumps({"notify": {"slack": slack_hook()}}, indent=2)),
]:
    case(f, ["slack-webhook"], c)

for f, c in [
    ("slackbot.py", f"client = WebClient(token=\"xoxb-{rand(string.digits, 12)}-{rand(string.digits, 13)}-{rand(ALNUM, 24)}\")"),
    (".env", f"SLACK_BOT_TOKEN=xoxb-{rand(string.digits, 11)}-{rand(string.digits, 13)}-{rand(ALNUM, 24)}"),
    ("alerts.yaml", f"slack:\n  token: xoxp-{rand(string.digits, 10)}-{rand(string.digits, 12)}-{rand(string.digits, 12)}-{hexs(32)}"),
    ("Slack.cs", f"var slack = new SlackApiClient(\"xoxb-{rand(string.digits, 12)}-{rand(string.digits, 12)}-{rand(ALNUM, 24)}\");"),
]:
    case(f, ["slack-token"], c)

for f, c in [
    ("exchange_key.pem", pem()),
    ("sign.py", f'PRIVATE_KEY = """{pem()}"""'),
    ("Signer.cs", f'const string Pem = @"{pem()}";'),
    ("config.yaml", "coinbase_cdp:\n  key_name: organizations/x/apiKeys/y\n  private_key: |\n    " + pem().replace("\n", "\n    ")),
    ("config.json", json.dumps({"privateKey": pem()}, indent=2)),
    ("keys.ipynb", f'pem = """{pem()}"""'),
    (".env", "PRIVATE_KEY=\"" + pem().replace("\n", "\\n") + "\""),
]:
    case(f, ["private-key"], c)

for f, c in [
    ("db.py", f"engine = create_engine('postgresql://trader:{password()}@db.internal:5432/trades')"),
    (".env", f"DATABASE_URL=postgres://bot:{password()}@10.0.0.5/bot"),
    ("config.yaml", f"broker:\n  url: amqp://alerts:{password()}@rabbit:5672/"),
    ("Db.cs", f"var cs = \"mongodb://app:{password()}@mongo.internal:27017/fills\";"),
    ("config.json", json.dumps({"redis": f"redis://default:{password()}@cache:6379/0"}, indent=2)),
    ("proxy.ipynb", f"proxies = {{'https': 'http://user1:{password()}@proxy.corp:3128'}}"),
    ("settings.ini", f"[db]\nurl = mysql://root:{password()}@localhost/ohlcv"),
]:
    case(f, ["url-password"], c)

for f, c in [
    ("db.py", "password = \"hunter2\""),
    ("db2.py", f"conn = psycopg2.connect(host='db', user='bot', password='{password()}')"),
    (".env", f"DB_PASSWORD={password()}"),
    ("config.ini", f"[smtp]\nuser = alerts@example.org\npassword = {password()}"),
    ("config.yaml", f"database:\n  user: trader\n  password: \"{password()}\""),
    ("Db.cs", f"var builder = new NpgsqlConnectionStringBuilder {{ Password = \"{password()}\" }};"),
    ("appsettings.json", json.dumps({"Smtp": {"Host": "smtp.example.org", "Password": password()}}, indent=2)),
    ("login.ipynb", f"session.login('trader', pwd='{password()}')"),
]:
    case(f, ["password-assignment"], c)

for f, c in [
    ("client.py", f"api_key = \"{rand(ALNUM, 32)}\""),
    ("client2.py", f"DATA_SECRET_KEY = '{rand(ALNUM, 40)}'"),
    (".env", f"MARKETDATA_API_KEY={rand(ALNUM, 32)}"),
    (".env.local", f"export FINNHUB_TOKEN={rand(string.ascii_lowercase + string.digits, 20)}"),
    ("config.ini", f"[tiingo]\nsecret_key = {rand(ALNUM, 40)}"),
    ("config.yaml", f"data_feed:\n  api_key: \"{rand(ALNUM, 32)}\""),
    ("config.json", json.dumps({"openai": {"apiKey": "sk-" + rand(ALNUM, 48)}}, indent=2)),
    ("Feed.cs", f"private const string ApiSecret = \"{rand(ALNUM, 40)}\";"),
    ("Feed2.cs", f"var options = new FeedOptions {{ ApiKey = \"{rand(ALNUM, 32)}\" }};"),
    ("data.ipynb", f"API_KEY = \"{rand(ALNUM, 32)}\"\ndf = fetch(API_KEY)"),
    ("settings.py", f"SECRET_KEY = '{rand(ALNUM + '!@#%^&*(-_=+)', 50)}'"),
    ("webhook.py", f"WEBHOOK_SECRET = \"{hexs(40)}\""),
]:
    case(f, ["generic-api-secret"], c)

for f, c in [
    ("appsettings.Production.json", json.dumps({"Broker": {"ClientSecret": rand(ALNUM, 48)}}, indent=2)),
    ("secrets.yaml", f"finnhub:\n  token: {rand(ALNUM, 32)}"),
    ("Startup.cs", f"services.AddFeed(o => o.AccessKey = \"{rand(ALNUM, 24)}\");"),
    ("feed.ipynb", f"%env TIINGO_TOKEN={rand(ALNUM, 40)}"),
    ("config.toml.ini", f"[oanda]\naccess_token = {hexs(32)}-{hexs(32)}"),
]:
    case(f, ["generic-api-secret"], c)
for f, c in [
    ("Bot.cs", f"services.AddSingleton(new TelegramBotClient(\"{tg()}\"));"),
    ("bot.yaml", f"bot_token: {tg()}"),
]:
    case(f, ["telegram-bot-token"], c)
for f, c in [
    ("Db.cs", f"optionsBuilder.UseNpgsql(\"Host=db;Username=bot;Password={password()}\");"),
    ("docker-compose.yaml", f"services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: {password()}"),
]:
    case(f, ["password-assignment"], c)
case("both.py", ["telegram-bot-token", "binance-api-credential"], f"TG = '{tg()}'\nBINANCE_KEY = '{rand(ALNUM, 64)}'")

# ---------------------------------------------------------------- positives: practices
for f, c in [
    ("auth.py", "hashed = hashlib.md5(password.encode()).hexdigest()"),
    ("auth2.py", "stored = hashlib.sha1(pwd.encode('utf-8')).hexdigest()"),
    ("auth3.py", "digest = hashlib.sha256(password.encode()).hexdigest()"),
    ("Auth.cs", "var hash = MD5.HashData(Encoding.UTF8.GetBytes(password));"),
    ("Auth2.cs", "using var sha = SHA1.Create(); var h = sha.ComputeHash(Encoding.UTF8.GetBytes(user.Password));"),
    ("users.ipynb", "df['pw_hash'] = df['password'].map(lambda p: hashlib.md5(p.encode()).hexdigest())"),
]:
    case(f, ["weak-password-hash"], c)

for f, c in [
    ("auth.py", "from passlib.hash import bcrypt\nhasher = bcrypt.using(rounds=10)"),
    ("auth2.py", "hashed = bcrypt.hashpw(pw, bcrypt.gensalt(rounds=8))"),
    ("auth3.py", "salt = bcrypt.gensalt(10)"),
    ("Auth.cs", "var hash = BCrypt.Net.BCrypt.HashPassword(password, 10);"),
    ("Auth2.cs", "var hash = BCrypt.HashPassword(password, workFactor: 11);"),
    ("hash.ipynb", "h = bcrypt.hashpw(b'pw', bcrypt.gensalt(rounds=4))"),
]:
    case(f, ["bcrypt-low-cost"], c)

for f, c in [
    ("api.py", "r = requests.get(url, params=params, verify=False)"),
    ("api2.py", "ctx = ssl._create_unverified_context()"),
    ("Http.cs", "handler.ServerCertificateCustomValidationCallback = (msg, cert, chain, errors) => true;"),
    ("Http2.cs", "handler.ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator;"),
    ("ws.py", "ws = websocket.create_connection(url, sslopt={'cert_reqs': ssl.CERT_NONE})"),
    ("fetch.ipynb", "resp = session.post(endpoint, json=order, verify=False)"),
    ("config.yaml", "http:\n  verify = False"),
]:
    case(f, ["tls-verification-disabled"], c)

for f, c in [
    ("client.py", "BASE_URL = 'http://api.binance.com/api/v3'"),
    ("ws.py", "stream = 'ws://stream.binance.com:9443/ws/btcusdt@trade'"),
    ("notify.py", "requests.post('http://api.telegram.org/bot' + token + '/sendMessage', data=msg)"),
    ("Client.cs", "var http = new HttpClient { BaseAddress = new Uri(\"http://api.kraken.com\") };"),
    ("config.yaml", "exchange:\n  rest: http://www.okx.com"),
    ("config.json", json.dumps({"endpoint": "http://api-testnet.bybit.com"}, indent=2)),
    (".env", "COINBASE_URL=http://api.exchange.coinbase.com"),
]:
    case(f, ["insecure-exchange-endpoint"], c)

for f, c in [
    ("debug.py", "print(api_key)"),
    ("debug2.py", "print(f\"using key {api_secret} for signing\")"),
    ("debug3.py", "logger.info(\"token=%s\", bot_token)"),
    ("Debug.cs", "Console.WriteLine($\"Secret: {apiSecret}\");"),
    ("debug.ipynb", "print('password:', password)"),
    ("debug4.py", "logging.debug('config secret ' + config['secret'])"),
]:
    case(f, ["secret-printed"], c)

for f, c in [
    ("notify.py", "bot.send_message(chat_id, f\"Balance: {balance:.2f} USDT\")"),
    ("notify2.py", "await context.bot.send_message(chat_id=CHAT, text=f'PnL today: {pnl}')"),
    ("Notify.cs", "await bot.SendTextMessageAsync(chatId, $\"Filled {order.Quantity} @ {price}, order_id {orderId}\");"),
    ("notify3.py", "update.message.reply_text(f'Equity {equity} / free {free_usdt}')"),
    ("notify.ipynb", "tg.send_message(CHAT_ID, 'Bought %s BTC, amount %s' % (qty, amount))"),
]:
    case(f, ["balance-sent-to-chat"], c)

for f, c in [
    ("tokens.py", "token = ''.join(random.choice(string.ascii_letters) for _ in range(32))"),
    ("tokens2.py", "reset_password = str(random.randint(100000, 999999))"),
    ("Tokens.cs", "var otp = new Random().Next(100000, 999999).ToString(); // otp for login"),
    ("Tokens2.cs", "var sessionToken = Random.Shared.NextInt64().ToString(\"x\");"),
    ("otp.ipynb", "otp = random.randrange(10**6)"),
]:
    case(f, ["insecure-random-secret"], c)

# ---------------------------------------------------------------- positives: the service x file-type matrix (issue 15)
# Every service a trading project touches, written the way each file type writes it; MatrixTests checks the grid is
# complete. Values are random in each service's published shape.
B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
UPPER_DIGITS = string.ascii_uppercase + string.digits
URLSAFE = ALNUM + "_-"
PK_KINDS = ["RSA PRIVATE KEY", "EC PRIVATE KEY", "DSA PRIVATE KEY", "OPENSSH PRIVATE KEY", "PRIVATE KEY",
            "ENCRYPTED PRIVATE KEY", "PGP PRIVATE KEY BLOCK", "SSH2", "PUTTY"]
pk_kind = itertools.count()


def private_key_block(kind=None):
    kind = kind or PK_KINDS[next(pk_kind) % len(PK_KINDS)]
    body = b64(rng.randint(180, 400))
    lines = [body[i:i + 64] for i in range(0, len(body), 64)]
    if kind == "SSH2":
        return "---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----\nComment: \"rsa-key-2024\"\n" + "\n".join(lines) + "\n---- END SSH2 ENCRYPTED PRIVATE KEY ----"
    if kind == "PUTTY":
        return ("PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: deploy\nPublic-Lines: 2\n" + "\n".join(lines[:2])
                + f"\nPrivate-Lines: {len(lines)}\n" + "\n".join(lines) + f"\nPrivate-MAC: {hexs(64)}")
    if kind == "PGP PRIVATE KEY BLOCK":
        return "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n" + "\n".join(lines) + f"\n={b64(3)}\n-----END PGP PRIVATE KEY BLOCK-----"
    if kind == "ENCRYPTED PRIVATE KEY" or kind == "RSA PRIVATE KEY" and rng.random() < 0.3:
        pass
    return f"-----BEGIN {kind}-----\n" + "\n".join(lines) + f"\n-----END {kind}-----"


def discord_token():
    return rng.choice("MNO") + rand(URLSAFE, 25) + "." + rand(URLSAFE, 6) + "." + rand(URLSAFE, 38)


# (rule, service, VAR, section, key, value maker)
SERVICES = [
    ("aws-access-key-id", "aws-key-id", "AWS_ACCESS_KEY_ID", "aws", "access_key_id", lambda: "AKIA" + rand(UPPER_DIGITS, 16)),
    ("aws-secret-access-key", "aws-secret", "AWS_SECRET_ACCESS_KEY", "aws", "secret_access_key", lambda: b64(30)),
    ("gcp-service-account-key", "gcp-service-account", "GCP_PRIVATE_KEY_ID", "gcp", "private_key_id", lambda: hexs(40)),
    ("gcp-api-key", "gcp-api-key", "GOOGLE_API_KEY", "google", "api_key", lambda: "AIza" + rand(URLSAFE, 35)),
    ("azure-storage-key", "azure-storage", "AZURE_STORAGE_KEY", "azure", "storage_key", lambda: b64(64)),
    ("github-token", "github", "GITHUB_TOKEN", "github", "token", lambda: "ghp_" + rand(ALNUM, 36)),
    ("gitlab-token", "gitlab", "GITLAB_TOKEN", "gitlab", "token", lambda: "glpat-" + rand(URLSAFE, 20)),
    ("npm-token", "npm", "NPM_TOKEN", "npm", "token", lambda: "npm_" + rand(ALNUM, 36)),
    ("pypi-token", "pypi", "PYPI_TOKEN", "pypi", "token", lambda: "pypi-AgEIcHlwaS5vcmc" + rand(URLSAFE, 70)),
    ("slack-webhook", "slack-webhook", "SLACK_WEBHOOK_URL", "slack", "webhook_url", slack_hook),
    ("slack-token", "slack-bot", "SLACK_BOT_TOKEN", "slack", "bot_token", lambda: f"xoxb-{rand(string.digits, 12)}-{rand(string.digits, 13)}-{rand(ALNUM, 24)}"),
    ("discord-webhook", "discord-webhook", "DISCORD_WEBHOOK_URL", "discord", "webhook_url",
     lambda: f"https://discord.com/api/webhooks/{rand(string.digits, 19)}/{rand(URLSAFE, 68)}"),
    ("discord-bot-token", "discord-bot", "DISCORD_BOT_TOKEN", "discord", "bot_token", discord_token),
    ("telegram-bot-token", "telegram", "TELEGRAM_BOT_TOKEN", "telegram", "bot_token", tg),
    ("stripe-key", "stripe", "STRIPE_SECRET_KEY", "stripe", "secret_key", lambda: "sk_live_" + rand(ALNUM, 99)),
    ("twilio-credential", "twilio", "TWILIO_API_KEY", "twilio", "api_key", lambda: "SK" + hexs(32)),
    ("sendgrid-api-key", "sendgrid", "SENDGRID_API_KEY", "sendgrid", "api_key", lambda: f"SG.{rand(URLSAFE, 22)}.{rand(URLSAFE, 43)}"),
    ("openai-api-key", "openai", "OPENAI_API_KEY", "openai", "api_key", lambda: f"sk-proj-{rand(URLSAFE, 74)}T3BlbkFJ{rand(URLSAFE, 74)}"),
    ("anthropic-api-key", "anthropic", "ANTHROPIC_API_KEY", "anthropic", "api_key", lambda: f"sk-ant-api03-{rand(URLSAFE, 93)}AA"),
    ("jwt-signing-secret", "jwt", "JWT_SECRET", "auth", "jwt_secret", lambda: rand(ALNUM, 40)),
    ("private-key", "private-key", "PRIVATE_KEY", "signer", "private_key", private_key_block),
    ("url-password", "database-url", "DATABASE_URL", "database", "url",
     lambda: f"{rng.choice(['postgresql', 'mysql', 'mongodb+srv', 'redis', 'amqp'])}://trader:{password()}@db{rng.randint(1, 9)}.internal:5432/trades"),
    ("password-assignment", "database-password", "DB_PASSWORD", "database", "password", password),
    ("binance-api-credential", "binance", "BINANCE_API_SECRET", "binance", "api_secret", lambda: rand(ALNUM, 64)),
    ("coinbase-api-credential", "coinbase", "COINBASE_API_SECRET", "coinbase", "api_secret", lambda: b64(64)),
    ("coinbase-api-credential", "coinbase-cdp", "CDP_API_KEY_SECRET", "cdp_api", "key_secret", lambda: b64(64)),
    ("kraken-api-credential", "kraken", "KRAKEN_PRIVATE_KEY", "kraken", "private_key", lambda: b64(64)),
    ("okx-api-credential", "okx-key", "OKX_API_KEY", "okx", "api_key", uuid),
    ("okx-api-credential", "okx-secret", "OKX_SECRET_KEY", "okx", "secret_key", lambda: hexs(32, True)),
    ("okx-api-credential", "okx-passphrase", "OKX_PASSPHRASE", "okx", "passphrase", password),
    ("bybit-api-credential", "bybit", "BYBIT_API_SECRET", "bybit", "api_secret", lambda: rand(ALNUM, 36)),
    ("kucoin-api-credential", "kucoin", "KUCOIN_API_PASSPHRASE", "kucoin", "passphrase", password),
    ("bitget-api-credential", "bitget", "BITGET_API_SECRET", "bitget", "api_secret", lambda: hexs(64)),
    ("gate-api-credential", "gate", "GATEIO_API_SECRET", "gateio", "api_secret", lambda: hexs(64)),
    ("bitfinex-api-credential", "bitfinex", "BITFINEX_API_SECRET", "bitfinex", "api_secret", lambda: rand(ALNUM, 43)),
    ("gemini-api-credential", "gemini", "GEMINI_API_SECRET", "gemini", "api_secret", lambda: rand(B58, 28)),
    ("alpaca-api-credential", "alpaca", "APCA_API_SECRET_KEY", "alpaca", "secret_key", lambda: rand(ALNUM, 40)),
    ("polygon-api-credential", "polygon", "POLYGON_API_KEY", "polygon", "api_key", lambda: rand(ALNUM, 32)),
]


def camel(name):
    parts = name.lower().split("_")
    return parts[0] + "".join(p.title() for p in parts[1:])


def pascal(name):
    return "".join(p.title() for p in name.lower().split("_"))


def escaped(v):
    return v.replace("\n", "\\n")


def matrix_file(lang, var, section, key, v, form):
    """One assignment of v, in the idiom of lang; form (0/1/2) picks one of the common ways to write it."""
    multi = "\n" in v
    if lang == "py":
        if multi:
            return "x.py", f'{var} = """{v}"""'
        return "x.py", [f'{var} = "{v}"', f"class {pascal(section)}Settings:\n    {key}: str = '{v}'",
                        f"client = connect(\n    {key}=\"{v}\",  # {section}\n)"][form]
    if lang == "cs":
        if multi:
            return "X.cs", f'public static class {pascal(section)}Keys\n{{\n    public const string {pascal(key)} = @"{v}";\n}}'
        return "X.cs", [f'private const string {pascal(var)} = "{v}";',
                        f"public sealed class {pascal(section)}Settings\n{{\n    public string {pascal(key)} {{ get; set; }} = \"{v}\";\n}}",
                        f"var options = new {pascal(section)}Options {{ {pascal(key)} = \"{v}\" }};"][form]
    if lang == "js":
        if multi:
            return "x.js", f"const {camel(var)} = `{v}`;"
        return ["x.js", "x.ts", "x.mjs"][form], [f"const {camel(var)} = '{v}';", f"export const {camel(var)}: string = \"{v}\";",
                                                  f"module.exports = {{\n  {section}: {{\n    {camel(key)}: '{v}',\n  }},\n}};"][form]
    if lang == "go":
        if multi:
            return "x.go", f"package main\n\nconst {camel(var)} = `{v}`"
        return "x.go", [f'package main\n\nconst {camel(var)} = "{v}"',
                        f"package main\n\nvar cfg = {pascal(section)}Config{{\n\t{pascal(key)}: \"{v}\",\n}}",
                        f'func init() {{\n\tos.Setenv("{var}", "{v}")\n}}'][form]
    if lang == "java":
        if multi:
            return "X.java", f'class {pascal(section)}Keys {{\n    static final String {var} = """\n{v}""";\n}}'
        return "X.java", [f'class Keys {{\n    private static final String {var} = "{v}";\n}}',
                          f"public class {pascal(section)}Config {{\n    private String {camel(key)} = \"{v}\";\n}}",
                          f'props.setProperty("{var}", "{v}");'][form]
    if lang == "yaml":
        if multi:
            return "x.yaml", f"{section}:\n  {key}: |\n    " + v.replace("\n", "\n    ")
        return ["x.yaml", "x.yml", "docker-compose.yml"][form], [f"{section}:\n  {key}: {v}", f"{section}:\n  {key}: \"{v}\"",
                                                               f"services:\n  bot:\n    environment:\n      {var}: {v}"][form]
    if lang == "json":
        return "x.json", json.dumps({section: {camel(key): v}} if form != 1 else {var: v}, indent=2)
    if lang == "ini":
        return ["x.ini", "x.cfg", "x.ini"][form], f"[{section}]\n{key} = {escaped(v)}"
    if lang == "env":
        return [".env", ".env.production", ".env"][form], [f"{var}={escaped(v) if not multi else chr(34) + escaped(v) + chr(34)}",
                                                           f"export {var}=\"{escaped(v)}\"", f"{var}='{escaped(v)}'"][form]
    if lang == "toml":
        if multi:
            return "x.toml", f"[{section}]\n{key} = '''\n{v}'''"
        return "x.toml", [f"[{section}]\n{key} = \"{v}\"", f"[tool.bot.{section}]\n{key} = '{v}'", f"{var} = \"{v}\""][form]
    if lang == "docker":
        if multi:
            return "Dockerfile", f"FROM python:3.12-slim\nRUN printf '%s' \"{escaped(v)}\" > /run/key"
        return "Dockerfile", f"FROM python:3.12-slim\n{['ENV', 'ARG', 'ENV'][form]} {var}={v}"
    if lang == "sh":
        if multi:
            return "deploy.sh", f"#!/bin/sh\ncat > key.pem <<'EOF'\n{v}\nEOF"
        return ["deploy.sh", "run.bash", "deploy.sh"][form], [f"#!/bin/sh\nexport {var}='{v}'", f"#!/usr/bin/env bash\n{var}=\"{v}\" python bot.py",
                                                              f"#!/bin/sh\nexport {var}=\"{v}\"\nexec python bot.py"][form]
    if lang == "ipynb":
        if multi:
            return "x.ipynb", f'{var} = """{v}"""'
        return "x.ipynb", [f"{var} = '{v}'", f"os.environ['{var}'] = '{v}'", f"{var} = \"{v}\""][form]
    raise ValueError(lang)


LANGS = ["py", "cs", "js", "go", "java", "yaml", "json", "ini", "env", "toml", "docker", "sh", "ipynb"]
for n, (rule, service, var, section, key, make) in enumerate(SERVICES):
    for m, lang in enumerate(LANGS):
        file, content = matrix_file(lang, var, section, key, make(), (n + m) % 3)
        case(file, [rule], content, service=service, lang=lang)

# every private key kind in a key file and in code
for kind in PK_KINDS:
    case("id_key.pem" if kind not in ("SSH2", "PUTTY") else "deploy.ppk", ["private-key"], private_key_block(kind), service="private-key", lang="key")
    case("keys.py", ["private-key"], f'KEY = """{private_key_block(kind)}"""', service="private-key", lang="py")

# issue 15's misses, each as written in the report
case("OkxSettings.cs", ["okx-api-credential"], f"public sealed class OkxSettings\n{{\n    public string ApiKey {{ get; init; }} = \"{uuid()}\";\n"
     f"    public string SecretKey {{ get; init; }} = \"{hexs(32, True)}\";\n    public string Passphrase {{ get; init; }} = \"{password()}\";\n}}")
case("Startup.cs", ["okx-api-credential"], f"services.AddSingleton(new OkxClientOptions\n{{\n    ApiKey = \"{uuid()}\",\n    Secret = \"{hexs(32, True)}\",\n    Passphrase = \"{password()}\",\n}});")
case("coinbase_bot.py", ["coinbase-api-credential"], f"from coinbase.rest import RESTClient\ncoinbase = RESTClient(api_key=\"organizations/{uuid()}/apiKeys/{uuid()}\", api_secret=\"{b64(64)}\")")
case("db.py", ["password-assignment"], f"DB_PASS = \"{password()}\"\nconn = psycopg2.connect(dbname='trades', user='bot', password=DB_PASS)")
case("db_dsn.py", ["password-assignment"], f"conn = psycopg2.connect(\"dbname=trades user=bot password={password()} host=db.internal\")")
case("settings.py", ["password-assignment"], f"class Settings(BaseSettings):\n    db_password: str = \"{password()}\"")
case("hooks.py", ["generic-api-secret"], f"class Hooks:\n    webhook_secret: str = \"{rand(ALNUM, 32)}\"")
case("hooks2.py", ["generic-api-secret"], f"WEBHOOK_SIGNING_KEY = '{rand(ALNUM, 32)}'")
case("stripe_hook.py", ["stripe-key"], f"endpoint_secret = 'whsec_{rand(ALNUM, 32)}'")
case("aws.py", ["aws-access-key-id", "aws-secret-access-key"], f"s3 = boto3.client('s3', aws_access_key_id='AKIA{rand(UPPER_DIGITS, 16)}',\n    aws_secret_access_key='{b64(30)}')")
case("Aws.cs", ["aws-access-key-id", "aws-secret-access-key"], f"var creds = new BasicAWSCredentials(\"AKIA{rand(UPPER_DIGITS, 16)}\", \"{b64(30)}\");")
case("credentials", ["aws-access-key-id", "aws-secret-access-key"], f"[default]\naws_access_key_id = ASIA{rand(UPPER_DIGITS, 16)}\naws_secret_access_key = {b64(30)}")
case("service-account.json", ["gcp-service-account-key", "private-key"], json.dumps({
    "type": "service_account", "project_id": "trading-1", "private_key_id": hexs(40),
    "private_key": private_key_block("PRIVATE KEY") + "\n", "client_email": "bot@trading-1.iam.gserviceaccount.com"}, indent=2))
case("azure.py", ["azure-storage-key"], f"conn = 'DefaultEndpointsProtocol=https;AccountName=ticks;AccountKey={b64(64)};EndpointSuffix=core.windows.net'")
case("jwt_auth.py", ["jwt-signing-secret"], f"token = jwt.encode(payload, \"{rand(ALNUM, 32)}\", algorithm=\"HS256\")")
case("Jwt.cs", ["jwt-signing-secret"], f"var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(\"{rand(ALNUM, 40)}\"));")
case("jwt.js", ["jwt-signing-secret"], f"const token = jwt.sign({{ sub: user.id }}, '{rand(ALNUM, 32)}', {{ expiresIn: '1h' }});")

# insecure randomness used to make a secret: every common form
for f, c in [
    ("tok1.py", "def make_token(n=32):\n    return ''.join(random.choice(ALPHABET) for _ in range(n))"),
    ("tok2.py", "api_key = ''.join(random.choices(string.ascii_letters + string.digits, k=40))"),
    ("tok3.py", "nonce = random.getrandbits(64)"),
    ("tok4.py", "salt = str(random.random())[2:]"),
    ("tok5.py", "session_id = np.random.randint(0, 2**31)"),
    ("tok6.py", "def new_reset_token():\n    rng = random.Random()\n    return '%032x' % rng.getrandbits(128)"),
    ("tok7.py", "csrf = str(uuid.uuid1())  # csrf token"),
    ("tok8.py", "otp = ''.join(str(d) for d in random.sample(range(10), 6))"),
    ("Tok1.cs", "public static string NewApiKey()\n{\n    var rng = new Random();\n    return string.Concat(Enumerable.Range(0, 32).Select(_ => Alphabet[rng.Next(Alphabet.Length)]));\n}"),
    ("Tok2.cs", "var password = Random.Shared.Next(100000, 999999).ToString();"),
    ("tok.js", "const sessionToken = Math.random().toString(36).slice(2);"),
    ("tok.ts", "export function makeSecret(): string {\n  return Math.random().toString(36).substring(2, 15);\n}"),
    ("Tok.java", "String otp = String.valueOf(new Random().nextInt(900000) + 100000);"),
    ("Tok2.java", "long nonce = ThreadLocalRandom.current().nextLong();"),
    ("tok.go", "func newToken() string {\n\treturn strconv.FormatInt(rand.Int63(), 36)\n}"),
    ("tok2.go", "pin := fmt.Sprintf(\"%06d\", rand.Intn(1000000)) // otp"),
]:
    case(f, ["insecure-random-secret"], c)

positives = len(cases)

# ---------------------------------------------------------------- negatives: placeholders and references
neg = [
    ("config.ini", "[binance]\napi_key = your_actual_api_key\napi_secret = your_actual_api_secret"),
    ("bot.py", "BOT_TOKEN = 'YOUR_BOT_TOKEN'\nbot = telebot.TeleBot(BOT_TOKEN)"),
    ("bot2.py", "BOT_TOKEN = os.getenv('BOT_TOKEN')"),
    ("bot3.py", "api_key = os.environ[\"BINANCE_API_KEY\"]"),
    ("bot4.py", "api_secret = os.environ.get('BINANCE_API_SECRET', '')"),
    ("Program.cs", "var token = Environment.GetEnvironmentVariable(\"TELEGRAM_BOT_TOKEN\");"),
    ("Program2.cs", "var apiKey = configuration[\"Binance:ApiKey\"];"),
    ("config.yaml", "binance:\n  api_key: ${BINANCE_API_KEY}\n  api_secret: ${BINANCE_API_SECRET}"),
    ("config2.yaml", "api_secret: ${BINANCE_API_SECRET}"),
    ("config3.yaml", "telegram:\n  token: vault://telegram/bot_token"),
    ("config.json", json.dumps({"binance": {"apiKey": "vault://binance/api_key", "secret": "vault://binance/api_secret"}}, indent=2)),
    ("config2.json", json.dumps({"apiKey": "<your api key>", "secret": "<your secret>"}, indent=2)),
    (".env.example", "BINANCE_API_KEY=\nBINANCE_API_SECRET=\nTELEGRAM_BOT_TOKEN="),
    (".env", "DB_PASSWORD=changeme123"),
    (".env.sample", "API_KEY=xxxxxxxxxxxxxxxxxxxxxxxx\nAPI_SECRET=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"),
    ("settings.ini", "[telegram]\ntoken = <YOUR_TELEGRAM_TOKEN>"),
    ("settings2.ini", "[db]\npassword = %(DB_PASSWORD)s"),
    ("config4.yaml", "password: \"{{ vault_db_password }}\""),
    ("keys.py", "API_KEY = \"REPLACE_WITH_YOUR_KEY\""),
    ("keys2.py", "api_key = 'changeme'\napi_secret = 'changeme'"),
    ("Keys.cs", "const string ApiKey = \"***\";"),
    ("Keys2.cs", "public string ApiSecret { get; set; } = string.Empty;"),
    ("setup.ipynb", "import os\nAPI_KEY = os.environ['API_KEY']"),
    ("setup2.ipynb", "TOKEN = getpass.getpass('Bot token: ')"),
    ("readme_snippet.py", "# enter your username/password combination below\nusername = input('user: ')"),
    ("ui.json", json.dumps([{"key": "ctrl+shift+down", "command": "editor.action.copyLinesDownAction"}], indent=2)),
    ("pay.js.json", json.dumps({"tokenizationId": "f865288c97ca4913887373728b8dfc4c"}, indent=2)),
    ("pay.yaml", "tokenizationId: 'f865288c97ca4913887373728b8dfc4c'"),
    ("config5.yaml", "api_key: BINANCE_API_KEY_FROM_ENV"),
    ("client.py", "client = Client(api_key=api_key, api_secret=api_secret)"),
    ("client2.py", "secret = base64.b64decode(encoded_secret)"),
    ("client3.py", "token = response.json()['access_token']"),
    ("client4.py", "password = getpass.getpass()"),
    ("client5.py", "api_key = settings.binance.api_key"),
    ("Client.cs", "var secret = await vault.GetSecretAsync(\"binance\", \"api_secret\");"),
    ("Client2.cs", "string password = ReadPassword();"),
    ("form.py", "password_label = \"Enter your password\""),
    ("form2.py", "PASSWORD_MIN_LENGTH = 12\npassword_field = 'password'"),
    ("form.json", json.dumps({"password": "", "token": None}, indent=2)),
    ("docs.yaml", "# token: the bot token from @BotFather\n# secret: your exchange secret"),
    ("db.py", "engine = create_engine(f'postgresql://{user}:{password}@{host}/trades')"),
    ("db2.py", "DATABASE_URL = 'postgresql://user:password@localhost/db'"),
    (".env.dev", "DATABASE_URL=postgres://postgres:postgres@localhost:5432/dev"),
    ("amqp.yaml", "broker: amqp://guest:guest@localhost:5672//"),
    ("git.ini", "[remote \"origin\"]\nurl = git@github.com:trader/bot.git"),
    ("Links.cs", "var docs = \"https://user@example.org/docs\";"),
    ("pem.py", "KEY = '''-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----'''"),
    ("pem2.yaml", "private_key: |\n  -----BEGIN RSA PRIVATE KEY-----\n  <paste your key here>\n  -----END RSA PRIVATE KEY-----"),
    ("pub.pem", "-----BEGIN PUBLIC KEY-----\n" + b64(91) + "\n-----END PUBLIC KEY-----"),
    ("cert.pem", "-----BEGIN CERTIFICATE-----\n" + "\n".join(b64(48) for _ in range(6)) + "\n-----END CERTIFICATE-----"),
    ("slack.yaml", "webhook: https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX"),
    ("aws.py", "aws_access_key_id = 'AKIAXXXXXXXXXXXXXXXX'"),
    ("gh.py", "GITHUB_TOKEN = 'ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'"),
    ("tg.env", "TELEGRAM_BOT_TOKEN=123456789:AAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"),
]
for f, c in neg:
    case(f, [], c)

# near-misses: hashes, UUIDs, base64 images, test vectors, ids, prose
near = [
    ("checksums.py", f"EXPECTED_SHA256 = \"{hexs(64)}\""),
    ("checksums.json", json.dumps({"ohlcv_2024.csv": {"sha256": hexs(64)}}, indent=2)),
    ("lock.json", json.dumps({"packages": {"node_modules/ws": {"version": "8.16.0", "integrity": "sha512-" + b64(64)}}}, indent=2)),
    ("binance_tx.py", f"# binance deposit\ntx_hash = '0x{hexs(64)}'"),
    ("binance_hash.py", f"binance_checksum = \"{hexs(64)}\""),
    ("ids.py", f"request_id = '{uuid()}'\ncorrelation_id = \"{uuid()}\""),
    ("ids.cs", f"var orderId = Guid.Parse(\"{uuid()}\");"),
    ("ids.yaml", f"run_id: {uuid()}\ncommit: {hexs(40)}"),
    ("image.json", json.dumps({"logo": "data:image/png;base64," + b64(300)}, indent=2)),
    ("image.ipynb", "from IPython.display import Image\nlogo = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='"),
    ("vectors.py", "# RFC 4231 test case 1\nkey = bytes.fromhex('0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b')\nexpected = 'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7'"),
    ("vectors.json", json.dumps({"rfc6238": [{"time": 59, "totp": "94287082", "mode": "SHA1"}]}, indent=2)),
    ("Vectors.cs", "// NIST SHA-256 \"abc\"\nconst string Expected = \"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\";"),
    ("git.txt", f"commit {hexs(40)}\nAuthor: Trader <t@example.org>"),
    ("telegram_ids.py", "CHAT_ID = -1001234567890\nUSER_ID = 987654321"),
    ("time.py", "schedule = '12345:Asia/Tokyo'"),
    ("arn.yaml", "topic: arn:aws:sns:aaa:111122223333:aaaaaaaaaaaaaaaaaaassssssddddddddddddd"),
    ("xsd.xml.yaml", "type: \"clm54332:AgencyIdentificationCodeContentType\""),
    ("tg_foo.py", "value = 'foo:AAH1bjqpKKW3maRSPAxzIU-0v6xNuq2-NjM'"),
    ("tg_short.py", "ref = '1234:AAH1bjqpKKW3maRSPAxzIU-0v6xNuq2-NjM'"),
    ("tg_long.py", f"ref = '12345678901234567:AA{rand(ALNUM, 33)}'"),
    ("tg_suffix.py", f"ref = '123456789:AA{rand(ALNUM, 33)}EXTRA'"),
    ("keys_names.py", "KEY_BINDINGS = {'key': 'ctrl+s', 'secret_menu': 'F12'}"),
    ("cache.py", f"cache_key = 'ohlcv:{hexs(32)}'"),
    ("tokenizer.py", "tokens = tokenizer.tokenize(text)\ntoken_count = len(tokens)"),
    ("secretary.py", "secretary = 'Alice Smith'"),
    ("pwhash.py", "password_hash = '$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG'"),
    ("pwhash.cs", "public string PasswordHash { get; set; } = \"$2b$12$GhvMmNVjRW29ulnudl.LbuAnUtN/LRfe1JsBm1Xu6LE3059z5Tr8m\";"),
    ("prose.yaml", "description: The token bucket refills at 10 tokens per second; the secret to low latency is colocation."),
    ("prose.json", json.dumps({"help": "Your API key is shown once. Keep the secret safe; rotate your password often."}, indent=2)),
    ("prose.py", "\"\"\"Pass the api_key and secret to Client(); never commit them.\"\"\""),
    ("chart.json", json.dumps({"series": [{"name": "BTCUSDT", "data": [[1700000000, 37000.5]]}]}, indent=2)),
    ("ohlcv.yaml", "symbol: ORCL\ninterval: 1d\nsource: yahoo"),
    ("strategy.py", "fast = ta.sma(close, 10)\nslow = ta.sma(close, 50)\nif fast > slow: broker.buy(size=1)"),
    ("Strategy.cs", "public override void OnBar(Bar bar) { if (bar.Close > _sma.Value) Submit(Order.Buy(\"ORCL\", 10m)); }"),
    ("ws.py", "WS = 'wss://stream.binance.com:9443/ws'"),
    ("rest.py", "BASE = 'https://api.binance.com/api/v3'"),
    ("local.py", "BASE = 'http://localhost:8080/api'\nTG = 'http://127.0.0.1:8081/bot'"),
    ("docs_link.py", "# see http://example.org/how-to-use-binance"),
    ("verify.py", "r = requests.get(url, verify=True)\nverify_ssl = config.verify"),
    ("Http.cs", "handler.ServerCertificateCustomValidationCallback = (m, c, ch, e) => e == SslPolicyErrors.None;"),
    ("hash_file.py", "digest = hashlib.sha256(open(path, 'rb').read()).hexdigest()"),
    ("hash_file.cs", "var etag = Convert.ToHexString(MD5.HashData(fileBytes));"),
    ("bcrypt_ok.py", "hasher = bcrypt.using(rounds=12)"),
    ("Bcrypt.cs", "var hash = BCrypt.Net.BCrypt.HashPassword(password, 13);"),
    ("print_ok.py", "print(\"Enter your API key:\")\nprint(f\"key: {mask(api_key)}\")"),
    ("print_ok2.py", "print(f'{api_key[:4]}...')\nlogger.info('token refreshed')"),
    ("Print.cs", "Console.WriteLine(\"ApiKey loaded from vault\");"),
    ("chat_ok.py", "bot.send_message(chat_id, 'Buy order executed · ORCL · paper')"),
    ("Chat.cs", "await bot.SendTextMessageAsync(chatId, \"Daily report is ready\");"),
    ("rand_ok.py", "token = secrets.token_urlsafe(32)\nsymbol = random.choice(symbols)"),
    ("Rand.cs", "var jitter = Random.Shared.Next(0, 250); // backoff"),
    ("seed.ipynb", "np.random.seed(42)\nsample = random.sample(bars, 100)"),
    ("notebook_out.ipynb", "df.describe()"),
    ("dotenv_comment.env", "# API_KEY=put it in the vault, not here\nLOG_LEVEL=info"),
    ("kraken_ok.yaml", "kraken:\n  pairs: [XBTUSD, ETHUSD]\n  api_key: vault://kraken/api_key"),
    ("okx_ok.py", "okx = ccxt.okx({'apiKey': os.environ['OKX_KEY'], 'secret': os.environ['OKX_SECRET'], 'password': os.environ['OKX_PASS']})"),
    ("bybit_ok.py", "# bybit\nsession = HTTP(api_key=cfg.key, api_secret=cfg.secret)"),
    ("coinbase_ok.yaml", "coinbase:\n  product_ids: [BTC-USD]\n  channel: level2"),
    ("kucoin_ok.json", json.dumps({"kucoin": {"symbols": ["BTC-USDT"], "passphrase": "${KUCOIN_PASSPHRASE}"}}, indent=2)),
    ("aws_region.yaml", "aws:\n  region: eu-west-1\n  bucket: ohlcv-archive"),
    ("ASIA.md.py", "REGIONS = ['ASIA', 'EUROPE', 'AMERICAS']\nasia_session_open = '00:00'"),
    ("uuid_token.json", json.dumps({"sessionTokenId": uuid(), "requestToken": None}, indent=2)),
    ("sha_names.yaml", f"artifacts:\n  - name: model.bin\n    md5: {hexs(32)}"),
    ("jwt_doc.py", "# Authorization: Bearer <token>"),
    ("Allowlisted.cs", f"const string TestKey = \"{rand(ALNUM, 40)}\"; // tradeguard:allow generic-api-secret"),
    ("allowlisted.py", f"BOT_TOKEN = '{tg()}'  # tradeguard:allow telegram-bot-token"),
]
for f, c in near:
    case(f, [], c)

more_near = [
    ("lint.yaml", "rules:\n  no-secrets: error\n  max-line-length: 120"),
    ("ci.yaml", "steps:\n  - run: tradeguard scan . --format sarif --output scan.sarif"),
    ("docker-compose2.yaml", "services:\n  db:\n    environment:\n      POSTGRES_PASSWORD_FILE: /run/secrets/db_password"),
    ("k8s.yaml", "env:\n  - name: API_KEY\n    valueFrom:\n      secretKeyRef: {name: binance, key: api_key}"),
    ("appsettings.json", json.dumps({"Logging": {"LogLevel": {"Default": "Information"}}, "Vault": {"Path": "~/.tradeguard/vault"}}, indent=2)),
    ("Options.cs", "public sealed class BinanceOptions { public string ApiKey { get; init; } = \"\"; public string Secret { get; init; } = \"\"; }"),
    ("Options2.cs", "[Required] public string Token { get; set; } = default!;"),
    ("args.py", "parser.add_argument('--api-key', help='API key (read from the vault if omitted)')"),
    ("test_fake.py", "client = FakeClient(api_key='test', api_secret='test')"),
    ("mock.py", "monkeypatch.setenv('BINANCE_API_KEY', 'dummy-key-for-tests')"),
    ("const.py", "TOKEN_URL = 'https://api.example.org/oauth/token'\nSECRET_NAME = 'binance/api_secret'"),
    ("env_names.env", "SECRET_KEY_FILE=/run/secrets/app_key\nAPI_TOKEN_PATH=/etc/bot/token"),
    ("paths.ini", "[paths]\nprivate_key = ~/.ssh/id_ed25519\ntoken_file = /var/lib/bot/token"),
    ("semver.json", json.dumps({"name": "bot", "version": "1.2.3", "secretlint": {"version": "13.0.6"}}, indent=2)),
    ("regex.py", "TOKEN_RE = re.compile(r'[0-9]{8,10}:[A-Za-z0-9_-]{35}')"),
    ("colors.yaml", "theme:\n  key_color: '#ff8800'\n  secret_color: '#00ff88'"),
    ("Hmac.cs", "using var hmac = new HMACSHA256(secretBytes); // key bytes come from the vault"),
    ("sign.py", "signature = hmac.new(secret.encode(), query.encode(), hashlib.sha256).hexdigest()"),
    ("nb_md.ipynb", "# Set BINANCE_API_KEY in your environment before running\nimport os"),
    ("bars.json", json.dumps([{"t": "2024-01-02", "o": 187.15, "h": 188.44, "l": 183.89, "c": 185.64, "v": 82488700}], indent=1)),
    ("uuid_env.env", f"INSTANCE_ID={uuid()}\nRUN_UUID={uuid()}"),
    ("b64.yaml", f"icon: {b64(120)}"),
    ("hex.ini", f"[build]\ncommit = {hexs(40)}\ntree = {hexs(40)}"),
    ("placeholder.cs", "const string BotToken = \"<BOT_TOKEN>\";"),
    ("placeholder.json", json.dumps({"telegram": {"token": "YOUR_BOT_TOKEN", "chat_id": "YOUR_CHAT_ID"}}, indent=2)),
    ("placeholder.ipynb", "api_key = 'your_actual_api_key'\napi_secret = 'your_actual_api_secret'"),
]
for f, c in more_near:
    case(f, [], c)

# documentation examples: reported as examples, never as leaks (sources in Corpus/README.md)
examples = [
    (".env.example", ["telegram-bot-token#example"], "TELEGRAM_BOT_TOKEN=123456:" + "ABC-DEF1234ghIkl-zyx57W2v1u123ew11"),
    ("README.py", ["telegram-bot-token#example"], "# e.g. TOKEN = '123456:" + "ABC-DEF1234ghIkl-zyx57W2v1u123ew11'"),
    ("binance_doc.py", ["binance-api-credential#example"], "# binance docs\nbinance_api_key = \"vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A\""),
    ("binance_doc.env", ["binance-api-credential#example"], "BINANCE_API_SECRET=NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j"),
    ("kraken_doc.py", ["kraken-api-credential#example"], "kraken_private_key = \"kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg==\""),
    ("aws_doc.ini", ["aws-access-key-id#example", "aws-secret-access-key#example"], "[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
]
for f, labels, c in examples:
    case(f, labels, c)

# ---------------------------------------------------------------- hard negatives, generated (issue 15)
def pem_public(label="PUBLIC KEY"):
    body = b64(rng.choice([91, 294, 44]))
    return f"-----BEGIN {label}-----\n" + "\n".join(body[i:i + 64] for i in range(0, len(body), 64)) + f"\n-----END {label}-----"


EXCHANGES = ["binance", "kraken", "okx", "bybit", "kucoin", "coinbase", "bitget", "gateio", "bitfinex", "gemini", "alpaca", "polygon"]
PLACEHOLDER_FORMS = [
    lambda var, key: f"your_{key}_here", lambda var, key: f"<{var}>", lambda var, key: "${" + var + "}",
    lambda var, key: "{{ " + key + " }}", lambda var, key: f"vault://{key.split('_')[0]}/{key}",
    lambda var, key: "x" * 32, lambda var, key: "*" * 12, lambda var, key: "changeme", lambda var, key: f"REPLACE_WITH_{var}",
    lambda var, key: f"%({key})s", lambda var, key: "...",
]
REFERENCE_FORMS = {
    "py": lambda var, section, key: f"{key} = os.environ[\"{var}\"]",
    "py2": lambda var, section, key: f"{key} = os.getenv('{var}')",
    "py3": lambda var, section, key: f"{key} = settings.{section}.{key}",
    "cs": lambda var, section, key: f"var {camel(key)} = Environment.GetEnvironmentVariable(\"{var}\");",
    "cs2": lambda var, section, key: f"var {camel(key)} = configuration[\"{pascal(section)}:{pascal(key)}\"];",
    "js": lambda var, section, key: f"const {camel(key)} = process.env.{var};",
    "go": lambda var, section, key: f"{camel(key)} := os.Getenv(\"{var}\")",
    "java": lambda var, section, key: f"String {camel(key)} = System.getenv(\"{var}\");",
    "yaml": lambda var, section, key: f"{section}:\n  {key}: ${{{var}}}",
    "docker": lambda var, section, key: f"FROM python:3.12-slim\nARG {var}\nENV {var}=${{{var}}}",
    "sh": lambda var, section, key: f"#!/bin/sh\nexport {var}=\"$(tradeguard vault get {section} {key})\"",
}
n_ref = 0
for rule, service, var, section, key, make in SERVICES:
    for lang in ["yaml", "env", "json", "toml"]:
        value = PLACEHOLDER_FORMS[n_ref % len(PLACEHOLDER_FORMS)](var, key)
        n_ref += 1
        file, content = matrix_file(lang, var, section, key, value, 0)
        case(file, [], content, targets=rule)
    kind = list(REFERENCE_FORMS)[n_ref % len(REFERENCE_FORMS)]
    n_ref += 1
    case({"py": "r.py", "py2": "r.py", "py3": "r.py", "cs": "R.cs", "cs2": "R.cs", "js": "r.js", "go": "r.go", "java": "R.java",
          "yaml": "r.yaml", "docker": "Dockerfile", "sh": "r.sh"}[kind], [], REFERENCE_FORMS[kind](var, section, key), targets=rule)

# documentation examples, graded the same (info, example) in every file type
DOC_EXAMPLES = [
    ("telegram-bot-token", "TELEGRAM_BOT_TOKEN", "telegram", "bot_token", "123456:" + "ABC-DEF1234ghIkl-zyx57W2v1u123ew11"),
    ("binance-api-credential", "BINANCE_API_KEY", "binance", "api_key", "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A"),
    ("aws-access-key-id", "AWS_ACCESS_KEY_ID", "aws", "access_key_id", "AKIAIOSFODNN7EXAMPLE"),
]
for rule, var, section, key, value in DOC_EXAMPLES:
    for m, lang in enumerate(LANGS):
        file, content = matrix_file(lang, var, section, key, value, m % 3)
        case(file, [rule + "#example"], content, targets=rule)

# public keys and certificates, also right under an exchange's name (issue 15: read as a Binance credential)
for ex in EXCHANGES:
    case("register.md", [], f"Register this public key in {ex.title()} API Management:\n\n{pem_public()}\n", targets=f"{ex}-api-credential" if ex != "gateio" else "gate-api-credential")
    case("keys.py", [], f"# Register this public key in {ex.title()} API Management:\nPUBLIC_KEY = \"\"\"{pem_public()}\"\"\"", targets="private-key")
    case("exchange.yaml", [], f"{ex}:\n  public_key: |\n    " + pem_public().replace("\n", "\n    "), targets=f"{ex}-api-credential" if ex != "gateio" else "gate-api-credential")
    case("exchange.json", [], json.dumps({ex: {"publicKey": b64(32), "keyType": "Ed25519"}}, indent=2))
for label in ["CERTIFICATE", "PGP PUBLIC KEY BLOCK", "RSA PUBLIC KEY", "CERTIFICATE REQUEST", "X509 CRL"]:
    case("cert.pem", [], pem_public(label), targets="private-key")
for _ in range(6):
    case("authorized_keys", [], f"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI{b64(32)[:43]} deploy@bot\nssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ{b64(256)} ci@runner")

# lockfile and integrity hashes, also under packages named after exchanges (issue 15: read as a Kraken credential)
for ex in EXCHANGES:
    case("package-lock.json", [], json.dumps({"packages": {f"node_modules/{ex}-api": {"version": "1.4.2",
         "resolved": f"https://registry.npmjs.org/{ex}-api/-/{ex}-api-1.4.2.tgz", "integrity": "sha512-" + b64(64)}}}, indent=2),
         targets=f"{ex}-api-credential" if ex != "gateio" else "gate-api-credential")
    case("yarn.lock", [], f"\"{ex}-api@^1.4.0\":\n  version \"1.4.2\"\n  resolved \"https://registry.yarnpkg.com/{ex}-api/-/{ex}-api-1.4.2.tgz#{hexs(40)}\"\n  integrity sha512-{b64(64)}")
    case("pnpm-lock.yaml", [], f"packages:\n  /{ex}-api@1.4.2:\n    resolution: {{integrity: sha512-{b64(64)}}}")
    case("poetry.lock", [], f"[[package]]\nname = \"{ex}-connector\"\nversion = \"2.0.1\"\nfiles = [\n    {{file = \"{ex}_connector-2.0.1.tar.gz\", hash = \"sha256:{hexs(64)}\"}},\n]")
    case("index.html", [], f"<script src=\"https://cdn.example.org/{ex}.min.js\" integrity=\"sha384-{b64(48)}\" crossorigin=\"anonymous\"></script>")
for _ in range(8):
    case("go.sum", [], f"github.com/adshao/go-binance/v2 v2.4.5 h1:{b64(32)}\ngithub.com/adshao/go-binance/v2 v2.4.5/go.mod h1:{b64(32)}")
    case("Pipfile.lock", [], json.dumps({"default": {"python-binance": {"hashes": ["sha256:" + hexs(64), "sha256:" + hexs(64)], "version": "==1.0.19"}}}, indent=2))

# hashes, commit ids, UUIDs and identifiers next to credential-ish names and in exchange scope
for ex in EXCHANGES:
    case("checks.yaml", [], f"{ex}:\n  checksum: {hexs(64)}\n  commit: {hexs(40)}\n  request_id: {uuid()}")
    case("state.json", [], json.dumps({ex: {"orderId": rng.randint(10**9, 10**10), "clientOrderId": uuid(), "sha256": hexs(64), "etag": hexs(32)}}, indent=2))
    case("tx.py", [], f"{ex}_tx_hash = '0x{hexs(64)}'\n{ex}_run_id = \"{uuid()}\"")
for _ in range(10):
    case("build.ini", [], f"[build]\ncommit = {hexs(40)}\ntree = {hexs(40)}\nsha256 = {hexs(64)}")
    case("release.env", [], f"GIT_COMMIT={hexs(40)}\nBUILD_SHA256={hexs(64)}\nINSTANCE_ID={uuid()}")
    case("Fills.cs", [], f"var fill = new Fill {{ OrderId = Guid.Parse(\"{uuid()}\"), TradeId = {rng.randint(10**6, 10**9)} }};")

# base64 images and minified JS
for _ in range(12):
    case("logo.json", [], json.dumps({"logo": "data:image/png;base64," + b64(rng.randint(200, 600))}, indent=2))
    case("style.css", [], f".brand {{ background: url(data:image/svg+xml;base64,{b64(rng.randint(100, 300))}); }}")
    case("chart.ipynb", [], "from IPython.display import Image\nImage(data=base64.b64decode('" + b64(rng.randint(150, 300)) + "'))")


def minified():
    ids = [rand(string.ascii_lowercase, 1) for _ in range(40)]
    parts = []
    for _ in range(rng.randint(30, 80)):
        a, b, c = rng.sample(ids, 3)
        parts.append(rng.choice([f"var {a}={b}.apiKey||{c}.key",
                                 f"function {a}({b}){{return {b}.secret?{c}({b}.secret):null}}",
                                 f"{a}.token={b}.token||\"\"", f"{a}[\"{hexs(8)}\"]={b}",
                                 f"{a}=\"{rand(ALNUM, rng.randint(4, 12))}\"",
                                 f"if({a}.password!=={b}.password){c}()",
                                 f"{a}.binance=new {b}({{apiKey:{c}.k,secret:{c}.s}})"]))
    return ";".join(parts) + f"\n//# sourceMappingURL=data:application/json;base64,{b64(120)}"


for _ in range(20):
    case("bundle.min.js", [], minified())

# test fixtures and masked prints
FIXTURES = [
    lambda: f"client = FakeExchange(api_key=\"test\", api_secret=\"test\")",
    lambda: f"monkeypatch.setenv('BINANCE_API_SECRET', 'dummy-secret-for-tests')",
    lambda: f"@pytest.fixture\ndef creds():\n    return {{'apiKey': 'fake-key', 'secret': 'fake-secret', 'password': 'fake-pass'}}",
    lambda: f"var client = new FakeOkxClient(apiKey: \"test-key\", secret: \"test-secret\", passphrase: \"test-pass\");",
    lambda: f"const mock = {{ token: 'mock-token', secret: 'mock-secret' }};",
    lambda: f"password = \"password\"",
    lambda: f"DB_PASSWORD: example",
    lambda: f"api_key: sample_api_key",
]
for i in range(40):
    case(["tests/test_client.py", "tests/ClientTests.cs", "tests/client.test.ts", "tests/fixtures.yaml"][i % 4], [], FIXTURES[i % len(FIXTURES)]())
MASKED = [
    lambda: f"print(f\"api key: {{api_key[:4]}}…{{api_key[-4:]}}\")",
    lambda: f"INFO loaded BINANCE_API_KEY={rand(ALNUM, 4)}…{rand(ALNUM, 4)}",
    lambda: f"api_secret: \"****************{rand(ALNUM, 4)}\"",
    lambda: json.dumps({"okx": {"apiKey": rand(ALNUM, 4) + "..." + rand(ALNUM, 4), "passphrase": "••••••••"}}, indent=2),
    lambda: f"logger.info('token %s', mask(token))",
    lambda: f"Console.WriteLine($\"key {{SecretMask.Mask(apiKey)}}\");",
    lambda: f"TELEGRAM_BOT_TOKEN=123456789:AA{'*' * 33}",
    lambda: f"secret = '{rand(ALNUM, 4)}{'x' * 28}'",
]
for i in range(40):
    case(["log.txt", "debug.py", "config.yaml", "settings.json", "bot.log", "Program.cs", ".env.masked", "notes.py"][i % 8], [], MASKED[i % len(MASKED)](), targets="generic-api-secret")

# Rules added for gitleaks' own rule tests (GitleaksRuleTests): JWTs, Entra ID client secrets, Bedrock API keys. At the
# end of the file so the random values of every case above stay as they were.
URLSAFE_CHARS = ALNUM + "-_"


def b64url(obj):
    return base64.urlsafe_b64encode(json.dumps(obj, separators=(",", ":")).encode()).decode().rstrip("=")


def jwt():
    claims = {"sub": uuid(), "role": rng.choice(["service_role", "trader", "admin"]), "iat": rng.randint(1.6e9, 1.8e9)}
    return f"{b64url({'alg': 'HS256', 'typ': 'JWT'})}.{b64url(claims)}.{rand(URLSAFE_CHARS, 43)}"


def entra_secret():
    return f"{rand(ALNUM + '_~.', 3)}{rng.randint(0, 9)}Q~{rand(ALNUM + '_~.-', 34)}"


def bedrock_key():
    return "ABSK" + base64.b64encode(b"BedrockAPIKey-" + rand(ALNUM, 20).encode() + b":" + rand(B64, 60).encode()).decode()


for f, c in [
    (".env", f"SUPABASE_SERVICE_ROLE_KEY={jwt()}"),
    ("session.py", f"HEADERS = {{\"Authorization\": \"Bearer {jwt()}\"}}"),
    ("config.json", json.dumps({"broker": {"access_token": jwt()}}, indent=2)),
]:
    case(f, ["jwt"], c)
for f, c in [
    (".env", f"AZURE_CLIENT_SECRET={entra_secret()}"),
    ("appsettings.json", json.dumps({"AzureAd": {"ClientSecret": entra_secret()}}, indent=2)),
    ("auth.py", f"credential = ClientSecretCredential(tenant, client_id, \"{entra_secret()}\")"),
]:
    case(f, ["azure-ad-client-secret"], c)
for f, c in [
    (".env", f"AWS_BEARER_TOKEN_BEDROCK={bedrock_key()}"),
    ("llm.py", f"os.environ.setdefault(\"AWS_BEARER_TOKEN_BEDROCK\", \"{bedrock_key()}\")"),
]:
    case(f, ["aws-bedrock-api-key"], c)
for f, c, rule in [
    ("api.md", "Send `Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.…` with every request.", "jwt"),
    ("cursor.py", f"next_page = \"{b64url({'offset': rng.randint(100, 999), 'symbol': 'BTCUSDT'})}\"", "jwt"),
    ("links.md", "![chart](https://p3-juejin.byteimg.com/tos-cn-i-k3u1fbpfcp/6a9e704af49b4380bb686f0c96d33b81~tplv-k3u1fbpfcp-watermark.image)", "azure-ad-client-secret"),
    (".env.example", "AZURE_CLIENT_SECRET=abc8Q~xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "azure-ad-client-secret"),
    ("bedrock.py", "BEDROCK_KEY_PREFIX = \"ABSKQmVkcm9ja0FQSUtleS1\"", "aws-bedrock-api-key"),
]:
    case(f, [], c, targets=rule)

# the scanner's own reports are skipped (a JSON and a SARIF report holding rule texts and masked values)
case("scan.json", [], json.dumps({"tool": "tradeguard scan", "version": 1, "root": "/x", "findings": [
    {"ruleId": "tls-verification-disabled", "match": "r = requests.get(u, verify=False)", "masked": ""}]}, indent=2))
case("scan.sarif", [], json.dumps({"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0", "runs": [
    {"tool": {"driver": {"name": "tradeguard", "rules": [{"id": "weak-password-hash", "help": {"text": "hashlib.md5(password) is weak"}}]}}}]}, indent=2))

# leaks: cases with a label that is not a documentation example (the gitleaks-test additions above come after the negatives)
positives = sum(1 for c in cases if any(not label.endswith("#example") for label in c["labels"]))
json.dump({"source": "generated by generate_corpus.py (seed 7); documentation examples cited in README.md",
           "positives": positives, "negatives": len(cases) - positives, "cases": cases},
          sys.stdout, indent=1, ensure_ascii=False)
sys.stdout.write("\n")
