"""Chinese numerals: 一千二百 -> 1200, 两万 -> 20000; numbers written in digits or in Chinese."""
from __future__ import annotations

import re

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000, "亿": 100000000}
NUMERAL_CHARS = "零〇一二两三四五六七八九十百千万亿"  # every character a Chinese numeral is written with
SMALL_NUMERAL_CHARS = "一二两三四五六七八九十"  # a count of up to a few dozen (三年, 十大)
HEADING_NUMERAL_CHARS = "一二三四五六七八九十"  # heading labels: 一、 (一)
# an amount in Chinese numerals with its multiplier (百亿, 三千万): the span that holds one
CHINESE_AMOUNT = re.compile(f"[{NUMERAL_CHARS}]+[{''.join(u for u, n in CN_UNITS.items() if n >= 100)}]")


def chinese_to_number(text: str) -> float | None:
    """一千二百 -> 1200, 两万 -> 20000, 十五 -> 15, 百 -> 100. None if not a numeral."""
    if not text:
        return None
    # 亿-level and 万-level parts are kept apart so that 一亿两千万 is 1.2亿, not (1亿+2千)万.
    yi_part, wan_part, section, digit = 0, 0, 0, None
    for ch in text:
        if ch in CN_DIGITS:
            digit = CN_DIGITS[ch]
        elif ch == "万":
            wan_part = ((wan_part + section + (digit or 0)) or 1) * CN_UNITS[ch]
            section, digit = 0, None
        elif ch == "亿":
            yi_part = ((yi_part + wan_part + section + (digit or 0)) or 1) * CN_UNITS[ch]
            wan_part, section, digit = 0, 0, None
        elif ch in CN_UNITS:
            section += (digit if digit is not None else 1) * CN_UNITS[ch]
            digit = None
        else:
            return None
    return float(yi_part + wan_part + section + (digit or 0))


def parse_number(text: str) -> float | None:
    """12.5 or 一千二百 as a float; None when it is neither."""
    if not text:
        return None
    if text[0].isdigit():
        try:
            return float(text)
        except ValueError:
            return None
    return chinese_to_number(text)
