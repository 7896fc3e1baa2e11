"""Press every button and trigger every action a window shows, the way a person would.

:class:`Explorer` walks a window: it clicks a row in every list it sees, enumerates every
visible, enabled :class:`QAction` (``trigger()``) and :class:`QAbstractButton`
(``qtbot.mouseClick``; a check box is ticked and unticked), presses each one it has not
pressed yet, and explores the windows and dialogs that open, reopening a dialog (by
pressing what opened it again) until every control in it has been pressed. Tabs are
visited by clicking them, a wizard's steps by its buttons, and fillers type what a person
would into a dialog before its buttons are pressed.

Whatever asks the user something answers "no" or "cancel" first; a control that made the
app ask is pressed a second time with every answer "yes", "OK" or a file in ``tmp_path``.
Message boxes, file dialogs and dialogs run with ``exec()`` never wait for a person:
``QDialog.exec`` shows the dialog, the explorer presses its controls and returns its
result.

Every control is named by where it lives (the window's class and the nearest class of
``gui/`` holding it) and by the attribute that holds it (else its object name, else its
text), so :attr:`Explorer.found` and :attr:`Explorer.pressed` can be compared: a control
that was seen but never pressed is a gap in the test.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QThreadPool
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QTabBar,
    QTableView,
    QTabWidget,
    QToolButton,
    QWidget,
    QWizard,
)

#: A strong password for the account dialogs (typed twice).
STRONG = "Tuuli-Kivi-Järvi-Polku"

Control = tuple[str, str]  # (where it lives, its name)
Filler = Callable[["Explorer", QWidget], None]

YES = (QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.Discard,
       QMessageBox.StandardButton.Ok, QMessageBox.StandardButton.Save,
       QMessageBox.StandardButton.Open, QMessageBox.StandardButton.Apply)
NO = (QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.No,
      QMessageBox.StandardButton.Close, QMessageBox.StandardButton.Abort)
YES_ROLES = (QMessageBox.ButtonRole.AcceptRole, QMessageBox.ButtonRole.YesRole,
             QMessageBox.ButtonRole.DestructiveRole, QMessageBox.ButtonRole.ApplyRole)
CLOSING_ROLES = (QDialogButtonBox.ButtonRole.AcceptRole, QDialogButtonBox.ButtonRole.RejectRole,
                 QDialogButtonBox.ButtonRole.DestructiveRole, QDialogButtonBox.ButtonRole.YesRole,
                 QDialogButtonBox.ButtonRole.NoRole)
#: How often a dialog is opened again to reach the controls it still has.
REOPENINGS = 6


def _alive(obj: QObject | None) -> bool:
    return obj is not None and shiboken6.isValid(obj)


def _is_gui_class(obj: object) -> bool:
    return type(obj).__module__.startswith("gui.")


def _parents(obj: QObject) -> Iterator[QObject]:
    parent = obj.parent()
    while parent is not None:
        yield parent
        parent = parent.parent()


def windows() -> list[QWidget]:
    """The visible windows and dialogs (no menus, tooltips or pop-ups)."""
    kinds = (Qt.WindowType.Window, Qt.WindowType.Dialog)
    return [w for w in QApplication.topLevelWidgets()
            if w.isVisible() and w.windowType() in kinds]


def _plain(text: str) -> str:
    return re.sub(r"&(?!&)", "", text).replace("&&", "&").strip()


@dataclass
class Answers:
    """How the questions are answered now, and what was asked."""

    yes: bool = False
    asked: list[str] = field(default_factory=list)
    told: list[str] = field(default_factory=list)
    saved: list[Path] = field(default_factory=list)


class Explorer:
    """Presses every control of the windows it is given (see the module's docstring).

    Args:
        qtbot: pytest-qt's bot (clicks and typing).
        monkeypatch: to answer message boxes, file dialogs and ``exec()``.
        folder: where "saved" files go and where chosen files come from.
        fillers: per window class name, how a person fills it in (typing) before
            pressing its buttons.
        deferred: controls the caller presses itself, at the end (lock, sign out);
            a control named like signing out, quitting or exiting is never pressed here
            either (it would end the walk): the caller must press it, or the test lists
            it as unpressed.
    """

    def __init__(self, qtbot: Any, monkeypatch: Any, folder: Path,
                 fillers: dict[str, Filler], deferred: set[Control]) -> None:
        self.qtbot = qtbot
        self.folder = folder
        self.fillers = fillers
        self.deferred = deferred
        self.answers = Answers()
        self.found: dict[Control, str] = {}
        self.pressed: list[Control] = []
        self.log: list[str] = []
        folder.mkdir(parents=True, exist_ok=True)
        self._exec_depth = 0
        self._install(monkeypatch)

    # -- answering ---------------------------------------------------------------------------

    def _install(self, monkeypatch: Any) -> None:
        answers = self.answers

        def question(parent: Any, title: str, text: str, buttons: Any = None,
                     default: Any = None) -> QMessageBox.StandardButton:
            answers.asked.append(f"question: {title}")
            offered = (QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
                       if buttons is None else buttons)
            for choice in (YES if answers.yes else NO):
                if offered & choice:
                    return choice
            return QMessageBox.StandardButton.NoButton

        def telling(kind: str) -> Callable[..., QMessageBox.StandardButton]:
            def tell(parent: Any, title: str, text: str, *args: Any,
                     **kwargs: Any) -> QMessageBox.StandardButton:
                answers.told.append(f"{kind}: {text}")
                return QMessageBox.StandardButton.Ok
            return tell

        def save_name(parent: Any, caption: str = "", suggested: str = "",
                      kinds: str = "", *args: Any, **kwargs: Any) -> tuple[str, str]:
            answers.asked.append(f"save as: {caption}")
            if not answers.yes:
                return "", ""
            name = Path(suggested).name or "export"
            match = re.search(r"\*\.(\w+)", kinds)
            if match and not name.endswith("." + match.group(1)):
                name += "." + match.group(1)
            target = self.folder / "saved" / name
            target.parent.mkdir(exist_ok=True)
            answers.saved.append(target)
            return str(target), kinds

        def open_names(parent: Any, caption: str = "", where: str = "", kinds: str = "",
                       *args: Any, **kwargs: Any) -> tuple[list[str], str]:
            answers.asked.append(f"open: {caption}")
            if not answers.yes:
                return [], ""
            return [str(self.sample_file(kinds))], kinds

        def open_name(*args: Any, **kwargs: Any) -> tuple[str, str]:
            names, kinds = open_names(*args, **kwargs)
            return (names[0] if names else ""), kinds

        def folder_name(parent: Any, caption: str = "", *args: Any, **kwargs: Any) -> str:
            answers.asked.append(f"folder: {caption}")
            if not answers.yes:
                return ""
            chosen = self.folder / "chosen-folder"
            chosen.mkdir(exist_ok=True)
            return str(chosen)

        def get_text(parent: Any, title: str, *args: Any, **kwargs: Any) -> tuple[str, bool]:
            answers.asked.append(f"input: {title}")
            return ("typed by the test", True) if answers.yes else ("", False)

        monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
        for kind in ("information", "warning", "critical"):
            monkeypatch.setattr(QMessageBox, kind, staticmethod(telling(kind)))
        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_name))
        monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(open_names))
        monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(open_name))
        monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(folder_name))
        monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))
        monkeypatch.setattr(QDialog, "exec", lambda dialog: self._exec(dialog))

    def sample_file(self, kinds: str) -> Path:
        """A file a person might pick for a dialog offering ``kinds``."""
        if "csv" in kinds.lower():
            path = self.folder / "list.csv"
            path.write_text("Sukunimi;Etunimet\r\nTestinen;Teppo Tapani\r\n", encoding="utf-8")
        else:
            path = self.folder / "message.txt"
            path.write_text("Synthetic evidence written by the test.\n", encoding="utf-8")
        return path

    def _exec(self, dialog: QDialog) -> int:
        """``QDialog.exec`` without waiting: answer a message box, or press the dialog's
        controls (one of its closing buttons last: "no" first, "yes" when answering yes)."""
        self.answers.asked.append(f"dialog: {type(dialog).__name__}")
        if isinstance(dialog, QMessageBox):
            roles = YES_ROLES if self.answers.yes else (QMessageBox.ButtonRole.RejectRole,
                                                        QMessageBox.ButtonRole.NoRole)
            for button in dialog.buttons():
                if dialog.buttonRole(button) in roles:
                    button.click()
                    break
            else:
                dialog.reject()
            return int(dialog.result())
        self._exec_depth += 1
        try:
            dialog.show()
            self.settle()
            self.explore(dialog, reopen=None, closing="yes" if self.answers.yes else "no")
        finally:
            self._exec_depth -= 1
        if dialog.isVisible():
            dialog.reject()
        return int(dialog.result())

    # -- waiting -----------------------------------------------------------------------------

    def settle(self) -> None:
        """Let workers finish and their results arrive, as the event loop would."""
        pool = QThreadPool.globalInstance()
        for _ in range(100):
            pool.waitForDone(60_000)
            QApplication.processEvents()
            QApplication.processEvents()
            if pool.activeThreadCount() == 0:
                break

    # -- naming ------------------------------------------------------------------------------

    def control(self, obj: QObject, window: QWidget) -> Control:
        """Where a control lives and its name (stable across reopening and reloads)."""
        owner: QObject | None = None
        name = ""
        for parent in _parents(obj):
            try:
                attributes = vars(parent)
            except TypeError:
                attributes = {}
            for attribute, value in attributes.items():
                if value is obj:
                    owner, name = parent, attribute
                    break
            if owner is not None:
                break
        if owner is None:
            owner = next((p for p in _parents(obj) if _is_gui_class(p)), window)
            object_name = obj.objectName()
            if object_name and not object_name.startswith(("qt_", "_q_", "__qt__")):
                name = object_name
            else:
                name = _plain(obj.text()) or obj.toolTip() or type(obj).__name__  # type: ignore[attr-defined]
        gui_owner = owner if _is_gui_class(owner) else next(
            (p for p in _parents(owner) if _is_gui_class(p)), window)
        if isinstance(window, QWizard) and obj in (
                window.button(QWizard.WizardButton.NextButton),
                window.button(QWizard.WizardButton.BackButton)):
            gui_owner = window.currentPage()  # a step of its own on every page
        where = type(window).__name__
        if gui_owner is not window:
            where += " › " + type(gui_owner).__name__
        return where, name

    # -- finding -----------------------------------------------------------------------------

    def controls(self, window: QWidget, record: bool = True) -> list[tuple[Control, QObject]]:
        """The visible, enabled actions and buttons of ``window`` (not of its dialogs);
        ``record``: remember them as seen (they must be pressed before the test ends)."""
        found: list[tuple[Control, QObject]] = []
        for button in window.findChildren(QAbstractButton):
            if button.window() is not window or not button.isVisible():
                continue
            if not button.isEnabled() or self._internal(button):
                continue
            found.append((self.control(button, window), button))
        for action in window.findChildren(QAction):
            if not (action.isVisible() and action.isEnabled() and _plain(action.text())):
                continue
            if action.objectName().startswith(("_q_", "qt_")):
                continue
            shown = [w for w in action.associatedObjects()
                     if isinstance(w, QWidget) and w.isVisible() and w.window() is window]
            if shown:
                found.append((self.control(action, window), action))
        for control, obj in found if record else ():
            self.found.setdefault(control, _plain(getattr(obj, "text", lambda: "")()))
        return found

    @staticmethod
    def _internal(button: QAbstractButton) -> bool:
        """Qt's own parts of other widgets (line-edit icons, tab scrollers, table corners,
        calendar arrows), and tool-bar buttons, whose actions are triggered instead."""
        parent = button.parentWidget()
        return (isinstance(parent, QLineEdit | QTabBar | QAbstractItemView)
                or button.objectName().startswith("qt_calendar")
                or (isinstance(button, QToolButton) and button.defaultAction() is not None))

    # -- pressing ----------------------------------------------------------------------------

    def press(self, window: QWidget, control: Control, obj: QObject) -> None:
        self.log.append(f"{control[0]}: {control[1]}" + (" (yes)" if self.answers.yes else ""))
        if isinstance(obj, QAction):
            obj.trigger()
        else:
            assert isinstance(obj, QAbstractButton)
            self.qtbot.mouseClick(obj, Qt.MouseButton.LeftButton)
            self.settle()
            if (_alive(obj) and obj.isCheckable() and not obj.autoExclusive()
                    and obj.isVisible() and obj.isEnabled()):
                # A check box is ticked and unticked: both states are tried and the form
                # is left as it was (a ticked "protect with a password" would make every
                # later export ask for one).
                self.qtbot.mouseClick(obj, Qt.MouseButton.LeftButton)
        self.settle()

    def select_first_rows(self, window: QWidget) -> None:
        """Click a row in every list that shows rows and has none selected: of the first
        few, the one that lets the most controls be used (as a person picks an account
        other than their own to lock)."""
        for view in window.findChildren(QAbstractItemView):
            if view.window() is not window or not view.isVisible() or not view.isEnabled():
                continue
            if isinstance(view, QHeaderView):
                continue  # a table's column titles, not a list of rows
            model = view.model()
            if model is None or model.rowCount() == 0 or view.currentIndex().isValid():
                continue
            if view.objectName() == "navigation":
                continue  # the places: chosen on purpose
            best, most = 0, -1
            rows = range(min(model.rowCount(), 4))
            for row in [*rows, None]:
                chosen = best if row is None else row
                if row is None and best == rows[-1]:
                    break  # the last one tried is the best: it is selected already
                self._click_row(view, chosen)
                if row is not None and len(rows) > 1:
                    usable = len(self.controls(window, record=False))
                    if usable > most:
                        best, most = row, usable
        self.settle()

    def _click_row(self, view: QAbstractItemView, row: int) -> None:
        model = view.model()
        # A list (the pending account changes) has one column (its model hides the count).
        columns = [0] if isinstance(view, QListView) else [
            c for c in range(model.columnCount())
            if not (isinstance(view, QTableView) and view.isColumnHidden(c))]
        index = model.index(row, columns[-1] if columns else 0)  # the last column shown
        view.scrollTo(index)
        rect = view.visualRect(index)
        if not rect.isEmpty():
            self.qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                                  pos=rect.center())
            QApplication.processEvents()

    def tabs(self, window: QWidget) -> list[tuple[QTabWidget, int]]:
        return [(tabs, index) for tabs in window.findChildren(QTabWidget)
                if tabs.window() is window and tabs.isVisible()
                for index in range(tabs.count()) if tabs.isTabEnabled(index)]

    def click_tab(self, tabs: QTabWidget, index: int) -> None:
        bar = tabs.tabBar()
        if tabs.currentIndex() != index:
            self.qtbot.mouseClick(bar, Qt.MouseButton.LeftButton,
                                  pos=bar.tabRect(index).center())
            if tabs.currentIndex() != index:  # scrolled out of sight: as by keyboard
                tabs.setCurrentIndex(index)
            self.settle()

    # -- exploring ---------------------------------------------------------------------------

    def explore(self, window: QWidget, reopen: Callable[[], QWidget | None] | None,
                closing: str = "any", restore: Callable[[], None] | None = None) -> None:
        """Press every control of ``window``; open it again with ``reopen`` while some
        remain (a closing button ends each visit). ``restore`` brings back the state the
        window is explored in (e.g. the place shown) after a control changed it."""
        kind = type(window).__name__
        for _visit in range(REOPENINGS):
            if not _alive(window) or not window.isVisible():
                break
            self._fill(window)
            tab_list = self.tabs(window) or [(None, 0)]
            for tabs, index in tab_list:
                if tabs is not None:
                    if not _alive(tabs) or not window.isVisible():
                        break
                    self.click_tab(tabs, index)
                self._press_all(window, closing, restore)
                if not _alive(window) or not window.isVisible():
                    break
            if reopen is None or not self._unpressed(kind):
                break
            if _alive(window) and window.isVisible():
                break  # everything reachable was pressed; the rest stays unpressed
            window = reopen()  # type: ignore[assignment]
            if window is None:
                break

    def _unpressed(self, kind: str) -> list[Control]:
        pressed = set(self.pressed)
        return [c for c in self.found if c[0].split(" › ")[0] == kind and c not in pressed
                and not self.is_deferred(c)]

    def is_deferred(self, control: Control) -> bool:
        return control in self.deferred or bool(
            re.search(r"sign.?out|log.?out|quit|exit", control[1], re.IGNORECASE))

    def _press_all(self, window: QWidget, closing: str,
                   restore: Callable[[], None] | None) -> None:
        closed_once = False
        while _alive(window) and window.isVisible():
            self.select_first_rows(window)
            candidates = [(c, o) for c, o in self.controls(window)
                          if c not in self.pressed and not self.is_deferred(c)]
            candidates.sort(key=lambda item: self._rank(window, *item))
            if closing != "any":  # a dialog run by exec(): one closing button, then out
                others = [item for item in candidates if not self._closes(window, item[1])]
                if others:
                    candidates = others
                elif closed_once:
                    return
                else:
                    closed_once = True
                    candidates = self._closers(window, yes=closing == "yes")
            if not candidates:
                if not self._forward(window):
                    return
                continue
            control, obj = candidates[0]
            self.press_both_ways(window, control, obj, restore)

    def _forward(self, window: QWidget) -> bool:
        """In a wizard whose later steps still have unpressed controls: go on a step."""
        if not isinstance(window, QWizard) or not self._unpressed(type(window).__name__):
            return False
        button = window.button(QWizard.WizardButton.NextButton)
        page = window.currentPage()
        for box in page.findChildren(QAbstractButton) if page is not None else ():
            if button.isEnabled() or not button.isVisible():
                break
            if box.isCheckable() and not box.isChecked() and box.isVisible():
                self.qtbot.mouseClick(box, Qt.MouseButton.LeftButton)  # e.g. "a different
                self.settle()                                           # person": go on
        if not (button.isVisible() and button.isEnabled()):
            return False
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        self.settle()
        return True

    def _rank(self, window: QWidget, control: Control, obj: QObject) -> int:
        """Press order, so that one control does not take away another before its turn:
        the simple ones; editing (a dialog that may change the record); removing,
        resetting, locking, closing and going back; Cancel; then Save, OK, Finish (a
        closed dialog is opened again for what remains)."""
        if self._closes(window, obj):
            return 4 if self._accepts(window, obj) else 3  # type: ignore[arg-type]
        name = control[1]
        back = isinstance(window, QWizard) and obj is window.button(
            QWizard.WizardButton.BackButton)
        if back or re.search(r"remove|delete|reset|lock|approve|return|close|request",
                             name, re.IGNORECASE):
            return 2
        return 1 if re.search(r"edit|change", name, re.IGNORECASE) else 0

    def _closers(self, window: QWidget, yes: bool) -> list[tuple[Control, QObject]]:
        """A dialog's closing buttons: the accepting ones when answering "yes"."""
        closers = [b for b in window.findChildren(QAbstractButton)
                   if b.window() is window and self._closes(window, b) and b.isVisible()
                   and b.isEnabled()]
        wanted = [b for b in closers if self._accepts(window, b) == yes] or closers
        return [(self.control(b, window), b) for b in wanted]

    def _closes(self, window: QWidget, obj: QObject) -> bool:
        if isinstance(window, QWizard) and isinstance(obj, QAbstractButton):
            return obj in (window.button(QWizard.WizardButton.CancelButton),
                           window.button(QWizard.WizardButton.FinishButton))
        box = obj.parent() if isinstance(obj, QAbstractButton) else None
        return isinstance(box, QDialogButtonBox) and box.buttonRole(obj) in CLOSING_ROLES

    @staticmethod
    def _accepts(window: QWidget, button: QAbstractButton) -> bool:
        box = button.parent()
        if isinstance(box, QDialogButtonBox):
            return box.buttonRole(button) in (QDialogButtonBox.ButtonRole.AcceptRole,
                                              QDialogButtonBox.ButtonRole.YesRole)
        return isinstance(window, QWizard) and button is window.button(
            QWizard.WizardButton.FinishButton)

    def press_both_ways(self, window: QWidget, control: Control, obj: QObject,
                         restore: Callable[[], None] | None) -> None:
        """Press once answering "no"; if the app asked something, once more answering "yes"."""
        for yes in (False, True):
            if yes:
                found = self._find(window, control)
                if found is None:
                    return
                obj = found
            before = set(map(id, windows()))
            asked = len(self.answers.asked)
            previous, self.answers.yes = self.answers.yes, yes
            try:
                self.press(window, control, obj)
            finally:
                self.answers.yes = previous
            asked_now = len(self.answers.asked) > asked
            if control not in self.pressed:
                self.pressed.append(control)
            self._explore_new(
                before, lambda c=control, b=before: self._press_again(window, c, b))
            if restore is not None and _alive(window) and window.isVisible():
                restore()
            if not asked_now:
                return

    def _find(self, window: QWidget, control: Control) -> QObject | None:
        if not _alive(window) or not window.isVisible():
            return None
        self.select_first_rows(window)
        for candidate, obj in self.controls(window):
            if candidate == control:
                return obj
        return None

    def _press_again(self, window: QWidget, control: Control, before: set[int]
                     ) -> QWidget | None:
        """Open a dialog again by pressing what opened it; returns the new window."""
        obj = self._find(window, control)
        if obj is None:
            return None
        self.press(window, control, obj)
        new = [w for w in windows() if id(w) not in before and w is not window]
        return new[0] if new else None

    def _explore_new(self, before: set[int], reopen: Callable[[], QWidget | None]) -> None:
        for new in windows():
            if id(new) in before or not new.isVisible():
                continue
            self.explore(new, reopen)
            self.close(new)

    def close(self, window: QWidget) -> None:
        """Close a window the exploration opened (answering yes if it asks)."""
        if not _alive(window) or not window.isVisible():
            return
        for yes in (False, True):
            previous, self.answers.yes = self.answers.yes, yes
            try:
                if isinstance(window, QDialog):
                    window.reject()
                else:
                    window.close()
            finally:
                self.answers.yes = previous
            self.settle()
            if not _alive(window) or not window.isVisible():
                return
        window.hide()
        window.deleteLater()

    def _fill(self, window: QWidget) -> None:
        filler = self.fillers.get(type(window).__name__)
        if filler is not None:
            filler(self, window)
            self.settle()

    def close_popups(self) -> None:
        """Close an open drop-down list (as Escape would)."""
        popup = QApplication.activePopupWidget()
        while popup is not None:
            popup.close()
            QApplication.processEvents()
            popup = QApplication.activePopupWidget()

    # -- typing ------------------------------------------------------------------------------

    def type_into(self, editor: QWidget, text: str, replace: bool = True) -> None:
        """Click into a field and type, as a person would (select all first to replace)."""
        self.qtbot.mouseClick(editor, Qt.MouseButton.LeftButton)
        if replace:
            self.qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
            self.qtbot.keyClick(editor, Qt.Key.Key_Delete)
        else:
            self.qtbot.keyClick(editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        # QTest types ASCII only (it asserts on "ä"): other letters go as key events.
        for chunk in re.findall(r"[\x00-\x7f]+|[^\x00-\x7f]", text):
            if chunk.isascii():
                self.qtbot.keyClicks(editor, chunk)
                continue
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(editor, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier,
                                                         chunk))

    def append_to_first_text(self, window: QWidget) -> bool:
        """Type a few words at the end of the window's first free-text box."""
        boxes = [b for b in window.findChildren(QPlainTextEdit)
                 if b.window() is window and b.isVisible() and b.isEnabled()
                 and not b.isReadOnly()]
        if not boxes:
            return False
        self.type_into(boxes[0], " Checked by the test.", replace=False)
        return True

    # -- reporting ---------------------------------------------------------------------------

    def unpressed(self) -> list[str]:
        """Controls seen visible and enabled that were never pressed (deferred ones too:
        the caller adds those to :attr:`pressed` when it has pressed them)."""
        pressed = set(self.pressed)
        return sorted(f"{where}: {name} ({text!r})" for (where, name), text in self.found.items()
                      if (where, name) not in pressed)
