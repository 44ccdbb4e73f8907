"""One simulated browser tab, speaking Streamlit's own websocket protocol.

It does what Streamlit's frontend does, in the parts our pages use: it asks for a page run
with the query string and page name, keeps the widget states and sends all of them with every
rerun (form widgets only when their submit button is pressed), follows ``page_info_changed``
(``st.query_params`` writes), and runs the fragment timers itself: the server only announces
``auto_rerun`` (interval, fragment id); the browser sends the fragment reruns. Like the
page's push element (``ui/push.py``) it opens the event stream that element names and asks
for a rerun when an event's version passes the one the page was drawn from.
"""
from __future__ import annotations

import asyncio
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

_SET_COOKIE = re.compile(rb"^set-cookie:\s*([^=;\s]+)=([^;\r\n]*)", re.IGNORECASE | re.MULTILINE)


@dataclass
class Widget:
    id: str
    kind: str
    form_id: str
    label: str


@dataclass
class PageEvents:
    """What a page has shown so far; pages wait on ``changed``."""
    texts: list[tuple[float, str]] = field(default_factory=list)
    finished_runs: int = 0
    errors: list[str] = field(default_factory=list)


async def http_cookies(host: str, port: int, path: str, cookies: dict[str, str],
                       timeout: float) -> dict[str, str]:
    """GET the page like a browser does first; returns the cookies it sets (sticky proxy)."""
    reader, writer = await asyncio.wait_for(asyncio.open_connection(host, port), timeout)
    try:
        cookie = "; ".join(f"{k}={v}" for k, v in cookies.items())
        request = (f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nConnection: close\r\n"
                   + (f"Cookie: {cookie}\r\n" if cookie else "") + "\r\n")
        writer.write(request.encode())
        await writer.drain()
        head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), timeout)
        return {m.group(1).decode(): m.group(2).decode() for m in _SET_COOKIE.finditer(head)}
    finally:
        writer.close()


