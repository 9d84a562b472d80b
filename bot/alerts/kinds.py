"""The kinds of outbox message: what the sender checks before sending and the publisher shows.

A new kind is a name here, a producer that writes rows of it (a planner or the alert
writer) and, when it needs a subscription to stay wanted, a place in ``NEEDS_SUBSCRIPTION``.
"""

from __future__ import annotations

ALERT = "alert"  # a subscribed event was created or changed
REMINDER = "reminder"  # an event is coming up
DIGEST = "digest"  # a channel's daily digest
NOTICE = "notice"  # a word to a server's admins
MEMBER_DM = "member_dm"  # a direct message to one member about a reminder they asked for

# Dropped unsent when their subscription was removed or paused.
NEEDS_SUBSCRIPTION = frozenset({ALERT, REMINDER})

__all__ = ["ALERT", "DIGEST", "MEMBER_DM", "NEEDS_SUBSCRIPTION", "NOTICE", "REMINDER"]
