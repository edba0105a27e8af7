"""Is this item about speed skating? Recognises skating items in a general sport feed.

Pure and conservative: a miss loses nothing the skating feed does not carry, a false alarm only costs a parse
that finds no races. Words shared with other sports (ploegenachtervolging and teamsprint in track cycling,
massastart in biathlon, "5.000 meter" in athletics, wereldkampioen everywhere) only count together, and a
clearly other sport in the text outweighs them.
"""

from __future__ import annotations

import re
import unicodedata

THRESHOLD = 3

# Any one of these settles it.
_STRONG = re.compile(
    r"schaats|shorttrack|short[- ]track|ijsbaan|kunstijs|natuurijs|elfstedentocht|klapschaats|\bthialf\b"
    r"|\bknsb\b|vikingskipet|max aicher|olympic oval|ijsstadion|sormarka|marathon ?cup|marathonbeker"
    r"|alternatieve elfsteden|\bijssprint",
)
# Rinks that host World Cups and championships; on its own a city name says little.
_VENUE = re.compile(
    r"\b(?:inzell|hamar|calgary|salt lake city|kearns|tomaszow|kolomna|obihiro|stavanger|erfurt|milwaukee"
    r"|nagano|gangneung|minsk|astana|nur-sultan|heerenveen|quebec|montreal|dordrecht|debrecen|dresden"
    r"|gdansk|weissensee|collalbo|baselga|sofia|seoul)\b",
)
_EVENTS = (
    r"wereldbeker\w*", r"wb-finale", r"world cup", r"wk afstanden", r"ek allround", r"wk allround",
    r"wk sprint", r"ek sprint", r"allround\w*", r"sprinttoernooi", r"superfinale", r"massastart",
    r"ploegenachtervolging", r"achtervolging", r"teamsprint", r"aflossing", r"olympisch kampioen\w*",
    r"wereldkampioen\w*", r"europees kampioen\w*", r"wereldtitel", r"europese titel", r"kwalificatietoernooi",
    r"\bokt\b", r"de kilometer", r"rit\b", r"binnenbaan", r"buitenbaan", r"ronden?tijd",
)
_EVENT = [re.compile(rf"\b{pattern}") for pattern in _EVENTS]
_ICE = re.compile(r"\b(?:ijs|op het ijs|ijzers)\b")
_DISTANCE = re.compile(r"\b(?:500|1\.?000|1\.?500|3\.?000|5\.?000|10\.?000)\s*(?:meter|m)\b")
_SKATERS = re.compile(
    r"\b(?:jutta leerdam|femke kok|joy beune|irene schouten|antoinette (?:rijpma-)?de jong|marijke groenewoud"
    r"|ireen wust|jorien ter mors|suzanne schulting|xandra velzeboer|miho takagi|nao kodaira|erin jackson"
    r"|brittany bowe|martina sablikova|kjeld nuis|thomas krol|patrick roest|jorrit bergsma|kai verbij"
    r"|sven kramer|jenning de boo|joep wennemars|tim prins|jordan stolz|pavel koelizjnikov|pavel kulizhnikov"
    r"|ted-jan bloemen|nils van der poel|sander eitrem|davide ghiotto|bart swings|jens van 't wout"
    r"|melle van 't wout|sjinkie knegt|kim min-sun|ning zhongyan|ragne wiklund|isabelle weidemann"
    r"|ivanie blondin|valerie maltais|esmee visser|merel conijn|chris huizinga|wesly dijs|gary hekman)\b",
)
_OTHER_SPORT = re.compile(
    r"\b(?:atletiek|zwemmen|zwemster|zwemmer|wielren\w*|baanwielren\w*|wielrenn\w*|biatlon|biathlon|langlauf"
    r"|ski[eë]n|skiester|skier|voetbal\w*|eredivisie|ijshockey\w*|hockey\w*|tennis\w*|formule 1|darts"
    r"|handbal|volleybal|kunstschaats\w*)\b",
)


def is_skating(title: str, text: str) -> bool:
    """True when the item is about speed skating (long track, short track, marathon)."""
    return skating_score(title, text) >= THRESHOLD


def skating_score(title: str, text: str) -> int:
    """Evidence that the item is about speed skating; :data:`THRESHOLD` or more means it is."""
    blob = _fold(f"{title}\n{text}")
    score = 0
    if _STRONG.search(blob):
        score += THRESHOLD
    score += 2 if _SKATERS.search(blob) else 0
    score += 1 if _VENUE.search(blob) else 0
    score += 1 if _ICE.search(blob) else 0
    score += 1 if _DISTANCE.search(blob) else 0
    score += min(3, sum(1 for pattern in _EVENT if pattern.search(blob)))
    if _OTHER_SPORT.search(blob):
        score -= THRESHOLD
    return score


def _fold(text: str) -> str:
    lowered = text.lower().replace("ø", "o")
    if lowered.isascii():  # NFKD leaves ASCII as it is and it has no combining marks
        return lowered
    decomposed = unicodedata.normalize("NFKD", lowered)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
