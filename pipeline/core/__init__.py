"""Shared by every stage: errors, XML namespaces, safe parsing, atomic files, console, settings, executors. Imports nothing else of the pipeline."""
