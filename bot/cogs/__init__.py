"""Discord features, one module each: thin adapters that render the content engine's answers."""
