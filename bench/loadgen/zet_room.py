"""A room on the ZET app: phones join with a role, answer, follow a step change; each
group's beamer view (``/scherm``) shows the werkblad progress, and its control view
(``/begeleiden``) has the step button. Every wait is bounded; every figure is a monotonic
timestamp."""
from __future__ import annotations

import asyncio
import json
import random
import re
import time
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Engine, func, select

from bench.loadgen.client import PageClient
from ui.text import md
from zet.content import Library
from zet.db.schema import antwoorden, deelnemers
from zet.roles import ROLES
from zet.room import groups, participants, rounds
from zet.room.dagdelen import CreatedSession, GroupPlan, RoundPlan, create_dagdeel
from zet.steps import Step

_PHONE_STEP = re.compile(r"data-testid='phone-step' data-step='([a-z_]+)'")
_PROJECTOR_STEP = re.compile(r"data-testid='control-step' data-step='([a-z_]+)'")
_SCREEN_STEP = re.compile(r"data-testid='projector' data-step='([a-z_]+)'")
_DONE = re.compile(r"data-testid='werkblad-progress'[^>]*>(\d+) van (\d+) ingevuld")
_BUSY = re.compile(r"^(\d+) deelnemer\(s\) zijn nog bezig")  # the control view's line
_SCREEN_BUSY = re.compile(r"<div class='zp-busy'>(\d+) nog bezig</div>")
SAVED = re.compile(r"Opgeslagen \d\d\\?:\d\d")  # "Opgeslagen 14:02" (":" escaped in Markdown)
TABLES = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def answer_question(library: Library, theme_id: str):
    """The first werkblad question with one choice (a radio): a standard widget the
    simulated phone can set. (Open answers use the typing component, whose state the
    browser sends on its own schedule.)"""
    for question in library.themes[theme_id].vragen:
        if question.type == "keuze":
            return question
    raise LookupError(f"theme {theme_id} has no one-choice question")


def choice_of(question, number: int) -> str:
    """What phone ``number`` answers: the options in turn."""
    return question.opties[number % len(question.opties)]


def create_room(engine: Engine, theme_id: str, group_count: int) -> CreatedSession:
    """One dagdeel, one round, ``group_count`` tables of the same theme (labels A, B, ...)."""
    plans = tuple(GroupPlan(theme_id=theme_id, procesbegeleider=f"Bench {i + 1}",
                            label=TABLES[i] if group_count > 1 else "")
                  for i in range(group_count))
    return create_dagdeel(engine, locatie="Benchmark", datum=date.today(),
                          rounds=[RoundPlan(groups=plans)])


@dataclass
class Phone:
    number: int
    client: PageClient
    step_seen: dict[str, float] = field(default_factory=dict)
    saved_at: list[float] = field(default_factory=list)
    join_latency: float | None = None
    submit_at: float | None = None
    stored_latency: float | None = None
    group_id: int | None = None
    error: str | None = None

    @property
    def initials(self) -> str:
        return f"B{self.number}"

    def on_text(self, stamp: float, text: str) -> None:
        match = _PHONE_STEP.search(text)
        if match:
            self.step_seen.setdefault(match.group(1), stamp)
        elif SAVED.search(text):
            self.saved_at.append(stamp)


@dataclass
class Projector:
    """A group's control view (``/begeleiden``): its step button, and its progress line."""
    group_id: int
    client: PageClient
    started_at: dict[int, float] = field(default_factory=dict)  # started count -> first seen
    step_seen: dict[str, float] = field(default_factory=dict)
    _done: int = 0

    def on_text(self, stamp: float, text: str) -> None:
        done, busy = _DONE.search(text), _BUSY.match(text)
        step = _PROJECTOR_STEP.search(text)
        if step:
            self.step_seen.setdefault(step.group(1), stamp)
        elif done:
            self._done = int(done.group(1))
            self._record(self._done, stamp)
        elif busy:
            self._record(self._done + int(busy.group(1)), stamp)

    def _record(self, started: int, stamp: float) -> None:
        for count in range(1, started + 1):
            self.started_at.setdefault(count, stamp)


