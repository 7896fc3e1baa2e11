<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fi_FI">
<context>
    <name>AccessCopyDialog</name>
    <message>
        <source>Access copy of case {reference}</source>
        <translation>Asian {reference} jäljennös henkilötiedoista</translation>
    </message>
    <message>
        <source>Everything recorded about this client, for them to keep: a PDF in their language, the same data as a JSON file other programs can read, and the evidence files. Session notes and messages are included. The copy is recorded in the audit log.</source>
        <translation>Kaikki tästä asiakkaasta kirjattu hänen säilytettäväkseen: PDF hänen kielellään, samat tiedot JSON-tiedostona, jota muut ohjelmat voivat lukea, sekä todistetiedostot. Mukana ovat myös tukikeskustelujen muistiinpanot ja viestit. Jäljennös kirjataan käyttölokiin.</translation>
    </message>
    <message>
        <source>The client&apos;s own</source>
        <translation>Asiakkaan oma kieli</translation>
    </message>
    <message>
        <source>Nothing withheld. Otherwise a line each, e.g. &quot;A third person&apos;s name in a note: their privacy&quot;</source>
        <translation>Mitään ei jätetty pois. Muuten yksi rivi kustakin, esim. &quot;Kolmannen henkilön nimi muistiinpanossa: hänen yksityisyytensä&quot;</translation>
    </message>
    <message>
        <source>&amp;Language of the PDF</source>
        <translation>PDF:n &amp;kieli</translation>
    </message>
    <message>
        <source>&amp;Withheld, and why</source>
        <translation>&amp;Pois jätetty ja miksi</translation>
    </message>
    <message>
        <source>Choose a folder and write…</source>
        <translation>Valitse kansio ja kirjoita…</translation>
    </message>
    <message>
        <source>Write each withheld item on its own line as &quot;what: why&quot;.</source>
        <translation>Kirjoita kukin pois jätetty asia omalle rivilleen muodossa &quot;mitä: miksi&quot;.</translation>
    </message>
    <message>
        <source>Where to write the access copy</source>
        <translation>Mihin jäljennös kirjoitetaan</translation>
    </message>
    <message>
        <source>Writing the access copy…</source>
        <translation>Jäljennöstä kirjoitetaan…</translation>
    </message>
</context>
<context>
    <name>AttachmentSection</name>
    <message>
        <source>&amp;Add files…</source>
        <translation>&amp;Lisää tiedostoja…</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>A&amp;vaa</translation>
    </message>
    <message>
        <source>Open the selected file</source>
        <translation>Avaa valittu tiedosto</translation>
    </message>
    <message>
        <source>SHA-256 of the selected file</source>
        <translation>Valitun tiedoston SHA-256</translation>
    </message>
    <message>
        <source>Drop files here to add them as evidence.</source>
        <translation>Lisää tiedostoja todisteiksi vetämällä ne tähän.</translation>
    </message>
    <message>
        <source>No evidence files yet.</source>
        <translation>Ei vielä todistetiedostoja.</translation>
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
        <translation>Tapausyhteenvetojen joukkovienti</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Kaikki tilat</translation>
    </message>
    <message>
        <source>Any breach</source>
        <translation>Kaikki tietomurrot</translation>
    </message>
    <message>
        <source>Only cases with a police report filed between</source>
        <translation>Vain asiat, joissa rikosilmoitus on tehty aikavälillä</translation>
    </message>
    <message>
        <source>Police report filed on or after</source>
        <translation>Rikosilmoitus tehty aikaisintaan</translation>
    </message>
    <message>
        <source>Police report filed on or before</source>
        <translation>Rikosilmoitus tehty viimeistään</translation>
    </message>
    <message>
        <source>and</source>
        <translation>–</translation>
    </message>
    <message>
        <source>Destination folder</source>
        <translation>Kohdekansio</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Selaa…</translation>
    </message>
    <message>
        <source>Also write JSON files (police profile, without a PDF password)</source>
        <translation>Kirjoita myös JSON-tiedostot (poliisin profiili, ilman PDF-salasanaa)</translation>
    </message>
    <message>
        <source>Each summary also as a JSON file beside its PDF, for the police&apos;s own systems. The folder&apos;s index.csv and index.json list every PDF written.</source>
        <translation>Jokainen yhteenveto myös JSON-tiedostona PDF:n vieressä poliisin omia järjestelmiä varten. Kansion index.csv ja index.json luettelevat jokaisen kirjoitetun PDF:n.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Tila</translation>
    </message>
    <message>
        <source>Breach</source>
        <translation>Tietomurto</translation>
    </message>
    <message>
        <source>&amp;Folder</source>
        <translation>&amp;Kansio</translation>
    </message>
    <message>
        <source>Start export</source>
        <translation>Aloita vienti</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sulje</translation>
    </message>
    <message>
        <source>Export into folder</source>
        <translation>Vie kansioon</translation>
    </message>
    <message>
        <source>No case matches these filters.</source>
        <translation>Rajauksia vastaavia asioita ei ole.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Peruuta</translation>
    </message>
    <message>
        <source>Exporting {n} case…</source>
        <translation>Viedään {n} asia…</translation>
    </message>
    <message>
        <source>Exporting {n} cases…</source>
        <translation>Viedään {n} asiaa…</translation>
    </message>
    <message>
        <source>Stopping after the cases in hand…</source>
        <translation>Pysäytetään, kun käsittelyssä olevat asiat on viety…</translation>
    </message>
    <message>
        <source>Cancelled: {n} PDF was written whole; none is half-written.</source>
        <translation>Peruutettu: {n} PDF kirjoitettiin kokonaan; yksikään ei jäänyt kesken.</translation>
    </message>
    <message>
        <source>Cancelled: {n} PDFs were written whole; none is half-written.</source>
        <translation>Peruutettu: {n} PDF:ää kirjoitettiin kokonaan; yksikään ei jäänyt kesken.</translation>
    </message>
    <message>
        <source>Done: {n} PDF written.</source>
        <translation>Valmis: {n} PDF kirjoitettu.</translation>
    </message>
    <message>
        <source>Done: {n} PDFs written.</source>
        <translation>Valmis: {n} PDF:ää kirjoitettu.</translation>
    </message>
    <message>
        <source>Each has a JSON file beside it.</source>
        <translation>Jokaisen vieressä on JSON-tiedosto.</translation>
    </message>
    <message>
        <source>{n} case could not be exported.</source>
        <translation>{n} asian vienti epäonnistui.</translation>
    </message>
    <message>
        <source>{n} cases could not be exported.</source>
        <translation>{n} asian vienti epäonnistui.</translation>
    </message>
</context>
<context>
    <name>BreakGlassDialog</name>
    <message>
        <source>Another counsellor&apos;s case</source>
        <translation>Toisen kriisityöntekijän asia</translation>
    </message>
    <message>
        <source>Case &lt;b&gt;{reference}&lt;/b&gt; ({name}) is assigned to {counsellor}.</source>
        <translation>Asian &lt;b&gt;{reference}&lt;/b&gt; ({name}) vastuuhenkilö on {counsellor}.</translation>
    </message>
    <message>
        <source>another counsellor</source>
        <translation>toinen kriisityöntekijä</translation>
    </message>
    <message>
        <source>This case is assigned to another counsellor.</source>
        <translation>Tämä asia on toisen kriisityöntekijän vastuulla.</translation>
    </message>
    <message>
        <source>If the victim needs help now, you can still open it: say why. Your access lasts {hours} hours, is written to the audit log and is reviewed by a supervisor.</source>
        <translation>Jos asiakas tarvitsee apua nyt, voit silti avata asian: kerro syy. Käyttöoikeutesi on voimassa {hours} tuntia, se kirjataan käyttölokiin ja esihenkilö tarkastaa sen.</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Syy</translation>
    </message>
    <message>
        <source>must say why, in at least {n} characters</source>
        <translation>kerro syy vähintään {n} merkillä</translation>
    </message>
    <message>
        <source>e.g. Victim called in distress; Olli is on leave</source>
        <translation>esim. Asiakas soitti hädissään; Olli on lomalla</translation>
    </message>
    <message>
        <source>&amp;Open with break-the-glass</source>
        <translation>&amp;Avaa hätäkäytöllä</translation>
    </message>
