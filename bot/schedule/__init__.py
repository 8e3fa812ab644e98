"""Timed work: APScheduler jobs persisted in the database, run by one instance at a time."""
