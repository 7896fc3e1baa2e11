<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fi_FI">
<context>
    <name>LoginDialog</name>
    <message>
        <source>Suoja — database server password</source>
        <extracomment>A demo account as the sign-in lists it: (username, role value[, display name]). Demo accounts listed without scrolling; more than that (a big seeded demo) scroll.</extracomment>
        <translation>Suoja — tietokantapalvelimen salasana</translation>
    </message>
    <message>
        <source>{problem}

Password for the database server ({where}); it is used for this session only and not saved:</source>
        <translation>{problem}

Tietokantapalvelimen ({where}) salasana; sitä käytetään vain tämän istunnon ajan, eikä sitä tallenneta:</translation>
    </message>
    <message>
        <source>Suoja — the database is damaged</source>
        <translation>Suoja — tietokanta on vioittunut</translation>
    </message>
    <message>
        <source>{problem}

Restore the latest automatic backup ({backup})?

It is checked and restored into a new file, {target}, and opened from there. The damaged file is kept unchanged; changes made after the backup are not in it.</source>
        <translation>{problem}

Palautetaanko uusin automaattinen varmuuskopio ({backup})?

Se tarkistetaan ja palautetaan uuteen tiedostoon {target}, joka avataan. Vioittunut tiedosto säilyy ennallaan; varmuuskopion jälkeen tehdyt muutokset eivät ole palautetussa tiedostossa.</translation>
    </message>
    <message>
        <source>Suoja — {organisation} — sign in</source>
        <extracomment>Where a backup was restored to and opened from, when the database was damaged. The demo accounts&apos; table (demo mode only).</extracomment>
        <translation>Suoja — {organisation} — kirjaudu sisään</translation>
    </message>
    <message>
        <source>Suoja — sign in</source>
        <translation>Suoja — kirjaudu sisään</translation>
    </message>
    <message>
        <source>Suoja</source>
        <translation>Suoja</translation>
    </message>
    <message>
        <source>Case management for breach victims</source>
        <translation>Tietomurron uhrien asioiden hallinta</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Käyttäjätunnus</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Salasana</translation>
    </message>
    <message>
        <source>Server password</source>
        <translation>Palvelimen salasana</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>&amp;Käyttäjätunnus</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Salasana</translation>
    </message>
    <message>
        <source>Ser&amp;ver password</source>
        <translation>&amp;Palvelimen salasana</translation>
    </message>
    <message>
        <source>Database server: {where}</source>
        <translation>Tietokantapalvelin: {where}</translation>
    </message>
    <message>
        <source>Database: {where}</source>
        <translation>Tietokanta: {where}</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Kirjaudu sisään</translation>
    </message>
    <message>
        <source>Demo accounts (synthetic data only)</source>
        <translation>Demotunnukset (vain synteettisiä tietoja)</translation>
    </message>
    <message>
        <source>Password for every demo account: &lt;b&gt;{password}&lt;/b&gt;. Choose an account to fill it in, or double-click it to sign in.</source>
        <translation>Kaikkien demotunnusten salasana: &lt;b&gt;{password}&lt;/b&gt;. Valitse tunnus, niin tiedot täytetään, tai kirjaudu sisään kaksoisnapsauttamalla sitä.</translation>
    </message>
    <message>
        <source>Demo accounts</source>
        <translation>Demotunnukset</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rooli</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nimi</translation>
    </message>
    <message>
        <source>Enter your username and password.</source>
        <translation>Anna käyttäjätunnus ja salasana.</translation>
    </message>
    <message>
        <source>Enter the database server&apos;s password.</source>
        <translation>Anna tietokantapalvelimen salasana.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Kirjaudutaan sisään…</translation>
    </message>
    <message>
        <source>{problem} Enter it below; it is not saved.</source>
        <translation>{problem} Anna se alla; sitä ei tallenneta.</translation>
    </message>
    <message>
        <source>The backup could not be restored: {reason}</source>
        <translation>Varmuuskopiota ei voitu palauttaa: {reason}</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>Set up Suoja</source>
        <translation>Suojan käyttöönotto</translation>
    </message>
    <message>
        <source>Welcome to Suoja</source>
        <translation>Tervetuloa Suojaan</translation>
    </message>
    <message>
        <source>There is no Suoja database here yet. This creates one, encrypted, and your supervisor account. You can add counsellors and other staff afterwards.</source>
        <translation>Täällä ei ole vielä Suojan tietokantaa. Tämä luo salatun tietokannan ja sinulle esihenkilön käyttäjätunnuksen. Kriisityöntekijät ja muun henkilöstön voit lisätä myöhemmin.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Kieli</translation>
    </message>
    <message>
        <source>The language Suoja speaks to you, from the moment the database is created; you can change it later under Lock ▸ Language…</source>
        <translation>Kieli, jolla Suoja asioi kanssasi heti tietokannan luomisesta lähtien. Voit vaihtaa sen myöhemmin kohdasta Lukitse ▸ Kieli…</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Käyttäjätunnus</translation>
    </message>
    <message>
        <source>e.g. maria</source>
        <translation>esim. maria</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Nimesi</translation>
    </message>
    <message>
        <source>as colleagues see it, e.g. Maria Virtanen</source>
        <translation>kuten kollegat sen näkevät, esim. Maria Virtanen</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Salasana</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>Salasana uudelleen</translation>
    </message>
    <message>
        <source>At least 12 characters; several unrelated words work well. Your password opens the encrypted database: nobody can look it up for you later.</source>
        <translation>Vähintään 12 merkkiä; useampi toisiinsa liittymätön sana toimii hyvin. Salasanasi avaa salatun tietokannan: kukaan ei voi selvittää sitä sinulle myöhemmin.</translation>
    </message>
    <message>
        <source>Creating the encrypted database…</source>
        <translation>Luodaan salattua tietokantaa…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Peruuta</translation>
    </message>
    <message>
        <source>&amp;Create database</source>
        <translation>&amp;Luo tietokanta</translation>
    </message>
    <message>
        <source>Where should the database be?</source>
        <translation>Mihin tietokanta tallennetaan?</translation>
    </message>
    <message>
        <source>On this compu&amp;ter (encrypted file)</source>
        <translation>&amp;Tälle tietokoneelle (salattu tiedosto)</translation>
    </message>
    <message>
        <source>On a PostgreSQL &amp;server</source>
        <translation>PostgreSQL-&amp;palvelimelle</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Vaihda…</translation>
    </message>
    <message>
        <source>Server URL</source>
        <translation>Palvelimen URL-osoite</translation>
    </message>
    <message>
        <source>Server password</source>
        <translation>Palvelimen salasana</translation>
    </message>
    <message>
        <source>Server &amp;URL *</source>
        <translation>Palvelimen &amp;URL-osoite *</translation>
    </message>
    <message>
        <source>Server pass&amp;word</source>
        <translation>Palvelimen &amp;salasana</translation>
    </message>
    <message>
        <source>An empty database your server administrator created for Suoja. No password in the URL: the server&apos;s password comes from your libpq password file (~/.pgpass) or service file, or you are asked for it; it is never saved. TLS options in the URL, such as sslmode=verify-full, are used as given.</source>
        <translation>Tyhjä tietokanta, jonka palvelimen ylläpitäjä on luonut Suojaa varten. Älä kirjoita salasanaa URL-osoitteeseen: palvelimen salasana luetaan libpq-salasanatiedostostasi (~/.pgpass) tai palvelutiedostosta, tai sitä kysytään sinulta; sitä ei koskaan tallenneta. URL-osoitteen TLS-asetuksia, kuten sslmode=verify-full, käytetään sellaisinaan.</translation>
    </message>
    <message>
        <source>Not available: start Suoja with --db PATH.</source>
        <extracomment>Whether the *Server password* row is shown (the server asked for one).</extracomment>
        <translation>Ei käytettävissä: käynnistä Suoja valitsimella --db PATH.</translation>
    </message>
    <message>
        <source>The database will be created at:
{path}</source>
        <translation>Tietokanta luodaan tänne:
{path}</translation>
    </message>
    <message>
        <source>Suoja database (*.db)</source>
        <translation>Suoja-tietokanta (*.db)</translation>
    </message>
    <message>
        <source>does not match the first one</source>
        <translation>ei vastaa ensimmäistä</translation>
    </message>
    <message>
        <source>{problem} Enter it above; it is not saved.</source>
        <translation>{problem} Anna se yllä; sitä ei tallenneta.</translation>
    </message>
    <message>
        <source>The database could not be created because of an internal error ({kind}).</source>
        <translation>Tietokantaa ei voitu luoda sisäisen virheen vuoksi ({kind}).</translation>
    </message>
    <message>
        <source>Store the recovery code</source>
        <translation>Ota palautuskoodi talteen</translation>
    </message>
    <message>
        <source>This code opens the database if every supervisor password is lost. &lt;b&gt;It is shown only now.&lt;/b&gt; Write it on paper and keep it locked away, not on this computer. Anyone who has it can read every case.</source>
        <translation>Tällä koodilla tietokannan saa auki, jos kaikkien esihenkilöiden salasanat ovat kadonneet. &lt;b&gt;Koodi näytetään vain nyt.&lt;/b&gt; Kirjoita se paperille ja säilytä lukitussa paikassa, ei tällä tietokoneella. Kuka tahansa, jolla koodi on, voi lukea kaikki asiat.</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>Palautuskoodi</translation>
    </message>
    <message>
        <source>When typing it in later, dashes, spaces and upper or lower case do not matter.</source>
        <translation>Kun kirjoitat koodin myöhemmin, väliviivoilla, välilyönneillä ja isoilla tai pienillä kirjaimilla ei ole merkitystä.</translation>
    </message>
    <message>
        <source>I have &amp;stored the recovery code safely</source>
        <translation>&amp;Olen ottanut palautuskoodin turvallisesti talteen</translation>
    </message>
    <message>
        <source>Continue to Suoja</source>
        <translation>Jatka Suojaan</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Suoja</source>
        <translation>Suoja</translation>
    </message>
    <message>
        <source>Suoja — database upgraded</source>
        <translation>Suoja — tietokanta päivitetty</translation>
    </message>
    <message>
        <source>The database server ({server}) could not be opened ({kind}); check the database URL and its options.</source>
        <translation>Tietokantapalvelinta ({server}) ei voitu avata ({kind}); tarkista tietokannan URL-osoite ja sen asetukset.</translation>
    </message>
    <message>
        <source>Preparing the demo database with synthetic data…</source>
        <translation>Valmistellaan demotietokantaa synteettisillä tiedoilla…</translation>
    </message>
    <message>
        <source>Suoja — demo</source>
        <translation>Suoja — demo</translation>
    </message>
