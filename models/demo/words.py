"""The words and texts the demo data is drawn from: names, places, fiction phone
numbers, extortion messages, session notes, police departments, staff names.

Plain data only; the generator (:mod:`models.demo.seed`) draws from it. Lists of ``(item, weight)``
pairs are weighted choices (the generator wraps them for fast drawing); everything else
is drawn uniformly or as the generator says. Nothing here may be real personal data:
see the seed module's docstring for the rules each kind follows.
"""

from __future__ import annotations

import datetime as dt

from models.domain.enums import ApplicationGrounds, RiskLevel

# ---------------------------------------------------------------------------------------------
# The incident the demo data follows
# ---------------------------------------------------------------------------------------------

BREACHES = (
    (
        "Vastaamo 2018",
        "Client records, including therapy notes and identity codes, copied from the "
        "psychotherapy provider's patient database, which was reachable from the internet "
        "without protection (first intrusion).",
        dt.date(2018, 11, 1),
        dt.date(2018, 11, 30),
    ),
    (
        "Vastaamo 2019",
        "A second copy of the same patient database taken through the same unprotected "
        "access (second intrusion).",
        dt.date(2019, 3, 1),
        dt.date(2019, 3, 31),
    ),
)


# ---------------------------------------------------------------------------------------------
# Synthetic people: names, places, phones
# ---------------------------------------------------------------------------------------------

FINNISH_FEMALE = (
    "Maria Helena Anna Johanna Kaarina Marjatta Anneli Liisa Sofia Emilia Kristiina Elina Aino "
    "Tuula Ritva Päivi Pirjo Leena Sari Minna Tiina Anne Hanna Katja Laura Jenni Sanna Riikka "
    "Heidi Satu Eeva Seija Aila Sirpa Merja Kirsi Niina Jaana Outi Elisa Veera Emma Venla Iida "
    "Aada Noora Oona Ella Milla Salla Henna Essi Siiri Helmi Säde Tähti Sointu Lyydia Kyllikki"
).split()
FINNISH_MALE = (
    "Juhani Johannes Olavi Antero Tapani Kalevi Matti Timo Pekka Mikko Jari Juha Kari Markku "
    "Hannu Jukka Heikki Antti Mika Janne Sami Ville Tuomas Lauri Eino Väinö Onni Leevi Eetu "
    "Elias Aleksi Niko Jere Joonas Teemu Petri Harri Seppo Esa Arto Veikko Tero Risto Ilkka "
    "Jyrki Pertti Erkki Aatu Otso Veeti Yrjö"
).split()
FINNISH_LAST = (
    "Korhonen Virtanen Mäkinen Nieminen Mäkelä Hämäläinen Laine Heikkinen Koskinen Järvinen "
    "Lehtonen Lehtinen Saarinen Salminen Heinonen Niemi Heikkilä Kinnunen Salonen Turunen "
    "Salo Laitinen Tuominen Rantanen Karjalainen Jokinen Mattila Savolainen Lahtinen Ahonen "
    "Hiltunen Leinonen Kallio Miettinen Pitkänen Lappalainen Räsänen Väisänen Hyvönen "
    "Kärkkäinen Pääkkönen Räty Törmä Ylönen Äijälä Määttä Jääskeläinen Hyvärinen Pöllänen "
    "Söderholm Lindholm Nyberg"
).split()
SWEDISH_FEMALE = "Åsa Ulla Birgitta Gunilla Märta Ebba Linnéa Malin Elsa Solveig Ingrid".split()
SWEDISH_MALE = "Björn Göran Mårten Stig Kjell Åke Sören Rasmus Hampus Ture Bror".split()
SWEDISH_LAST = (
    "Åberg Söderström Lindqvist Sjöberg Holmström Ekholm Lindroos Björklund Sundström "
    "Grönroos Westerlund Nyström Forsström Wikström Lönnqvist Öhman Östman Åström"
).split()

