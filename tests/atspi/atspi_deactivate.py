"""Drives the installed campaign-manager over AT-SPI, as a screen reader would: select an active
campaign through the Table interface, read its details, press Deactivate, see the result, quit.

Three scenarios: "account" starts the app with --api-url and ALTCRAFT_API_TOKEN against the
emulator in its own process; "demo-switch" starts --demo, switches to the demo's second account
through File → Account, deactivates there (that account asks first: the dialog's button is
pressed over AT-SPI too), switches back, and after quitting reads the demo's History file;
"incident" runs Campaign → Pause Everything… (typing the count), lets a colleague touch three of
the paused campaigns over the API, then Campaign → Restore Snapshot…, reads the report and checks
that the server holds exactly the right set active again.

Run by run-atspi-test (which provides the D-Bus session, Xvfb, the AT-SPI bus and the emulator)
with Debian's /usr/bin/python3, which has pyatspi. Every wait is a poll with a deadline.
"""

import argparse
import glob
import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
import traceback
import urllib.error
import urllib.request
import warnings

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, GLib  # noqa: E402

TOKEN = "demo0full0access0token0000000001"  # the emulator's default full-rights token
# A colleague's token (run-atspi-test passes it as --user-token for the "incident" scenario):
# its writes name "anna.colleague" in updated_user, as someone else's hand on the account would.
COLLEAGUE_TOKEN = "demo0colleague0token000000000005"
COLLEAGUE = "anna.colleague"
# The app's words for the server's states (app/domain/statuslabels.cpp).
STATUS_LABELS = {"cloning": "Being cloned", "inactive": "Inactive", "waiting": "Awaiting activation",
                 "active": "Active", "completed": "Completed", "deleted": "Deleted"}
START = time.monotonic()


class Failure(Exception):
    pass


def log(message):
    print(f"[{time.monotonic() - START:6.2f}s] {message}", flush=True)


def demo_emulator_pids():
    """The altcraft-emulator processes a demo started (only the demo serves the account 'second')."""
    pids = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as f:
                args = f.read().split(b"\0")
        except OSError:
            continue
        if args and args[0].endswith(b"altcraft-emulator") and any(a.startswith(b"second:") for a in args):
            pids.append(int(entry))
    return pids


def describe_exit(status):
    if status < 0:
        try:
            name = signal.Signals(-status).name
        except ValueError:
            name = f"signal {-status}"
        return f"killed by {name} (shell status {128 - status})"
    return f"exited with status {status}"


class App:
    """The campaign-manager process under test."""

    def __init__(self, argv, env, log_path, pid_file):
        self.pid_file = pid_file
        self.log_file = open(log_path, "wb")
        self.proc = subprocess.Popen(
            argv, env=env, stdin=subprocess.DEVNULL, stdout=self.log_file, stderr=subprocess.STDOUT)
        with open(pid_file, "w") as f:
            f.write(f"{self.proc.pid}\n")

    def check_alive(self):
        status = self.proc.poll()
        if status is not None:
            raise Failure(f"campaign-manager {describe_exit(status)} unexpectedly")

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        # Reaped: the wrapper must not signal that PID any more.
        os.unlink(self.pid_file)
        self.log_file.close()


