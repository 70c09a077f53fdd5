"""The window's frame: the main window, its menus and layout, the database it holds (watching, safety,
restore), undo, the status bar's parts.
"""
