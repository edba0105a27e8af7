"""The command menu Telegram shows, per scope (private chats, groups) and language (Dutch, English)."""

from __future__ import annotations

from dataclasses import dataclass

from telegram import (
    Bot,
    BotCommand,
    BotCommandScope,
    BotCommandScopeAllGroupChats,
    BotCommandScopeAllPrivateChats,
    BotCommandScopeDefault,
)

from bot.i18n import Lang


@dataclass(frozen=True, slots=True)
class MenuEntry:
    nl: str  # command name for Dutch users
    en: str  # command name for English users (the alias)
    nl_text: str
    en_text: str
    private: bool = True
    group: bool = True

    def command(self, lang: Lang) -> BotCommand:
        return BotCommand(self.nl, self.nl_text) if lang == "nl" else BotCommand(self.en, self.en_text)


# In menu order. The notifications' entries (/volg, /ontvolg, /gevolgd) go before /hulp.
MENU: list[MenuEntry] = [
    MenuEntry("podium", "podium", "Laatste podium op een afstand: /podium 1000m vrouwen",
              "Latest podium at a distance: /podium 1000m women"),
    MenuEntry("uitslag", "results", "Alle klasseringen van de laatste race op een afstand",
              "Every placing of the latest race at a distance"),
    MenuEntry("schaatser", "skater", "Laatste uitslagen van een schaatser", "A skater's latest results"),
    MenuEntry("weekend", "weekend", "Het laatste wedstrijdweekend, per dag",
              "The latest competition weekend, day by day"),
    MenuEntry("volg", "follow", "Volg een schaatser, afstand of alles: /volg Kai Verbij",
              "Follow a skater, a distance or everything: /follow Kai Verbij"),
    MenuEntry("ontvolg", "unfollow", "Niet meer volgen", "Stop following something"),
    MenuEntry("gevolgd", "following", "Wat volgt deze chat?", "What does this chat follow?"),
    MenuEntry("hulp", "help", "Wat kan deze bot?", "What can this bot do?"),
    MenuEntry("start", "start", "Begin hier", "Start here", group=False),
]

# (scope, language_code): Dutch is the default for every language but English.
SCOPES: tuple[tuple[BotCommandScope, str], ...] = (
    (BotCommandScopeDefault(), "private"),
    (BotCommandScopeAllPrivateChats(), "private"),
    (BotCommandScopeAllGroupChats(), "group"),
)


def commands_for(kind: str, lang: Lang) -> list[BotCommand]:
    return [entry.command(lang) for entry in MENU if (entry.private if kind == "private" else entry.group)]


async def set_command_menu(bot: Bot) -> None:
    """Publish the menu for every scope: Dutch without a language code, English for 'en'."""
    for scope, kind in SCOPES:
        await bot.set_my_commands(commands_for(kind, "nl"), scope=scope)
        await bot.set_my_commands(commands_for(kind, "en"), scope=scope, language_code="en")
