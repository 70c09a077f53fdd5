"""The Qt window. Asks the core for data and sends it commands; holds no SQL and no text logic."""
