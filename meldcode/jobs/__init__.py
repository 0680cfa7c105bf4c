"""Background jobs on Huey: PDF renders, mails, the daily purge and the reminders.

:class:`meldcode.jobs.service.Jobs` is what the web and the command line use: it builds
the queue from the settings (``meldcode.jobs.queue``), registers the tasks
(``meldcode.jobs.tasks``) and offers the calls the pages need (``request_render``,
``render_state``, ``fetch_pdf``, ``retry_render``, ``deliver``). ``meldcode worker`` runs
Huey's consumer on the same queue. Nothing here imports Flask.
"""
