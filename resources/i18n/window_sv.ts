<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
<context>
    <name>AutoBackup</name>
    <message>
        <source>Making the automatic backup before closing…</source>
        <translation>Gör den automatiska säkerhetskopian före stängningen…</translation>
    </message>
    <message>
        <source>An automatic backup from today already exists.</source>
        <translation>Det finns redan en automatisk säkerhetskopia från i dag.</translation>
    </message>
    <message>
        <source>Automatic backup written.</source>
        <translation>Den automatiska säkerhetskopian har sparats.</translation>
    </message>
    <message>
        <source>The automatic backup failed: {reason}</source>
        <translation>Den automatiska säkerhetskopieringen misslyckades: {reason}</translation>
    </message>
    <message>
        <source>The automatic backup failed because of an internal error.</source>
        <translation>Den automatiska säkerhetskopieringen misslyckades på grund av ett internt fel.</translation>
    </message>
</context>
<context>
    <name>CaseList</name>
    <message>
        <source>Search all cases</source>
        <translation>Sök i alla ärenden</translation>
    </message>
    <message>
        <source>Search every case by name, identity code, case, police report, phone, e-mail or wallet (Ctrl+F)</source>
        <translation>Sök i alla ärenden på namn, personbeteckning, ärendebeteckning, brottsanmälans nummer, telefon, e-post eller bitcoinadress (Ctrl+F)</translation>
    </message>
    <message>
        <source>Name, identity code, case, police report, phone, e-mail, wallet…</source>
        <extracomment>The places that show the case list. The selected rows as spans: the cases of each span&apos;s first and last row.</extracomment>
        <translation>Namn, personbeteckning, ärende, brottsanmälan, telefon, e-post, plånbok…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Sök</translation>
    </message>
    <message>
        <source>Search all cases…</source>
        <translation>Sök i alla ärenden…</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Ärenden</translation>
    </message>
    <message>
        <source>Open case</source>
        <translation>Öppna ärendet</translation>
    </message>
    <message>
        <source>Copy reference</source>
        <translation>Kopiera ärendebeteckningen</translation>
    </message>
    <message>
        <source>{title}: {n} case</source>
        <translation>{title}: {n} ärende</translation>
    </message>
    <message>
        <source>{title}: {n} cases</source>
        <translation>{title}: {n} ärenden</translation>
    </message>
    <message>
        <source>{n} case matches</source>
        <translation>{n} ärende hittades</translation>
    </message>
    <message>
        <source>{n} cases match</source>
        <translation>{n} ärenden hittades</translation>
    </message>
    <message>
        <source>{n} case</source>
        <translation>{n} ärende</translation>
    </message>
    <message>
        <source>{n} cases</source>
        <translation>{n} ärenden</translation>
    </message>
    <message>
        <source>No case matches “{text}”. Check the spelling, or search by identity code, case reference or police report number.</source>
        <translation>Inga ärenden hittades för ”{text}”. Kontrollera stavningen eller sök med personbeteckning, ärendebeteckning eller brottsanmälans nummer.</translation>
    </message>
    <message>
        <source>No case matches these filters. Clear the filters to see more.</source>
        <translation>Inga ärenden hittades med de här filtren. Rensa filtren för att se fler.</translation>
    </message>
    <message>
        <source>No cases are assigned to you. All cases (Ctrl+2) lists every case.</source>
        <translation>Inga ärenden har tilldelats dig. Alla ärenden (Ctrl+2) visar varje ärende.</translation>
    </message>
    <message>
        <source>No cases yet. New intake (Ctrl+N) records the first victim.</source>
        <translation>Inga ärenden ännu. Ny klient (Ctrl+N) registrerar den första klienten.</translation>
    </message>
    <message>
        <source>No cases yet.</source>
        <translation>Inga ärenden ännu.</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Status filter</source>
        <extracomment>Counsellor choice meaning &quot;cases nobody is assigned to&quot;. Drop-down keys (plain strings, which QComboBox.findData compares reliably) and values.</extracomment>
        <translation>Filter för status</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Oavsett status</translation>
    </message>
    <message>
        <source>Active (not closed)</source>
        <translation>Aktiva (inte stängda)</translation>
    </message>
    <message>
        <source>Risk level filter</source>
        <translation>Filter för risknivå</translation>
    </message>
    <message>
        <source>Any risk</source>
        <translation>Oavsett risk</translation>
    </message>
    <message>
        <source>Acute or high</source>
        <translation>Akut eller hög</translation>
    </message>
    <message>
        <source>Counsellor filter</source>
        <translation>Filter för krisarbetare</translation>
    </message>
    <message>
        <source>Breach filter</source>
        <translation>Filter för dataintrång</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Rensa filtren</translation>
    </message>
    <message>
        <source>S&amp;tatus</source>
        <translation>S&amp;tatus</translation>
    </message>
    <message>
        <source>&amp;Risk</source>
        <translation>&amp;Risk</translation>
    </message>
    <message>
        <source>C&amp;ounsellor</source>
        <translation>&amp;Krisarbetare</translation>
    </message>
    <message>
        <source>&amp;Breach</source>
        <translation>&amp;Dataintrång</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Alla</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Ingen krisarbetare</translation>
    </message>
    <message>
        <source>{name} (locked)</source>
        <translation>{name} (låst)</translation>
    </message>
    <message>
        <source>Any breach</source>
        <translation>Alla dataintrång</translation>
    </message>
    <message>
        <source>Me ({name})</source>
        <translation>Jag ({name})</translation>
    </message>