#: Foreign victims: (first names female, male; last names female, male). Languages whose
#: surnames have female forms keep them apart, so pairs stay plausible.
FOREIGN_GROUPS: tuple[tuple[tuple[str, ...], ...], ...] = (
    (("Tereza", "Lucie", "Jana"), ("Tomáš", "Jiří", "Šimon"),
     ("Šimonová", "Dvořáková", "Nováková"), ("Novák", "Dvořák", "Černý")),
    (("Анна", "Ольга", "Наталья"), ("Дмитрий", "Сергей", "Иван"),
     ("Иванова", "Петрова", "Смирнова"), ("Иванов", "Петров", "Кузнецов")),
    (("Ivana", "Žaneta", "Jelena"), ("Marko", "Željko", "Nikola"),
     ("Kovačević", "Jovanović", "Žagar"), ("Kovačević", "Jovanović", "Žagar")),
    (("Agnieszka", "Małgorzata"), ("Łukasz", "Piotr"),
     ("Wiśniewska", "Nowak"), ("Wiśniewski", "Nowak")),
    (("Kadri", "Mari", "Tiiu"), ("Tõnu", "Jüri", "Mart"),
     ("Tamm", "Saar", "Mägi"), ("Tamm", "Saar", "Mägi")),
    (("Fatima", "Amina", "Hodan"), ("Mohamed", "Ahmed", "Abdi"),
     ("Hassan", "Ali", "Ahmed"), ("Hassan", "Ali", "Ahmed")),
    (("Ngoc Anh", "Thu"), ("Minh", "Quang"), ("Nguyen", "Tran"), ("Nguyen", "Tran")),
    (("Emily", "Chloé", "Zoë"), ("James", "Oliver"),
     ("Smith", "Brown", "O'Connor"), ("Smith", "Brown", "O'Connor")),
    (("María José", "Lucía"), ("José", "Andrés"),
     ("García", "López"), ("García", "López")),
)

#: Street-name stems and suffixes: combinations that sound Finnish, picked at random.
STREET_STEMS = (
    "Koivu Kuusi Mänty Pihlaja Vaahtera Haapa Tammi Leppä Kataja Kanerva Ruusu Sammal Kallio "
    "Järvi Ranta Niitty Pelto Mäki Laakso Kivi Sarastus Tähkä Myllä Puro Lähde Honka Käpy"
).split()
STREET_SUFFIXES = ("tie", "katu", "kuja", "polku", "rinne", "kaari")
#: Postal code and post office of bigger towns (Swedish names where that is the custom).
PLACES = [
    (("00100", "Helsinki"), 14), (("00530", "Helsinki"), 8), (("00840", "Helsinki"), 6),
    (("02100", "Espoo"), 8), (("02600", "Espoo"), 4), (("01300", "Vantaa"), 6),
    (("33100", "Tampere"), 7), (("20100", "Turku"), 6), (("90100", "Oulu"), 4),
    (("40100", "Jyväskylä"), 4), (("70100", "Kuopio"), 3), (("15100", "Lahti"), 3),
    (("28100", "Pori"), 2), (("65100", "Vaasa"), 2), (("68600", "Jakobstad"), 1),
    (("10600", "Ekenäs"), 1), (("53100", "Lappeenranta"), 2), (("96100", "Rovaniemi"), 1),
    (("04400", "Järvenpää"), 2), (("13100", "Hämeenlinna"), 2), (("22100", "Mariehamn"), 1),
]

#: Numbers reserved for fiction, as (E.164 prefix, first, last, digits after the prefix).
#: UK: Ofcom's TV and radio drama ranges; Sweden: PTS's 070-174 06 05–99. Victims get
#: numbers from all of them (each number about equally likely); the extortioner's SMS and
#: calls come from the first twenty mobile numbers, which no victim has.
SENDER_MOBILES = ("+447700900", 0, 19, 3)  # 07700 900000–900019
VICTIM_PHONES = [
    (("+447700900", 100, 999, 3), 900),  # 07700 900100–900999
    (("+442079460", 0, 999, 3), 1000),  # 020 7946 0000–0999 (London)
    (("+441134960", 0, 999, 3), 1000),  # 0113 496 0000–0999 (Leeds)
    (("+441144960", 0, 999, 3), 1000),  # 0114 496 (Sheffield)
    (("+441154960", 0, 999, 3), 1000),  # 0115 496 (Nottingham)
    (("+441164960", 0, 999, 3), 1000),  # 0116 496 (Leicester)
    (("+441174960", 0, 999, 3), 1000),  # 0117 496 (Bristol)
    (("+441184960", 0, 999, 3), 1000),  # 0118 496 (Reading)
    (("+441214960", 0, 999, 3), 1000),  # 0121 496 (Birmingham)
    (("+441314960", 0, 999, 3), 1000),  # 0131 496 (Edinburgh)
    (("+441414960", 0, 999, 3), 1000),  # 0141 496 (Glasgow)
    (("+441514960", 0, 999, 3), 1000),  # 0151 496 (Liverpool)
    (("+441614960", 0, 999, 3), 1000),  # 0161 496 (Manchester)
    (("+441914980", 0, 999, 3), 1000),  # 0191 498 (Tyneside)
    (("+441632960", 0, 999, 3), 1000),  # 01632 960 (no area)
]
SWEDISH_FICTION_MOBILE = ("+467017406", 5, 99, 2)  # 070-174 06 05 … 070-174 06 99

