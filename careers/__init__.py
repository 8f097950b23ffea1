"""The career knowledge domain: loading the knowledge base and answering from it.

Pure Python, no Rasa imports, so it is tested without a model or a server and shared by the
action server (actions/) and the NLU component (addons/).
"""
