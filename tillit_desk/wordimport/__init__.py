"""Word import: a tjänsteskrivelse DOCX back into a case (no Qt).

``mapping.read_plan`` reads a DOCX and proposes which heading goes to which section;
``importer.build_case`` builds the case, with Word's tracked changes — and, for a DOCX that
Tillit Desk exported, every edit made in Word — as suggestions (``suggestions``) and Word
comments as review comments. ``commands`` adds the ``import-docx`` subcommand. Layout of the
stored data: docs/word-round-trip.md.
"""