</context>
<context>
    <name>CaseDialog</name>
    <message>
        <source>Risk level</source>
        <translation>Riskitaso</translation>
    </message>
    <message>
        <source>Why this risk level</source>
        <translation>Riskitason peruste</translation>
    </message>
    <message>
        <source>Intake note</source>
        <translation>Ensikontaktin muistiinpano</translation>
    </message>
    <message>
        <source>What was learnt at first contact</source>
        <translation>Mitä ensikontaktissa saatiin selville</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Tila</translation>
    </message>
    <message>
        <source>— unassigned —</source>
        <translation>– ei nimetty –</translation>
    </message>
    <message>
        <source>Counsellor</source>
        <translation>Kriisityöntekijä</translation>
    </message>
    <message>
        <source>This case is closed. Choose another status to reopen it.</source>
        <translation>Tämä asia on suljettu. Avaa se uudelleen valitsemalla toinen tila.</translation>
    </message>
</context>
<context>
    <name>CaseErasure</name>
    <message>
        <source>Erase personal &amp;data…</source>
        <translation>Poista &amp;henkilötiedot…</translation>
    </message>
    <message>
        <source>A&amp;pprove erasure…</source>
        <translation>H&amp;yväksy poisto…</translation>
    </message>
    <message>
        <source>Decli&amp;ne</source>
        <translation>H&amp;ylkää</translation>
    </message>
    <message>
        <source>This case&apos;s personal data was erased.</source>
        <translation>Tämän asian henkilötiedot on poistettu.</translation>
    </message>
    <message>
        <source>Close the case first: only a closed case&apos;s personal data can be erased.</source>
        <translation>Sulje asia ensin: vain suljetun asian henkilötiedot voi poistaa.</translation>
    </message>
    <message>
        <source>Its erasure waits for a second supervisor&apos;s approval.</source>
        <translation>Sen poisto odottaa toisen esihenkilön hyväksyntää.</translation>
    </message>
    <message>
        <source>Erase the client&apos;s personal data; anonymous statistics stay</source>
        <translation>Poista asiakkaan henkilötiedot; nimettömät tilastotiedot säilyvät</translation>
    </message>
    <message>
        <source>Erasure of the personal data asked for by {name} on {date}: {reason}. It lapses on {expires} unless another supervisor approves it.</source>
        <translation>{name} pyysi henkilötietojen poistoa {date}: {reason}. Pyyntö raukeaa {expires}, ellei toinen esihenkilö hyväksy sitä.</translation>
    </message>
    <message>
        <source>Another supervisor must approve or decline an erasure you asked for.</source>
        <translation>Toisen esihenkilön on hyväksyttävä tai hylättävä pyytämäsi poisto.</translation>
    </message>
    <message>
        <source>Approve erasure</source>
        <translation>Hyväksy poisto</translation>
    </message>
    <message>
        <source>Erase the personal data of case {reference} now, as {name} asked? This cannot be undone.</source>
        <translation>Poistetaanko asian {reference} henkilötiedot nyt, kuten {name} pyysi? Poistoa ei voi perua.</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Poista</translation>
    </message>
    <message>
        <source>Erasing the personal data of {reference}…</source>
        <translation>Poistetaan asian {reference} henkilötietoja…</translation>
    </message>
    <message>
        <source>Not erased</source>
        <translation>Ei poistettu</translation>
    </message>
    <message>
        <source>Declined the erasure; nothing was erased.</source>
        <translation>Poisto hylättiin; mitään ei poistettu.</translation>
    </message>
    <message>
        <source>Case {reference}: the personal data was erased.</source>
        <translation>Asia {reference}: henkilötiedot poistettiin.</translation>
    </message>
    <message>
        <source>Also from {n} backup beside the database.</source>
        <translation>Myös {n} tietokannan vieressä olevasta varmuuskopiosta.</translation>
    </message>
    <message>
        <source>Also from {n} backups beside the database.</source>
        <translation>Myös {n} tietokannan vieressä olevasta varmuuskopiosta.</translation>
    </message>
    <message>
        <source>{n} older backup could not be changed; a restore of it erases again.</source>
        <translation>{n} vanhempaa varmuuskopiota ei voitu muuttaa; sen palautus tekee poiston uudelleen.</translation>
    </message>
    <message>
        <source>{n} older backups could not be changed; a restore of one erases again.</source>
        <translation>{n} vanhempaa varmuuskopiota ei voitu muuttaa; niiden palautus tekee poiston uudelleen.</translation>
    </message>
    <message>
        <source>Case {reference}: the erasure waits for another supervisor&apos;s approval.</source>
        <translation>Asia {reference}: poisto odottaa toisen esihenkilön hyväksyntää.</translation>
    </message>
</context>
<context>
    <name>CaseFiles</name>
    <message>
        <source>Add evidence files</source>
        <translation>Lisää todistetiedostoja</translation>
    </message>
    <message>
        <source>Evidence (*.png *.jpg *.jpeg *.gif *.pdf *.eml *.msg *.txt *.html *.htm);;All files (*)</source>
        <translation>Todisteet (*.png *.jpg *.jpeg *.gif *.pdf *.eml *.msg *.txt *.html *.htm);;Kaikki tiedostot (*)</translation>
    </message>
    <message>
        <source>Only files can be added; folders and files that no longer exist were left out.</source>
        <extracomment>What is going on (for the view&apos;s status line) and how many tasks still run. Adding and opening files run side by side; dropping them all drops every one.</extracomment>
        <translation>Vain tiedostoja voi lisätä; kansiot ja tiedostot, joita ei enää ole, jätettiin pois.</translation>
    </message>
    <message>
        <source>{n} file is larger than the {limit} MB limit and was not added. Attach a smaller copy instead, such as a screenshot or a PDF of the page.</source>
        <translation>{n} tiedosto ylittää {limit} Mt:n kokorajan, eikä sitä lisätty. Liitä sen sijaan pienempi kopio, kuten kuvakaappaus tai sivu PDF-muodossa.</translation>
    </message>
    <message>
        <source>{n} files are larger than the {limit} MB limit and were not added. Attach a smaller copy instead, such as a screenshot or a PDF of the page.</source>
        <translation>{n} tiedostoa ylittää {limit} Mt:n kokorajan, eikä niitä lisätty. Liitä sen sijaan pienempi kopio, kuten kuvakaappaus tai sivu PDF-muodossa.</translation>
    </message>
    <message>
        <source>Added {n} file.</source>
        <translation>Lisätty {n} tiedosto.</translation>
    </message>
    <message>
        <source>Added {n} files.</source>
        <translation>Lisätty {n} tiedostoa.</translation>
    </message>
    <message>
        <source>Adding {n} file…</source>
        <translation>Lisätään {n} tiedosto…</translation>
    </message>
    <message>
        <source>Adding {n} files…</source>
        <translation>Lisätään {n} tiedostoa…</translation>
    </message>
    <message>
        <source>Opened {name}.</source>
        <translation>Avattu: {name}.</translation>
    </message>
    <message>
        <source>No program on this computer opens this kind of file.</source>
        <translation>Tällä tietokoneella ei ole ohjelmaa, joka avaa tämäntyyppisiä tiedostoja.</translation>
    </message>
    <message>
        <source>Opening {name}…</source>
        <translation>Avataan {name}…</translation>
    </message>
    <message>
        <source>The file could not be read or written; check that it still exists and that you may open it.</source>
        <translation>Tiedostoa ei voitu lukea tai kirjoittaa; tarkista, että se on yhä olemassa ja että sinulla on oikeus avata se.</translation>
    </message>
</context>
<context>
    <name>CaseForms</name>
    <message>
        <source>Remove this extortion contact ({when})? Its evidence files stay in Attachments.</source>
        <translation>Poistetaanko tämä kiristysyhteydenotto ({when})? Sen todistetiedostot jäävät Liitteet-välilehdelle.</translation>
    </message>
    <message>
        <source>Remove police report {number}?</source>
        <translation>Poistetaanko rikosilmoitus {number}?</translation>
    </message>
    <message>
        <source>Reset “{title}” to not started? Its dates and notes are removed.</source>
        <translation>Palautetaanko ”{title}” aloittamattomaksi? Sen päivämäärät ja huomautukset poistetaan.</translation>
    </message>
    <message>
        <source>Remove the follow-up due {date}?</source>
        <translation>Poistetaanko seuranta, jonka määräpäivä on {date}?</translation>
    </message>
    <message>
        <source>Remove the file “{name}” from the case? It is deleted from the database.</source>
        <translation>Poistetaanko tiedosto ”{name}” asiasta? Se poistetaan tietokannasta.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Poista</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Poista</translation>
    </message>
    <message>
        <source>Close case {reference}? Reason given: {reason}.</source>
        <translation>Suljetaanko asia {reference}? Annettu syy: {reason}.</translation>
    </message>
    <message>
        <source>Approve closure</source>
        <translation>Hyväksy sulkeminen</translation>
    </message>
    <message>
        <source>&amp;Close case</source>
        <translation>&amp;Sulje asia</translation>
    </message>
