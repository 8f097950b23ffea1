"""Extensions loaded by the Rasa server itself, by kind (nothing here changes Rasa on import):

- nlu/: the NLU components named in config.yml (the only part the trained model depends on);
- channels/: our input channels, one module each, named in credentials.yml;
- stores/: the tracker store and the lock store, named in the endpoints files;
- patches/: the few changes to Rasa's internals that have no extension point, installed
  explicitly when the server starts, each checked against Rasa's version and source.
"""
