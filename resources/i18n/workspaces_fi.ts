<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fi_FI">
<context>
    <name>Accounts</name>
    <message>
        <source>Changing the database&apos;s keys, so that the old ones open nothing…</source>
        <translation>Tietokannan avaimia vaihdetaan, jotta vanhat eivät avaa mitään…</translation>
    </message>
</context>
<context>
    <name>AccountsView</name>
    <message>
        <source>A supervisor approves this and sets the password then.</source>
        <extracomment>Argon2id parameters for new key slots; ``None`` means the production defaults. Tests set cheap ones here.</extracomment>
        <translation>Esihenkilö hyväksyy tämän ja asettaa silloin salasanan.</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Käyttäjätilit</translation>
    </message>
    <message>
        <source>New account…</source>
        <translation>Uusi käyttäjätili…</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Lukitse</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Avaa lukitus</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>Aseta uusi salasana…</translation>
    </message>
    <message>
        <source>Change role…</source>
        <translation>Vaihda rooli…</translation>
    </message>
    <message>
        <source>Organisation…</source>
        <translation>Organisaatio…</translation>
    </message>
    <message>
        <source>What every PDF and every letter to a client says on the organisation&apos;s behalf</source>
        <translation>Mitä jokainen PDF ja jokainen kirje asiakkaalle kertoo organisaation puolesta</translation>
    </message>
    <message>
        <source>Accounts are locked, never deleted, so the audit trail stays whole. A locked account cannot sign in.</source>
        <translation>Käyttäjätilejä ei koskaan poisteta vaan ne lukitaan, jotta käyttöloki säilyy eheänä. Lukitulla tilillä ei voi kirjautua sisään.</translation>
    </message>
    <message>
        <source>Only a supervisor can unlock an account that reads case content or manages accounts.</source>
        <translation>Vain esihenkilö voi avata lukituksen tililtä, joka lukee asiakastietoja tai hallinnoi tilejä.</translation>
    </message>
    <message>
        <source>{username} unlocked.</source>
        <translation>Käyttäjätilin {username} lukitus avattu.</translation>
    </message>
    <message>
        <source>{username} locked.</source>
        <translation>Käyttäjätili {username} lukittu.</translation>
    </message>
    <message>
        <source>Another program has the database open, so its file is re-encrypted under the new key at the next sign-in.</source>
        <translation>Toinen ohjelma pitää tietokantaa auki, joten tiedosto salataan uudella avaimella seuraavassa kirjautumisessa.</translation>
    </message>
    <message>
        <source>Account {username} created.</source>
        <translation>Käyttäjätili {username} luotu.</translation>
    </message>
    <message>
        <source>Password of {username} reset.</source>
        <translation>Käyttäjälle {username} asetettu uusi salasana.</translation>
    </message>
    <message>
        <source>{username} is now a {role}.</source>
        <translation>Käyttäjän {username} rooli on nyt {role}.</translation>
    </message>
    <message>
        <source>A supervisor must approve this: it waits as request {number}.</source>
        <translation>Esihenkilön on hyväksyttävä tämä: se odottaa pyyntönä {number}.</translation>
    </message>
    <message>
        <source>Create, lock and unlock accounts; reset passwords; change roles</source>
        <translation>Luo, lukitse ja avaa käyttäjätilejä; aseta uusia salasanoja; vaihda rooleja</translation>
    </message>
</context>
<context>
    <name>AnalysisView</name>
    <message>
        <source>Cross-case extortion analysis</source>
        <extracomment>The table has been filled (after :meth:`reload`&apos;s worker finished).</extracomment>
        <translation>Asioiden välinen kiristysanalyysi</translation>
    </message>
    <message>
        <source>Wallet addresses and senders seen in more than one case. Exports carry case references only — no names or identity codes — and are recorded in the audit log.</source>
        <translation>Bitcoin-osoitteet ja lähettäjät, jotka esiintyvät useammassa kuin yhdessä asiassa. Viennit sisältävät vain asiatunnukset – eivät nimiä eivätkä henkilötunnuksia – ja ne kirjataan käyttölokiin.</translation>
    </message>
    <message>
        <source>Wallet addresses</source>
        <translation>Bitcoin-osoitteet</translation>
    </message>
    <message>
        <source>Senders</source>
        <translation>Lähettäjät</translation>
    </message>
    <message>
        <source>Show cases</source>
        <translation>Näytä asiat</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Vie CSV…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Vie PDF…</translation>
    </message>
    <message>
        <source>Indicators shared by several cases</source>
        <translation>Usealle asialle yhteiset tunnisteet</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Ladataan…</translation>
    </message>
    <message>
        <source>No value is shared by more than one victim.</source>
        <translation>Mikään arvo ei esiinny useammalla kuin yhdellä asiakkaalla.</translation>
    </message>
    <message>
        <source>Show victims without a police report</source>
        <translation>Näytä asiakkaat ilman rikosilmoitusta</translation>
    </message>
    <message>
        <source>Export police report numbers (CSV)…</source>
        <translation>Vie rikosilmoitusten numerot (CSV)…</translation>
    </message>
    <message>
        <source>{n} victim has an extortion contact but no police report number.</source>
        <translation>{n} asiakkaalla on kiristysyhteydenotto mutta ei rikosilmoituksen numeroa.</translation>
    </message>
    <message>
        <source>{n} victims have an extortion contact but no police report number.</source>
        <translation>{n} asiakkaalla on kiristysyhteydenotto mutta ei rikosilmoituksen numeroa.</translation>
    </message>
    <message>
        <source>Cases with {value}</source>
        <translation>Asiat, joissa esiintyy {value}</translation>
    </message>
    <message>
        <source>Extortion contact but no police report</source>
        <translation>Kiristysyhteydenotto mutta ei rikosilmoitusta</translation>
    </message>
    <message>
        <source>Export for investigators</source>
        <extracomment>Emitted with the path when an export has been written (exports run on a worker: thousands of references take a second or more at 40,000 victims).</extracomment>
        <translation>Vie poliisin tutkijoille</translation>
    </message>
    <message>
        <source>Extortion analysis</source>
        <translation>Kiristysanalyysi</translation>
    </message>
    <message>
        <source>Wallets and senders seen across cases; police lists</source>
        <translation>Useissa asioissa toistuvat bitcoin-osoitteet ja lähettäjät; poliisin listat</translation>
    </message>
