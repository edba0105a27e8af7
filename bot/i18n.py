"""The bot's texts in Dutch and English. Language comes from the user's Telegram ``language_code``."""

from __future__ import annotations

from typing import Literal

from parsing.distances import distance_label

Lang = Literal["nl", "en"]
DEFAULT_LANG: Lang = "nl"


def language_for(language_code: str | None) -> Lang:
    """'en', 'en-GB' -> English; everything else (also unknown) -> Dutch, the bot's home language."""
    return "en" if language_code and language_code.lower().startswith("en") else "nl"


TEXTS: dict[str, dict[Lang, str]] = {
    "help": {
        "nl": (
            "⛸ <b>Schaatsbot</b> zoekt de uitslagen uit de NOS-verslagen voor je op.\n"
            "\n"
            "/podium 1000m vrouwen — het laatste podium op een afstand\n"
            "/podium — alle podia van het laatste weekend\n"
            "/uitslag 500m mannen — alle bekende klasseringen van die race\n"
            "/schaatser Nuis — de laatste uitslagen van een schaatser\n"
            "/weekend — het laatste wedstrijdweekend, per dag\n"
            "/volg Leerdam, /volg 500m of /volg alles — krijg het podium hier zodra de NOS het meldt\n"
            "/gevolgd — wat deze chat volgt; /ontvolg — niet meer volgen\n"
            "\n"
            "Afstanden schrijf je zoals je wilt: 1000m, 1.000 meter, 1 km, massastart, ploeg, teamsprint. "
            "Voor shorttrack zet je er <i>shorttrack</i> of <i>st</i> bij."
        ),
        "en": (
            "⛸ <b>Schaatsbot</b> finds speed-skating results in the NOS reports for you.\n"
            "\n"
            "/podium 1000m women — the latest podium at a distance\n"
            "/podium — every podium of the latest weekend\n"
            "/results 500m men — every known placing of that race\n"
            "/skater Nuis — a skater's latest results\n"
            "/weekend — the latest competition weekend, day by day\n"
            "/follow Leerdam, /follow 500m or /follow all — get the podium here as soon as NOS reports it\n"
            "/following — what this chat follows; /unfollow — stop following\n"
            "\n"
            "Write distances any way you like: 1000m, 1,000 metres, 1 km, mass start, team pursuit, "
            "team sprint. Add <i>shorttrack</i> or <i>st</i> for short track."
        ),
    },
    "hint_private": {
        "nl": "Stuur een commando, bijvoorbeeld /podium 1000m of /schaatser Leerdam. Alles staat in /hulp.",
        "en": "Send a command, for example /podium 1000m or /skater Leerdam. See /help for everything.",
    },
    "unknown_command": {
        "nl": "Dat commando ken ik niet. Kijk in /hulp wat ik kan.",
        "en": "I don't know that command. See /help for what I can do.",
    },
    "error": {
        "nl": "Er ging iets mis bij het maken van dit antwoord. Probeer het zo nog eens.",
        "en": "Something went wrong while making this reply. Please try again in a moment.",
    },
    "no_data": {
        "nl": "Ik heb nog geen uitslagen. Zodra de NOS een verslag publiceert, kun je hier terecht.",
        "en": "I have no results yet. As soon as NOS publishes a report, you can ask here.",
    },
    "no_race": {
        "nl": "Ik heb geen uitslag van de {what}.",
        "en": "I have no result for the {what}.",
    },
    "no_weekend": {
        "nl": "In het laatste wedstrijdweekend vind ik geen races die daarbij passen.",
        "en": "I find no matching races in the latest competition weekend.",
    },
    "need_distance": {
        "nl": "Welke afstand? Bijvoorbeeld: /{command} 1000m vrouwen",
        "en": "Which distance? For example: /{command} 1000m women",
    },
    "bad_distance": {
        "nl": "Die afstand ken ik niet: “{junk}”. Probeer bijvoorbeeld /{command} {example}.",
        "en": "I don't know that distance: “{junk}”. Try for example /{command} {example}.",
    },
    "too_long": {
        "nl": "Dat is te lang voor mij. Probeer bijvoorbeeld /{command} {example}.",
        "en": "That is too long for me. Try for example /{command} {example}.",
    },
    "need_name": {
        "nl": "Welke schaatser? Bijvoorbeeld: /{command} Jutta Leerdam",
        "en": "Which skater? For example: /{command} Jutta Leerdam",
    },
    "bad_name": {
        "nl": "Dat lijkt me geen naam. Probeer bijvoorbeeld /{command} Jutta Leerdam.",
        "en": "That does not look like a name. Try for example /{command} Jutta Leerdam.",
    },
    "no_skater": {
        "nl": "Ik ken geen schaatser die lijkt op “{name}”.",
        "en": "I don't know a skater like “{name}”.",
    },
    "pick_skater": {
        "nl": "Welke schaatser bedoel je met “{name}”?",
        "en": "Which skater do you mean by “{name}”?",
    },
    "skater_no_results": {
        "nl": "Van {name} heb ik nog geen uitslagen.",
        "en": "I have no results for {name} yet.",
    },
    "skater_gone": {
        "nl": "Die schaatser kan ik niet meer vinden. Zoek opnieuw met /schaatser.",
        "en": "I cannot find that skater any more. Search again with /skater.",
    },
    "pick_number": {
        "nl": "Kies een nummer van 1 tot en met {count}.",
        "en": "Pick a number from 1 to {count}.",
    },
    "latest_results": {"nl": "laatste uitslagen", "en": "latest results"},
    "undated": {"nl": "zonder datum", "en": "undated"},
    "points": {"nl": "{points} punten", "en": "{points} points"},
}


