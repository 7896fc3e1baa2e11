<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
<context>
    <name>Accounts</name>
    <message>
        <source>Changing the database&apos;s keys, so that the old ones open nothing…</source>
        <translation>Databasens nycklar byts, så att de gamla inte öppnar något…</translation>
    </message>
</context>
<context>
    <name>AccountsView</name>
    <message>
        <source>A supervisor approves this and sets the password then.</source>
        <extracomment>Argon2id parameters for new key slots; ``None`` means the production defaults. Tests set cheap ones here.</extracomment>
        <translation>En förman godkänner detta och anger då lösenordet.</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Användarkonton</translation>
    </message>
    <message>
        <source>New account…</source>
        <translation>Nytt konto…</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Lås</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Lås upp</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>Återställ lösenord…</translation>
    </message>
    <message>
        <source>Change role…</source>
        <translation>Byt roll…</translation>
    </message>
    <message>
        <source>Organisation…</source>
        <translation>Organisation…</translation>
    </message>
    <message>
        <source>What every PDF and every letter to a client says on the organisation&apos;s behalf</source>
        <translation>Vad varje PDF-fil och varje brev till en klient säger för organisationens räkning</translation>
    </message>
    <message>
        <source>Accounts are locked, never deleted, so the audit trail stays whole. A locked account cannot sign in.</source>
        <translation>Konton tas aldrig bort utan låses, så att användningsloggen förblir hel. Med ett låst konto kan man inte logga in.</translation>
    </message>
    <message>
        <source>Only a supervisor can unlock an account that reads case content or manages accounts.</source>
        <translation>Endast en förman kan låsa upp ett konto som läser ärendeinnehåll eller hanterar konton.</translation>
    </message>
    <message>
        <source>{username} unlocked.</source>
        <translation>Kontot {username} har låsts upp.</translation>
    </message>
    <message>
        <source>{username} locked.</source>
        <translation>Kontot {username} har låsts.</translation>
    </message>
    <message>
        <source>Another program has the database open, so its file is re-encrypted under the new key at the next sign-in.</source>
        <translation>Ett annat program har databasen öppen, så filen krypteras med den nya nyckeln vid nästa inloggning.</translation>
    </message>
    <message>
        <source>Account {username} created.</source>
        <translation>Kontot {username} har skapats.</translation>
    </message>
    <message>
        <source>Password of {username} reset.</source>
        <translation>Lösenordet för {username} har återställts.</translation>
    </message>
    <message>
        <source>{username} is now a {role}.</source>
        <translation>Rollen för {username} är nu {role}.</translation>
    </message>
    <message>
        <source>A supervisor must approve this: it waits as request {number}.</source>
        <translation>En förman måste godkänna detta: det väntar som begäran {number}.</translation>
    </message>
    <message>
        <source>Create, lock and unlock accounts; reset passwords; change roles</source>
        <translation>Skapa, lås och lås upp konton; återställ lösenord; byt roller</translation>
    </message>
</context>
<context>
    <name>AnalysisView</name>
    <message>
        <source>Cross-case extortion analysis</source>
        <extracomment>The table has been filled (after :meth:`reload`&apos;s worker finished).</extracomment>
        <translation>Ärendeöverskridande utpressningsanalys</translation>
    </message>
    <message>
        <source>Wallet addresses and senders seen in more than one case. Exports carry case references only — no names or identity codes — and are recorded in the audit log.</source>
        <translation>Bitcoinadresser och avsändare som förekommer i mer än ett ärende. Exporterna innehåller endast ärendebeteckningar – inga namn eller personbeteckningar – och registreras i användningsloggen.</translation>
    </message>
    <message>
        <source>Wallet addresses</source>
        <translation>Bitcoinadresser</translation>
    </message>
    <message>
        <source>Senders</source>
        <translation>Avsändare</translation>
    </message>
    <message>
        <source>Show cases</source>
        <translation>Visa ärenden</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exportera CSV…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Exportera PDF…</translation>
    </message>
    <message>
        <source>Indicators shared by several cases</source>
        <translation>Kännetecken som är gemensamma för flera ärenden</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Läser in…</translation>
    </message>
    <message>
        <source>No value is shared by more than one victim.</source>
        <translation>Inget värde förekommer hos mer än en klient.</translation>
    </message>
    <message>
        <source>Show victims without a police report</source>
        <translation>Visa klienter utan brottsanmälan</translation>
    </message>
    <message>
        <source>Export police report numbers (CSV)…</source>
        <translation>Exportera brottsanmälningarnas nummer (CSV)…</translation>
    </message>
    <message>
        <source>{n} victim has an extortion contact but no police report number.</source>
        <translation>{n} klient har en utpressningskontakt men saknar brottsanmälans nummer.</translation>
    </message>
    <message>
        <source>{n} victims have an extortion contact but no police report number.</source>
        <translation>{n} klienter har en utpressningskontakt men saknar brottsanmälans nummer.</translation>
    </message>
    <message>
        <source>Cases with {value}</source>
        <translation>Ärenden där {value} förekommer</translation>
    </message>
    <message>
        <source>Extortion contact but no police report</source>
        <translation>Utpressningskontakt men ingen brottsanmälan</translation>
    </message>
    <message>
        <source>Export for investigators</source>
        <extracomment>Emitted with the path when an export has been written (exports run on a worker: thousands of references take a second or more at 40,000 victims).</extracomment>
        <translation>Exportera för polisens utredare</translation>
    </message>
    <message>
        <source>Extortion analysis</source>
        <translation>Utpressningsanalys</translation>
    </message>
    <message>
        <source>Wallets and senders seen across cases; police lists</source>
        <translation>Bitcoinadresser och avsändare i flera ärenden; listor för polisen</translation>
    </message>