class PageClient:
    """A tab on ``base_url + path?query``. ``on_text`` sees every text-like delta."""

    def __init__(self, base_url: str, path: str, query: str, *,
                 on_text: Callable[[float, str], None] | None = None,
                 timeout: float = 30.0) -> None:
        self.base_url = base_url.rstrip("/")
        self.page_name = path.strip("/")
        self.query_string = query
        self.on_text = on_text
        self.timeout = timeout
        self.cookies: dict[str, str] = {}
        self.page_script_hash = ""
        self.widgets: dict[str, Widget] = {}
        self.states: dict[str, WidgetState] = {}
        self.pending_form: dict[str, dict[str, WidgetState]] = {}
        self.events = PageEvents()
        self.changed = asyncio.Event()
        self._timers: dict[str, asyncio.Task] = {}
        self._seen_this_run: set[str] = set()
        self._ws = None
        self._reader: asyncio.Task | None = None
        self._push: PushFollower | None = None
        self.closed = False

    # --- connection -------------------------------------------------------------------
    async def open(self) -> None:
        parts = urlsplit(self.base_url)
        path = f"/{self.page_name}?{self.query_string}"
        self.cookies.update(await http_cookies(parts.hostname, parts.port, path,
                                               self.cookies, self.timeout))
        ws_url = f"ws://{parts.hostname}:{parts.port}/_stcore/stream"
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        self._ws = await asyncio.wait_for(websockets.connect(
            ws_url, subprotocols=["streamlit"], origin=self.base_url, max_size=None,
            additional_headers=headers if self.cookies else None, open_timeout=self.timeout,
            ping_interval=None), self.timeout)
        self._reader = asyncio.create_task(self._read())
        await self.rerun()

    async def close(self) -> None:
        self.closed = True
        for timer in self._timers.values():
            timer.cancel()
        self._timers.clear()
        if self._push is not None:
            self._push.stop()
        if self._ws is not None:
            await self._ws.close()
        if self._reader is not None:
            self._reader.cancel()

    # --- what the frontend sends -----------------------------------------------------
    async def rerun(self, *, fragment_id: str = "", auto: bool = False,
                    extra: list[WidgetState] = ()) -> None:
        message = BackMsg()
        state = message.rerun_script
        state.query_string = self.query_string
        state.page_name = self.page_name
        state.page_script_hash = self.page_script_hash
        state.fragment_id = fragment_id
        state.is_auto_rerun = auto
        state.context_info.url = f"{self.base_url}/{self.page_name}?{self.query_string}"
        state.context_info.timezone = "Europe/Amsterdam"
        state.context_info.locale = "nl-NL"
        by_id = {**self.states, **{w.id: w for w in extra}}
        state.widget_states.widgets.extend(by_id.values())
        if self._ws is None or self.closed:
            return
        try:
            await self._ws.send(message.SerializeToString())
        except websockets.ConnectionClosed as error:
            self.events.errors.append(f"send: {error}")

    def widget(self, kind: str, *, key_suffix: str = "", label: str = "") -> Widget:
        """The widget on the page now, by proto kind and the end of its id or its label."""
        for candidate in self.widgets.values():
            if candidate.kind == kind and candidate.id.endswith(key_suffix) and (
                    not label or candidate.label == label):
                return candidate
        raise LookupError(f"no {kind} widget ending in {key_suffix!r} / {label!r}")

    def set_value(self, widget: Widget, **value) -> None:
        """Set a widget's value (e.g. ``string_value='x'``); inside a form it waits."""
        state = WidgetState(id=widget.id, **value)
        if widget.form_id:
            self.pending_form.setdefault(widget.form_id, {})[widget.id] = state
        else:
            self.states[widget.id] = state

    async def change(self, widget: Widget, **value) -> None:
        """A widget outside a form changed: the browser reruns at once."""
        self.set_value(widget, **value)
        await self.rerun()

    async def submit(self, button: Widget) -> None:
        """Press a form's submit button: its widgets' values go along with the trigger."""
        self.states.update(self.pending_form.pop(button.form_id, {}))
        await self.rerun(extra=[WidgetState(id=button.id, trigger_value=True)])

    async def press(self, key: str) -> None:
        """Click the (non-form) button with widget key ``key``."""
        button = self.widget("button", key_suffix=f"-{key}")
        await self.rerun(extra=[WidgetState(id=button.id, trigger_value=True)])

    # --- what the server sends -------------------------------------------------------
    async def _read(self) -> None:
        try:
            async for data in self._ws:
                message = ForwardMsg()
                message.ParseFromString(data)
                self._handle(message)
        except websockets.ConnectionClosed as error:
            if not self.closed:
                self.events.errors.append(f"closed: {error}")
        except asyncio.CancelledError:
            raise
        except Exception as error:
            self.events.errors.append(f"read: {error!r}")
        finally:
            self.changed.set()

    def _handle(self, message: ForwardMsg) -> None:
        kind = message.WhichOneof("type")
        if kind == "navigation":  # st.navigation names the page that ran
            self.page_script_hash = message.navigation.page_script_hash
        elif kind == "new_session":
            if not message.metadata.run.fragment_ids:  # a full run: timers start afresh
                self._seen_this_run = set()
                for timer in self._timers.values():
                    timer.cancel()
                self._timers.clear()
        elif kind == "page_info_changed":
            self.query_string = message.page_info_changed.query_string
        elif kind == "auto_rerun":
            self._start_timer(message.auto_rerun.fragment_id, message.auto_rerun.interval)
        elif kind == "stop_auto_rerun":
            for fragment_id in message.stop_auto_rerun.fragment_ids:
                timer = self._timers.pop(fragment_id, None)
                if timer:
                    timer.cancel()
        elif kind == "delta" and message.delta.WhichOneof("type") == "new_element":
            self._element(message.delta.new_element)
        elif kind == "script_finished":
            if message.script_finished == ForwardMsg.FINISHED_SUCCESSFULLY:
                self._forget_unseen_widgets()
            self.events.finished_runs += 1
            self.changed.set()
        elif kind == "session_event" and message.session_event.HasField(
                "script_compilation_exception"):
            self.events.errors.append("script compilation exception")

    def _element(self, element) -> None:
        kind = element.WhichOneof("type")
        body = getattr(element, kind)
        widget_id = getattr(body, "id", "") if kind not in ("html", "markdown", "text") else ""
        if widget_id:
            self.widgets[widget_id] = Widget(widget_id, kind, getattr(body, "form_id", ""),
                                             getattr(body, "label", ""))
            self._seen_this_run.add(widget_id)
        if kind == "bidi_component" and body.component_name.endswith("zet_push"):
            self._follow_push(json.loads(body.json))
        if kind in ("html", "markdown", "text", "alert", "exception"):
            text = (body.message if kind == "exception" else body.body)
            if kind == "exception":
                self.events.errors.append(f"exception: {text}")
            stamp = time.monotonic()
            self.events.texts.append((stamp, text))
            if self.on_text:
                self.on_text(stamp, text)
            self.changed.set()

    def _follow_push(self, data: dict) -> None:
        """The push element of this run: same stream as before keeps it, with the new
        version the page shows; another stream replaces it."""
        if self._push is None or self._push.url != data["url"]:
            if self._push is not None:
                self._push.stop()
            self._push = PushFollower(self, data["url"], data["coalesce"] / 1000)
        self._push.shown = int(data["version"])
        self._push.start()

    def _forget_unseen_widgets(self) -> None:
        """As the frontend drops the state of widgets no longer on the page."""
        for widget_id in list(self.widgets):
            if widget_id not in self._seen_this_run:
                self.widgets.pop(widget_id)
                self.states.pop(widget_id, None)

    def _start_timer(self, fragment_id: str, interval: float) -> None:
        if fragment_id in self._timers or interval <= 0:
            return

        async def tick() -> None:
            while not self.closed:
                await asyncio.sleep(interval)
                await self.rerun(fragment_id=fragment_id, auto=True)

        self._timers[fragment_id] = asyncio.create_task(tick())

    async def wait_for(self, predicate: Callable[[], bool], timeout: float) -> bool:
        """Wait until ``predicate()`` holds (checked whenever something arrives)."""
        deadline = time.monotonic() + timeout
        while not predicate():
            left = deadline - time.monotonic()
            if left <= 0 or (self._reader is not None and self._reader.done()):
                return predicate()
            self.changed.clear()
            try:
                await asyncio.wait_for(self.changed.wait(), left)
            except TimeoutError:
                return predicate()
        return True