</context>
<context>
    <name>CaseHeader</name>
    <message>
        <source>Identity code:</source>
        <extracomment>A line for the view&apos;s status bar (&quot;Identity code copied…&quot;). The full identity code while it is shown.</extracomment>
        <translation>Henkilötunnus:</translation>
    </message>
    <message>
        <source>Revea&amp;l</source>
        <translation>&amp;Näytä</translation>
    </message>
    <message>
        <source>Reveal the full identity code</source>
        <translation>Näytä koko henkilötunnus</translation>
    </message>
    <message>
        <source>Shows the full code for {seconds} seconds. Revealing is written to the audit log.</source>
        <translation>Näyttää koko tunnuksen {seconds} sekunnin ajan. Näyttäminen kirjataan käyttölokiin.</translation>
    </message>
    <message>
        <source>Co&amp;py</source>
        <translation>&amp;Kopioi</translation>
    </message>
    <message>
        <source>Copy the identity code</source>
        <translation>Kopioi henkilötunnus</translation>
    </message>
    <message>
        <source>The clipboard is cleared after 30 seconds.</source>
        <translation>Leikepöytä tyhjennetään 30 sekunnin kuluttua.</translation>
    </message>
    <message>
        <source>Approve clo&amp;sure…</source>
        <translation>Hyväksy &amp;sulkeminen…</translation>
    </message>
    <message>
        <source>Re&amp;turn to counsellor</source>
        <translation>Palau&amp;ta kriisityöntekijälle</translation>
    </message>
    <message>
        <source>Edit &amp;victim…</source>
        <translation>Muokkaa as&amp;iakasta…</translation>
    </message>
    <message>
        <source>Change identity co&amp;de…</source>
        <translation>Vaihda &amp;henkilötunnus…</translation>
    </message>
    <message>
        <source>Edit &amp;case…</source>
        <translation>Muokkaa &amp;asiaa…</translation>
    </message>
    <message>
        <source>Risk level and its reason, status</source>
        <translation>Riskitaso ja sen peruste, tila</translation>
    </message>
    <message>
        <source>Request clo&amp;sure…</source>
        <translation>Pyydä &amp;sulkemista…</translation>
    </message>
    <message>
        <source>Clo&amp;se case…</source>
        <translation>&amp;Sulje asia…</translation>
    </message>
    <message>
        <source>Correction histor&amp;y…</source>
        <translation>Ko&amp;rjaushistoria…</translation>
    </message>
    <message>
        <source>Every change to the victim&apos;s details, before and after</source>
        <translation>Jokainen asiakkaan tietoihin tehty muutos, ennen ja jälkeen</translation>
    </message>
    <message>
        <source>E&amp;xport PDF…</source>
        <translation>Vie P&amp;DF…</translation>
    </message>
    <message>
        <source>A case summary for the police or for handover</source>
        <translation>Tapausyhteenveto poliisille tai hoidon siirtoon</translation>
    </message>
    <message>
        <source>Victim</source>
        <extracomment>The row of the case&apos;s buttons: the view&apos;s parts add theirs (erasure).</extracomment>
        <translation>Asiakas</translation>
    </message>
    <message>
        <source>Risk level</source>
        <translation>Riskitaso</translation>
    </message>
    <message>
        <source>Case status</source>
        <translation>Asian tila</translation>
    </message>
    <message>
        <source>Earlier codes:</source>
        <translation>Aiemmat tunnukset:</translation>
    </message>
    <message>
        <source>Case &lt;b&gt;{reference}&lt;/b&gt;</source>
        <translation>Asia &lt;b&gt;{reference}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Counsellor: &lt;b&gt;{name}&lt;/b&gt;</source>
        <translation>Kriisityöntekijä: &lt;b&gt;{name}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>unassigned</source>
        <translation>ei nimetty</translation>
    </message>
    <message>
        <source>Opened {date}</source>
        <translation>Avattu {date}</translation>
    </message>
    <message>
        <source>Closed {date}</source>
        <translation>Suljettu {date}</translation>
    </message>
    <message>
        <source>Breaches: {names}</source>
        <translation>Tietomurrot: {names}</translation>
    </message>
    <message>
        <source>Phone {phone}</source>
        <translation>Puh. {phone}</translation>
    </message>
    <message>
        <source>E-mail {email}</source>
        <translation>Sähköposti {email}</translation>
    </message>
    <message>
        <source>Language: {language}</source>
        <translation>Kieli: {language}</translation>
    </message>
    <message>
        <source>No consent to processing recorded</source>
        <translation>Suostumusta tietojen käsittelyyn ei ole kirjattu</translation>
    </message>
    <message>
        <source>&lt;i&gt;Risk:&lt;/i&gt; {reason}</source>
        <translation>&lt;i&gt;Riski:&lt;/i&gt; {reason}</translation>
    </message>
    <message>
        <source>&lt;i&gt;Intake note:&lt;/i&gt; {note}</source>
        <translation>&lt;i&gt;Ensikontaktin muistiinpano:&lt;/i&gt; {note}</translation>
    </message>
    <message>
        <source>No contact restrictions recorded</source>
        <translation>Yhteydenotolle ei ole kirjattu rajoituksia</translation>
    </message>
    <message>
        <source>Safe-contact rules</source>
        <translation>Turvalliset yhteydenottotavat</translation>
    </message>
    <message>
        <source>Closure requested on {date}: {reason}. Waiting for a supervisor&apos;s decision.</source>
        <translation>Sulkemista pyydetty {date}: {reason}. Odottaa esihenkilön päätöstä.</translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation>ei kirjattu</translation>
    </message>
    <message>
        <source>Identity code: none recorded</source>
        <translation>Henkilötunnus: ei kirjattu</translation>
    </message>
    <message>
        <source>Identity code</source>
        <translation>Henkilötunnus</translation>
    </message>
    <message>
        <source>&amp;Hide</source>
        <translation>&amp;Piilota</translation>
    </message>
    <message>
        <source>Identity code copied; the clipboard is cleared in 30 seconds.</source>
        <translation>Henkilötunnus kopioitu; leikepöytä tyhjennetään 30 sekunnin kuluttua.</translation>
    </message>
    <message>
        <source>hidden again in {seconds} s</source>
        <translation>piilotetaan {seconds} s kuluttua</translation>
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
        <translation>Aikajana</translation>
    </message>
    <message>
        <source>Saved {name} in {folder}.</source>
        <translation>{name} tallennettu kansioon {folder}.</translation>
    </message>
    <message>
        <source>Emergency access (break the glass) until {time}. Everything you do in this case is in the audit log, and a supervisor reviews the access.</source>
        <translation>Hätäkäyttö on voimassa {time} asti. Kaikki, mitä teet tässä asiassa, kirjautuu käyttölokiin, ja esihenkilö tarkastaa käytön.</translation>
    </message>
    <message>
        <source>Extortion contacts</source>
        <translation>Kiristysyhteydenotot</translation>
    </message>
    <message>
        <source>Police reports</source>
        <translation>Rikosilmoitukset</translation>
    </message>
    <message>
        <source>Support sessions</source>
        <translation>Tukikeskustelut</translation>
    </message>
    <message>
        <source>Protective actions ({done}/{all} done)</source>
        <translation>Suojaustoimet ({done}/{all} tehty)</translation>
    </message>
    <message>
        <source>Follow-ups ({open} open)</source>
        <translation>Seurannat ({open} avoinna)</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Seurannat</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Liitteet</translation>
    </message>
</context>
<context>
    <name>ClosureDialog</name>
    <message>
        <source>Request closure</source>
        <translation>Pyydä sulkemista</translation>
    </message>
    <message>
        <source>Close case</source>
        <translation>Sulje asia</translation>
    </message>
    <message>
        <source>&amp;Request closure</source>
        <translation>&amp;Pyydä sulkemista</translation>
    </message>
    <message>
        <source>&amp;Close case</source>
        <translation>&amp;Sulje asia</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Syy</translation>
    </message>
    <message>
        <source>A supervisor approves closing the case, or returns it to you. The case stays open until then.</source>
        <translation>Esihenkilö hyväksyy asian sulkemisen tai palauttaa asian sinulle. Asia pysyy avoimena siihen asti.</translation>
    </message>
    <message>
        <source>The case is closed now. It can be reopened later from Edit case.</source>
        <translation>Asia suljetaan nyt. Sen voi myöhemmin avata uudelleen kohdasta Muokkaa asiaa.</translation>
    </message>
