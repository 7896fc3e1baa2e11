<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fi_FI">
<context>
    <name>AutoBackup</name>
    <message>
        <source>Making the automatic backup before closing…</source>
        <translation>Tehdään automaattista varmuuskopiota ennen sulkemista…</translation>
    </message>
    <message>
        <source>An automatic backup from today already exists.</source>
        <translation>Tämän päivän automaattinen varmuuskopio on jo olemassa.</translation>
    </message>
    <message>
        <source>Automatic backup written.</source>
        <translation>Automaattinen varmuuskopio tallennettu.</translation>
    </message>
    <message>
        <source>The automatic backup failed: {reason}</source>
        <translation>Automaattinen varmuuskopiointi epäonnistui: {reason}</translation>
    </message>
    <message>
        <source>The automatic backup failed because of an internal error.</source>
        <translation>Automaattinen varmuuskopiointi epäonnistui sisäisen virheen vuoksi.</translation>
    </message>
</context>
<context>
    <name>CaseList</name>
    <message>
        <source>Search all cases</source>
        <translation>Hae kaikista asioista</translation>
    </message>
    <message>
        <source>Search every case by name, identity code, case, police report, phone, e-mail or wallet (Ctrl+F)</source>
        <translation>Hae kaikista asioista nimellä, henkilötunnuksella, asiatunnuksella, rikosilmoituksen numerolla, puhelinnumerolla, sähköpostilla tai bitcoin-osoitteella (Ctrl+F)</translation>
    </message>
    <message>
        <source>Name, identity code, case, police report, phone, e-mail, wallet…</source>
        <extracomment>The places that show the case list. The selected rows as spans: the cases of each span&apos;s first and last row.</extracomment>
        <translation>Nimi, henkilötunnus, asia, rikosilmoitus, puhelin, sähköposti, bitcoin-osoite…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Hae</translation>
    </message>
    <message>
        <source>Search all cases…</source>
        <translation>Hae kaikista asioista…</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Asiat</translation>
    </message>
    <message>
        <source>Open case</source>
        <translation>Avaa asia</translation>
    </message>
    <message>
        <source>Copy reference</source>
        <translation>Kopioi asiatunnus</translation>
    </message>
    <message>
        <source>{title}: {n} case</source>
        <translation>{title}: {n} asia</translation>
    </message>
    <message>
        <source>{title}: {n} cases</source>
        <translation>{title}: {n} asiaa</translation>
    </message>
    <message>
        <source>{n} case matches</source>
        <translation>{n} asia löytyi</translation>
    </message>
    <message>
        <source>{n} cases match</source>
        <translation>{n} asiaa löytyi</translation>
    </message>
    <message>
        <source>{n} case</source>
        <translation>{n} asia</translation>
    </message>
    <message>
        <source>{n} cases</source>
        <translation>{n} asiaa</translation>
    </message>
    <message>
        <source>No case matches “{text}”. Check the spelling, or search by identity code, case reference or police report number.</source>
        <translation>Haulla ”{text}” ei löytynyt asioita. Tarkista kirjoitusasu tai hae henkilötunnuksella, asiatunnuksella tai rikosilmoituksen numerolla.</translation>
    </message>
    <message>
        <source>No case matches these filters. Clear the filters to see more.</source>
        <translation>Näillä suodattimilla ei löytynyt asioita. Tyhjennä suodattimet, niin näet enemmän.</translation>
    </message>
    <message>
        <source>No cases are assigned to you. All cases (Ctrl+2) lists every case.</source>
        <translation>Sinulle ei ole osoitettu asioita. Kaikki asiat (Ctrl+2) näyttää jokaisen asian.</translation>
    </message>
    <message>
        <source>No cases yet. New intake (Ctrl+N) records the first victim.</source>
        <translation>Asioita ei ole vielä. Uusi asiakas (Ctrl+N) kirjaa ensimmäisen asiakkaan.</translation>
    </message>
    <message>
        <source>No cases yet.</source>
        <translation>Asioita ei ole vielä.</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Status filter</source>
        <extracomment>Counsellor choice meaning &quot;cases nobody is assigned to&quot;. Drop-down keys (plain strings, which QComboBox.findData compares reliably) and values.</extracomment>
        <translation>Tilasuodatin</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Kaikki tilat</translation>
    </message>
    <message>
        <source>Active (not closed)</source>
        <translation>Aktiiviset (ei suljetut)</translation>
    </message>
    <message>
        <source>Risk level filter</source>
        <translation>Riskitasosuodatin</translation>
    </message>
    <message>
        <source>Any risk</source>
        <translation>Kaikki riskitasot</translation>
    </message>
    <message>
        <source>Acute or high</source>
        <translation>Akuutti tai korkea</translation>
    </message>
    <message>
        <source>Counsellor filter</source>
        <translation>Kriisityöntekijäsuodatin</translation>
    </message>
    <message>
        <source>Breach filter</source>
        <translation>Tietomurtosuodatin</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Tyhjennä suodattimet</translation>
    </message>
    <message>
        <source>S&amp;tatus</source>
        <translation>&amp;Tila</translation>
    </message>
    <message>
        <source>&amp;Risk</source>
        <translation>&amp;Riski</translation>
    </message>
    <message>
        <source>C&amp;ounsellor</source>
        <translation>&amp;Kriisityöntekijä</translation>
    </message>
    <message>
        <source>&amp;Breach</source>
        <translation>Tieto&amp;murto</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Kaikki</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Ei kriisityöntekijää</translation>
    </message>
    <message>
        <source>{name} (locked)</source>
        <translation>{name} (lukittu)</translation>
    </message>
    <message>
        <source>Any breach</source>
        <translation>Kaikki tietomurrot</translation>
    </message>
    <message>
        <source>Me ({name})</source>
        <translation>Minä ({name})</translation>
    </message>
