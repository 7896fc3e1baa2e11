<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fi_FI">
<context>
    <name>CaseTableModel</name>
    <message>
        <source>Reference</source>
        <extracomment>(header, translated in headerData; sort key; attribute of CaseRow)</extracomment>
        <translation>Asiatunnus</translation>
    </message>
    <message>
        <source>Victim</source>
        <translation>Asiakas</translation>
    </message>
    <message>
        <source>Identity code</source>
        <translation>Henkilötunnus</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Tila</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Riski</translation>
    </message>
    <message>
        <source>Counsellor</source>
        <translation>Kriisityöntekijä</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Avattu</translation>
    </message>
</context>
<context>
    <name>Field</name>
    <message>
        <source>Required.</source>
        <extracomment>A date-and-time field&apos;s text, as the lists write a moment in each language (``formatting.datetime_text``: ``5.3.2024 klo 9.04``, ``kl. 9.04``, ``09:04``). The colour of error messages on the light palette (:func:`error_style` adapts it). The value before a new day was typed, while the month and year are stand-ins.</extracomment>
        <translation>Pakollinen.</translation>
    </message>
</context>
<context>
    <name>Form</name>
    <message>
        <source>Clear</source>
        <translation>Tyhjennä</translation>
    </message>
</context>
<context>
    <name>NavigationList</name>
    <message>
        <source>Places</source>
        <translation>Näkymät</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>Wrong username or password.</source>
        <extracomment>How long other workstations&apos; changes are collected before views refresh. A change another workstation made (from the listener&apos;s thread; queued to ours). A delivery of the change bus announced on a worker thread, run on this one. On a server: whether other workstations&apos; changes are arriving (False while the connection is lost and being reopened).</extracomment>
        <translation>Väärä käyttäjätunnus tai salasana.</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Suoja</source>
        <translation>Suoja</translation>
    </message>
    <message>
        <source>The file could not be read or written ({kind}); check the folder, the free space and your permissions.</source>
        <translation>Tiedostoa ei voitu lukea tai kirjoittaa ({kind}); tarkista kansio, vapaa levytila ja käyttöoikeutesi.</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>E-mail</source>
        <extracomment>kind → stored value → its name on screen, in the order a choice offers them.</extracomment>
        <translation>Sähköposti</translation>
    </message>
    <message>
        <source>Text message</source>
        <translation>Tekstiviesti</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Kirje</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>Puhelu</translation>
    </message>
    <message>
        <source>Social media</source>
        <translation>Sosiaalinen media</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Muu</translation>
    </message>
    <message>
        <source>Euro (€)</source>
        <translation>Euro (€)</translation>
    </message>
    <message>
        <source>Bitcoin (BTC)</source>
        <translation>Bitcoin (BTC)</translation>
    </message>
    <message>
        <source>US dollar (USD)</source>
        <translation>Yhdysvaltain dollari (USD)</translation>
    </message>
    <message>
        <source>Filed</source>
        <translation>Ilmoitettu</translation>
    </message>
    <message>
        <source>Statement form submitted</source>
        <translation>Selvityslomake palautettu</translation>
    </message>
    <message>
        <source>Under investigation</source>
        <translation>Esitutkinnassa</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Suljettu</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Puhelin</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>Kasvokkain</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>No referral</source>
        <translation>Ei ohjausta</translation>
    </message>
    <message>
        <source>Victim Support Finland (RIKU, 116 006)</source>
        <translation>Rikosuhripäivystys (RIKU, 116 006)</translation>
    </message>
    <message>
        <source>Psychiatric care</source>
        <translation>Psykiatrinen hoito</translation>
    </message>
    <message>
        <source>Health centre</source>
        <translation>Terveysasema</translation>
    </message>
    <message>
        <source>Legal aid</source>
        <translation>Oikeusapu</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Ei aloitettu</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Kesken</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Tehty</translation>
    </message>
    <message>
        <source>Declined by the victim</source>
        <translation>Asiakas kieltäytyi</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>Ei koske asiakasta</translation>
    </message>
    <message>
        <source>Repeated misuse causing significant harm</source>
        <translation>Toistuva väärinkäyttö, josta aiheutuu merkittävää haittaa</translation>
    </message>
    <message>
        <source>Threat to safety (police threat assessment)</source>
        <translation>Turvallisuuteen kohdistuva uhka (poliisin uhka-arvio)</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Odottaa päätöstä</translation>
    </message>
    <message>
        <source>Granted</source>
        <translation>Myönnetty</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Hylätty</translation>
    </message>
    <message>
        <source>Acute</source>
        <translation>Akuutti</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Korkea</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Kohtalainen</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Matala</translation>
    </message>
    <message>
        <source>Acute risk</source>
        <translation>Akuutti riski</translation>
    </message>
    <message>
        <source>High risk</source>
        <translation>Korkea riski</translation>
    </message>
    <message>
        <source>Medium risk</source>
        <translation>Kohtalainen riski</translation>
    </message>
    <message>
        <source>Low risk</source>
        <translation>Matala riski</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Uusi</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Avoin</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Odottaa</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Ratkaistu</translation>
    </message>
    <message>
        <source>Referred elsewhere</source>
        <translation>Ohjattu muualle</translation>
    </message>
    <message>
        <source>Victim declined help</source>
        <translation>Asiakas ei halunnut apua</translation>
    </message>
    <message>
        <source>Victim unreachable</source>
        <translation>Asiakasta ei tavoitettu</translation>
    </message>
    <message>
        <source>Duplicate case</source>
        <translation>Kaksoiskirjaus</translation>
    </message>
    <message>
        <source>Finnish</source>
        <translation>Suomi</translation>
    </message>
    <message>
        <source>Swedish</source>
        <translation>Ruotsi</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Englanti</translation>
    </message>
    <message>
        <source>Counsellor</source>
        <translation>Kriisityöntekijä</translation>
    </message>
    <message>
        <source>Police liaison</source>
        <translation>Poliisiyhteyshenkilö</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Esihenkilö</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Pääkäyttäjä</translation>
    </message>
    <message>
        <source>counsellor</source>
        <translation>kriisityöntekijä</translation>
    </message>
    <message>
        <source>police liaison</source>
        <translation>poliisiyhteyshenkilö</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>esihenkilö</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>pääkäyttäjä</translation>
    </message>
    <message>
        <source>Closed</source>
        <comment>police report</comment>
        <translation>Käsittely päättynyt</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Kyllä</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Ei</translation>
    </message>
