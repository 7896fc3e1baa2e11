<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
<context>
    <name>AccessCopyDialog</name>
    <message>
        <source>Access copy of case {reference}</source>
        <translation>Kopia av personuppgifterna i ärende {reference}</translation>
    </message>
    <message>
        <source>Everything recorded about this client, for them to keep: a PDF in their language, the same data as a JSON file other programs can read, and the evidence files. Session notes and messages are included. The copy is recorded in the audit log.</source>
        <translation>Allt som registrerats om den här klienten, för klienten att behålla: en PDF på klientens språk, samma uppgifter som en JSON-fil som andra program kan läsa, och bevisfilerna. Anteckningar från stödsamtal och meddelanden ingår. Kopian förs in i användningsloggen.</translation>
    </message>
    <message>
        <source>The client&apos;s own</source>
        <translation>Klientens eget språk</translation>
    </message>
    <message>
        <source>Nothing withheld. Otherwise a line each, e.g. &quot;A third person&apos;s name in a note: their privacy&quot;</source>
        <translation>Inget utelämnat. Annars en rad för varje, t.ex. &quot;En tredje persons namn i en anteckning: personens integritet&quot;</translation>
    </message>
    <message>
        <source>&amp;Language of the PDF</source>
        <translation>PDF-filens &amp;språk</translation>
    </message>
    <message>
        <source>&amp;Withheld, and why</source>
        <translation>&amp;Utelämnat och varför</translation>
    </message>
    <message>
        <source>Choose a folder and write…</source>
        <translation>Välj en mapp och skriv…</translation>
    </message>
    <message>
        <source>Write each withheld item on its own line as &quot;what: why&quot;.</source>
        <translation>Skriv varje utelämnad sak på en egen rad som &quot;vad: varför&quot;.</translation>
    </message>
    <message>
        <source>Where to write the access copy</source>
        <translation>Var kopian ska skrivas</translation>
    </message>
    <message>
        <source>Writing the access copy…</source>
        <translation>Kopian skrivs…</translation>
    </message>
</context>
<context>
    <name>AttachmentSection</name>
    <message>
        <source>&amp;Add files…</source>
        <translation>&amp;Lägg till filer…</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Öppna</translation>
    </message>
    <message>
        <source>Open the selected file</source>
        <translation>Öppna den valda filen</translation>
    </message>
    <message>
        <source>SHA-256 of the selected file</source>
        <translation>Den valda filens SHA-256</translation>
    </message>
    <message>
        <source>Drop files here to add them as evidence.</source>
        <translation>Dra filer hit för att lägga till dem som bevis.</translation>
    </message>
    <message>
        <source>No evidence files yet.</source>
        <translation>Inga bevisfiler ännu.</translation>
    </message>
    <message>
        <source>SHA-256: {digest}</source>
        <translation>SHA-256: {digest}</translation>
    </message>
</context>
<context>
    <name>BatchExportDialog</name>
    <message>
        <source>Batch export of case summaries</source>
        <extracomment>(done, total) as the PDFs are written, on the main thread.</extracomment>
        <translation>Massexport av ärendesammanfattningar</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Alla statusar</translation>
    </message>
    <message>
        <source>Any breach</source>
        <translation>Alla dataintrång</translation>
    </message>
    <message>
        <source>Only cases with a police report filed between</source>
        <translation>Endast ärenden med en brottsanmälan gjord mellan</translation>
    </message>
    <message>
        <source>Police report filed on or after</source>
        <translation>Brottsanmälan gjord tidigast</translation>
    </message>
    <message>
        <source>Police report filed on or before</source>
        <translation>Brottsanmälan gjord senast</translation>
    </message>
    <message>
        <source>and</source>
        <translation>och</translation>
    </message>
    <message>
        <source>Destination folder</source>
        <translation>Målmapp</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Bläddra…</translation>
    </message>
    <message>
        <source>Also write JSON files (police profile, without a PDF password)</source>
        <translation>Skriv också JSON-filer (polisens profil, utan PDF-lösenord)</translation>
    </message>
    <message>
        <source>Each summary also as a JSON file beside its PDF, for the police&apos;s own systems. The folder&apos;s index.csv and index.json list every PDF written.</source>
        <translation>Varje sammanfattning också som JSON-fil bredvid dess PDF, för polisens egna system. Mappens index.csv och index.json listar varje PDF som skrivits.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Breach</source>
        <translation>Dataintrång</translation>
    </message>
    <message>
        <source>&amp;Folder</source>
        <translation>&amp;Mapp</translation>
    </message>
    <message>
        <source>Start export</source>
        <translation>Starta exporten</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>Export into folder</source>
        <translation>Exportera till mapp</translation>
    </message>
    <message>
        <source>No case matches these filters.</source>
        <translation>Inga ärenden motsvarar filtren.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Exporting {n} case…</source>
        <translation>Exporterar {n} ärende…</translation>
    </message>
    <message>
        <source>Exporting {n} cases…</source>
        <translation>Exporterar {n} ärenden…</translation>
    </message>
    <message>
        <source>Stopping after the cases in hand…</source>
        <translation>Stoppar när de ärenden som behandlas är klara…</translation>
    </message>
    <message>
        <source>Cancelled: {n} PDF was written whole; none is half-written.</source>
        <translation>Avbrutet: {n} PDF skrevs färdigt; ingen är halvfärdig.</translation>
    </message>
    <message>
        <source>Cancelled: {n} PDFs were written whole; none is half-written.</source>
        <translation>Avbrutet: {n} PDF:er skrevs färdigt; ingen är halvfärdig.</translation>
    </message>
    <message>
        <source>Done: {n} PDF written.</source>
        <translation>Klart: {n} PDF har skrivits.</translation>
    </message>
    <message>
        <source>Done: {n} PDFs written.</source>
        <translation>Klart: {n} PDF:er har skrivits.</translation>
    </message>
    <message>
        <source>Each has a JSON file beside it.</source>
        <translation>Varje PDF har en JSON-fil bredvid sig.</translation>
    </message>
    <message>
        <source>{n} case could not be exported.</source>
        <translation>{n} ärende kunde inte exporteras.</translation>
    </message>
    <message>
        <source>{n} cases could not be exported.</source>
        <translation>{n} ärenden kunde inte exporteras.</translation>
    </message>
</context>
<context>
    <name>BreakGlassDialog</name>
    <message>
        <source>Another counsellor&apos;s case</source>
        <translation>En annan krisarbetares ärende</translation>
    </message>
    <message>
        <source>Case &lt;b&gt;{reference}&lt;/b&gt; ({name}) is assigned to {counsellor}.</source>
        <translation>Ärendet &lt;b&gt;{reference}&lt;/b&gt; ({name}) sköts av {counsellor}.</translation>
    </message>
    <message>
        <source>another counsellor</source>
        <translation>en annan krisarbetare</translation>
    </message>
    <message>
        <source>This case is assigned to another counsellor.</source>
        <translation>Det här ärendet sköts av en annan krisarbetare.</translation>
    </message>
    <message>
        <source>If the victim needs help now, you can still open it: say why. Your access lasts {hours} hours, is written to the audit log and is reviewed by a supervisor.</source>
        <translation>Om klienten behöver hjälp nu kan du ändå öppna ärendet: ange orsaken. Din åtkomst gäller i {hours} timmar, registreras i användningsloggen och granskas av en förman.</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Orsak</translation>
    </message>
    <message>
        <source>must say why, in at least {n} characters</source>
        <translation>ange orsaken med minst {n} tecken</translation>
    </message>
    <message>
        <source>e.g. Victim called in distress; Olli is on leave</source>
        <translation>t.ex. Klienten ringde i kris; Olli är ledig</translation>
    </message>
    <message>
        <source>&amp;Open with break-the-glass</source>
        <translation>&amp;Öppna med nödåtkomst</translation>
    </message>
