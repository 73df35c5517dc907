"""Ctrl-C while the main thread waits on worker threads or processes.

The system gives a process's SIGINT to any of its threads. Python runs the handler (raises
KeyboardInterrupt) in the main thread only when that thread next runs, and a wait that blocks
without a timeout is woken by the signal only when it is the thread the system chose: given to
a worker, a pool's helper or a progress bar's monitor thread instead, Ctrl-C waited until some
work finished (a crawl of a tarpit: a minute). So the main thread waits in short slices."""
from __future__ import annotations

from concurrent.futures import FIRST_COMPLETED, Future, wait

SLICE = 0.25  # seconds: how late Ctrl-C may be seen


def first_completed(futures) -> set[Future]:
    """``wait(futures, return_when=FIRST_COMPLETED)``'s done set, seeing Ctrl-C within ``SLICE``."""
    while True:
        done, _ = wait(futures, timeout=SLICE, return_when=FIRST_COMPLETED)
        if done:
            return done