EMAIL_DOMAINS = [("example.com", 5), ("example.org", 2), ("example.net", 2)]


# ---------------------------------------------------------------------------------------------
# Extortion messages
# ---------------------------------------------------------------------------------------------

DEMO_MARK_FI = "[Demoaineistoa: synteettinen viesti, ei oikea kiristysviesti.]"
DEMO_MARK_EN = "[Demo data: a synthetic message, not a real extortion message.]"

EMAIL_FI = (
    "Hei {first},\n\n"
    "olit psykoterapiakeskuksen asiakas. Minulla on tietosi: nimesi, henkilötunnuksesi, "
    "osoitteesi ja terapiakäyntiesi muistiinpanot.\n\n"
    "Jos et halua, että tiedot julkaistaan, maksa {amount}{in_bitcoin_fi} {hours} tunnin "
    "kuluessa, viimeistään {deadline}.\n"
    "Bitcoin-osoite: {wallet}\n\n"
    "Jos maksua ei kuulu ajoissa, tietosi julkaistaan kaikkien luettaviksi.\n\n"
    + DEMO_MARK_FI
)
EMAIL_EN = (
    "Dear {first},\n\n"
    "you were a client of the psychotherapy centre. I have your records: your name, your "
    "identity code, your address and the notes from your therapy sessions.\n\n"
    "If you do not want them published, pay {amount}{in_bitcoin_en} within {hours} hours, "
    "by {deadline}.\n"
    "Bitcoin address: {wallet}\n\n"
    "If the payment does not arrive in time, your information will be made public.\n\n"
    + DEMO_MARK_EN
)
SHORT_FI = (
    "{first}, terapiatietosi ovat hallussani. Maksa {amount}{in_bitcoin_fi} osoitteeseen "
    "{wallet} {hours} tunnin kuluessa ({deadline}) tai tiedot julkaistaan. " + DEMO_MARK_FI
)
SHORT_EN = (
    "{first}, I have your therapy records. Pay {amount}{in_bitcoin_en} to {wallet} within "
    "{hours} hours ({deadline}) or they will be published. " + DEMO_MARK_EN
)
LETTER_FI = (
    "Kirje ilman lähettäjän tietoja, osoitettu nimellä {first}. Vaatii maksamaan "
    "{amount}{in_bitcoin_fi} osoitteeseen {wallet} {hours} tunnin kuluessa, muuten "
    "terapiatiedot julkaistaan. (Neuvojan kirjaama sisältö.) " + DEMO_MARK_FI
)
PHONE_FI = (
    "Soittaja puhutteli nimellä {first}, väitti omistavansa terapiatiedot ja vaati "
    "{amount}{in_bitcoin_fi} {hours} tunnin kuluessa. (Neuvojan kirjaama tiivistelmä.) "
    + DEMO_MARK_FI
)
PHONE_NO_AMOUNT_FI = (
    "Soittaja puhutteli nimellä {first}, väitti omistavansa terapiatiedot ja uhkasi "
    "julkaista ne. Summaa ei mainittu. (Neuvojan kirjaama tiivistelmä.) " + DEMO_MARK_FI
)
OTHER_FI = (
    "Uhkaus tuli muuta kautta: lähettäjä väitti omistavansa terapiatiedot ja uhkasi "
    "julkaista ne. Summaa ei mainittu. (Neuvojan kirjaama tiivistelmä.) " + DEMO_MARK_FI
)

#: Sender addresses the extortioner reused for many victims (all at reserved domains).
SHARED_SENDERS = [
    ("tietovuoto.2020@example.net", 30),
    ("asiakastiedot@mailbox.invalid", 20),
    ("ransom-notice@example.org", 14),
    ("terapiatiedot@example.com", 8),
    ("no-reply@leakdata.test", 5),
    ("data.support@securemail.invalid", 3),
]
ONE_OFF_SENDER_DOMAINS = ("example.net", "example.org", "mail.invalid", "anon.test", "example.com")


# ---------------------------------------------------------------------------------------------
# Case work texts (never personal data; the same sentences recur across victims)
# ---------------------------------------------------------------------------------------------

