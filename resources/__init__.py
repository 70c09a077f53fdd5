"""Data files of Policy Annotator, installed as the package ``desktop.resources``."""
