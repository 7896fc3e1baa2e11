<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
<context>
    <name>CaseTableModel</name>
    <message>
        <source>Reference</source>
        <extracomment>(header, translated in headerData; sort key; attribute of CaseRow)</extracomment>
        <translation>Ärendebeteckning</translation>
    </message>
    <message>
        <source>Victim</source>
        <translation>Klient</translation>
    </message>
    <message>
        <source>Identity code</source>
        <translation>Personbeteckning</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risk</translation>
    </message>
    <message>
        <source>Counsellor</source>
        <translation>Krisarbetare</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Öppnat</translation>
    </message>
</context>
<context>
    <name>Field</name>
    <message>
        <source>Required.</source>
        <extracomment>A date-and-time field&apos;s text, as the lists write a moment in each language (``formatting.datetime_text``: ``5.3.2024 klo 9.04``, ``kl. 9.04``, ``09:04``). The colour of error messages on the light palette (:func:`error_style` adapts it). The value before a new day was typed, while the month and year are stand-ins.</extracomment>
        <translation>Obligatoriskt.</translation>
    </message>
</context>
<context>
    <name>Form</name>
    <message>
        <source>Clear</source>
        <translation>Töm</translation>
    </message>
</context>
<context>
    <name>NavigationList</name>
    <message>
        <source>Places</source>
        <translation>Vyer</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>Wrong username or password.</source>
        <extracomment>How long other workstations&apos; changes are collected before views refresh. A change another workstation made (from the listener&apos;s thread; queued to ours). A delivery of the change bus announced on a worker thread, run on this one. On a server: whether other workstations&apos; changes are arriving (False while the connection is lost and being reopened).</extracomment>
        <translation>Fel användarnamn eller lösenord.</translation>
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
        <translation>Filen kunde inte läsas eller skrivas ({kind}); kontrollera mappen, det lediga utrymmet och dina behörigheter.</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>E-mail</source>
        <extracomment>kind → stored value → its name on screen, in the order a choice offers them.</extracomment>
        <translation>E-post</translation>
    </message>
    <message>
        <source>Text message</source>
        <translation>Textmeddelande</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Brev</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>Telefonsamtal</translation>
    </message>
    <message>
        <source>Social media</source>
        <translation>Sociala medier</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Annat</translation>
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
        <translation>Amerikansk dollar (USD)</translation>
    </message>
    <message>
        <source>Filed</source>
        <translation>Anmäld</translation>
    </message>
    <message>
        <source>Statement form submitted</source>
        <translation>Redogörelseblanketten inlämnad</translation>
    </message>
    <message>
        <source>Under investigation</source>
        <translation>Under förundersökning</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Stängd</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>Personligen</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chatt</translation>
    </message>
    <message>
        <source>No referral</source>
        <translation>Ingen hänvisning</translation>
    </message>
    <message>
        <source>Victim Support Finland (RIKU, 116 006)</source>
        <translation>Brottsofferjouren (RIKU, 116 006)</translation>
    </message>
    <message>
        <source>Psychiatric care</source>
        <translation>Psykiatrisk vård</translation>
    </message>
    <message>
        <source>Health centre</source>
        <translation>Hälsostation</translation>
    </message>
    <message>
        <source>Legal aid</source>
        <translation>Rättshjälp</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Inte påbörjad</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Pågår</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Klar</translation>
    </message>
    <message>
        <source>Declined by the victim</source>
        <translation>Klienten avböjde</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>Inte aktuell</translation>
    </message>
    <message>
        <source>Repeated misuse causing significant harm</source>
        <translation>Upprepat missbruk som orsakar betydande olägenhet</translation>
    </message>
    <message>
        <source>Threat to safety (police threat assessment)</source>
        <translation>Hot mot säkerheten (polisens hotbedömning)</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Väntar på beslut</translation>
    </message>
    <message>
        <source>Granted</source>
        <translation>Beviljad</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Avslagen</translation>
    </message>
    <message>
        <source>Acute</source>
        <translation>Akut</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hög</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Medel</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Låg</translation>
    </message>
    <message>
        <source>Acute risk</source>
        <translation>Akut risk</translation>
    </message>
    <message>
        <source>High risk</source>
        <translation>Hög risk</translation>
    </message>
    <message>
        <source>Medium risk</source>
        <translation>Medelhög risk</translation>
    </message>
    <message>
        <source>Low risk</source>
        <translation>Låg risk</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Ny</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öppen</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Väntar</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Löst</translation>
    </message>
    <message>
        <source>Referred elsewhere</source>
        <translation>Hänvisad vidare</translation>
    </message>
    <message>
        <source>Victim declined help</source>
        <translation>Klienten tackade nej till hjälp</translation>
    </message>
    <message>
        <source>Victim unreachable</source>
        <translation>Klienten nåddes inte</translation>
    </message>
    <message>
        <source>Duplicate case</source>
        <translation>Dubblettärende</translation>
    </message>
    <message>
        <source>Finnish</source>
        <translation>Finska</translation>
    </message>
    <message>
        <source>Swedish</source>
        <translation>Svenska</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Engelska</translation>
    </message>
    <message>
        <source>Counsellor</source>
        <translation>Krisarbetare</translation>
    </message>
    <message>
        <source>Police liaison</source>
        <translation>Polisens kontaktperson</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Förman</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Huvudanvändare</translation>
    </message>
    <message>
        <source>counsellor</source>
        <translation>krisarbetare</translation>
    </message>
    <message>
        <source>police liaison</source>
        <translation>polisens kontaktperson</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>förman</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>huvudanvändare</translation>
    </message>
    <message>
        <source>Closed</source>
        <comment>police report</comment>
        <translation>Behandlingen avslutad</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nej</translation>
    </message>