</context>
<context>
    <name>AuditLogView</name>
    <message>
        <source>User</source>
        <translation>Användare</translation>
    </message>
    <message>
        <source>Case reference</source>
        <translation>Ärendebeteckning</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Åtgärd</translation>
    </message>
    <message>
        <source>Any action</source>
        <translation>Alla åtgärder</translation>
    </message>
    <message>
        <source>First day shown</source>
        <translation>Första dag som visas</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Ingen gräns</translation>
    </message>
    <message>
        <source>Last day shown</source>
        <translation>Sista dag som visas</translation>
    </message>
    <message>
        <source>Show events</source>
        <translation>Visa händelser</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Rensa filtren</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exportera CSV…</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Användare:</translation>
    </message>
    <message>
        <source>Case:</source>
        <translation>Ärende:</translation>
    </message>
    <message>
        <source>Action:</source>
        <translation>Åtgärd:</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Från:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Till:</translation>
    </message>
    <message>
        <source>Audit events</source>
        <translation>Händelser i användningsloggen</translation>
    </message>
    <message>
        <source>No events match these filters.</source>
        <translation>Inga händelser motsvarar filtren.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Läser in…</translation>
    </message>
    <message>
        <source>Break-the-glass accesses</source>
        <translation>Nödåtkomster</translation>
    </message>
    <message>
        <source>No break-the-glass accesses match these filters.</source>
        <translation>Inga nödåtkomster motsvarar filtren.</translation>
    </message>
    <message>
        <source>Counsellors who opened another counsellor&apos;s case, with the reason they gave. Review each one.</source>
        <translation>Krisarbetare som öppnade en annan krisarbetares ärende, med det skäl de angav. Granska var och en.</translation>
    </message>
    <message>
        <source>Any user</source>
        <translation>Alla användare</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Användningslogg</translation>
    </message>
    <message>
        <source>Break-the-glass accesses ({count})</source>
        <translation>Nödåtkomster ({count})</translation>
    </message>
    <message>
        <source>{n} event</source>
        <translation>{n} händelse</translation>
    </message>
    <message>
        <source>{n} events</source>
        <translation>{n} händelser</translation>
    </message>
    <message>
        <source>Checking the audit chain…</source>
        <translation>Kontrollerar användningsloggens kedja…</translation>
    </message>
    <message>
        <source>The audit chain could not be checked: {reason}</source>
        <translation>Användningsloggens kedja kunde inte kontrolleras: {reason}</translation>
    </message>
    <message>
        <source>✔ Audit chain verified: {n} event</source>
        <translation>✔ Användningsloggens kedja är hel: {n} händelse</translation>
    </message>
    <message>
        <source>✔ Audit chain verified: {n} events</source>
        <translation>✔ Användningsloggens kedja är hel: {n} händelser</translation>
    </message>
    <message>
        <source>✘ Audit trail BROKEN: {problem}</source>
        <translation>✘ Användningsloggen BRUTEN: {problem}</translation>
    </message>
    <message>
        <source>✘ Audit chain BROKEN at event {seq}: {problem}</source>
        <translation>✘ Användningsloggens kedja BRUTEN vid händelse {seq}: {problem}</translation>
    </message>
    <message>
        <source>Export audit log</source>
        <translation>Exportera användningsloggen</translation>
    </message>
    <message>
        <source>{n} event exported</source>
        <translation>{n} händelse exporterad</translation>
    </message>
    <message>
        <source>{n} events exported</source>
        <translation>{n} händelser exporterade</translation>
    </message>
    <message>
        <source>Who did what and when; break-the-glass accesses; chain check</source>
        <translation>Vem gjorde vad och när; nödåtkomster; kontroll av kedjan</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>database created</source>
        <extracomment>What each audit action is called on screen (the stored code never changes).</extracomment>
        <translation>databas skapad</translation>
    </message>
    <message>
        <source>sign-in</source>
        <translation>inloggning</translation>
    </message>
    <message>
        <source>failed sign-in</source>
        <translation>misslyckad inloggning</translation>
    </message>
    <message>
        <source>sign-out</source>
        <translation>utloggning</translation>
    </message>
    <message>
        <source>unlock</source>
        <translation>upplåsning</translation>
    </message>
    <message>
        <source>view</source>
        <translation>visning</translation>
    </message>
    <message>
        <source>reveal</source>
        <translation>visning av personbeteckning</translation>
    </message>
    <message>
        <source>create</source>
        <translation>skapande</translation>
    </message>
    <message>
        <source>update</source>
        <translation>ändring</translation>
    </message>
    <message>
        <source>delete</source>
        <translation>radering</translation>
    </message>
    <message>
        <source>export</source>
        <translation>export</translation>
    </message>
    <message>
        <source>backup</source>
        <translation>säkerhetskopia</translation>
    </message>
    <message>
        <source>restore</source>
        <translation>återställning</translation>
    </message>
    <message>
        <source>upgrade</source>
        <translation>uppgradering</translation>
    </message>
    <message>
        <source>verify</source>
        <translation>kontroll</translation>
    </message>
    <message>
        <source>demo data</source>
        <translation>demodata</translation>
    </message>
    <message>
        <source>break glass</source>
        <translation>nödåtkomst</translation>
    </message>
    <message>
        <source>erasure</source>
        <translation>radering av uppgifter</translation>
    </message>
    <message>
        <source>account</source>
        <extracomment>What each kind of record is called on screen (events store the table&apos;s name).</extracomment>
        <translation>användarkonto</translation>
    </message>
    <message>
        <source>breach</source>
        <translation>dataintrång</translation>
    </message>
    <message>
        <source>correction history</source>
        <translation>rättelsehistorik</translation>
    </message>
    <message>
        <source>victim</source>
        <translation>klient</translation>
    </message>
    <message>
        <source>identity code</source>
        <translation>personbeteckning</translation>
    </message>
    <message>
        <source>case</source>
        <translation>ärende</translation>
    </message>
    <message>
        <source>extortion contact</source>
        <translation>utpressningskontakt</translation>
    </message>
    <message>
        <source>police report</source>
        <translation>brottsanmälan</translation>
    </message>
    <message>
        <source>support session</source>
        <translation>stödsamtal</translation>
    </message>
    <message>
        <source>protective action</source>
        <translation>skyddsåtgärd</translation>
    </message>
    <message>
        <source>follow-up</source>
        <translation>uppföljning</translation>
    </message>
    <message>
        <source>evidence file</source>
        <translation>bevisfil</translation>
    </message>
    <message>
        <source>emergency access</source>
        <translation>nödåtkomsträtt</translation>
    </message>
    <message>
        <source>database</source>
        <translation>databas</translation>
    </message>
    <message>
        <source>search by a whole code or number</source>
        <translation>sökning med hel beteckning eller nummer</translation>
    </message>
    <message>
        <source>organisation settings</source>
        <translation>organisationens inställningar</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Användare</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Åtgärd</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Ärende</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detaljer</translation>
    </message>
    <message>
        <source>(system)</source>
        <translation>(systemet)</translation>
    </message>
