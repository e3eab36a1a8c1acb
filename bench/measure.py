#!/usr/bin/env python3
"""Runs one command and prints "<wall seconds> <peak RSS in KiB> <exit status>".

usage: measure.py LOG -- COMMAND [ARGS...]

The command's output goes to LOG. Wall time is taken around fork and wait only, so this
helper's own start-up is not counted. Peak memory is the kernel's account from wait4(): the
largest resident set of the command or of any process it waited for (what GNU time's %M
reports), so a wrapper script that starts java counts java's memory.
"""
import os
import sys
import time


def main():
    if len(sys.argv) < 4 or sys.argv[2] != "--":
        sys.exit(__doc__)
    log, command = sys.argv[1], sys.argv[3:]
    with open(log, "ab") as out:
        start = time.perf_counter()
        pid = os.fork()
        if pid == 0:
            try:
                os.dup2(out.fileno(), 1)
                os.dup2(out.fileno(), 2)
                devnull = os.open(os.devnull, os.O_RDONLY)
                os.dup2(devnull, 0)
                os.execvp(command[0], command)
            except OSError as e:
                os.write(2, ("cannot run %s: %s\n" % (command[0], e)).encode())
            finally:
                os._exit(127)
        _, status, usage = os.wait4(pid, 0)
        elapsed = time.perf_counter() - start
    # ru_maxrss is KiB on Linux and bytes on macOS.
    rss_kib = usage.ru_maxrss // 1024 if sys.platform == "darwin" else usage.ru_maxrss
    code = os.waitstatus_to_exitcode(status)
    print("%.4f %d %d" % (elapsed, rss_kib, code))


if __name__ == "__main__":
    main()
