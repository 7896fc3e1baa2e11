<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
<context>
    <name>LoginDialog</name>
    <message>
        <source>Suoja — database server password</source>
        <extracomment>A demo account as the sign-in lists it: (username, role value[, display name]). Demo accounts listed without scrolling; more than that (a big seeded demo) scroll.</extracomment>
        <translation>Suoja — databasserverns lösenord</translation>
    </message>
    <message>
        <source>{problem}

Password for the database server ({where}); it is used for this session only and not saved:</source>
        <translation>{problem}

Lösenord till databasservern ({where}); det används bara under den här sessionen och sparas inte:</translation>
    </message>
    <message>
        <source>Suoja — the database is damaged</source>
        <translation>Suoja — databasen är skadad</translation>
    </message>
    <message>
        <source>{problem}

Restore the latest automatic backup ({backup})?

It is checked and restored into a new file, {target}, and opened from there. The damaged file is kept unchanged; changes made after the backup are not in it.</source>
        <translation>{problem}

Vill du återställa den senaste automatiska säkerhetskopian ({backup})?

Den kontrolleras och återställs till en ny fil, {target}, som sedan öppnas. Den skadade filen lämnas oförändrad; ändringar som gjorts efter säkerhetskopian finns inte med i den.</translation>
    </message>
    <message>
        <source>Suoja — {organisation} — sign in</source>
        <extracomment>Where a backup was restored to and opened from, when the database was damaged. The demo accounts&apos; table (demo mode only).</extracomment>
        <translation>Suoja — {organisation} — logga in</translation>
    </message>
    <message>
        <source>Suoja — sign in</source>
        <translation>Suoja — logga in</translation>
    </message>
    <message>
        <source>Suoja</source>
        <translation>Suoja</translation>
    </message>
    <message>
        <source>Case management for breach victims</source>
        <translation>Ärendehantering för dem som drabbats av dataintrång</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Användarnamn</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Lösenord</translation>
    </message>
    <message>
        <source>Server password</source>
        <translation>Serverns lösenord</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>&amp;Användarnamn</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Lösenord</translation>
    </message>
    <message>
        <source>Ser&amp;ver password</source>
        <translation>&amp;Serverns lösenord</translation>
    </message>
    <message>
        <source>Database server: {where}</source>
        <translation>Databasserver: {where}</translation>
    </message>
    <message>
        <source>Database: {where}</source>
        <translation>Databas: {where}</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Logga in</translation>
    </message>
    <message>
        <source>Demo accounts (synthetic data only)</source>
        <translation>Demokonton (endast syntetiska uppgifter)</translation>
    </message>
    <message>
        <source>Password for every demo account: &lt;b&gt;{password}&lt;/b&gt;. Choose an account to fill it in, or double-click it to sign in.</source>
        <translation>Lösenord för alla demokonton: &lt;b&gt;{password}&lt;/b&gt;. Välj ett konto för att fylla i uppgifterna, eller dubbelklicka på det för att logga in.</translation>
    </message>
    <message>
        <source>Demo accounts</source>
        <translation>Demokonton</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Roll</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Enter your username and password.</source>
        <translation>Ange ditt användarnamn och lösenord.</translation>
    </message>
    <message>
        <source>Enter the database server&apos;s password.</source>
        <translation>Ange databasserverns lösenord.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Loggar in…</translation>
    </message>
    <message>
        <source>{problem} Enter it below; it is not saved.</source>
        <translation>{problem} Ange det nedan; det sparas inte.</translation>
    </message>
    <message>
        <source>The backup could not be restored: {reason}</source>
        <translation>Säkerhetskopian kunde inte återställas: {reason}</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>Set up Suoja</source>
        <translation>Ta Suoja i bruk</translation>
    </message>
    <message>
        <source>Welcome to Suoja</source>
        <translation>Välkommen till Suoja</translation>
    </message>
    <message>
        <source>There is no Suoja database here yet. This creates one, encrypted, and your supervisor account. You can add counsellors and other staff afterwards.</source>
        <translation>Här finns ännu ingen databas för Suoja. Nu skapas en krypterad databas och ditt konto som förman. Krisarbetare och annan personal kan du lägga till senare.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>The language Suoja speaks to you, from the moment the database is created; you can change it later under Lock ▸ Language…</source>
        <translation>Språket som Suoja använder med dig från det att databasen skapas. Du kan byta det senare under Lås ▸ Språk…</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Användarnamn</translation>
    </message>
    <message>
        <source>e.g. maria</source>
        <translation>t.ex. maria</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Ditt namn</translation>
    </message>
    <message>
        <source>as colleagues see it, e.g. Maria Virtanen</source>
        <translation>så som kollegerna ser det, t.ex. Maria Virtanen</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Lösenord</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>Lösenordet igen</translation>
    </message>
    <message>
        <source>At least 12 characters; several unrelated words work well. Your password opens the encrypted database: nobody can look it up for you later.</source>
        <translation>Minst 12 tecken; flera ord utan samband fungerar bra. Ditt lösenord öppnar den krypterade databasen: ingen kan ta reda på det åt dig senare.</translation>
    </message>
    <message>
        <source>Creating the encrypted database…</source>
        <translation>Den krypterade databasen skapas…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>&amp;Create database</source>
        <translation>&amp;Skapa databas</translation>
    </message>
    <message>
        <source>Where should the database be?</source>
        <translation>Var ska databasen finnas?</translation>
    </message>
    <message>
        <source>On this compu&amp;ter (encrypted file)</source>
        <translation>På den här &amp;datorn (krypterad fil)</translation>
    </message>
    <message>
        <source>On a PostgreSQL &amp;server</source>
        <translation>På en &amp;PostgreSQL-server</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Ändra…</translation>
    </message>
    <message>
        <source>Server URL</source>
        <translation>Serverns URL</translation>
    </message>
    <message>
        <source>Server password</source>
        <translation>Serverns lösenord</translation>
    </message>
    <message>
        <source>Server &amp;URL *</source>
        <translation>Serverns &amp;URL *</translation>
    </message>
    <message>
        <source>Server pass&amp;word</source>
        <translation>Serverns &amp;lösenord</translation>
    </message>
    <message>
        <source>An empty database your server administrator created for Suoja. No password in the URL: the server&apos;s password comes from your libpq password file (~/.pgpass) or service file, or you are asked for it; it is never saved. TLS options in the URL, such as sslmode=verify-full, are used as given.</source>
        <translation>En tom databas som serverns administratör har skapat för Suoja. Inget lösenord i URL:en: serverns lösenord hämtas från din libpq-lösenordsfil (~/.pgpass) eller servicefil, eller så blir du tillfrågad; det sparas aldrig. TLS-alternativ i URL:en, till exempel sslmode=verify-full, används som de är.</translation>
    </message>
    <message>
        <source>Not available: start Suoja with --db PATH.</source>
        <extracomment>Whether the *Server password* row is shown (the server asked for one).</extracomment>
        <translation>Inte tillgängligt: starta Suoja med --db PATH.</translation>
    </message>
    <message>
        <source>The database will be created at:
{path}</source>
        <translation>Databasen skapas här:
{path}</translation>
    </message>
    <message>
        <source>Suoja database (*.db)</source>
        <translation>Suoja-databas (*.db)</translation>
    </message>
    <message>
        <source>does not match the first one</source>
        <translation>stämmer inte med det första</translation>
    </message>
    <message>
        <source>{problem} Enter it above; it is not saved.</source>
        <translation>{problem} Ange det ovan; det sparas inte.</translation>
    </message>
    <message>
        <source>The database could not be created because of an internal error ({kind}).</source>
        <translation>Databasen kunde inte skapas på grund av ett internt fel ({kind}).</translation>
    </message>
    <message>
        <source>Store the recovery code</source>
        <translation>Förvara återställningskoden</translation>
    </message>
    <message>
        <source>This code opens the database if every supervisor password is lost. &lt;b&gt;It is shown only now.&lt;/b&gt; Write it on paper and keep it locked away, not on this computer. Anyone who has it can read every case.</source>
        <translation>Med den här koden kan databasen öppnas om alla förmäns lösenord har gått förlorade. &lt;b&gt;Den visas bara nu.&lt;/b&gt; Skriv ner den på papper och förvara den inlåst, inte på den här datorn. Den som har koden kan läsa alla ärenden.</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>Återställningskod</translation>
    </message>
    <message>
        <source>When typing it in later, dashes, spaces and upper or lower case do not matter.</source>
        <translation>När du skriver in den senare spelar bindestreck, mellanslag och stora eller små bokstäver ingen roll.</translation>
    </message>
    <message>
        <source>I have &amp;stored the recovery code safely</source>
        <translation>Jag har &amp;förvarat återställningskoden säkert</translation>
    </message>
    <message>
        <source>Continue to Suoja</source>
        <translation>Fortsätt till Suoja</translation>
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
        <translation>Suoja — databasen uppdaterad</translation>
    </message>
    <message>
        <source>The database server ({server}) could not be opened ({kind}); check the database URL and its options.</source>
        <translation>Databasservern ({server}) kunde inte öppnas ({kind}); kontrollera databasens URL och dess alternativ.</translation>
    </message>
    <message>
        <source>Preparing the demo database with synthetic data…</source>
        <translation>Demodatabasen förbereds med syntetiska uppgifter…</translation>
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
        <translation>Ett internt fel inträffade i Suoja ({kind}). Det du har sparat är i säkerhet, men det du höll på med slutfördes inte. Meddela din huvudanvändare.</translation>
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
        <translation>Skrivbordets plattformsinsticksprogram</translation>
    </message>
    <message>
        <source>{name} is missing</source>
        <translation>{name} saknas</translation>
    </message>
    <message>
        <source>Icons (SVG)</source>
        <translation>Ikoner (SVG)</translation>
    </message>
    <message>
        <source>Qt&apos;s SVG image plugin is missing</source>
        <translation>Qt:s SVG-bildinsticksprogram saknas</translation>
    </message>
    <message>
        <source>no icons in {folder}</source>
        <translation>inga ikoner i {folder}</translation>
    </message>
    <message>
        <source>Finnish and Swedish windows</source>
        <translation>Finska och svenska fönster</translation>
    </message>
    <message>
        <source>missing: {names}</source>
        <translation>saknas: {names}</translation>
    </message>
    <message>
        <source>Style sheet</source>
        <translation>Stilmall</translation>
    </message>