class Driver:
    def __init__(self, args):
        self.args = args
        self.timeout = args.timeout
        self.api_base = args.api_url.rstrip("/") + "/api/v1.1/scampaigns/"
        # Loopback only: never through a proxy from the environment.
        self.http = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        self.app = None
        self.root = None  # the app's node on the AT-SPI desktop

    # --- waiting -------------------------------------------------------------------------------

    def poll(self, what, probe, timeout=None):
        """Calls probe() until it returns something other than None or False (0 is an answer: a
        row number), and returns that; fails after the deadline or as soon as the app has died.
        AT-SPI errors (the app busy, an object just gone) count as "not yet"."""
        deadline = time.monotonic() + (timeout or self.timeout)
        last_error = None
        while True:
            if self.app:
                self.app.check_alive()
            try:
                value = probe()
            except GLib.Error as e:
                value, last_error = None, e
            if value is not None and value is not False:
                return value
            if time.monotonic() > deadline:
                detail = f" (last error: {last_error})" if last_error else ""
                raise Failure(f"timed out after {timeout or self.timeout}s waiting for {what}{detail}")
            time.sleep(0.05)

    # --- the emulator over HTTP ----------------------------------------------------------------

    def api(self, method, token=TOKEN, **fields):
        body = json.dumps({"token": token, **fields}).encode()
        request = urllib.request.Request(self.api_base + method, data=body,
                                         headers={"Content-Type": "application/json"})
        with self.http.open(request, timeout=10) as reply:
            envelope = json.load(reply)
        if envelope.get("error") != 0:
            raise Failure(f"emulator {method} {fields}: error {envelope.get('error')}: {envelope.get('error_text')}")
        return envelope["data"]

    # --- the accessibility tree ----------------------------------------------------------------

    @staticmethod
    def children(node):
        for i in range(node.get_child_count()):
            child = node.get_child_at_index(i)
            if child is not None:
                yield child

    def find(self, root, predicate, prune_roles=(Atspi.Role.TABLE, Atspi.Role.TREE_TABLE, Atspi.Role.LIST)):
        """Breadth-first search below root (table cells are not searched)."""
        queue = [root]
        while queue:
            node = queue.pop(0)
            if node is not root and predicate(node):
                return node
            if node is root or node.get_role() not in prune_roles:
                queue.extend(self.children(node))
        return None

    @staticmethod
    def has_state(node, state):
        return node.get_state_set().contains(state)

    @staticmethod
    def require(node, interface):
        if interface not in node.get_interfaces():
            raise Failure(f"{node.get_role_name()} '{node.get_name()}' has no {interface} interface")
        return node

    @staticmethod
    def press_action(node, names=("press", "click", "activate")):
        """The index and name of the node's press action. (Qt lists no actions for a disabled
        control, and then answers DoAction with "No such object path".)"""
        Driver.require(node, "Action")
        with warnings.catch_warnings():
            # atspi_action_get_name, its replacement, is hidden in Python by Accessible.get_name.
            warnings.simplefilter("ignore", DeprecationWarning)
            available = [Atspi.Action.get_action_name(node, i) for i in range(Atspi.Action.get_n_actions(node))]
        for i, name in enumerate(available):
            if name.lower() in names:
                return i, name
        raise Failure(f"{node.get_role_name()} '{node.get_name()}' has no press action, only {available}")

    def dump(self, node, depth=0, max_depth=12):
        """A compact tree for the failure log (tables: their size and first rows)."""
        try:
            role, name = node.get_role_name(), node.get_name()
            extra = ""
            table = node.get_role() == Atspi.Role.TABLE and "Table" in node.get_interfaces()
            if table:
                extra = f" [{Atspi.Table.get_n_rows(node)}x{Atspi.Table.get_n_columns(node)}]"
            print(f"{'  ' * depth}{role} '{name}'{extra}", file=sys.stderr)
            if table:
                for r in range(min(3, Atspi.Table.get_n_rows(node))):
                    cells = [Atspi.Table.get_accessible_at(node, r, c) for c in range(Atspi.Table.get_n_columns(node))]
                    print(f"{'  ' * (depth + 1)}row {r}: " + " | ".join(
                        f"{c.get_role_name()} '{c.get_name()}'" if c else "None" for c in cells), file=sys.stderr)
            if depth < max_depth and node.get_role() not in (Atspi.Role.TABLE, Atspi.Role.TREE_TABLE):
                for child in self.children(node):
                    self.dump(child, depth + 1, max_depth)
        except GLib.Error as e:
            print(f"{'  ' * depth}<{e}>", file=sys.stderr)

    # --- the table -----------------------------------------------------------------------------

    @staticmethod
    def column_of(table, header):
        for c in range(Atspi.Table.get_n_columns(table)):
            if Atspi.Table.get_column_description(table, c) == header:
                return c
        raise Failure(f"campaign table has no column '{header}'")

    @staticmethod
    def row_of(table, id_column, campaign_id):
        for r in range(Atspi.Table.get_n_rows(table)):
            cell = Atspi.Table.get_accessible_at(table, r, id_column)
            if cell is not None and cell.get_name() == str(campaign_id):
                return r
        return None

    # --- the scenario --------------------------------------------------------------------------

    def start_app(self, argv, env):
        args = self.args
        self.app = App(argv, env, args.app_log, args.pid_file)
        log(f"started {' '.join(argv)} (pid {self.app.proc.pid})")
        desktop = Atspi.get_desktop(0)

        def app_on_desktop():
            for candidate in self.children(desktop):
                if candidate.get_process_id() == self.app.proc.pid:
                    return candidate
            return None

        app = self.poll("the app to register on the AT-SPI desktop", app_on_desktop)
        log(f"app on the AT-SPI desktop: '{app.get_name()}'")
        self.root = app

        def main_window():
            return self.find(app, lambda n: n.get_role() == Atspi.Role.FRAME and self.find(
                n, lambda t: t.get_role() == Atspi.Role.TABLE and t.get_name() == "Campaigns") is not None,
                prune_roles=())

        window = self.poll("the main window (a frame with the 'Campaigns' table)", main_window)
        log(f"main window: '{window.get_name()}'")
        if window.get_name().count("Campaign Manager") != 1:
            raise Failure(f"the window title '{window.get_name()}' should name the app once")
        return window

    def menu_item(self, window, menu_path):
        """The menu item at menu_path (e.g. ["File", "Account", "Demo client — Production"])."""
        def probe():
            node = self.find(window, lambda n: n.get_role() == Atspi.Role.MENU_BAR)
            for name in menu_path:
                if node is None:
                    return None
                node = self.find(node, lambda n, name=name: n.get_name() == name
                                 and n.get_role() in (Atspi.Role.MENU, Atspi.Role.MENU_ITEM,
                                                      Atspi.Role.CHECK_MENU_ITEM, Atspi.Role.RADIO_MENU_ITEM))
            return node
        return self.poll("the menu item " + " → ".join(menu_path), probe)

    def press(self, node, what):
        index, name = self.press_action(node)
        started = time.monotonic()
        if not Atspi.Action.do_action(node, index):
            raise Failure(f"{what} refused its press action")
        took = time.monotonic() - started
        log(f"pressed {what} through its action '{name}' (returned in {took:.3f}s)")
        if took > 2:
            raise Failure(f"pressing {what} blocked the caller for {took:.1f}s")

    def status_of(self, table, campaign_id):
        id_column, status_column = self.column_of(table, "ID"), self.column_of(table, "Status")
        r = self.row_of(table, id_column, campaign_id)
        return None if r is None else Atspi.Table.get_accessible_at(table, r, status_column).get_name()

    def states_in(self, table):
        """{campaign ID: the Status cell's text} for every row of the table."""
        id_column, status_column = self.column_of(table, "ID"), self.column_of(table, "Status")
        return {int(Atspi.Table.get_accessible_at(table, r, id_column).get_name()):
                Atspi.Table.get_accessible_at(table, r, status_column).get_name()
                for r in range(Atspi.Table.get_n_rows(table))}

    def select_only(self, table, campaign_id):
        id_column = self.column_of(table, "ID")
        row = self.poll(f"a row with ID {campaign_id}", lambda: self.row_of(table, id_column, campaign_id))
        for selected in Atspi.Table.get_selected_rows(table):
            Atspi.Table.remove_row_selection(table, selected)
        if not Atspi.Table.add_row_selection(table, row):
            raise Failure(f"Table.addRowSelection({row}) was refused")
        self.poll(f"row {row} to be selected", lambda: list(Atspi.Table.get_selected_rows(table)) == [row])
        return row

    def quit(self, window):
        item = self.menu_item(window, ["File", "Quit"])
        index, name = self.press_action(item)
        try:
            Atspi.Action.do_action(item, index)
            log(f"pressed File → Quit through its action '{name}'")
        except GLib.Error as e:
            # The app may exit before it answers; its exit status is what counts.
            log(f"pressed File → Quit; no answer ({e.message}): the app is probably gone")
        try:
            status = self.app.proc.wait(self.timeout)
        except subprocess.TimeoutExpired:
            raise Failure(f"campaign-manager still running {self.timeout}s after File → Quit") from None
        if status != 0:
            raise Failure(f"campaign-manager {describe_exit(status)} after File → Quit, expected 0")
        log("campaign-manager exited with status 0")

    def run(self):
        if self.args.scenario == "demo-switch":
            self.run_demo_switch()
        elif self.args.scenario == "incident":
            self.run_incident()
        else:
            self.run_account()

    def run_demo_switch(self):
        args = self.args
        window = self.start_app([args.app, "--demo"], dict(os.environ))
        table = self.require(self.poll("the 'Campaigns' table", lambda: self.find(
            window, lambda n: n.get_role() == Atspi.Role.TABLE and n.get_name() == "Campaigns")), "Table")
        self.poll("the demo's campaigns in the table", lambda: Atspi.Table.get_n_rows(table) > 0)
        first_rows = Atspi.Table.get_n_rows(table)
        first_states = self.states_in(table)
        log(f"first account: {first_rows} rows")

        # File → Account → the second account.
        second = "Demo client — Production"
        self.press(self.menu_item(window, ["File", "Account", second]), f"File → Account → {second}")
        self.poll("the window title to name the second account, then the app, once",
                  lambda: window.get_name() == "Demo client (Production) — Campaign Manager")
        band = self.poll("the account band to say PRODUCTION", lambda: self.find(
            window, lambda n: n.get_role() == Atspi.Role.LABEL and n.get_name() == "PRODUCTION"
            and self.has_state(n, Atspi.StateType.SHOWING)))
        log(f"window: '{window.get_name()}', band badge '{band.get_name()}'")
        self.poll("the second account's list (a different number of rows)",
                  lambda: Atspi.Table.get_n_rows(table) not in (0, first_rows))
        log(f"second account: {Atspi.Table.get_n_rows(table)} rows")

        # Its last active campaign.
        id_column = self.column_of(table, "ID")
        status_column = self.column_of(table, "Status")
        active = [int(Atspi.Table.get_accessible_at(table, r, id_column).get_name())
                  for r in range(Atspi.Table.get_n_rows(table))
                  if Atspi.Table.get_accessible_at(table, r, status_column).get_name() == STATUS_LABELS["active"]]
        if not active:
            raise Failure("the second account shows no active campaign")
        campaign_id = max(active)
        self.select_only(table, campaign_id)
        log(f"selected campaign {campaign_id} in the second account")

        toolbar = self.find(window, lambda n: n.get_role() == Atspi.Role.TOOL_BAR)
        button = self.poll("a 'Deactivate' button in the toolbar", lambda: self.find(
            toolbar, lambda n: n.get_name() == "Deactivate"
            and n.get_role() in (Atspi.Role.PUSH_BUTTON, Atspi.Role.TOGGLE_BUTTON)))
        self.poll("'Deactivate' to be enabled", lambda: self.has_state(button, Atspi.StateType.SENSITIVE))
        self.press(button, "'Deactivate'")

        # The account asks before every action, naming itself.
        def dialog():
            return self.find(self.root, lambda n: n.get_role() == Atspi.Role.DIALOG
                             and n.get_name() == "Deactivate 1 campaign?", prune_roles=())
        confirm = self.poll("the confirmation 'Deactivate 1 campaign?'", dialog)
        self.poll("the dialog to name the account", lambda: self.find(
            confirm, lambda n: n.get_name() == "In account: Demo client (Production)"))
        ok = self.poll("its 'Deactivate 1 campaign' button", lambda: self.find(
            confirm, lambda n: n.get_role() == Atspi.Role.PUSH_BUTTON and n.get_name() == "Deactivate 1 campaign"))
        self.press(ok, "'Deactivate 1 campaign'")

        self.poll(f"the Status cell of campaign {campaign_id} to read 'Inactive'",
                  lambda: self.status_of(table, campaign_id) == STATUS_LABELS["inactive"])
        log(f"second account: campaign {campaign_id} reads 'Inactive' (read back from the server)")

        # Back in the first account, the same ID was not touched.
        first = "Demo"
        self.press(self.menu_item(window, ["File", "Account", first]), f"File → Account → {first}")
        self.poll("the first account's list again", lambda: Atspi.Table.get_n_rows(table) == first_rows)
        self.poll("the first account's statuses as before", lambda: self.states_in(table) == first_states)
        log(f"first account: campaign {campaign_id} still reads '{first_states.get(campaign_id)}', "
            f"and so does every other row")

        # History, while the app runs: the demo keeps it in a private directory of its own.
        runtime = os.environ["XDG_RUNTIME_DIR"]
        demo_dirs = glob.glob(os.path.join(runtime, "campaign-manager-demo-*"))
        if len(demo_dirs) != 1:
            raise Failure(f"expected one demo directory in {runtime}, found {demo_dirs}")
        journal = os.path.join(demo_dirs[0], "journal.sqlite")

        def history_rows():
            with sqlite3.connect(f"file:{journal}?mode=ro", uri=True) as db:
                return db.execute("SELECT account_id, account_name, outcome FROM actions WHERE campaign_id = ?"
                                  " AND action = 'deactivate'", (campaign_id,)).fetchall()
        expected = [("demo-second", "Demo client", "success")]
        self.poll(f"History to hold one success for campaign {campaign_id} in 'Demo client'",
                  lambda: history_rows() == expected)
        log(f"History: {history_rows()[0]}")
        emulators = demo_emulator_pids()
        if len(emulators) != 1:
            raise Failure(f"expected the demo's own altcraft-emulator process, found {emulators}")
        self.quit(window)

        # Nothing of the demo is left: no directory, no journal anywhere in the private home, no emulator.
        left = glob.glob(os.path.join(runtime, "campaign-manager-demo-*")) \
            + glob.glob(os.path.join(os.environ.get("TMPDIR", "/tmp"), "campaign-manager-demo-*")) \
            + glob.glob(os.path.join(os.environ["HOME"], "**", "*.sqlite*"), recursive=True)
        if left:
            raise Failure(f"the demo left {left} behind")
        deadline = time.monotonic() + self.timeout  # the app is gone: self.poll() would say so
        while demo_emulator_pids() and time.monotonic() < deadline:
            time.sleep(0.05)
        if demo_emulator_pids():
            raise Failure(f"the demo's emulator {demo_emulator_pids()} outlived the app")
        log("the demo left nothing behind: no directory, no journal, no emulator")

    def dialog_named(self, title):
        return self.poll(f"the dialog '{title}'", lambda: self.find(
            self.root, lambda n: n.get_role() == Atspi.Role.DIALOG and n.get_name() == title, prune_roles=()))

    def button_in(self, node, name):
        button = self.poll(f"a '{name}' button", lambda: self.find(
            node, lambda n: n.get_role() == Atspi.Role.PUSH_BUTTON and n.get_name() == name))
        self.poll(f"'{name}' to be enabled", lambda: self.has_state(button, Atspi.StateType.SENSITIVE))
        return button

    def label_in(self, node, pattern, what):
        return self.poll(what, lambda: self.find(
            node, lambda n: n.get_role() == Atspi.Role.LABEL and re.search(pattern, n.get_name() or "")
            and self.has_state(n, Atspi.StateType.SHOWING)))

    def type_into(self, node, text, what):
        self.require(node, "EditableText")
        if not Atspi.EditableText.set_text_contents(node, text):
            raise Failure(f"{what} refused the text '{text}'")
        log(f"typed '{text}' into {what}")

    def states_on_server(self):
        return {c["id"]: c["state"] for c in self.api("list", limit=1000)}

    def run_incident(self):
        args = self.args
        window = self.start_app([args.app, "--api-url", args.api_url], dict(os.environ, ALTCRAFT_API_TOKEN=TOKEN))
        before = self.states_on_server()
        running = sorted(i for i, s in before.items() if s in ("active", "waiting"))
        if len(running) < 6:
            raise Failure(f"the emulator has only {len(running)} active or waiting campaigns: {before}")
        log(f"server: {len(running)} campaigns active or waiting of {len(before)}")
        table = self.require(self.poll("the 'Campaigns' table", lambda: self.find(
            window, lambda n: n.get_role() == Atspi.Role.TABLE and n.get_name() == "Campaigns")), "Table")
        self.poll(f"{len(before)} rows in the table", lambda: Atspi.Table.get_n_rows(table) >= len(before))

        # Campaign → Pause Everything…: the preview, the count typed, the reason.
        self.press(self.menu_item(window, ["Campaign", "Pause Everything…"]), "Campaign → Pause Everything…")
        pause = self.dialog_named("Pause Everything")
        active = sum(1 for i in running if before[i] == "active")
        waiting = len(running) - active
        counts = self.label_in(pause, rf"\b{active} active campaigns will be paused\. {waiting} waiting campaigns? "
                               r"will be paused\.", "the preview's counts")
        log(f"preview: '{counts.get_name()}'")
        ok_name = f"Pause {len(running)} campaigns"
        ok = self.poll(f"a '{ok_name}' button", lambda: self.find(
            pause, lambda n: n.get_role() == Atspi.Role.PUSH_BUTTON and n.get_name() == ok_name))
        if self.has_state(ok, Atspi.StateType.SENSITIVE):
            raise Failure(f"'{ok_name}' is enabled before the count is typed")
        reason = self.poll("the 'Reason' field", lambda: self.find(
            pause, lambda n: n.get_name() == "Reason" and "EditableText" in n.get_interfaces()))
        self.type_into(reason, "AT-SPI drill: wrong offer", "the 'Reason' field")
        confirm = self.poll("the count field", lambda: self.find(
            pause, lambda n: n.get_name() == "Number of campaigns, typed to confirm"
            and "EditableText" in n.get_interfaces()))
        self.type_into(confirm, str(len(running)), "the count field")
        self.press(self.button_in(pause, ok_name), f"'{ok_name}'")

        self.poll(f"the server to report all {len(running)} inactive",
                  lambda: all(self.states_on_server()[i] == "inactive" for i in running))
        self.poll("the table to show all of them inactive", lambda: all(
            self.status_of(table, i) == STATUS_LABELS["inactive"] for i in running))
        log(f"table: all {len(running)} read 'Inactive'")

        # Someone else touches three: the colleague resumes one and pauses another again after
        # resuming it; with the app's own token a third is resumed (as a second run would).
        resumed_by_colleague, repaused_by_colleague, resumed_by_us = running[0], running[1], running[2]
        self.api("activate", token=COLLEAGUE_TOKEN, id=resumed_by_colleague)
        self.api("activate", token=COLLEAGUE_TOKEN, id=repaused_by_colleague)
        self.api("deactivate", token=COLLEAGUE_TOKEN, id=repaused_by_colleague)
        self.api("activate", id=resumed_by_us)
        log(f"colleague resumed {resumed_by_colleague}, resumed and paused {repaused_by_colleague}; "
            f"the app's token resumed {resumed_by_us}")
        untouched = [i for i in running if i not in (resumed_by_colleague, repaused_by_colleague, resumed_by_us)]

        # Campaign → Restore Snapshot…: the snapshot, then the report before anything is sent.
        restore = self.menu_item(window, ["Campaign", "Restore Snapshot…"])
        # It stays off while the pause runs; on again once its snapshot is written.
        self.poll("Restore Snapshot… to be enabled", lambda: self.has_state(restore, Atspi.StateType.SENSITIVE))
        self.press(restore, "Campaign → Restore Snapshot…")
        chooser = self.dialog_named("Restore Snapshot")
        snapshots = self.poll("the snapshot list", lambda: self.find(
            chooser, lambda n: n.get_name() == "Incident snapshots, newest first", prune_roles=()))
        if "Table" in snapshots.get_interfaces() and Atspi.Table.get_n_rows(snapshots) != 1:
            raise Failure(f"expected one snapshot, the list has {Atspi.Table.get_n_rows(snapshots)} rows")
        self.press(self.button_in(chooser, "Restore…"), "'Restore…'")

        report = self.dialog_named("Restore the Incident Pause")
        counts = self.label_in(report, rf"^{len(untouched)} campaigns will be activated again\. 3 campaigns will "
                               r"be left alone\.$", "the report's counts")
        log(f"report: '{counts.get_name()}'")
        left = self.require(self.poll("the 'left alone' list", lambda: self.find(
            report, lambda n: n.get_name() == "Campaigns the restore leaves alone, with the reason",
            prune_roles=())), "Table")
        reasons = {}
        for r in range(Atspi.Table.get_n_rows(left)):
            campaign = Atspi.Table.get_accessible_at(left, r, 0).get_name()
            reasons[int(campaign.split(" ")[0])] = Atspi.Table.get_accessible_at(left, r, 1).get_name()
        log(f"left alone: {reasons}")
        expected = {resumed_by_colleague: f"Changed by someone else since the pause: {COLLEAGUE} at ",
                    repaused_by_colleague: f"Changed by someone else since the pause: {COLLEAGUE} at ",
                    resumed_by_us: "Already active or waiting: skipped, not sent again."}
        if set(reasons) != set(expected) or any(not reasons[i].startswith(t) for i, t in expected.items()):
            raise Failure(f"the report leaves alone {reasons}, expected {expected}")
        self.press(self.button_in(report, f"Activate {len(untouched)} campaigns"),
                   f"'Activate {len(untouched)} campaigns'")

        def restored():
            now = self.states_on_server()
            return now if all(now[i] in ("active", "waiting") for i in untouched) else None
        after = self.poll(f"the server to report the {len(untouched)} untouched campaigns running again", restored)
        wrong = {i: (before[i], after[i]) for i in before
                 if i not in running and after[i] != before[i]}
        if after[repaused_by_colleague] != "inactive" or wrong:
            raise Failure(f"the restore touched what it should not: {repaused_by_colleague} is "
                          f"'{after[repaused_by_colleague]}', others changed: {wrong}")
        log(f"server: {len(untouched)} running again; {repaused_by_colleague} stays inactive as the colleague left "
            f"it; the campaigns that were not running are as before")
        self.poll(f"the table to show campaign {untouched[0]} running",
                  lambda: self.status_of(table, untouched[0]) in (STATUS_LABELS["active"], STATUS_LABELS["waiting"]))
        self.quit(window)

        # History: the snapshot, the pause and the restore, each campaign once.
        journal = os.path.join(os.environ["XDG_DATA_HOME"], "CampaignManager", "campaign-manager", "journal.sqlite")
        with sqlite3.connect(f"file:{journal}?mode=ro", uri=True) as db:
            snapshot = db.execute("SELECT reason, scope FROM snapshots").fetchall()
            items = db.execute("SELECT campaign_id FROM snapshot_items WHERE paused = 1 ORDER BY campaign_id").fetchall()
            paused = db.execute("SELECT campaign_id FROM actions WHERE action = 'deactivate' AND outcome = 'success'"
                                " ORDER BY campaign_id").fetchall()
            activated = db.execute("SELECT campaign_id FROM actions WHERE action = 'activate' AND outcome = 'success'"
                                   " ORDER BY campaign_id").fetchall()
        if len(snapshot) != 1 or snapshot[0][0] != "AT-SPI drill: wrong offer":
            raise Failure(f"the journal holds the snapshots {snapshot}")
        if [i for (i,) in items] != running or [i for (i,) in paused] != running:
            raise Failure(f"snapshot items {items} and deactivations {paused}, expected {running}")
        if [i for (i,) in activated] != untouched:
            raise Failure(f"activations in History {activated}, expected {untouched}")
        log(f"History: one snapshot ('{snapshot[0][0]}'), {len(running)} deactivations, {len(untouched)} activations")

    def run_account(self):
        args = self.args
        window = self.start_app([args.app, "--api-url", args.api_url], dict(os.environ, ALTCRAFT_API_TOKEN=TOKEN))

        # Which campaign: ask the server. The last active one, so that it is not the first row,
        # and probably not on screen until the selection scrolls to it.
        campaigns = self.api("list", limit=1000)
        states_before = {c["id"]: c["state"] for c in campaigns}
        active = [c for c in campaigns if c.get("state") == "active"]
        if not active:
            raise Failure(f"the emulator lists no active campaign among {len(campaigns)}")
        campaign = max(active, key=lambda c: c["id"])
        campaign_id, campaign_name = campaign["id"], campaign["name"]
        status = self.api("get_status", id=campaign_id)["status"]
        if status != "active":
            raise Failure(f"campaign {campaign_id} is '{status}' on the server, expected 'active'")
        log(f"chosen campaign {campaign_id} '{campaign_name}' (server status: {status})")

        table = self.require(self.poll("the 'Campaigns' table", lambda: self.find(
            window, lambda n: n.get_role() == Atspi.Role.TABLE and n.get_name() == "Campaigns")), "Table")
        id_column = self.column_of(table, "ID")
        status_column = self.column_of(table, "Status")
        self.poll(f"{len(campaigns)} rows in the table", lambda: Atspi.Table.get_n_rows(table) >= len(campaigns))
        row = self.poll(f"a row with ID {campaign_id}",
                        lambda: self.row_of(table, id_column, campaign_id))
        log(f"table has {Atspi.Table.get_n_rows(table)} rows; campaign {campaign_id} is row {row}")

        # Select it as a screen reader does: through the Table interface, not the keyboard.
        def row_showing():
            cell = Atspi.Table.get_accessible_at(table, row, id_column)
            return cell.get_state_set().contains(Atspi.StateType.SHOWING)

        showing_before = row_showing()
        for selected in Atspi.Table.get_selected_rows(table):
            Atspi.Table.remove_row_selection(table, selected)
        if not Atspi.Table.add_row_selection(table, row):
            raise Failure(f"Table.addRowSelection({row}) was refused")
        self.poll(f"row {row} to be selected", lambda: Atspi.Table.is_row_selected(table, row))
        selected = Atspi.Table.get_selected_rows(table)
        if list(selected) != [row]:
            raise Failure(f"expected only row {row} selected, got {list(selected)}")
        log(f"row {row} selected through Table.addRowSelection")
        self.poll(f"row {row} to scroll into view", row_showing)
        log(f"row {row} is on screen" + ("" if showing_before else " (it was scrolled into view)"))

        # The details pane (dock "Campaign details", a text view of the same name) follows.
        def details_text():
            view = self.find(window, lambda n: n.get_name() == "Campaign details"
                             and n.get_role() != Atspi.Role.FRAME and "Text" in n.get_interfaces())
            if view is None:
                return None
            return Atspi.Text.get_text(view, 0, Atspi.Text.get_character_count(view))

        self.poll(f"the details pane to show '{campaign_name}'",
                  lambda: campaign_name in (details_text() or ""))
        log(f"details pane shows '{campaign_name}'")

        # Deactivate: the toolbar button, pressed through its AT-SPI action.
        def deactivate_button():
            toolbar = self.find(window, lambda n: n.get_role() == Atspi.Role.TOOL_BAR)
            if toolbar is None:
                return None
            return self.find(toolbar, lambda n: n.get_name() == "Deactivate"
                             and n.get_role() in (Atspi.Role.PUSH_BUTTON, Atspi.Role.TOGGLE_BUTTON))

        button = self.poll("a 'Deactivate' button in the toolbar", deactivate_button)
        self.poll("'Deactivate' to be enabled", lambda: self.has_state(button, Atspi.StateType.SENSITIVE))
        index, name = self.press_action(button)
        started = time.monotonic()
        if not Atspi.Action.do_action(button, index):
            raise Failure("the 'Deactivate' button refused its press action")
        took = time.monotonic() - started
        log(f"pressed 'Deactivate' through its action '{name}' (returned in {took:.3f}s)")
        if took > 2:
            raise Failure(f"pressing 'Deactivate' blocked the caller for {took:.1f}s")

        self.poll(f"the server to report campaign {campaign_id} inactive",
                  lambda: self.api("get_status", id=campaign_id)["status"] == "inactive")
        log(f"server: campaign {campaign_id} is inactive")

        def status_cell():
            r = self.row_of(table, id_column, campaign_id)
            return None if r is None else Atspi.Table.get_accessible_at(table, r, status_column).get_name()

        new_status = STATUS_LABELS["inactive"]
        self.poll(f"the Status cell of campaign {campaign_id} to read '{new_status}'",
                  lambda: status_cell() == new_status)
        log(f"table: campaign {campaign_id} reads '{status_cell()}'")

        summary = self.poll("a status bar label '1 deactivated' on screen", lambda: self.find(
            window, lambda n: n.get_role() == Atspi.Role.LABEL
            and re.search(r"\b1 deactivated\b", n.get_name() or "")
            and self.has_state(n, Atspi.StateType.SHOWING)))
        log(f"status bar says '{summary.get_name()}'")

        self.poll("the details pane to show the new status", lambda: new_status in (details_text() or ""))
        log(f"details pane shows '{new_status}'")

        # Nothing else changed on the server.
        states_after = {c["id"]: c["state"] for c in self.api("list", limit=1000)}
        changed = {i: (states_before.get(i), s) for i, s in states_after.items() if states_before.get(i) != s}
        if changed != {campaign_id: ("active", "inactive")}:
            raise Failure(f"expected only campaign {campaign_id} to go from active to inactive; changes: {changed}")
        log(f"server: only campaign {campaign_id} changed")

        # Quit through File → Quit, as a menu item's action.
        self.quit(window)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--app", required=True, help="the installed campaign-manager")
    parser.add_argument("--api-url", required=True, help="the emulator's base URL")
    parser.add_argument("--app-log", required=True, help="where the app's output goes")
    parser.add_argument("--pid-file", required=True, help="where the app's PID goes")
    parser.add_argument("--timeout", type=float, default=30, help="seconds for each wait")
    parser.add_argument("--scenario", choices=("account", "demo-switch", "incident"), default="account",
                        help="account: --api-url against the emulator; demo-switch: the demo's two accounts; "
                        "incident: Pause Everything, then Restore Snapshot")
    args = parser.parse_args()
    # A TERM (from the wrapper or CTest) still stops the app.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    driver = Driver(args)
    try:
        driver.run()
        return 0
    except (Failure, GLib.Error, urllib.error.URLError, OSError) as e:
        log(f"FAIL: {e}")
        if not isinstance(e, Failure):
            traceback.print_exc()
        if driver.app and driver.app.proc.poll() is None and driver.root is not None:
            print("accessibility tree of the app at the failure:", file=sys.stderr)
            driver.dump(driver.root)
        return 1
    finally:
        if driver.app:
            driver.app.stop()


if __name__ == "__main__":
    sys.exit(main())
