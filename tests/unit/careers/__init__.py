"""Unit tests of careers/, one test module per module."""
