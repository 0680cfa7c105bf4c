"""The worker side needs no Flask: jobs and mail import none of the web."""

import subprocess
import sys

MODULES = (
    "meldcode.jobs.service",
    "meldcode.jobs.worker",
    "meldcode.jobs.printing",
    "meldcode.jobs.periodic",
    "meldcode.mail.notify",
    "meldcode.mail.sending",
)


def test_jobs_and_mail_import_no_flask():
    code = (
        "import importlib, sys\n"
        f"for name in {MODULES!r}: importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('flask', 'flask_babel')"
        " or m.startswith('meldcode.web'))\n"
        "print(bad)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
