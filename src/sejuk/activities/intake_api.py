"""`POST /api/v1/intake/message`: the door for WhatsApp, SMS and Telegram gateways."""

from __future__ import annotations

import hmac

from django.conf import settings
from ninja import Router, Schema
from ninja.security import HttpBearer

from sejuk.activities.chat_intake import receive_message

router = Router(tags=["intake"])


class GatewayAuth(HttpBearer):
    """Each gateway has its own token (INTAKE_GATEWAY_TOKENS); the gateway name is the principal."""

    def authenticate(self, request, token):
        for gateway, secret in settings.INTAKE_GATEWAY_TOKENS.items():
            if secret and hmac.compare_digest(token, secret):
                return gateway
        return None


class MessageIn(Schema):
    message_id: str | None = None
    sender: str
    text: str


class MessageOut(Schema):
    reply: str
    activity_id: int | None
    duplicate: bool


@router.post(
    "/message",
    response=MessageOut,
    auth=GatewayAuth(),
    summary="Pesan chat dari gateway / a chat message from a gateway",
)
def intake_message(request, payload: MessageIn):
    result = receive_message(request.auth, payload.sender, payload.text[:4000], payload.message_id)
    return {"reply": result.reply, "activity_id": result.activity_id, "duplicate": result.duplicate}
