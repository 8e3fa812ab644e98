"""Textos em português do Brasil (idioma padrão)."""

MESSAGES: dict[str, str] = {
    "ack.recorded": "Recebi seu pedido e abri o chamado *{key}*.",
    "ack.recorded_files": "Recebi {files} e abri o chamado *{key}*: {names}.",
    "ack.quote": "> {summary}",
    "ack.next_steps": (
        "Um atendente da equipe de TI vai analisar e responder aqui neste tópico. Se "
        "quiser acrescentar detalhes, prints ou arquivos, é só responder aqui."
    ),
    "ack.ask_details": (
        "Pode me contar em poucas palavras o que está acontecendo? Responda aqui neste "
        "tópico e eu junto ao chamado."
    ),
    "ack.fallback": "Chamado {key} aberto. Um atendente vai responder neste tópico.",
    "ack.context": "Chamado {key} · aberto em {opened_at}",
    "files.one": "o arquivo",
    "files.many": "{count} arquivos",
    "button.cancel": "Cancelar chamado",
    "cancel.confirm_title": "Cancelar o chamado?",
    "cancel.confirm_text": "O chamado {key} será encerrado sem atendimento.",
    "cancel.confirm_yes": "Sim, cancelar",
    "cancel.confirm_no": "Voltar",
    "cancel.done": "Chamado *{key}* cancelado a seu pedido. Se precisar, é só escrever de novo.",
    "cancel.done_fallback": "Chamado {key} cancelado.",
    "cancel.already_closed": "O chamado {key} já está encerrado; não há nada a cancelar.",
    "cancel.not_requester": (
        "Só quem abriu o chamado {key} pode cancelá-lo. Se precisar de ajuda, abra um chamado seu."
    ),
    "chat.welcome": (
        "Chat local do Balcão: você conversa com o bot como uma das pessoas de exemplo. "
        "Nada sai desta máquina."
    ),
    "chat.help": (
        "Comandos:\n"
        "  texto livre            envia uma mensagem (@balcao menciona o bot num canal)\n"
        "  /eu PESSOA             troca de pessoa (ana, john, carla, marcos)\n"
        "  /pessoas               lista as pessoas de exemplo\n"
        "  /dm                    volta para a DM da pessoa com o bot\n"
        "  /canal NOME            escreve no canal (ajuda-ti, ti-triagem, ti-gestao, geral)\n"
        "  /fio N                 responde no tópico da mensagem [N]; /fora sai dele\n"
        "  /botao N               aperta o botão (bN)\n"
        "  /editar N TEXTO        edita a sua mensagem [N]; /apagar N apaga\n"
        "  /arquivo NOME [TEXTO]  envia um arquivo (com ou sem texto)\n"
        "  /chamado CH-1001       mostra o registro do chamado\n"
        "  /enviar TEXTO          envia o formulário aberto (campo=valor escolhe opções)\n"
        "  /comando /chamado fila executa um comando de barra do Slack\n"
        "  /ajuda                 mostra esta ajuda; /sair encerra\n"
        "Os comandos em inglês também valem (/as, /channel, /thread, /press, /quit …)."
    ),
    "chat.did_you_mean": " Você quis dizer {command}?",
    "chat.unknown_command": "Comando desconhecido: {command}.",
    "chat.unknown_person": "Não conheço a pessoa '{person}'. Pessoas de exemplo: {people}.",
    "chat.unknown_channel": "Não conheço o canal '{channel}'. Canais: {channels}.",
    "chat.unknown_button": (
        "Não há botão {number} na conversa; os botões aparecem como (b1), (b2) …"
    ),
    "chat.unknown_message": (
        "Não há mensagem {number} na conversa; as mensagens aparecem como [1], [2] …"
    ),
    "chat.unknown_ticket": "Chamado {key} não encontrado.",
    "chat.button_gone": (
        "Esse botão não existe mais (a mensagem foi atualizada). Use um botão mais recente."
    ),
    "chat.usage_as": "Uso: /eu PESSOA (por exemplo /eu john).",
    "chat.usage_channel": "Uso: /canal NOME (por exemplo /canal ajuda-ti).",
    "chat.usage_thread": "Uso: /fio N, com o número [N] de uma mensagem.",
    "chat.usage_press": "Uso: /botao N, com o número (bN) de um botão.",
    "chat.usage_edit": "Uso: /editar N TEXTO NOVO.",
    "chat.usage_delete": "Uso: /apagar N.",
    "chat.usage_file": (
        "Uso: /arquivo NOME [TEXTO], por exemplo /arquivo erro.png a VPN mostra isto."
    ),
    "chat.usage_ticket": "Uso: /chamado CH-1001.",
    "chat.not_yours": "Só dá para editar ou apagar as suas próprias mensagens.",
    "chat.deleted": "Mensagem apagada.",
    "chat.deleted_mark": "(apagada)",
    "chat.updated": "(atualizada)",
    "chat.delivery_failed": (
        "O bot respondeu HTTP {status} a esta entrega; o Slack tentaria de novo."
    ),
    "chat.still_working": "O bot ainda está trabalhando; o restante aparece na próxima ação.",
    "chat.ephemeral": "   (só para {person}):",
    "chat.in_dm": "DM de {person}",
    "chat.dm_with_bot": "DM com o Balcão",
    "chat.in_thread": "no tópico [{number}]",
    "chat.not_member": (
        "{person} não participa dessa conversa, então não vê esse botão. Use /eu para "
        "trocar de pessoa."
    ),
    "cli.invalid_config": "Configuração inválida (variáveis de ambiente ou .env):",
    "cli.chat_local_only": (
        "O balcao chat só funciona no workspace local; remova SLACK_BOT_TOKEN para usá-lo."
    ),
    "cli.db_upgraded": "Banco de dados {url} atualizado até a revisão {revision}.",
    "fc.answer_intro": "Registrei o chamado *{key}* e encontrei isto na base de conhecimento:",
    "fc.answer_source": "Artigo: *{title}*",
    "fc.question_resolved": "Isso resolveu o seu problema?",
    "fc.suggest_intro": (
        "Registrei o chamado *{key}*. Estes artigos da base de conhecimento podem ajudar:"
    ),
    "fc.suggest_hint": "Se nenhum deles resolver, fale com um atendente pelo botão abaixo.",
    "fc.escalated": (
        "Registrei o chamado *{key}* ({category}, prioridade {priority}) e encaminhei para a "
        "equipe {team}. Um atendente vai responder aqui neste tópico."
    ),
    "fc.escalated_unknown": (
        "Registrei o chamado *{key}* e encaminhei para a central de atendimento. Um atendente "
        "vai responder aqui neste tópico."
    ),
    "fc.escalate_done": (
        "Certo! Encaminhei o chamado *{key}* para um atendente da equipe {team}. A resposta "
        "vem aqui neste tópico."
    ),
    "fc.resolved_thanks": (
        "Que bom! Encerrei o chamado *{key}* como resolvido pela base de conhecimento. Se o "
        "problema voltar, é só escrever aqui."
    ),
    "fc.assigned_requester": (
        "{agent} assumiu o seu chamado *{key}* e vai falar com você por aqui."
    ),
    "fc.unsupported": "Esse tipo de pedido não é atendido pela TI. {redirect}",
    "fc.unsupported_logged": (
        "Registrei como chamado *{key}* para referência. Se for mesmo um assunto de TI, fale "
        "com um atendente."
    ),
    "fc.small_talk_hint": (
        "Para falar com uma pessoa da central de atendimento, use o botão abaixo."
    ),
    "fc.not_requester": "Só quem abriu o chamado {key} pode usar este botão.",
    "fc.already_done": (
        "O chamado {key} já foi encaminhado ou encerrado; não há nada a fazer com este botão."
    ),
    "button.resolved": "Resolveu",
    "button.talk_to_agent": "Não, falar com um atendente",
    "button.agent": "Falar com um atendente",
    "button.open_article": "Ver artigo completo",
    "button.assume": "Assumir",
    "article.modal_title": "Base de conhecimento",
    "article.open_failed": "Não consegui abrir o artigo agora. Tente de novo em instantes.",
    "triage.header": "Chamado {key} · {priority}",
    "triage.requester": "*Solicitante:* {requester}",
    "triage.category": "*Categoria:* {category}",
    "triage.type": "*Tipo:* {request_type}",
    "triage.priority": "*Prioridade:* {priority}",
    "triage.status": "*Situação:* {status}",
    "triage.kb_declined": (
        "*Base de conhecimento:* ofereceu {articles}; o solicitante disse que não resolveu."
    ),
    "triage.kb_offered": "*Base de conhecimento:* ofereceu {articles}.",
    "triage.kb_none": "*Base de conhecimento:* nenhum artigo com confiança suficiente.",
    "triage.conversation": "<{link}|Abrir a conversa>",
    "triage.assigned": "Assumido por <@{agent}>.",
    "triage.unassigned": "Aguardando um atendente.",
    "triage.already_assigned": "<@{agent}> já assumiu o chamado {key}.",
    "triage.closed": "O chamado {key} já está encerrado.",
    "status.new": "Novo",
    "status.in_progress": "Em atendimento",
    "status.waiting_on_requester": "Aguardando o solicitante",
    "status.resolved": "Resolvido",
    "status.closed": "Encerrado",
    "status.cancelled": "Cancelado",
    "status.small_talk": "Conversa",
    "type.information": "Informação",
    "type.existing_service": "Serviço existente",
    "type.new_service": "Serviço novo",
    "type.incident": "Incidente",
    "unknown": "não identificado",
    "cli.start_failed": "Não foi possível iniciar o Balcão: {error}",
    "cli.kb_imported": (
        "Artigos importados para {folder}: {count}. Total na base de conhecimento: {total}."
    ),
    "cli.kb_indexed": "Base de conhecimento indexada: {total} artigos em {seconds} s.",
    "bridge.agent_says": "*{agent}* (atendente): {text}",
    "bridge.requester_says": "*{requester}* (solicitante): {text}",
    "bridge.files": "Arquivos: {links}",
    "bridge.card_hint": (
        "Responda neste tópico para falar com o solicitante. Mensagens que começam com "
        '"{prefix}" ficam só entre atendentes.'
    ),
    "agent.only_agents": "Só atendentes das equipes de TI podem usar este botão.",
    "button.resolve": "Resolver",
    "button.confirm_resolved": "Resolveu",
    "button.not_yet": "Ainda não",
    "resolve.modal_title": "Resolver chamado",
    "resolve.note_label": "Nota de resolução (o solicitante vai ler)",
    "resolve.submit": "Resolver",
    "resolve.cancel": "Cancelar",
    "resolve.requester": "{agent} resolveu o seu chamado *{key}*:",
    "resolve.question": "O serviço voltou a funcionar e o problema está resolvido?",
    "resolve.confirmed": (
        "Obrigado! Encerrei o chamado *{key}*. Se precisar, é só escrever de novo."
    ),
    "resolve.reopened": (
        "Reabri o chamado *{key}* e avisei quem estava cuidando dele. A resposta vem aqui "
        "neste tópico."
    ),
    "triage.resolved_by": "Resolvido por <@{agent}>: {note}",
    "triage.reopened": (
        "O solicitante disse que ainda não resolveu: o chamado {key} foi reaberto para <@{agent}>."
    ),
    "triage.confirmed": "O solicitante confirmou a solução; o chamado {key} foi encerrado.",
    "button.assign": "Atribuir a…",
    "button.close_unresolved": "Encerrar sem solução",
    "close.modal_title": "Encerrar sem solução",
    "close.reason_label": "Motivo (o solicitante vai ler)",
    "close.submit": "Encerrar",
    "close.requester": "O chamado *{key}* foi encerrado sem solução por {agent}:",
    "close.requester_hint": (
        "Se ainda precisar de ajuda, é só escrever aqui ou falar com um atendente."
    ),
    "triage.closed_by": "Encerrado sem solução por <@{agent}>: {reason}",
    "assign.requester": "Agora {agent} está cuidando do seu chamado *{key}*.",
    "assign.not_agent": "<@{agent}> não é atendente; escolha alguém dos canais de triagem.",
    "triage.context_title": "Conversa até agora no chamado {key}:",
    "triage.bot_name": "Balcão",
    "button.reclassify": "Reclassificar",
    "reclassify.modal_title": "Reclassificar chamado",
    "reclassify.category": "Categoria",
    "reclassify.type": "Tipo de solicitação",
    "reclassify.priority": "Prioridade",
    "reclassify.submit": "Salvar",
    "reclassify.requester_category": "Seu chamado *{key}* agora está na categoria {category}.",
    "reclassify.requester_priority": "A prioridade do seu chamado *{key}* agora é {priority}.",
    "reclassify.card_note": "<@{agent}> reclassificou: {changes}",
    "cli.replay_failed": "O replay parou depois de {rows} linhas: {error}",
    "fc.escalate_done_desk": (
        "Certo! Encaminhei o chamado *{key}* para a central de atendimento. A resposta "
        "vem aqui neste tópico."
    ),
    "cmd.usage": "Uso: /chamado fila [página] · /chamado ver CH-1001 · /chamado assumir CH-1001",
    "cmd.queue_title": "Sua fila (página {page} de {pages}):",
    "cmd.queue_empty": (
        "Nenhum chamado aberto com você nem esperando um atendente nas suas equipes."
    ),
    "cmd.queue_item": "• *{key}* · {priority} · {status} · {assignee} · {title}",
    "cmd.unassigned": "sem atendente",
    "cmd.yours": "com você",
    "cmd.not_found": "Chamado {key} não encontrado.",
    "cmd.view_title": "*{key}* · {status} · prioridade {priority} · {category}",
    "cmd.view_people": "Solicitante: <@{requester}> · Atendente: {assignee}",
    "cmd.assumed": "Você assumiu o chamado {key}. A conversa até agora está no tópico do cartão.",
    "agent.only_agents_command": "Só atendentes das equipes de TI podem usar /chamado.",
    "chat.modal_hint": (
        "(formulário aberto: /enviar TEXTO para enviar; campo=valor escolhe uma opção)"
    ),
    "chat.no_modal": "Não há formulário aberto para enviar.",
    "chat.usage_command": (
        "Uso: /comando /chamado fila (um comando de barra do Slack e o texto dele)."
    ),
    "bridge.waiting": "_O chamado {key} aguarda a sua resposta neste tópico._",
    "note.modal_title": "Nota interna",
    "note.submit": "Salvar nota",
    "note.label": "Nota (fica só entre atendentes)",
    "note.posted": "📝 Nota interna de <@{agent}>: {text}",
    "note.not_a_card": "Use a nota interna num cartão de triagem ou no tópico dele.",
    "closure.remind_agent": (
        "Lembrete: o chamado *{key}* foi marcado como resolvido. O serviço voltou a "
        "funcionar e o problema está resolvido?"
    ),
    "closure.remind_kb": "Lembrete: o artigo que enviei resolveu o chamado *{key}*?",
    "closure.closed": (
        "Encerrei o chamado *{key}* porque não tivemos resposta. Se ainda precisar de "
        "ajuda, é só responder aqui ou falar com um atendente."
    ),
    "triage.auto_closed": (
        "O chamado {key} foi encerrado automaticamente: o solicitante não respondeu à confirmação."
    ),
    "sla.warning": (
        "⏰ Chamado {key} ({priority}): {used}% do prazo de {clock} usado; vence em {due}."
    ),
    "sla.breach": "🚨 Chamado {key} ({priority}): prazo de {clock} estourado em {due}.{lead}",
    "sla.clock_response": "primeira resposta",
    "sla.clock_resolution": "solução",
    "sla.lead": " Atenção, <@{lead}>.",
    "triage.sla": "*SLA:* primeira resposta até {response} · solução até {resolution}",
    "cli.jobs_periodic": "Tarefas periódicas (próxima execução):",
    "cli.jobs_per_ticket": "Por chamado (horário da central):",
    "cli.sla_opened": "Aberto em {at}",
    "cli.sla_paused": (
        "Pausado (aguardando o solicitante): {total} no total; pausado agora desde {since}"
    ),
    "cli.sla_clock": "{clock}: {used} de {target} úteis ({percent}%), vence {due}, {state}",
    "cli.sla_none": "Sem SLA: o chamado não tem prioridade.",
    "cli.sla_alerts": "Avisos enviados: {alerts}",
    "survey.question": (
        "Como foi o atendimento do chamado *{key}*? Dê uma nota de 1 (ruim) a 5 (ótimo)."
    ),
    "survey.thanks": "Obrigado! Sua nota para o chamado *{key}*: {rating}/5.",
    "button.comment": "Deixar um comentário",
    "survey.modal_title": "Comentário",
    "survey.submit": "Enviar",
    "survey.label": "O que podemos melhorar?",
    "survey.low_rating": "⚠️ O chamado {key} recebeu nota {rating}/5.",
    "survey.low_comment": "Comentário do solicitante sobre o chamado {key}: {comment}",
    "digest.title": "Resumo da semana · {start} a {end}",
    "digest.headline": (
        "{total} chamados, {kb} resolvidos pela base de conhecimento, SLA cumprido em {sla}"
    ),
    "digest.changes": (
        "Volume: {volume} · resolução no primeiro contato: {fcr} · satisfação média: "
        "{csat} · abertos agora: {backlog}"
    ),
    "digest.gaps_title": "*Lacunas da base de conhecimento:*",
    "digest.gap": "• {category}: {count} chamado(s), por exemplo “{example}”",
    "digest.comments_title": "*Comentários de notas baixas:*",
    "digest.report_button": "Ver relatório completo",
    "digest.footer": "Gerado pelo Balcão. Detalhes: balcao report --from … --to …",
    "digest.chart_volume": "Chamados por dia e tipo",
    "digest.chart_sla": "SLA cumprido por prioridade (%)",
    "digest.chart_title": "Gráfico da semana",
    "home.manager_title": "Balcão · a semana até agora",
    "home.since": (
        "Chamados abertos desde {since} (segunda-feira). O resumo completo sai no canal "
        "dos gestores."
    ),
    "home.title": "Balcão · central de atendimento de TI",
    "home.how_to_ask": (
        "Para pedir ajuda, mande uma mensagem direta para mim, me mencione num canal ou "
        "escreva no canal de ajuda. Eu abro um chamado, procuro a resposta na base de "
        "conhecimento e, se precisar, chamo um atendente."
    ),
}
