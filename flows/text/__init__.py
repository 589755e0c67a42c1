"""Text helpers that the metadata, structure and targets stages share.

  numerals.py  Chinese numerals (一千二百, 两万) and numbers written either way
  years.py     the year pattern, periods (2023—2027年) and the earliest year a target may name
  clauses.py   sentence spans and clause bounds of the cleaned text
  lines.py     line spans and line starts of the cleaned text

Nothing here reads the rules files: these are facts of written Chinese, not choices.
"""
