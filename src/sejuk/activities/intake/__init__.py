"""Chat-message intake: turning an officer's WhatsApp/SMS/Telegram report into a draft activity.

Pure Python (no Django) so the API, a command-line tool and the tests can all use it. Typical use:

    resolver = make_gazetteer_resolver(["32.15.05"])      # the officer's area, once per officer
    parsed = parse_message(text, today=date.today(), resolve_place=resolver)
    reply = format_reply(parsed)                            # send back to the officer
    if parsed.ok: ...create the draft from parsed...

The message format is documented for officers in docs/intake-message-format.md.
"""

from .gazetteer_resolver import GazetteerResolver, make_gazetteer_resolver
from .message_parser import parse_message
from .model import (
    Figure,
    LevelMatch,
    ParsedMessage,
    Partner,
    Place,
    PlaceCandidate,
    PlaceResolution,
    PlaceResolver,
    Problem,
)
from .reply import format_reply

__all__ = [
    "Figure",
    "GazetteerResolver",
    "LevelMatch",
    "ParsedMessage",
    "Partner",
    "Place",
    "PlaceCandidate",
    "PlaceResolution",
    "PlaceResolver",
    "Problem",
    "format_reply",
    "make_gazetteer_resolver",
    "parse_message",
]
