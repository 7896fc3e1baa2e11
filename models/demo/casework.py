"""The work on each demo case: support sessions, follow-ups (done, planned and overdue)
and protective actions (credit bans, disclosure bans, an identity-code change…)."""

from __future__ import annotations

import datetime as dt

from models.demo import words
from models.demo.draw import Pick, at, between, office_time, rand_int, rand_item
from models.demo.rows import Batch, Part, VictimCase
from models.domain.enums import (
    PROTECTIVE_ACTION_CATALOGUE,
    ActionState,
    ApplicationGrounds,
    CaseStatus,
    Decision,
    Referral,
    SessionMode,
)

_MODES = Pick(
    [(SessionMode.PHONE.value, 65), (SessionMode.IN_PERSON.value, 12),
     (SessionMode.VIDEO.value, 15), (SessionMode.CHAT.value, 8)]
)
_REFERRALS = Pick(
    [(Referral.NONE.value, 75), (Referral.RIKU.value, 10), (Referral.PSYCHIATRIC.value, 4),
     (Referral.HEALTH_CENTRE.value, 5), (Referral.LEGAL_AID.value, 4), (Referral.OTHER.value, 2)]
)
_ACTION_STATES = Pick(
    [(ActionState.DONE.value, 50), (ActionState.IN_PROGRESS.value, 20),
     (ActionState.NOT_STARTED.value, 15), (ActionState.DECLINED.value, 8),
     (ActionState.NOT_APPLICABLE.value, 7)]
)
_CLOSED_ACTION_STATES = Pick(
    [(ActionState.DONE.value, 70), (ActionState.DECLINED.value, 15),
     (ActionState.NOT_APPLICABLE.value, 15)]
)
#: Every step but the identity-code change, which has its own, much rarer, logic.
_ORDINARY_ACTIONS = [
    kind for kind in PROTECTIVE_ACTION_CATALOGUE if kind.code != "identity_code_change"
]


#: Steps that could not be taken before a date (the positive credit register opened in
#: 2024; State Treasury compensation needs the judgment of the court case).
_AVAILABLE_FROM = {
    "credit_ban_positive_register": dt.date(2024, 4, 1),
    "state_treasury_claim": dt.date(2024, 5, 1),
}


# Enumeration values used in the hot loops (an enum's ``.value`` costs a descriptor call).
_DONE = ActionState.DONE.value
_IN_PROGRESS = ActionState.IN_PROGRESS.value
_NOT_STARTED = ActionState.NOT_STARTED.value
_REPEATED_MISUSE = ApplicationGrounds.REPEATED_MISUSE.value
_SAFETY_THREAT = ApplicationGrounds.SAFETY_THREAT.value
_CLOSED = CaseStatus.CLOSED.value
_NEW = CaseStatus.NEW.value
_GRANTED = Decision.GRANTED.value
_PENDING = Decision.PENDING.value
_REFUSED = Decision.REFUSED.value
_CHAT_SESSION = SessionMode.CHAT.value
_PHONE_SESSION = SessionMode.PHONE.value


