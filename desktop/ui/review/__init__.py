"""Several analysts: the analyst menu, samples, the agreement report, adjudication."""
