"""The Help menu: how the scores are made, who decides and what is stored, the keyboard shortcuts, and About."""

from __future__ import annotations

from collections import defaultdict
from html import escape
from importlib.metadata import PackageNotFoundError, version

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMainWindow, QMessageBox, QTextBrowser, QVBoxLayout, QWidget

from screener.catalogue import Catalogue
from screener.user_settings import load_user_settings

# The README's "How the scores are made", shortened for the app; the README has the tables in full. The caps and
# thresholds are read from the catalogue in use, so the page says what the scores do.
_SCORING_HTML = """
<h3>How scores are made</h3>
<p>Each CV gets two scores from 0 to 100, <b>management skill</b> and <b>technical depth</b>. Each is a sum of
evidence items, and each item points at the line of the CV it was read from: choose it in the Score breakdown
to see it on the page. Each kind of evidence has a cap, so a CV cannot reach the top by repeating words.</p>
<p><b>Management skill</b>: held PM or agile certifications (PMP, PRINCE2, CSM, …; up to {certifications}),
practice areas the candidate shows (stakeholder management, risk, planning, budgets, …; up to {practice areas}),
years in management roles, running projects counting more than managing people or operations, and a
bonus when a project role of a year or more is the candidate's recent work (up to {management roles}), lines
of the work history about projects, programmes or delivery (up to {project work}), a management degree such as
an MBA (up to {management degree}).</p>
<p><b>Technical depth</b>: a degree in computer science, IT, information systems or engineering
(up to {technical degree}), years in technical roles (up to {technical roles}), technical certifications such as
AWS, Azure or CCNA (up to {technical certifications}), hands-on technical duties (up to {technical duties}),
technical skills named (up to {technical skills}).</p>
<p>Planned and expired certifications are shown but score nothing; a certification the CV only mentions
(“PMP required for my team”) is ignored.</p>
<p><b>Role fit</b> follows from the two scores and their thresholds ({management threshold} and
{technical threshold} unless changed in Settings): <b>TPM</b> when both reach theirs, <b>PM</b> when only
management does and a quarter of its threshold comes from running projects (PM certifications, project roles,
project work): managing people or operations alone is not project management. Otherwise, <b>technical</b> from
the technical threshold, or from half of it when the technical score is at least 1.5 times the management score
and the candidate's latest job, held two years or more, is not in another field; <b>other</b> otherwise. All TPMs
are PMs, so the PM filter shows both.</p>
<p>Years of experience come from the date ranges of the jobs; overlapping jobs count once, gaps are left out,
and “Present” is the CV's own date.</p>
"""


def scoring_html(catalogue: Catalogue) -> str:
    """The scoring page with the catalogue's caps and thresholds (a cap the catalogue lacks reads 0)."""
    scoring = catalogue.scoring
    values = {name: f"{cap:g}" for caps in scoring.caps.values() for name, cap in caps.items()}
    values |= {f"{axis} threshold": f"{value:g}" for axis, value in scoring.thresholds.items()}
    return _SCORING_HTML.format_map(defaultdict(lambda: "0", values))


LICENCE = "MIT"