</context>
<context>
    <name>CorrectionHistoryDialog</name>
    <message>
        <source>First names</source>
        <extracomment>Each corrected field&apos;s name on screen, as the victim&apos;s form calls it.</extracomment>
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
        <source>Country</source>
        <translation>Maa</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Kieli</translation>
    </message>
    <message>
        <source>May leave voicemail</source>
        <translation>Saa jättää vastaajaviestin</translation>
    </message>
    <message>
        <source>May send text messages</source>
        <translation>Saa lähettää tekstiviestejä</translation>
    </message>
    <message>
        <source>May send e-mail</source>
        <translation>Saa lähettää sähköpostia</translation>
    </message>
    <message>
        <source>May send post</source>
        <translation>Saa lähettää postia</translation>
    </message>
    <message>
        <source>Safe-contact note</source>
        <translation>Huomautus yhteydenotosta</translation>
    </message>
    <message>
        <source>Consent to processing given</source>
        <translation>Suostumus tietojen käsittelyyn annettu</translation>
    </message>
    <message>
        <source>Consent date</source>
        <translation>Suostumuksen päivämäärä</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Kyllä</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Ei</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>ei kirjattu</translation>
    </message>
    <message>
        <source>Identity codes changed before Suoja kept this history do not say who changed them.</source>
        <translation>Ennen kuin Suoja alkoi pitää tätä historiaa vaihdetuista henkilötunnuksista ei näy, kuka ne vaihtoi.</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>Huomautus: {note}</translation>
    </message>
    <message>
        <source>Correction history — {reference}</source>
        <translation>Korjaushistoria — {reference}</translation>
    </message>
    <message>
        <source>Every change to the victim&apos;s personal and contact details: when, by whom, before and after. Opening this list is written to the audit log.</source>
        <translation>Jokainen asiakkaan henkilö- ja yhteystietoihin tehty muutos: milloin, kuka, ennen ja jälkeen. Tämän luettelon avaaminen kirjataan käyttölokiin.</translation>
    </message>
    <message>
        <source>Corrections</source>
        <translation>Korjaukset</translation>
    </message>
    <message>
        <source>Nothing has been corrected: the victim&apos;s details are as first recorded.</source>
        <translation>Mitään ei ole korjattu: asiakkaan tiedot ovat sellaisina kuin ne ensin kirjattiin.</translation>
    </message>
    <message>
        <source>Reveal identity &amp;codes</source>
        <translation>Näytä &amp;henkilötunnukset</translation>
    </message>
    <message>
        <source>Shows the full codes for {seconds} seconds. Revealing is written to the audit log.</source>
        <translation>Näyttää kokonaiset tunnukset {seconds} sekunnin ajan. Näyttäminen kirjataan käyttölokiin.</translation>
    </message>
    <message>
        <source>Hide identity &amp;codes</source>
        <translation>Piilota &amp;henkilötunnukset</translation>
    </message>
    <message>
        <source>Identity codes hidden again in {seconds} s</source>
        <translation>Henkilötunnukset piilotetaan {seconds} s kuluttua</translation>
    </message>
</context>
<context>
    <name>DuplicatePage</name>
    <message>
        <source>Is this person already in Suoja?</source>
        <extracomment>The person is already a victim: open this case instead.</extracomment>
        <translation>Onko henkilö jo Suojassa?</translation>
    </message>
    <message>
        <source>Checked by identity code (also earlier ones), by name and date of birth, and by phone number.</source>
        <translation>Tarkistettu henkilötunnuksella (myös aiemmilla), nimellä ja syntymäajalla sekä puhelinnumerolla.</translation>
    </message>
    <message>
        <source>Existing victims who may be this person</source>
        <translation>Nykyiset asiakkaat, jotka voivat olla tämä henkilö</translation>
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
        <source>Identity code</source>
        <translation>Henkilötunnus</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Tila</translation>
    </message>
    <message>
        <source>Counsellor</source>
        <translation>Kriisityöntekijä</translation>
    </message>
    <message>
        <source>&amp;Open the existing case</source>
        <translation>&amp;Avaa olemassa oleva asia</translation>
    </message>
    <message>
        <source>This is a &amp;different person — create a new case anyway</source>
        <translation>Tämä on &amp;eri henkilö – luo uusi asia silti</translation>
    </message>
    <message>
        <source>Checked by identity code (also earlier ones) and by phone number in the cases you may open, and by name and date of birth.</source>
        <translation>Tarkistettu henkilötunnuksella (myös aiemmilla) ja puhelinnumerolla niistä asioista, jotka voit avata, sekä nimellä ja syntymäajalla.</translation>
    </message>
    <message>
        <source>An existing victim may be this person.</source>
        <translation>Nykyinen asiakas voi olla tämä henkilö.</translation>
    </message>
    <message>
        <source>{count} existing victims may be this person.</source>
        <translation>{count} nykyistä asiakasta voi olla tämä henkilö.</translation>
    </message>
    <message>
        <source>If it is the same person, open their case instead of creating a second one (Enter opens the selected one).</source>
        <translation>Jos kyse on samasta henkilöstä, avaa hänen asiansa äläkä luo toista (Enter avaa valitun).</translation>
    </message>
    <message>
        <source>No victim in the cases you may open has this identity code or phone number, and none has this name and date of birth. A client of another counsellor is found here only by name and date of birth, and only if their identity code is recorded. Press Enter to continue.</source>
        <translation>Millään asiakkaalla asioissa, jotka voit avata, ei ole tätä henkilötunnusta tai puhelinnumeroa, eikä kenelläkään ole tätä nimeä ja syntymäaikaa. Toisen kriisityöntekijän asiakas löytyy tästä vain nimellä ja syntymäajalla, ja vain jos hänen henkilötunnuksensa on kirjattu. Jatka painamalla Enter.</translation>
    </message>
    <message>
        <source>No existing victim has this identity code, this name and date of birth, or this phone number. Press Enter to continue.</source>
        <translation>Millään nykyisellä asiakkaalla ei ole tätä henkilötunnusta, tätä nimeä ja syntymäaikaa eikä tätä puhelinnumeroa. Jatka painamalla Enter.</translation>
    </message>
    <message>
        <source>unassigned</source>
        <translation>ei nimetty</translation>
    </message>
</context>
<context>
    <name>EraseDialog</name>
    <message>
        <source>The client asked for it</source>
        <extracomment>The reasons as a supervisor reads them (the audit keeps the code).</extracomment>
        <translation>Asiakas pyysi sitä</translation>
    </message>
    <message>
        <source>The retention period has passed</source>
        <translation>Säilytysaika on kulunut</translation>
    </message>
    <message>
        <source>It should never have been recorded</source>
        <translation>Tietoja ei olisi pitänyt kirjata lainkaan</translation>
    </message>
    <message>
        <source>Other reason</source>
        <translation>Muu syy</translation>
    </message>
    <message>
        <source>no reason given</source>
        <extracomment>(background, text, border, left edge) of the pending request&apos;s banner; on a dark or high-contrast desktop its own window colours (``header.banner_style``).</extracomment>
        <translation>syytä ei annettu</translation>
    </message>
    <message>
        <source>Erase personal data — {reference}</source>
        <translation>Poista henkilötiedot — {reference}</translation>
    </message>
    <message>
        <source>Erase the client&apos;s personal data in case &lt;b&gt;{reference}&lt;/b&gt;?</source>
        <translation>Poistetaanko asiakkaan henkilötiedot asiassa &lt;b&gt;{reference}&lt;/b&gt;?</translation>
    </message>
    <message>
        <source>Removed for good: the client&apos;s name, identity codes, contact details and safe-contact note, the extortion messages, support-session notes, follow-up and action notes, and every attached file. This cannot be undone.</source>
        <translation>Poistetaan pysyvästi: asiakkaan nimi, henkilötunnukset, yhteystiedot ja turvallisen yhteydenpidon huomautus, kiristysviestit, tukikeskustelujen muistiinpanot, seurantojen ja toimenpiteiden muistiinpanot sekä kaikki liitetiedostot. Poistoa ei voi perua.</translation>
    </message>
    <message>
        <source>Kept as anonymous statistics: the case reference, status and dates, the risk level, the counts and dates of contacts, reports, sessions and follow-ups, and the audit log, which records this erasure.</source>
        <translation>Nimettöminä tilastotietoina säilyvät: asiatunnus, tila ja päivämäärät, riskitaso, yhteydenottojen, ilmoitusten, tukikeskustelujen ja seurantojen määrät ja päivämäärät sekä käyttöloki, johon tämä poisto kirjataan.</translation>
    </message>
    <message>
        <source>Your organisation asks for a second supervisor&apos;s approval: the data is erased when another supervisor approves, within 7 days.</source>
        <translation>Organisaatiosi vaatii toisen esihenkilön hyväksynnän: tiedot poistetaan, kun toinen esihenkilö hyväksyy poiston 7 päivän kuluessa.</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Syy</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Valitse…</translation>
    </message>
    <message>
        <source>Case reference, typed to confirm</source>
        <translation>Asiatunnus vahvistukseksi kirjoitettuna</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Syy</translation>
    </message>
    <message>
        <source>&amp;Type the case reference to confirm</source>
        <translation>&amp;Vahvista kirjoittamalla asiatunnus</translation>
    </message>
    <message>
        <source>&amp;Ask for approval</source>
        <translation>&amp;Pyydä hyväksyntää</translation>
    </message>
    <message>
        <source>&amp;Erase</source>
        <translation>&amp;Poista</translation>
    </message>
    <message>
        <source>Erasing the personal data of {reference}…</source>
        <translation>Poistetaan asian {reference} henkilötietoja…</translation>
    </message>
    <message>
        <source>Not erased</source>
        <translation>Ei poistettu</translation>
    </message>