</context>
<context>
    <name>FollowUpTableModel</name>
    <message>
        <source>When</source>
        <extracomment>(header, translated in headerData; sort key of a row)</extracomment>
        <translation>När</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Förfallodag</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Ärende</translation>
    </message>
    <message>
        <source>Victim</source>
        <translation>Klient</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Uppföljning</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>I dag</translation>
    </message>
    <message>
        <source>Overdue 1 day</source>
        <translation>Försenad 1 dag</translation>
    </message>
    <message>
        <source>Overdue {days} days</source>
        <translation>Försenad {days} dagar</translation>
    </message>
</context>
<context>
    <name>FollowUpsView</name>
    <message>
        <source>Follow-ups due today and overdue</source>
        <translation>Uppföljningar: i dag och försenade</translation>
    </message>
    <message>
        <source>&amp;Everyone&apos;s follow-ups</source>
        <translation>&amp;Allas uppföljningar</translation>
    </message>
    <message>
        <source>Show the follow-ups of every counsellor, not only yours</source>
        <translation>Visa alla krisarbetares uppföljningar, inte bara dina</translation>
    </message>
    <message>
        <source>Follow-ups due</source>
        <translation>Att följa upp</translation>
    </message>
    <message>
        <source>Nothing is due today or overdue.</source>
        <translation>Inget ska göras i dag och inget är försenat.</translation>
    </message>
    <message>
        <source>Overdue {days} days</source>
        <translation>Försenad {days} dagar</translation>
    </message>
    <message>
        <source>Nothing is due. Well done.</source>
        <translation>Inga aktuella uppföljningar. Bra jobbat.</translation>
    </message>
    <message>
        <source>{overdue} overdue · {today} due today</source>
        <translation>Försenade {overdue} · i dag {today}</translation>
    </message>
