"""Reads the messages smtp_sink.py stored, with Python's own email package (an independent
MIME reader), and prints them as JSON: headers, the decoded subject, the body text, and each
attachment's file name (RFC 2231 decoded) and SHA-256.
Usage: python3 read_mail.py FOLDER"""
import email
import email.header
import email.policy
import hashlib
import json
import os
import sys

folder = sys.argv[1]
out = []
for name in sorted(n for n in os.listdir(folder) if n.endswith(".eml")):
    raw = open(os.path.join(folder, name), "rb").read()
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    body, attachments = "", []
    for part in msg.walk():
        if part.is_multipart():
            continue
        if part.get_content_disposition() == "attachment":
            data = part.get_payload(decode=True)
            attachments.append({"name": part.get_filename(), "sha256": hashlib.sha256(data).hexdigest(),
                                "size": len(data), "type": part.get_content_type()})
        elif part.get_content_type() == "text/plain":
            body += part.get_content()
    out.append({
        "file": name,
        "rcpt": open(os.path.join(folder, name[:-4] + ".rcpt")).read().split("\n"),
        "from": str(msg["From"]), "to": str(msg["To"]),
        "subject": str(msg["Subject"]),
        "raw_subject": raw.split(b"\nSubject: ", 1)[1].split(b"\n", 1)[0].decode("ascii", "replace") if b"\nSubject: " in raw else "",
        "message_id": str(msg["Message-ID"]), "date": str(msg["Date"]),
        "body": body, "attachments": attachments,
        "defects": [str(d) for d in msg.defects],
    })
print(json.dumps(out, ensure_ascii=False))
