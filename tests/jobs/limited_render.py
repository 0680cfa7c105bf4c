"""Print one render row with other limits, in a fresh process, as a small worker would.

``python -m tests.jobs.limited_render JOB_ID MEMORY_MB SECONDS`` with the stack's settings in
the environment (MELDCODE_*, as tests.jobs.workerproc sets them) prints what
``printing.execute`` returned. The limits are set after the settings were checked: a real
instance may not go below 64 MB, a test may.
The memory limit is "this much on top of the process that forks the render": measured from
the test process itself (grown by a whole test run, with much freed memory a child may
reuse), a small limit would not be small; measured from a fresh process it is.
"""

import sys

from meldcode import settings
from meldcode.jobs import printing
from meldcode.jobs.context import Context


def main(job_id: str, memory_mb: int, seconds: float) -> None:
    """Print one row in this process's render slot and say how it ended."""
    loaded = settings.load()
    loaded.update(RENDER_MEMORY_MB=memory_mb, RENDER_SECONDS=seconds)
    print(printing.execute(Context(loaded), job_id))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), float(sys.argv[3]))
