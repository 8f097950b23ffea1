"""What every NLU component here shares: Rasa's `create` and `load`, with the config merged over
the component's defaults in one place. A component builds itself in `from_config`; one with a
trained model (the intent classifier) also reads it in its own `load`."""

from __future__ import annotations

from typing import Any, Dict, TypeVar

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage

C = TypeVar("C", bound="Component")


class Component(GraphComponent):
    @classmethod
    def configured(cls, config: Dict[str, Any]) -> Dict[str, Any]:
        return {**cls.get_default_config(), **config}

    @classmethod
    def from_config(
        cls: type[C], config: Dict[str, Any], model_storage: ModelStorage, resource: Resource
    ) -> C:
        return cls(config)  # the components without a model take only their config

    @classmethod
    def create(
        cls: type[C],
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> C:
        return cls.from_config(cls.configured(config), model_storage, resource)

    @classmethod
    def load(
        cls: type[C],
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> C:
        return cls.create(config, model_storage, resource, execution_context)
