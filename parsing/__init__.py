"""Pure text-to-results parser for Dutch skating reports. Imports nothing of ours."""

from parsing.api import parse_article
from parsing.model import Article, ParseResult, Placing, Race, format_time, race_to_json

__all__ = ["Article", "ParseResult", "Placing", "Race", "format_time", "parse_article", "race_to_json"]
