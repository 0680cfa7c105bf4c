"""meldcode."""
