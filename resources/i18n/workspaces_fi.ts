<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fi_FI">
<context>
    <name></name>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} (locked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} (not a counsellor)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountsView</name>
    <message>
        <source>Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change role…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts are locked, never deleted, so the audit trail stays whole. A locked account cannot sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{username} unlocked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{username} locked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account {username} created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password of {username} reset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{username} is now a {role}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnalysisView</name>
    <message>
        <source>Cross-case extortion analysis</source>
        <extracomment>The table has been filled (after :meth:`reload`&apos;s worker finished).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wallet addresses and senders seen in more than one case. Exports carry case references only — no names or identity codes — and are recorded in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wallet addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Senders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indicators shared by several cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No value is shared by more than one victim.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show victims without a police report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export police report numbers (CSV)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} victim has an extortion contact but no police report number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} victims have an extortion contact but no police report number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases with {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extortion contact but no police report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export for investigators</source>
        <extracomment>Emitted with the path when an export has been written (exports run on a worker: thousands of references take a second or more at 40,000 victims).</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditLogView</name>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First day shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last day shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No events match these filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Break-the-glass accesses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No break-the-glass accesses match these filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counsellors who opened another counsellor&apos;s case, with the reason they gave. Review each one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Break-the-glass accesses ({count})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Newest {n} events (narrow the filters to see older ones)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the audit chain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit chain could not be checked: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ Audit chain verified: {n} event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ Audit chain verified: {n} events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✘ Audit chain BROKEN at event {seq}: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} event exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} events exported</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>(system)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseloadView</name>
    <message>
        <source>Name, case or identity code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find a case by name, reference or identity code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find a case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counsellor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statuses shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No cases match. Choose another counsellor or include closed cases.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reassign to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reassign selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{selected} of {n} cases selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reassign to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counsellors&apos; loads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No active counsellor accounts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open cases, of which acute or high risk. Double-click a counsellor to list their cases.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closure requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No closure requests are waiting for a decision.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve closure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return to counsellor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closure requests ({count})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every counsellor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} — {open} open, {high} high risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reassign cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} case reassigned to {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} cases reassigned to {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closure request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{selected} of {n} case selected</source>
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
</context>
<context>
    <name>ChangeRoleDialog</name>
    <message>
        <source>Change role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CreateAccountDialog</name>
    <message>
        <source>New account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. kaisa.koski</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>Dashboard</source>
        <extracomment>The height of a figure button with a one-line caption.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overdue follow-ups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>acute or high risk, no support session in 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>victims with an extortion contact have a police report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>protective actions done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open cases with overdue follow-ups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acute or high risk, no support session in 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extortion contact but no police report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open cases with unfinished protective actions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open cases per counsellor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New intakes and extortion contacts per week (last 12 weeks)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk distribution of open cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Police-report coverage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figures as of {day}; open cases are new, open or waiting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in {n} case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in {n} cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} of {total}; click for those without</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open cases: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New intakes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extortion contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New intakes in the week of {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extortion contacts in the week of {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>acute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>high</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>medium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open cases at risk level {level}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>with a report: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no report yet: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extortion contact and a police report</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import a list of affected people</source>
        <extracomment>Rows shown in the preview, and findings listed before &quot;… and N more&quot;. Emitted with the ImportReport when an import finished (committed or not). Emitted when a file was read and checked (for tests and the status line).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a CSV file with a header row and one person a row (from Excel: save as “CSV UTF-8” or “CSV (semicolon delimited)”). Required columns: {required}. Optional: {optional}. Finnish, Swedish and English header names are recognised (for example etunimet, sukunimi, henkilötunnus); match other columns below. Every row is checked before anything is saved, and each becomes a new case.</source>
        <extracomment>Reading the file and checking its rows: only the newest result is shown.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No file chosen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First rows of the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused rows and duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import all valid rows (skip the others)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import nothing if any row is refused or a duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No breach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link to breach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>semicolon (;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comma (,)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encoding: {encoding} · Delimiter: {delimiter} · {n} row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encoding: {encoding} · Delimiter: {delimiter} · {n} rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>column {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rows could not be checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} row: {ready} ready to import, {refused} refused, {duplicates} already known (duplicates).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} rows: {ready} ready to import, {refused} refused, {duplicates} already known (duplicates).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and {n} more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported {n} people as new cases {first} – {last}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was imported: some rows were refused or duplicates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import failed; nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PasswordFields</name>
    <message>
        <source>New password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat the password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least 12 characters; several unrelated words work well.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strong enough.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <source>Reset password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new password for {name} ({username}). Tell it to them in person; they should change it at their next sign-in.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SharedIndicatorModel</name>
    <message>
        <source>Wallet address</source>
        <extracomment>The raw indicator value of a row (for drill-down), beside DisplayRole.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Victims</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total demanded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total paid</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_ActionDialog</name>
    <message>
        <source>Passwords are not kept while Suoja is locked: type the new password again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>columns</name>
    <message>
        <source>Username</source>
        <extracomment>Argon2id parameters for new key slots; ``None`` means the production defaults. Tests set cheap ones here.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Display name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counsellor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requested</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>view</name>
    <message>
        <source>Accounts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create, lock and unlock accounts; reset passwords; change roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extortion analysis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wallets and senders seen across cases; police lists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who did what and when; break-the-glass accesses; chain check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caseload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reassign cases and review closure requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caseloads, waiting victims and police-report coverage</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
