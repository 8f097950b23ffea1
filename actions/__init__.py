"""Custom actions: thin adapters from Rasa to the pure `careers` package.

The knowledge base is loaded and validated here, when the action server imports this
package: a broken knowledge-base file stops the server at start-up with one clear error,
instead of failing in the middle of a conversation.
"""

from careers import knowledge

KB = knowledge.default()
