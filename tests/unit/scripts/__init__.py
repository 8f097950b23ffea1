"""Unit tests of scripts/, one test module per module."""
