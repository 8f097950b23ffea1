"""The tracker store and the lock store, named in the endpoints files by their dotted paths."""