@dataclass
class Screen(Projector):
    """A group's beamer view (``/scherm``): what the room sees, redrawn every second; the
    werkblad page says "12 van 30 ingevuld" and "5 nog bezig" in one block."""

    def on_text(self, stamp: float, text: str) -> None:
        step, done = _SCREEN_STEP.search(text), _DONE.search(text)
        if step:
            self.step_seen.setdefault(step.group(1), stamp)
        if done:
            busy = _SCREEN_BUSY.search(text)
            self._record(int(done.group(1)) + (int(busy.group(1)) if busy else 0), stamp)


@dataclass
class RoomResult:
    join: list[float]
    stored: list[float]
    projector: list[float]
    step: list[float]
    errors: list[str]
    phones: int
    joined_rows: int
    lost_joins: int
    duplicate_joins: int
    lost_answers: int
    duplicate_answers: int
    windows: dict[str, tuple[float, float]]


async def _phone_join(phone: Phone, timeout: float) -> None:
    client = phone.client
    try:
        await client.open()
        if not await client.wait_for(lambda: _join_button(client) is not None, timeout):
            raise TimeoutError("join form did not appear")
        client.set_value(client.widget("selectbox"),
                         string_value=ROLES[phone.number % len(ROLES)])
        client.set_value(client.widget("text_input"), string_value=phone.initials)
        start = time.monotonic()
        await client.submit(_join_button(client))
        if not await client.wait_for(lambda: Step.WERKBLAD.value in phone.step_seen, timeout):
            raise TimeoutError("phone did not reach the werkblad after joining")
        phone.join_latency = phone.step_seen[Step.WERKBLAD.value] - start
    except Exception as error:
        phone.error = f"join: {error!r}"


def _join_button(client: PageClient):
    try:
        return client.widget("button", key_suffix="-FormSubmitter:join-Meedoen")
    except LookupError:
        return None


def _radio(client: PageClient, question):
    try:
        return client.widget("radio", key_suffix=f"_{question.id}")
    except LookupError:
        return None


async def _phone_answer(phone: Phone, question, delay: float, timeout: float) -> None:
    if phone.error:
        return
    client = phone.client
    await asyncio.sleep(delay)
    try:
        # The step marker comes first in the page: wait until the run also drew the question.
        if not await client.wait_for(lambda: _radio(client, question) is not None, timeout):
            raise TimeoutError("the question did not appear")
        radio = client.widget("radio", key_suffix=f"_{question.id}")
        before = len(phone.saved_at)
        phone.submit_at = time.monotonic()
        # A radio sends its option as drawn: the Markdown-escaped label (ui.text.md).
        await client.change(radio, string_value=md(choice_of(question, phone.number)))
        if not await client.wait_for(lambda: len(phone.saved_at) > before, timeout):
            raise TimeoutError("no 'Opgeslagen' after the answer")
        phone.stored_latency = phone.saved_at[before] - phone.submit_at
    except Exception as error:
        phone.error = f"answer: {error!r}"


def _percentile_free_projector_latencies(phones: list[Phone],
                                         projectors: dict[int, Screen]) -> list[float]:
    """The k-th answer of a group is on its beamer when the beamer first shows k started."""
    latencies = []
    for group_id, projector in projectors.items():
        submitted = sorted(p.submit_at for p in phones
                           if p.group_id == group_id and p.stored_latency is not None)
        for k, submit_at in enumerate(submitted, start=1):
            seen = projector.started_at.get(k)
            if seen is not None:
                latencies.append(max(0.0, seen - submit_at))
    return latencies


async def _all_see(viewers: list[Phone] | list[Projector], step: str, timeout: float) -> None:
    await asyncio.gather(*(v.client.wait_for(lambda v=v: step in v.step_seen, timeout)
                           for v in viewers))


