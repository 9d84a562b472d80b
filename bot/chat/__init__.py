"""The Discord layer: client, composition root, one cog per feature, embeds and views.

``app.build_services`` wires settings, database and services; ``client.create_bot``
builds the (optionally sharded) client; cogs call ``backend.ChatBackend`` and render
with ``bot.render``.
"""
