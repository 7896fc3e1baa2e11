<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
<context>
    <name>LoginDialog</name>
    <message>
        <source>Suoja — database server password</source>
        <extracomment>A demo account as the sign-in lists it: (username, role value[, display name]). Demo accounts listed without scrolling; more than that (a big seeded demo) scroll.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{problem}

Password for the database server ({where}); it is used for this session only and not saved:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suoja — the database is damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{problem}

Restore the latest automatic backup ({backup})?

It is checked and restored into a new file, {target}, and opened from there. The damaged file is kept unchanged; changes made after the backup are not in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suoja — sign in</source>
        <extracomment>Where a backup was restored to and opened from, when the database was damaged. The demo accounts&apos; table (demo mode only).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suoja</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case management for breach victims</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ser&amp;ver password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database server: {where}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database: {where}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo accounts (synthetic data only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password for every demo account: &lt;b&gt;{password}&lt;/b&gt;. Choose an account to fill it in, or double-click it to sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your username and password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the database server&apos;s password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{problem} Enter it below; it is not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup could not be restored: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>Set up Suoja</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome to Suoja</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no Suoja database here yet. This creates one, encrypted, and your supervisor account. You can add counsellors and other staff afterwards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. maria</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as colleagues see it, e.g. Maria Virtanen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least 12 characters; several unrelated words work well. Your password opens the encrypted database: nobody can look it up for you later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the encrypted database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where should the database be?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On this compu&amp;ter (encrypted file)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On a PostgreSQL &amp;server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server &amp;URL *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server pass&amp;word</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An empty database your server administrator created for Suoja. No password in the URL: the server&apos;s password comes from your libpq password file (~/.pgpass) or service file, or you are asked for it; it is never saved. TLS options in the URL, such as sslmode=verify-full, are used as given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not available: start Suoja with --db PATH.</source>
        <extracomment>Whether the *Server password* row is shown (the server asked for one).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database will be created at:
{path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suoja database (*.db)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{problem} Enter it above; it is not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database could not be created because of an internal error ({kind}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store the recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This code opens the database if every supervisor password is lost. &lt;b&gt;It is shown only now.&lt;/b&gt; Write it on paper and keep it locked away, not on this computer. Anyone who has it can read every case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When typing it in later, dashes, spaces and upper or lower case do not matter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I have &amp;stored the recovery code safely</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue to Suoja</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Suoja</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the demo database with synthetic data…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suoja — demo</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>crash</name>
    <message>
        <source>Suoja hit an internal error ({kind}). Your saved work is safe; the step you were doing was not completed. Please tell your administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suoja</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>qt_platform</name>
    <message>
        <source>Suoja cannot open its window: there is no display to show it on (DISPLAY is not set, or the display refused the connection).</source>
        <extracomment>What Qt&apos;s X11 (&quot;xcb&quot;) plugin needs beyond the libraries README.md lists for Qt itself (Debian and Ubuntu names). Qt&apos;s own message names only the first. Exit code when no window can be opened (&quot;anything else&quot; in the command-line contract).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suoja cannot open its window because Qt&apos;s X11 (xcb) platform plugin did not load; install the libraries it needs (Debian and Ubuntu: apt-get install {packages}; README.md lists the rest).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suoja cannot open its window because Qt&apos;s &quot;{plugin}&quot; platform plugin did not start; check QT_QPA_PLATFORM and the Qt libraries README.md lists.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
