"""modelpolicy: licence checks for the models, datasets, APIs and model servers a repository uses."""

__version__ = "0.1.0"