class PushFollower:
    """The push element's event stream for one ``PageClient``: ``ui/push.py``'s JavaScript,
    in the parts that matter for load (one stream, a coalesced rerun per move)."""

    def __init__(self, client: PageClient, url: str, coalesce: float) -> None:
        self.client, self.url, self.coalesce = client, url, coalesce
        self.shown = -1
        self._task: asyncio.Task | None = None
        self._pending: asyncio.Task | None = None
        self._last_run = 0.0

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self._read())

    def stop(self) -> None:
        for task in (self._task, self._pending):
            if task is not None:
                task.cancel()

    async def _read(self) -> None:
        parts = urlsplit(self.client.base_url)
        try:
            reader, writer = await asyncio.open_connection(parts.hostname, parts.port)
            writer.write((f"GET {self.url}&since={self.shown} HTTP/1.1\r\n"
                          f"Host: {parts.hostname}:{parts.port}\r\n"
                          "Accept: text/event-stream\r\n\r\n").encode())
            await writer.drain()
            await reader.readuntil(b"\r\n\r\n")
            while not self.client.closed:
                line = await reader.readline()
                if not line:
                    break
                if line.startswith(b"data: ") or b"data: {" in line:
                    payload = line[line.index(b"data: ") + 6:].strip()
                    version = json.loads(payload).get("version")
                    if isinstance(version, int) and version > self.shown:
                        self._rerun_soon()
            writer.close()
        except asyncio.CancelledError:
            raise
        except Exception as error:
            self.client.events.errors.append(f"push: {error!r}")

    def _rerun_soon(self) -> None:
        if self._pending is not None and not self._pending.done():
            return
        wait = max(0.0, self._last_run + self.coalesce - time.monotonic())

        async def later() -> None:
            await asyncio.sleep(wait)
            self._last_run = time.monotonic()
            await self.client.rerun()

        self._pending = asyncio.create_task(later())
