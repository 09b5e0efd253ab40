from ninja import Router, Schema
from ninja.errors import HttpError

from sejuk.accounts.tokens import issue_token

router = Router(tags=["auth"])


class TokenIn(Schema):
    username: str
    password: str
    name: str = ""


class TokenOut(Schema):
    token: str
    prefix: str
    username: str


@router.post("/token", response=TokenOut, auth=None, summary="Tukar nama pengguna dan sandi dengan token")
def create_token(request, payload: TokenIn):
    issued = issue_token(payload.username, payload.password, payload.name)
    if issued is None:
        raise HttpError(401, "Nama pengguna atau kata sandi salah / wrong username or password.")
    token, key = issued
    return {"token": key, "prefix": token.prefix, "username": token.user.username}
