"""Sample articles for ``diplobot demo``: the seed wire story and short ones written for it.

``01`` is the project's seed article (UrduPoint/APP, 6 Feb 2025); ``02``-``04`` are
invented for the demo, dated after it, and ``03`` postpones the meeting ``02`` announces.
"""

from pathlib import Path

DEMO_DIR = Path(__file__).resolve().parent


def demo_articles() -> list[Path]:
    """The sample articles in the order they were published."""
    return sorted(DEMO_DIR.glob("*.txt"))