# What to suggest after a command whose arguments could not be read.
EXAMPLES: dict[str, dict[Lang, str]] = {
    "races": {"nl": "1000m vrouwen", "en": "1000m women"},
    "weekend": {"nl": "vrouwen", "en": "women"},
    "skater": {"nl": "Jutta Leerdam", "en": "Jutta Leerdam"},
}


def t(lang: Lang, key: str, **values: object) -> str:
    """The text ``key`` in ``lang``, with ``values`` filled in (escape them first when they go into HTML)."""
    text = TEXTS[key][lang]
    if "{example}" in text and "example" not in values:
        values["example"] = EXAMPLES["races"][lang]  # the podium example fits most commands
    return text.format(**values) if values else text


GENDER_NAMES: dict[str, dict[Lang, str]] = {
    "men": {"nl": "mannen", "en": "men"},
    "women": {"nl": "vrouwen", "en": "women"},
    "mixed": {"nl": "gemengd", "en": "mixed"},
}
DISCIPLINE_NAMES: dict[str, dict[Lang, str]] = {
    "short_track": {"nl": "shorttrack", "en": "short track"},
    "marathon": {"nl": "marathon", "en": "marathon"},
}
COMPETITION_NAMES: dict[str, dict[Lang, str]] = {
    "world_cup": {"nl": "Wereldbeker", "en": "World Cup"},
    "world_championships": {"nl": "WK", "en": "World Championships"},
    "world_single_distances": {"nl": "WK afstanden", "en": "World Single Distances"},
    "european_championships": {"nl": "EK", "en": "European Championships"},
    "national_championships": {"nl": "NK", "en": "National Championships"},
    "olympics": {"nl": "Olympische Spelen", "en": "Olympic Games"},
    "four_continents": {"nl": "Vier Continenten", "en": "Four Continents"},
}
WEEKDAYS: dict[Lang, tuple[str, ...]] = {
    "nl": ("ma", "di", "wo", "do", "vr", "za", "zo"),
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
}
MONTHS: dict[Lang, tuple[str, ...]] = {
    "nl": ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}


def distance_name(distance: str, lang: Lang) -> str:
    """'10000m' -> '10.000 m' / '10,000 m', 'mass_start' -> 'massastart' / 'mass start'."""
    return distance_label(distance, lang)


def gender_name(gender: str | None, lang: Lang) -> str:
    return GENDER_NAMES[gender][lang] if gender in GENDER_NAMES else ""


def competition_name(kind: str, lang: Lang) -> str:
    return COMPETITION_NAMES[kind][lang] if kind in COMPETITION_NAMES else ""
