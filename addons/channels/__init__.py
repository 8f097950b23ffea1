"""Our input channels, one module per channel, named in credentials.yml by their dotted paths.

Every channel here is built by Rasa when the server starts (`from_credentials`), and that is
where `addons.patches` are installed: explicitly, at start, never on import. Every channel also
answers a storage failure with the apology (`guard.apologising`).
"""
