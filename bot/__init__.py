"""Balcão: a service-desk front door that records Slack help requests as chamados."""

__version__ = "0.1.0"
