"""The Qt window. Asks the core for data and sends it commands; holds no SQL and no text logic."""

from desktop.ui.widgets.feature_hook import quicken_feature_hook

# Before any other module of the window is imported: PySide6 checks each one as it is imported.
quicken_feature_hook()