</context>
<context>
    <name>FollowUpTableModel</name>
    <message>
        <source>When</source>
        <extracomment>(header, translated in headerData; sort key of a row)</extracomment>
        <translation>Milloin</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Määräpäivä</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Asia</translation>
    </message>
    <message>
        <source>Victim</source>
        <translation>Asiakas</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Seuranta</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Tänään</translation>
    </message>
    <message>
        <source>Overdue 1 day</source>
        <translation>Myöhässä 1 päivä</translation>
    </message>
    <message>
        <source>Overdue {days} days</source>
        <translation>Myöhässä {days} päivää</translation>
    </message>
</context>
<context>
    <name>FollowUpsView</name>
    <message>
        <source>Follow-ups due today and overdue</source>
        <translation>Seurannat: tänään ja myöhässä</translation>
    </message>
    <message>
        <source>&amp;Everyone&apos;s follow-ups</source>
        <translation>&amp;Kaikkien seurannat</translation>
    </message>
    <message>
        <source>Show the follow-ups of every counsellor, not only yours</source>
        <translation>Näytä kaikkien kriisityöntekijöiden seurannat, ei vain omiasi</translation>
    </message>
    <message>
        <source>Follow-ups due</source>
        <translation>Seurannat</translation>
    </message>
    <message>
        <source>Nothing is due today or overdue.</source>
        <translation>Tänään ei ole seurantoja, eikä mikään ole myöhässä.</translation>
    </message>
    <message>
        <source>Overdue {days} days</source>
        <translation>Myöhässä {days} päivää</translation>
    </message>
    <message>
        <source>Nothing is due. Well done.</source>
        <translation>Ei ajankohtaisia seurantoja. Hyvää työtä.</translation>
    </message>
    <message>
        <source>{overdue} overdue · {today} due today</source>
        <translation>{overdue} myöhässä · {today} tänään</translation>
    </message>
