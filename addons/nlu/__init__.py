"""NLU components, named in config.yml by their dotted paths; the trained model depends on these."""
