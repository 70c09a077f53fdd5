"""Bytes on disk -> original text -> clean Simplified text and the offset map joining them.

Never imports the store: the pipeline is tested, and runs, without a database.
"""
