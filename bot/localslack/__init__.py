"""A loopback stand-in for Slack: Web API server, signed event delivery and sample data.

`balcao run` without Slack credentials and the test suite both talk to it.
"""

from bot.localslack.blocks import Button
from bot.localslack.delivery import Delivery, EventDelivery
from bot.localslack.facade import LocalSlack, PostResult
from bot.localslack.seed import SAMPLE_CHANNELS, SAMPLE_PEOPLE, seed
from bot.localslack.server import WebApiServer
from bot.localslack.state import ApiCall, Workspace
from bot.localslack.user_actions import SharedFile

__all__ = [
    "SAMPLE_CHANNELS",
    "SAMPLE_PEOPLE",
    "ApiCall",
    "Button",
    "Delivery",
    "EventDelivery",
    "LocalSlack",
    "PostResult",
    "SharedFile",
    "WebApiServer",
    "Workspace",
    "seed",
]
