"""Finding text: corpus search, the literals a pattern requires, suggestions from rules and tagged
strings, analysts' regular expressions with a time limit.
"""