class Casework(Part):
    """Draws the support sessions, follow-ups and protective actions of a case."""

    def sessions_and_follow_ups(self, out: Batch, case: VictimCase) -> None:
        """Draw the calls on ``case`` and its follow-ups: done ones, and open ones due soon
        or overdue."""
        case_id, status, opened_at = case.case_id, case.status, case.opened_at
        end, counsellor = case.end, case.counsellor
        rng, today = self.rng, self.today
        rand = rng.random
        staff = self.staff
        opened = opened_at.date()
        span = min((end - opened).days, 730)
        if status == _NEW:
            count = 1 if rand() < 0.6 else 0
        else:
            count = 1 + min(40, int(rng.expovariate(1 / 4.65))) if span >= 1 else 1
        # The intake call opens the case; later calls cluster in the first months.
        moments = [opened_at] if count else []
        days = sorted(1 + int((span - 1) * rand() ** 1.6) for _ in range(count - 1))
        moments.extend(at(opened + dt.timedelta(days=day), office_time(rng)) for day in days)

        open_due: list[dt.date] = []
        if status != _CLOSED and rand() < 0.75:
            for _ in range(2 if rand() < 0.1 else 1):
                roll = rand()
                if roll < 0.15:
                    due = today - dt.timedelta(days=1 + int(rng.expovariate(1 / 10)))
                elif roll < 0.19:
                    due = today
                else:
                    due = today + dt.timedelta(days=rand_int(rng, 1, 35))
                open_due.append(due)
            open_due.sort()

        sessions = out.sessions
        for index, started in enumerate(moments):
            intake = index == 0
            by = (
                counsellor if counsellor is not None and rand() < 0.85
                else staff.counsellor_pick(rng)
            )
            mode = _PHONE_SESSION if intake and rand() < 0.8 else _MODES(rng)
            if mode == _CHAT_SESSION:
                minutes = rand_int(rng, 20, 40)
            elif intake:
                minutes = rand_int(rng, 40, 90)
            else:
                minutes = 5 * rand_int(rng, 3, 12)
            if rand() < 0.05:
                distress = None
            else:
                mean = 7.0 if intake else 5.0 - min(index, 6) * 0.4
                distress = max(0, min(10, round(rng.gauss(mean, 1.8))))
            ended = started + dt.timedelta(minutes=minutes)
            self.ids["session"] += 1
            sessions.append(
                {
                    "id": self.ids["session"],
                    "case_id": case_id,
                    "counsellor_id": by,
                    "started_at": started,
                    "duration_minutes": minutes,
                    "mode": mode,
                    "notes": rand_item(rng, words.SESSION_NOTES),
                    "distress_level": distress,
                    "outcome": rand_item(rng, words.OUTCOMES),
                    "referral": _REFERRALS(rng),
                    # The last call planned the first open follow-up (linked below).
                    "follow_up_id": None,
                    "version": 1,
                    "created_at": ended,
                    "updated_at": ended,
                }
            )
            # Many later calls were a follow-up someone had planned: it is done now.
            if not intake and rand() < 0.47:
                planned = max(opened_at, ended - dt.timedelta(days=rand_int(rng, 2, 14)))
                self._follow_up(out, case_id, started.date(), by, planned, ended)

        for index, due in enumerate(open_due):
            assignee = counsellor
            task = rand_item(rng, words.FOLLOW_UP_TASKS)
            if task == words.LIAISON_TASK and staff.liaisons and rand() < 0.5:
                assignee = rand_item(rng, staff.liaisons)
            planned = moments[-1] + dt.timedelta(hours=1) if moments else opened_at
            self._follow_up(out, case_id, due, assignee, planned, None, task)
            if index == 0 and moments:
                sessions[-1]["follow_up_id"] = self.ids["follow_up"]

    def _follow_up(
        self, out: Batch, case_id: int, due: dt.date, assignee: int | None,
        created: dt.datetime, done_at: dt.datetime | None, task: str | None = None,
    ) -> None:
        self.ids["follow_up"] += 1
        out.follow_ups.append(
            {
                "id": self.ids["follow_up"],
                "case_id": case_id,
                "due_on": due,
                "assignee_id": assignee,
                "description": task or rand_item(self.rng, words.FOLLOW_UP_TASKS),
                "done": done_at is not None,
                "done_at": done_at,
                "version": 1,
                "created_at": created,
                "updated_at": done_at or created,
            }
        )

    # -- protective actions -----------------------------------------------------------

    def protective_actions(self, out: Batch, case: VictimCase) -> None:
        """Draw the protective steps taken on ``case``, an identity-code change among them
        when one was granted."""
        case_id, opened, end, closed = case.case_id, case.opened, case.end, case.closed
        has_code, change_on = case.has_identity_code, case.code_changed_on
        rng = self.rng
        count = rand_int(rng, 0, 3) if (end - opened).days <= 14 else rand_int(rng, 2, 7)
        chosen = {kind.code for kind in rng.sample(_ORDINARY_ACTIONS, count)}
        code_change = change_on is not None or (has_code and rng.random() < 0.02)
        if code_change:
            chosen.add("identity_code_change")
        for kind in PROTECTIVE_ACTION_CATALOGUE:
            if kind.code not in chosen:
                continue
            grounds = decision = decision_on = None
            evidence = ""
            expires_on = None
            if kind.code == "identity_code_change":
                grounds = _SAFETY_THREAT if rng.random() < 0.4 else _REPEATED_MISUSE
                evidence = words.CODE_CHANGE_EVIDENCE[grounds]
                if change_on is not None:
                    state = _DONE
                    state_on = change_on - dt.timedelta(days=rand_int(rng, 30, 80))
                    state_on = max(state_on, opened)
                    decision, decision_on = _GRANTED, change_on
                else:
                    state_on = between(rng, opened, end)
                    if rng.random() < 0.6 and not closed:
                        state, decision = _IN_PROGRESS, _PENDING
                    else:
                        state, decision = _DONE, _REFUSED
                        decision_on = between(rng, state_on, end)
            else:
                state = (_CLOSED_ACTION_STATES if closed else _ACTION_STATES)(rng)
                available = max(opened, _AVAILABLE_FROM.get(kind.code, opened))
                if available > end:
                    state = _NOT_STARTED
                if state == _NOT_STARTED:
                    state_on = None
                else:
                    state_on = available + dt.timedelta(
                        days=min((end - available).days, int(rng.expovariate(1 / 20)))
                    )
                if state == _DONE and kind.validity_days and state_on:
                    expires_on = state_on + dt.timedelta(days=kind.validity_days)
            stamp = at(state_on or opened, office_time(rng))
            self.ids["action"] += 1
            out.actions.append(
                {
                    "id": self.ids["action"],
                    "case_id": case_id,
                    "type_code": kind.code,
                    "state": state,
                    "state_on": state_on,
                    "expires_on": expires_on,
                    "note": "",
                    "grounds": grounds,
                    "evidence": evidence,
                    "decision": decision,
                    "decision_on": decision_on,
                    "version": 1,
                    "created_at": stamp,
                    "updated_at": stamp,
                }
            )
