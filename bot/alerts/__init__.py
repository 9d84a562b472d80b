"""What to tell whom: alerts on change, reminders, digests, mirroring, and the outbox sender.

Everything here writes outbox rows (``storage/repos/outbox.py``) or sends them; the Discord
side is behind the ``Publisher`` and ``EventsGateway`` protocols.
"""