</context>
<context>
    <name>LanguageDialog</name>
    <message>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>Which language should Suoja speak to you?</source>
        <translation>Vilket språk ska Suoja använda med dig?</translation>
    </message>
    <message>
        <source>The change takes effect the next time you sign in.</source>
        <translation>Ändringen träder i kraft nästa gång du loggar in.</translation>
    </message>
    <message>
        <source>This run was started in {language} (--lang or SUOJA_LANG), which goes before your choice until Suoja is started without it.</source>
        <translation>Suoja startades nu på {language} (--lang eller SUOJA_LANG). Det går före ditt val tills Suoja startas utan det.</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Suoja</source>
        <translation>Suoja</translation>
    </message>
    <message>
        <source>Locked — signed in as {name}</source>
        <translation>Låst — inloggad som {name}</translation>
    </message>
    <message>
        <source>Every window was closed to protect victims&apos; data. Enter your password to pick up where you left off: open cases and unsaved forms come back.</source>
        <translation>Alla fönster stängdes för att skydda klienternas uppgifter. Ange ditt lösenord för att fortsätta där du slutade: öppna ärenden och osparade formulär kommer tillbaka.</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Användarnamn</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Lösenord</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Lås upp</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Logga ut</translation>
    </message>
    <message>
        <source>Sign out; the sign-in window opens for the next person</source>
        <translation>Logga ut; inloggningsfönstret öppnas för nästa person</translation>
    </message>
    <message>
        <source>Signing out discards {n} unsaved form; unlocking brings it back.</source>
        <translation>Om du loggar ut förkastas {n} osparat formulär; om du låser upp kommer det tillbaka.</translation>
    </message>
    <message>
        <source>Signing out discards {n} unsaved forms; unlocking brings them back.</source>
        <translation>Om du loggar ut förkastas {n} osparade formulär; om du låser upp kommer de tillbaka.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Ange ditt lösenord.</translation>
    </message>
</context>
<context>
    <name>Locking</name>
    <message>
        <source>{n} unsaved form could not be reopened and was discarded: the case or record is no longer available to you.</source>
        <translation>{n} osparat formulär kunde inte öppnas igen och förkastades: ärendet eller uppgiften är inte längre tillgänglig för dig.</translation>
    </message>
    <message>
        <source>{n} unsaved forms could not be reopened and were discarded: the case or record is no longer available to you.</source>
        <translation>{n} osparade formulär kunde inte öppnas igen och förkastades: ärendena eller uppgifterna är inte längre tillgängliga för dig.</translation>
    </message>
    <message>
        <source>{n} case window could not be reopened: the case is no longer available to you.</source>
        <translation>{n} ärendefönster kunde inte öppnas igen: ärendet är inte längre tillgängligt för dig.</translation>
    </message>
    <message>
        <source>{n} case windows could not be reopened: the case is no longer available to you.</source>
        <translation>{n} ärendefönster kunde inte öppnas igen: ärendena är inte längre tillgängliga för dig.</translation>
    </message>