# The README's "A person decides" and "Privacy", for the reviewer in the app.
DATA_HTML = """
<h3>A person decides</h3>
<p>CV Screener assists; it does not decide. Scores and ranks point at evidence the reviewer checks on the page;
every decision is taken by a person. A CV laid out in an unusual way can be read short: look beyond the top of
the list.</p>
<p><b>Review › Decision Log…</b> lists every decision, note, removal and change of profile, weights or catalogue,
with the time, the computer's user name and, for a decision, the scores, role fit and must-haves shown then. It
cannot be edited; it can be exported as CSV or XLSX. <b>File › Export Candidate Report…</b> writes one candidate's
evidence, must-haves, decision, note and CV page as a PDF a colleague can check.</p>
<h3>Blind review</h3>
<p><b>View › Blind Review</b> (Ctrl+B, or the toolbar button; kept with the session) shows each candidate as
"Candidate 17", a number kept for the session, and hides who they are in the list, the filter, the detail pane,
the score map, the page, the exports and the decision log: name, email, phone, address and links, photo, date of
birth and age, gender markers (Mr, Mrs, Ms, he, she, "Gender:"), nationality, marital status and the file name.
On the page these are covered with opaque boxes, as is every image on the first page; a Word CV's text masks them.
Evidence is never covered unless it is itself a personal detail, and no score or rank depends on what is hidden.
<b>Review › Reveal Identity</b> shows one candidate and records it in the decision log. Exports made in blind
review leave the identity out for everyone and say "blind review" in the file.</p>
<p>What blind review cannot hide: how a CV is written (its language, style and layout) and what the evidence
itself names, such as a university, an employer or the years of a degree. Details written in unusual ways can be
missed: look at the page.</p>
<h3>What is stored, where, for how long</h3>
<p>Nothing leaves this computer. The session file (shown in the title bar) holds each CV's path and text as read,
its result, the decisions, notes and the decision log, readable by you only. It is kept until you delete it;
the <i>retention</i> setting removes candidates screened longer ago, and is off unless you set it.</p>
<h3>How to delete it</h3>
<p><b>Edit › Remove from Session</b> (Delete) takes a candidate out with their text, decision and note; their log
entries stay as "deleted candidate", with nothing about them. <b>File › Remove Old Candidates…</b> does so for
everyone screened more than some days ago, and <b>File › Delete Session…</b> deletes the whole session file. Each
asks first, and Undo (Ctrl+Z) brings back what went while this window is open. With a retention set in
<b>Settings › Privacy</b>, opening a session offers to remove the candidates screened longer ago. From the command
line: <code>screener session
remove|purge|delete</code> and <code>screener cache purge</code>. Deleted text is overwritten, not left in free
space.</p>
"""


def app_version() -> str:
    try:
        return version("cv-screener")
    except PackageNotFoundError:  # run from a checkout that was never installed
        return "development version"


def _page(parent: QWidget, title: str, html: str) -> QDialog:
    """A window-modal page of text with a Close button, opened without blocking (so tests can read it)."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    text = QTextBrowser()
    text.setObjectName("Help text")
    text.setHtml(html)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(text)
    layout.addWidget(buttons)
    dialog.resize(620, 520)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog


def show_scoring(parent: QWidget) -> QDialog:
    return _page(parent, "How scores are made", scoring_html(load_user_settings().effective_catalogue()))


def shortcuts_html(window: QWidget) -> str:
    """Every action of the window that has keys, as its menus name it: the list cannot drift from the app."""
    rows = []
    for action in window.actions():
        keys = ", ".join(key.toString(QKeySequence.SequenceFormat.NativeText) for key in action.shortcuts())
        if keys and action.text():
            rows.append(f"<tr><td>{escape(action.text().replace('&', ''))}</td><td><b>{escape(keys)}</b></td></tr>")
    return "<h3>Keyboard shortcuts</h3><table cellspacing='2' cellpadding='6'>" + "".join(rows) + "</table>"


def show_data(parent: QWidget) -> QDialog:
    return _page(parent, "Your decisions and data", DATA_HTML)


def show_shortcuts(window: QWidget) -> QDialog:
    return _page(window, "Keyboard shortcuts", shortcuts_html(window))


def show_about(parent: QWidget) -> QMessageBox:
    about = QMessageBox(QMessageBox.Icon.Information, "About CV Screener", "", QMessageBox.StandardButton.Ok, parent)
    about.setText(f"<h3>CV Screener {escape(app_version())}</h3>")
    about.setInformativeText(
        "Tells project managers from technical project managers, with the evidence from each CV.<br><br>"
        "<b>Nothing leaves this computer</b>: the app opens no network connection, and sessions, decisions and "
        f"notes are stored on this computer only.<br><br>Licence: {LICENCE}."
    )
    about.finished.connect(about.deleteLater)
    about.open()
    return about


def add_help_menu(window: QMainWindow) -> list[QAction]:
    """The Help menu, last in the menu bar; F1 opens how scores are made."""
    menu = window.menuBar().addMenu("&Help")
    scoring = menu.addAction("&How Scores Are Made", lambda: show_scoring(window))
    scoring.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
    window.addAction(scoring)
    data = menu.addAction("Your &Decisions and Data", lambda: show_data(window))
    keys = menu.addAction("&Keyboard Shortcuts", lambda: show_shortcuts(window))
    menu.addSeparator()
    about = menu.addAction("&About CV Screener", lambda: show_about(window))
    return [scoring, data, keys, about]
