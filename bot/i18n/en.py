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
        "  /submit TEXT           submits the open form (field=value picks options)\n"
        "  /command /chamado queue runs a Slack slash command\n"
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
    "fc.answer_intro": "I opened ticket *{key}* and found this in the knowledge base:",
    "fc.answer_source": "Article: *{title}*",
    "fc.question_resolved": "Did this solve your problem?",
    "fc.suggest_intro": "I opened ticket *{key}*. These knowledge base articles may help:",
    "fc.suggest_hint": "If none of them solves it, talk to an agent with the button below.",
    "fc.escalated": (
        "I opened ticket *{key}* ({category}, priority {priority}) and sent it to the {team} "
        "team. An agent will answer here in this thread."
    ),
    "fc.escalated_unknown": (
        "I opened ticket *{key}* and sent it to the service desk. An agent will answer here "
        "in this thread."
    ),
    "fc.escalate_done": (
        "Done! I sent ticket *{key}* to an agent of the {team} team. The answer will come "
        "here in this thread."
    ),
    "fc.resolved_thanks": (
        "Great! I closed ticket *{key}* as solved by the knowledge base. If the problem comes "
        "back, just write here."
    ),
    "fc.assigned_requester": "{agent} took your ticket *{key}* and will talk to you here.",
    "fc.unsupported": "The IT service desk does not handle this kind of request. {redirect}",
    "fc.unsupported_logged": (
        "I logged it as ticket *{key}* for reference. If it really is an IT matter, talk to "
        "an agent."
    ),
    "fc.small_talk_hint": "To talk to a person at the service desk, use the button below.",
    "fc.not_requester": "Only the person who opened ticket {key} can use this button.",
    "fc.already_done": (
        "Ticket {key} was already sent to an agent or closed; this button has nothing left to do."
    ),
    "button.resolved": "Solved",
    "button.talk_to_agent": "No, talk to an agent",
    "button.agent": "Talk to an agent",
    "button.open_article": "Read the whole article",
    "button.assume": "Take it",
    "article.modal_title": "Knowledge base",
    "article.open_failed": "I could not open the article right now. Please try again in a moment.",
    "triage.header": "Ticket {key} · {priority}",
    "triage.requester": "*Requester:* {requester}",
    "triage.category": "*Category:* {category}",
    "triage.type": "*Type:* {request_type}",
    "triage.priority": "*Priority:* {priority}",
    "triage.status": "*Status:* {status}",
    "triage.kb_declined": (
        "*Knowledge base:* offered {articles}; the requester said it did not help."
    ),
    "triage.kb_offered": "*Knowledge base:* offered {articles}.",
    "triage.kb_none": "*Knowledge base:* no article with enough confidence.",
    "triage.conversation": "<{link}|Open the conversation>",
    "triage.assigned": "Taken by <@{agent}>.",
    "triage.unassigned": "Waiting for an agent.",
    "triage.already_assigned": "<@{agent}> already took ticket {key}.",
    "triage.closed": "Ticket {key} is already closed.",
    "status.new": "New",
    "status.in_progress": "In progress",
    "status.waiting_on_requester": "Waiting on the requester",
    "status.resolved": "Resolved",
    "status.closed": "Closed",
    "status.cancelled": "Cancelled",
    "status.small_talk": "Conversation",
    "type.information": "Information",
    "type.existing_service": "Existing service",
    "type.new_service": "New service",
    "type.incident": "Incident",
    "unknown": "not identified",
    "cli.start_failed": "Balcão could not start: {error}",
    "cli.kb_imported": (
        "Articles imported into {folder}: {count}. Total in the knowledge base: {total}."
    ),
    "cli.kb_indexed": "Knowledge base indexed: {total} articles in {seconds} s.",
    "bridge.agent_says": "*{agent}* (agent): {text}",
    "bridge.requester_says": "*{requester}* (requester): {text}",
    "bridge.files": "Files: {links}",
    "bridge.card_hint": (
        'Reply in this thread to talk to the requester. Messages that start with "{prefix}" '
        "stay between agents."
    ),
    "agent.only_agents": "Only IT service desk agents can use this button.",
    "button.resolve": "Resolve",
    "button.confirm_resolved": "Yes, solved",
    "button.not_yet": "Not yet",
    "resolve.modal_title": "Resolve ticket",
    "resolve.note_label": "Resolution note (the requester reads it)",
    "resolve.submit": "Resolve",
    "resolve.cancel": "Cancel",
    "resolve.requester": "{agent} resolved your ticket *{key}*:",
    "resolve.question": "Is the service working again and is the problem solved?",
    "resolve.confirmed": "Thanks! I closed ticket *{key}*. Write again whenever you need help.",
    "resolve.reopened": (
        "I reopened ticket *{key}* and told the agent handling it. The answer will come here "
        "in this thread."
    ),
    "triage.resolved_by": "Resolved by <@{agent}>: {note}",
    "triage.reopened": (
        "The requester said it is not solved yet: ticket {key} was reopened for <@{agent}>."
    ),
    "triage.confirmed": "The requester confirmed the fix; ticket {key} was closed.",
    "button.assign": "Assign to…",
    "button.close_unresolved": "Close unresolved",
    "close.modal_title": "Close unresolved",
    "close.reason_label": "Reason (the requester reads it)",
    "close.submit": "Close",
    "close.requester": "Ticket *{key}* was closed without a solution by {agent}:",
    "close.requester_hint": "If you still need help, just write here or talk to an agent.",
    "triage.closed_by": "Closed unresolved by <@{agent}>: {reason}",
    "assign.requester": "{agent} is now handling your ticket *{key}*.",
    "assign.not_agent": "<@{agent}> is not an agent; pick someone from the triage channels.",
    "triage.context_title": "Conversation so far on ticket {key}:",
    "triage.bot_name": "Balcão",
    "button.reclassify": "Reclassify",
    "reclassify.modal_title": "Reclassify ticket",
    "reclassify.category": "Category",
    "reclassify.type": "Request type",
    "reclassify.priority": "Priority",
    "reclassify.submit": "Save",
    "reclassify.requester_category": "Your ticket *{key}* is now in the {category} category.",
    "reclassify.requester_priority": "Your ticket *{key}* now has priority {priority}.",
    "reclassify.card_note": "<@{agent}> reclassified: {changes}",
    "cli.replay_failed": "The replay stopped after {rows} rows: {error}",
    "fc.escalate_done_desk": (
        "Done! I sent ticket *{key}* to the service desk. The answer will come here in this thread."
    ),
    "cmd.usage": "Usage: /chamado queue [page] · /chamado view CH-1001 · /chamado take CH-1001",
    "cmd.queue_title": "Your queue (page {page} of {pages}):",
    "cmd.queue_empty": "No open tickets with you and none waiting for an agent in your teams.",
    "cmd.queue_item": "• *{key}* · {priority} · {status} · {assignee} · {title}",
    "cmd.unassigned": "unassigned",
    "cmd.yours": "yours",
    "cmd.not_found": "Ticket {key} not found.",
    "cmd.view_title": "*{key}* · {status} · priority {priority} · {category}",
    "cmd.view_people": "Requester: <@{requester}> · Agent: {assignee}",
    "cmd.assumed": "You took ticket {key}. The conversation so far is in the card's thread.",
    "agent.only_agents_command": "Only IT service desk agents can use /chamado.",
    "chat.modal_hint": "      (form open: /submit TEXT sends it; field=value picks an option)",
    "chat.no_modal": "There is no open form to submit.",
    "chat.usage_command": "Usage: /command /chamado queue (a Slack slash command and its text).",
    "bridge.waiting": "_Ticket {key} is waiting for your reply in this thread._",
    "note.modal_title": "Internal note",
    "note.submit": "Save note",
    "note.label": "Note (stays between agents)",
    "note.posted": "📝 Internal note from <@{agent}>: {text}",
    "note.not_a_card": "Use the internal note on a triage card or in its thread.",
    "closure.remind_agent": (
        "Reminder: ticket *{key}* was marked as resolved. Is the service working again "
        "and is the problem solved?"
    ),
    "closure.remind_kb": "Reminder: did the article I sent solve ticket *{key}*?",
    "closure.closed": (
        "I closed ticket *{key}* because we had no answer. If you still need help, just "
        "reply here or talk to an agent."
    ),
    "triage.auto_closed": (
        "Ticket {key} was closed automatically: the requester did not answer the confirmation."
    ),
    "sla.warning": "⏰ Ticket {key} ({priority}): {used}% of the {clock} target used; due {due}.",
    "sla.breach": "🚨 Ticket {key} ({priority}): {clock} target missed at {due}.{lead}",
    "sla.clock_response": "first response",
    "sla.clock_resolution": "resolution",
    "sla.lead": " Heads up, <@{lead}>.",
    "triage.sla": "*SLA:* first response by {response} · resolution by {resolution}",
    "cli.jobs_periodic": "Periodic jobs (next run):",
    "cli.jobs_per_ticket": "Per chamado (desk time):",
    "cli.sla_opened": "Opened {at}",
    "cli.sla_paused": (
        "Paused (waiting on the requester): {total} in all; paused now since {since}"
    ),
    "cli.sla_clock": "{clock}: {used} of {target} business time ({percent}%), due {due}, {state}",
    "cli.sla_none": "No SLA: the chamado has no priority.",
    "cli.sla_alerts": "Alerts sent: {alerts}",
    "survey.question": (
        "How was the service on ticket *{key}*? Rate it from 1 (poor) to 5 (great)."
    ),
    "survey.thanks": "Thank you! Your rating for ticket *{key}*: {rating}/5.",
    "button.comment": "Leave a comment",
    "survey.modal_title": "Comment",
    "survey.submit": "Send",
    "survey.label": "What could we do better?",
    "survey.low_rating": "⚠️ Ticket {key} was rated {rating}/5.",
    "survey.low_comment": "The requester's comment on ticket {key}: {comment}",
    "digest.title": "Weekly digest · {start} to {end}",
    "digest.headline": "{total} tickets, {kb} resolved by the knowledge base, SLA met in {sla}",
    "digest.changes": (
        "Volume: {volume} · first-contact resolution: {fcr} · average satisfaction: "
        "{csat} · open now: {backlog}"
    ),
    "digest.gaps_title": "*Knowledge base gaps:*",
    "digest.gap": "• {category}: {count} ticket(s), for example “{example}”",
    "digest.comments_title": "*Comments on low ratings:*",
    "digest.report_button": "See the full report",
    "digest.footer": "Made by Balcão. Details: balcao report --from … --to …",
    "digest.chart_volume": "Tickets per day and type",
    "digest.chart_sla": "SLA met per priority (%)",
    "digest.chart_title": "The week's chart",
    "home.manager_title": "Balcão · the week so far",
    "home.since": (
        "Tickets opened since {since} (Monday). The full digest goes to the managers' channel."
    ),
    "home.title": "Balcão · IT service desk",
    "home.how_to_ask": (
        "To ask for help, send me a direct message, mention me in a channel or write in "
        "the help channel. I open a ticket, look for the answer in the knowledge base "
        "and, if needed, bring in an agent."
    ),
}
