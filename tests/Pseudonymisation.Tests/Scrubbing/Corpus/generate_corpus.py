#!/usr/bin/env python3
"""Generates scrubbing-corpus.json: fictional Dutch police and care notes with labelled identifier spans.

All data is fictional: names are combined from common Dutch given names and surnames, BSNs are random numbers
made to pass the 11-proef, IBANs are random account numbers with computed mod-97 check digits, plates,
phone numbers, postcodes and e-mail addresses are random. The output is deterministic (fixed seed).

Template syntax:
  {TYPE:literal}      a labelled span with literal text (TYPE is a token label: PERSOON, ADRES, ...)
  {TYPE#variant}      a labelled span with a generated value (see GENERATORS)
  {~variant}          a generated value that is NOT an identifier of that type (a hard negative)
A document may list known persons: "known": [["Jan Willem", "de", "Vries"], ...].

Label conventions (the scrubber's findings are compared against these):
  PERSOON        the name only, without the title or role word; initials, tussenvoegsels and a possessive s included
  ADRES          street + house number ("Kerkstraat 12a"), postcode + house number ("1234 AB 12"), or a postcode
  GEBOORTEDATUM  the date only; other dates (incidents) are not labelled
  BSN, IBAN, KENTEKEN, TELEFOON, EMAIL  the value as written, separators included

Usage: python3 generate_corpus.py > scrubbing-corpus.json
"""
import json
import random
import re
import sys

rng = random.Random(20261124)

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december"]
CONSONANTS = "BDFGHJKLNPRSTVXZ"


def bsn():
    while True:
        d = [rng.randint(1, 6)] + [rng.randint(0, 9) for _ in range(7)]
        s = sum((9 - i) * d[i] for i in range(8))
        last = s % 11
        if last < 10:
            return "".join(map(str, d + [last]))


def not_bsn_nine():
    while True:
        n = str(rng.randint(100000000, 999999999))
        d = list(map(int, n))
        if (sum((9 - i) * d[i] for i in range(8)) - d[8]) % 11 != 0:
            return n


def iban(country="NL"):
    if country == "NL":
        bban = rng.choice(["ABNA", "INGB", "RABO", "SNSB", "TRIO", "KNAB", "ASNB", "BUNQ"]) + "".join(
            str(rng.randint(0, 9)) for _ in range(10))
    elif country == "DE":
        bban = "".join(str(rng.randint(0, 9)) for _ in range(18))
    else:  # BE
        bban = "".join(str(rng.randint(0, 9)) for _ in range(12))
    numeric = "".join(str(int(c, 36)) for c in bban + country + "00")
    check = 98 - int(numeric) % 97
    return f"{country}{check:02d}{bban}"


def spaced(value):
    return " ".join(value[i:i + 4] for i in range(0, len(value), 4))


SIDECODES = ["LL-DD-DD", "DD-DD-LL", "DD-LL-DD", "LL-DD-LL", "LL-LL-DD", "DD-LL-LL", "DD-LLL-D", "D-LLL-DD",
             "LL-DDD-L", "L-DDD-LL", "LLL-DD-L", "L-DD-LLL", "D-LL-DDD", "DDD-LL-D"]


def plate(dashes=True):
    code = rng.choice(SIDECODES[6:] if rng.random() < 0.7 else SIDECODES[:6])
    out = "".join(rng.choice(CONSONANTS) if c == "L" else str(rng.randint(0, 9)) if c == "D" else c for c in code)
    return out if dashes else out.replace("-", "")


def digits(n):
    return "".join(str(rng.randint(0, 9)) for _ in range(n))


def phone(kind):
    if kind == "mobiel":
        return rng.choice(["06-{}", "06 {}", "06{}"]).format(digits(8))
    if kind == "mobiel-groepen":
        return f"06 {digits(2)} {digits(2)} {digits(2)} {digits(2)}"
    if kind == "vast":
        area = rng.choice(["020", "010", "030", "070", "040", "050", "024", "073"])
        return rng.choice([f"{area}-{digits(7)}", f"{area} {digits(3)} {digits(4)}", f"({area}) {digits(7)}"])
    if kind == "vast4":
        area = rng.choice(["0172", "0299", "0318", "0522", "0546", "0111"])
        return f"{area}-{digits(6)}"
    if kind == "intl":
        return rng.choice([f"+31 6 {digits(8)}", f"+31 (0)6 {digits(4)} {digits(4)}", f"+31 20 {digits(3)} {digits(4)}",
                           f"0031 6 {digits(8)}", f"+316{digits(8)}"])
    if kind == "buitenland":
        return rng.choice([f"+32 4{digits(2)} {digits(2)} {digits(2)} {digits(2)}", f"+49 151 {digits(8)}",
                           f"+212 6{digits(2)} {digits(3)} {digits(3)}"])
    raise ValueError(kind)


def dob(fmt):
    y = rng.randint(1942, 2011)
    m = rng.randint(1, 12)
    d = rng.randint(1, 28)
    return {
        "num": f"{d:02d}-{m:02d}-{y}",
        "short": f"{d}/{m}/{y % 100:02d}",
        "dots": f"{d:02d}.{m:02d}.{y}",
        "iso": f"{y}-{m:02d}-{d:02d}",
        "text": f"{d} {MONTHS[m - 1]} {y}",
        "abbr": f"{d} {rng.choice(['jan.', 'feb.', 'mrt.', 'apr.', 'jun.', 'okt.', 'nov.', 'dec.'])} {y}",
    }[fmt]


