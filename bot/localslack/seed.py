"""Sample people and channels of the local workspace, used by `balcao run` and the tests."""

from __future__ import annotations

from dataclasses import dataclass

from bot.localslack.state import JsonDict, Workspace

# Handle typed in the local chat -> Slack user id.
SAMPLE_PEOPLE: dict[str, str] = {
    "ana": "U0ANA",
    "john": "U0JOHN",
    "carla": "U0CARLA",
    "marcos": "U0MARCOS",
}

# Channel name -> conversation id.
SAMPLE_CHANNELS: dict[str, str] = {
    "ajuda-ti": "C0AJUDA",
    "ti-triagem": "C0TRIAGEM",
    "ti-infra": "C0INFRA",
    "ti-sistemas": "C0SISTEMAS",
    "ti-seguranca": "C0SEGURANCA",
    "ti-gestao": "C0GESTAO",
    "geral": "C0GERAL",
}

# Id of the custom profile field "Departamento", as Slack keys profile.fields.
DEPARTMENT_FIELD_ID = "Xf0DEPTO"

# Unix time the sample channels claim to have been created (2024-12-01 UTC).
CREATED = 1733011200


@dataclass(frozen=True)
class Person:
    user_id: str
    name: str
    real_name: str
    email: str
    title: str
    department: str
    locale: str
    tz: str
    deleted: bool = False
    bot_id: str | None = None


# NOTE: tz_label and tz_offset are fixed at standard time. Sao Paulo has no DST, but
# New York's offset is -14400 in summer, which this table does not follow.
TIME_ZONES: dict[str, tuple[str, int]] = {
    "America/Sao_Paulo": ("Brasilia Standard Time", -10800),
    "America/New_York": ("Eastern Standard Time", -18000),
}

PEOPLE = (
    Person("U0ANA", "ana.souza", "Ana Souza", "ana.souza@example.com.br",
           "Analista Financeira", "Financeiro", "pt-BR", "America/Sao_Paulo"),
    Person("U0JOHN", "john.miller", "John Miller", "john.miller@example.com",
           "Sales Manager", "Sales", "en-US", "America/New_York"),
    Person("U0CARLA", "carla.lima", "Carla Lima", "carla.lima@example.com.br",
           "Analista de Suporte N1", "TI - Service Desk", "pt-BR", "America/Sao_Paulo"),
    Person("U0MARCOS", "marcos.pereira", "Marcos Pereira", "marcos.pereira@example.com.br",
           "Coordenador de TI", "TI", "pt-BR", "America/Sao_Paulo"),
    Person("U0EXFUNC", "paulo.antigo", "Paulo Antigo", "paulo.antigo@example.com.br",
           "Analista Contábil", "Financeiro", "pt-BR", "America/Sao_Paulo", deleted=True),
    Person("U0DEPLOY", "deploybot", "Deploy Bot", "",
           "", "", "en-US", "America/New_York", bot_id="B0DEPLOY"),
)  # fmt: skip


def build_user(workspace: Workspace, person: Person) -> JsonDict:
    """Build a user object shaped as users.info returns it, `locale` included."""
    tz_label, tz_offset = TIME_ZONES[person.tz]
    display_name = person.real_name.split()[0]
    profile: JsonDict = {
        "title": person.title,
        "phone": "",
        "real_name": person.real_name,
        "real_name_normalized": person.real_name,
        "display_name": display_name,
        "display_name_normalized": display_name,
        "first_name": display_name,
        "last_name": person.real_name.split()[-1],
        "email": person.email,
        "status_text": "",
        "status_emoji": "",
        "avatar_hash": "g000000000",
        "team": workspace.team_id,
        # Slack reports custom profile fields under `fields`, keyed by field id. The flat
        # `department` key is a local convenience for readers of this workspace.
        "fields": {DEPARTMENT_FIELD_ID: {"value": person.department, "alt": ""}},
        "department": person.department,
    }
    if person.bot_id:
        profile["bot_id"] = person.bot_id
        profile["always_active"] = True
    return {
        "id": person.user_id,
        "team_id": workspace.team_id,
        "name": person.name,
        "deleted": person.deleted,
        "color": "9f69e7",
        "real_name": person.real_name,
        "tz": person.tz,
        "tz_label": tz_label,
        "tz_offset": tz_offset,
        "locale": person.locale,
        "profile": profile,
        "is_admin": False,
        "is_owner": False,
        "is_primary_owner": False,
        "is_restricted": False,
        "is_ultra_restricted": False,
        "is_bot": person.bot_id is not None,
        "is_app_user": False,
        "updated": CREATED,
    }


