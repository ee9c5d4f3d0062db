"""Dates: calendar words and ISO values (calendar) and the tagger that marks them."""
