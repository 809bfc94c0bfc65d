# SPDX-License-Identifier: GPL-3.0-or-later
"""Reads Chorus screens through AT-SPI, the interface Orca and other Linux screen readers use.

Run by with-atspi.sh (private session bus, accessibility bus, Xvfb):
    atspi_walk.py [--passwords SCREEN=N ...] [--role SCREEN:NAME=ROLE ...] [--single SCREEN]
                  -- COMMAND [ARGS...]

COMMAND either prints "shown NAME" for each screen it holds up and waits for a line on stdin
(setup_screenshots --hold), or with --single shows one screen until it is stopped (chorus-admin
--page). On every screen, every password field must have a name, and the screen must hold exactly
N of them (0 unless --passwords says otherwise), so a screen that lost its fields fails instead
of passing with nothing to check. With --role, the control called NAME must be there and have
that AT-SPI role ("radio button", "link", "page tab"), as Orca would announce it. Qt 6.4 reports
a control below the fold as not visible, like a hidden one, so both are counted.
SCREEN matches the shown name without its "-100"/"-200" suffix.
"""

import argparse
import os
import re
import subprocess
import sys
import time

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, GLib  # noqa: E402

# How long a screen may take to appear on the bus; a deadline for a wait, not a speed goal.
APPEAR_SECONDS = 30


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--passwords", action="append", default=[], metavar="SCREEN=N")
    parser.add_argument("--role", action="append", default=[], metavar="SCREEN:NAME=ROLE")
    parser.add_argument("--single", metavar="SCREEN")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    if args.command[:1] == ["--"]:
        args.command = args.command[1:]
    if not args.command:
        parser.error("no command to walk")
    expected = {}
    for item in args.passwords:
        screen, _, count = item.partition("=")
        if not count.isdigit():
            parser.error(f"--passwords {item}: expected SCREEN=N")
        expected[screen] = int(count)
    roles = {}
    for item in args.role:
        screen, _, rest = item.partition(":")
        name, _, role = rest.partition("=")
        if not name or not role:
            parser.error(f"--role {item}: expected SCREEN:NAME=ROLE")
        roles.setdefault(screen, []).append((name, role))
    return args, expected, roles


def find_app(pid):
    desktop = Atspi.get_desktop(0)
    for i in range(desktop.get_child_count()):
        app = desktop.get_child_at_index(i)
        if app is not None and app.get_process_id() == pid:
            app.set_cache_mask(Atspi.Cache.NONE)
            return app
    return None


def nodes(accessible):
    """Every node under accessible, depth first."""
    stack = [accessible]
    while stack:
        node = stack.pop()
        yield node
        try:
            count = node.get_child_count()
        except GLib.Error:
            continue
        for i in range(count - 1, -1, -1):
            child = node.get_child_at_index(i)
            if child is not None:
                stack.append(child)


def showing(node):
    """In view now (a control below the fold or hidden is not)."""
    return node.get_state_set().contains(Atspi.StateType.VISIBLE)


def password_fields(app):
    return [n for n in nodes(app) if n.get_role() == Atspi.Role.PASSWORD_TEXT]


def check_roles(app, screen, wanted):
    problems = []
    every = list(nodes(app))
    for name, role in wanted:
        found = [n.get_role_name() for n in every if n.get_name() == name]
        if role not in found:
            problems.append(f"{screen}: '{name}' is read as {found or 'nothing'}, expected '{role}'")
    return problems


def dump(pid, screen):
    """The screen's tree on stderr, to see what a screen reader got when a check failed."""
    try:
        app = find_app(pid)
        lines = []
        for node in nodes(app) if app is not None else []:
            depth, parent = 0, node.get_parent()
            while parent is not None and parent != app and depth < 40:
                depth, parent = depth + 1, parent.get_parent()
            shown = "" if showing(node) else " (out of view)"
            lines.append(f"  {'  ' * depth}{node.get_role_name()} '{node.get_name()}'{shown}")
        print(f"{screen} as read over AT-SPI:\n" + "\n".join(lines), file=sys.stderr)
    except GLib.Error as error:
        print(f"{screen}: could not read the tree: {error}", file=sys.stderr)


def check_screen(pid, screen, expected, roles):
    """Returns the problems on the screen now showing ([] when it reads correctly)."""
    base = re.sub(r"-\d+$", "", screen)
    want = expected.get(base, 0)
    deadline = time.monotonic() + APPEAR_SECONDS
    fields = []
    while time.monotonic() < deadline:
        try:
            app = find_app(pid)
            if app is not None:
                fields = password_fields(app)
                if len(fields) == want:
                    break
        except GLib.Error:
            pass  # the app is busy or the screen is changing under the walk: ask again
        time.sleep(0.2)
    else:
        dump(pid, screen)
        return [f"{screen}: {len(fields)} password field(s) over AT-SPI, expected {want}"]
    problems = []
    for field in fields:
        if not field.get_name().strip():
            where = "a" if showing(field) else "an out-of-view"
            problems.append(f"{screen}: {where} password field has no accessible name "
                            f"(AT-SPI reads \"password text ''\")")
    problems += check_roles(app, screen, roles.get(base, []))
    if problems:
        dump(pid, screen)
    names = ", ".join(repr(f.get_name()) for f in fields)
    print(f"{screen}: {want} password field(s), named {names or '-'}", flush=True)
    return problems


def main():
    args, expected, roles = parse_args()
    Atspi.init()
    env = dict(os.environ, QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1", QT_QPA_PLATFORM="xcb")
    app = subprocess.Popen(args.command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, text=True)
    problems = []
    screens = 0
    try:
        if args.single:
            screens = 1
            problems += check_screen(app.pid, args.single, expected, roles)
        else:
            for line in app.stdout:
                if not line.startswith("shown "):
                    continue
                screens += 1
                problems += check_screen(app.pid, line.split(None, 1)[1].strip(), expected, roles)
                app.stdin.write("next\n")
                app.stdin.flush()
    finally:
        app.stdin.close()  # end of input: a holding command moves on and exits
        if args.single:
            app.terminate()
        try:
            rc = app.wait(timeout=60)
        except subprocess.TimeoutExpired:
            app.kill()
            rc = app.wait()
    if not args.single and rc != 0:
        problems.append(f"{args.command[0]} exited with {rc}")
    if screens == 0:
        problems.append(f"{args.command[0]} showed no screen to walk")
    for problem in problems:
        print(f"FAIL: {problem}", file=sys.stderr)
    print(f"{screens} screen(s) walked, {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
