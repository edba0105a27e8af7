"""Well-known skaters (long track, short track, marathon; roughly 2010-2026) with gender and country.

The table is compiled from general knowledge of the sport, not from the corpus. Names are written as NOS
writes them; Russian, Belarusian and Kazakh names use the Dutch transliteration, with the English one as an
alias after ``=``. East Asian names (CHN, KOR, TPE, HKG, and Hungarian-Chinese) put the family name first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from parsing.text import fold

__all__ = ["KnownSkater", "SKATERS", "known_skater", "skaters_by_surname", "find_known_skaters", "surname_of"]


@dataclass(frozen=True, slots=True)
class KnownSkater:
    name: str
    gender: str  # 'men' | 'women'
    ioc: str
    aliases: tuple[str, ...] = field(default=())

    @property
    def surname(self) -> str:
        return surname_of(self.name, self.ioc)


# (gender, IOC, "Name; Name=Alias=Alias; ...")
_TABLE: tuple[tuple[str, str, str], ...] = (
    ("men", "NED", "Sven Kramer; Kjeld Nuis; Thomas Krol; Patrick Roest; Jorrit Bergsma; Kai Verbij; "
     "Ronald Mulder; Michel Mulder; Jan Smeekens; Hein Otterspeer; Dai Dai N'tab=Dai Dai Ntab; Koen Verweij; "
     "Stefan Groothuis; Mark Tuitert; Bob de Jong; Carl Verheijen; Wouter olde Heuvel; Jan Blokhuijsen; "
     "Douwe de Vries; Marcel Bosker; Chris Huizinga; Beau Snellink; Jenning de Boo; Joep Wennemars; "
     "Merijn Scheperkamp; Tim Prins; Wesly Dijs; Gijs Esders; Tijmen Snel; Jesper Hospes; Thomas Geerdinck; "
     "Louis Hollaar; Marwin Talsma; Ingmar Berga; Lennart Velema; Pim Cazemier; Kars Jansman; Janno Botman; Serge Yoro; "
     "Sebas Diniz; Stefan Emele; Erik Jan Kooiman; Rhian Ket; Jos de Vos; Stijn van de Bunt; Bob de Vries; "
     "Arjan Stroetinga; Simon Schouten; Crispijn Ariëns; Bart Hoolwerf; Evert Hoolwerf; Gary Hekman; "
     "Frank Vreugdenhil; Ronald Haasjes; Jan Maarten Heideman; "
     "Sjinkie Knegt; Daan Breeuwsma; Itzhak de Laat; Dennis Visser; Sven Roes; Jens van 't Wout; "
     "Melle van 't Wout; Friso Emons; Teun Boer; Kay Huisman; Freek van der Wart; Niels Kerstholt; "
     "Dylan Hoogerwerf; Erben Wennemars; Gianni Romme; Rintje Ritsma; Jochem Uytdehaage; "
     "Ids Postma; Jan Bos; Gerard van Velde; Marnix ten Kortenaar; Mark Tuitert; Remco olde Heuvel; "
     "Ben Jongejan; Evert van Benthem; Henk Angenent; Reinier Paping; Jeen van den Berg; Ard Schenk; "
     "Yep Kramer; Hilbert van der Duim; Jan Ykema; Bart Veldkamp; Falko Zandstra; Martin Hersman; "
     "Kees Verkerk; Piet Kleine; Hein Vergeer; Leo Visser; Jeroen Straathof"),
    ("women", "NED", "Ireen Wüst=Ireen Wust; Jorien ter Mors; Marrit Leenstra; Lotte van Beek; "
     "Carien Kleibeuker; Antoinette Rijpma-de Jong=Antoinette de Jong; Annouk van der Weijden; Irene Schouten; "
     "Jutta Leerdam; Femke Kok; Joy Beune; Marijke Groenewoud; Letitia de Jong; Margot Boer; Thijsje Oenema; "
     "Laurine van Riessen; Linda de Vries; Melissa Wijfje; Esmee Visser; Carlijn Achtereekte; Yvonne Nauta; "
     "Diane Valkenburg; Roxanne van Hemert; Sanneke de Neeling; Anice Das; Dione Voskamp; Reina Anema; "
     "Angel Daleman; Merel Conijn; Elisa Dul; Marije Joling; Marrit Fledderus; Jorien Voorhuis; Natasja Bruintjes; Paulien van Deutekom; "
     "Renate Groenewold; Annette Gerritsen; Moniek Klijnstra; Janneke Ensing; Suzanne Schulting; "
     "Xandra Velzeboer; Michelle Velzeboer; Selma Poutsma; Yara van Kerkhof; Lara van Ruijven; Rianne de Vries; "
     "Sanne van Kerkhof; Diede van Oorschot; Zoë Deltrap=Zoe Deltrap; Mariska Huisman; Elma de Vries; "
     "Foske Tamar van der Wal=Foske van der Wal; Bianca Roosenboom; Femke Beuling; "
     ""
     "Michelle de Jong; Gretha Smit; Marianne Timmer; "
     "Klasina Seinstra; Lenie van der Hoorn; Tonny de Jong; Barbara de Loor; Atje Keulen-Deelstra; "
     "Yvonne van Gennip; Ria Visser; Sanne in 't Hof"),
    ("men", "NOR", "Håvard Bøkko=Havard Bokko; Sverre Lunde Pedersen; Håvard Holmefjord Lorentzen=Havard Lorentzen; "
     "Sindre Henriksen; Simen Spieler Nilsen; Allan Dahl Johansson; Peder Kongshaug; Sander Eitrem; "
     "Hallgeir Engebråten=Hallgeir Engebraten; Henrik Fagerli Rukke; Fredrik van der Horst; Bjørn Magnussen; "
     "Mikael Flygind Larsen; Magnus Bakken Haugli; Bernt Evensen; Kristian Reistad Fredriksen"),
    ("women", "NOR", "Ragne Wiklund; Ida Njåtun=Ida Njatun; Hege Bøkko=Hege Bokko; Sofie Karoline Haugen; "
     "Julie Nistad Samsonsen; Martine Ripsrud; Marte Furnée; Aurora Løvås"),
    ("men", "JPN", "Joji Kato; Keiichiro Nagashima; Tatsuya Shinhama; Wataru Morishige; Yuma Murakami; "
     "Seitaro Ichinohe; Shane Williamson; Ryosuke Tsuchiya; Masaya Yamada; Yuya Oikawa; Takuro Oda; "
     "Daichi Yamanaka; Tsubasa Hasegawa; "
     "Katsuhiro Kuratsubo"),
    ("women", "JPN", "Nao Kodaira; Miho Takagi; Nana Takagi; Ayano Sato; Misaki Oshigiri; Maki Tsuji; Arisa Go; "
     "Erina Kamiya; Momoka Horikawa; Kurumi Inagawa; Yukino Yoshida; Rio Yamada; Sayuri Yoshii; Masako Hozumi; "
     "Maki Tabata; Ayaka Kikuchi; Sumire Kikuchi; Shiho Ishizawa; Konami Soga; Miyu Yabe; Ayumi Ogasawara"),
    ("men", "CAN", "Laurent Dubreuil; Ted-Jan Bloemen; Gilmore Junio; Alex Boisvert-Lacroix; Jordan Belchos; "
     "Vincent De Haître=Vincent De Haitre; Connor Howe; Graeme Fish; Antoine Gélinas-Beaulieu; Denny Morrison; "
     "Jeremy Wotherspoon; Lucas Makowsky; Mathieu Giroux; Jamie Gregg; Hayden Mayeur; David La Rue; "
     "William Dandjinou; Charles Hamelin; Samuel Girard; Pascal Dion; Steven Dubois; Charle Cournoyer; "
     "François Hamelin; Olivier Jean; Maxime Laoun; Jordan Pierre-Gilles; Félix Roussel"),
    ("women", "CAN", "Ivanie Blondin; Isabelle Weidemann; Valérie Maltais; Heather McLean; Kaylin Irvine; "
     "Christine Nesbitt; Cindy Klassen; Brittany Schussler; Marsha Hudey; Béatrice Lamarche; Anastasia Bucsis; "
     "Carolina Hiller; Kim Boutin; Courtney Sarault; Marianne St-Gelais; Florence Brunelle; Danaé Blais; "
     "Alyson Charles"),
    ("men", "USA", "Jordan Stolz; Joey Mantia; Shani Davis; Brian Hansen; Emery Lehman; Casey Dawson; "
     "Ethan Cepuran; Mitch Whitmore; Kimani Griffin; Tucker Fredricks; Jonathan Garcia; Cooper McLeod; "
     "Conor McDermott-Mostowy; Jonathan Kuck; Chad Hedrick; Zach Stoppelmoor; J.R. Celski=JR Celski; "
     "Apolo Anton Ohno; John-Henry Krueger; Thomas Insuk Hong; Andrew Heo"),
    ("women", "USA", "Erin Jackson; Brittany Bowe; Heather Bergsma=Heather Richardson=Heather Richardson-Bergsma; "
     "Mia Manganello=Mia Kilburg; Kimi Goetz; Greta Myers; Giorgia Birkeland; Sugar Todd; Jennifer Rodriguez; "
     "Kristen Santos-Griswold=Kristen Santos; Corinne Stoddard; Maame Biney; Jessica Smith"),
    ("men", "KOR", "Lee Seung-hoon; Mo Tae-bum; Kim Min-seok; Cha Min-kyu; Kim Tae-yun; Chung Jae-won; "
     "Kim Jun-ho; Lim Hyo-jun; Ahn Hyun-soo; Joo Hyong-jun; Lee Kang-seok; Koo Kyung-min; Um Cheon-ho; Hwang Dae-heon; Park Ji-won; "
     "Kwak Yoon-gy; Seo Yi-ra; Lee June-seo; Kim Gun-woo; Hong Kyung-hwan; Lee Jung-su; Sin Da-woon; "
     "Park Se-yeong; Kim Dong-wook; Jang Sung-woo"),
    ("women", "KOR", "Lee Sang-hwa; Kim Bo-reum; Kim Min-sun; Kim Hyun-yung; Park Ji-woo; Lee Na-hyun; "
     "Nam Ye-won; Choi Min-jeong; Shim Suk-hee; Kim Gil-li; Kim A-lang; Lee Yu-bin; Noh Do-hee; Seo Whi-min; "
     "Park Seung-hi; Kim Ye-jin; Kim Geon-hee; Choi Ji-hyun"),
    ("men", "CHN", "Gao Tingyu; Ning Zhongyan; Lian Ziwen; Wang Shiwei; Du Haonan; Yang Tao; Xu Fu; "
     "Wu Dajing; Ren Ziwei; Lin Xiaojun; Sun Long; Li Wenlong; Han Tianyu"),
    ("women", "CHN", "Zhang Hong; Yu Jing; Wang Beixing; Li Qishi; Han Mei; Jin Jingzhu; Tian Ruining; "
     "Yin Qi; Fan Kexin; Zhou Yang; Wang Meng; Qu Chunyu; Zhang Yuting; Han Yutong; Liu Yichun"),
    ("men", "RUS", "Pavel Koelizjnikov=Pavel Kulizhnikov=Pavel Kulishnikov; Denis Joeskov=Denis Yuskov; "
     "Ruslan Moerasjov=Ruslan Murashov; Viktor Moesjtakov=Viktor Mushtakov=Victor Mushtakov; "
     "Sergej Trofimov=Sergey Trofimov; Daniil Aldosjkin=Daniil Aldoshkin; "
     "Aleksandr Roemjantsev=Aleksandr Rumyantsev=Alexander Rumyantsev; Artjom Koeznetsov=Artyom Kuznetsov; "
     "Danila Semerikov; Sergej Grjaztsov=Sergey Gryaztsov; Ivan Skobrev; Aleksej Jesin=Aleksey Yesin; "
     "Dmitri Lobkov=Dmitry Lobkov; Ruslan Zacharov=Ruslan Zakharov; Jevgeni Lalenkov=Yevgeny Lalenkov; "
     "Artjom Arefjev=Artyom Arefyev; Kirill Golubev; "
     "Viktor Ahn=Victor An; Semjon Jelistratov=Semen Elistratov=Semion Elistratov; "
     "Vladimir Grigorjev=Vladimir Grigorev; Denis Ajrapetjan=Denis Ayrapetyan; Pavel Sitnikov; "
     "Sergej Gljadelkin=Sergey Glyadelkin"),
    ("women", "RUS", "Olga Fatkoelina=Olga Fatkulina; Angelina Golikova; Darja Katsjanova=Daria Katsjanova=Daria Kachanova; "
     "Natalja Voronina=Natalia Voronina; Jelizaveta Golubeva=Elizaveta Golubeva; "
     "Jevgenia Lalenkova=Yevgenia Lalenkova=Evgenia Lalenkova; Jekaterina Sjichova=Yekaterina Shikhova; "
     "Joelia Skokova=Yuliya Skokova=Yulia Skokova; Olga Graf; Jekaterina Lobysjeva=Yekaterina Lobysheva; "
     " Elizaveta Vorontsova=Jelizaveta Vorontsova; "
     "Sofia Prosvirnova; Tatjana Borodoelina=Tatiana Borodulina; "
     ""),
    ("men", "ITA", "Davide Ghiotto; Andrea Giovannini; Nicola Tumolero; Michele Malfatti; Riccardo Lorello; "
     "Daniele Di Stefano; Jeffrey Rosanelli; Alessio Trentini; Enrico Fabris; Matteo Anesi; "
     "Mirko Giacomo Nenzi; David Bosa; Pietro Sighel; Yuri Confortola; Tommaso Dotti; Andrea Cassinelli; "
     "Luca Spechenhauser"),
    ("women", "ITA", "Francesca Lollobrigida; Francesca Bettrone; Arianna Fontana; Martina Valcepina; "
     "Arianna Valcepina; Cecilia Maffei; Chiara Betti; Serena Pergher"),
    ("men", "GER", "Nico Ihle; Patrick Beckert; Moritz Geisreiter; Joel Dufter; Hendrik Dombek; "
     "Felix Rijhnen; Fridtjof Petzold; Samuel Schwarz"),
    ("women", "GER", "Claudia Pechstein; Anni Friesinger=Anni Friesinger-Postma; Stephanie Beckert; Jenny Wolf; "
     "Gabriele Hirschbichler; Monique Angermüller; Judith Dannhauer; Michelle Uhrig; Lea Sophie Scholz; "
     "Anna Seidel"),
    ("men", "POL", "Zbigniew Bródka=Zbigniew Brodka; Jan Szymański=Jan Szymanski; Konrad Niedźwiedzki; "
     "Artur Waś=Artur Was; Piotr Michalski; Damian Żurek=Damian Zurek; Marek Kania; Artur Nogal; "
     "Władimir Semirunnij=Vladimir Semirunniy=Wladimir Semirunnij; Sebastian Kłosiński; Piotr Puszkarski"),
    ("women", "POL", "Katarzyna Bachleda-Curuś; Natalia Czerwonka; Luiza Złotkowska; Karolina Bosiek; "
     "Kaja Ziomek-Nogal=Kaja Ziomek; Andżelika Wójcik=Andzelika Wojcik; Natalia Maliszewska; "
     "Magdalena Czyszczoń; Katarzyna Woźniak; Natalia Jabrzyk"),
    ("men", "BEL", "Bart Swings; Mathias Vosté=Mathias Voste; Stijn Desmet; Indra Médard"),
    ("women", "BEL", "Hanne Desmet; Sandrine Tas; Fran Vanhoutte"),
    ("men", "AUT", "Linus Heidegger; Gabriel Odor"),
    ("women", "AUT", "Vanessa Herzog=Vanessa Bittner; Jeannine Rosner"),
    ("men", "KAZ", "Denis Koezin=Denis Kuzin; Dmitri Babenko=Dmitry Babenko; Roman Krech; "
     "Artjom Krikoenov=Artyom Krikunov; Denis Nikisha; Abzal Azhgaliyev"),
    ("women", "KAZ", "Jekaterina Ajdova=Yekaterina Aidova; Nadezjda Morozova=Nadezhda Morozova"),
    ("men", "SUI", "Livio Wenger"),
    ("women", "SUI", "Nadja Wenger; Ramona Härdi"),
    ("men", "FRA", "Alexis Contin; Timothy Loubineaud; Thibaut Fauconnet; Quentin Fercoq; Sébastien Lepape"),
    ("women", "FRA", "Tifany Huot-Marchand; Véronique Pierron"),
    ("men", "HUN", "Shaolin Sándor Liu=Liu Shaolin Sándor=Sándor Liu Shaolin=Liu Shaolin; "
     "Shaoang Liu=Liu Shaoang; Csaba Burján; Viktor Knoch"),
    ("women", "HUN", "Petra Jászapáti; Andrea Keszler; Zsófia Kónya"),
    ("men", "GBR", "Cornelius Kersten; Farrell Treacy; Jack Whelbourne"),
    ("women", "GBR", "Elise Christie; Ellia Smeding; Charlotte Gilmartin; Kathryn Thomson"),
    ("men", "BLR", "Ignat Golovatsjoek=Ignat Golovatsiuk=Ihar Halavatsiuk; Vitali Michajlov=Vitaly Mikhailov"),
    ("women", "BLR", "Marina Zoejeva=Marina Zueva; Tatsiana Michajlova=Tatsiana Mikhailava; "
     ""),
    ("men", "CZE", "Metoděj Jílek=Metodej Jilek; Zdeněk Haselberger"),
    ("women", "CZE", "Martina Sáblíková=Martina Sablikova; Karolína Erbanová=Karolina Erbanova; "
     "Nikola Zdráhalová=Nikola Zdrahalova; Zuzana Kuršová"),
    ("men", "EST", "Marten Liiv"),
    ("women", "EST", "Saskia Alusalu"),
    ("men", "LAT", "Haralds Silovs"),
    ("men", "FIN", "Mika Poutala; Pekka Koskela"),
    ("men", "SWE", "Nils van der Poel; Johan Röjler"),
    ("men", "NZL", "Peter Michael; Reyon Kay; Shane Dobbin"),
    ("men", "DEN", "Viktor Hald Thorup"),
    ("men", "ESP", "Nil Llop"),
    ("women", "TPE", "Huang Yu-ting"),
    ("men", "AUS", "Steven Bradbury; Daniel Greig"),
)


_FAMILY_FIRST = frozenset({"CHN", "KOR", "PRK", "TPE", "HKG", "MGL"})


def _clean(name: str) -> str:
    return name.strip()


def _build() -> tuple[KnownSkater, ...]:
    out: list[KnownSkater] = []
    seen: set[str] = set()
    for gender, ioc, names in _TABLE:
        for entry in names.split(";"):
            if not entry.strip():
                continue
            parts = [_clean(p) for p in entry.split("=")]
            key = fold(parts[0])
            if key in seen:
                continue
            seen.add(key)
            aliases = [p for p in parts[1:] if p]
            if ioc in _FAMILY_FIRST and len(parts[0].split()) == 2:
                family, given = parts[0].split()
                aliases.append(f"{given} {family}")  # English order: "Tingyu Gao", "Min-sun Kim"
            out.append(KnownSkater(parts[0], gender, ioc, tuple(aliases)))
    return tuple(out)


SKATERS: tuple[KnownSkater, ...] = _build()

_PARTICLES = frozenset({"van", "de", "der", "den", "ter", "ten", "te", "'t", "in", "olde", "op", "von", "di",
                        "da", "la", "le", "du", "des", "del", "dos"})


def surname_of(name: str, ioc: str | None = None) -> str:
    """'Jens van 't Wout' -> "van 't Wout"; 'Kim Min-sun' (KOR) -> 'Kim'; 'Dai Dai N'tab' -> "N'tab"."""
    words = name.split()
    if not words:
        return ""
    if len(words) == 1:
        return words[0]
    if ioc in _FAMILY_FIRST or name.startswith("Liu Shao"):
        return words[0]
    for i in range(1, len(words) - 1):
        w = words[i].lower()
        if w in _PARTICLES or w.rsplit("-", 1)[-1] in _PARTICLES:  # "van der Poel", "Rijpma-de Jong"
            return " ".join(words[i:])
    return words[-1]