</context>
<context>
    <name>ExportCaseDialog</name>
    <message>
        <source>Export case {reference} as PDF</source>
        <translation>Vie asia {reference} PDF-tiedostoksi</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Vie…</translation>
    </message>
    <message>
        <source>Access copy…</source>
        <extracomment>A supervisor&apos;s way to the client&apos;s access copy (GDPR art. 15 and 20).</extracomment>
        <translation>Jäljennös henkilötiedoista…</translation>
    </message>
    <message>
        <source>Everything recorded about the client, for them: a PDF, the same data as JSON, and the evidence files</source>
        <translation>Kaikki asiakkaasta kirjattu hänelle itselleen: PDF, samat tiedot JSON-muodossa ja todistetiedostot</translation>
    </message>
    <message>
        <source>Your role does not allow exporting this case.</source>
        <translation>Roolisi ei salli tämän asian vientiä.</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>Tallenna PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-tiedostot (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ExtortionContactDialog</name>
    <message>
        <source>Copy the message exactly as the victim received it. The wallet address is checked as you type, so a mistyped character shows at once.</source>
        <translation>Kopioi viesti täsmälleen sellaisena kuin asiakas sen sai. Bitcoin-osoite tarkistetaan kirjoittaessasi, joten väärin kirjoitettu merkki huomataan heti.</translation>
    </message>
    <message>
        <source>Received at</source>
        <translation>Vastaanotettu</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanava</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Lähettäjä</translation>
    </message>
    <message>
        <source>e-mail address, phone number or name</source>
        <translation>sähköpostiosoite, puhelinnumero tai nimi</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Valuutta</translation>
    </message>
    <message>
        <source>Amount demanded</source>
        <translation>Vaadittu summa</translation>
    </message>
    <message>
        <source>Wallet address</source>
        <translation>Bitcoin-osoite</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Määräaika</translation>
    </message>
    <message>
        <source>Has a deadline</source>
        <translation>Määräaika annettu</translation>
    </message>
    <message>
        <source>Message, verbatim</source>
        <translation>Viesti sanatarkasti</translation>
    </message>
    <message>
        <source>The victim paid</source>
        <translation>Asiakas maksoi</translation>
    </message>
    <message>
        <source>Amount paid</source>
        <translation>Maksettu summa</translation>
    </message>
    <message>
        <source>Handed to the police</source>
        <translation>Annettu poliisille</translation>
    </message>
    <message>
        <source>cannot be before the message was received</source>
        <translation>ei voi olla ennen viestin vastaanottamista</translation>
    </message>
</context>
<context>
    <name>ExtortionContactSection</name>
    <message>
        <source>Received</source>
        <translation>Vastaanotettu</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanava</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Lähettäjä</translation>
    </message>
    <message>
        <source>Demanded</source>
        <translation>Vaadittu</translation>
    </message>
    <message>
        <source>Wallet</source>
        <translation>Bitcoin-osoite</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Määräaika</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Maksettu</translation>
    </message>
    <message>
        <source>Handed to police</source>
        <translation>Annettu poliisille</translation>
    </message>
    <message>
        <source>Message, verbatim</source>
        <translation>Viesti sanatarkasti</translation>
    </message>
    <message>
        <source>&amp;Message, verbatim:</source>
        <translation>&amp;Viesti sanatarkasti:</translation>
    </message>
    <message>
        <source>Evidence files of this contact</source>
        <translation>Tämän yhteydenoton todistetiedostot</translation>
    </message>
    <message>
        <source>Ev&amp;idence:</source>
        <translation>Todist&amp;eet:</translation>
    </message>
    <message>
        <source>Add evidence…</source>
        <translation>Lisää todisteita…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Avaa</translation>
    </message>
    <message>
        <source>Open the selected evidence file</source>
        <translation>Avaa valittu todistetiedosto</translation>
    </message>
    <message>
        <source>The selected extortion contact</source>
        <translation>Valittu kiristysyhteydenotto</translation>
    </message>
    <message>
        <source>No extortion messages recorded. Add each message the victim received, with the text copied exactly as it was written.</source>
        <translation>Kiristysviestejä ei ole kirjattu. Lisää jokainen asiakkaan saama viesti ja kopioi teksti täsmälleen sellaisena kuin se oli kirjoitettu.</translation>
    </message>
    <message>
        <source>(not known)</source>
        <translation>(ei tiedossa)</translation>
    </message>
    <message>
        <source>(no amount)</source>
        <translation>(ei summaa)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ei ole)</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>Due on</source>
        <translation>Määräpäivä</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Mitä tehdään</translation>
    </message>
    <message>
        <source>e.g. Call back about the police report</source>
        <translation>esim. Soita takaisin rikosilmoituksesta</translation>
    </message>
    <message>
        <source>Me</source>
        <translation>Minä</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Vastuuhenkilö</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Tehty</translation>
    </message>
</context>
<context>
    <name>FollowUpPage</name>
    <message>
        <source>Due date</source>
        <translation>Määräpäivä</translation>
    </message>
    <message>
        <source>cannot be in the past</source>
        <translation>ei voi olla menneisyydessä</translation>
    </message>
    <message>
        <source>First follow-up</source>
        <translation>Ensimmäinen seuranta</translation>
    </message>
    <message>
        <source>When should someone get back to this person? It appears in Follow-ups due on that day.</source>
        <translation>Milloin henkilöön otetaan uudelleen yhteyttä? Seuranta näkyy sinä päivänä erääntyvien seurantojen joukossa.</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Määräpäivä</translation>
    </message>
    <message>
        <source>What for</source>
        <translation>Aihe</translation>
    </message>
    <message>
        <source>Call back: how are they doing, next steps</source>
        <translation>Soita takaisin: vointi ja seuraavat askeleet</translation>
    </message>
</context>
<context>
    <name>FollowUpSection</name>
    <message>
        <source>&amp;Mark done</source>
        <translation>M&amp;erkitse tehdyksi</translation>
    </message>
    <message>
        <source>Mark the selected follow-up done</source>
        <translation>Merkitse valittu seuranta tehdyksi</translation>
    </message>
    <message>
        <source>No follow-ups planned.</source>
        <translation>Seurantoja ei ole suunniteltu.</translation>
    </message>
</context>
<context>
    <name>IdentityCodeDialog</name>
    <message>
        <source>Record a new personal identity code the victim has been granted. The previous code is kept in the history.</source>
        <translation>Kirjaa asiakkaalle myönnetty uusi henkilötunnus. Aiempi tunnus säilyy historiassa.</translation>
    </message>
    <message>
        <source>New identity code</source>
        <translation>Uusi henkilötunnus</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Huomautus</translation>
    </message>
    <message>
        <source>e.g. DVV decision of 3.5.2024</source>
        <translation>esim. DVV:n päätös 3.5.2024</translation>
    </message>
