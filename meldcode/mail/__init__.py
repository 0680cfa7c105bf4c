"""E-mail: a link and the kind of event, never case content, sent by the background jobs.

``notify`` writes one outbox row per event (unique event key: never twice), ``compose``
makes the message in the recipient's language, ``smtp`` delivers it. Without ``SMTP_HOST``
nothing is written and the pages say where a link must be passed on by hand.
"""
