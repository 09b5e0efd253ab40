from ninja import Router

from sejuk.core.api_auth import AUTH

router = Router(tags=["elections"], auth=AUTH)
