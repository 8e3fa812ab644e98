"""Knowledge base: articles the bot answers from on first contact."""
