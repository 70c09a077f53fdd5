"""Several analysts: agreement and its measures, disagreements, the double-coding report, adjudication, samples."""
