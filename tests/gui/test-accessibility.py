#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Walks the running window's accessibility tree over AT-SPI, as a screen
reader sees it, on every page and in the main dialogs, and fails on a
control that takes the keyboard focus but has no accessible name.

Usage: test-accessibility.py DELEGATE DELEGATE-CLI

It starts the real program on a sample business (delegate-cli sample
create), with the accessibility bridge on (GTK_A11Y and NO_AT_BRIDGE
unset), inside the D-Bus session the test runs in: the session bus starts
the AT-SPI bus (at-spi2-core) when the first client asks for it. The pages
are shown with Alt+1…6 and the dialogs opened with Ctrl+N, as typed on
the keyboard (XTest), so the shortcuts are exercised too. A key that does
not arrive fails the test: under the test's own Xvfb nothing else holds
the keyboard, so a lost key means a widget took it (the walk still goes on
by the view switcher's or the button's own action, to report every name).

A second pass starts the program as on the first day: without --database,
on an empty XDG_DATA_HOME, so it shows the welcome page. It checks the
welcome page's controls, explores the sample business from it, and checks
the sample's window with its bar (Leave Sample).
Exits 77 (skip) only when pyatspi is not installed.
"""

import os
import re
import subprocess
import sys
import tempfile
import time

try:
    import pyatspi
except ImportError:
    print("1..0 # SKIP pyatspi is not installed (Debian: python3-pyatspi)")
    sys.exit(77)

PAGES = ["Overview", "Assistants", "Handbooks", "Tasks", "Timesheets", "Invoices"]
# Ctrl+N on these pages opens a dialog (None), or an editor in the page that
# shows an accessible of the name given; the button named first does the
# same where the key does not arrive.
NEW_ITEM = {"Assistants": ("Add Assistant", "Contact"), "Handbooks": ("New Handbook", "Steps"),
            "Tasks": ("New Task", None), "Timesheets": ("Enter Hours", None),
            "Invoices": ("New Invoice", None)}

# GTK 4.8 reports a widget without a label by its type name ("GtkButton",
# "AdwGizmo"): that is no name to a listener.
TYPE_NAME = re.compile(r"^(Gtk|Adw|Dg)[A-Z][A-Za-z]*$")
# A scrolled window is focusable in GTK only to pass the focus on to its
# child; no screen reader stops on it.
NOT_CONTROLS = {pyatspi.ROLE_SCROLL_PANE}
# Rows, cells and list items are named by what they show (as in ARIA); GTK
# 4.8 offers no way to label a list view's rows themselves.
NAMED_BY_CONTENT = {pyatspi.ROLE_LIST_ITEM, pyatspi.ROLE_TABLE_ROW, pyatspi.ROLE_TABLE_CELL,
                    pyatspi.ROLE_TREE_ITEM}
# The focusable part inside one of GTK's composite controls (a drop-down's
# button, a menu button's button, a column view's list) takes the name of
# the control it belongs to, which the application labels.
COMPOSITES = {pyatspi.ROLE_COMBO_BOX, pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON,
              pyatspi.ROLE_TABLE, pyatspi.ROLE_TREE_TABLE}
# Buttons on a page that open a dialog of the application's own (not a file
# chooser, whose widgets are GTK's).
DIALOG_BUTTONS = {"Timesheets": ["Approve All Up To"]}
# Roles that neither take the focus nor hold anything that does.
LEAVES = {pyatspi.ROLE_LABEL, pyatspi.ROLE_IMAGE, pyatspi.ROLE_ICON, pyatspi.ROLE_SEPARATOR,
          pyatspi.ROLE_SCROLL_BAR, pyatspi.ROLE_HEADING}
TIMEOUT = 15

XK_Alt_L = 0xFFE9
XK_Control_L = 0xFFE3
XK_Escape = 0xFF1B
XK_n = 0x006E
XK_comma = 0x002C
XK_1 = 0x0031

notes = []
# Keys that did not reach the window: each is a failure.
lost_keys = []
# Pages after whose Alt+N the focus stayed on a view switcher tab that is
# no longer selected (its focus ring then marks the wrong page).
stray_focus = []


def wait_for(what, predicate, timeout=TIMEOUT):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            result = predicate()
        except SystemExit:
            raise
        except Exception:  # a widget may go while it is read
            result = None
        if result:
            return result
        time.sleep(0.05)
    raise AssertionError("timed out waiting for " + what)


def name_of(acc):
    name = (acc.name or "").strip()
    return "" if TYPE_NAME.match(name) else name


def extents(acc):
    try:
        box = acc.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    except NotImplementedError:
        return None
    return box


def showing(acc, states):
    # GTK 4.8 sets STATE_SHOWING on windows only; a widget that is not
    # mapped (a hidden page, a closed popover) has an empty box.
    if not states.contains(pyatspi.STATE_VISIBLE):
        return False
    if states.contains(pyatspi.STATE_SHOWING):
        return True
    box = extents(acc)
    return box is not None and box.width > 0 and box.height > 0


def label(acc):
    """The role, and the name, or the type name GTK 4.8 gives for none."""
    raw = (acc.name or "").strip()
    if TYPE_NAME.match(raw):
        return "%s [%s]" % (acc.getRoleName(), raw)
    return "%s “%s”" % (acc.getRoleName(), raw) if raw else acc.getRoleName()


def describe(path):
    """The path from the nearest named ancestor down, and which child the
    control is: enough to find it, and to tell like siblings apart."""
    start = 0
    for i, acc in enumerate(path[:-1]):
        if name_of(acc):
            start = i
    return "%s (child %d)" % (" / ".join(label(a) for a in path[start:]), path[-1].getIndexInParent())


def text_inside(acc, depth=0):
    """Whether something below acc has a name to read: a label, a heading."""
    if depth > 12:
        return False
    for i in range(acc.childCount):
        child = acc.getChildAtIndex(i)
        if child is not None and (name_of(child) or text_inside(child, depth + 1)):
            return True
    return False


def unnamed(acc, role, parent, parent_role):
    if name_of(acc):
        return False
    if role in NAMED_BY_CONTENT:
        return not text_inside(acc)
    if parent_role in COMPOSITES and name_of(parent):
        return False
    return True


def walk(acc, path, found, shown_child, parent_role=None):
    """Collects the showing, focusable controls without a name under acc.

    shown_child(acc) gives, for the window's view stack, the one page that
    is shown: GTK 4.8 marks no widget as showing, and a page shown before
    keeps its last size, so its controls cannot tell by their box. Every
    question asked is a round trip over D-Bus, about a millisecond: the
    role is asked once, leaves are not asked more, and the path is kept as
    the accessibles themselves, named only for a failure."""
    role = acc.getRole()
    if role in LEAVES or role == pyatspi.ROLE_PAGE_TAB_LIST:
        # (The view switchers' buttons are named by the pages' titles: the
        # test finds each by its name before it starts.)
        return
    states = acc.getState()
    if not states.contains(pyatspi.STATE_VISIBLE):
        return
    parent = path[-1] if path else None
    here = path + [acc]
    if states.contains(pyatspi.STATE_FOCUSABLE) and role not in NOT_CONTROLS:
        found["controls"] += 1
        if unnamed(acc, role, parent, parent_role) and showing(acc, states):
            found["unnamed"].add(describe(here))
    if parent_role == pyatspi.ROLE_COMBO_BOX:
        # Below its button, a drop-down holds the list that pops up when it
        # is opened, and the chosen item the button shows: neither takes
        # the focus while it is closed.
        return
    only = shown_child(acc)
    children = [only] if only is not None else [acc.getChildAtIndex(i) for i in range(acc.childCount)]
    for child in children:
        if child is not None:
            walk(child, here, found, shown_child, role)


def find(acc, predicate, depth=0):
    if predicate(acc):
        return acc
    if depth > 40:
        return None
    for i in range(acc.childCount):
        child = acc.getChildAtIndex(i)
        if child is None:
            continue
        hit = find(child, predicate, depth + 1)
        if hit is not None:
            return hit
    return None


def windows(app):
    return [app.getChildAtIndex(i) for i in range(app.childCount)]


def find_all(acc, predicate, found, depth=0):
    if predicate(acc):
        found.append(acc)
    if depth > 40:
        return found
    for i in range(acc.childCount):
        child = acc.getChildAtIndex(i)
        if child is not None:
            find_all(child, predicate, found, depth + 1)
    return found


class Switcher:
    """The view switcher's buttons, looked up once: searching the window
    for them at every step took seconds."""

    def __init__(self, frame):
        tabs = find_all(frame, lambda a: a.getRole() == pyatspi.ROLE_PAGE_TAB, [])
        # The header's switcher; the one at the bottom is for narrow windows.
        self.tabs = {name_of(t): t for t in tabs if showing(t, t.getState())}
        assert set(self.tabs) == set(PAGES), "view switcher shows %s" % sorted(self.tabs)

    def selected(self):
        return next((page for page, tab in self.tabs.items()
                     if tab.getState().contains(pyatspi.STATE_SELECTED)), None)


def show_page(switcher, index, page):
    chord([XK_Alt_L, XK_1 + index])
    try:
        # Long enough for a page shown the first time to fill its lists.
        wait_for("page " + page, lambda: switcher.selected() == page, timeout=8)
        stray_focus.extend("after Alt+%d (%s) the focus is on the %s tab" % (index + 1, page, other)
                           for other, tab in switcher.tabs.items()
                           if other != page and tab.getState().contains(pyatspi.STATE_FOCUSED))
        return
    except AssertionError:
        pass
    lost_keys.append("Alt+%d did not show %s" % (index + 1, page))
    switcher.tabs[page].queryAction().doAction(0)
    wait_for("page " + page, lambda: switcher.selected() == page)


# Keycodes of the keyboard Xvfb starts with (xkb "evdev", "pc105", "us"):
# a chord needs its modifier held down, which only keycodes can do.
KEYCODES = {XK_Alt_L: 64, XK_Control_L: 37, XK_Escape: 9, XK_n: 57, XK_comma: 59}
KEYCODES.update({XK_1 + i: 10 + i for i in range(9)})


def chord(keysyms):
    """Types keys on the X display through AT-SPI (XTest): down in order,
    up in reverse. They reach the window under the pointer."""
    codes = [KEYCODES[sym] for sym in keysyms]
    for code in codes:
        pyatspi.Registry.generateKeyboardEvent(code, None, pyatspi.KEY_PRESS)
    for code in reversed(codes):
        pyatspi.Registry.generateKeyboardEvent(code, None, pyatspi.KEY_RELEASE)
    time.sleep(0.1)


def view_stack(frame):
    """The window's stack of pages: the first node, breadth first, with one
    child per page that is not the view switcher."""
    level = [frame]
    for _ in range(10):
        below = []
        for acc in level:
            if acc.childCount == len(PAGES) and acc.getRole() != pyatspi.ROLE_PAGE_TAB_LIST:
                return acc
            below.extend(c for c in (acc.getChildAtIndex(i) for i in range(acc.childCount)) if c is not None)
        level = below
    raise AssertionError("the window's view stack was not found")


def check(where, acc, failures, stack=None, page_index=None):
    started = time.monotonic()
    found = {"controls": 0, "unnamed": set()}

    def shown_child(node):
        if stack is not None and node == stack:
            return node.getChildAtIndex(page_index)
        return None

    walk(acc, [], found, shown_child)
    notes.append("%s: %d focusable controls, %d without a name (%.1f s)"
                 % (where, found["controls"], len(found["unnamed"]), time.monotonic() - started))
    for path in sorted(found["unnamed"]):
        failures.append("%s: %s" % (where, path))


def close_dialog(app, dialog, before):
    chord([XK_Escape])
    try:
        wait_for("the dialog to close", lambda: len(windows(app)) <= before, timeout=2)
        return
    except AssertionError:
        pass
    cancel = find(dialog, lambda a: a.getRole() == pyatspi.ROLE_PUSH_BUTTON
                  and name_of(a).replace("_", "").startswith(("Cancel", "Close")))
    assert cancel is not None, "the dialog has no Cancel or Close button and Escape did not close it"
    cancel.queryAction().doAction(0)
    wait_for("the dialog to close", lambda: len(windows(app)) <= before)


def editor_part(page, name):
    return find(page, lambda a: name_of(a) == name and showing(a, a.getState()))


def open_by_button(app, page_root, page, button_name):
    before = len(windows(app))
    button = find(page_root, lambda a: a.getRole() == pyatspi.ROLE_PUSH_BUTTON
                  and name_of(a).replace("_", "").startswith(button_name)
                  and showing(a, a.getState()))
    assert button is not None, "no %s button on %s" % (button_name, page)
    button.queryAction().doAction(0)
    return wait_for("the dialog of " + button_name, lambda: windows(app)[-1] if len(windows(app)) > before else None)


def open_new_item(app, page_root, page):
    """Ctrl+N on page (whose accessible is page_root): returns the dialog it opens, or None for the editor
    it opens in the page (the new assistant's)."""
    button_name, editor_marker = NEW_ITEM[page]
    before = len(windows(app))

    def opened():
        if editor_marker is None:
            return windows(app)[-1] if len(windows(app)) > before else None
        return editor_part(page_root, editor_marker)

    chord([XK_Control_L, XK_n])
    try:
        result = wait_for("the new item on " + page, opened, timeout=5)
    except AssertionError:
        lost_keys.append("Ctrl+N did not open the new item on %s" % page)
        button = find(page_root, lambda a: a.getRole() == pyatspi.ROLE_PUSH_BUTTON
                      and name_of(a).replace("_", "").startswith(button_name)
                      and showing(a, a.getState()))
        assert button is not None, "no %s button on %s" % (button_name, page)
        button.queryAction().doAction(0)
        result = wait_for("the new item on " + page, opened)
    return result if editor_marker is None else None


def start(delegate, args, env):
    """Starts the program and returns it, its accessible and its shown window."""
    program = subprocess.Popen([delegate] + args, env=env)
    desktop = pyatspi.Registry.getDesktop(0)

    def find_app():
        if program.poll() is not None:
            raise SystemExit("delegate exited with status %d" % program.returncode)
        return next((a for a in desktop if a is not None and a.get_process_id() == program.pid), None)

    try:
        app = wait_for("the application on the AT-SPI bus", find_app)
        frame = wait_for("the window", lambda: shown_frame(app))
    except BaseException:
        stop(program)
        raise
    return program, app, frame


def stop(program):
    program.terminate()
    program.wait(timeout=10)


def shown_frame(app, other_than=None):
    return next((w for w in windows(app) if w.getRole() == pyatspi.ROLE_FRAME and w != other_than
                 and w.getState().contains(pyatspi.STATE_SHOWING)), None)


def shown_button(root, name):
    return find(root, lambda a: a.getRole() in (pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON)
                and name_of(a).replace("_", "").startswith(name) and showing(a, a.getState()))


def every_page(delegate, cli, env, tmp, failures):
    """The pages and dialogs, on a sample business written by delegate-cli."""
    database = os.path.join(tmp, "sample.db")
    subprocess.run([cli, "--database", database, "sample", "create"], check=True,
                   stdout=subprocess.DEVNULL, env=env)
    program, app, frame = start(delegate, ["--database", database], env)
    try:
        switcher = wait_for("the view switcher", lambda: Switcher(frame))
        stack = view_stack(frame)

        for index, page in enumerate(PAGES):
            show_page(switcher, index, page)
            time.sleep(0.2)  # a page shown for the first time fills its lists
            if page not in NEW_ITEM or NEW_ITEM[page][1] is None:
                # (A page that opens an editor in itself is read with it.)
                check(page, frame, failures, stack, index)
            if page in NEW_ITEM:
                dialog = open_new_item(app, stack.getChildAtIndex(index), page)
                time.sleep(0.2)
                if dialog is None:
                    check(page + " (new)", frame, failures, stack, index)
                else:
                    check(page + ": " + label(dialog), dialog, failures)
                    close_dialog(app, dialog, len(windows(app)) - 1)

        for page, buttons in DIALOG_BUTTONS.items():
            index = PAGES.index(page)
            show_page(switcher, index, page)
            for button_name in buttons:
                dialog = open_by_button(app, stack.getChildAtIndex(index), page, button_name)
                time.sleep(0.2)
                check(page + ": " + label(dialog), dialog, failures)
                close_dialog(app, dialog, len(windows(app)) - 1)

        # Ctrl+, : the preferences (the business profile among them).
        before = len(windows(app))
        chord([XK_Control_L, XK_comma])
        dialog = wait_for("the preferences", lambda: windows(app)[-1] if len(windows(app)) > before else None)
        time.sleep(0.3)
        tabs = find_all(dialog, lambda a: a.getRole() == pyatspi.ROLE_PAGE_TAB
                        and showing(a, a.getState()), [])
        # Each page is shown once, then all are read at once: a page
        # that was shown keeps its size, so its controls count as shown.
        for tab in tabs:
            if not name_of(tab):
                failures.append("Preferences: %s" % label(tab))
            tab.queryAction().doAction(0)
            wait_for("the preferences page " + name_of(tab),
                     lambda: tab.getState().contains(pyatspi.STATE_SELECTED))
        time.sleep(0.2)
        check("Preferences (%s)" % ", ".join(name_of(t) for t in tabs), dialog, failures)
        close_dialog(app, dialog, before)
    finally:
        stop(program)


def first_start(delegate, env, tmp, failures):
    """The first start: an empty database shows the welcome page, whose
    Explore a Sample Business opens the sample in a window of its own,
    with the bar that leads back."""
    data = os.path.join(tmp, "data")
    os.makedirs(data)
    program, app, frame = start(delegate, [], dict(env, XDG_DATA_HOME=data))
    try:
        explore = wait_for("the welcome page", lambda: shown_button(frame, "Explore a Sample Business"))
        if shown_button(frame, "Start With My Business") is None:
            failures.append("Welcome: no button named “Start With My Business”")
        check("Welcome", frame, failures)
        explore.queryAction().doAction(0)
        # The sample is written in a thread, then its window replaces this one.
        sample = wait_for("the sample business's window", lambda: shown_frame(app, other_than=frame), timeout=30)
        wait_for("the sample bar's Leave Sample", lambda: shown_button(sample, "Leave Sample"))
        stack = view_stack(sample)
        check("Sample business (bar and Overview)", sample, failures, stack, 0)
    finally:
        stop(program)


def main():
    if len(sys.argv) != 3:
        print("usage: test-accessibility.py DELEGATE DELEGATE-CLI", file=sys.stderr)
        return 2
    delegate, cli = sys.argv[1:3]
    env = dict(os.environ)
    env.pop("GTK_A11Y", None)
    env.pop("NO_AT_BRIDGE", None)
    env.setdefault("GSETTINGS_BACKEND", "memory")

    failures = []
    with tempfile.TemporaryDirectory(prefix="delegate-a11y-") as tmp:
        started = time.monotonic()
        every_page(delegate, cli, env, tmp, failures)
        notes.append("pages and dialogs: %.1f s" % (time.monotonic() - started))
        started = time.monotonic()
        first_start(delegate, env, tmp, failures)
        notes.append("first start and sample: %.1f s" % (time.monotonic() - started))

    for note in notes:
        print("# " + note)
    print("1..3")
    status = 0
    if failures:
        print("not ok 1 focusable controls without an accessible name")
        for failure in failures:
            print("#   " + failure)
        status = 1
    else:
        print("ok 1 every focusable control has an accessible name")
    if lost_keys:
        print("not ok 2 keys typed on the keyboard did not arrive")
        for lost in lost_keys:
            print("#   " + lost)
        status = 1
    else:
        print("ok 2 every shortcut typed on the keyboard arrived")
    if stray_focus:
        print("not ok 3 the focus stays on a view switcher tab that is not shown")
        for stray in stray_focus:
            print("#   " + stray)
        status = 1
    else:
        print("ok 3 a page shown by its key takes the focus from the view switcher")
    return status


if __name__ == "__main__":
    sys.exit(main())
