"""Gazetteer data files (read by bot.extract.gazetteer); a package so wheels ship them."""
