#!/usr/bin/env python3
"""Interop with Debian's `age` (1.1.x) both ways: our protected file opens with `age -d` to the same
bytes, and a file from `age -p` opens in `sipprep` (and a wrong passphrase is refused).
`age` reads passphrases from the terminal only, so it runs on a pseudo-terminal here.
Usage: age_interop.py SIPPREP SOURCE_DIR
       age_interop.py --decrypt|--encrypt IN OUT PASSPHRASE   (one file, for the browser tests)"""
import os
import pty
import subprocess
import sys
import tempfile

PASS = "Vårt lösenord 2026!"
failures = []


def check(name, ok, detail=""):
    print(("ok    " if ok else "FAIL  ") + name + ("" if ok else ": " + detail))
    if not ok:
        failures.append(name)


def age_on_tty(args, answers):
    """Runs age with a terminal, answering each passphrase prompt in turn; returns (status, output)."""
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp("age", ["age"] + args)
    out, pending = b"", list(answers)
    while True:
        try:
            chunk = os.read(fd, 1024)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
        if pending and out.lower().count(b"passphrase") > len(answers) - len(pending) and out.rstrip().endswith(b":"):
            os.write(fd, (pending.pop(0) + "\n").encode())
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), out.decode(errors="replace")


# For the browser tests: `age_interop.py --decrypt IN OUT PASS` and `--encrypt IN OUT PASS` with
# Debian's age, on a terminal.
if len(sys.argv) == 5 and sys.argv[1] in ("--decrypt", "--encrypt"):
    src, dst, passphrase = sys.argv[2:5]
    if sys.argv[1] == "--decrypt":
        code, out = age_on_tty(["-d", "-o", dst, src], [passphrase])
    else:
        code, out = age_on_tty(["-p", "-o", dst, src], [passphrase, passphrase])
    if code != 0:
        print(out, file=sys.stderr)
    sys.exit(code)

SIPPREP, ROOT = sys.argv[1], sys.argv[2]
EXAMPLE = os.path.join(ROOT, "assets/examples/barn-skolfranvaro.json")

with tempfile.TemporaryDirectory() as tmp:
    pass_file = os.path.join(tmp, "pass")
    with open(pass_file, "w", encoding="utf-8") as f:
        f.write(PASS + "\n")
    ours = os.path.join(tmp, "ours.age")
    r = subprocess.run([SIPPREP, "protect", EXAMPLE, "-o", ours, "--passphrase-file", pass_file, "--work-factor", "14"],
                       capture_output=True, text=True)
    check("sipprep protect writes an age file", r.returncode == 0 and open(ours, "rb").read().startswith(b"age-encryption.org/v1\n"), r.stderr)

    plain = os.path.join(tmp, "plain.json")
    code, out = age_on_tty(["-d", "-o", plain, ours], [PASS])
    same = os.path.exists(plain) and open(plain, "rb").read() == open(EXAMPLE, "rb").read()
    check("age -d opens our file to the same bytes", code == 0 and same, out)

    theirs = os.path.join(tmp, "theirs.age")
    code, out = age_on_tty(["-p", "-o", theirs, EXAMPLE], [PASS, PASS])
    check("age -p writes a file", code == 0 and os.path.exists(theirs), out)
    r = subprocess.run([SIPPREP, "validate", theirs, "--passphrase-file", pass_file], capture_output=True, text=True)
    check("sipprep validate opens a file from age -p", r.returncode == 0 and "giltig" in r.stdout, r.stdout + r.stderr)
    r = subprocess.run([SIPPREP, "summary", theirs, "--passphrase-file", pass_file], capture_output=True, text=True)
    check("sipprep summary reads it", r.returncode == 0 and "Elsa" in r.stdout, r.stderr)

    wrong = os.path.join(tmp, "wrong")
    with open(wrong, "w", encoding="utf-8") as f:
        f.write("inte rätt\n")
    r = subprocess.run([SIPPREP, "summary", theirs, "--passphrase-file", wrong], capture_output=True, text=True)
    check("a wrong passphrase is refused with 'Fel lösenord'", r.returncode == 2 and "Fel lösenord" in r.stderr, r.stderr)
    r = subprocess.run([SIPPREP, "summary", theirs], capture_output=True, text=True)
    check("without a passphrase it says the file is protected", r.returncode == 2 and "skyddad med lösenord" in r.stderr, r.stderr)

print(f"{len(failures)} failed")
sys.exit(1 if failures else 0)
