"""Build tests/pii/data/labelled.jsonl: the PII shield's labelled set, written by this project.

Every template and value list below was written for this file (no third-party PII data, templates or name
lists). Values with checksums (cards, IBANs, national ids) are generated valid; negatives (products, dates,
versions, prices, hashes, UUIDs, order numbers) are unlabelled slots. Deterministic: fixed seed.

    python tests/pii/data/make_labelled.py   # rewrites labelled.jsonl next to this file
"""

from __future__ import annotations

import json
import random
import re
import string
from pathlib import Path
from typing import Callable

SEED = 20260522
OUT = Path(__file__).with_name("labelled.jsonl")

FIRST = """Amara Tomasz Ingrid Priya Keanu Sofia Mateo Aiko Olusegun Freya Dmitri Leilani Henrik Nadia Rafael Yusuf
Chiara Bjorn Mei Santiago Zainab Lukas Imogen Ravi Elif Caspar Noor Jonas Thandiwe Marcel Ayesha Oskar Lucia Kwame
Hannah Tariq Greta Diego Sunita Callum Ingeborg Malik Rosalind Kenji Fatima Emeka Clara Arjun Svetlana Patrick
Beatriz Nils Deborah Hamid Yara Edmund Paulina Joaquin Harriet Vikram Lena Teodor Sade Ronan Valentina Farid
Margot Desmond Anouk Ibrahim Petra Wendell Mariam Felix Oona Gabriel Rukmini Declan Josefine""".split()
LAST = """Okafor Wierzbicki Solberg Raman Halvorsen Lindqvist Brandt Moreau Castellanos Nakamura Adeyemi Kowalczyk
Varga Petrov Haddad Oyelaran Fitzgerald Marchetti Johansson Takahashi Mensah Dubois Schneider Gallagher Novak
Bergstrom Alvarez Chaudhry Whitfield Osei Lefebvre Kaminski Rossi Eriksen Abernathy Delacroix Nguyen Sorensen
Mbeki Hargreaves Ferreira Zimmermann Quinlan Bianchi Akhtar Vasquez Lindgren Morrow Pellegrini Achterberg
Sandoval Ostrowski Kerrigan Falk Ibarra Thornbury Yilmaz Carvalho Pemberton Strand Kovac Ashworth Duval Reinholt""".split()
ORG_A = """Brightwater Northfield Halvorsen Bluecrest Ironbark Silverline Redfern Copperleaf Stonebridge Westmoor Larkspur
Ashgrove Kestrel Meridian Harbourside Oakhaven Fernhill Granite Peakview Thistledown Saltmarsh Wrenfield""".split()
ORG_B = """Logistics Consulting Analytics Partners Biotech Capital Insurance Foods Robotics Media Architects Dental
Freight Textiles Holdings Labs Pharmaceuticals Engineering Advisory Ventures""".split()
ORG_SUFFIX = ["Ltd", "GmbH", "Inc.", "LLC", "LLP", "plc", "AG", "", "", ""]
CITIES = """Berlin Hamburg Munich Leeds Manchester Bristol Glasgow Lyon Toulouse Porto Valencia Rotterdam Antwerp Denver
Portland Austin Chicago Toronto Vancouver Dublin Cork Krakow Gdansk Gothenburg Bergen Nairobi Lagos Mumbai Osaka
Melbourne Auckland Seattle Boston Edinburgh Marseille Seville Bologna Vienna Zurich""".split()
COUNTRIES = ["Germany", "France", "Spain", "Portugal", "Kenya", "Nigeria", "Canada", "Ireland", "Norway", "Japan"]
STREET_WORDS = """Oak Maple Cedar Willow Elm Birch Chestnut Highland Mill Church Station Victoria Albert Queen King Park
Harbour Meadow Orchard Bridge Castle Abbey Windmill Kingfisher Lavender Rowan""".split()
US_SUFFIX = ["Street", "St", "Avenue", "Ave", "Road", "Rd", "Boulevard", "Lane", "Drive", "Court", "Way", "Place"]
UK_SUFFIX = ["Road", "Street", "Lane", "Close", "Gardens", "Crescent", "Avenue", "Way", "Drive", "Square", "Mews", "Terrace", "Grove"]
US_CITY_STATE = [("Springfield", "IL"), ("Austin", "TX"), ("Denver", "CO"), ("Portland", "OR"), ("Raleigh", "NC"),
                 ("Madison", "WI"), ("Boise", "ID"), ("Tucson", "AZ"), ("Albany", "NY"), ("Columbus", "OH")]