</context>
<context>
    <name>AuditLogView</name>
    <message>
        <source>User</source>
        <translation>Käyttäjä</translation>
    </message>
    <message>
        <source>Case reference</source>
        <translation>Asiatunnus</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Toiminto</translation>
    </message>
    <message>
        <source>Any action</source>
        <translation>Kaikki toiminnot</translation>
    </message>
    <message>
        <source>First day shown</source>
        <translation>Ensimmäinen näytettävä päivä</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Ei rajausta</translation>
    </message>
    <message>
        <source>Last day shown</source>
        <translation>Viimeinen näytettävä päivä</translation>
    </message>
    <message>
        <source>Show events</source>
        <translation>Näytä tapahtumat</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Tyhjennä rajaukset</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Vie CSV…</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Käyttäjä:</translation>
    </message>
    <message>
        <source>Case:</source>
        <translation>Asia:</translation>
    </message>
    <message>
        <source>Action:</source>
        <translation>Toiminto:</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Alkaen:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Päättyen:</translation>
    </message>
    <message>
        <source>Audit events</source>
        <translation>Käyttölokin tapahtumat</translation>
    </message>
    <message>
        <source>No events match these filters.</source>
        <translation>Rajauksia vastaavia tapahtumia ei ole.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Ladataan…</translation>
    </message>
    <message>
        <source>Break-the-glass accesses</source>
        <translation>Hätäkäytöt</translation>
    </message>
    <message>
        <source>No break-the-glass accesses match these filters.</source>
        <translation>Rajauksia vastaavia hätäkäyttöjä ei ole.</translation>
    </message>
    <message>
        <source>Counsellors who opened another counsellor&apos;s case, with the reason they gave. Review each one.</source>
        <translation>Kriisityöntekijät, jotka avasivat toisen kriisityöntekijän asian, ja heidän ilmoittamansa syy. Käy jokainen läpi.</translation>
    </message>
    <message>
        <source>Any user</source>
        <translation>Kaikki käyttäjät</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Käyttöloki</translation>
    </message>
    <message>
        <source>Break-the-glass accesses ({count})</source>
        <translation>Hätäkäytöt ({count})</translation>
    </message>
    <message>
        <source>{n} event</source>
        <translation>{n} tapahtuma</translation>
    </message>
    <message>
        <source>{n} events</source>
        <translation>{n} tapahtumaa</translation>
    </message>
    <message>
        <source>Checking the audit chain…</source>
        <translation>Tarkistetaan käyttölokin ketjua…</translation>
    </message>
    <message>
        <source>The audit chain could not be checked: {reason}</source>
        <translation>Käyttölokin ketjua ei voitu tarkistaa: {reason}</translation>
    </message>
    <message>
        <source>✔ Audit chain verified: {n} event</source>
        <translation>✔ Käyttölokin ketju on eheä: {n} tapahtuma</translation>
    </message>
    <message>
        <source>✔ Audit chain verified: {n} events</source>
        <translation>✔ Käyttölokin ketju on eheä: {n} tapahtumaa</translation>
    </message>
    <message>
        <source>✘ Audit trail BROKEN: {problem}</source>
        <translation>✘ Käyttöloki RIKKI: {problem}</translation>
    </message>
    <message>
        <source>✘ Audit chain BROKEN at event {seq}: {problem}</source>
        <translation>✘ Käyttölokin ketju RIKKI tapahtuman {seq} kohdalla: {problem}</translation>
    </message>
    <message>
        <source>Export audit log</source>
        <translation>Vie käyttöloki</translation>
    </message>
    <message>
        <source>{n} event exported</source>
        <translation>{n} tapahtuma viety</translation>
    </message>
    <message>
        <source>{n} events exported</source>
        <translation>{n} tapahtumaa viety</translation>
    </message>
    <message>
        <source>Who did what and when; break-the-glass accesses; chain check</source>
        <translation>Kuka teki mitä ja milloin; hätäkäytöt; ketjun tarkistus</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>database created</source>
        <extracomment>What each audit action is called on screen (the stored code never changes).</extracomment>
        <translation>tietokanta luotu</translation>
    </message>
    <message>
        <source>sign-in</source>
        <translation>kirjautuminen</translation>
    </message>
    <message>
        <source>failed sign-in</source>
        <translation>epäonnistunut kirjautuminen</translation>
    </message>
    <message>
        <source>sign-out</source>
        <translation>uloskirjautuminen</translation>
    </message>
    <message>
        <source>unlock</source>
        <translation>lukituksen avaus</translation>
    </message>
    <message>
        <source>view</source>
        <translation>katselu</translation>
    </message>
    <message>
        <source>reveal</source>
        <translation>näyttäminen</translation>
    </message>
    <message>
        <source>create</source>
        <translation>luonti</translation>
    </message>
    <message>
        <source>update</source>
        <translation>muutos</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>poisto</translation>
    </message>
    <message>
        <source>export</source>
        <translation>vienti</translation>
    </message>
    <message>
        <source>backup</source>
        <translation>varmuuskopio</translation>
    </message>
    <message>
        <source>restore</source>
        <translation>palautus</translation>
    </message>
    <message>
        <source>upgrade</source>
        <translation>päivitys</translation>
    </message>
    <message>
        <source>verify</source>
        <translation>tarkistus</translation>
    </message>
    <message>
        <source>demo data</source>
        <translation>esittelytiedot</translation>
    </message>
    <message>
        <source>break glass</source>
        <translation>hätäkäyttö</translation>
    </message>
    <message>
        <source>erasure</source>
        <translation>tietojen poisto</translation>
    </message>
    <message>
        <source>account</source>
        <extracomment>What each kind of record is called on screen (events store the table&apos;s name).</extracomment>
        <translation>käyttäjätili</translation>
    </message>
    <message>
        <source>breach</source>
        <translation>tietomurto</translation>
    </message>
    <message>
        <source>correction history</source>
        <translation>korjaushistoria</translation>
    </message>
    <message>
        <source>victim</source>
        <translation>asiakas</translation>
    </message>
    <message>
        <source>identity code</source>
        <translation>henkilötunnus</translation>
    </message>
    <message>
        <source>case</source>
        <translation>asia</translation>
    </message>
    <message>
        <source>extortion contact</source>
        <translation>kiristysyhteydenotto</translation>
    </message>
    <message>
        <source>police report</source>
        <translation>rikosilmoitus</translation>
    </message>
    <message>
        <source>support session</source>
        <translation>tukikeskustelu</translation>
    </message>
    <message>
        <source>protective action</source>
        <translation>suojaustoimi</translation>
    </message>
    <message>
        <source>follow-up</source>
        <translation>seuranta</translation>
    </message>
    <message>
        <source>evidence file</source>
        <translation>todistetiedosto</translation>
    </message>
    <message>
        <source>emergency access</source>
        <translation>hätäkäyttöoikeus</translation>
    </message>
    <message>
        <source>database</source>
        <translation>tietokanta</translation>
    </message>
    <message>
        <source>search by a whole code or number</source>
        <translation>haku koko tunnuksella tai numerolla</translation>
    </message>
    <message>
        <source>organisation settings</source>
        <translation>organisaation asetukset</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Aika</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Käyttäjä</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Toiminto</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Tietue</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Asia</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Lisätiedot</translation>
    </message>
    <message>
        <source>(system)</source>
        <translation>(järjestelmä)</translation>
    </message>
