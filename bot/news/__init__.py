"""Reading articles: text, files, JSON lines, web pages, feeds and channel messages.

No database and no timeline here: the services that read feeds and channels hand the
articles to the timeline (``bot/services/feed_polling.py``, ``news_channels.py``).
"""