</context>
<context>
    <name>CaseDialog</name>
    <message>
        <source>Risk level</source>
        <translation>Risknivå</translation>
    </message>
    <message>
        <source>Why this risk level</source>
        <translation>Motivering till risknivån</translation>
    </message>
    <message>
        <source>Intake note</source>
        <translation>Anteckning vid första kontakten</translation>
    </message>
    <message>
        <source>What was learnt at first contact</source>
        <translation>Vad som framkom vid första kontakten</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>— unassigned —</source>
        <translation>– inte tilldelad –</translation>
    </message>
    <message>
        <source>Counsellor</source>
        <translation>Krisarbetare</translation>
    </message>
    <message>
        <source>This case is closed. Choose another status to reopen it.</source>
        <translation>Ärendet är stängt. Välj en annan status för att öppna det på nytt.</translation>
    </message>
</context>
<context>
    <name>CaseErasure</name>
    <message>
        <source>Erase personal &amp;data…</source>
        <translation>Radera &amp;uppgifter…</translation>
    </message>
    <message>
        <source>A&amp;pprove erasure…</source>
        <translation>G&amp;odkänn radering…</translation>
    </message>
    <message>
        <source>Decli&amp;ne</source>
        <translation>Av&amp;slå</translation>
    </message>
    <message>
        <source>This case&apos;s personal data was erased.</source>
        <translation>Detta ärendes personuppgifter har raderats.</translation>
    </message>
    <message>
        <source>Close the case first: only a closed case&apos;s personal data can be erased.</source>
        <translation>Avsluta ärendet först: endast ett avslutat ärendes personuppgifter kan raderas.</translation>
    </message>
    <message>
        <source>Its erasure waits for a second supervisor&apos;s approval.</source>
        <translation>Dess radering väntar på en andra förmans godkännande.</translation>
    </message>
    <message>
        <source>Erase the client&apos;s personal data; anonymous statistics stay</source>
        <translation>Radera klientens personuppgifter; anonym statistik finns kvar</translation>
    </message>
    <message>
        <source>Erasure of the personal data asked for by {name} on {date}: {reason}. It lapses on {expires} unless another supervisor approves it.</source>
        <translation>{name} begärde radering av personuppgifterna {date}: {reason}. Begäran förfaller {expires} om inte en annan förman godkänner den.</translation>
    </message>
    <message>
        <source>Another supervisor must approve or decline an erasure you asked for.</source>
        <translation>En annan förman måste godkänna eller avslå en radering som du har begärt.</translation>
    </message>
    <message>
        <source>Approve erasure</source>
        <translation>Godkänn radering</translation>
    </message>
    <message>
        <source>Erase the personal data of case {reference} now, as {name} asked? This cannot be undone.</source>
        <translation>Radera personuppgifterna i ärende {reference} nu, som {name} begärde? Detta kan inte ångras.</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Radera</translation>
    </message>
    <message>
        <source>Erasing the personal data of {reference}…</source>
        <translation>Raderar personuppgifterna i {reference}…</translation>
    </message>
    <message>
        <source>Not erased</source>
        <translation>Inte raderat</translation>
    </message>
    <message>
        <source>Declined the erasure; nothing was erased.</source>
        <translation>Raderingen avslogs; ingenting raderades.</translation>
    </message>
    <message>
        <source>Case {reference}: the personal data was erased.</source>
        <translation>Ärende {reference}: personuppgifterna raderades.</translation>
    </message>
    <message>
        <source>Also from {n} backup beside the database.</source>
        <translation>Också ur {n} säkerhetskopia bredvid databasen.</translation>
    </message>
    <message>
        <source>Also from {n} backups beside the database.</source>
        <translation>Också ur {n} säkerhetskopior bredvid databasen.</translation>
    </message>
    <message>
        <source>{n} older backup could not be changed; a restore of it erases again.</source>
        <translation>{n} äldre säkerhetskopia kunde inte ändras; när den återställs görs raderingen om.</translation>
    </message>
    <message>
        <source>{n} older backups could not be changed; a restore of one erases again.</source>
        <translation>{n} äldre säkerhetskopior kunde inte ändras; när en av dem återställs görs raderingen om.</translation>
    </message>
    <message>
        <source>Case {reference}: the erasure waits for another supervisor&apos;s approval.</source>
        <translation>Ärende {reference}: raderingen väntar på en annan förmans godkännande.</translation>
    </message>
</context>
<context>
    <name>CaseFiles</name>
    <message>
        <source>Add evidence files</source>
        <translation>Lägg till bevisfiler</translation>
    </message>
    <message>
        <source>Evidence (*.png *.jpg *.jpeg *.gif *.pdf *.eml *.msg *.txt *.html *.htm);;All files (*)</source>
        <translation>Bevis (*.png *.jpg *.jpeg *.gif *.pdf *.eml *.msg *.txt *.html *.htm);;Alla filer (*)</translation>
    </message>
    <message>
        <source>Only files can be added; folders and files that no longer exist were left out.</source>
        <extracomment>What is going on (for the view&apos;s status line) and how many tasks still run. Adding and opening files run side by side; dropping them all drops every one.</extracomment>
        <translation>Endast filer kan läggas till; mappar och filer som inte längre finns lämnades bort.</translation>
    </message>
    <message>
        <source>{n} file is larger than the {limit} MB limit and was not added. Attach a smaller copy instead, such as a screenshot or a PDF of the page.</source>
        <translation>{n} fil är större än gränsen på {limit} MB och lades inte till. Bifoga i stället en mindre kopia, till exempel en skärmdump eller sidan som PDF.</translation>
    </message>
    <message>
        <source>{n} files are larger than the {limit} MB limit and were not added. Attach a smaller copy instead, such as a screenshot or a PDF of the page.</source>
        <translation>{n} filer är större än gränsen på {limit} MB och lades inte till. Bifoga i stället en mindre kopia, till exempel en skärmdump eller sidan som PDF.</translation>
    </message>
    <message>
        <source>Added {n} file.</source>
        <translation>{n} fil har lagts till.</translation>
    </message>
    <message>
        <source>Added {n} files.</source>
        <translation>{n} filer har lagts till.</translation>
    </message>
    <message>
        <source>Adding {n} file…</source>
        <translation>Lägger till {n} fil…</translation>
    </message>
    <message>
        <source>Adding {n} files…</source>
        <translation>Lägger till {n} filer…</translation>
    </message>
    <message>
        <source>Opened {name}.</source>
        <translation>Öppnade {name}.</translation>
    </message>
    <message>
        <source>No program on this computer opens this kind of file.</source>
        <translation>Det finns inget program på den här datorn som öppnar den här typen av fil.</translation>
    </message>
    <message>
        <source>Opening {name}…</source>
        <translation>Öppnar {name}…</translation>
    </message>
    <message>
        <source>The file could not be read or written; check that it still exists and that you may open it.</source>
        <translation>Filen kunde inte läsas eller skrivas; kontrollera att den fortfarande finns och att du har rätt att öppna den.</translation>
    </message>
</context>
<context>
    <name>CaseForms</name>
    <message>
        <source>Remove this extortion contact ({when})? Its evidence files stay in Attachments.</source>
        <translation>Ta bort den här utpressningskontakten ({when})? Dess bevisfiler finns kvar under Bilagor.</translation>
    </message>
    <message>
        <source>Remove police report {number}?</source>
        <translation>Ta bort brottsanmälan {number}?</translation>
    </message>
    <message>
        <source>Reset “{title}” to not started? Its dates and notes are removed.</source>
        <translation>Återställ ”{title}” till ej påbörjad? Dess datum och anteckningar tas bort.</translation>
    </message>
    <message>
        <source>Remove the follow-up due {date}?</source>
        <translation>Ta bort uppföljningen med förfallodatum {date}?</translation>
    </message>
    <message>
        <source>Remove the file “{name}” from the case? It is deleted from the database.</source>
        <translation>Ta bort filen ”{name}” från ärendet? Den raderas ur databasen.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Ta bort</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Ta bort</translation>
    </message>
    <message>
        <source>Close case {reference}? Reason given: {reason}.</source>
        <translation>Stäng ärendet {reference}? Angiven orsak: {reason}.</translation>
    </message>
    <message>
        <source>Approve closure</source>
        <translation>Godkänn stängning</translation>
    </message>
    <message>
        <source>&amp;Close case</source>
        <translation>&amp;Stäng ärendet</translation>
    </message>