</context>
<context>
    <name>CaseloadView</name>
    <message>
        <source>Name, case or identity code</source>
        <translation>Nimi, asiatunnus tai henkilötunnus</translation>
    </message>
    <message>
        <source>Find a case by name, reference or identity code</source>
        <translation>Hae asiaa nimellä, asiatunnuksella tai henkilötunnuksella</translation>
    </message>
    <message>
        <source>Find a case</source>
        <translation>Hae asiaa</translation>
    </message>
    <message>
        <source>Counsellor</source>
        <translation>Kriisityöntekijä</translation>
    </message>
    <message>
        <source>Statuses shown</source>
        <translation>Näytettävät tilat</translation>
    </message>
    <message>
        <source>Open work</source>
        <translation>Keskeneräiset asiat</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Kaikki tilat</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Asiat</translation>
    </message>
    <message>
        <source>No cases match. Choose another counsellor or include closed cases.</source>
        <translation>Ei osuvia asioita. Valitse toinen kriisityöntekijä tai näytä myös suljetut asiat.</translation>
    </message>
    <message>
        <source>Reassign to</source>
        <translation>Siirrä kriisityöntekijälle</translation>
    </message>
    <message>
        <source>Reassign selected</source>
        <translation>Siirrä valitut</translation>
    </message>
    <message>
        <source>{selected} of {n} cases selected</source>
        <translation>{selected}/{n} asiasta valittu</translation>
    </message>
    <message>
        <source>Reassign to:</source>
        <translation>Siirrä kriisityöntekijälle:</translation>
    </message>
    <message>
        <source>Counsellors&apos; loads</source>
        <translation>Kriisityöntekijöiden työkuorma</translation>
    </message>
    <message>
        <source>No active counsellor accounts.</source>
        <translation>Ei aktiivisia kriisityöntekijöiden käyttäjätilejä.</translation>
    </message>
    <message>
        <source>Open cases, of which acute or high risk. Double-click a counsellor to list their cases.</source>
        <translation>Avoimet asiat ja niistä akuutin tai korkean riskin asiat. Kaksoisnapsauta kriisityöntekijää, niin näet hänen asiansa.</translation>
    </message>
    <message>
        <source>Closure requests</source>
        <translation>Sulkemispyynnöt</translation>
    </message>
    <message>
        <source>No closure requests are waiting for a decision.</source>
        <translation>Päätöstä odottavia sulkemispyyntöjä ei ole.</translation>
    </message>
    <message>
        <source>Approve closure</source>
        <translation>Hyväksy sulkeminen</translation>
    </message>
    <message>
        <source>Return to counsellor</source>
        <translation>Palauta kriisityöntekijälle</translation>
    </message>
    <message>
        <source>Closure requests ({count})</source>
        <translation>Sulkemispyynnöt ({count})</translation>
    </message>
    <message>
        <source>Every counsellor</source>
        <translation>Kaikki työntekijät</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Ei kriisityöntekijää</translation>
    </message>
    <message>
        <source>{name} — {open} open, {high} high risk</source>
        <translation>{name} – avoimia: {open}, korkea riski: {high}</translation>
    </message>
    <message>
        <source>Reassign cases</source>
        <translation>Siirrä asiat</translation>
    </message>
    <message>
        <source>{n} case reassigned to {name}.</source>
        <translation>{n} asia siirretty: {name}.</translation>
    </message>
    <message>
        <source>{n} cases reassigned to {name}.</source>
        <translation>{n} asiaa siirretty: {name}.</translation>
    </message>
    <message>
        <source>Closure request</source>
        <translation>Sulkemispyyntö</translation>
    </message>
    <message>
        <source>{selected} of {n} case selected</source>
        <translation>{selected}/{n} asiasta valittu</translation>
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
        <source>Caseload</source>
        <translation>Työkuorma</translation>
    </message>
    <message>
        <source>Reassign cases and review closure requests</source>
        <translation>Siirrä asioita ja käsittele sulkemispyyntöjä</translation>
    </message>