</context>
<context>
    <name>CaseloadView</name>
    <message>
        <source>Name, case or identity code</source>
        <translation>Namn, ärende eller personbeteckning</translation>
    </message>
    <message>
        <source>Find a case by name, reference or identity code</source>
        <translation>Sök ett ärende med namn, ärendebeteckning eller personbeteckning</translation>
    </message>
    <message>
        <source>Find a case</source>
        <translation>Sök ärende</translation>
    </message>
    <message>
        <source>Counsellor</source>
        <translation>Krisarbetare</translation>
    </message>
    <message>
        <source>Statuses shown</source>
        <translation>Status som visas</translation>
    </message>
    <message>
        <source>Open work</source>
        <translation>Pågående ärenden</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alla statusar</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Ärenden</translation>
    </message>
    <message>
        <source>No cases match. Choose another counsellor or include closed cases.</source>
        <translation>Inga ärenden hittades. Välj en annan krisarbetare eller ta med stängda ärenden.</translation>
    </message>
    <message>
        <source>Reassign to</source>
        <translation>Överför till</translation>
    </message>
    <message>
        <source>Reassign selected</source>
        <translation>Överför valda</translation>
    </message>
    <message>
        <source>{selected} of {n} cases selected</source>
        <translation>{selected} av {n} ärenden markerade</translation>
    </message>
    <message>
        <source>Reassign to:</source>
        <translation>Överför till:</translation>
    </message>
    <message>
        <source>Counsellors&apos; loads</source>
        <translation>Krisarbetarnas arbetsbelastning</translation>
    </message>
    <message>
        <source>No active counsellor accounts.</source>
        <translation>Inga aktiva konton för krisarbetare.</translation>
    </message>
    <message>
        <source>Open cases, of which acute or high risk. Double-click a counsellor to list their cases.</source>
        <translation>Öppna ärenden, varav med akut eller hög risk. Dubbelklicka på en krisarbetare för att visa krisarbetarens ärenden.</translation>
    </message>
    <message>
        <source>Closure requests</source>
        <translation>Begäranden om stängning</translation>
    </message>
    <message>
        <source>No closure requests are waiting for a decision.</source>
        <translation>Inga begäranden om stängning väntar på beslut.</translation>
    </message>
    <message>
        <source>Approve closure</source>
        <translation>Godkänn stängning</translation>
    </message>
    <message>
        <source>Return to counsellor</source>
        <translation>Returnera till krisarbetaren</translation>
    </message>
    <message>
        <source>Closure requests ({count})</source>
        <translation>Begäranden om stängning ({count})</translation>
    </message>
    <message>
        <source>Every counsellor</source>
        <translation>Alla krisarbetare</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Utan krisarbetare</translation>
    </message>
    <message>
        <source>{name} — {open} open, {high} high risk</source>
        <translation>{name} – öppna: {open}, hög risk: {high}</translation>
    </message>
    <message>
        <source>Reassign cases</source>
        <translation>Överför ärenden</translation>
    </message>
    <message>
        <source>{n} case reassigned to {name}.</source>
        <translation>{n} ärende har överförts till {name}.</translation>
    </message>
    <message>
        <source>{n} cases reassigned to {name}.</source>
        <translation>{n} ärenden har överförts till {name}.</translation>
    </message>
    <message>
        <source>Closure request</source>
        <translation>Begäran om stängning</translation>
    </message>
    <message>
        <source>{selected} of {n} case selected</source>
        <translation>{selected} av {n} ärende markerat</translation>
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
        <source>Caseload</source>
        <translation>Arbetsbelastning</translation>
    </message>
    <message>
        <source>Reassign cases and review closure requests</source>
        <translation>Överför ärenden och behandla begäranden om stängning</translation>
    </message>
