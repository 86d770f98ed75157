"""Rendering: every object `jxtargets.api` returns, in every format, through `render()`."""

from .dispatch import render

__all__ = ["render"]
