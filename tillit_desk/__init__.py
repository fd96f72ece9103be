"""Tillit Desk: a drafting assistant for Swedish tjänsteskrivelser."""

__version__ = "0.1.0"
