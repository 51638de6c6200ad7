"""Decimal helpers shared by the formulas and the renderers."""

from __future__ import annotations

from decimal import Decimal


def tidy(value: Decimal) -> Decimal:
    """``value`` without trailing fractional zeros, never in exponent form; same value.

    ``70.0`` → ``70``, ``12.50`` → ``12.5``; integers keep a plain exponent of 0
    rather than ``normalize``'s ``7E+1``; zero is ``0``, never ``-0``.
    """
    if value.is_zero():
        return Decimal(0)
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent >= 0:
        return value
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()
