#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A real SMTP server on 127.0.0.1 for the delivery tests (aiosmtpd, Debian's python3-aiosmtpd).

Each accepted message is parsed with Python's own email package, an implementation independent of
ours, and written to OUT_DIR as N.eml (the raw bytes), N.pdf (the decoded attachment) and N.json
(the decoded headers and body). Options make the server refuse logins, refuse a recipient domain or
answer slowly. It prints READY once listening and stops on SIGTERM.
"""
import argparse
import asyncio
import email
import email.policy
import json
import os
import signal
import sys
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Saver:
    def __init__(self, out_dir, refuse_domain, delay):
        self.out_dir = out_dir
        self.refuse_domain = refuse_domain
        self.delay = delay
        self.count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.refuse_domain and address.lower().endswith("@" + self.refuse_domain):
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.delay:
            await asyncio.sleep(self.delay)
        self.count += 1
        base = os.path.join(self.out_dir, str(self.count))
        raw = envelope.original_content
        message = email.message_from_bytes(raw, policy=email.policy.default)
        info = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "login": session.auth_data.login.decode() if isinstance(session.auth_data, LoginPassword) else None,
            "date": str(message["Date"] or ""),
            "message_id": str(message["Message-ID"] or ""),
            "from": str(message["From"] or ""),
            "to": str(message["To"] or ""),
            "subject": str(message["Subject"] or ""),
            "defects": [type(d).__name__ for part in message.walk() for d in part.defects],
            "body": "",
            "attachment_name": "",
            "attachment_type": "",
        }
        body = message.get_body(preferencelist=("plain",))
        if body is not None:
            info["body"] = body.get_content()
        for part in message.iter_attachments():
            info["attachment_name"] = part.get_filename() or ""
            info["attachment_type"] = part.get_content_type()
            with open(base + ".pdf", "wb") as f:
                f.write(part.get_payload(decode=True))
        with open(base + ".eml", "wb") as f:
            f.write(raw)
        # Written last and renamed into place: a test that sees N.json sees the whole message.
        with open(base + ".json.partial", "w", encoding="utf-8") as f:
            json.dump(info, f, ensure_ascii=False)
        os.replace(base + ".json.partial", base + ".json")
        return "250 Message accepted for delivery"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--user", help="require a login with this user name")
    parser.add_argument("--password", default="")
    parser.add_argument("--refuse-domain", default="")
    parser.add_argument("--delay", type=float, default=0.0, help="seconds to wait before answering DATA")
    args = parser.parse_args()

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword)
              and auth_data.login == args.user.encode()
              and auth_data.password == args.password.encode())
        return AuthResult(success=ok, handled=False, auth_data=auth_data)

    extra = {}
    if args.user:
        extra = {"authenticator": authenticator, "auth_required": True, "auth_require_tls": False}
    controller = Controller(Saver(args.out, args.refuse_domain, args.delay), hostname="127.0.0.1",
                            port=args.port, **extra)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    controller.start()
    print("READY", flush=True)
    stop.wait()
    controller.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
