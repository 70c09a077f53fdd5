"""Reports: the report tables and charts, and the docks of article metadata they draw on."""
