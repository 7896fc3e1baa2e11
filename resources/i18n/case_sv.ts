<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
<context>
    <name></name>
    <message>
        <source>attachment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid {amount}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>extortion contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired: renew it or record that it is no longer needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires within {days} days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>protective action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>police report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>support session</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttachmentSection</name>
    <message>
        <source>&amp;Add files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the selected file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256 of the selected file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop files here to add them as evidence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No evidence files yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256: {digest}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BatchExportDialog</name>
    <message>
        <source>Batch export of case summaries</source>
        <extracomment>(done, total) as the PDFs are written, on the main thread.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any breach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only cases with a police report filed between</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Police report filed on or after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Police report filed on or before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>and</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Destination folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export into folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No case matches these filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting {n} case…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting {n} cases…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping after the cases in hand…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: {n} PDF was written whole; none is half-written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: {n} PDFs were written whole; none is half-written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: {n} PDF written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: {n} PDFs written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} case could not be exported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} cases could not be exported.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BreakGlassDialog</name>
    <message>
        <source>Another counsellor&apos;s case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case &lt;b&gt;{reference}&lt;/b&gt; ({name}) is assigned to {counsellor}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another counsellor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This case is assigned to another counsellor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If the victim needs help now, you can still open it: say why. Your access lasts {hours} hours, is written to the audit log and is reviewed by a supervisor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Victim called in distress; Olli is on leave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open with break-the-glass</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseDialog</name>
    <message>
        <source>Risk level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why this risk level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— unassigned —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counsellor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This case is closed. Choose another status to reopen it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseFiles</name>
    <message>
        <source>Only files can be added; folders and files that no longer exist were left out.</source>
        <extracomment>What is going on (for the view&apos;s status line) and how many tasks still run. Adding and opening files run side by side; dropping them all drops every one.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} file is larger than the {limit} MB limit and was not added. Attach a smaller copy instead, such as a screenshot or a PDF of the page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} files are larger than the {limit} MB limit and were not added. Attach a smaller copy instead, such as a screenshot or a PDF of the page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added {n} file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added {n} files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding {n} file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding {n} files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No program on this computer opens this kind of file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be read or written; check that it still exists and that you may open it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseForms</name>
    <message>
        <source>Remove this extortion contact ({when})? Its evidence files stay in Attachments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove police report {number}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset “{title}” to not started? Its dates and notes are removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the follow-up due {date}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the file “{name}” from the case? It is deleted from the database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close case {reference}? Reason given: {reason}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve closure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close case</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseHeader</name>
    <message>
        <source>Identity code:</source>
        <extracomment>A line for the view&apos;s status bar (&quot;Identity code copied…&quot;). The full identity code while it is shown.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revea&amp;l</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reveal the full identity code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shows the full code for {seconds} seconds. Revealing is written to the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co&amp;py</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the identity code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The clipboard is cleared after 30 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve clo&amp;sure…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;turn to counsellor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit &amp;victim…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change identity co&amp;de…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit &amp;case…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk level and its reason, status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request clo&amp;sure…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clo&amp;se case…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A case summary for the police or for handover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Victim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Earlier codes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case &lt;b&gt;{reference}&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counsellor: &lt;b&gt;{name}&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed {date}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breaches: {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone {phone}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail {email}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language: {language}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No consent to processing recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;i&gt;Risk:&lt;/i&gt; {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No contact restrictions recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safe-contact rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closure requested on {date}: {reason}. Waiting for a supervisor&apos;s decision.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity code: none recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity code copied; the clipboard is cleared in 30 seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hidden again in {seconds} s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <source>{reference} — Suoja</source>
        <extracomment>Emitted with the case id when the view has closed. A change to this case was announced (from any thread); reload on the GUI thread.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extortion contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Police reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Support sessions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protective actions ({done}/{all} done)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-ups ({open} open)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClosureDialog</name>
    <message>
        <source>Request closure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Request closure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A supervisor approves closing the case, or returns it to you. The case stays open until then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case is closed now. It can be reopened later from Edit case.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DuplicatePage</name>
    <message>
        <source>Is this person already in Suoja?</source>
        <extracomment>The person is already a victim: open this case instead.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked by identity code (also earlier ones), by name and date of birth, and by phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Existing victims who may be this person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Victim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counsellor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open the existing case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a &amp;different person — create a new case anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An existing victim may be this person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} existing victims may be this person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If it is the same person, open their case instead of creating a second one (Enter opens the selected one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No existing victim has this identity code, this name and date of birth, or this phone number. Press Enter to continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unassigned</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportCaseDialog</name>
    <message>
        <source>Export case {reference} as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role does not allow exporting this case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExtortionContactDialog</name>
    <message>
        <source>Copy the message exactly as the victim received it. The wallet address is checked as you type, so a mistyped character shows at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e-mail address, phone number or name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Currency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount demanded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wallet address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Has a deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message, verbatim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The victim paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handed to the police</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExtortionContactSection</name>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demanded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wallet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handed to police</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message, verbatim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Message, verbatim:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence files of this contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ev&amp;idence:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add evidence…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the selected evidence file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No extortion messages recorded. Add each message the victim received, with the text copied exactly as it was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not known)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no amount)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>Due on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What to do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Call back about the police report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FollowUpPage</name>
    <message>
        <source>First follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When should someone get back to this person? It appears in Follow-ups due on that day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call back: how are they doing, next steps</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FollowUpSection</name>
    <message>
        <source>&amp;Mark done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark the selected follow-up done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No follow-ups planned.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IdentityCodeDialog</name>
    <message>
        <source>Record a new personal identity code the victim has been granted. The previous code is kept in the history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New identity code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. DVV decision of 3.5.2024</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IdentityPage</name>
    <message>
        <source>Who is calling?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names are required. A valid identity code fills in the date of birth. Ask before ticking a way of contacting the person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 131052-308T (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>d.M.yyyy (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 040 123 4567</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Street address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave a &amp;voicemail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>May leave voicemail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send te&amp;xt messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>May send text messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send e-&amp;mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>May send e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send &amp;post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>May send post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. call only on weekdays after 16</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consents to Suoja keeping their data (dated today)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent to processing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safe contact — we may:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no voicemail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no text messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case will show: {rules}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every way of contact is allowed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IntakeWizard</name>
    <message>
        <source>New intake — Suoja</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next  ›</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>‹  &amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who is calling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Existing victims</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create case (Enter or Ctrl+S) saves {name}, risk level {risk}, and this follow-up. The case opens afterwards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When following up: {rules}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case was not created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case {reference} was created, but not its follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard this intake?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing has been saved yet. Discard what you typed?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PoliceReportDialog</name>
    <message>
        <source>Only the number on the victim&apos;s copy of the report counts — not the online service&apos;s confirmation e-mail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Police department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Helsinki Police Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filed on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The victim has their copy of the report</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PoliceReportSection</name>
    <message>
        <source>No police report numbers recorded. Only the number on the victim&apos;s report copy counts (like 5500/R/12345/20), not the online service&apos;s confirmation e-mail.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProtectiveActionDialog</name>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left empty, the expiry is set {days} days after the date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grounds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— not given —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— none yet —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision date</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProtectiveActionSection</name>
    <message>
        <source>&amp;Update step…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset step…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset the selected step to not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grounds: {grounds}. Decision: {decision}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>&amp;Save</source>
        <extracomment>The saved record (what the service returned). This dialog&apos;s kind in a :class:`~gui.shared.drafts.FormDraft`.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit victim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change identity code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request closure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add extortion contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit extortion contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add police report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit police report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add support session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit support session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record protective action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update protective action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit follow-up</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordSection</name>
    <message>
        <source>&amp;Add…</source>
        <extracomment>Calm colours for text that needs attention. The current record changed (or ``None``).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add {noun}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the selected {noun}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected {noun}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing recorded yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RiskPage</name>
    <message>
        <source>Risk assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acute: in danger now or thinking of self-harm. High: distressed, threatened or a deadline today. A reason is required for acute and high.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. received a second demand with a 24-hour deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counsellor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breaches this person was hit by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breaches this person was hit by (Space ticks):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Me ({name})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SupportSessionDialog</name>
    <message>
        <source>Started at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distress level (0–10)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not assessed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan a follow-up on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adds a follow-up to this case&apos;s Follow-ups, assigned to you; it shows in Follow-ups due on that day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. Call back about the police report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidential notes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SupportSessionSection</name>
    <message>
        <source>Confidential notes of the selected session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confidential &amp;notes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No support sessions recorded yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome: {outcome}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineSection</name>
    <message>
        <source>Timeline</source>
        <extracomment>(kind, record id) of the entry the user activated.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Newest first. Double-click a line (or press Enter) to open it in its own tab.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VictimDialog</name>
    <message>
        <source>First names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comes from the identity code; change the code to change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Street address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>City</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Safe contact&lt;/b&gt; — what may we do without putting the victim at risk?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>May leave voicemail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>May send text messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>May send e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>May send post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safe-contact note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent to processing given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent date</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_Options</name>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show full identity codes (written to the audit log)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protect the PDF with a password (AES-256)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at least {n} characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the password to the reader by another channel, e.g. a phone call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>columns</name>
    <message>
        <source>File name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demanded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Police</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <extracomment>Asks to mark (True) or unmark (False) a follow-up done; the host saves it.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protective action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Police department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filed on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Victim has a copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counsellor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Distress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>safe_contact</name>
    <message>
        <source>Do not leave voicemail</source>
        <extracomment>How long a revealed identity code stays on screen. (background, text, border) of the risk chip: calm, but unmistakable. The rules ``VictimData.safe_contact_warnings()`` returns, marked for translation.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not send text messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not send post</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>timeline</name>
    <message>
        <source>Case</source>
        <extracomment>(kind, record id) of the entry, to jump to it in its tab. The entry&apos;s moment as an aware datetime (a date-only entry: local midnight).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extortion contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Police report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Support session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protective action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
