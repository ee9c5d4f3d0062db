"""Shared by every stage: errors, namespaces, safe parsing, files, console, settings.

It imports nothing else of the pipeline (tests/test_architecture.py).
"""