</context>
<context>
    <name>qt_platform</name>
    <message>
        <source>Suoja cannot open its window: there is no display to show it on (DISPLAY is not set, or the display refused the connection).</source>
        <extracomment>What Qt&apos;s X11 (&quot;xcb&quot;) plugin needs beyond the libraries README.md lists for Qt itself (Debian and Ubuntu names). Qt&apos;s own message names only the first. Exit code when no window can be opened (&quot;anything else&quot; in the command-line contract).</extracomment>
        <translation>Suoja kan inte öppna sitt fönster: det finns ingen skärm att visa det på (DISPLAY är inte satt, eller så vägrade skärmen ansluta).</translation>
    </message>
    <message>
        <source>Suoja cannot open its window because Qt&apos;s X11 (xcb) platform plugin did not load; install the libraries it needs (Debian and Ubuntu: apt-get install {packages}; README.md lists the rest).</source>
        <translation>Suoja kan inte öppna sitt fönster eftersom Qts plattformsinsticksprogram för X11 (xcb) inte laddades; installera biblioteken som det behöver (Debian och Ubuntu: apt-get install {packages}; resten finns i README.md).</translation>
    </message>
    <message>
        <source>Suoja cannot open its window because Qt&apos;s &quot;{plugin}&quot; platform plugin did not start; check QT_QPA_PLATFORM and the Qt libraries README.md lists.</source>
        <translation>Suoja kan inte öppna sitt fönster eftersom Qts plattformsinsticksprogram ”{plugin}” inte startade; kontrollera QT_QPA_PLATFORM och Qt-biblioteken som listas i README.md.</translation>
    </message>
</context>
</TS>