</context>
<context>
    <name>LanguageDialog</name>
    <message>
        <source>Language</source>
        <translation>Kieli</translation>
    </message>
    <message>
        <source>Which language should Suoja speak to you?</source>
        <translation>Millä kielellä Suoja asioi kanssasi?</translation>
    </message>
    <message>
        <source>The change takes effect the next time you sign in.</source>
        <translation>Muutos tulee voimaan, kun kirjaudut seuraavan kerran sisään.</translation>
    </message>
    <message>
        <source>This run was started in {language} (--lang or SUOJA_LANG), which goes before your choice until Suoja is started without it.</source>
        <translation>Suoja käynnistettiin nyt kielellä {language} (--lang tai SUOJA_LANG). Se menee valintasi edelle, kunnes Suoja käynnistetään ilman sitä.</translation>
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
        <translation>Lukittu — kirjautunut käyttäjä: {name}</translation>
    </message>
    <message>
        <source>Every window was closed to protect victims&apos; data. Enter your password to pick up where you left off: open cases and unsaved forms come back.</source>
        <translation>Kaikki ikkunat suljettiin asiakkaiden tietojen suojaamiseksi. Jatka siitä, mihin jäit, antamalla salasanasi: avoimet asiat ja tallentamattomat lomakkeet palaavat.</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Käyttäjätunnus</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Salasana</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Avaa lukitus</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Kirjaudu ulos</translation>
    </message>
    <message>
        <source>Sign out; the sign-in window opens for the next person</source>
        <translation>Kirjaudu ulos; kirjautumisikkuna avautuu seuraavalle käyttäjälle</translation>
    </message>
    <message>
        <source>Signing out discards {n} unsaved form; unlocking brings it back.</source>
        <translation>Uloskirjautuminen hylkää {n} tallentamattoman lomakkeen; lukituksen avaaminen palauttaa sen.</translation>
    </message>
    <message>
        <source>Signing out discards {n} unsaved forms; unlocking brings them back.</source>
        <translation>Uloskirjautuminen hylkää {n} tallentamatonta lomaketta; lukituksen avaaminen palauttaa ne.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Anna salasanasi.</translation>
    </message>
</context>
<context>
    <name>Locking</name>
    <message>
        <source>{n} unsaved form could not be reopened and was discarded: the case or record is no longer available to you.</source>
        <translation>{n} tallentamaton lomake hylättiin, koska sitä ei voitu avata uudelleen: asia tai tieto ei ole enää käytettävissäsi.</translation>
    </message>
    <message>
        <source>{n} unsaved forms could not be reopened and were discarded: the case or record is no longer available to you.</source>
        <translation>{n} tallentamatonta lomaketta hylättiin, koska niitä ei voitu avata uudelleen: asiat tai tiedot eivät ole enää käytettävissäsi.</translation>
    </message>
    <message>
        <source>{n} case window could not be reopened: the case is no longer available to you.</source>
        <translation>{n} asiaikkuna ei avautunut uudelleen: asia ei ole enää käytettävissäsi.</translation>
    </message>
    <message>
        <source>{n} case windows could not be reopened: the case is no longer available to you.</source>
        <translation>{n} asiaikkunaa ei avautunut uudelleen: asiat eivät ole enää käytettävissäsi.</translation>
    </message>
