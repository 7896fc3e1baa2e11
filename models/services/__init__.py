"""The use cases, grouped by area. Build them once per signed-in user with :func:`build`."""

from __future__ import annotations

from dataclasses import dataclass

from models.domain.changes import ChangeBus
from models.services.accounts import AccountService
from models.services.analysis import AnalysisService
from models.services.audit_log import AuditService
from models.services.break_glass import BreakGlassService
from models.services.case_list import CaseListService
from models.services.caseload import CaseloadService
from models.services.cases import CaseService
from models.services.exports import ExportService
from models.services.imports import ImportService
from models.services.organisation import OrganisationService
from models.services.records import RecordService
from models.services.retention import RetentionService
from models.services.subject_access import SubjectAccessService
from models.storage.unit_of_work import Actor, Database


@dataclass(frozen=True)
class Services:
    database: Database
    actor: Actor
    changes: ChangeBus
    cases: CaseService
    case_list: CaseListService
    caseload: CaseloadService
    break_glass: BreakGlassService
    records: RecordService
    accounts: AccountService
    audit: AuditService
    retention: RetentionService
    subject_access: SubjectAccessService
    exports: ExportService
    imports: ImportService
    analysis: AnalysisService
    organisation: OrganisationService


def build(database: Database, actor: Actor, changes: ChangeBus | None = None) -> Services:
    changes = changes or ChangeBus()
    if database.on_server:
        from models.storage.notify import ServerRelay

        changes.set_relay(ServerRelay(database, changes.origin))
    return Services(
        database=database,
        actor=actor,
        changes=changes,
        cases=CaseService(database, actor, changes),
        case_list=CaseListService(database, actor, changes),
        caseload=CaseloadService(database, actor, changes),
        break_glass=BreakGlassService(database, actor, changes),
        records=RecordService(database, actor, changes),
        accounts=AccountService(database, actor, changes),
        audit=AuditService(database, actor, changes),
        retention=RetentionService(database, actor, changes),
        subject_access=SubjectAccessService(database, actor, changes),
        exports=ExportService(database, actor, changes),
        imports=ImportService(database, actor, changes),
        analysis=AnalysisService(database, actor, changes),
        organisation=OrganisationService(database, actor, changes),
    )
