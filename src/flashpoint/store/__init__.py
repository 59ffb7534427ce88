"""Event storage: one protocol, several back ends."""