UK_CITY = ["London", "Leeds", "Bristol", "Manchester", "Cardiff", "Sheffield", "Norwich", "York", "Brighton", "Oxford"]
DE_STREET_BASE = ["Haupt", "Linden", "Garten", "Berg", "Schiller", "Goethe", "Bahnhof", "Kirch", "Mühlen", "Rosen", "Wald"]
DE_SUFFIX = ["straße", "weg", "allee", "platz", "gasse", "ring"]
DE_CITY = ["Berlin", "Hamburg", "Köln", "Leipzig", "Dresden", "Bremen", "Hannover", "Nürnberg", "Freiburg", "Mainz"]
DOMAINS = ["brightwater-logistics.com", "example.org", "northfield.co.uk", "mailbox.test", "kestrel-labs.io",
           "fernhill.de", "acme-example.net", "redfern.fr", "post.example.com", "larkspur.consulting"]
PRODUCTS = ["Slack", "Jira", "Kubernetes", "Postgres", "the iPhone 15", "Excel", "Figma", "Notion", "Docker",
            "GitHub Actions", "Zoom", "Salesforce", "Terraform", "Grafana", "Stripe", "our Pro plan", "the X200 router",
            "Windows 11", "macOS Sonoma", "Chrome", "the Starter tier", "Model S-40 scanner", "Redis"]