_BY_FULL: dict[str, KnownSkater] = {}
_BY_SURNAME: dict[str, list[KnownSkater]] = {}
for _s in SKATERS:
    for _n in (_s.name, *_s.aliases):
        _BY_FULL.setdefault(fold(_n), _s)
    _surnames = {fold(surname_of(_n, _s.ioc)) for _n in (_s.name, *_s.aliases)}
    for _sn in _surnames:
        _BY_SURNAME.setdefault(_sn, []).append(_s)
_MAX_WORDS = max(len(k.split()) for k in _BY_FULL)


def known_skater(name: str | None) -> KnownSkater | None:
    """A full name or alias, or a surname that is unique in the table; folded comparison."""
    if not name:
        return None
    key = fold(name).strip(" .,;:()\"")
    hit = _BY_FULL.get(key)
    if hit is not None:
        return hit
    candidates = _BY_SURNAME.get(key, [])
    if len(candidates) == 1:
        return candidates[0]
    return None


def skaters_by_surname(surname: str | None) -> tuple[KnownSkater, ...]:
    """Every known skater with this surname (e.g. both Mulders), for the engine to narrow by context."""
    return tuple(_BY_SURNAME.get(fold(surname), ())) if surname else ()


_WORD = re.compile(r"['’]t\b|[\w][\w'’.-]*", re.UNICODE)


def find_known_skaters(text: str) -> list[tuple[int, int, KnownSkater]]:
    """(start, end, skater) for every full name or alias of a known skater in ``text``, longest first."""
    if not text:
        return []
    words = [(m.start(), m.end(), fold(m.group(0).rstrip("."))) for m in _WORD.finditer(text)]
    out: list[tuple[int, int, KnownSkater]] = []
    i = 0
    while i < len(words):
        if not text[words[i][0]].isupper():
            i += 1
            continue
        found = None
        for j in range(min(len(words), i + _MAX_WORDS), i + 1, -1):
            key = " ".join(w[2] for w in words[i:j])
            hit = _BY_FULL.get(key)
            if hit is not None:
                found = (words[i][0], words[j - 1][1], hit, j)
                break
        if found:
            start, end, hit, j = found
            if text[end - 1] == "." and not hit.name.endswith("."):
                end -= 1
            out.append((start, end, hit))
            i = j
        else:
            i += 1
    return out