</context>
<context>
    <name>CaseHeader</name>
    <message>
        <source>Identity code:</source>
        <extracomment>A line for the view&apos;s status bar (&quot;Identity code copied…&quot;). The full identity code while it is shown.</extracomment>
        <translation>Personbeteckning:</translation>
    </message>
    <message>
        <source>Revea&amp;l</source>
        <translation>&amp;Visa</translation>
    </message>
    <message>
        <source>Reveal the full identity code</source>
        <translation>Visa hela personbeteckningen</translation>
    </message>
    <message>
        <source>Shows the full code for {seconds} seconds. Revealing is written to the audit log.</source>
        <translation>Visar hela beteckningen i {seconds} sekunder. Visningen registreras i användningsloggen.</translation>
    </message>
    <message>
        <source>Co&amp;py</source>
        <translation>&amp;Kopiera</translation>
    </message>
    <message>
        <source>Copy the identity code</source>
        <translation>Kopiera personbeteckningen</translation>
    </message>
    <message>
        <source>The clipboard is cleared after 30 seconds.</source>
        <translation>Urklippet töms efter 30 sekunder.</translation>
    </message>
    <message>
        <source>Approve clo&amp;sure…</source>
        <translation>&amp;Godkänn stängning…</translation>
    </message>
    <message>
        <source>Re&amp;turn to counsellor</source>
        <translation>Re&amp;turnera till krisarbetaren</translation>
    </message>
    <message>
        <source>Edit &amp;victim…</source>
        <translation>Redigera kl&amp;ienten…</translation>
    </message>
    <message>
        <source>Change identity co&amp;de…</source>
        <translation>Byt &amp;personbeteckning…</translation>
    </message>
    <message>
        <source>Edit &amp;case…</source>
        <translation>Redigera &amp;ärendet…</translation>
    </message>
    <message>
        <source>Risk level and its reason, status</source>
        <translation>Risknivå och motiveringen till den, status</translation>
    </message>
    <message>
        <source>Request clo&amp;sure…</source>
        <translation>Begär &amp;stängning…</translation>
    </message>
    <message>
        <source>Clo&amp;se case…</source>
        <translation>&amp;Stäng ärendet…</translation>
    </message>
    <message>
        <source>Correction histor&amp;y…</source>
        <translation>Rättelse&amp;historik…</translation>
    </message>
    <message>
        <source>Every change to the victim&apos;s details, before and after</source>
        <translation>Varje ändring av klientens uppgifter, före och efter</translation>
    </message>
    <message>
        <source>E&amp;xport PDF…</source>
        <translation>&amp;Exportera PDF…</translation>
    </message>
    <message>
        <source>A case summary for the police or for handover</source>
        <translation>Ärendesammanfattning för polisen eller för vårdöverföring</translation>
    </message>
    <message>
        <source>Victim</source>
        <extracomment>The row of the case&apos;s buttons: the view&apos;s parts add theirs (erasure).</extracomment>
        <translation>Klient</translation>
    </message>
    <message>
        <source>Risk level</source>
        <translation>Risknivå</translation>
    </message>
    <message>
        <source>Case status</source>
        <translation>Ärendets status</translation>
    </message>
    <message>
        <source>Earlier codes:</source>
        <translation>Tidigare beteckningar:</translation>
    </message>
    <message>
        <source>Case &lt;b&gt;{reference}&lt;/b&gt;</source>
        <translation>Ärende &lt;b&gt;{reference}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Counsellor: &lt;b&gt;{name}&lt;/b&gt;</source>
        <translation>Krisarbetare: &lt;b&gt;{name}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>unassigned</source>
        <translation>inte tilldelad</translation>
    </message>
    <message>
        <source>Opened {date}</source>
        <translation>Öppnat {date}</translation>
    </message>
    <message>
        <source>Closed {date}</source>
        <translation>Stängt {date}</translation>
    </message>
    <message>
        <source>Breaches: {names}</source>
        <translation>Dataintrång: {names}</translation>
    </message>
    <message>
        <source>Phone {phone}</source>
        <translation>Tfn {phone}</translation>
    </message>
    <message>
        <source>E-mail {email}</source>
        <translation>E-post {email}</translation>
    </message>
    <message>
        <source>Language: {language}</source>
        <translation>Språk: {language}</translation>
    </message>
    <message>
        <source>No consent to processing recorded</source>
        <translation>Inget samtycke till behandling av uppgifter har registrerats</translation>
    </message>
    <message>
        <source>&lt;i&gt;Risk:&lt;/i&gt; {reason}</source>
        <translation>&lt;i&gt;Risk:&lt;/i&gt; {reason}</translation>
    </message>
    <message>
        <source>&lt;i&gt;Intake note:&lt;/i&gt; {note}</source>
        <translation>&lt;i&gt;Anteckning vid första kontakten:&lt;/i&gt; {note}</translation>
    </message>
    <message>
        <source>No contact restrictions recorded</source>
        <translation>Inga begränsningar för kontakt har registrerats</translation>
    </message>
    <message>
        <source>Safe-contact rules</source>
        <translation>Säkra kontaktsätt</translation>
    </message>
    <message>
        <source>Closure requested on {date}: {reason}. Waiting for a supervisor&apos;s decision.</source>
        <translation>Stängning begärd {date}: {reason}. Väntar på förmannens beslut.</translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation>inte registrerad</translation>
    </message>
    <message>
        <source>Identity code: none recorded</source>
        <translation>Personbeteckning: inte registrerad</translation>
    </message>
    <message>
        <source>Identity code</source>
        <translation>Personbeteckning</translation>
    </message>
    <message>
        <source>&amp;Hide</source>
        <translation>&amp;Dölj</translation>
    </message>
    <message>
        <source>Identity code copied; the clipboard is cleared in 30 seconds.</source>
        <translation>Personbeteckningen har kopierats; urklippet töms om 30 sekunder.</translation>
    </message>
    <message>
        <source>hidden again in {seconds} s</source>
        <translation>döljs igen om {seconds} s</translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <source>{reference} — Suoja</source>
        <extracomment>Emitted with the case id when the view has closed. A change to this case was announced (from any thread); reload on the GUI thread.</extracomment>
        <translation>{reference} – Suoja</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Tidslinje</translation>
    </message>
    <message>
        <source>Saved {name} in {folder}.</source>
        <translation>{name} sparades i mappen {folder}.</translation>
    </message>
    <message>
        <source>Emergency access (break the glass) until {time}. Everything you do in this case is in the audit log, and a supervisor reviews the access.</source>
        <translation>Nödåtkomsten gäller till {time}. Allt du gör i det här ärendet förs in i användningsloggen, och en förman granskar åtkomsten.</translation>
    </message>
    <message>
        <source>Extortion contacts</source>
        <translation>Utpressningskontakter</translation>
    </message>
    <message>
        <source>Police reports</source>
        <translation>Brottsanmälningar</translation>
    </message>
    <message>
        <source>Support sessions</source>
        <translation>Stödsamtal</translation>
    </message>
    <message>
        <source>Protective actions ({done}/{all} done)</source>
        <translation>Skyddsåtgärder ({done}/{all} gjorda)</translation>
    </message>
    <message>
        <source>Follow-ups ({open} open)</source>
        <translation>Uppföljningar ({open} öppna)</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Uppföljningar</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Bilagor</translation>
    </message>
</context>
<context>
    <name>ClosureDialog</name>
    <message>
        <source>Request closure</source>
        <translation>Begär stängning</translation>
    </message>
    <message>
        <source>Close case</source>
        <translation>Stäng ärendet</translation>
    </message>
    <message>
        <source>&amp;Request closure</source>
        <translation>&amp;Begär stängning</translation>
    </message>
    <message>
        <source>&amp;Close case</source>
        <translation>&amp;Stäng ärendet</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Orsak</translation>
    </message>
    <message>
        <source>A supervisor approves closing the case, or returns it to you. The case stays open until then.</source>
        <translation>En förman godkänner att ärendet stängs eller returnerar det till dig. Ärendet förblir öppet till dess.</translation>
    </message>
    <message>
        <source>The case is closed now. It can be reopened later from Edit case.</source>
        <translation>Ärendet stängs nu. Det kan öppnas på nytt senare via Redigera ärendet.</translation>
    </message>