</context>
<context>
    <name>ChangeRoleDialog</name>
    <message>
        <source>Change role</source>
        <translation>Byt roll</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>Konto:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Roll:</translation>
    </message>
</context>
<context>
    <name>CreateAccountDialog</name>
    <message>
        <source>New account</source>
        <translation>Nytt konto</translation>
    </message>
    <message>
        <source>e.g. kaisa.koski</source>
        <translation>t.ex. kaisa.koski</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>Användarnamn:</translation>
    </message>
    <message>
        <source>Display name:</source>
        <translation>Visningsnamn:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Roll:</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>Dashboard</source>
        <extracomment>The height of a figure button with a one-line caption.</extracomment>
        <translation>Lägesbild</translation>
    </message>
    <message>
        <source>open cases</source>
        <translation>öppna ärenden</translation>
    </message>
    <message>
        <source>overdue follow-ups</source>
        <translation>försenade uppföljningar</translation>
    </message>
    <message>
        <source>acute or high risk, no support session in 7 days</source>
        <translation>akut eller hög risk, inget stödsamtal på 7 dagar</translation>
    </message>
    <message>
        <source>victims with an extortion contact have a police report</source>
        <translation>av klienterna med utpressningskontakt har gjort brottsanmälan</translation>
    </message>
    <message>
        <source>protective actions done</source>
        <translation>av skyddsåtgärderna gjorda</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Uppdatera</translation>
    </message>
    <message>
        <source>Open cases with overdue follow-ups</source>
        <translation>Öppna ärenden med försenad uppföljning</translation>
    </message>
    <message>
        <source>Acute or high risk, no support session in 7 days</source>
        <translation>Akut eller hög risk, inget stödsamtal på 7 dagar</translation>
    </message>
    <message>
        <source>Extortion contact but no police report</source>
        <translation>Utpressningskontakt men ingen brottsanmälan</translation>
    </message>
    <message>
        <source>Open cases with unfinished protective actions</source>
        <translation>Öppna ärenden med ofärdiga skyddsåtgärder</translation>
    </message>
    <message>
        <source>Open cases per counsellor</source>
        <translation>Öppna ärenden per krisarbetare</translation>
    </message>
    <message>
        <source>New intakes and extortion contacts per week (last 12 weeks)</source>
        <translation>Nya klienter och utpressningskontakter per vecka (senaste 12 veckorna)</translation>
    </message>
    <message>
        <source>Risk distribution of open cases</source>
        <translation>Risknivåer i öppna ärenden</translation>
    </message>
    <message>
        <source>Police-report coverage</source>
        <translation>Andel med brottsanmälan</translation>
    </message>
    <message>
        <source>Cases have changed since {time}: these figures are out of date and are being counted again.</source>
        <translation>Ärenden har ändrats efter {time}: siffrorna är inaktuella och räknas om.</translation>
    </message>
    <message>
        <source>Figures as of {day} at {time}; open cases are new, open or waiting.</source>
        <translation>Läget {day} {time}; öppna ärenden är nya, öppna eller väntande ärenden.</translation>
    </message>
    <message>
        <source>in {n} case</source>
        <translation>i {n} ärende</translation>
    </message>
    <message>
        <source>in {n} cases</source>
        <translation>i {n} ärenden</translation>
    </message>
    <message>
        <source>{n} of {total}; click for those without</source>
        <translation>{n} av {total}; klicka för att se dem utan</translation>
    </message>
    <message>
        <source>{n} of {total}</source>
        <translation>{n} av {total}</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>Öppna ärenden</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Utan krisarbetare</translation>
    </message>
    <message>
        <source>Open cases: {name}</source>
        <translation>Öppna ärenden: {name}</translation>
    </message>
    <message>
        <source>New intakes</source>
        <translation>Nya klienter</translation>
    </message>
    <message>
        <source>Extortion contacts</source>
        <translation>Utpressningskontakter</translation>
    </message>
    <message>
        <source>week of {day}: {intakes} new intakes, {contacts} extortion contacts</source>
        <translation>veckan från {day}: {intakes} nya klienter, {contacts} utpressningskontakter</translation>
    </message>
    <message>
        <source>New intakes in the week of {day}</source>
        <translation>Nya klienter veckan som började {day}</translation>
    </message>
    <message>
        <source>Extortion contacts in the week of {day}</source>
        <translation>Utpressningskontakter veckan som började {day}</translation>
    </message>
    <message>
        <source>acute</source>
        <translation>akut</translation>
    </message>
    <message>
        <source>high</source>
        <translation>hög</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>medel</translation>
    </message>
    <message>
        <source>low</source>
        <translation>låg</translation>
    </message>
    <message>
        <source>Open cases at risk level {level}</source>
        <translation>Öppna ärenden med risknivå {level}</translation>
    </message>
    <message>
        <source>with a report: {n}</source>
        <translation>anmälan gjord: {n}</translation>
    </message>
    <message>
        <source>no report yet: {n}</source>
        <translation>ingen anmälan ännu: {n}</translation>
    </message>
    <message>
        <source>Extortion contact and a police report</source>
        <translation>Utpressningskontakt och brottsanmälan</translation>
    </message>
    <message>
        <source>Caseloads, waiting victims and police-report coverage</source>
        <translation>Arbetsbelastning, väntande klienter och andel med brottsanmälan</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>First names</source>
        <extracomment>Findings listed before &quot;… and N more&quot;. The combo&apos;s data for &quot;Ignore&quot; (a field&apos;s data is its name, &quot;Choose…&quot; has None). The fields&apos; names as the dialog shows them (``FIELD_LABELS``&apos;s English, marked here so they reach this part&apos;s catalog; translated with the dialog&apos;s context).</extracomment>
        <translation>Förnamn</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Efternamn</translation>
    </message>
    <message>
        <source>Identity code</source>
        <translation>Personbeteckning</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Födelsedatum</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-post</translation>
    </message>
    <message>
        <source>Street address</source>
        <translation>Gatuadress</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>Postnummer</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Postanstalt</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>Safe-contact note</source>
        <translation>Anteckning om säkra kontaktsätt</translation>
    </message>
    <message>
        <source>Opened on</source>
        <translation>Öppningsdatum</translation>
    </message>
    <message>
        <source>Import a list of affected people</source>
        <extracomment>Emitted with the ImportReport when an import finished (committed or not). Emitted when a file&apos;s rows were checked, with the ImportReport, or with the KnownError that stopped the check (for tests and the status line).</extracomment>
        <translation>Importera en lista över drabbade personer</translation>
    </message>
    <message>
        <source>Intake note</source>
        <translation>Anteckning vid första kontakten</translation>
    </message>
    <message>
        <source>Choose a CSV file with a header row and one person a row (from Excel: save as “CSV UTF-8” or “CSV (semicolon delimited)”). Required columns: {required}. Optional: {optional}. Finnish, Swedish and English header names are recognised (for example etunimet, sukunimi, henkilötunnus); choose a field or Ignore for every other column, so nothing is left out unnoticed: free text such as additional information can go to the safe-contact note or the intake note, the date the person was notified or first made contact to Opened on. Every row is checked before anything is saved, and each becomes a new case.</source>
        <extracomment>Reading the file and checking its rows: only the newest result is shown.</extracomment>
        <translation>Välj en CSV-fil med en rubrikrad och en person per rad (i Excel: spara som ”CSV UTF-8 (kommaavgränsad)” eller ”CSV (semikolonavgränsad)”). Obligatoriska kolumner: {required}. Valfria: {optional}. Finska, svenska och engelska kolumnrubriker känns igen (till exempel förnamn, efternamn, personbeteckning); välj ett fält eller Ignorera för varje annan kolumn, så att inget faller bort obemärkt: fritext som tilläggsuppgifter kan gå till anteckningen om säkra kontaktsätt eller anteckningen vid första kontakten, datumet då personen underrättades eller först tog kontakt till öppningsdatumet. Varje rad kontrolleras innan något sparas, och varje rad blir ett nytt ärende.</translation>
    </message>
    <message>
        <source>File to import</source>
        <translation>Fil som ska importeras</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Välj fil…</translation>
    </message>
    <message>
        <source>No file chosen.</source>
        <translation>Ingen fil vald.</translation>
    </message>
    <message>
        <source>Columns of the file and their fields</source>
        <translation>Filens kolumner och deras fält</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>Kolumn i filen</translation>
    </message>
    <message>
        <source>Import as</source>
        <translation>Importera som</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Kolumner</translation>
    </message>
    <message>
        <source>First rows of the file</source>
        <translation>Filens första rader</translation>
    </message>
    <message>
        <source>Select all rows</source>
        <translation>Markera alla rader</translation>
    </message>
    <message>
        <source>Refused rows and duplicates</source>
        <translation>Avvisade rader och dubbletter</translation>
    </message>
    <message>
        <source>Import all valid rows (skip the others)</source>
        <translation>Importera alla giltiga rader (hoppa över de övriga)</translation>
    </message>
    <message>
        <source>Import nothing if any row is refused or a duplicate</source>
        <translation>Importera ingenting om någon rad avvisas eller är en dubblett</translation>
    </message>
    <message>
        <source>No breach</source>
        <translation>Inget dataintrång</translation>
    </message>
    <message>
        <source>Link to breach</source>
        <translation>Koppla till dataintrång</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importera</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Förhandsvisning</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV-filer (*.csv *.txt);;Alla filer (*)</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Läser filen…</translation>
    </message>
    <message>
        <source>The file could not be opened.</source>
        <translation>Filen kunde inte öppnas.</translation>
    </message>
    <message>
        <source>The file could not be read.</source>
        <translation>Filen kunde inte läsas.</translation>
    </message>
    <message>
        <source>semicolon (;)</source>
        <translation>semikolon (;)</translation>
    </message>
    <message>
        <source>comma (,)</source>
        <translation>komma (,)</translation>
    </message>
    <message>
        <source>Encoding: {encoding} · Delimiter: {delimiter} · {n} row</source>
        <translation>Teckenkodning: {encoding} · Avgränsare: {delimiter} · {n} rad</translation>
    </message>
    <message>
        <source>Encoding: {encoding} · Delimiter: {delimiter} · {n} rows</source>
        <translation>Teckenkodning: {encoding} · Avgränsare: {delimiter} · {n} rader</translation>
    </message>
    <message>
        <source>Import the column {name} as</source>
        <translation>Importera kolumnen {name} som</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Välj…</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Ignorera</translation>
    </message>
    <message>
        <source>Choose a field or Ignore for each column before importing: {columns}.</source>
        <translation>Välj ett fält eller Ignorera för varje kolumn före importen: {columns}.</translation>
    </message>
    <message>
        <source>{field} is chosen for more than one column: {columns}.</source>
        <translation>{field} är valt för mer än en kolumn: {columns}.</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>Kontrollerar varje rad…</translation>
    </message>
    <message>
        <source>The rows could not be checked.</source>
        <translation>Raderna kunde inte kontrolleras.</translation>
    </message>
    <message>
        <source>{n} row: {ready} ready to import, {refused} refused, {duplicates} already known (duplicates).</source>
        <translation>{n} rad – klara att importera: {ready}, avvisade: {refused}, redan kända (dubbletter): {duplicates}.</translation>
    </message>
    <message>
        <source>{n} rows: {ready} ready to import, {refused} refused, {duplicates} already known (duplicates).</source>
        <translation>{n} rader – klara att importera: {ready}, avvisade: {refused}, redan kända (dubbletter): {duplicates}.</translation>
    </message>
    <message>
        <source>… and {n} more</source>
        <translation>… och {n} till</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importerar…</translation>
    </message>
    <message>
        <source>Imported {n} people as new cases {first} – {last}.</source>
        <translation>Importerades som nya ärenden {first} – {last} (antal personer: {n}).</translation>
    </message>
    <message>
        <source>Nothing was imported: some rows were refused or duplicates.</source>
        <translation>Ingenting importerades: några rader avvisades eller var dubbletter.</translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation>Ingenting importerades.</translation>
    </message>
    <message>
        <source>The import failed; nothing was saved.</source>
        <translation>Importen misslyckades; ingenting sparades.</translation>
    </message>
