"""Enumerations of the domain, with translatable labels.

This module imports neither Qt nor SQLAlchemy, so the GUI can use the labels
before the database layer is loaded. Values are stable codes stored in the
database; never rename one without a migration.
"""

from __future__ import annotations

from enum import StrEnum

from kansli_desk.i18n import QT_TRANSLATE_NOOP, translate

CONTEXT = "Enums"


class _Labelled(StrEnum):
    """A StrEnum whose members have a translatable label."""

    @property
    def label(self) -> str:
        """The label in the current language."""
        return translate(CONTEXT, _LABELS[type(self).__name__][self.value])


class Role(_Labelled):
    """What a user may do (issue 7 enforces it)."""

    ADVISOR = "advisor"  # rådgivare
    REGISTRAR = "registrar"  # registrator
    SUPERVISOR = "supervisor"  # chef


_ROLE_LABELS = {
    "advisor": QT_TRANSLATE_NOOP("Enums", "Advisor"),
    "registrar": QT_TRANSLATE_NOOP("Enums", "Registry clerk"),
    "supervisor": QT_TRANSLATE_NOOP("Enums", "Supervisor"),
}


class CallerKind(_Labelled):
    """Who is calling."""

    CITIZEN = "citizen"
    GUARDIAN = "guardian"
    REPRESENTATIVE = "representative"
    STAFF = "staff"
    OTHER = "other"


_CALLER_LABELS = {
    "citizen": QT_TRANSLATE_NOOP("Enums", "Citizen/patient"),
    "guardian": QT_TRANSLATE_NOOP("Enums", "Guardian"),
    "representative": QT_TRANSLATE_NOOP("Enums", "Proxy/legal representative"),
    "staff": QT_TRANSLATE_NOOP("Enums", "Health-care staff"),
    "other": QT_TRANSLATE_NOOP("Enums", "Other"),
}


class Outcome(_Labelled):
    """How a call ended."""

    ANSWERED = "answered"
    REFERRED_UNIT = "referred_unit"
    REFERRED_SUPPORT = "referred_support"
    FORM_SENT = "form_sent"
    CALLBACK = "callback"


_OUTCOME_LABELS = {
    "answered": QT_TRANSLATE_NOOP("Enums", "Answered"),
    "referred_unit": QT_TRANSLATE_NOOP("Enums", "Referred to care unit"),
    "referred_support": QT_TRANSLATE_NOOP("Enums", "Referred to Supportcenter Vårdsystem"),
    "form_sent": QT_TRANSLATE_NOOP("Enums", "Form sent or case registered"),
    "callback": QT_TRANSLATE_NOOP("Enums", "Callback"),
}


class FormType(_Labelled):
    """The four order types of the paper backup routine (the seed)."""

    SEAL_OR_LOCK = "seal_or_lock"
    RESTORE_ACCESS = "restore_access"
    REMOVE_GUARDIAN_ACCESS = "remove_guardian_access"
    MINOR_ACCESS = "minor_access"


_FORM_TYPE_LABELS = {
    "seal_or_lock": QT_TRANSLATE_NOOP("Enums", "Sealing and/or locking"),
    "restore_access": QT_TRANSLATE_NOOP("Enums", "Restoring direct access"),
    "remove_guardian_access": QT_TRANSLATE_NOOP("Enums", "Removing a guardian's direct access"),
    "minor_access": QT_TRANSLATE_NOOP("Enums", "Access to a minor's record (13–15 years)"),
}


class Initiator(_Labelled):
    """Who asked for a seal/lock or a restore."""

    INDIVIDUAL = "individual"
    STAFF = "staff"


_INITIATOR_LABELS = {
    "individual": QT_TRANSLATE_NOOP("Enums", "The individual's own wish"),
    "staff": QT_TRANSLATE_NOOP("Enums", "Request of health-care staff"),
}


class Measure(_Labelled):
    """A measure ordered on a form (several may be ordered together)."""

    SEAL_JOURNAL = "seal_journal"
    LOCK_LOGIN = "lock_login"
    UNSEAL_JOURNAL = "unseal_journal"
    UNLOCK_LOGIN = "unlock_login"
    REMOVE_GUARDIAN_ACCESS = "remove_guardian_access"
    GIVE_MINOR_ACCESS = "give_minor_access"
    REMOVE_MINOR_ACCESS = "remove_minor_access"


_MEASURE_LABELS = {
    "seal_journal": QT_TRANSLATE_NOOP("Enums", "Seal Journalen"),
    "lock_login": QT_TRANSLATE_NOOP("Enums", "Lock the 1177 login"),
    "unseal_journal": QT_TRANSLATE_NOOP("Enums", "Unseal Journalen"),
    "unlock_login": QT_TRANSLATE_NOOP("Enums", "Unlock the 1177 login"),
    "remove_guardian_access": QT_TRANSLATE_NOOP("Enums", "Remove guardian's direct access"),
    "give_minor_access": QT_TRANSLATE_NOOP("Enums", "Give access to the minor's record"),
    "remove_minor_access": QT_TRANSLATE_NOOP("Enums", "Remove access to the minor's record"),
}