def build_bot_user(workspace: Workspace) -> JsonDict:
    """Build the user object of the Balcão app's own bot user."""
    user = build_user(
        workspace,
        Person(workspace.bot_user_id, workspace.bot_name, "Balcão", "", "", "", "pt-BR",
               "America/Sao_Paulo", bot_id=workspace.bot_id),
    )  # fmt: skip
    user["profile"]["api_app_id"] = workspace.app_id
    return user


def build_channel(
    workspace: Workspace, channel_id: str, name: str, members: list[str], *, private: bool = False
) -> JsonDict:
    """Build a channel as conversations.info shows it, plus the local `members` list."""
    return {
        "id": channel_id,
        "name": name,
        "name_normalized": name,
        "is_channel": True,
        "is_group": False,
        "is_im": False,
        "is_mpim": False,
        "is_private": private,
        "is_archived": False,
        "is_general": name == "geral",
        "is_shared": False,
        "is_ext_shared": False,
        "is_org_shared": False,
        "context_team_id": workspace.team_id,
        "created": CREATED,
        "creator": "U0MARCOS",
        "unlinked": 0,
        "topic": {"value": "", "creator": "", "last_set": 0},
        "purpose": {"value": "", "creator": "", "last_set": 0},
        "previous_names": [],
        "members": members,
    }


def build_im(workspace: Workspace, user_id: str, deleted: bool) -> JsonDict:
    """Build the IM between the bot and `user_id`, with an id like "D0ANA"."""
    return {
        "id": "D" + user_id[1:],
        "created": CREATED,
        "is_im": True,
        "is_channel": False,
        "is_group": False,
        "is_mpim": False,
        "is_private": True,
        "is_archived": False,
        "is_org_shared": False,
        "is_user_deleted": deleted,
        "context_team_id": workspace.team_id,
        "user": user_id,
        "priority": 0,
        "members": [workspace.bot_user_id, user_id],
    }


def seed(workspace: Workspace) -> None:
    """Fill `workspace` with the sample people, channels and IMs. Call it once, on a new one."""
    with workspace.lock:
        workspace.users[workspace.bot_user_id] = build_bot_user(workspace)
        workspace.handles[workspace.bot_name] = workspace.bot_user_id
        for person in PEOPLE:
            workspace.users[person.user_id] = build_user(workspace, person)
        workspace.handles.update(SAMPLE_PEOPLE)

        bot = workspace.bot_user_id
        active = [p.user_id for p in PEOPLE if not p.deleted]
        channels = [
            build_channel(workspace, "C0AJUDA", "ajuda-ti", [*active, bot]),
            build_channel(workspace, "C0TRIAGEM", "ti-triagem", ["U0CARLA", "U0MARCOS", bot]),
            # Team triage channels of the default service catalogue.
            build_channel(workspace, "C0INFRA", "ti-infra", ["U0CARLA", "U0MARCOS", bot]),
            build_channel(workspace, "C0SISTEMAS", "ti-sistemas", ["U0CARLA", "U0MARCOS", bot]),
            build_channel(workspace, "C0SEGURANCA", "ti-seguranca", ["U0CARLA", "U0MARCOS", bot]),
            build_channel(workspace, "C0GESTAO", "ti-gestao", ["U0MARCOS", bot], private=True),
            build_channel(workspace, "C0GERAL", "geral", [*active, bot]),
        ]
        for person in PEOPLE:
            if person.bot_id is None:
                channels.append(build_im(workspace, person.user_id, person.deleted))

        for channel in channels:
            workspace.conversations[channel["id"]] = channel
            workspace.messages[channel["id"]] = []
        workspace.changed()
