"""A group-chat bot stand-in on 127.0.0.1 for the webhook tests. MODE ok: records each POSTed
JSON body to FOLDER/NNN.json and answers {"errcode":0}; MODE fail: answers HTTP 500; MODE hang:
reads the request and never answers. Prints the port; runs until its standard input closes.
Usage: python3 webhook_receiver.py FOLDER MODE"""
import http.server
import os
import sys
import threading
import time

folder, mode = sys.argv[1], sys.argv[2]


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        if mode == "hang":
            time.sleep(30)
            return
        if mode == "fail":
            self.send_response(500)
            self.end_headers()
            return
        n = len([f for f in os.listdir(folder) if f.endswith(".json")]) + 1
        with open(os.path.join(folder, "%03d.json" % n), "wb") as f:
            f.write(body)
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b'{"errcode":0,"errmsg":"ok"}')

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
threading.Thread(target=server.serve_forever, daemon=True).start()
print(server.server_address[1], flush=True)
sys.stdin.read()
os._exit(0)