RISK_REASONS = {
    RiskLevel.ACUTE.value: (
        "Expressed thoughts of self-harm after reading the extortion message; crisis plan agreed.",
        "Panic attacks daily since the message; not sleeping; lives alone.",
        "Therapy notes concerned a violent ex-partner who may now learn the address.",
    ),
    RiskLevel.HIGH.value: (
        "Severe anxiety; the notes mention family members and the workplace.",
        "Repeated contacts from the extortioner; fears the notes will be published.",
        "Identity code has already been misused for a loan application.",
        "Previous depression; distress rising since the breach became public.",
    ),
    RiskLevel.MEDIUM.value: (
        "Worried about identity misuse; sleeping badly.",
        "Upset by the message but has support from family.",
        "Unsure which protective steps to take; needs guidance.",
    ),
    RiskLevel.LOW.value: (
        "Coping well; wants information on protective steps.",
        "Called mainly to file the police report correctly.",
        "Calm; has already arranged the credit bans.",
    ),
}

NOTE_OPENINGS = (
    "Victim described the shock of receiving the message.",
    "Went through what happened since the last call.",
    "Victim is sleeping badly and checks e-mail constantly.",
    "Victim feels ashamed that the notes may be read by others.",
    "Victim was calmer than at the previous contact.",
    "Victim worries about the employer finding out.",
    "A family member was present and supportive.",
    "Victim was angry at the provider for leaving the records unprotected.",
)
NOTE_MIDDLES = (
    "Discussed grounding and breathing techniques.",
    "Explained that paying does not guarantee anything and is not advised.",
    "Walked through the protective steps and what is still open.",
    "Helped to fill in the online police report.",
    "Explained how to recognise follow-up scams.",
    "Talked about how to tell close people about the breach.",
    "Agreed on a short crisis plan and whom to call at night.",
    "Reviewed the DVV decision process and what evidence is needed.",
)
NOTE_CLOSINGS = (
    "Agreed to call again next week.",
    "Victim will contact us if new messages arrive.",
    "Victim felt somewhat relieved at the end of the call.",
    "Gave the number of the national crisis helpline.",
    "",
)
#: Every combination of the note fragments above, so a session note is one draw.
SESSION_NOTES = tuple(
    " ".join(part for part in (opening, middle, closing) if part)
    for opening in NOTE_OPENINGS
    for middle in NOTE_MIDDLES
    for closing in NOTE_CLOSINGS
)
OUTCOMES = (
    "Crisis plan agreed",
    "Protective steps reviewed",
    "Police report guidance given",
    "Emotional support; no new actions",
    "Information leaflet sent",
    "Referral discussed",
)
FOLLOW_UP_TASKS = (
    "Call back to check how the victim is coping",
    "Check the state of the police report",
    "Remind the victim to renew the paid credit bans",
    "Send the information leaflet on protective steps",
    "Check whether DVV has decided on the identity-code change application",
    "Ask whether further extortion messages have arrived",
    "Help with the State Treasury compensation claim",
    "Confirm the referral appointment took place",
)
LIAISON_TASK = "Check the state of the police report"
SAFE_CONTACT_NOTES = (
    "Call only on weekdays after 16.",
    "Shares the phone with a family member: do not leave messages.",
    "Prefers e-mail; phone calls cause anxiety.",
    "Post goes to a shared mailbox.",
)

CODE_CHANGE_EVIDENCE = {
    ApplicationGrounds.REPEATED_MISUSE.value: (
        "Police reports of three loan applications made with the leaked identity code; "
        "creditor letters."
    ),
    ApplicationGrounds.SAFETY_THREAT.value: (
        "Police threat assessment; restraining order against a person named in the notes."
    ),
}

#: Police departments: (department number, name, weight). The numbers look like the
#: department prefixes of real report numbers but are not taken from a register.
DEPARTMENTS = [
    (("5500", "Helsingin poliisilaitos"), 26),
    (("4400", "Länsi-Uudenmaan poliisilaitos"), 17),
    (("4410", "Itä-Uudenmaan poliisilaitos"), 9),
    (("8000", "Sisä-Suomen poliisilaitos"), 10),
    (("7400", "Lounais-Suomen poliisilaitos"), 9),
    (("6100", "Hämeen poliisilaitos"), 7),
    (("3700", "Kaakkois-Suomen poliisilaitos"), 4),
    (("2200", "Itä-Suomen poliisilaitos"), 6),
    (("1600", "Pohjanmaan poliisilaitos"), 5),
    (("1000", "Oulun poliisilaitos"), 5),
    (("0800", "Lapin poliisilaitos"), 2),
]

#: Staff first names for demo account display names.
STAFF_NAMES = (
    "Aino Eero Helmi Ilmari Kerttu Lassi Minea Onni Pihla Raimo Sanni Toivo Ulla Vilho Ylva "
    "Aapo Hilla Jalmari Lumi Otto Iines Kauko Selma Urho"
).split()
STAFF_INITIALS = "KLMNPRSTVAEHJ"