class SealScope(_Labelled):
    """What a seal covers."""

    WHOLE_ACCOUNT = "whole_account"
    CARE_UNIT = "care_unit"
    CARE_PROVIDER = "care_provider"
    TIME_PERIOD = "time_period"


_SCOPE_LABELS = {
    "whole_account": QT_TRANSLATE_NOOP("Enums", "Whole account"),
    "care_unit": QT_TRANSLATE_NOOP("Enums", "Care unit"),
    "care_provider": QT_TRANSLATE_NOOP("Enums", "Care provider"),
    "time_period": QT_TRANSLATE_NOOP("Enums", "Time period"),
}


class FormStatus(_Labelled):
    """Where a paper form is in its workflow."""

    RECEIVED = "received"
    REGISTERED = "registered"
    COMPLETION_REQUESTED = "completion_requested"
    FORWARDED = "forwarded"
    EXECUTED = "executed"
    CONFIRMED = "confirmed"
    CLOSED = "closed"
    CANCELLED = "cancelled"
    REJECTED = "rejected"


_STATUS_LABELS = {
    "received": QT_TRANSLATE_NOOP("Enums", "Received"),
    "registered": QT_TRANSLATE_NOOP("Enums", "Registered"),
    "completion_requested": QT_TRANSLATE_NOOP("Enums", "Completion requested"),
    "forwarded": QT_TRANSLATE_NOOP("Enums", "Forwarded"),
    "executed": QT_TRANSLATE_NOOP("Enums", "Executed"),
    "confirmed": QT_TRANSLATE_NOOP("Enums", "Confirmed"),
    "closed": QT_TRANSLATE_NOOP("Enums", "Closed"),
    "cancelled": QT_TRANSLATE_NOOP("Enums", "Cancelled"),
    "rejected": QT_TRANSLATE_NOOP("Enums", "Rejected"),
}


class PartyRole(_Labelled):
    """The part a person plays on a form."""

    SUBJECT = "subject"
    CHILD = "child"
    GUARDIAN = "guardian"


_PARTY_LABELS = {
    "subject": QT_TRANSLATE_NOOP("Enums", "Person concerned"),
    "child": QT_TRANSLATE_NOOP("Enums", "Child"),
    "guardian": QT_TRANSLATE_NOOP("Enums", "Guardian"),
}


class IdKind(_Labelled):
    """Kind of Swedish identity number."""

    PERSONNUMMER = "personnummer"
    SAMORDNINGSNUMMER = "samordningsnummer"
    RESERVNUMMER = "reservnummer"


_ID_LABELS = {
    "personnummer": QT_TRANSLATE_NOOP("Enums", "Personal identity number"),
    "samordningsnummer": QT_TRANSLATE_NOOP("Enums", "Coordination number"),
    "reservnummer": QT_TRANSLATE_NOOP("Enums", "Reserve number"),
}


class AuditAction(_Labelled):
    """What an audit event records."""

    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    TRANSITION = "transition"
    VIEW_UNMASKED = "view_unmasked"
    IMPORT = "import"
    EXPORT = "export"
    PRINT = "print"
    PURGE = "purge"
    LOGIN = "login"


_AUDIT_LABELS = {
    "create": QT_TRANSLATE_NOOP("Enums", "Created"),
    "update": QT_TRANSLATE_NOOP("Enums", "Changed"),
    "delete": QT_TRANSLATE_NOOP("Enums", "Deleted"),
    "transition": QT_TRANSLATE_NOOP("Enums", "Status changed"),
    "view_unmasked": QT_TRANSLATE_NOOP("Enums", "Viewed unmasked identity number"),
    "import": QT_TRANSLATE_NOOP("Enums", "Imported"),
    "export": QT_TRANSLATE_NOOP("Enums", "Exported"),
    "print": QT_TRANSLATE_NOOP("Enums", "Printed"),
    "purge": QT_TRANSLATE_NOOP("Enums", "Purged"),
    "login": QT_TRANSLATE_NOOP("Enums", "Opened the program"),
}


_LABELS: dict[str, dict[str, str]] = {
    "Role": _ROLE_LABELS,
    "CallerKind": _CALLER_LABELS,
    "Outcome": _OUTCOME_LABELS,
    "FormType": _FORM_TYPE_LABELS,
    "Initiator": _INITIATOR_LABELS,
    "Measure": _MEASURE_LABELS,
    "SealScope": _SCOPE_LABELS,
    "FormStatus": _STATUS_LABELS,
    "PartyRole": _PARTY_LABELS,
    "IdKind": _ID_LABELS,
    "AuditAction": _AUDIT_LABELS,
}
