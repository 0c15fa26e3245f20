# Runs Orca (/usr/bin/orca) with its debug file line-buffered: `orca --debug-file=FILE` opens FILE
# block-buffered, so the last lines (what it has just said) stay in the buffer while Orca waits
# for the next event, and a test waiting for them would wait for ever.
# Debian's Python (/usr/bin/python3), the one Orca's modules (pyatspi, gi) are installed for.
# Usage: /usr/bin/python3 orca-line-buffered.py FILE [orca options]
import builtins
import runpy
import sys

log = sys.argv[1]
real_open = builtins.open


def open_line_buffered(file, mode='r', *args, **kwargs):
    if file == log and 'w' in mode:
        kwargs.pop('buffering', None)
        return real_open(file, mode, 1, **kwargs)
    return real_open(file, mode, *args, **kwargs)


builtins.open = open_line_buffered
sys.argv = ['orca', *sys.argv[2:], f'--debug-file={log}']
runpy.run_path('/usr/bin/orca', run_name='__main__')
