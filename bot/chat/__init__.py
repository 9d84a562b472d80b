"""The Discord layer: the client (``client.build_bot``), one cog per feature, embeds and views.

The client is handed the app of the composition root (:mod:`bot.app`); cogs call its
services (blocking work through ``blocking.off_loop``) and render with :mod:`bot.render`.
"""
