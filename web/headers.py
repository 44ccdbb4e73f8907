"""Security headers on every HTTP response of the app, set in one place.

The policy is the one `bench/csp_check.py` walks the real pages with: Streamlit needs inline
styles and one inline script of its own, Vega charts need ``wasm-unsafe-eval`` and ``blob:``
workers, and Streamlit's components (the typing field) load their script as a ``blob:``
module that the page itself made. The websocket is allowed on the page's own host only.
Nothing may frame the app (the beamer view must not be embedded in a stranger's page), and
no address leaves the app as a referrer: a control view's address is a secret.
"""
from __future__ import annotations

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send


def content_security_policy(host: str) -> str:
    sockets = f" ws://{host} wss://{host}" if host else ""
    return ("default-src 'self'; script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval' blob:; "
            "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
            "font-src 'self' data:; "
            f"connect-src 'self'{sockets}; worker-src 'self' blob:; frame-src 'self'; "
            "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'")


_FIXED = {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}


def _safe_host(raw: str) -> str:
    """The Host header as given, if it is a plain host[:port] (it goes into a header)."""
    allowed = set("abcdefghijklmnopqrstuvwxyz0123456789.-:[]")
    host = raw.strip().lower()
    return host if host and len(host) <= 255 and set(host) <= allowed else ""


class SecurityHeaders:
    """Pure ASGI middleware (no body buffering, websockets pass untouched)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        host = _safe_host(Headers(scope=scope).get("host", ""))

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in _FIXED.items():
                    headers[name] = value
                headers["Content-Security-Policy"] = content_security_policy(host)
            await send(message)

        await self.app(scope, receive, send_with_headers)
