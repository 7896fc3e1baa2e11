"""Who may do what, and the record of what they did: the role matrix, the audit chain and
its anchor, sign-in failure counting and password rules."""
