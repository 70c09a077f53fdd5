"""Search and retrieve: the search dock and its worker thread, passages, suggestion rules and
suggestions in the panes.
"""