</context>
<context>
    <name>OrganisationDialog</name>
    <message>
        <source>Organisation settings</source>
        <translation>Organisationens inställningar</translation>
    </message>
    <message>
        <source>These texts appear in every PDF and every letter to a client, on every workstation. Leave a field empty to use the default.</source>
        <translation>De här texterna visas i varje PDF-fil och varje brev till en klient, på alla arbetsstationer. Lämna ett fält tomt för att använda standardtexten.</translation>
    </message>
    <message>
        <source>Name of the organisation</source>
        <translation>Organisationens namn</translation>
    </message>
    <message>
        <source>Shown in the window&apos;s title</source>
        <translation>Visas i fönstrets rubrik</translation>
    </message>
    <message>
        <source>Classification line</source>
        <translation>Klassificeringsrad</translation>
    </message>
    <message>
        <source>e.g. the statutory basis of the secrecy</source>
        <translation>t.ex. den lagstadgade grunden för sekretessen</translation>
    </message>
    <message>
        <source>Help lines</source>
        <translation>Var man får hjälp</translation>
    </message>
    <message>
        <source>One per line; empty: Victim Support Finland, MIELI&apos;s crisis helpline, 112</source>
        <translation>En per rad; tomt: Brottsofferjouren, MIELI:s kristelefon, 112</translation>
    </message>
    <message>
        <source>Data requests</source>
        <translation>Begäran om uppgifter</translation>
    </message>
    <message>
        <source>How a client asks for their data or its erasure: an address, a phone number</source>
        <translation>Hur en klient begär sina uppgifter eller att de raderas: en adress, ett telefonnummer</translation>
    </message>
    <message>
        <source>Contact for the police</source>
        <translation>Kontaktuppgifter för polisen</translation>
    </message>
    <message>
        <source>How investigators reach you about a case: a phone number, an e-mail address, opening hours</source>
        <translation>Hur polisens utredare når er i ett ärende: ett telefonnummer, en e-postadress, tider när ni nås</translation>
    </message>
    <message>
        <source>&amp;Name of the organisation</source>
        <translation>Organisationens &amp;namn</translation>
    </message>
    <message>
        <source>&amp;Classification line</source>
        <translation>&amp;Klassificeringsrad</translation>
    </message>
    <message>
        <source>&amp;Help lines</source>
        <translation>&amp;Var man får hjälp</translation>
    </message>
    <message>
        <source>&amp;Data requests</source>
        <translation>&amp;Begäran om uppgifter</translation>
    </message>
    <message>
        <source>Contact for the &amp;police</source>
        <translation>Kontaktuppgifter för &amp;polisen</translation>
    </message>
    <message>
        <source>Retention period</source>
        <translation>Bevarandetid</translation>
    </message>
    <message>
        <source>Set by your organisation&apos;s deployment file, and not changeable here: {settings}.</source>
        <translation>Bestäms av organisationens inställningsfil och kan inte ändras här: {settings}.</translation>
    </message>
    <message>
        <source>Retention and erasure</source>
        <translation>Bevarande och radering</translation>
    </message>
    <message>
        <source>Retention period in days</source>
        <translation>Bevarandetid i dagar</translation>
    </message>
    <message>
        <source>How long a closed case&apos;s personal data is kept, as your data protection officer decided. Supervisors are reminded of the cases past it; nothing is erased automatically.</source>
        <translation>Hur länge ett avslutat ärendes personuppgifter bevaras, enligt dataskyddsombudets beslut. Förmän påminns om ärenden vars bevarandetid har gått ut; ingenting raderas automatiskt.</translation>
    </message>
    <message>
        <source>Erasing a client&apos;s data needs a second supervisor&apos;s approval</source>
        <translation>Radering av en klients uppgifter kräver en andra förmans godkännande</translation>
    </message>
    <message>
        <source>Only a supervisor can change this.</source>
        <translation>Endast en förman kan ändra detta.</translation>
    </message>
    <message>
        <source>&amp;Retention period</source>
        <translation>&amp;Bevarandetid</translation>
    </message>
    <message>
        <source>Default of your organisation: {text}</source>
        <translation>Organisationens standardvärde: {text}</translation>
    </message>
    <message>
        <source>Set by your organisation&apos;s deployment file ({file})</source>
        <translation>Bestäms av organisationens inställningsfil ({file})</translation>
    </message>
    <message>
        <source>{n} year</source>
        <translation>{n} år</translation>
    </message>
    <message>
        <source>{n} years</source>
        <translation>{n} år</translation>
    </message>
    <message>
        <source>{n} day</source>
        <translation>{n} dag</translation>
    </message>
    <message>
        <source>{n} days</source>
        <translation>{n} dagar</translation>
    </message>
    <message>
        <source>{years} and {days}</source>
        <translation>{years} och {days}</translation>
    </message>
    <message>
        <source>days after closing ({span})</source>
        <translation>dagar efter avslutandet ({span})</translation>
    </message>