</context>
<context>
    <name>CorrectionHistoryDialog</name>
    <message>
        <source>First names</source>
        <extracomment>Each corrected field&apos;s name on screen, as the victim&apos;s form calls it.</extracomment>
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
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>May leave voicemail</source>
        <translation>Får lämna röstmeddelande</translation>
    </message>
    <message>
        <source>May send text messages</source>
        <translation>Får skicka textmeddelanden</translation>
    </message>
    <message>
        <source>May send e-mail</source>
        <translation>Får skicka e-post</translation>
    </message>
    <message>
        <source>May send post</source>
        <translation>Får skicka post</translation>
    </message>
    <message>
        <source>Safe-contact note</source>
        <translation>Anteckning om kontakt</translation>
    </message>
    <message>
        <source>Consent to processing given</source>
        <translation>Samtycke till behandling av uppgifter givet</translation>
    </message>
    <message>
        <source>Consent date</source>
        <translation>Datum för samtycke</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nej</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>inte registrerat</translation>
    </message>
    <message>
        <source>Identity codes changed before Suoja kept this history do not say who changed them.</source>
        <translation>För personbeteckningar som byttes innan Suoja började föra den här historiken framgår inte vem som bytte dem.</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>Anteckning: {note}</translation>
    </message>
    <message>
        <source>Correction history — {reference}</source>
        <translation>Rättelsehistorik — {reference}</translation>
    </message>
    <message>
        <source>Every change to the victim&apos;s personal and contact details: when, by whom, before and after. Opening this list is written to the audit log.</source>
        <translation>Varje ändring av klientens person- och kontaktuppgifter: när, av vem, före och efter. Att listan öppnas registreras i användningsloggen.</translation>
    </message>
    <message>
        <source>Corrections</source>
        <translation>Rättelser</translation>
    </message>
    <message>
        <source>Nothing has been corrected: the victim&apos;s details are as first recorded.</source>
        <translation>Ingenting har rättats: klientens uppgifter är sådana som de först registrerades.</translation>
    </message>
    <message>
        <source>Reveal identity &amp;codes</source>
        <translation>Visa &amp;personbeteckningarna</translation>
    </message>
    <message>
        <source>Shows the full codes for {seconds} seconds. Revealing is written to the audit log.</source>
        <translation>Visar hela beteckningarna i {seconds} sekunder. Visningen registreras i användningsloggen.</translation>
    </message>
    <message>
        <source>Hide identity &amp;codes</source>
        <translation>Dölj &amp;personbeteckningarna</translation>
    </message>
    <message>
        <source>Identity codes hidden again in {seconds} s</source>
        <translation>Personbeteckningarna döljs igen om {seconds} s</translation>
    </message>
</context>
<context>
    <name>DuplicatePage</name>
    <message>
        <source>Is this person already in Suoja?</source>
        <extracomment>The person is already a victim: open this case instead.</extracomment>
        <translation>Finns personen redan i Suoja?</translation>
    </message>
    <message>
        <source>Checked by identity code (also earlier ones), by name and date of birth, and by phone number.</source>
        <translation>Kontrollerat med personbeteckning (även tidigare), namn och födelsedatum samt telefonnummer.</translation>
    </message>
    <message>
        <source>Existing victims who may be this person</source>
        <translation>Befintliga klienter som kan vara den här personen</translation>
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
        <source>Identity code</source>
        <translation>Personbeteckning</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Counsellor</source>
        <translation>Krisarbetare</translation>
    </message>
    <message>
        <source>&amp;Open the existing case</source>
        <translation>&amp;Öppna det befintliga ärendet</translation>
    </message>
    <message>
        <source>This is a &amp;different person — create a new case anyway</source>
        <translation>Det här är en &amp;annan person – skapa ett nytt ärende ändå</translation>
    </message>
    <message>
        <source>Checked by identity code (also earlier ones) and by phone number in the cases you may open, and by name and date of birth.</source>
        <translation>Kontrollerat med personbeteckning (även tidigare) och telefonnummer i de ärenden du får öppna, samt med namn och födelsedatum.</translation>
    </message>
    <message>
        <source>An existing victim may be this person.</source>
        <translation>En befintlig klient kan vara den här personen.</translation>
    </message>
    <message>
        <source>{count} existing victims may be this person.</source>
        <translation>{count} befintliga klienter kan vara den här personen.</translation>
    </message>
    <message>
        <source>If it is the same person, open their case instead of creating a second one (Enter opens the selected one).</source>
        <translation>Om det är samma person, öppna personens ärende i stället för att skapa ett till (Enter öppnar det valda).</translation>
    </message>
    <message>
        <source>No victim in the cases you may open has this identity code or phone number, and none has this name and date of birth. A client of another counsellor is found here only by name and date of birth, and only if their identity code is recorded. Press Enter to continue.</source>
        <translation>Ingen klient i de ärenden du får öppna har den här personbeteckningen eller det här telefonnumret, och ingen har det här namnet och födelsedatumet. En annan krisarbetares klient hittas här bara med namn och födelsedatum, och bara om klientens personbeteckning är registrerad. Tryck på Enter för att fortsätta.</translation>
    </message>
    <message>
        <source>No existing victim has this identity code, this name and date of birth, or this phone number. Press Enter to continue.</source>
        <translation>Ingen befintlig klient har den här personbeteckningen, det här namnet och födelsedatumet eller det här telefonnumret. Tryck på Enter för att fortsätta.</translation>
    </message>
    <message>
        <source>unassigned</source>
        <translation>inte tilldelad</translation>
    </message>
</context>
<context>
    <name>EraseDialog</name>
    <message>
        <source>The client asked for it</source>
        <extracomment>The reasons as a supervisor reads them (the audit keeps the code).</extracomment>
        <translation>Klienten begärde det</translation>
    </message>
    <message>
        <source>The retention period has passed</source>
        <translation>Bevarandetiden har gått ut</translation>
    </message>
    <message>
        <source>It should never have been recorded</source>
        <translation>Uppgifterna borde aldrig ha registrerats</translation>
    </message>
    <message>
        <source>Other reason</source>
        <translation>Annat skäl</translation>
    </message>
    <message>
        <source>no reason given</source>
        <extracomment>(background, text, border, left edge) of the pending request&apos;s banner; on a dark or high-contrast desktop its own window colours (``header.banner_style``).</extracomment>
        <translation>inget skäl angivet</translation>
    </message>
    <message>
        <source>Erase personal data — {reference}</source>
        <translation>Radera personuppgifter — {reference}</translation>
    </message>
    <message>
        <source>Erase the client&apos;s personal data in case &lt;b&gt;{reference}&lt;/b&gt;?</source>
        <translation>Radera klientens personuppgifter i ärende &lt;b&gt;{reference}&lt;/b&gt;?</translation>
    </message>
    <message>
        <source>Removed for good: the client&apos;s name, identity codes, contact details and safe-contact note, the extortion messages, support-session notes, follow-up and action notes, and every attached file. This cannot be undone.</source>
        <translation>Tas bort för gott: klientens namn, personbeteckningar, kontaktuppgifter och anteckning om säker kontakt, utpressningsmeddelandena, anteckningarna från stödsamtal, uppföljningar och åtgärder samt alla bifogade filer. Detta kan inte ångras.</translation>
    </message>
    <message>
        <source>Kept as anonymous statistics: the case reference, status and dates, the risk level, the counts and dates of contacts, reports, sessions and follow-ups, and the audit log, which records this erasure.</source>
        <translation>Finns kvar som anonym statistik: ärendebeteckningen, status och datum, risknivån, antal och datum för kontakter, anmälningar, stödsamtal och uppföljningar samt användningsloggen, där denna radering registreras.</translation>
    </message>
    <message>
        <source>Your organisation asks for a second supervisor&apos;s approval: the data is erased when another supervisor approves, within 7 days.</source>
        <translation>Din organisation kräver en andra förmans godkännande: uppgifterna raderas när en annan förman godkänner inom 7 dagar.</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Skäl</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Välj…</translation>
    </message>
    <message>
        <source>Case reference, typed to confirm</source>
        <translation>Ärendebeteckning, skriven som bekräftelse</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Skäl</translation>
    </message>
    <message>
        <source>&amp;Type the case reference to confirm</source>
        <translation>&amp;Bekräfta genom att skriva ärendebeteckningen</translation>
    </message>
    <message>
        <source>&amp;Ask for approval</source>
        <translation>&amp;Begär godkännande</translation>
    </message>
    <message>
        <source>&amp;Erase</source>
        <translation>&amp;Radera</translation>
    </message>
    <message>
        <source>Erasing the personal data of {reference}…</source>
        <translation>Raderar personuppgifterna i {reference}…</translation>
    </message>
    <message>
        <source>Not erased</source>
        <translation>Inte raderat</translation>
    </message>