</context>
<context>
    <name>crash</name>
    <message>
        <source>Suoja hit an internal error ({kind}). Your saved work is safe; the step you were doing was not completed. Please tell your administrator.</source>
        <translation>Suojassa tapahtui sisäinen virhe ({kind}). Tallennetut tiedot ovat tallessa, mutta kesken ollut toiminto jäi tekemättä. Ilmoita asiasta pääkäyttäjälle.</translation>
    </message>
    <message>
        <source>Suoja</source>
        <translation>Suoja</translation>
    </message>
</context>
<context>
    <name>installation</name>
    <message>
        <source>Desktop platform plugin</source>
        <translation>Työpöydän alustaliitännäinen</translation>
    </message>
    <message>
        <source>{name} is missing</source>
        <translation>{name} puuttuu</translation>
    </message>
    <message>
        <source>Icons (SVG)</source>
        <translation>Kuvakkeet (SVG)</translation>
    </message>
    <message>
        <source>Qt&apos;s SVG image plugin is missing</source>
        <translation>Qt:n SVG-kuvaliitännäinen puuttuu</translation>
    </message>
    <message>
        <source>no icons in {folder}</source>
        <translation>kansiossa {folder} ei ole kuvakkeita</translation>
    </message>
    <message>
        <source>Finnish and Swedish windows</source>
        <translation>Suomen- ja ruotsinkieliset ikkunat</translation>
    </message>
    <message>
        <source>missing: {names}</source>
        <translation>puuttuu: {names}</translation>
    </message>
    <message>
        <source>Style sheet</source>
        <translation>Tyylitiedosto</translation>
    </message>