</context>
<context>
    <name>IdentityPage</name>
    <message>
        <source>Who is calling?</source>
        <translation>Kuka soittaa?</translation>
    </message>
    <message>
        <source>Names are required. A valid identity code fills in the date of birth. Ask before ticking a way of contacting the person.</source>
        <translation>Nimet ovat pakollisia. Kelvollinen henkilötunnus täyttää syntymäajan. Kysy henkilöltä ennen kuin valitset yhteydenottotavan.</translation>
    </message>
    <message>
        <source>First names</source>
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
        <source>e.g. 131052-308T (optional)</source>
        <translation>131052-308T (valinnainen)</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Syntymäaika</translation>
    </message>
    <message>
        <source>cannot be in the future</source>
        <translation>ei voi olla tulevaisuudessa</translation>
    </message>
    <message>
        <source>d.M.yyyy (optional)</source>
        <translation>p.k.vvvv (valinnainen)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Kieli</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Puhelin</translation>
    </message>
    <message>
        <source>e.g. 040 123 4567</source>
        <translation>esim. 040 123 4567</translation>
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
        <source>Leave a &amp;voicemail</source>
        <translation>Jättää &amp;vastaajaviestin</translation>
    </message>
    <message>
        <source>May leave voicemail</source>
        <translation>Saa jättää vastaajaviestin</translation>
    </message>
    <message>
        <source>Send te&amp;xt messages</source>
        <translation>Lähettää te&amp;kstiviestejä</translation>
    </message>
    <message>
        <source>May send text messages</source>
        <translation>Saa lähettää tekstiviestejä</translation>
    </message>
    <message>
        <source>Send e-&amp;mail</source>
        <translation>Lähettää sä&amp;hköpostia</translation>
    </message>
    <message>
        <source>May send e-mail</source>
        <translation>Saa lähettää sähköpostia</translation>
    </message>
    <message>
        <source>Send &amp;post</source>
        <translation>Lähettää &amp;postia</translation>
    </message>
    <message>
        <source>May send post</source>
        <translation>Saa lähettää postia</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Huomautus</translation>
    </message>
    <message>
        <source>e.g. call only on weekdays after 16</source>
        <translation>esim. soita vain arkisin klo 16 jälkeen</translation>
    </message>
    <message>
        <source>Consents to Suoja keeping their data (dated today)</source>
        <translation>Suostuu tietojensa säilyttämiseen Suojassa (päiväys tänään)</translation>
    </message>
    <message>
        <source>Consent to processing</source>
        <translation>Suostumus tietojen käsittelyyn</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Henkilötiedot</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Yhteystiedot</translation>
    </message>
    <message>
        <source>Safe contact — we may:</source>
        <translation>Turvallinen yhteydenotto – saamme:</translation>
    </message>
    <message>
        <source>no voicemail</source>
        <translation>ei vastaajaviestejä</translation>
    </message>
    <message>
        <source>no text messages</source>
        <translation>ei tekstiviestejä</translation>
    </message>
    <message>
        <source>no e-mail</source>
        <translation>ei sähköpostia</translation>
    </message>
    <message>
        <source>no post</source>
        <translation>ei postia</translation>
    </message>
    <message>
        <source>The case will show: {rules}.</source>
        <translation>Asiassa näytetään: {rules}.</translation>
    </message>
    <message>
        <source>Every way of contact is allowed.</source>
        <translation>Kaikki yhteydenottotavat ovat sallittuja.</translation>
    </message>
</context>
<context>
    <name>IntakeWizard</name>
    <message>
        <source>New intake — Suoja</source>
        <translation>Uusi asiakkuus – Suoja</translation>
    </message>
    <message>
        <source>&amp;Next  ›</source>
        <translation>&amp;Seuraava  ›</translation>
    </message>
    <message>
        <source>‹  &amp;Back</source>
        <translation>‹  &amp;Takaisin</translation>
    </message>
    <message>
        <source>&amp;Create case</source>
        <translation>&amp;Luo asia</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Peruuta</translation>
    </message>
    <message>
        <source>Who is calling</source>
        <translation>Kuka soittaa</translation>
    </message>
    <message>
        <source>Existing victims</source>
        <translation>Nykyiset asiakkaat</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Riski</translation>
    </message>
    <message>
        <source>First follow-up</source>
        <translation>Ensimmäinen seuranta</translation>
    </message>
    <message>
        <source>Create case (Enter or Ctrl+S) saves {name}, risk level {risk}, and this follow-up. The case opens afterwards.</source>
        <translation>Luo asia (Enter tai Ctrl+S) tallentaa henkilön {name} (riskitaso: {risk}) ja tämän seurannan. Asia avautuu sen jälkeen.</translation>
    </message>
    <message>
        <source>When following up: {rules}.</source>
        <translation>Seurannassa huomioitava: {rules}.</translation>
    </message>
    <message>
        <source>The case was not created</source>
        <translation>Asiaa ei luotu</translation>
    </message>
    <message>
        <source>Case {reference} was created, but not its follow-up</source>
        <translation>Asia {reference} luotiin, mutta sen seurantaa ei</translation>
    </message>
    <message>
        <source>Discard this intake?</source>
        <translation>Hylätäänkö uuden asiakkuuden tiedot?</translation>
    </message>
    <message>
        <source>Nothing has been saved yet. Discard what you typed?</source>
        <translation>Mitään ei ole vielä tallennettu. Hylätäänkö kirjoittamasi tiedot?</translation>
    </message>
</context>
<context>
    <name>PoliceReportDialog</name>
    <message>
        <source>Only the number on the victim&apos;s copy of the report counts — not the online service&apos;s confirmation e-mail.</source>
        <translation>Vain asiakkaan ilmoituskappaleessa oleva numero kelpaa – ei verkkopalvelun vahvistussähköpostin numero.</translation>
    </message>
    <message>
        <source>Report number</source>
        <translation>Rikosilmoituksen numero</translation>
    </message>
    <message>
        <source>Police department</source>
        <translation>Poliisilaitos</translation>
    </message>
    <message>
        <source>e.g. Helsinki Police Department</source>
        <translation>esim. Helsingin poliisilaitos</translation>
    </message>
    <message>
        <source>Filed on</source>
        <translation>Ilmoituspäivä</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Tila</translation>
    </message>
    <message>
        <source>The victim has their copy of the report</source>
        <translation>Asiakkaalla on oma kappale ilmoituksesta</translation>
    </message>
</context>
<context>
    <name>PoliceReportSection</name>
    <message>
        <source>No police report numbers recorded. Only the number on the victim&apos;s report copy counts (like 5500/R/12345/20), not the online service&apos;s confirmation e-mail.</source>
        <translation>Rikosilmoitusten numeroita ei ole kirjattu. Vain asiakkaan ilmoituskappaleessa oleva numero kelpaa (kuten 5500/R/12345/20), ei verkkopalvelun vahvistussähköpostin numero.</translation>
    </message>
</context>
<context>
    <name>ProtectiveActionDialog</name>
    <message>
        <source>State</source>
        <translation>Tila</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Päivämäärä</translation>
    </message>
    <message>
        <source>Known</source>
        <translation>Tiedossa</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Vanhenee</translation>
    </message>
    <message>
        <source>Left empty, the expiry is set {days} days after the date.</source>
        <translation>Jos kenttä jätetään tyhjäksi, voimassaolo päättyy {days} päivän kuluttua päivämäärästä.</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Huomautus</translation>
    </message>
    <message>
        <source>Grounds</source>
        <translation>Peruste</translation>
    </message>
    <message>
        <source>— not given —</source>
        <translation>– ei annettu –</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Todisteet</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Päätös</translation>
    </message>
    <message>
        <source>— none yet —</source>
        <translation>– ei vielä –</translation>
    </message>
    <message>
        <source>Decision date</source>
        <translation>Päätöspäivä</translation>
    </message>
    <message>
        <source>Expiry date</source>
        <translation>Vanhenemispäivä</translation>
    </message>
    <message>
        <source>cannot be before the date of the step</source>
        <translation>ei voi olla ennen vaiheen päivämäärää</translation>
    </message>
</context>
<context>
    <name>ProtectiveActionSection</name>
    <message>
        <source>&amp;Update step…</source>
        <translation>Päivitä &amp;vaihe…</translation>
    </message>
    <message>
        <source>&amp;Reset step…</source>
        <translation>N&amp;ollaa vaihe…</translation>
    </message>
    <message>
        <source>Reset the selected step to not started</source>
        <translation>Palauta valittu vaihe aloittamattomaksi</translation>
    </message>
    <message>
        <source>Grounds: {grounds}. Decision: {decision}.</source>
        <translation>Peruste: {grounds}. Päätös: {decision}.</translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>ei vielä</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>&amp;Save</source>
        <extracomment>The saved record (what the service returned). This dialog&apos;s kind in a :class:`~gui.shared.drafts.FormDraft`.</extracomment>
        <translation>&amp;Tallenna</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Tallenna (Ctrl+S)</translation>
    </message>
    <message>
        <source>That record no longer exists; it may have been removed.</source>
        <translation>Tätä tietoa ei enää ole; se on ehkä poistettu.</translation>
    </message>
    <message>
        <source>Edit victim</source>
        <translation>Muokkaa asiakasta</translation>
    </message>
    <message>
        <source>Edit case</source>
        <translation>Muokkaa asiaa</translation>
    </message>
    <message>
        <source>Change identity code</source>
        <translation>Vaihda henkilötunnus</translation>
    </message>
    <message>
        <source>Close case</source>
        <translation>Sulje asia</translation>
    </message>
    <message>
        <source>Request closure</source>
        <translation>Pyydä sulkemista</translation>
    </message>
    <message>
        <source>Add extortion contact</source>
        <translation>Lisää kiristysyhteydenotto</translation>
    </message>
    <message>
        <source>Edit extortion contact</source>
        <translation>Muokkaa kiristysyhteydenottoa</translation>
    </message>
    <message>
        <source>Add police report</source>
        <translation>Lisää rikosilmoitus</translation>
    </message>
    <message>
        <source>Edit police report</source>
        <translation>Muokkaa rikosilmoitusta</translation>
    </message>
    <message>
        <source>Add support session</source>
        <translation>Lisää tukikeskustelu</translation>
    </message>
    <message>
        <source>Edit support session</source>
        <translation>Muokkaa tukikeskustelua</translation>
    </message>
    <message>
        <source>Record protective action</source>
        <translation>Kirjaa suojaustoimi</translation>
    </message>
    <message>
        <source>Update protective action</source>
        <translation>Päivitä suojaustoimi</translation>
    </message>
    <message>
        <source>Plan follow-up</source>
        <translation>Suunnittele seuranta</translation>
    </message>
    <message>
        <source>Edit follow-up</source>
        <translation>Muokkaa seurantaa</translation>
    </message>