</context>
<context>
    <name>ChangeRoleDialog</name>
    <message>
        <source>Change role</source>
        <translation>Vaihda rooli</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>Käyttäjätili:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Rooli:</translation>
    </message>
</context>
<context>
    <name>CreateAccountDialog</name>
    <message>
        <source>New account</source>
        <translation>Uusi käyttäjätili</translation>
    </message>
    <message>
        <source>e.g. kaisa.koski</source>
        <translation>esim. kaisa.koski</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>Käyttäjätunnus:</translation>
    </message>
    <message>
        <source>Display name:</source>
        <translation>Näyttönimi:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Rooli:</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>Dashboard</source>
        <extracomment>The height of a figure button with a one-line caption.</extracomment>
        <translation>Tilannekuva</translation>
    </message>
    <message>
        <source>open cases</source>
        <translation>avointa asiaa</translation>
    </message>
    <message>
        <source>overdue follow-ups</source>
        <translation>myöhässä olevaa seurantaa</translation>
    </message>
    <message>
        <source>acute or high risk, no support session in 7 days</source>
        <translation>akuutti tai korkea riski, ei tukikeskustelua 7 päivään</translation>
    </message>
    <message>
        <source>victims with an extortion contact have a police report</source>
        <translation>kiristysyhteydenoton saaneista on tehnyt rikosilmoituksen</translation>
    </message>
    <message>
        <source>protective actions done</source>
        <translation>suojaustoimista tehty</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Päivitä</translation>
    </message>
    <message>
        <source>Open cases with overdue follow-ups</source>
        <translation>Avoimet asiat, joiden seuranta on myöhässä</translation>
    </message>
    <message>
        <source>Acute or high risk, no support session in 7 days</source>
        <translation>Akuutti tai korkea riski, ei tukikeskustelua 7 päivään</translation>
    </message>
    <message>
        <source>Extortion contact but no police report</source>
        <translation>Kiristysyhteydenotto mutta ei rikosilmoitusta</translation>
    </message>
    <message>
        <source>Open cases with unfinished protective actions</source>
        <translation>Avoimet asiat, joissa suojaustoimia on kesken</translation>
    </message>
    <message>
        <source>Open cases per counsellor</source>
        <translation>Avoimet asiat kriisityöntekijöittäin</translation>
    </message>
    <message>
        <source>New intakes and extortion contacts per week (last 12 weeks)</source>
        <translation>Uudet asiakkuudet ja kiristysyhteydenotot viikoittain (viimeiset 12 viikkoa)</translation>
    </message>
    <message>
        <source>Risk distribution of open cases</source>
        <translation>Avointen asioiden riskitasot</translation>
    </message>
    <message>
        <source>Police-report coverage</source>
        <translation>Rikosilmoitusten kattavuus</translation>
    </message>
    <message>
        <source>Cases have changed since {time}: these figures are out of date and are being counted again.</source>
        <translation>Asioita on muutettu {time} jälkeen: luvut ovat vanhentuneet, ja ne lasketaan uudelleen.</translation>
    </message>
    <message>
        <source>Figures as of {day} at {time}; open cases are new, open or waiting.</source>
        <translation>Tilanne {day} {time}; avoimiin asioihin lasketaan uudet, avoimet ja odottavat asiat.</translation>
    </message>
    <message>
        <source>in {n} case</source>
        <translation>{n} asiassa</translation>
    </message>
    <message>
        <source>in {n} cases</source>
        <translation>{n} asiassa</translation>
    </message>
    <message>
        <source>{n} of {total}; click for those without</source>
        <translation>{n}/{total}; puuttuvat näet napsauttamalla</translation>
    </message>
    <message>
        <source>{n} of {total}</source>
        <translation>{n}/{total}</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>Avoimet asiat</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Ei kriisityöntekijää</translation>
    </message>
    <message>
        <source>Open cases: {name}</source>
        <translation>Avoimet asiat: {name}</translation>
    </message>
    <message>
        <source>New intakes</source>
        <translation>Uudet asiakkuudet</translation>
    </message>
    <message>
        <source>Extortion contacts</source>
        <translation>Kiristysyhteydenotot</translation>
    </message>
    <message>
        <source>week of {day}: {intakes} new intakes, {contacts} extortion contacts</source>
        <translation>viikko alkaen {day}: {intakes} uutta asiakkuutta, {contacts} kiristysyhteydenottoa</translation>
    </message>
    <message>
        <source>New intakes in the week of {day}</source>
        <translation>Uudet asiakkuudet {day} alkaneella viikolla</translation>
    </message>
    <message>
        <source>Extortion contacts in the week of {day}</source>
        <translation>Kiristysyhteydenotot {day} alkaneella viikolla</translation>
    </message>
    <message>
        <source>acute</source>
        <translation>akuutti</translation>
    </message>
    <message>
        <source>high</source>
        <translation>korkea</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>kohtalainen</translation>
    </message>
    <message>
        <source>low</source>
        <translation>matala</translation>
    </message>
    <message>
        <source>Open cases at risk level {level}</source>
        <translation>Avoimet asiat, riskitaso {level}</translation>
    </message>
    <message>
        <source>with a report: {n}</source>
        <translation>ilmoitus tehty: {n}</translation>
    </message>
    <message>
        <source>no report yet: {n}</source>
        <translation>ei vielä ilmoitusta: {n}</translation>
    </message>
    <message>
        <source>Extortion contact and a police report</source>
        <translation>Kiristysyhteydenotto ja rikosilmoitus</translation>
    </message>
    <message>
        <source>Caseloads, waiting victims and police-report coverage</source>
        <translation>Työkuormat, odottavat asiakkaat ja rikosilmoitusten kattavuus</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>First names</source>
        <extracomment>Findings listed before &quot;… and N more&quot;. The combo&apos;s data for &quot;Ignore&quot; (a field&apos;s data is its name, &quot;Choose…&quot; has None). The fields&apos; names as the dialog shows them (``FIELD_LABELS``&apos;s English, marked here so they reach this part&apos;s catalog; translated with the dialog&apos;s context).</extracomment>
        <translation>Etunimet</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Sukunimi</translation>
    </message>
    <message>
        <source>Identity code</source>
        <translation>Henkilötunnus</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Syntymäaika</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Puhelin</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Sähköposti</translation>
    </message>
    <message>
        <source>Street address</source>
        <translation>Katuosoite</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Postinumero</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Postitoimipaikka</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Kieli</translation>
    </message>
    <message>
        <source>Safe-contact note</source>
        <translation>Lisätieto turvallisista yhteydenottotavoista</translation>
    </message>
    <message>
        <source>Opened on</source>
        <translation>Avauspäivä</translation>
    </message>
    <message>
        <source>Import a list of affected people</source>
        <extracomment>Emitted with the ImportReport when an import finished (committed or not). Emitted when a file&apos;s rows were checked, with the ImportReport, or with the KnownError that stopped the check (for tests and the status line).</extracomment>
        <translation>Tuo luettelo tietomurrosta kärsineistä</translation>
    </message>
    <message>
        <source>Intake note</source>
        <translation>Ensikontaktin muistiinpano</translation>
    </message>
    <message>
        <source>Choose a CSV file with a header row and one person a row (from Excel: save as “CSV UTF-8” or “CSV (semicolon delimited)”). Required columns: {required}. Optional: {optional}. Finnish, Swedish and English header names are recognised (for example etunimet, sukunimi, henkilötunnus); choose a field or Ignore for every other column, so nothing is left out unnoticed: free text such as additional information can go to the safe-contact note or the intake note, the date the person was notified or first made contact to Opened on. Every row is checked before anything is saved, and each becomes a new case.</source>
        <extracomment>Reading the file and checking its rows: only the newest result is shown.</extracomment>
        <translation>Valitse CSV-tiedosto, jossa on otsikkorivi ja yksi henkilö kullakin rivillä (Excelissä tallenna muodossa ”CSV UTF-8 (luetteloerottimin erotettu)” tai ”CSV (luetteloerottimin erotettu)”). Pakolliset sarakkeet: {required}. Valinnaiset: {optional}. Suomen-, ruotsin- ja englanninkieliset sarakeotsikot tunnistetaan (esimerkiksi etunimet, sukunimi, henkilötunnus); valitse jokaiselle muulle sarakkeelle kenttä tai Ohita, jotta mitään ei jää huomaamatta pois: vapaa teksti, kuten lisätiedot, voi mennä turvallisten yhteydenottotapojen lisätietoon tai ensikontaktin muistiinpanoon, päivämäärä, jolloin henkilölle ilmoitettiin tai hän otti ensimmäisen kerran yhteyttä, avauspäivään. Jokainen rivi tarkistetaan ennen kuin mitään tallennetaan, ja jokaisesta tulee uusi asia.</translation>
    </message>
    <message>
        <source>File to import</source>
        <translation>Tuotava tiedosto</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Valitse tiedosto…</translation>
    </message>
    <message>
        <source>No file chosen.</source>
        <translation>Tiedostoa ei ole valittu.</translation>
    </message>
    <message>
        <source>Columns of the file and their fields</source>
        <translation>Tiedoston sarakkeet ja niiden kentät</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>Sarake tiedostossa</translation>
    </message>
    <message>
        <source>Import as</source>
        <translation>Tuo kenttään</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Sarakkeet</translation>
    </message>
    <message>
        <source>First rows of the file</source>
        <translation>Tiedoston ensimmäiset rivit</translation>
    </message>
    <message>
        <source>Select all rows</source>
        <translation>Valitse kaikki rivit</translation>
    </message>
    <message>
        <source>Refused rows and duplicates</source>
        <translation>Hylätyt rivit ja kaksoiskappaleet</translation>
    </message>
    <message>
        <source>Import all valid rows (skip the others)</source>
        <translation>Tuo kaikki kelvolliset rivit (ohita muut)</translation>
    </message>
    <message>
        <source>Import nothing if any row is refused or a duplicate</source>
        <translation>Älä tuo mitään, jos jokin rivi hylätään tai on kaksoiskappale</translation>
    </message>
    <message>
        <source>No breach</source>
        <translation>Ei tietomurtoa</translation>
    </message>
    <message>
        <source>Link to breach</source>
        <translation>Liitä tietomurtoon</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Tuo</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sulje</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Esikatselu</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV-tiedostot (*.csv *.txt);;Kaikki tiedostot (*)</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Luetaan tiedostoa…</translation>
    </message>
    <message>
        <source>The file could not be opened.</source>
        <translation>Tiedostoa ei voitu avata.</translation>
    </message>
    <message>
        <source>The file could not be read.</source>
        <translation>Tiedostoa ei voitu lukea.</translation>
    </message>
    <message>
        <source>semicolon (;)</source>
        <translation>puolipiste (;)</translation>
    </message>
    <message>
        <source>comma (,)</source>
        <translation>pilkku (,)</translation>
    </message>
    <message>
        <source>Encoding: {encoding} · Delimiter: {delimiter} · {n} row</source>
        <translation>Merkistö: {encoding} · Erotin: {delimiter} · {n} rivi</translation>
    </message>
    <message>
        <source>Encoding: {encoding} · Delimiter: {delimiter} · {n} rows</source>
        <translation>Merkistö: {encoding} · Erotin: {delimiter} · {n} riviä</translation>
    </message>
    <message>
        <source>Import the column {name} as</source>
        <translation>Tuo sarake {name} kenttään</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Valitse…</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Ohita</translation>
    </message>
    <message>
        <source>Choose a field or Ignore for each column before importing: {columns}.</source>
        <translation>Valitse kenttä tai Ohita jokaiselle sarakkeelle ennen tuontia: {columns}.</translation>
    </message>
    <message>
        <source>{field} is chosen for more than one column: {columns}.</source>
        <translation>{field} on valittu useammalle kuin yhdelle sarakkeelle: {columns}.</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>Tarkistetaan jokaista riviä…</translation>
    </message>
    <message>
        <source>The rows could not be checked.</source>
        <translation>Rivejä ei voitu tarkistaa.</translation>
    </message>
    <message>
        <source>{n} row: {ready} ready to import, {refused} refused, {duplicates} already known (duplicates).</source>
        <translation>{n} rivi – valmiina tuotavaksi: {ready}, hylättyjä: {refused}, jo tiedossa (kaksoiskappaleet): {duplicates}.</translation>
    </message>
    <message>
        <source>{n} rows: {ready} ready to import, {refused} refused, {duplicates} already known (duplicates).</source>
        <translation>{n} riviä – valmiina tuotavaksi: {ready}, hylättyjä: {refused}, jo tiedossa (kaksoiskappaleet): {duplicates}.</translation>
    </message>
    <message>
        <source>… and {n} more</source>
        <translation>… ja {n} muuta</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Tuodaan…</translation>
    </message>
    <message>
        <source>Imported {n} people as new cases {first} – {last}.</source>
        <translation>Tuotiin uusiksi asioiksi {first} – {last} (henkilöitä {n}).</translation>
    </message>
    <message>
        <source>Nothing was imported: some rows were refused or duplicates.</source>
        <translation>Mitään ei tuotu: osa riveistä hylättiin tai oli kaksoiskappaleita.</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>Mitään ei tuotu.</translation>
    </message>
    <message>
        <source>The import failed; nothing was saved.</source>
        <translation>Tuonti epäonnistui; mitään ei tallennettu.</translation>
    </message>
