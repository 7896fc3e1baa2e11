<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
<context>
    <name>AutoBackup</name>
    <message>
        <source>Making the automatic backup before closing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An automatic backup from today already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic backup written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The automatic backup failed: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The automatic backup failed because of an internal error.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseList</name>
    <message>
        <source>Search all cases</source>
        <extracomment>The places that show the case list.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name, identity code, case, police report, phone, e-mail, wallet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search every case (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title}: {n} case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title}: {n} cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} case matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} cases match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No case matches “{text}”. Check the spelling, or search by identity code, case reference or police report number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No case matches these filters. Clear the filters to see more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No cases are assigned to you. All cases (Ctrl+2) lists every case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No cases yet. New intake (Ctrl+N) records the first victim.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No cases yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Status filter</source>
        <extracomment>Counsellor choice meaning &quot;cases nobody is assigned to&quot;. Drop-down keys (plain strings, which QComboBox.findData compares reliably) and values.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active (not closed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk level filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acute or high</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counsellor filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breach filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tatus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ounsellor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Breach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} (locked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any breach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Me ({name})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FollowUpTableModel</name>
    <message>
        <source>Today</source>
        <extracomment>(header, sort key of a row)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue 1 day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue {days} days</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FollowUpsView</name>
    <message>
        <source>Follow-ups due today and overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Everyone&apos;s follow-ups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the follow-ups of every counsellor, not only yours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-ups due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is due today or overdue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue {days} days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is due. Well done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{overdue} overdue · {today} due today</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Suoja</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked — signed in as {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every window was closed to protect victims&apos; data. Enter your password to pick up where you left off: open cases and unsaved forms come back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out; the sign-in window opens for the next person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing out discards {n} unsaved form; unlocking brings it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing out discards {n} unsaved forms; unlocking brings them back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Locking</name>
    <message>
        <source>{n} unsaved form could not be reopened and was discarded: the case or record is no longer available to you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} unsaved forms could not be reopened and were discarded: the case or record is no longer available to you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} case window could not be reopened: the case is no longer available to you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} case windows could not be reopened: the case is no longer available to you.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainToolbar</name>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New intake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record a new victim and open their case ({shortcut})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Batch export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One PDF case summary per case, into a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import list…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a list of affected people (CSV) as new cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caseload report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock Suoja now ({shortcut})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out; the sign-in window opens for the next person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save caseload report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caseload report written.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Suoja — demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit the demo and discard its data?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The demo database is deleted when Suoja quits, with every change made in it. The next demo starts with fresh synthetic data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit and discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suoja — {name} ({role})</source>
        <extracomment>Extra places: the ``register`` of modules of ``gui.workspaces``, in navigation order; each checks the role.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — DEMO DATABASE, synthetic data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role manages accounts and backups; it does not show case records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases assigned to you (Ctrl+1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every case; the search box searches here (Ctrl+2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-ups due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your follow-ups due today or overdue (Ctrl+3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case view is not available yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case {reference} created.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>Locks after {minutes} min idle · {shortcut} to lock now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-ups: {overdue} overdue, {today} today</source>
        <extracomment>On a server: that the counsellor works on the shared database, and whether the other workstations&apos; changes are reaching this one.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No follow-ups due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared server {where} · live updates paused, reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shared server {where} · live updates</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