</context>
<context>
    <name>PasswordFields</name>
    <message>
        <source>New password</source>
        <translation>Nytt lösenord</translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation>Upprepa lösenordet</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Lösenord:</translation>
    </message>
    <message>
        <source>Repeat:</source>
        <translation>Upprepa:</translation>
    </message>
    <message>
        <source>At least 12 characters; several unrelated words work well.</source>
        <translation>Minst 12 tecken; flera ord som inte hör ihop fungerar bra.</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>Lösenorden är inte likadana.</translation>
    </message>
    <message>
        <source>Strong enough.</source>
        <translation>Tillräckligt starkt.</translation>
    </message>
</context>
<context>
    <name>PendingChangesPanel</name>
    <message>
        <source>Pending changes</source>
        <translation>Väntande ändringar</translation>
    </message>
    <message>
        <source>Approve…</source>
        <translation>Godkänn…</translation>
    </message>
    <message>
        <source>Decline</source>
        <translation>Avslå</translation>
    </message>
    <message>
        <source>Pending changes (another supervisor approves):</source>
        <translation>Väntande ändringar (en annan förman godkänner):</translation>
    </message>
    <message>
        <source>New account {username} ({role})</source>
        <translation>Nytt konto {username} ({role})</translation>
    </message>
    <message>
        <source>{username} to become {role}</source>
        <translation>{username} blir {role}</translation>
    </message>
    <message>
        <source>New password for {username}</source>
        <translation>Nytt lösenord för {username}</translation>
    </message>
    <message>
        <source>{number}: {what}, asked by {requester}</source>
        <translation>{number}: {what}, begärd av {requester}</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Godkänn</translation>
    </message>
    <message>
        <source>Type the account&apos;s password; tell it to them in person. They should change it at their next sign-in.</source>
        <translation>Skriv kontots lösenord och berätta det personligen för kontots innehavare. Hen bör byta det vid nästa inloggning.</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>Reset password</source>
        <translation>Återställ lösenord</translation>
    </message>
    <message>
        <source>A new password for {name} ({username}). Tell it to them in person; they should change it at their next sign-in.</source>
        <translation>Ett nytt lösenord för {name} ({username}). Meddela det personligen; lösenordet bör bytas vid nästa inloggning.</translation>
    </message>
