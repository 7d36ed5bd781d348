#!/usr/bin/env python3
"""Load on the portal (issue 19): N concurrent clients browse and download for D seconds against a
running `kam serve`, typically while a cold `kam run` is in progress. Each client logs in as one of
the given users (a real login: login page cookie + CSRF token), then loops over 首页, 报表, 回执 and
downloads of the workbooks its 报表 page lists. Prints requests, errors (any status >= 400 except
the 404s it provokes on purpose, or a connection error) and page-time percentiles.

Usage: scripts/portal_load.py BASE_URL --users hg01:PW,boss:PW [--clients 50] [--seconds 60]
Exit status 1 when any error response was seen.
"""
import argparse
import http.cookiejar
import re
import statistics
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

parser = argparse.ArgumentParser()
parser.add_argument("base")
parser.add_argument("--users", required=True, help="name:password,name:password")
parser.add_argument("--clients", type=int, default=50)
parser.add_argument("--seconds", type=float, default=60)
args = parser.parse_args()
users = [tuple(u.split(":", 1)) for u in args.users.split(",")]

lock = threading.Lock()
times = {"page": [], "download": []}
errors = []
count = [0]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *a, **k):
        return None


def client(i, deadline):
    name, password = users[i % len(users)]
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
    try:
        page = opener.open(args.base + "/login", timeout=30).read().decode()
        token = re.search(r'name="csrf" value="([^"]+)"', page).group(1)
        data = urllib.parse.urlencode({"csrf": token, "name": name, "password": password}).encode()
        try:
            opener.open(args.base + "/login", data=data, timeout=30)
        except urllib.error.HTTPError as e:
            if e.code != 303:
                raise
    except Exception as e:  # noqa: BLE001 - every failure is reported
        with lock:
            errors.append("login %s: %r" % (name, e))
        return
    links = []
    n = 0
    while time.time() < deadline:
        n += 1
        targets = [("page", "/"), ("page", "/reports"), ("page", "/receipts")]
        if links:
            targets.append(("download", links[n % len(links)]))
        for kind, path in targets:
            start = time.time()
            try:
                body = opener.open(args.base + path, timeout=60).read()
                elapsed = time.time() - start
                if path == "/reports":
                    links = re.findall(r'href="(/reports/[^"]+\.xlsx)"', body.decode())
                with lock:
                    times[kind].append(elapsed)
                    count[0] += 1
            except Exception as e:  # noqa: BLE001
                with lock:
                    errors.append("%s %s: %r" % (name, path, e))
                    count[0] += 1


deadline = time.time() + args.seconds
threads = [threading.Thread(target=client, args=(i, deadline)) for i in range(args.clients)]
for t in threads:
    t.start()
for t in threads:
    t.join()


def pct(values, p):
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))] * 1000


print("clients %d, %.0f s: %d requests, %d errors" % (args.clients, args.seconds, count[0], len(errors)))
for kind in ("page", "download"):
    v = times[kind]
    if v:
        print("%-8s n=%d p50 %.0f ms, p90 %.0f ms, p99 %.0f ms, max %.0f ms" % (
            kind, len(v), pct(v, 50), pct(v, 90), pct(v, 99), max(v) * 1000))
for e in errors[:20]:
    print("error: " + e)
sys.exit(1 if errors else 0)
