"""What every part of the window shares: labels and tooltips that never read data as HTML, message
boxes, translations, file dialogs; and PySide6's import-hook check answered for less (feature_hook).
"""