</context>
<context>
    <name>qt_platform</name>
    <message>
        <source>Suoja cannot open its window: there is no display to show it on (DISPLAY is not set, or the display refused the connection).</source>
        <extracomment>What Qt&apos;s X11 (&quot;xcb&quot;) plugin needs beyond the libraries README.md lists for Qt itself (Debian and Ubuntu names). Qt&apos;s own message names only the first. Exit code when no window can be opened (&quot;anything else&quot; in the command-line contract).</extracomment>
        <translation>Suoja ei voi avata ikkunaansa: näyttöä, jolla sen voisi näyttää, ei ole (DISPLAY-muuttujaa ei ole asetettu, tai näyttö torjui yhteyden).</translation>
    </message>
    <message>
        <source>Suoja cannot open its window because Qt&apos;s X11 (xcb) platform plugin did not load; install the libraries it needs (Debian and Ubuntu: apt-get install {packages}; README.md lists the rest).</source>
        <translation>Suoja ei voi avata ikkunaansa, koska Qt:n X11 (xcb) -alustaliitännäinen ei latautunut; asenna sen tarvitsemat kirjastot (Debian ja Ubuntu: apt-get install {packages}; loput on lueteltu README.md:ssä).</translation>
    </message>
    <message>
        <source>Suoja cannot open its window because Qt&apos;s &quot;{plugin}&quot; platform plugin did not start; check QT_QPA_PLATFORM and the Qt libraries README.md lists.</source>
        <translation>Suoja ei voi avata ikkunaansa, koska Qt:n alustaliitännäinen ”{plugin}” ei käynnistynyt; tarkista QT_QPA_PLATFORM ja README.md:ssä luetellut Qt-kirjastot.</translation>
    </message>
</context>
</TS>
