"""Files in and out: one module per format (its reader and writer together), the registry
(formats.py), and attaching incoming spans to stored articles (attach.py)."""