</context>
<context>
    <name>MainToolbar</name>
    <message>
        <source>Main</source>
        <translation>Päätyökalurivi</translation>
    </message>
    <message>
        <source>More actions</source>
        <translation>Lisää toimintoja</translation>
    </message>
    <message>
        <source>New intake</source>
        <translation>Uusi asiakas</translation>
    </message>
    <message>
        <source>Record a new victim and open their case ({shortcut})</source>
        <translation>Kirjaa uusi asiakas ja avaa hänen asiansa ({shortcut})</translation>
    </message>
    <message>
        <source>Batch export…</source>
        <translation>Joukkovienti…</translation>
    </message>
    <message>
        <source>One PDF case summary per case, into a folder</source>
        <translation>PDF-tapausyhteenveto jokaisesta asiasta kansioon</translation>
    </message>
    <message>
        <source>Import list…</source>
        <translation>Tuo luettelo…</translation>
    </message>
    <message>
        <source>Import a list of affected people (CSV) as new cases</source>
        <translation>Tuo luettelo tietomurrosta kärsineistä (CSV) uusiksi asioiksi</translation>
    </message>
    <message>
        <source>Caseload report…</source>
        <translation>Työkuormaraportti…</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Lukitse</translation>
    </message>
    <message>
        <source>Lock Suoja now ({shortcut})</source>
        <translation>Lukitse Suoja nyt ({shortcut})</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Kirjaudu ulos</translation>
    </message>
    <message>
        <source>Sign out; the sign-in window opens for the next person</source>
        <translation>Kirjaudu ulos; kirjautumisikkuna avautuu seuraavalle käyttäjälle</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Lopeta</translation>
    </message>
    <message>
        <source>Quit Suoja ({shortcut}); asks first if a form has unsaved changes</source>
        <translation>Lopeta Suoja ({shortcut}); kysyy ensin, jos lomakkeessa on tallentamattomia muutoksia</translation>
    </message>
    <message>
        <source>Language…</source>
        <translation>Kieli…</translation>
    </message>
    <message>
        <source>The language Suoja speaks to you from your next sign-in</source>
        <translation>Kieli, jolla Suoja asioi kanssasi seuraavasta kirjautumisesta alkaen</translation>
    </message>
    <message>
        <source>Language saved; it applies from your next sign-in.</source>
        <translation>Kieli tallennettu; se otetaan käyttöön seuraavalla kirjautumiskerralla.</translation>
    </message>
    <message>
        <source>Save caseload report</source>
        <translation>Tallenna työkuormaraportti</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-tiedostot (*.pdf)</translation>
    </message>
    <message>
        <source>Caseload report written.</source>
        <translation>Työkuormaraportti tallennettu.</translation>
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
        <translation>Lopetetaanko demo ja poistetaanko sen tiedot?</translation>
    </message>
    <message>
        <source>The demo database is deleted when Suoja quits, with every change made in it. The next demo starts with fresh synthetic data.</source>
        <translation>Demotietokanta ja kaikki siihen tehdyt muutokset poistetaan, kun Suoja suljetaan. Seuraava demo alkaa uusilla synteettisillä tiedoilla.</translation>
    </message>
    <message>
        <source>Quit and discard</source>
        <translation>Lopeta ja poista tiedot</translation>
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
        <translation> — DEMOTIETOKANTA, synteettiset tiedot</translation>
    </message>
    <message>
        <source>Your role manages accounts and backups; it does not show case records.</source>
        <translation>Roolisi hallinnoi käyttäjätilejä ja varmuuskopioita; se ei näytä asioiden tietoja.</translation>
    </message>
    <message>
        <source>My cases</source>
        <translation>Omat asiat</translation>
    </message>
    <message>
        <source>Cases assigned to you (Ctrl+1)</source>
        <translation>Sinulle osoitetut asiat (Ctrl+1)</translation>
    </message>
    <message>
        <source>All cases</source>
        <translation>Kaikki asiat</translation>
    </message>
    <message>
        <source>Every case; the search box searches here (Ctrl+2)</source>
        <translation>Kaikki asiat; hakukenttä hakee täältä (Ctrl+2)</translation>
    </message>
    <message>
        <source>Follow-ups due</source>
        <translation>Seurannat</translation>
    </message>
    <message>
        <source>Your follow-ups due today or overdue (Ctrl+3)</source>
        <translation>Omat seurantasi, jotka ovat tänään tai myöhässä (Ctrl+3)</translation>
    </message>
    <message>
        <source>The case view is not available yet.</source>
        <translation>Asianäkymä ei ole vielä käytettävissä.</translation>
    </message>
    <message>
        <source>Case {reference} created.</source>
        <translation>Asia {reference} luotu.</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Locks after {minutes} min idle · {shortcut} to lock now</source>
        <translation>Lukitus {minutes} min tauon jälkeen · {shortcut} lukitsee heti</translation>
    </message>
    <message>
        <source>Follow-ups: {overdue} overdue, {today} today</source>
        <extracomment>On a server: that the counsellor works on the shared database, and whether the other workstations&apos; changes are reaching this one.</extracomment>
        <translation>Seurannat: {overdue} myöhässä, {today} tänään</translation>
    </message>
    <message>
        <source>No follow-ups due</source>
        <translation>Ei ajankohtaisia seurantoja</translation>
    </message>
    <message>
        <source>Shared server {where} · live updates paused, reconnecting…</source>
        <translation>Yhteinen palvelin {where} · ajantasaiset päivitykset tauolla, yhdistetään uudelleen…</translation>
    </message>
    <message>
        <source>Shared server {where} · live updates</source>
        <translation>Yhteinen palvelin {where} · ajantasaiset päivitykset</translation>
    </message>
</context>
</TS>