class Room:
    """One benchmark room against ``phone_urls`` (round robin) and ``projector_url``."""

    def __init__(self, engine: Engine, library: Library, *, theme_id: str, phones: int,
                 group_count: int, phone_urls: list[str], projector_url: str,
                 ramp_per_second: float, answer_window: float, idle_seconds: float,
                 step_via: str, step_changes: int, timeout: float, seed: int = 11) -> None:
        self.engine, self.library = engine, library
        self.theme_id, self.count, self.group_count = theme_id, phones, group_count
        self.phone_urls, self.projector_url = phone_urls, projector_url
        self.ramp, self.answer_window, self.idle = ramp_per_second, answer_window, idle_seconds
        self.step_via, self.step_changes, self.timeout = step_via, step_changes, timeout
        self.random = random.Random(seed)
        self.windows: dict[str, tuple[float, float]] = {}
        self.on_window = None  # called with (name, "start"|"end") for CPU sampling

    def _mark(self, name: str, edge: str) -> None:
        now = time.monotonic()
        start, _ = self.windows.get(name, (now, now))
        self.windows[name] = (now, now) if edge == "start" else (start, now)
        if self.on_window:
            self.on_window(name, edge)

    async def run(self) -> RoomResult:
        session = create_room(self.engine, self.theme_id, self.group_count)
        question = answer_question(self.library, self.theme_id)
        code = session.dagdeel.join_code
        projectors, screens = {}, {}
        for index, (group_id, secret) in enumerate(zip(session.group_ids,
                                                       session.group_secrets, strict=True)):
            projector = Projector(group_id, None)  # type: ignore[arg-type]
            projector.client = PageClient(self.projector_url, "begeleiden", f"sleutel={secret}",
                                          on_text=projector.on_text, timeout=self.timeout)
            projectors[group_id] = projector
            tafel = f"&tafel={TABLES[index]}" if self.group_count > 1 else ""
            screen = Screen(group_id, None)  # type: ignore[arg-type]
            screen.client = PageClient(self.projector_url, "scherm", f"code={code}{tafel}",
                                       on_text=screen.on_text, timeout=self.timeout)
            screens[group_id] = screen
        phones = []
        for number in range(self.count):
            phone = Phone(number, None)  # type: ignore[arg-type]
            phone.client = PageClient(self.phone_urls[number % len(self.phone_urls)],
                                      "deelnemen", f"code={code}", on_text=phone.on_text,
                                      timeout=self.timeout)
            phones.append(phone)
        viewers = [*projectors.values(), *screens.values()]
        try:
            return await self._run(session, question, phones, projectors, screens)
        finally:
            await asyncio.gather(*(p.client.close() for p in [*phones, *viewers]),
                                 return_exceptions=True)

    async def _run(self, session, question, phones, projectors, screens) -> RoomResult:
        for viewer in [*projectors.values(), *screens.values()]:
            await viewer.client.open()
            await viewer.client.wait_for(lambda v=viewer: bool(v.client.events.finished_runs),
                                         self.timeout)

        await self._warm_up(session.dagdeel.join_code)
        self._mark("join", "start")
        tasks = []
        for phone in phones:
            tasks.append(asyncio.create_task(_phone_join(phone, self.timeout)))
            await asyncio.sleep(1 / self.ramp)
        await asyncio.gather(*tasks)
        self._mark("join", "end")
        self._seat(session.dagdeel.id, phones)

        self._mark("idle", "start")
        await asyncio.sleep(self.idle)
        self._mark("idle", "end")

        self._mark("answer", "start")
        await asyncio.gather(*(_phone_answer(p, question,
                                             self.random.uniform(0, self.answer_window),
                                             self.timeout) for p in phones))
        await asyncio.sleep(3)  # the beamers' next poll
        self._mark("answer", "end")

        step_latencies = await self._step_changes(session, phones, projectors)
        return self._result(session, question, phones, projectors, screens, step_latencies)

    async def _warm_up(self, code: str) -> None:
        """Two join forms per phone URL (a proxy alternates), so every process has loaded
        the phone page before the clock runs."""
        clients = [PageClient(url, "deelnemen", f"code={code}", timeout=self.timeout)
                   for url in self.phone_urls for _ in range(2)]
        for client in clients:
            await client.open()
            await client.wait_for(lambda c=client: c.events.finished_runs > 0, self.timeout)
            await client.close()

    def _seat(self, dagdeel_id: int, phones: list[Phone]) -> None:
        """Which group each phone sits in, found by its initials (the token is in no
        address the phone sees, only in its cookie)."""
        people = {person.initials: person
                  for person in participants.dagdeel_participants(self.engine, dagdeel_id)}
        for phone in phones:
            person = people.get(phone.initials)
            if person is not None:
                seat = rounds.take_seat(self.engine, person)
                phone.group_id = seat.group_id if seat else None

    async def _step_changes(self, session, phones, projectors) -> list[float]:
        """``self.step_changes`` times: move every group one step on, time each phone."""
        latencies: list[float] = []
        live = [p for p in phones if not p.error]
        current = Step.WERKBLAD
        self._mark("step", "start")
        for _ in range(self.step_changes):
            target = current.next()
            if target is None:
                break
            start = time.monotonic()
            if self.step_via == "projector":
                await asyncio.gather(*(p.client.press("step_forward")
                                       for p in projectors.values()))
            else:
                for group_id in session.group_ids:
                    groups.set_step(self.engine, group_id, target, expected_current=current)
            await _all_see(live, target.value, self.timeout)
            for phone in live:
                if target.value in phone.step_seen:
                    latencies.append(phone.step_seen[target.value] - start)
                elif not phone.error:
                    phone.error = f"step: {target.value} did not reach this phone"
            if self.step_via == "projector":  # its next button is there once it redrew
                await _all_see(list(projectors.values()), target.value, self.timeout)
            current = target
            await asyncio.sleep(self.random.uniform(0.5, 2.5))  # not in phase with the polls
        self._mark("step", "end")
        return latencies

    def _result(self, session, question, phones, projectors, screens, step) -> RoomResult:
        with self.engine.connect() as conn:
            rows = conn.execute(select(deelnemers.c.initials, func.count())
                                .where(deelnemers.c.dagdeel_id == session.dagdeel.id)
                                .group_by(deelnemers.c.initials)).all()
            answers = conn.execute(
                select(deelnemers.c.initials, antwoorden.c.value)
                .join(deelnemers, deelnemers.c.id == antwoorden.c.deelnemer_id)
                .where(deelnemers.c.dagdeel_id == session.dagdeel.id,
                       antwoorden.c.vraag_id == question.id)).all()
        joined = {initials: count for initials, count in rows}
        expected_answers = {p.initials: json.dumps(choice_of(question, p.number),
                                                   ensure_ascii=False) for p in phones}
        found: dict[str, list[str]] = {}
        for initials, value in answers:
            found.setdefault(initials, []).append(value)
        errors = [p.error for p in phones if p.error]
        errors += [f"{p.initials}: answer stored but 'Opgeslagen' never shown" for p in phones
                   if p.stored_latency is None
                   and expected_answers[p.initials] in found.get(p.initials, [])]
        for client in [*(p.client for p in phones), *(p.client for p in projectors.values()),
                       *(s.client for s in screens.values())]:
            errors.extend(client.events.errors)
        return RoomResult(
            join=[p.join_latency for p in phones if p.join_latency is not None],
            stored=[p.stored_latency for p in phones if p.stored_latency is not None],
            projector=_percentile_free_projector_latencies(phones, screens),
            step=step, errors=errors, phones=len(phones),
            joined_rows=sum(joined.values()),
            lost_joins=sum(1 for p in phones
                           if p.join_latency is not None and p.initials not in joined),
            duplicate_joins=sum(count - 1 for count in joined.values() if count > 1),
            lost_answers=sum(1 for p in phones if p.stored_latency is not None
                             and expected_answers[p.initials] not in found.get(p.initials, [])),
            duplicate_answers=sum(len(v) - 1 for v in found.values() if len(v) > 1),
            windows=dict(self.windows),
        )
