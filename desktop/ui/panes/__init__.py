"""The two panes and what works on them: painting spans, selecting, tagging, notes, find, the article
list, span list and article data beside them.
"""