</context>
<context>
    <name>RecordSection</name>
    <message>
        <source>&amp;Add…</source>
        <extracomment>The current record changed (or ``None``).</extracomment>
        <translation>&amp;Lisää…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Muokkaa…</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>P&amp;oista…</translation>
    </message>
    <message>
        <source>Add extortion contact</source>
        <translation>Lisää kiristysyhteydenotto</translation>
    </message>
    <message>
        <source>Edit the selected extortion contact</source>
        <translation>Muokkaa valittua kiristysyhteydenottoa</translation>
    </message>
    <message>
        <source>Remove the selected extortion contact</source>
        <translation>Poista valittu kiristysyhteydenotto</translation>
    </message>
    <message>
        <source>Add police report</source>
        <translation>Lisää rikosilmoitus</translation>
    </message>
    <message>
        <source>Edit the selected police report</source>
        <translation>Muokkaa valittua rikosilmoitusta</translation>
    </message>
    <message>
        <source>Remove the selected police report</source>
        <translation>Poista valittu rikosilmoitus</translation>
    </message>
    <message>
        <source>Add support session</source>
        <translation>Lisää tukikeskustelu</translation>
    </message>
    <message>
        <source>Edit the selected support session</source>
        <translation>Muokkaa valittua tukikeskustelua</translation>
    </message>
    <message>
        <source>Remove the selected support session</source>
        <translation>Poista valittu tukikeskustelu</translation>
    </message>
    <message>
        <source>Add protective action</source>
        <translation>Lisää suojaustoimi</translation>
    </message>
    <message>
        <source>Edit the selected protective action</source>
        <translation>Muokkaa valittua suojaustoimea</translation>
    </message>
    <message>
        <source>Remove the selected protective action</source>
        <translation>Poista valittu suojaustoimi</translation>
    </message>
    <message>
        <source>Add follow-up</source>
        <translation>Lisää seuranta</translation>
    </message>
    <message>
        <source>Edit the selected follow-up</source>
        <translation>Muokkaa valittua seurantaa</translation>
    </message>
    <message>
        <source>Remove the selected follow-up</source>
        <translation>Poista valittu seuranta</translation>
    </message>
    <message>
        <source>Extortion contacts</source>
        <extracomment>Calm colours for text that needs attention. Each kind&apos;s table&apos;s accessible name (the records it lists) and its buttons&apos; accessible names, whole sentences so that each language can inflect the noun.</extracomment>
        <translation>Kiristysyhteydenotot</translation>
    </message>
    <message>
        <source>Police reports</source>
        <translation>Rikosilmoitukset</translation>
    </message>
    <message>
        <source>Support sessions</source>
        <translation>Tukikeskustelut</translation>
    </message>
    <message>
        <source>Protective actions</source>
        <translation>Suojaustoimet</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Seurannat</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Liitteet</translation>
    </message>
    <message>
        <source>Add attachment</source>
        <translation>Lisää liite</translation>
    </message>
    <message>
        <source>Edit the selected attachment</source>
        <translation>Muokkaa valittua liitettä</translation>
    </message>
    <message>
        <source>Remove the selected attachment</source>
        <translation>Poista valittu liite</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Poista</translation>
    </message>
    <message>
        <source>Nothing recorded yet.</source>
        <translation>Ei vielä kirjauksia.</translation>
    </message>
</context>
<context>
    <name>RiskPage</name>
    <message>
        <source>Risk assessment</source>
        <translation>Riskin arviointi</translation>
    </message>
    <message>
        <source>Acute: in danger now or thinking of self-harm. High: distressed, threatened or a deadline today. A reason is required for acute and high.</source>
        <translation>Akuutti: vaarassa nyt tai ajattelee vahingoittaa itseään. Korkea: hädissään, uhattu tai määräaika tänään. Akuutille ja korkealle riskille tarvitaan peruste.</translation>
    </message>
    <message>
        <source>Risk level</source>
        <translation>Riskitaso</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Peruste</translation>
    </message>
    <message>
        <source>e.g. received a second demand with a 24-hour deadline</source>
        <translation>esim. sai toisen vaatimuksen, jossa 24 tunnin määräaika</translation>
    </message>
    <message>
        <source>Intake note</source>
        <translation>Ensikontaktin muistiinpano</translation>
    </message>
    <message>
        <source>What was learnt at first contact</source>
        <translation>Mitä ensikontaktissa saatiin selville</translation>
    </message>
    <message>
        <source>Counsellor</source>
        <translation>Kriisityöntekijä</translation>
    </message>
    <message>
        <source>Breaches this person was hit by</source>
        <translation>Tietomurrot, jotka koskevat henkilöä</translation>
    </message>
    <message>
        <source>Breaches this person was hit by (Space ticks):</source>
        <translation>Tietomurrot, jotka koskevat henkilöä (valitse välilyönnillä):</translation>
    </message>
    <message>
        <source>Me ({name})</source>
        <translation>Minä ({name})</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Ei kriisityöntekijää</translation>
    </message>
</context>
<context>
    <name>SupportSessionDialog</name>
    <message>
        <source>Started at</source>
        <translation>Alkamisaika</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Kesto</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Keskustelumuoto</translation>
    </message>
    <message>
        <source>Distress level (0–10)</source>
        <translation>Ahdistuksen taso (0–10)</translation>
    </message>
    <message>
        <source>Not assessed</source>
        <translation>Ei arvioitu</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Lopputulos</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Jatko-ohjaus</translation>
    </message>
    <message>
        <source>Next follow-up</source>
        <translation>Seuraava seuranta</translation>
    </message>
    <message>
        <source>Plan a follow-up on</source>
        <translation>Suunnittele seuranta</translation>
    </message>
    <message>
        <source>Adds a follow-up to this case&apos;s Follow-ups, assigned to you; it shows in Follow-ups due on that day.</source>
        <translation>Lisää asian seurantoihin seurannan, jonka vastuuhenkilö olet sinä; se näkyy kyseisenä päivänä erääntyvien seurantojen joukossa.</translation>
    </message>
    <message>
        <source>Follow-up task</source>
        <translation>Seurantatehtävä</translation>
    </message>
    <message>
        <source>e.g. Call back about the police report</source>
        <translation>esim. Soita takaisin rikosilmoituksesta</translation>
    </message>
    <message>
        <source>Confidential notes</source>
        <translation>Luottamukselliset muistiinpanot</translation>
    </message>
</context>
<context>
    <name>SupportSessionSection</name>
    <message>
        <source>Confidential notes of the selected session</source>
        <translation>Valitun keskustelun luottamukselliset muistiinpanot</translation>
    </message>
    <message>
        <source>Confidential &amp;notes:</source>
        <translation>Luottamukselliset m&amp;uistiinpanot:</translation>
    </message>
    <message>
        <source>No support sessions recorded yet.</source>
        <translation>Tukikeskusteluja ei ole vielä kirjattu.</translation>
    </message>
    <message>
        <source>Outcome: {outcome}</source>
        <translation>Lopputulos: {outcome}</translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation>(ei kirjattu)</translation>
    </message>
</context>
<context>
    <name>TimelineSection</name>
    <message>
        <source>Timeline</source>
        <extracomment>(kind, record id) of the entry the user activated.</extracomment>
        <translation>Aikajana</translation>
    </message>
    <message>
        <source>Newest first. Double-click a line (or press Enter) to open it in its own tab.</source>
        <translation>Uusin ensin. Avaa rivi omalle välilehdelleen kaksoisnapsauttamalla (tai Enterillä).</translation>
    </message>
