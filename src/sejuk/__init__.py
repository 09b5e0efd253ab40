"""Sejuk: the information system of Polri's election "cooling system"."""

__version__ = "0.1.0"
