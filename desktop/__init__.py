"""Policy Annotator: tag projects, targets and measures in Chinese policy news articles."""

__version__ = "0.1.0"