</context>
<context>
    <name>ExportCaseDialog</name>
    <message>
        <source>Export case {reference} as PDF</source>
        <translation>Exportera ärendet {reference} som PDF</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportera…</translation>
    </message>
    <message>
        <source>Access copy…</source>
        <extracomment>A supervisor&apos;s way to the client&apos;s access copy (GDPR art. 15 and 20).</extracomment>
        <translation>Kopia av personuppgifter…</translation>
    </message>
    <message>
        <source>Everything recorded about the client, for them: a PDF, the same data as JSON, and the evidence files</source>
        <translation>Allt som registrerats om klienten, till klienten själv: en PDF, samma uppgifter som JSON och bevisfilerna</translation>
    </message>
    <message>
        <source>Your role does not allow exporting this case.</source>
        <translation>Din roll tillåter inte att det här ärendet exporteras.</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>Spara PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-filer (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ExtortionContactDialog</name>
    <message>
        <source>Copy the message exactly as the victim received it. The wallet address is checked as you type, so a mistyped character shows at once.</source>
        <translation>Kopiera meddelandet exakt som klienten fick det. Bitcoinadressen kontrolleras medan du skriver, så ett felskrivet tecken syns genast.</translation>
    </message>
    <message>
        <source>Received at</source>
        <translation>Mottaget</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Avsändare</translation>
    </message>
    <message>
        <source>e-mail address, phone number or name</source>
        <translation>e-postadress, telefonnummer eller namn</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Valuta</translation>
    </message>
    <message>
        <source>Amount demanded</source>
        <translation>Krävt belopp</translation>
    </message>
    <message>
        <source>Wallet address</source>
        <translation>Bitcoinadress</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Tidsfrist</translation>
    </message>
    <message>
        <source>Has a deadline</source>
        <translation>Har en tidsfrist</translation>
    </message>
    <message>
        <source>Message, verbatim</source>
        <translation>Meddelandet ordagrant</translation>
    </message>
    <message>
        <source>The victim paid</source>
        <translation>Klienten betalade</translation>
    </message>
    <message>
        <source>Amount paid</source>
        <translation>Betalt belopp</translation>
    </message>
    <message>
        <source>Handed to the police</source>
        <translation>Överlämnat till polisen</translation>
    </message>
    <message>
        <source>cannot be before the message was received</source>
        <translation>kan inte vara innan meddelandet togs emot</translation>
    </message>
</context>
<context>
    <name>ExtortionContactSection</name>
    <message>
        <source>Received</source>
        <translation>Mottaget</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Avsändare</translation>
    </message>
    <message>
        <source>Demanded</source>
        <translation>Krävt</translation>
    </message>
    <message>
        <source>Wallet</source>
        <translation>Bitcoinadress</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Tidsfrist</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Betalt</translation>
    </message>
    <message>
        <source>Handed to police</source>
        <translation>Överlämnat till polisen</translation>
    </message>
    <message>
        <source>Message, verbatim</source>
        <translation>Meddelandet ordagrant</translation>
    </message>
    <message>
        <source>&amp;Message, verbatim:</source>
        <translation>&amp;Meddelandet ordagrant:</translation>
    </message>
    <message>
        <source>Evidence files of this contact</source>
        <translation>Bevisfiler för den här kontakten</translation>
    </message>
    <message>
        <source>Ev&amp;idence:</source>
        <translation>Bevis&amp;filer:</translation>
    </message>
    <message>
        <source>Add evidence…</source>
        <translation>Lägg till bevis…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öppna</translation>
    </message>
    <message>
        <source>Open the selected evidence file</source>
        <translation>Öppna den valda bevisfilen</translation>
    </message>
    <message>
        <source>The selected extortion contact</source>
        <translation>Den valda utpressningskontakten</translation>
    </message>
    <message>
        <source>No extortion messages recorded. Add each message the victim received, with the text copied exactly as it was written.</source>
        <translation>Inga utpressningsmeddelanden har registrerats. Lägg till varje meddelande som klienten har fått, med texten kopierad exakt som den var skriven.</translation>
    </message>
    <message>
        <source>(not known)</source>
        <translation>(okänd)</translation>
    </message>
    <message>
        <source>(no amount)</source>
        <translation>(inget belopp)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ingen)</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>Due on</source>
        <translation>Förfallodatum</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Vad ska göras</translation>
    </message>
    <message>
        <source>e.g. Call back about the police report</source>
        <translation>t.ex. Ring tillbaka om brottsanmälan</translation>
    </message>
    <message>
        <source>Me</source>
        <translation>Jag</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Ansvarig</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Klar</translation>
    </message>
</context>
<context>
    <name>FollowUpPage</name>
    <message>
        <source>Due date</source>
        <translation>Förfallodatum</translation>
    </message>
    <message>
        <source>cannot be in the past</source>
        <translation>kan inte ligga bakåt i tiden</translation>
    </message>
    <message>
        <source>First follow-up</source>
        <translation>Första uppföljningen</translation>
    </message>
    <message>
        <source>When should someone get back to this person? It appears in Follow-ups due on that day.</source>
        <translation>När ska någon kontakta personen igen? Uppföljningen visas bland de uppföljningar som ska göras den dagen.</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Förfallodatum</translation>
    </message>
    <message>
        <source>What for</source>
        <translation>Syfte</translation>
    </message>
    <message>
        <source>Call back: how are they doing, next steps</source>
        <translation>Ring tillbaka: hur personen mår, nästa steg</translation>
    </message>
</context>
<context>
    <name>FollowUpSection</name>
    <message>
        <source>&amp;Mark done</source>
        <translation>&amp;Markera som klar</translation>
    </message>
    <message>
        <source>Mark the selected follow-up done</source>
        <translation>Markera den valda uppföljningen som klar</translation>
    </message>
    <message>
        <source>No follow-ups planned.</source>
        <translation>Inga uppföljningar har planerats.</translation>
    </message>
</context>
<context>
    <name>IdentityCodeDialog</name>
    <message>
        <source>Record a new personal identity code the victim has been granted. The previous code is kept in the history.</source>
        <translation>Registrera en ny personbeteckning som klienten har fått. Den tidigare beteckningen sparas i historiken.</translation>
    </message>
    <message>
        <source>New identity code</source>
        <translation>Ny personbeteckning</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <source>e.g. DVV decision of 3.5.2024</source>
        <translation>t.ex. MDB:s beslut 3.5.2024</translation>
    </message>