</context>
<context>
    <name>MainToolbar</name>
    <message>
        <source>Main</source>
        <translation>Huvudverktygsfält</translation>
    </message>
    <message>
        <source>More actions</source>
        <translation>Fler åtgärder</translation>
    </message>
    <message>
        <source>New intake</source>
        <translation>Ny klient</translation>
    </message>
    <message>
        <source>Record a new victim and open their case ({shortcut})</source>
        <translation>Registrera en ny klient och öppna klientens ärende ({shortcut})</translation>
    </message>
    <message>
        <source>Batch export…</source>
        <translation>Massexport…</translation>
    </message>
    <message>
        <source>One PDF case summary per case, into a folder</source>
        <translation>En PDF-ärendesammanfattning per ärende, i en mapp</translation>
    </message>
    <message>
        <source>Import list…</source>
        <translation>Importera lista…</translation>
    </message>
    <message>
        <source>Import a list of affected people (CSV) as new cases</source>
        <translation>Importera en lista över drabbade personer (CSV) som nya ärenden</translation>
    </message>
    <message>
        <source>Caseload report…</source>
        <translation>Ärendemängdsrapport…</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Lås</translation>
    </message>
    <message>
        <source>Lock Suoja now ({shortcut})</source>
        <translation>Lås Suoja nu ({shortcut})</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Logga ut</translation>
    </message>
    <message>
        <source>Sign out; the sign-in window opens for the next person</source>
        <translation>Logga ut; inloggningsfönstret öppnas för nästa person</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Avsluta</translation>
    </message>
    <message>
        <source>Quit Suoja ({shortcut}); asks first if a form has unsaved changes</source>
        <translation>Avsluta Suoja ({shortcut}); frågar först om ett formulär har osparade ändringar</translation>
    </message>
    <message>
        <source>Language…</source>
        <translation>Språk…</translation>
    </message>
    <message>
        <source>The language Suoja speaks to you from your next sign-in</source>
        <translation>Språket som Suoja använder med dig från nästa inloggning</translation>
    </message>
    <message>
        <source>Language saved; it applies from your next sign-in.</source>
        <translation>Språket har sparats; det gäller från nästa inloggning.</translation>
    </message>
    <message>
        <source>Save caseload report</source>
        <translation>Spara ärendemängdsrapport</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-filer (*.pdf)</translation>
    </message>
    <message>
        <source>Caseload report written.</source>
        <translation>Ärendemängdsrapporten har sparats.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Suoja — demo</source>
        <translation>Suoja — demo</translation>
    </message>
    <message>
        <source>Quit the demo and discard its data?</source>
        <translation>Vill du avsluta demon och förkasta dess uppgifter?</translation>
    </message>
    <message>
        <source>The demo database is deleted when Suoja quits, with every change made in it. The next demo starts with fresh synthetic data.</source>
        <translation>Demodatabasen och alla ändringar i den raderas när Suoja avslutas. Nästa demo börjar med nya syntetiska uppgifter.</translation>
    </message>
    <message>
        <source>Quit and discard</source>
        <translation>Avsluta och förkasta</translation>
    </message>
    <message>
        <source>Suoja — {organisation} — {name} ({role})</source>
        <extracomment>Extra places: the ``register`` of modules of ``gui.workspaces``, in navigation order; each checks the role.</extracomment>
        <translation>Suoja — {organisation} — {name} ({role})</translation>
    </message>
    <message>
        <source>Suoja — {name} ({role})</source>
        <translation>Suoja — {name} ({role})</translation>
    </message>
    <message>
        <source> — DEMO DATABASE, synthetic data</source>
        <translation> — DEMODATABAS, syntetiska uppgifter</translation>
    </message>
    <message>
        <source>Your role manages accounts and backups; it does not show case records.</source>
        <translation>Din roll hanterar konton och säkerhetskopior; den visar inga uppgifter i ärenden.</translation>
    </message>
    <message>
        <source>My cases</source>
        <translation>Mina ärenden</translation>
    </message>
    <message>
        <source>Cases assigned to you (Ctrl+1)</source>
        <translation>Ärenden som tilldelats dig (Ctrl+1)</translation>
    </message>
    <message>
        <source>All cases</source>
        <translation>Alla ärenden</translation>
    </message>
    <message>
        <source>Every case; the search box searches here (Ctrl+2)</source>
        <translation>Alla ärenden; sökfältet söker här (Ctrl+2)</translation>
    </message>
    <message>
        <source>Follow-ups due</source>
        <translation>Att följa upp</translation>
    </message>
    <message>
        <source>Your follow-ups due today or overdue (Ctrl+3)</source>
        <translation>Dina uppföljningar som ska göras i dag eller är försenade (Ctrl+3)</translation>
    </message>
    <message>
        <source>The case view is not available yet.</source>
        <translation>Ärendevyn är inte tillgänglig ännu.</translation>
    </message>
    <message>
        <source>Case {reference} created.</source>
        <translation>Ärendet {reference} har skapats.</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Locks after {minutes} min idle · {shortcut} to lock now</source>
        <translation>Låses efter {minutes} min utan aktivitet · {shortcut} låser nu</translation>
    </message>
    <message>
        <source>Follow-ups: {overdue} overdue, {today} today</source>
        <extracomment>On a server: that the counsellor works on the shared database, and whether the other workstations&apos; changes are reaching this one.</extracomment>
        <translation>Uppföljningar: försenade {overdue}, i dag {today}</translation>
    </message>
    <message>
        <source>No follow-ups due</source>
        <translation>Inga aktuella uppföljningar</translation>
    </message>
    <message>
        <source>Shared server {where} · live updates paused, reconnecting…</source>
        <translation>Gemensam server {where} · direktuppdateringar pausade, ansluter igen…</translation>
    </message>
    <message>
        <source>Shared server {where} · live updates</source>
        <translation>Gemensam server {where} · direktuppdateringar</translation>
    </message>
</context>
</TS>
