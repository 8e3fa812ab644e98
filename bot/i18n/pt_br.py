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
}
