"""An example giarlint plugin: rules of one province, registered through the ``giarlint`` entry point."""

__version__ = "0.1.0"
