"""Files in and out: importing articles and annotations, the export dialogs, re-processing."""