</context>
<context>
    <name>OrganisationDialog</name>
    <message>
        <source>Organisation settings</source>
        <translation>Organisaation asetukset</translation>
    </message>
    <message>
        <source>These texts appear in every PDF and every letter to a client, on every workstation. Leave a field empty to use the default.</source>
        <translation>Nämä tekstit näkyvät jokaisessa PDF:ssä ja jokaisessa kirjeessä asiakkaalle kaikilla työasemilla. Jätä kenttä tyhjäksi, niin käytetään oletusta.</translation>
    </message>
    <message>
        <source>Name of the organisation</source>
        <translation>Organisaation nimi</translation>
    </message>
    <message>
        <source>Shown in the window&apos;s title</source>
        <translation>Näkyy ikkunan otsikossa</translation>
    </message>
    <message>
        <source>Classification line</source>
        <translation>Turvaluokitusrivi</translation>
    </message>
    <message>
        <source>e.g. the statutory basis of the secrecy</source>
        <translation>esim. salassapidon lakiperuste</translation>
    </message>
    <message>
        <source>Help lines</source>
        <translation>Avunlähteet</translation>
    </message>
    <message>
        <source>One per line; empty: Victim Support Finland, MIELI&apos;s crisis helpline, 112</source>
        <translation>Yksi riville; tyhjä: Rikosuhripäivystys, MIELI ry:n kriisipuhelin, 112</translation>
    </message>
    <message>
        <source>Data requests</source>
        <translation>Tietopyynnöt</translation>
    </message>
    <message>
        <source>How a client asks for their data or its erasure: an address, a phone number</source>
        <translation>Miten asiakas pyytää tietojaan tai niiden poistamista: osoite, puhelinnumero</translation>
    </message>
    <message>
        <source>Contact for the police</source>
        <translation>Yhteystiedot poliisille</translation>
    </message>
    <message>
        <source>How investigators reach you about a case: a phone number, an e-mail address, opening hours</source>
        <translation>Miten poliisin tutkijat tavoittavat teidät asiasta: puhelinnumero, sähköpostiosoite, tavoitettavuusajat</translation>
    </message>
    <message>
        <source>&amp;Name of the organisation</source>
        <translation>Organisaation &amp;nimi</translation>
    </message>
    <message>
        <source>&amp;Classification line</source>
        <translation>&amp;Turvaluokitusrivi</translation>
    </message>
    <message>
        <source>&amp;Help lines</source>
        <translation>&amp;Avunlähteet</translation>
    </message>
    <message>
        <source>&amp;Data requests</source>
        <translation>Tieto&amp;pyynnöt</translation>
    </message>
    <message>
        <source>Contact for the &amp;police</source>
        <translation>&amp;Yhteystiedot poliisille</translation>
    </message>
    <message>
        <source>Retention period</source>
        <translation>Säilytysaika</translation>
    </message>
    <message>
        <source>Set by your organisation&apos;s deployment file, and not changeable here: {settings}.</source>
        <translation>Organisaatiosi asetustiedosto määrää nämä, eikä niitä voi muuttaa täällä: {settings}.</translation>
    </message>
    <message>
        <source>Retention and erasure</source>
        <translation>Säilytys ja poisto</translation>
    </message>
    <message>
        <source>Retention period in days</source>
        <translation>Säilytysaika päivinä</translation>
    </message>
    <message>
        <source>How long a closed case&apos;s personal data is kept, as your data protection officer decided. Supervisors are reminded of the cases past it; nothing is erased automatically.</source>
        <translation>Kuinka kauan suljetun asian henkilötiedot säilytetään, kuten tietosuojavastaava on päättänyt. Esihenkilöitä muistutetaan asioista, joiden säilytysaika on kulunut; mitään ei poisteta automaattisesti.</translation>
    </message>
    <message>
        <source>Erasing a client&apos;s data needs a second supervisor&apos;s approval</source>
        <translation>Asiakkaan tietojen poisto vaatii toisen esihenkilön hyväksynnän</translation>
    </message>
    <message>
        <source>Only a supervisor can change this.</source>
        <translation>Vain esihenkilö voi muuttaa tätä.</translation>
    </message>
    <message>
        <source>&amp;Retention period</source>
        <translation>&amp;Säilytysaika</translation>
    </message>
    <message>
        <source>Default of your organisation: {text}</source>
        <translation>Organisaatiosi oletus: {text}</translation>
    </message>
    <message>
        <source>Set by your organisation&apos;s deployment file ({file})</source>
        <translation>Organisaatiosi asetustiedosto määrää tämän ({file})</translation>
    </message>
    <message>
        <source>{n} year</source>
        <translation>{n} vuosi</translation>
    </message>
    <message>
        <source>{n} years</source>
        <translation>{n} vuotta</translation>
    </message>
    <message>
        <source>{n} day</source>
        <translation>{n} päivä</translation>
    </message>
    <message>
        <source>{n} days</source>
        <translation>{n} päivää</translation>
    </message>
    <message>
        <source>{years} and {days}</source>
        <translation>{years} ja {days}</translation>
    </message>
    <message>
        <source>days after closing ({span})</source>
        <translation>päivää sulkemisesta ({span})</translation>
    </message>
