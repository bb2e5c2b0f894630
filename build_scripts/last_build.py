"""What the last run of the pipeline in this process made, by the frozen inputs it was made from.

`mkdocs serve` runs the pipeline again after every save. A page or a file whose inputs are those
of the last run is taken from it instead of made again. Only the last run's values are kept, so
a long preview does not grow.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

Value = TypeVar("Value")
# Set by whoever runs the pipeline again in the same process (the hook, under `mkdocs serve`).
# A single run keeps nothing: at 10,000 entries, holding the values to its end raised a build's
# peak memory from 413 MB to 553 MB.
REMEMBER = False


class LastBuild(Generic[Value]):
    def __init__(self) -> None:
        self.previous: dict[Hashable, Value] = {}
        self.current: dict[Hashable, Value] = {}
        self.state: Hashable = None

    def start(self, state: Hashable = None) -> None:
        """A new run. `state` is what every value also depends on (the templates, the build day,
        the site's address): when it is not the last run's, nothing carries over."""
        self.previous = self.current if state == self.state else {}
        self.current, self.state = {}, state

    def get(self, inputs: Hashable, make: Callable[[], Value]) -> Value:
        """The value made from `inputs` (everything it depends on) by the last run, or by `make`."""
        value = self.previous.get(inputs)
        if value is None:
            value = make()
        if REMEMBER:
            self.current[inputs] = value
        return value
