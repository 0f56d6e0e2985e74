"""reportkit: period reports on how a unit's annual plan is carried out."""

__version__ = "0.1.0"
