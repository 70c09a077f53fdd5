"""Coding: the commands an analyst's changes are (do/undo, each returning a Change), batches, codebook
commands, importing articles, re-processing.
"""
