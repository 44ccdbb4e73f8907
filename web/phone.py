"""The phone's identity as an HttpOnly cookie, never in an address.

After joining, the phone page posts the participant's token here once; the answer sets the
cookie ``zet_deelnemer`` that the browser sends with the page's websocket from then on, so a
reload finds the same participant while the address stays ``/deelnemen?code=…``. History,
Back, a forwarded link or a screenshot therefore carry no identity. Script on the page cannot
read the cookie (HttpOnly), and only this site can set it: the routes want a header that a
form or a page of another site cannot send without the browser asking first (CORS preflight,
which is not answered), and a matching Origin when the browser names one.
"""
from __future__ import annotations

from collections.abc import Callable

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from zet.db import app_engine
from zet.errors import NotFound
from zet.room import participants, quickscan

COOKIE = "zet_deelnemer"
QUICKSCAN_COOKIE = "zet_quickscan"
HEADER = "x-zet-phone"
MAX_AGE = 12 * 3600  # a dagdeel; the participant's token itself ends with the retention
MAX_BODY = 512


def _same_site(request: Request) -> bool:
    if request.headers.get(HEADER) != "1":
        return False
    origin = request.headers.get("origin")
    return origin is None or origin.split("://", 1)[-1] == request.headers.get("host")


async def _token_of(request: Request) -> str | None:
    body = await request.body()
    if len(body) > MAX_BODY:
        return None
    try:
        value = (await request.json()).get("token")
    except (ValueError, AttributeError):
        return None
    return value if isinstance(value, str) and value else None


def _remembering(cookie: str, lookup: Callable[..., object]) -> Callable:
    async def remember(request: Request) -> Response:
        """Set the cookie for a token that belongs to someone (``lookup`` finds them)."""
        if not _same_site(request):
            return Response(status_code=403)
        token = await _token_of(request)
        if token is None:
            return Response(status_code=400)
        try:
            await run_in_threadpool(lookup, app_engine(), token)
        except NotFound:
            return Response(status_code=404)
        response = Response(status_code=204)
        response.set_cookie(cookie, token, max_age=MAX_AGE, path="/", httponly=True,
                            samesite="strict", secure=request.url.scheme == "https")
        return response
    return remember


def _forgetting(cookie: str) -> Callable:
    async def forget(request: Request) -> Response:
        """Remove the cookie ('Ik ben iemand anders'; the token was already replaced)."""
        if not _same_site(request):
            return Response(status_code=403)
        response = Response(status_code=204)
        response.delete_cookie(cookie, path="/", httponly=True, samesite="strict")
        return response
    return forget


remember = _remembering(COOKIE, participants.participant_by_token)
forget = _forgetting(COOKIE)
# The quickscan's respondent, in a cookie of its own: the same phone may also join the dagdeel.
remember_respondent = _remembering(QUICKSCAN_COOKIE, quickscan.respondent_by_token)
forget_respondent = _forgetting(QUICKSCAN_COOKIE)

ROUTES = [Route("/api/telefoon/onthoud", remember, methods=["POST"]),
          Route("/api/telefoon/vergeet", forget, methods=["POST"]),
          Route("/api/quickscan/onthoud", remember_respondent, methods=["POST"]),
          Route("/api/quickscan/vergeet", forget_respondent, methods=["POST"])]