</context>
<context>
    <name>IdentityPage</name>
    <message>
        <source>Who is calling?</source>
        <translation>Vem ringer?</translation>
    </message>
    <message>
        <source>Names are required. A valid identity code fills in the date of birth. Ask before ticking a way of contacting the person.</source>
        <translation>Namnen är obligatoriska. En giltig personbeteckning fyller i födelsedatumet. Fråga innan du kryssar för ett kontaktsätt.</translation>
    </message>
    <message>
        <source>First names</source>
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
        <source>e.g. 131052-308T (optional)</source>
        <translation>t.ex. 131052-308T (frivilligt)</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Födelsedatum</translation>
    </message>
    <message>
        <source>cannot be in the future</source>
        <translation>kan inte ligga i framtiden</translation>
    </message>
    <message>
        <source>d.M.yyyy (optional)</source>
        <translation>d.m.åååå (frivilligt)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>e.g. 040 123 4567</source>
        <translation>t.ex. 040 123 4567</translation>
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
        <source>Leave a &amp;voicemail</source>
        <translation>Lämna &amp;röstmeddelande</translation>
    </message>
    <message>
        <source>May leave voicemail</source>
        <translation>Får lämna röstmeddelande</translation>
    </message>
    <message>
        <source>Send te&amp;xt messages</source>
        <translation>Skicka te&amp;xtmeddelanden</translation>
    </message>
    <message>
        <source>May send text messages</source>
        <translation>Får skicka textmeddelanden</translation>
    </message>
    <message>
        <source>Send e-&amp;mail</source>
        <translation>Skicka &amp;e-post</translation>
    </message>
    <message>
        <source>May send e-mail</source>
        <translation>Får skicka e-post</translation>
    </message>
    <message>
        <source>Send &amp;post</source>
        <translation>Skicka &amp;post</translation>
    </message>
    <message>
        <source>May send post</source>
        <translation>Får skicka post</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <source>e.g. call only on weekdays after 16</source>
        <translation>t.ex. ring bara vardagar efter kl. 16</translation>
    </message>
    <message>
        <source>Consents to Suoja keeping their data (dated today)</source>
        <translation>Samtycker till att uppgifterna sparas i Suoja (dateras i dag)</translation>
    </message>
    <message>
        <source>Consent to processing</source>
        <translation>Samtycke till behandling av uppgifter</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Personuppgifter</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontaktuppgifter</translation>
    </message>
    <message>
        <source>Safe contact — we may:</source>
        <translation>Säker kontakt – vi får:</translation>
    </message>
    <message>
        <source>no voicemail</source>
        <translation>inga röstmeddelanden</translation>
    </message>
    <message>
        <source>no text messages</source>
        <translation>inga textmeddelanden</translation>
    </message>
    <message>
        <source>no e-mail</source>
        <translation>ingen e-post</translation>
    </message>
    <message>
        <source>no post</source>
        <translation>ingen post</translation>
    </message>
    <message>
        <source>The case will show: {rules}.</source>
        <translation>I ärendet visas: {rules}.</translation>
    </message>
    <message>
        <source>Every way of contact is allowed.</source>
        <translation>Alla kontaktsätt är tillåtna.</translation>
    </message>
</context>
<context>
    <name>IntakeWizard</name>
    <message>
        <source>New intake — Suoja</source>
        <translation>Ny klient – Suoja</translation>
    </message>
    <message>
        <source>&amp;Next  ›</source>
        <translation>&amp;Nästa  ›</translation>
    </message>
    <message>
        <source>‹  &amp;Back</source>
        <translation>‹  &amp;Tillbaka</translation>
    </message>
    <message>
        <source>&amp;Create case</source>
        <translation>&amp;Skapa ärende</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Who is calling</source>
        <translation>Vem ringer</translation>
    </message>
    <message>
        <source>Existing victims</source>
        <translation>Befintliga klienter</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risk</translation>
    </message>
    <message>
        <source>First follow-up</source>
        <translation>Första uppföljningen</translation>
    </message>
    <message>
        <source>Create case (Enter or Ctrl+S) saves {name}, risk level {risk}, and this follow-up. The case opens afterwards.</source>
        <translation>Skapa ärende (Enter eller Ctrl+S) sparar {name} (risknivå: {risk}) och den här uppföljningen. Ärendet öppnas sedan.</translation>
    </message>
    <message>
        <source>When following up: {rules}.</source>
        <translation>Vid uppföljningen: {rules}.</translation>
    </message>
    <message>
        <source>The case was not created</source>
        <translation>Ärendet skapades inte</translation>
    </message>
    <message>
        <source>Case {reference} was created, but not its follow-up</source>
        <translation>Ärendet {reference} skapades, men inte dess uppföljning</translation>
    </message>
    <message>
        <source>Discard this intake?</source>
        <translation>Förkasta uppgifterna om den nya klienten?</translation>
    </message>
    <message>
        <source>Nothing has been saved yet. Discard what you typed?</source>
        <translation>Inget har sparats ännu. Förkasta det du har skrivit?</translation>
    </message>
</context>
<context>
    <name>PoliceReportDialog</name>
    <message>
        <source>Only the number on the victim&apos;s copy of the report counts — not the online service&apos;s confirmation e-mail.</source>
        <translation>Endast numret på klientens exemplar av anmälan gäller – inte numret i nättjänstens e-postbekräftelse.</translation>
    </message>
    <message>
        <source>Report number</source>
        <translation>Brottsanmälans nummer</translation>
    </message>
    <message>
        <source>Police department</source>
        <translation>Polisinrättning</translation>
    </message>
    <message>
        <source>e.g. Helsinki Police Department</source>
        <translation>t.ex. Polisinrättningen i Helsingfors</translation>
    </message>
    <message>
        <source>Filed on</source>
        <translation>Anmälningsdatum</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Läge</translation>
    </message>
    <message>
        <source>The victim has their copy of the report</source>
        <translation>Klienten har sitt exemplar av anmälan</translation>
    </message>
</context>
<context>
    <name>PoliceReportSection</name>
    <message>
        <source>No police report numbers recorded. Only the number on the victim&apos;s report copy counts (like 5500/R/12345/20), not the online service&apos;s confirmation e-mail.</source>
        <translation>Inga brottsanmälningsnummer har registrerats. Endast numret på klientens exemplar av anmälan gäller (som 5500/R/12345/20), inte numret i nättjänstens e-postbekräftelse.</translation>
    </message>
</context>
<context>
    <name>ProtectiveActionDialog</name>
    <message>
        <source>State</source>
        <translation>Läge</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Known</source>
        <translation>Känt</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Upphör</translation>
    </message>
    <message>
        <source>Left empty, the expiry is set {days} days after the date.</source>
        <translation>Om fältet lämnas tomt upphör åtgärden {days} dagar efter datumet.</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <source>Grounds</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>— not given —</source>
        <translation>– inte angiven –</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Bevis</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Beslut</translation>
    </message>
    <message>
        <source>— none yet —</source>
        <translation>– inget ännu –</translation>
    </message>
    <message>
        <source>Decision date</source>
        <translation>Beslutsdatum</translation>
    </message>
    <message>
        <source>Expiry date</source>
        <translation>Slutdatum</translation>
    </message>
    <message>
        <source>cannot be before the date of the step</source>
        <translation>kan inte vara före stegets datum</translation>
    </message>
</context>
<context>
    <name>ProtectiveActionSection</name>
    <message>
        <source>&amp;Update step…</source>
        <translation>&amp;Uppdatera steget…</translation>
    </message>
    <message>
        <source>&amp;Reset step…</source>
        <translation>&amp;Återställ steget…</translation>
    </message>
    <message>
        <source>Reset the selected step to not started</source>
        <translation>Återställ det valda steget till ej påbörjat</translation>
    </message>
    <message>
        <source>Grounds: {grounds}. Decision: {decision}.</source>
        <translation>Grund: {grounds}. Beslut: {decision}.</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>inte ännu</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>&amp;Save</source>
        <extracomment>The saved record (what the service returned). This dialog&apos;s kind in a :class:`~gui.shared.drafts.FormDraft`.</extracomment>
        <translation>&amp;Spara</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Spara (Ctrl+S)</translation>
    </message>
    <message>
        <source>That record no longer exists; it may have been removed.</source>
        <translation>Uppgiften finns inte längre; den kan ha tagits bort.</translation>
    </message>
    <message>
        <source>Edit victim</source>
        <translation>Redigera klienten</translation>
    </message>
    <message>
        <source>Edit case</source>
        <translation>Redigera ärendet</translation>
    </message>
    <message>
        <source>Change identity code</source>
        <translation>Byt personbeteckning</translation>
    </message>
    <message>
        <source>Close case</source>
        <translation>Stäng ärendet</translation>
    </message>
    <message>
        <source>Request closure</source>
        <translation>Begär stängning</translation>
    </message>
    <message>
        <source>Add extortion contact</source>
        <translation>Lägg till utpressningskontakt</translation>
    </message>
    <message>
        <source>Edit extortion contact</source>
        <translation>Redigera utpressningskontakt</translation>
    </message>
    <message>
        <source>Add police report</source>
        <translation>Lägg till brottsanmälan</translation>
    </message>
    <message>
        <source>Edit police report</source>
        <translation>Redigera brottsanmälan</translation>
    </message>
    <message>
        <source>Add support session</source>
        <translation>Lägg till stödsamtal</translation>
    </message>
    <message>
        <source>Edit support session</source>
        <translation>Redigera stödsamtal</translation>
    </message>
    <message>
        <source>Record protective action</source>
        <translation>Registrera skyddsåtgärd</translation>
    </message>
    <message>
        <source>Update protective action</source>
        <translation>Uppdatera skyddsåtgärd</translation>
    </message>
    <message>
        <source>Plan follow-up</source>
        <translation>Planera uppföljning</translation>
    </message>
    <message>
        <source>Edit follow-up</source>
        <translation>Redigera uppföljning</translation>
    </message>