</context>
<context>
    <name>PasswordFields</name>
    <message>
        <source>New password</source>
        <translation>Uusi salasana</translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation>Toista salasana</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Salasana:</translation>
    </message>
    <message>
        <source>Repeat:</source>
        <translation>Toista:</translation>
    </message>
    <message>
        <source>At least 12 characters; several unrelated words work well.</source>
        <translation>Vähintään 12 merkkiä; useampi toisiinsa liittymätön sana toimii hyvin.</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>Salasanat eivät ole samat.</translation>
    </message>
    <message>
        <source>Strong enough.</source>
        <translation>Riittävän vahva.</translation>
    </message>
</context>
<context>
    <name>PendingChangesPanel</name>
    <message>
        <source>Pending changes</source>
        <translation>Odottavat muutokset</translation>
    </message>
    <message>
        <source>Approve…</source>
        <translation>Hyväksy…</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Hylkää</translation>
    </message>
    <message>
        <source>Pending changes (another supervisor approves):</source>
        <translation>Odottavat muutokset (toinen esihenkilö hyväksyy):</translation>
    </message>
    <message>
        <source>New account {username} ({role})</source>
        <translation>Uusi tili {username} ({role})</translation>
    </message>
    <message>
        <source>{username} to become {role}</source>
        <translation>{username} rooliin {role}</translation>
    </message>
    <message>
        <source>New password for {username}</source>
        <translation>Uusi salasana tilille {username}</translation>
    </message>
    <message>
        <source>{number}: {what}, asked by {requester}</source>
        <translation>{number}: {what}, pyytäjä {requester}</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Hyväksy</translation>
    </message>
    <message>
        <source>Type the account&apos;s password; tell it to them in person. They should change it at their next sign-in.</source>
        <translation>Kirjoita tilin salasana ja kerro se tilin haltijalle henkilökohtaisesti. Hänen kannattaa vaihtaa se seuraavalla kirjautumiskerralla.</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>Reset password</source>
        <translation>Aseta uusi salasana</translation>
    </message>
    <message>
        <source>A new password for {name} ({username}). Tell it to them in person; they should change it at their next sign-in.</source>
        <translation>Uusi salasana käyttäjälle {name} ({username}). Kerro se hänelle henkilökohtaisesti; hänen tulee vaihtaa se seuraavalla kirjautumiskerralla.</translation>
    </message>