class R:
    """Value generators over one seeded Random."""

    def __init__(self, seed: int) -> None:
        self.r = random.Random(seed)

    def pick(self, xs):  # type: ignore[no-untyped-def]
        return self.r.choice(xs)

    # --- people and organisations -------------------------------------------------------------------------
    def person(self) -> str:
        k = self.r.random()
        if k < 0.6:
            return f"{self.pick(FIRST)} {self.pick(LAST)}"
        if k < 0.75:
            return f"{self.pick(FIRST)} {self.r.choice(string.ascii_uppercase)}. {self.pick(LAST)}"
        return self.pick(FIRST)

    def full_name(self) -> str:
        return f"{self.pick(FIRST)} {self.pick(LAST)}"

    def first(self) -> str:
        return self.pick(FIRST)

    def last(self) -> str:
        return self.pick(LAST)

    def person_lower(self) -> str:
        return f"{self.pick(FIRST)} {self.pick(LAST)}".lower() if self.r.random() < 0.6 else self.pick(FIRST).lower()

    def org(self) -> str:
        return " ".join(p for p in (self.pick(ORG_A), self.pick(ORG_B), self.pick(ORG_SUFFIX)) if p)

    def city(self) -> str:
        return self.pick(CITIES)

    def country(self) -> str:
        return self.pick(COUNTRIES)

    # --- contact --------------------------------------------------------------------------------------------
    def email(self) -> str:
        f, l = self.pick(FIRST).lower(), self.pick(LAST).lower()
        local = self.pick([f"{f}.{l}", f"{f[0]}{l}", f"{f}_{l}{self.r.randint(1, 99)}", f, f"{l}.{f[0]}", f"{f}+billing"])
        return f"{local}@{self.pick(DOMAINS)}"

    def phone(self) -> str:
        d = lambda n: "".join(str(self.r.randint(0, 9)) for _ in range(n))  # noqa: E731
        forms = [
            lambda: f"+1 ({self.r.randint(201, 989)}) {self.r.randint(200, 989)}-{d(4)}",
            lambda: f"({self.r.randint(201, 989)}) {self.r.randint(200, 989)}-{d(4)}",
            lambda: f"{self.r.randint(201, 989)}-{self.r.randint(200, 989)}-{d(4)}",
            lambda: f"{self.r.randint(201, 989)}.{self.r.randint(200, 989)}.{d(4)}",
            lambda: f"+1-{self.r.randint(201, 989)}-{self.r.randint(200, 989)}-{d(4)}",
            lambda: f"+44 20 {self.r.randint(7000, 8999)} {d(4)}",
            lambda: f"+44 7{d(3)} {d(6)}",
            lambda: f"020 {self.r.randint(7000, 8999)} {d(4)}",
            lambda: f"07{d(3)} {d(6)}",
            lambda: f"+49 30 {d(8)}",
            lambda: f"+49 (0)151 {d(4)} {d(4)}",
            lambda: f"0151 {d(4)} {d(4)}",
            lambda: f"030/{d(7)}",
            lambda: f"+33 1 {d(2)} {d(2)} {d(2)} {d(2)}",
            lambda: f"+33 6 {d(2)} {d(2)} {d(2)} {d(2)}",
            lambda: f"01 {d(2)} {d(2)} {d(2)} {d(2)}",
            lambda: f"06.{d(2)}.{d(2)}.{d(2)}.{d(2)}",
            lambda: f"+34 6{d(2)} {d(3)} {d(3)}",
            lambda: f"+39 02 {d(4)} {d(4)}",
            lambda: f"+31 20 {d(3)} {d(4)}",
            lambda: f"+353 1 {d(3)} {d(4)}",
            lambda: f"+61 2 {d(4)} {d(4)}",
            lambda: f"+91 98{d(3)} {d(5)}",
            lambda: f"0044 20 {self.r.randint(7000, 8999)} {d(4)}",
        ]
        return self.pick(forms)()

    # --- financial and ids -----------------------------------------------------------------------------------
    def card(self) -> str:
        prefix, length, groups = self.pick([("4", 16, [4, 4, 4, 4]), ("5" + str(self.r.randint(1, 5)), 16, [4, 4, 4, 4]),
                                             ("3" + self.pick("47"), 15, [4, 6, 5]), ("6011", 16, [4, 4, 4, 4]),
                                             ("2221", 16, [4, 4, 4, 4])])
        body = prefix + "".join(str(self.r.randint(0, 9)) for _ in range(length - len(prefix) - 1))
        digits = body + str(_luhn_digit(body))
        sep = self.pick([" ", "-", "", " "])
        out, i = [], 0
        for g in groups:
            out.append(digits[i : i + g])
            i += g
        return sep.join(out)

    def bad_card(self) -> str:
        good = self.card()
        last = good[-1]
        return good[:-1] + str((int(last) + self.r.randint(1, 9)) % 10)

    def iban(self) -> str:
        country, bban_len = self.pick([("DE", 18), ("GB", 18), ("FR", 23), ("NL", 14), ("ES", 20), ("IT", 23), ("AT", 16), ("BE", 12)])
        if country == "GB":
            bban = "".join(self.r.choice(string.ascii_uppercase) for _ in range(4)) + "".join(str(self.r.randint(0, 9)) for _ in range(14))
        elif country == "NL":
            bban = "".join(self.r.choice(string.ascii_uppercase) for _ in range(4)) + "".join(str(self.r.randint(0, 9)) for _ in range(10))
        elif country == "IT":
            bban = self.r.choice(string.ascii_uppercase) + "".join(str(self.r.randint(0, 9)) for _ in range(22))
        else:
            bban = "".join(str(self.r.randint(0, 9)) for _ in range(bban_len))
        num = "".join(str(int(c, 36)) for c in bban + country + "00")
        check = 98 - int(num) % 97
        compact = f"{country}{check:02d}{bban}"
        if self.r.random() < 0.5:
            return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))
        return compact

    def ssn(self) -> str:
        area = self.r.choice([a for a in range(1, 900) if a != 666])
        return f"{area:03d}-{self.r.randint(1, 99):02d}-{self.r.randint(1, 9999):04d}"

    def national_id(self) -> str:
        kind = self.pick(["nino", "dni", "aadhaar", "sin", "nie"])
        if kind == "nino":
            a = self.pick("ABCEGHJKLMNPRSTWXYZ") + self.pick("ABCEGHJKLMNPRSTWXYZ")
            if a in ("GB", "NK", "KN", "TN", "NT", "ZZ", "BG"):
                a = "AB"
            d = "".join(str(self.r.randint(0, 9)) for _ in range(6))
            return self.pick([f"{a}{d}{self.pick('ABCD')}", f"{a} {d[:2]} {d[2:4]} {d[4:]} {self.pick('ABCD')}"])
        if kind in ("dni", "nie"):
            n = self.r.randint(1_000_000, 99_999_999) if kind == "dni" else self.r.randint(0, 9_999_999)
            if kind == "dni":
                return f"{n:08d}{'TRWAGMYFPDXBNJZSQVHLCKE'[n % 23]}"
            lead = self.pick("XYZ")
            full = int({"X": "0", "Y": "1", "Z": "2"}[lead] + f"{n:07d}")
            return f"{lead}{n:07d}{'TRWAGMYFPDXBNJZSQVHLCKE'[full % 23]}"
        if kind == "aadhaar":
            body = str(self.r.randint(2, 9)) + "".join(str(self.r.randint(0, 9)) for _ in range(10))
            full = body + str(_verhoeff_digit(body))
            return f"{full[:4]} {full[4:8]} {full[8:]}"
        body = str(self.r.randint(1, 7)) + "".join(str(self.r.randint(0, 9)) for _ in range(7))
        full = body + str(_luhn_digit(body))
        return f"{full[:3]} {full[3:6]} {full[6:]}"

    def passport(self) -> str:
        return self.pick([
            "".join(str(self.r.randint(0, 9)) for _ in range(9)),
            self.r.choice("CFGHJK") + "".join(self.r.choice(string.digits + "CFGHJKLMNPRTVWXYZ") for _ in range(3)) + "".join(str(self.r.randint(0, 9)) for _ in range(5)),
            "".join(self.r.choice(string.ascii_uppercase) for _ in range(2)) + "".join(str(self.r.randint(0, 9)) for _ in range(7)),
        ])

    def ip(self) -> str:
        if self.r.random() < 0.7:
            return ".".join(str(x) for x in [self.pick([10, 172, 192, 203, 81, 145, 34, 52]), self.r.randint(0, 255), self.r.randint(0, 255), self.r.randint(1, 254)])
        groups = [f"{self.r.randint(0, 0xFFFF):x}" for _ in range(8)]
        if self.r.random() < 0.5:
            return "2001:db8:" + ":".join(groups[2:])
        return f"fe80::{groups[0]}:{groups[1]}:{groups[2]}:{groups[3]}"

    def secret(self) -> str:
        alnum = string.ascii_letters + string.digits
        rnd = lambda n, alphabet=alnum: "".join(self.r.choice(alphabet) for _ in range(n))  # noqa: E731
        return self.pick([
            lambda: "sk-proj-" + rnd(40),
            lambda: "sk-" + rnd(48),
            lambda: "sk-ant-api03-" + rnd(60, alnum + "-_"),
            lambda: "ghp_" + rnd(36),
            lambda: "github_pat_" + rnd(30, alnum + "_"),
            lambda: "xoxb-" + rnd(12, string.digits) + "-" + rnd(24),
            lambda: "AKIA" + rnd(16, string.ascii_uppercase + string.digits),
            lambda: "AIza" + rnd(35, alnum + "-_"),
            lambda: "glpat-" + rnd(20),
            lambda: "sk_live_" + rnd(24),
            lambda: "eyJhbGciOiJIUzI1NiJ9.eyJ" + rnd(30) + "." + rnd(43, alnum + "-_"),
            lambda: rnd(32),
        ])()

    def password(self) -> str:
        return self.pick(["Tr0ub4dor&3", "hunter2-Blue!", "Sommer2024!", "x7#Kp9qLm2", "CorrectHorse42", "pa55w0rd-Q1", "Winter#Lake88"])

    # --- addresses ---------------------------------------------------------------------------------------------
    def address(self) -> str:
        k = self.r.random()
        if k < 0.35:
            city, st = self.pick(US_CITY_STATE)
            street = f"{self.r.randint(1, 9999)} {self.pick(STREET_WORDS)} {self.pick(US_SUFFIX)}"
            if self.r.random() < 0.3:
                street += f", {self.pick(['Apt', 'Suite', 'Unit'])} {self.r.randint(1, 40)}{self.pick(['', 'B', ''])}"
            return self.pick([f"{street}, {city}, {st} {self.r.randint(10000, 99999)}", street, f"{street}, {city}, {st}"])
        if k < 0.7:
            street = f"{self.r.randint(1, 250)} {self.pick(STREET_WORDS)} {self.pick(UK_SUFFIX)}"
            return self.pick([f"{street}, {self.pick(UK_CITY)} {self.uk_postcode()}", street, f"{street}, {self.pick(UK_CITY)}",
                              f"Flat {self.r.randint(1, 12)}, {street}, {self.pick(UK_CITY)} {self.uk_postcode()}"])
        street = f"{self.pick(DE_STREET_BASE)}{self.pick(DE_SUFFIX)} {self.r.randint(1, 140)}{self.pick(['', 'a', '', 'b'])}"
        return self.pick([f"{street}, {self.r.randint(10000, 99999)} {self.pick(DE_CITY)}", street])

    def uk_postcode(self) -> str:
        area = self.pick(["SW1A", "NW1", "E14", "M1", "LS6", "BS8", "EH3", "CF10", "OX2", "N7", "SE15", "B15"])
        return f"{area} {self.r.randint(1, 9)}{self.r.choice('ABDEFGHJLNPQRSTUWXYZ')}{self.r.choice('ABDEFGHJLNPQRSTUWXYZ')}"

    def zip_code(self) -> str:
        return str(self.r.randint(10000, 99999))

    # --- negatives (unlabelled) --------------------------------------------------------------------------------
    def product(self) -> str:
        return self.pick(PRODUCTS)

    def date(self) -> str:
        return self.pick([f"2025-{self.r.randint(1, 12):02d}-{self.r.randint(1, 28):02d}", f"{self.r.randint(1, 28)} March 2026",
                          f"{self.r.randint(1, 12)}/{self.r.randint(1, 28)}/2025", f"Q{self.r.randint(1, 4)} 2026", "next Tuesday",
                          f"{self.r.randint(1, 28)}.{self.r.randint(1, 12):02d}.2026"])

    def version(self) -> str:
        return self.pick([f"v{self.r.randint(1, 9)}.{self.r.randint(0, 20)}.{self.r.randint(0, 9)}", f"version {self.r.randint(1, 9)}.{self.r.randint(0, 9)}.{self.r.randint(0, 9)}.{self.r.randint(0, 99)}",
                          f"Python 3.{self.r.randint(8, 13)}.{self.r.randint(0, 9)}", f"release {self.r.randint(1, 5)}.{self.r.randint(0, 9)}.{self.r.randint(0, 9)}.{self.r.randint(1, 200)}",
                          f"build 20{self.r.randint(20, 26)}.{self.r.randint(1, 12)}.{self.r.randint(1, 28)}.{self.r.randint(1, 9)}", f"node 20.{self.r.randint(0, 18)}.{self.r.randint(0, 9)}"])

    def price(self) -> str:
        return self.pick([f"${self.r.randint(5, 9999)}.{self.r.randint(0, 99):02d}", f"€{self.r.randint(10, 99999):,}", f"£{self.r.randint(1, 999)}.99",
                          f"{self.r.randint(1, 99)},{self.r.randint(0, 99):02d} EUR", f"USD {self.r.randint(1000, 999999):,}"])

    def hash(self) -> str:
        return "".join(self.r.choice("0123456789abcdef") for _ in range(self.pick([7, 12, 40, 64])))

    def uuid(self) -> str:
        h = "".join(self.r.choice("0123456789abcdef") for _ in range(32))
        u = f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:]}"
        return u.upper() if self.r.random() < 0.2 else u

    def order(self) -> str:
        return self.pick([f"order #{self.r.randint(100000, 9999999)}", f"ORD-{self.r.randint(10000, 99999)}-{self.pick(['A', 'B', 'X'])}",
                          f"invoice INV-2025-{self.r.randint(100, 9999):04d}", f"ticket {self.pick(['SUP', 'OPS', 'ENG'])}-{self.r.randint(100, 9999)}",
                          f"tracking number 1Z{self.r.randint(100000000, 999999999)}", f"PO {self.r.randint(4500000000, 4599999999)}",
                          f"SKU {self.r.randint(1000, 9999)}-{self.r.randint(100, 999)}"])

    def number(self) -> str:
        return self.pick([f"{self.r.randint(2, 98)}%", f"{self.r.randint(100, 99999):,} users", f"{self.r.randint(1, 500)} ms", f"{self.r.randint(2, 64)} GB",
                          f"{self.r.randint(1, 12)}:{self.r.randint(0, 59):02d}", f"{self.r.randint(1000, 9999)} rows"])