</context>
<context>
    <name>RetentionNotice</name>
    <message>
        <source>Review…</source>
        <extracomment>Changes after which the count may differ. (Re)counted: how many cases are due (tests wait for it).</extracomment>
        <translation>Granska…</translation>
    </message>
    <message>
        <source>Review the cases past the retention period</source>
        <translation>Granska ärendena vars bevarandetid har gått ut</translation>
    </message>
    <message>
        <source>{n} closed case is past its retention period</source>
        <extracomment>Whether the window was asked to close: once it is gone, a change arriving later counts nothing (the database may be closed by then).</extracomment>
        <translation>{n} avslutat ärende har passerat sin bevarandetid</translation>
    </message>
    <message>
        <source>{n} closed cases are past their retention period</source>
        <translation>{n} avslutade ärenden har passerat sin bevarandetid</translation>
    </message>
</context>
<context>
    <name>RetentionReviewDialog</name>
    <message>
        <source>Cases past the retention period</source>
        <translation>Ärenden vars bevarandetid har gått ut</translation>
    </message>
    <message>
        <source>These closed cases were closed more than {n} day ago, the retention period. Erase each one&apos;s personal data, or open it to check first.</source>
        <translation>Dessa ärenden avslutades för mer än {n} dag sedan, bevarandetiden. Radera vart och ett ärendes personuppgifter, eller öppna det först för att kontrollera.</translation>
    </message>
    <message>
        <source>These closed cases were closed more than {n} days ago, the retention period. Erase each one&apos;s personal data, or open it to check first.</source>
        <translation>Dessa ärenden avslutades för mer än {n} dagar sedan, bevarandetiden. Radera vart och ett ärendes personuppgifter, eller öppna det först för att kontrollera.</translation>
    </message>
    <message>
        <source>Closed cases past the retention period</source>
        <translation>Stängda ärenden vars bevarandetid har gått ut</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Ärende</translation>
    </message>
    <message>
        <source>Closed on</source>
        <translation>Avslutat</translation>
    </message>
    <message>
        <source>Days past</source>
        <translation>Dagar över</translation>
    </message>
    <message>
        <source>Open case</source>
        <translation>Öppna ärendet</translation>
    </message>
    <message>
        <source>Erase…</source>
        <translation>Radera…</translation>
    </message>
    <message>
        <source>Erase {reference}</source>
        <translation>Radera {reference}</translation>
    </message>
    <message>
        <source>Its erasure waits for a second supervisor&apos;s approval.</source>
        <translation>Dess radering väntar på en andra förmans godkännande.</translation>
    </message>