</context>
<context>
    <name>RetentionNotice</name>
    <message>
        <source>Review…</source>
        <extracomment>Changes after which the count may differ. (Re)counted: how many cases are due (tests wait for it).</extracomment>
        <translation>Tarkastele…</translation>
    </message>
    <message>
        <source>Review the cases past the retention period</source>
        <translation>Tarkastele asioita, joiden säilytysaika on kulunut</translation>
    </message>
    <message>
        <source>{n} closed case is past its retention period</source>
        <extracomment>Whether the window was asked to close: once it is gone, a change arriving later counts nothing (the database may be closed by then).</extracomment>
        <translation>{n} suljetun asian säilytysaika on kulunut</translation>
    </message>
    <message>
        <source>{n} closed cases are past their retention period</source>
        <translation>{n} suljetun asian säilytysaika on kulunut</translation>
    </message>
</context>
<context>
    <name>RetentionReviewDialog</name>
    <message>
        <source>Cases past the retention period</source>
        <translation>Asiat, joiden säilytysaika on kulunut</translation>
    </message>
    <message>
        <source>These closed cases were closed more than {n} day ago, the retention period. Erase each one&apos;s personal data, or open it to check first.</source>
        <translation>Nämä asiat suljettiin yli {n} päivä sitten, eli säilytysaika on kulunut. Poista kunkin henkilötiedot tai avaa asia ensin tarkistaaksesi sen.</translation>
    </message>
    <message>
        <source>These closed cases were closed more than {n} days ago, the retention period. Erase each one&apos;s personal data, or open it to check first.</source>
        <translation>Nämä asiat suljettiin yli {n} päivää sitten, eli säilytysaika on kulunut. Poista kunkin henkilötiedot tai avaa asia ensin tarkistaaksesi sen.</translation>
    </message>
    <message>
        <source>Closed cases past the retention period</source>
        <translation>Suljetut asiat, joiden säilytysaika on kulunut</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Asia</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>Suljettu</translation>
    </message>
    <message>
        <source>Days past</source>
        <translation>Päivää yli</translation>
    </message>
    <message>
        <source>Open case</source>
        <translation>Avaa asia</translation>
    </message>
    <message>
        <source>Erase…</source>
        <translation>Poista…</translation>
    </message>
    <message>
        <source>Erase {reference}</source>
        <translation>Poista {reference}</translation>
    </message>
    <message>
        <source>Its erasure waits for a second supervisor&apos;s approval.</source>
        <translation>Sen poisto odottaa toisen esihenkilön hyväksyntää.</translation>
    </message>
