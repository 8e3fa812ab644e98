"""English texts."""

MESSAGES: dict[str, str] = {
    "ack.recorded": "I got your request and opened ticket *{key}*.",
    "ack.recorded_files": "I got {files} and opened ticket *{key}*: {names}.",
    "ack.quote": "> {summary}",
    "ack.next_steps": (
        "An IT service desk agent will look into it and answer here in this thread. To "
        "add details, screenshots or files, just reply here."
    ),
    "ack.ask_details": (
        "Could you tell me in a few words what is happening? Reply in this thread and "
        "I'll add it to the ticket."
    ),
    "ack.fallback": "Ticket {key} opened. An agent will answer in this thread.",
    "ack.context": "Ticket {key} · opened {opened_at}",
    "files.one": "your file",
    "files.many": "{count} files",
    "button.cancel": "Cancel ticket",
    "cancel.confirm_title": "Cancel the ticket?",
    "cancel.confirm_text": "Ticket {key} will be closed without being worked on.",
    "cancel.confirm_yes": "Yes, cancel",
    "cancel.confirm_no": "Go back",
    "cancel.done": "Ticket *{key}* cancelled as you asked. Write again whenever you need help.",
    "cancel.done_fallback": "Ticket {key} cancelled.",
    "cancel.already_closed": "Ticket {key} is already closed; there is nothing to cancel.",
    "cancel.not_requester": (
        "Only the person who opened ticket {key} can cancel it. If you need help, open a "
        "ticket of your own."
    ),
    "chat.welcome": (
        "Balcão local chat: you talk to the bot as one of the sample people. Nothing "
        "leaves this machine."
    ),
    "chat.help": (
        "Commands:\n"
        "  free text              sends a message (@balcao mentions the bot in a channel)\n"
        "  /as PERSON             switches person (ana, john, carla, marcos)\n"
        "  /people                lists the sample people\n"
        "  /dm                    back to the person's DM with the bot\n"
        "  /channel NAME          writes in a channel (ajuda-ti, ti-triagem, ti-gestao, geral)\n"
        "  /thread N              replies in the thread of message [N]; /out leaves it\n"
        "  /press N               presses button (bN)\n"
        "  /edit N TEXT           edits your message [N]; /delete N deletes it\n"
        "  /file NAME [TEXT]      shares a file (with or without text)\n"
        "  /ticket CH-1001        shows the ticket's record\n"
        "  /help                  shows this help; /quit leaves\n"
        "The Portuguese commands work too (/eu, /canal, /fio, /botao, /sair …)."
    ),
    "chat.did_you_mean": " Did you mean {command}?",
    "chat.unknown_command": "Unknown command: {command}.",
    "chat.unknown_person": "No sample person called '{person}'. Sample people: {people}.",
    "chat.unknown_channel": "No channel called '{channel}'. Channels: {channels}.",
    "chat.unknown_button": (
        "There is no button {number} in the conversation; buttons show as (b1), (b2) …"
    ),
    "chat.unknown_message": (
        "There is no message {number} in the conversation; messages show as [1], [2] …"
    ),
    "chat.unknown_ticket": "Ticket {key} not found.",
    "chat.button_gone": (
        "That button no longer exists (the message was updated). Use a newer button."
    ),
    "chat.usage_as": "Usage: /as PERSON (for example /as john).",
    "chat.usage_channel": "Usage: /channel NAME (for example /channel ajuda-ti).",
    "chat.usage_thread": "Usage: /thread N, with the number [N] of a message.",
    "chat.usage_press": "Usage: /press N, with the number (bN) of a button.",
    "chat.usage_edit": "Usage: /edit N NEW TEXT.",
    "chat.usage_delete": "Usage: /delete N.",
    "chat.usage_file": "Usage: /file NAME [TEXT], for example /file error.png the VPN shows this.",
    "chat.usage_ticket": "Usage: /ticket CH-1001.",
    "chat.not_yours": "You can only edit or delete your own messages.",
    "chat.deleted": "Message deleted.",
    "chat.deleted_mark": "(deleted)",
    "chat.updated": "(updated)",
    "chat.delivery_failed": (
        "The bot answered HTTP {status} to this delivery; Slack would retry it."
    ),
    "chat.still_working": "The bot is still working; the rest shows up on your next action.",
    "chat.ephemeral": "   (only {person} sees this):",
    "chat.in_dm": "{person}'s DM",
    "chat.dm_with_bot": "DM with Balcão",
    "chat.in_thread": "in thread [{number}]",
    "chat.not_member": (
        "{person} is not in that conversation, so they cannot see that button. Use /as to "
        "switch person."
    ),
    "cli.invalid_config": "Invalid configuration (environment or .env):",
    "cli.chat_local_only": (
        "balcao chat runs on the local workspace only; unset SLACK_BOT_TOKEN to use it."
    ),
    "cli.db_upgraded": "Database {url} upgraded to revision {revision}.",
}
