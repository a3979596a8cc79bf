"""PII shield detector: street addresses in US, UK and German forms, with their city and postcode when attached."""

from __future__ import annotations

from cailos_litellm.pii.detectors.base import Detector, Rx

__all__ = ["AddressDetector"]

_SUFFIX = (
    r"(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Parkway|Pkwy"
    r"|Highway|Hwy|Circle|Cir|Close|Gardens|Crescent|Square|Sq|Mews|Grove|Hill|Row|Walk|Park|Rise|Green|Vale)"
)
_WORD = r"[A-Z][a-z'’]+"
_UNIT = r"(?:,?\s(?:Apt|Apartment|Suite|Ste|Unit|Flat|Floor|Fl|#)\.?\s?#?[\w\-]{1,6})?"
_UK_POST = r"[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}"
_CITY = rf"{_WORD}(?:[ \-]{_WORD}){{0,2}}"
# ", Springfield, IL 62704" | ", London SW1A 2AA" | ", SW1A 2AA" | ", Manchester"
_TAIL = rf"(?:,\s{_CITY},?\s(?:[A-Z]{{2}}\s\d{{5}}(?:-\d{{4}})?|{_UK_POST}|[A-Z]{{2}}(?![\w]))|,\s{_CITY}\s{_UK_POST}|,\s{_UK_POST}|,\s{_CITY}(?=[\s.;)]|$))?"
_DE_STREET = (
    r"[A-ZÄÖÜ][a-zäöüß]+(?:[\- ][A-ZÄÖÜ][a-zäöüß]+)*(?:straße|strasse|str\.|weg|allee|platz|gasse|ring|damm|ufer|chaussee)"
    r"|[A-ZÄÖÜ][a-zäöüß]+(?:er)?\s(?:Straße|Strasse|Weg|Allee|Platz|Ring|Damm)"
)


class AddressDetector(Detector):
    entity = "ADDRESS"
    PATTERNS = (
        # "Flat 3, 12 Abbey Road, London NW8 9AY", "1600 Pennsylvania Ave NW, Washington, DC 20500".
        Rx(
            rf"(?<![\w])(?:(?:Flat|Apartment|Apt|Unit)\s\w{{1,4}},\s)?\d{{1,5}}[A-Za-z]?(?:\s{_WORD}){{1,3}}\s{_SUFFIX}(?![\w])\.?"
            rf"(?:\s(?:NW|NE|SW|SE|N|S|E|W)(?![\w]))?{_UNIT}{_TAIL}",
            lead=rf"\d{{1,5}}[A-Za-z]?(?:\s{_WORD}){{1,3}}\s{_SUFFIX}(?![\w])",
            each=False,
            back=20,
        ),
        # "Hauptstraße 12a, 10115 Berlin", "Berliner Straße 5".
        Rx(
            rf"(?<![\w])(?:{_DE_STREET})\s\d{{1,4}}[a-z]?(?:,\s\d{{5}}\s[A-ZÄÖÜ][a-zäöüß]+(?:[\- ][A-ZÄÖÜ][a-zäöüß]+)?)?",
            lead=r"(?:straße|strasse|str\.|weg|allee|platz|gasse|ring|damm|ufer|chaussee)\s\d",
            folded=True,
            each=False,
            back=80,
        ),
    )