</context>
<context>
    <name>SharedIndicatorModel</name>
    <message>
        <source>Wallet address</source>
        <extracomment>The raw indicator value of a row (for drill-down), beside DisplayRole.</extracomment>
        <translation>Bitcoinadress</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Avsändare</translation>
    </message>
    <message>
        <source>Victims</source>
        <translation>Klienter</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontakter</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>Först sedd</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Senast sedd</translation>
    </message>
    <message>
        <source>Total demanded</source>
        <translation>Krävt totalt</translation>
    </message>
    <message>
        <source>Total paid</source>
        <translation>Betalt totalt</translation>
    </message>
</context>
<context>
    <name>_ActionDialog</name>
    <message>
        <source>Passwords are not kept while Suoja is locked: type the new password again.</source>
        <translation>Lösenord sparas inte medan Suoja är låst: skriv det nya lösenordet igen.</translation>
    </message>
</context>
<context>
    <name>accounts_admin</name>
    <message>
        <source>Active</source>
        <translation>Aktivt</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Låst</translation>
    </message>
    <message>
        <source>never</source>
        <translation>aldrig</translation>
    </message>
</context>
<context>
    <name>caseload</name>
    <message>
        <source>{name} (locked)</source>
        <translation>{name} (låst)</translation>
    </message>
    <message>
        <source>{name} (not a counsellor)</source>
        <translation>{name} (inte krisarbetare)</translation>
    </message>
</context>
<context>
    <name>columns</name>
    <message>
        <source>Username</source>
        <translation>Användarnamn</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Visningsnamn</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Roll</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>Senaste inloggning</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Användare</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Ärende</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Orsak</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Giltig till</translation>
    </message>
    <message>
        <source>Counsellor</source>
        <translation>Krisarbetare</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>Öppna</translation>
    </message>
    <message>
        <source>High risk</source>
        <translation>Hög risk</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Ärendebeteckning</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risk</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>Begärd av</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>Begärd</translation>
    </message>
</context>
</TS>
