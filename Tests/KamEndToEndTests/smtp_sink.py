"""A real SMTP server on 127.0.0.1 for the mail tests: every message it accepts is written to
FOLDER as NNN.eml (the bytes as received) with NNN.rcpt (the envelope recipients).
Prints the port once listening; runs until its standard input closes.
Usage: python3 smtp_sink.py FOLDER [PORT]"""
import os
import socket
import sys

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, folder):
        self.folder = folder
        self.count = len([n for n in os.listdir(folder) if n.endswith(".eml")])

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        path = os.path.join(self.folder, "%03d" % self.count)
        with open(path + ".rcpt", "w") as f:
            f.write("\n".join(envelope.rcpt_tos))
        with open(path + ".tmp", "wb") as f:
            f.write(envelope.original_content or envelope.content)
        os.rename(path + ".tmp", path + ".eml")
        return "250 OK queued"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


folder = sys.argv[1]
port = int(sys.argv[2]) if len(sys.argv) > 2 else free_port()
controller = Controller(Sink(folder), hostname="127.0.0.1", port=port)
controller.start()
print(port, flush=True)
sys.stdin.read()
controller.stop()