def _luhn_digit(body: str) -> int:
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return (10 - total % 10) % 10


_VD = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6], [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
       [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1], [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
       [8, 7, 6, 5, 9, 3, 2, 1, 0, 4], [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]]
_VP = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4], [5, 8, 0, 3, 7, 9, 6, 1, 4, 2], [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
       [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1], [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8]]
_VINV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9]


def _verhoeff_digit(body: str) -> int:
    c = 0
    for i, ch in enumerate(reversed(body)):
        c = _VD[c][_VP[(i + 1) % 8][int(ch)]]
    return _VINV[c]


# Slot name -> (label or None for negatives, generator method name)
SLOTS: dict[str, tuple[str | None, str]] = {
    "PERSON": ("PERSON", "person"), "NAME": ("PERSON", "full_name"), "FIRST": ("PERSON", "first"), "LAST": ("PERSON", "last"),
    "person_lower": ("PERSON", "person_lower"), "ORG": ("ORG", "org"), "CITY": ("LOCATION", "city"), "COUNTRY": ("LOCATION", "country"),
    "EMAIL": ("EMAIL", "email"), "PHONE": ("PHONE", "phone"), "CARD": ("CARD", "card"), "IBAN": ("IBAN", "iban"),
    "SSN": ("SSN", "ssn"), "NATID": ("NATIONAL_ID", "national_id"), "PASSPORT": ("PASSPORT", "passport"), "IP": ("IP", "ip"),
    "SECRET": ("SECRET", "secret"), "PASSWORD": ("SECRET", "password"), "ADDRESS": ("ADDRESS", "address"),
    "POSTCODE": ("POSTCODE", "uk_postcode"), "ZIP": ("POSTCODE", "zip_code"),
    "product": (None, "product"), "date": (None, "date"), "version": (None, "version"), "price": (None, "price"),
    "hash": (None, "hash"), "uuid": (None, "uuid"), "order": (None, "order"), "number": (None, "number"), "badcard": (None, "bad_card"),
}
_SLOT = re.compile(r"\{(" + "|".join(SLOTS) + r")\}")