</context>
<context>
    <name>SharedIndicatorModel</name>
    <message>
        <source>Wallet address</source>
        <extracomment>The raw indicator value of a row (for drill-down), beside DisplayRole.</extracomment>
        <translation>Bitcoin-osoite</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Lähettäjä</translation>
    </message>
    <message>
        <source>Victims</source>
        <translation>Asiakkaita</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Yhteydenottoja</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>Ensimmäinen</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Viimeisin</translation>
    </message>
    <message>
        <source>Total demanded</source>
        <translation>Vaadittu</translation>
    </message>
    <message>
        <source>Total paid</source>
        <translation>Maksettu</translation>
    </message>
</context>
<context>
    <name>_ActionDialog</name>
    <message>
        <source>Passwords are not kept while Suoja is locked: type the new password again.</source>
        <translation>Salasanoja ei säilytetä, kun Suoja on lukittuna: kirjoita uusi salasana uudelleen.</translation>
    </message>
</context>
<context>
    <name>accounts_admin</name>
    <message>
        <source>Active</source>
        <translation>Käytössä</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Lukittu</translation>
    </message>
    <message>
        <source>never</source>
        <translation>ei koskaan</translation>
    </message>
</context>
<context>
    <name>caseload</name>
    <message>
        <source>{name} (locked)</source>
        <translation>{name} (lukittu)</translation>
    </message>
    <message>
        <source>{name} (not a counsellor)</source>
        <translation>{name} (ei kriisityöntekijä)</translation>
    </message>
</context>
<context>
    <name>columns</name>
    <message>
        <source>Username</source>
        <translation>Käyttäjätunnus</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Näyttönimi</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rooli</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Tila</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>Viimeisin kirjautuminen</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Aika</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Käyttäjä</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Asia</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Syy</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Voimassa asti</translation>
    </message>
    <message>
        <source>Counsellor</source>
        <translation>Kriisityöntekijä</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>Avoimia</translation>
    </message>
    <message>
        <source>High risk</source>
        <translation>Korkea riski</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Asiatunnus</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Riski</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>Pyytäjä</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Pyydetty</translation>
    </message>
</context>
</TS>