</context>
<context>
    <name>questions</name>
    <message>
        <source>Discard changes?</source>
        <translation>Hylätäänkö muutokset?</translation>
    </message>
    <message>
        <source>This form has changes that are not saved. Discard them?</source>
        <translation>Lomakkeessa on muutoksia, joita ei ole tallennettu. Hylätäänkö ne?</translation>
    </message>
    <message>
        <source>&amp;Discard changes</source>
        <translation>&amp;Hylkää muutokset</translation>
    </message>
    <message>
        <source>&amp;Keep editing</source>
        <translation>&amp;Jatka muokkausta</translation>
    </message>
    <message>
        <source>Suoja — unsaved changes</source>
        <translation>Suoja — tallentamattomia muutoksia</translation>
    </message>
    <message>
        <source>{n} form has unsaved changes. Quit and discard them?</source>
        <translation>{n} lomakkeessa on tallentamattomia muutoksia. Lopetetaanko Suoja ja hylätäänkö muutokset?</translation>
    </message>
    <message>
        <source>{n} forms have unsaved changes. Quit and discard them?</source>
        <translation>{n} lomakkeessa on tallentamattomia muutoksia. Lopetetaanko Suoja ja hylätäänkö muutokset?</translation>
    </message>
    <message>
        <source>Anything typed but not saved is lost when Suoja quits, and the demo database is deleted with every change made in it.</source>
        <translation>Tallentamattomat tiedot menetetään, kun Suoja suljetaan, ja demotietokanta poistetaan kaikkine siihen tehtyine muutoksineen.</translation>
    </message>
    <message>
        <source>Anything typed but not saved is lost when Suoja quits.</source>
        <translation>Tallentamattomat tiedot menetetään, kun Suoja suljetaan.</translation>
    </message>
    <message>
        <source>Quit and discard</source>
        <translation>Lopeta ja hylkää muutokset</translation>
    </message>
    <message>
        <source>{n} form has unsaved changes. Sign out and discard them?</source>
        <translation>{n} lomakkeessa on tallentamattomia muutoksia. Kirjaudutaanko ulos ja hylätäänkö muutokset?</translation>
    </message>
    <message>
        <source>{n} forms have unsaved changes. Sign out and discard them?</source>
        <translation>{n} lomakkeessa on tallentamattomia muutoksia. Kirjaudutaanko ulos ja hylätäänkö muutokset?</translation>
    </message>
    <message>
        <source>Anything typed but not saved is lost when you sign out. Lock instead keeps it for when you unlock.</source>
        <translation>Tallentamattomat tiedot menetetään, kun kirjaudut ulos. Lukitseminen säilyttää ne, kunnes avaat lukituksen.</translation>
    </message>
    <message>
        <source>Sign out and discard</source>
        <translation>Kirjaudu ulos ja hylkää muutokset</translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation>Joku muu on muuttanut tietoja</translation>
    </message>
    <message>
        <source>Reload now? Your unsaved changes in this form will be lost.</source>
        <translation>Ladataanko tiedot uudelleen nyt? Tämän lomakkeen tallentamattomat muutokset menetetään.</translation>
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <source>The database URL is not valid; expected {form}.</source>
        <extracomment>Minutes without keyboard or mouse input before the window locks itself. The design brief fixes 5 as the default; a lock can be made sooner or later but never switched off. The organisation&apos;s deployment file may give another default or enforce a value (:attr:`Preferences.idle_lock_minutes`). The PostgreSQL server database the app opens when no ``--db``/``--db-url`` is given (set by the first-run setup when it creates the database on a server). Never a password.</extracomment>
        <translation>Tietokannan URL-osoite ei kelpaa; odotettu muoto on {form}.</translation>
    </message>
</context>
</TS>
