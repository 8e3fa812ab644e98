"""The Slack side: listeners, Block Kit views and the one Web API client."""
