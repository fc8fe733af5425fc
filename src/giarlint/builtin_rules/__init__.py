"""giarlint's built-in rules. Each module is a pluggy plugin registered by import."""