def render(template: str, gen: R, json_mode: bool = False) -> tuple[str, list[dict[str, object]]]:
    """Fill the slots; return the text and gold spans. In JSON templates values are JSON-escaped."""
    out: list[str] = []
    spans: list[dict[str, object]] = []
    pos = 0
    length = 0
    for m in _SLOT.finditer(template):
        chunk = template[pos : m.start()]
        out.append(chunk)
        length += len(chunk)
        label, method = SLOTS[m.group(1)]
        value = getattr(gen, method)()
        if json_mode:
            value = json.dumps(value, ensure_ascii=False)[1:-1]
        if label is not None:
            spans.append({"start": length, "end": length + len(value), "type": label})
        out.append(value)
        length += len(value)
        pos = m.end()
    out.append(template[pos:])
    return "".join(out), spans


def load_templates() -> list[tuple[str, str]]:
    """(kind, template) pairs from templates.txt: blocks separated by a line '---', first line '# kind'."""
    raw = Path(__file__).with_name("templates.txt").read_text(encoding="utf-8")
    items = []
    for block in raw.split("\n---\n"):
        block = block.strip("\n")
        if not block or block.startswith("#!"):
            continue
        head, _, body = block.partition("\n")
        items.append((head.lstrip("# ").strip(), body))
    return items


def build(per_template: int = 4) -> list[dict[str, object]]:
    gen = R(SEED)
    rows = []
    for i, (kind, template) in enumerate(load_templates()):
        for j in range(per_template):
            text, spans = render(template, gen, json_mode=kind in ("json", "tool"))
            rows.append({"id": f"{kind}-{i:03d}-{j}", "kind": kind, "text": text, "spans": spans})
    return rows


def main() -> None:
    rows = build()
    with OUT.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} texts to {OUT}")


if __name__ == "__main__":
    main()