def postcode():
    while True:
        letters = rng.choice("ABCDEGHJKLMNPRSTVWXZ") + rng.choice("ABCDEGHJKLMNPRSTVWXZ")
        if letters not in {"SA", "SD", "SS", "OM", "EN", "PV", "BV", "NV", "VS", "EU", "TV", "CV", "PC", "KM", "CM", "MM",
                           "KG", "GB", "MB", "KB", "AM", "PM", "ID", "HR", "NL", "BE", "DE", "ME", "MW", "AN", "AT", "US"}:
            return f"{rng.randint(1011, 9999)} {letters}"


def house():
    n = str(rng.randint(1, 240))
    return n + rng.choice(["", "", "", "a", "b", "-2", " A", "-hs"])


STREETS = ["Kerkstraat", "Dorpsstraat", "Van Goghstraat", "Burgemeester de Withstraat", "Oude Gracht", "Lindenlaan",
           "Molenweg", "Julianaplein", "Prinsengracht", "Stationsweg", "Schoolstraat", "Beukenlaan", "Nieuwe Binnenweg",
           "Kastanjelaan", "Emmasingel", "Havenkade", "Zuiderdijk", "Vondelpark", "Wilhelminastraat", "Eikenhof",
           "Sint Janssingel", "Korte Nieuwstraat", "Lange Voorhout", "Jan van Galenstraat", "Amstelveenseweg"]

GENERATORS = {
    "bsn": bsn,
    "bsn-dots": lambda: (lambda b: f"{b[:4]}.{b[4:6]}.{b[6:]}")(bsn()),
    "bsn-spaces": lambda: (lambda b: f"{b[:3]} {b[3:6]} {b[6:]}")(bsn()),
    "iban": iban,
    "iban-spaced": lambda: spaced(iban()),
    "iban-de": lambda: spaced(iban("DE")),
    "iban-be": lambda: iban("BE"),
    "kenteken": plate,
    "kenteken-compact": lambda: plate(False),
    "mobiel": lambda: phone("mobiel"),
    "mobiel-groepen": lambda: phone("mobiel-groepen"),
    "vast": lambda: phone("vast"),
    "vast4": lambda: phone("vast4"),
    "intl": lambda: phone("intl"),
    "buitenland": lambda: phone("buitenland"),
    "email": lambda: rng.choice(["j.devries", "sanne.bakker88", "m.elamrani", "kevin_jansen", "info.visser",
                                 "petra-smit", "ahmed.yilmaz", "lotte.dekker"]) + str(rng.randint(1, 99)) + "@" + rng.choice(
        ["voorbeeldmail.nl", "example.com", "mailtest.nl", "fictief.org"]),
    "dob-num": lambda: dob("num"),
    "dob-short": lambda: dob("short"),
    "dob-dots": lambda: dob("dots"),
    "dob-iso": lambda: dob("iso"),
    "dob-text": lambda: dob("text"),
    "dob-abbr": lambda: dob("abbr"),
    "postcode": postcode,
    "postcode-nr": lambda: f"{postcode()} {house()}",
    "postcode-compact-nr": lambda: f"{postcode().replace(' ', '')}, nr {rng.randint(1, 200)}",
    "straat-nr": lambda: f"{rng.choice(STREETS)} {house()}",
    # hard negatives
    "valid-nine": bsn,
    "nine": not_bsn_nine,
    "zaak": lambda: f"PL{rng.choice(['09', '13', '17', '27'])}00-{rng.randint(2019, 2025)}{digits(6)}",
    "bedrag": lambda: f"€ {rng.randint(1, 99)}.{rng.randint(100, 999)},{rng.choice(['00', '50', '95'])}",
    "tijd": lambda: f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}",
    "datum": lambda: f"{rng.randint(1, 28):02d}-{rng.randint(1, 12):02d}-{rng.randint(2022, 2025)}",
    "datum-tekst": lambda: f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(2022, 2025)}",
    "vijftien": lambda: digits(15),
}

TOKEN = re.compile(r"\{([A-Z]+)(?::([^{}]*)|#([a-z0-9-]+))\}|\{~([a-z0-9-]+)\}")


def render(template):
    text = []
    spans = []
    pos = 0
    length = 0
    for m in TOKEN.finditer(template):
        literal = template[pos:m.start()]
        text.append(literal)
        length += len(literal)
        if m.group(4):
            value = GENERATORS[m.group(4)]()
            text.append(value)
            length += len(value)
        else:
            value = m.group(2) if m.group(2) is not None else GENERATORS[m.group(3)]()
            spans.append({"type": m.group(1), "start": length, "end": length + len(value)})
            text.append(value)
            length += len(value)
        pos = m.end()
    text.append(template[pos:])
    result = "".join(text)
    for s in spans:
        assert result[s["start"]:s["end"]].strip() == result[s["start"]:s["end"]], (template, s)
    return result, spans


def main():
    from corpus_templates import DOCUMENTS
    docs = []
    for i, doc in enumerate(DOCUMENTS, 1):
        template, known = (doc, []) if isinstance(doc, str) else doc
        text, spans = render(template)
        entry = {"id": f"doc-{i:03d}", "text": text, "spans": spans}
        if known:
            entry["knownPersons"] = [
                {"givenNames": k[0], "surnamePrefix": k[1], "surname": k[2], **({"pseudonym": k[3]} if len(k) > 3 else {})}
                for k in known]
        docs.append(entry)
    json.dump({"description": "Fictional Dutch police and care notes with labelled identifier spans (UTF-16 offsets, "
                              "end exclusive). Generated by generate_corpus.py; all data is fictional.",
               "documents": docs}, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