</context>
<context>
    <name>RecordSection</name>
    <message>
        <source>&amp;Add…</source>
        <extracomment>The current record changed (or ``None``).</extracomment>
        <translation>&amp;Lägg till…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Redigera…</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>Ta &amp;bort…</translation>
    </message>
    <message>
        <source>Add extortion contact</source>
        <translation>Lägg till utpressningskontakt</translation>
    </message>
    <message>
        <source>Edit the selected extortion contact</source>
        <translation>Redigera den valda utpressningskontakten</translation>
    </message>
    <message>
        <source>Remove the selected extortion contact</source>
        <translation>Ta bort den valda utpressningskontakten</translation>
    </message>
    <message>
        <source>Add police report</source>
        <translation>Lägg till brottsanmälan</translation>
    </message>
    <message>
        <source>Edit the selected police report</source>
        <translation>Redigera den valda brottsanmälan</translation>
    </message>
    <message>
        <source>Remove the selected police report</source>
        <translation>Ta bort den valda brottsanmälan</translation>
    </message>
    <message>
        <source>Add support session</source>
        <translation>Lägg till stödsamtal</translation>
    </message>
    <message>
        <source>Edit the selected support session</source>
        <translation>Redigera det valda stödsamtalet</translation>
    </message>
    <message>
        <source>Remove the selected support session</source>
        <translation>Ta bort det valda stödsamtalet</translation>
    </message>
    <message>
        <source>Add protective action</source>
        <translation>Lägg till skyddsåtgärd</translation>
    </message>
    <message>
        <source>Edit the selected protective action</source>
        <translation>Redigera den valda skyddsåtgärden</translation>
    </message>
    <message>
        <source>Remove the selected protective action</source>
        <translation>Ta bort den valda skyddsåtgärden</translation>
    </message>
    <message>
        <source>Add follow-up</source>
        <translation>Lägg till uppföljning</translation>
    </message>
    <message>
        <source>Edit the selected follow-up</source>
        <translation>Redigera den valda uppföljningen</translation>
    </message>
    <message>
        <source>Remove the selected follow-up</source>
        <translation>Ta bort den valda uppföljningen</translation>
    </message>
    <message>
        <source>Extortion contacts</source>
        <extracomment>Calm colours for text that needs attention. Each kind&apos;s table&apos;s accessible name (the records it lists) and its buttons&apos; accessible names, whole sentences so that each language can inflect the noun.</extracomment>
        <translation>Utpressningskontakter</translation>
    </message>
    <message>
        <source>Police reports</source>
        <translation>Brottsanmälningar</translation>
    </message>
    <message>
        <source>Support sessions</source>
        <translation>Stödsamtal</translation>
    </message>
    <message>
        <source>Protective actions</source>
        <translation>Skyddsåtgärder</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Uppföljningar</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Bilagor</translation>
    </message>
    <message>
        <source>Add attachment</source>
        <translation>Lägg till bilaga</translation>
    </message>
    <message>
        <source>Edit the selected attachment</source>
        <translation>Redigera den valda bilagan</translation>
    </message>
    <message>
        <source>Remove the selected attachment</source>
        <translation>Ta bort den valda bilagan</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Ta bort</translation>
    </message>
    <message>
        <source>Nothing recorded yet.</source>
        <translation>Inget har registrerats ännu.</translation>
    </message>
</context>
<context>
    <name>RiskPage</name>
    <message>
        <source>Risk assessment</source>
        <translation>Riskbedömning</translation>
    </message>
    <message>
        <source>Acute: in danger now or thinking of self-harm. High: distressed, threatened or a deadline today. A reason is required for acute and high.</source>
        <translation>Akut: i fara nu eller tänker på att skada sig själv. Hög: i kris, hotad eller tidsfrist i dag. Akut och hög risk kräver en motivering.</translation>
    </message>
    <message>
        <source>Risk level</source>
        <translation>Risknivå</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivering</translation>
    </message>
    <message>
        <source>e.g. received a second demand with a 24-hour deadline</source>
        <translation>t.ex. fick ett andra krav med 24 timmars tidsfrist</translation>
    </message>
    <message>
        <source>Intake note</source>
        <translation>Anteckning vid första kontakten</translation>
    </message>
    <message>
        <source>What was learnt at first contact</source>
        <translation>Vad som framkom vid första kontakten</translation>
    </message>
    <message>
        <source>Counsellor</source>
        <translation>Krisarbetare</translation>
    </message>
    <message>
        <source>Breaches this person was hit by</source>
        <translation>Dataintrång som personen drabbats av</translation>
    </message>
    <message>
        <source>Breaches this person was hit by (Space ticks):</source>
        <translation>Dataintrång som personen drabbats av (kryssa för med mellanslag):</translation>
    </message>
    <message>
        <source>Me ({name})</source>
        <translation>Jag ({name})</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Utan krisarbetare</translation>
    </message>
</context>
<context>
    <name>SupportSessionDialog</name>
    <message>
        <source>Started at</source>
        <translation>Starttid</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Längd</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Samtalsform</translation>
    </message>
    <message>
        <source>Distress level (0–10)</source>
        <translation>Ångestnivå (0–10)</translation>
    </message>
    <message>
        <source>Not assessed</source>
        <translation>Inte bedömd</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultat</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Hänvisning</translation>
    </message>
    <message>
        <source>Next follow-up</source>
        <translation>Nästa uppföljning</translation>
    </message>
    <message>
        <source>Plan a follow-up on</source>
        <translation>Planera uppföljning</translation>
    </message>
    <message>
        <source>Adds a follow-up to this case&apos;s Follow-ups, assigned to you; it shows in Follow-ups due on that day.</source>
        <translation>Lägger till en uppföljning bland ärendets uppföljningar med dig som ansvarig; den visas bland de uppföljningar som ska göras den dagen.</translation>
    </message>
    <message>
        <source>Follow-up task</source>
        <translation>Uppföljningsuppgift</translation>
    </message>
    <message>
        <source>e.g. Call back about the police report</source>
        <translation>t.ex. Ring tillbaka om brottsanmälan</translation>
    </message>
    <message>
        <source>Confidential notes</source>
        <translation>Konfidentiella anteckningar</translation>
    </message>
</context>
<context>
    <name>SupportSessionSection</name>
    <message>
        <source>Confidential notes of the selected session</source>
        <translation>Konfidentiella anteckningar från det valda samtalet</translation>
    </message>
    <message>
        <source>Confidential &amp;notes:</source>
        <translation>Konfidentiella &amp;anteckningar:</translation>
    </message>
    <message>
        <source>No support sessions recorded yet.</source>
        <translation>Inga stödsamtal har registrerats ännu.</translation>
    </message>
    <message>
        <source>Outcome: {outcome}</source>
        <translation>Resultat: {outcome}</translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation>(inte registrerat)</translation>
    </message>
</context>
<context>
    <name>TimelineSection</name>
    <message>
        <source>Timeline</source>
        <extracomment>(kind, record id) of the entry the user activated.</extracomment>
        <translation>Tidslinje</translation>
    </message>
    <message>
        <source>Newest first. Double-click a line (or press Enter) to open it in its own tab.</source>
        <translation>Nyaste först. Dubbelklicka på en rad (eller tryck på Enter) för att öppna den på sin egen flik.</translation>
    </message>