</context>
<context>
    <name>VictimDialog</name>
    <message>
        <source>First names</source>
        <translation>Etunimet</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Sukunimi</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Syntymäaika</translation>
    </message>
    <message>
        <source>Known</source>
        <translation>Tiedossa</translation>
    </message>
    <message>
        <source>Comes from the identity code; change the code to change it.</source>
        <translation>Saadaan henkilötunnuksesta; sitä voi muuttaa vain vaihtamalla tunnuksen.</translation>
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
        <source>Country</source>
        <translation>Maa</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Kieli</translation>
    </message>
    <message>
        <source>&lt;b&gt;Safe contact&lt;/b&gt; — what may we do without putting the victim at risk?</source>
        <translation>&lt;b&gt;Turvallinen yhteydenotto&lt;/b&gt; – mitä saamme tehdä asiakasta vaarantamatta?</translation>
    </message>
    <message>
        <source>May leave voicemail</source>
        <translation>Saa jättää vastaajaviestin</translation>
    </message>
    <message>
        <source>May send text messages</source>
        <translation>Saa lähettää tekstiviestejä</translation>
    </message>
    <message>
        <source>May send e-mail</source>
        <translation>Saa lähettää sähköpostia</translation>
    </message>
    <message>
        <source>May send post</source>
        <translation>Saa lähettää postia</translation>
    </message>
    <message>
        <source>Safe-contact note</source>
        <translation>Huomautus yhteydenotosta</translation>
    </message>
    <message>
        <source>Consent to processing given</source>
        <translation>Suostumus tietojen käsittelyyn annettu</translation>
    </message>
    <message>
        <source>Consent date</source>
        <translation>Suostumuksen päivämäärä</translation>
    </message>
    <message>
        <source>must be a two-letter country code such as FI</source>
        <translation>on oltava kaksikirjaiminen maatunnus, kuten FI</translation>
    </message>
</context>
<context>
    <name>_Options</name>
    <message>
        <source>Police — no support-session notes</source>
        <translation>Poliisi – ilman tukikeskustelujen muistiinpanoja</translation>
    </message>
    <message>
        <source>Care handover — with session notes</source>
        <translation>Hoidon siirto – keskustelumuistiinpanojen kanssa</translation>
    </message>
    <message>
        <source>Letter to the client — in their language</source>
        <translation>Kirje asiakkaalle – hänen kielellään</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profiili</translation>
    </message>
    <message>
        <source>Language of the letter</source>
        <translation>Kirjeen kieli</translation>
    </message>
    <message>
        <source>The client&apos;s own</source>
        <translation>Asiakkaan oma kieli</translation>
    </message>
    <message>
        <source>Show full identity codes (written to the audit log)</source>
        <translation>Näytä henkilötunnukset kokonaan (kirjataan käyttölokiin)</translation>
    </message>
    <message>
        <source>Protect the PDF with a password (AES-256)</source>
        <translation>Suojaa PDF salasanalla (AES-256)</translation>
    </message>
    <message>
        <source>PDF password</source>
        <translation>PDF-tiedoston salasana</translation>
    </message>
    <message>
        <source>at least {n} characters</source>
        <translation>vähintään {n} merkkiä</translation>
    </message>
    <message>
        <source>Give the password to the reader by another channel, e.g. a phone call.</source>
        <translation>Anna salasana lukijalle muuta kautta, esim. puhelimessa.</translation>
    </message>
    <message>
        <source>&amp;Profile</source>
        <translation>&amp;Profiili</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Kieli</translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation>&amp;Salasana</translation>
    </message>
</context>
<context>
    <name>columns</name>
    <message>
        <source>File name</source>
        <translation>Tiedostonimi</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tyyppi</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Koko</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Lisätty</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Vastaanotettu</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanava</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>Lähettäjä</translation>
    </message>
    <message>
        <source>Demanded</source>
        <translation>Vaadittu</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Määräaika</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Maksettu</translation>
    </message>
    <message>
        <source>Police</source>
        <translation>Poliisille</translation>
    </message>
    <message>
        <source>Done</source>
        <extracomment>Asks to mark (True) or unmark (False) a follow-up done; the host saves it.</extracomment>
        <translation>Tehty</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Määräpäivä</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Vastuuhenkilö</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Valmistui</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Kuvaus</translation>
    </message>
    <message>
        <source>Protective action</source>
        <translation>Suojaustoimi</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Tila</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Päivämäärä</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Vanhenee</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Huomautus</translation>
    </message>
    <message>
        <source>Report number</source>
        <translation>Ilmoituksen numero</translation>
    </message>
    <message>
        <source>Police department</source>
        <translation>Poliisilaitos</translation>
    </message>
    <message>
        <source>Filed on</source>
        <translation>Ilmoituspäivä</translation>
    </message>
    <message>
        <source>Victim has a copy</source>
        <translation>Asiakkaalla kappale</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Alkoi</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minuutit</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Muoto</translation>
    </message>
    <message>
        <source>Counsellor</source>
        <translation>Kriisityöntekijä</translation>
    </message>
    <message>
        <source>Distress</source>
        <translation>Ahdistus</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Jatko-ohjaus</translation>
    </message>
    <message>
        <source>Next follow-up</source>
        <translation>Seuraava seuranta</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Lopputulos</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Milloin</translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation>Muokkaaja</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Tieto</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Ennen</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Jälkeen</translation>
    </message>
</context>
<context>
    <name>safe_contact</name>
    <message>
        <source>Do not leave voicemail</source>
        <extracomment>How long a revealed identity code stays on screen. (background, text, border) of the risk chip: calm, but unmistakable. (background, text, border, left edge) of the banners under the header. The break-the-glass banner&apos;s, as above. The red of &quot;no consent recorded&quot; in the contact line. The rules ``VictimData.safe_contact_warnings()`` returns, marked for translation.</extracomment>
        <translation>Älä jätä vastaajaviestiä</translation>
    </message>
    <message>
        <source>Do not send text messages</source>
        <translation>Älä lähetä tekstiviestejä</translation>
    </message>
    <message>
        <source>Do not e-mail</source>
        <translation>Älä lähetä sähköpostia</translation>
    </message>
    <message>
        <source>Do not send post</source>
        <translation>Älä lähetä postia</translation>
    </message>
</context>
<context>
    <name>sections</name>
    <message>
        <source>Not paid</source>
        <translation>Ei maksettu</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Maksettu</translation>
    </message>
    <message>
        <source>Paid {amount}</source>
        <translation>Maksettu {amount}</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Myöhässä</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>Määräpäivä tänään</translation>
    </message>
    <message>
        <source>Expired: renew it or record that it is no longer needed</source>
        <translation>Vanhentunut: uusi se tai kirjaa, ettei sitä enää tarvita</translation>
    </message>
    <message>
        <source>Expires within {days} days</source>
        <translation>Vanhenee {days} päivän kuluessa</translation>
    </message>
</context>
<context>
    <name>timeline</name>
    <message>
        <source>Case</source>
        <extracomment>(kind, record id) of the entry, to jump to it in its tab. The entry&apos;s moment as an aware datetime (a date-only entry: local midnight).</extracomment>
        <translation>Asia</translation>
    </message>
    <message>
        <source>Extortion contact</source>
        <translation>Kiristysyhteydenotto</translation>
    </message>
    <message>
        <source>Police report</source>
        <translation>Rikosilmoitus</translation>
    </message>
    <message>
        <source>Support session</source>
        <translation>Tukikeskustelu</translation>
    </message>
    <message>
        <source>Protective action</source>
        <translation>Suojaustoimi</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Seuranta</translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation>Liite</translation>
    </message>
    <message>
        <source>Case {reference} opened</source>
        <translation>Asia {reference} avattu</translation>
    </message>
    <message>
        <source>from {sender}</source>
        <translation>lähettäjältä {sender}</translation>
    </message>
    <message>
        <source>demands {amount}</source>
        <translation>vaatii {amount}</translation>
    </message>
    <message>
        <source>paid</source>
        <translation>maksettu</translation>
    </message>
    <message>
        <source>{mode}, {minutes} min</source>
        <translation>{mode}, {minutes} min</translation>
    </message>
    <message>
        <source>referred: {referral}</source>
        <translation>ohjattu: {referral}</translation>
    </message>
    <message>
        <source>expires {date}</source>
        <translation>vanhenee {date}</translation>
    </message>
    <message>
        <source>done</source>
        <translation>tehty</translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>myöhässä</translation>
    </message>
    <message>
        <source>open</source>
        <translation>avoin</translation>
    </message>
    <message>
        <source>Closure requested: {reason}</source>
        <translation>Sulkemista pyydetty: {reason}</translation>
    </message>
    <message>
        <source>Case closed: {reason}</source>
        <translation>Asia suljettu: {reason}</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Aika</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Tyyppi</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Tiedot</translation>
    </message>
</context>
</TS>
