"""The service-desk core: the chamado life-cycle, with no Slack imports."""
