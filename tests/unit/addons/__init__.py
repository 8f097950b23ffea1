"""Unit tests of addons/, one test module per module."""