</context>
<context>
    <name>VictimDialog</name>
    <message>
        <source>First names</source>
        <translation>Förnamn</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Efternamn</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Födelsedatum</translation>
    </message>
    <message>
        <source>Known</source>
        <translation>Känt</translation>
    </message>
    <message>
        <source>Comes from the identity code; change the code to change it.</source>
        <translation>Kommer från personbeteckningen; det ändras genom att beteckningen byts.</translation>
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
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>&lt;b&gt;Safe contact&lt;/b&gt; — what may we do without putting the victim at risk?</source>
        <translation>&lt;b&gt;Säker kontakt&lt;/b&gt; – vad får vi göra utan att utsätta klienten för risk?</translation>
    </message>
    <message>
        <source>May leave voicemail</source>
        <translation>Får lämna röstmeddelande</translation>
    </message>
    <message>
        <source>May send text messages</source>
        <translation>Får skicka textmeddelanden</translation>
    </message>
    <message>
        <source>May send e-mail</source>
        <translation>Får skicka e-post</translation>
    </message>
    <message>
        <source>May send post</source>
        <translation>Får skicka post</translation>
    </message>
    <message>
        <source>Safe-contact note</source>
        <translation>Anteckning om kontakt</translation>
    </message>
    <message>
        <source>Consent to processing given</source>
        <translation>Samtycke till behandling av uppgifter givet</translation>
    </message>
    <message>
        <source>Consent date</source>
        <translation>Datum för samtycke</translation>
    </message>
    <message>
        <source>must be a two-letter country code such as FI</source>
        <translation>måste vara en landskod med två bokstäver, till exempel FI</translation>
    </message>
</context>
<context>
    <name>_Options</name>
    <message>
        <source>Police — no support-session notes</source>
        <translation>Polisen – utan anteckningar från stödsamtal</translation>
    </message>
    <message>
        <source>Care handover — with session notes</source>
        <translation>Vårdöverföring – med anteckningar från samtalen</translation>
    </message>
    <message>
        <source>Letter to the client — in their language</source>
        <translation>Brev till klienten – på hens språk</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Language of the letter</source>
        <translation>Brevets språk</translation>
    </message>
    <message>
        <source>The client&apos;s own</source>
        <translation>Klientens eget språk</translation>
    </message>
    <message>
        <source>Show full identity codes (written to the audit log)</source>
        <translation>Visa hela personbeteckningar (registreras i användningsloggen)</translation>
    </message>
    <message>
        <source>Protect the PDF with a password (AES-256)</source>
        <translation>Skydda PDF-filen med lösenord (AES-256)</translation>
    </message>
    <message>
        <source>PDF password</source>
        <translation>Lösenord för PDF-filen</translation>
    </message>
    <message>
        <source>at least {n} characters</source>
        <translation>minst {n} tecken</translation>
    </message>
    <message>
        <source>Give the password to the reader by another channel, e.g. a phone call.</source>
        <translation>Ge lösenordet till mottagaren på annat sätt, t.ex. per telefon.</translation>
    </message>
    <message>
        <source>&amp;Profile</source>
        <translation>&amp;Profil</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Språk</translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation>&amp;Lösenord</translation>
    </message>
</context>
<context>
    <name>columns</name>
    <message>
        <source>File name</source>
        <translation>Filnamn</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Storlek</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Tillagd</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Mottaget</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Avsändare</translation>
    </message>
    <message>
        <source>Demanded</source>
        <translation>Krävt</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Tidsfrist</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Betalt</translation>
    </message>
    <message>
        <source>Police</source>
        <translation>Till polisen</translation>
    </message>
    <message>
        <source>Done</source>
        <extracomment>Asks to mark (True) or unmark (False) a follow-up done; the host saves it.</extracomment>
        <translation>Klar</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Förfallodatum</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Ansvarig</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Slutförd</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beskrivning</translation>
    </message>
    <message>
        <source>Protective action</source>
        <translation>Skyddsåtgärd</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Läge</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Upphör</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <source>Report number</source>
        <translation>Anmälans nummer</translation>
    </message>
    <message>
        <source>Police department</source>
        <translation>Polisinrättning</translation>
    </message>
    <message>
        <source>Filed on</source>
        <translation>Anmälningsdatum</translation>
    </message>
    <message>
        <source>Victim has a copy</source>
        <translation>Klienten har exemplar</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Började</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minuter</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>Counsellor</source>
        <translation>Krisarbetare</translation>
    </message>
    <message>
        <source>Distress</source>
        <translation>Ångest</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Hänvisning</translation>
    </message>
    <message>
        <source>Next follow-up</source>
        <translation>Nästa uppföljning</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultat</translation>
    </message>
    <message>
        <source>When</source>
        <translation>När</translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation>Ändrad av</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Uppgift</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Före</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Efter</translation>
    </message>
</context>
<context>
    <name>safe_contact</name>
    <message>
        <source>Do not leave voicemail</source>
        <extracomment>How long a revealed identity code stays on screen. (background, text, border) of the risk chip: calm, but unmistakable. (background, text, border, left edge) of the banners under the header. The break-the-glass banner&apos;s, as above. The red of &quot;no consent recorded&quot; in the contact line. The rules ``VictimData.safe_contact_warnings()`` returns, marked for translation.</extracomment>
        <translation>Lämna inget röstmeddelande</translation>
    </message>
    <message>
        <source>Do not send text messages</source>
        <translation>Skicka inga textmeddelanden</translation>
    </message>
    <message>
        <source>Do not e-mail</source>
        <translation>Skicka ingen e-post</translation>
    </message>
    <message>
        <source>Do not send post</source>
        <translation>Skicka ingen post</translation>
    </message>
</context>
<context>
    <name>sections</name>
    <message>
        <source>Not paid</source>
        <translation>Inte betalt</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Betalt</translation>
    </message>
    <message>
        <source>Paid {amount}</source>
        <translation>Betalt {amount}</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Försenad</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>Ska göras i dag</translation>
    </message>
    <message>
        <source>Expired: renew it or record that it is no longer needed</source>
        <translation>Har upphört: förnya den eller registrera att den inte längre behövs</translation>
    </message>
    <message>
        <source>Expires within {days} days</source>
        <translation>Upphör inom {days} dagar</translation>
    </message>
</context>
<context>
    <name>timeline</name>
    <message>
        <source>Case</source>
        <extracomment>(kind, record id) of the entry, to jump to it in its tab. The entry&apos;s moment as an aware datetime (a date-only entry: local midnight).</extracomment>
        <translation>Ärende</translation>
    </message>
    <message>
        <source>Extortion contact</source>
        <translation>Utpressningskontakt</translation>
    </message>
    <message>
        <source>Police report</source>
        <translation>Brottsanmälan</translation>
    </message>
    <message>
        <source>Support session</source>
        <translation>Stödsamtal</translation>
    </message>
    <message>
        <source>Protective action</source>
        <translation>Skyddsåtgärd</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Uppföljning</translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation>Bilaga</translation>
    </message>
    <message>
        <source>Case {reference} opened</source>
        <translation>Ärendet {reference} öppnat</translation>
    </message>
    <message>
        <source>from {sender}</source>
        <translation>från {sender}</translation>
    </message>
    <message>
        <source>demands {amount}</source>
        <translation>kräver {amount}</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>betalt</translation>
    </message>
    <message>
        <source>{mode}, {minutes} min</source>
        <translation>{mode}, {minutes} min</translation>
    </message>
    <message>
        <source>referred: {referral}</source>
        <translation>hänvisad: {referral}</translation>
    </message>
    <message>
        <source>expires {date}</source>
        <translation>upphör {date}</translation>
    </message>
    <message>
        <source>done</source>
        <translation>klar</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>försenad</translation>
    </message>
    <message>
        <source>open</source>
        <translation>öppen</translation>
    </message>
    <message>
        <source>Closure requested: {reason}</source>
        <translation>Stängning begärd: {reason}</translation>
    </message>
    <message>
        <source>Case closed: {reason}</source>
        <translation>Ärendet stängt: {reason}</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Tidpunkt</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Uppgifter</translation>
    </message>
</context>
</TS>