</context>
<context>
    <name>questions</name>
    <message>
        <source>Discard changes?</source>
        <translation>Förkasta ändringarna?</translation>
    </message>
    <message>
        <source>This form has changes that are not saved. Discard them?</source>
        <translation>Formuläret har ändringar som inte har sparats. Vill du förkasta dem?</translation>
    </message>
    <message>
        <source>&amp;Discard changes</source>
        <translation>För&amp;kasta ändringarna</translation>
    </message>
    <message>
        <source>&amp;Keep editing</source>
        <translation>&amp;Fortsätt redigera</translation>
    </message>
    <message>
        <source>Suoja — unsaved changes</source>
        <translation>Suoja — osparade ändringar</translation>
    </message>
    <message>
        <source>{n} form has unsaved changes. Quit and discard them?</source>
        <translation>{n} formulär har osparade ändringar. Vill du avsluta och förkasta dem?</translation>
    </message>
    <message>
        <source>{n} forms have unsaved changes. Quit and discard them?</source>
        <translation>{n} formulär har osparade ändringar. Vill du avsluta och förkasta dem?</translation>
    </message>
    <message>
        <source>Anything typed but not saved is lost when Suoja quits, and the demo database is deleted with every change made in it.</source>
        <translation>Allt som har skrivits men inte sparats går förlorat när Suoja avslutas, och demodatabasen raderas med alla ändringar som gjorts i den.</translation>
    </message>
    <message>
        <source>Anything typed but not saved is lost when Suoja quits.</source>
        <translation>Allt som har skrivits men inte sparats går förlorat när Suoja avslutas.</translation>
    </message>
    <message>
        <source>Quit and discard</source>
        <translation>Avsluta och förkasta</translation>
    </message>
    <message>
        <source>{n} form has unsaved changes. Sign out and discard them?</source>
        <translation>{n} formulär har osparade ändringar. Vill du logga ut och förkasta dem?</translation>
    </message>
    <message>
        <source>{n} forms have unsaved changes. Sign out and discard them?</source>
        <translation>{n} formulär har osparade ändringar. Vill du logga ut och förkasta dem?</translation>
    </message>
    <message>
        <source>Anything typed but not saved is lost when you sign out. Lock instead keeps it for when you unlock.</source>
        <translation>Allt som har skrivits men inte sparats går förlorat när du loggar ut. Lås behåller det i stället tills du låser upp.</translation>
    </message>
    <message>
        <source>Sign out and discard</source>
        <translation>Logga ut och förkasta</translation>
    </message>
    <message>
        <source>Changed by someone else</source>
        <translation>Någon annan har ändrat uppgifterna</translation>
    </message>
    <message>
        <source>Reload now? Your unsaved changes in this form will be lost.</source>
        <translation>Vill du läsa in uppgifterna på nytt? Dina osparade ändringar i formuläret går förlorade.</translation>
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <source>The database URL is not valid; expected {form}.</source>
        <extracomment>Minutes without keyboard or mouse input before the window locks itself. The design brief fixes 5 as the default; a lock can be made sooner or later but never switched off. The organisation&apos;s deployment file may give another default or enforce a value (:attr:`Preferences.idle_lock_minutes`). The PostgreSQL server database the app opens when no ``--db``/``--db-url`` is given (set by the first-run setup when it creates the database on a server). Never a password.</extracomment>
        <translation>Databasens URL är ogiltig; den ska ha formen {form}.</translation>
    </message>
</context>
</TS>
