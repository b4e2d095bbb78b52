// Package edit is a document open for editing: every change the clerk makes
// goes through a Session, which applies it, keeps it for undo and redo,
// re-runs the checks that read what changed, and tells the window what to
// redraw. It has no user interface, so all of it is tested without one.
package edit

import (
	"slices"

	"yusuan/forms"
	"yusuan/forms/check"
	"yusuan/internal/crash"
)

// Session is one document being edited.
type Session struct {
	doc      *forms.Document
	checker  *check.Checker
	result   *check.Result
	undo     []step
	redo     []step
	lastID   int // steps are numbered as they are made
	savedID  int // the step on top of the undo history at the last save (0: none)
	autoID   int // the same at the last autosave
	watchers []func(Change)
	checkErr error // the last check's programming error, if any
	file     Stamp // the document file as last read or written (see stamp.go)
}

// Change says what an edit touched, so that views redraw only that.
type Change struct {
	Tables []string // ids of tables whose figures changed
	Cells  []At     // the cells changed, when the change was to cells (undo and redo show them)
	Rows   bool     // rows came, went, moved or were renamed in those tables
	Perf   bool     // the 绩效 forms
	// PerfForms narrows Perf to these project forms (by index), changed in
	// place; PerfOthers to the 部门整体 and 事前评估 forms. With neither, any
	// form may have changed (one added or removed).
	PerfForms  []int
	PerfOthers bool
	Text       bool // 部门概况, 情况说明 sections, 名词解释
	Inputs     bool // the 情况说明's extra inputs
	Meta       bool // 单位名称, 代码, 级次, units
	Notes      bool // 出错说明
}

// step is one undoable change: how to take it back and how to do it again.
type step struct {
	id         int
	label      string
	undo, redo func() Change
}

// MaxUndo bounds the undo history.
const MaxUndo = 500

// New opens a document for editing and checks it whole.
func New(d *forms.Document) *Session {
	s := &Session{doc: d, checker: check.NewChecker(d)}
	s.result = s.checker.Full()
	return s
}

// Doc is the document being edited. Change it only through the Session.
func (s *Session) Doc() *forms.Document { return s.doc }

// Result is the current check result.
func (s *Session) Result() *check.Result { return s.result }

// CheckError is the programming error that stopped the last check (logged),
// or nil: the findings are then those of before the change.
func (s *Session) CheckError() error { return s.checkErr }

// Watch registers a function called after every change (edits, undo, redo).
func (s *Session) Watch(f func(Change)) { s.watchers = append(s.watchers, f) }

// Dirty reports whether the document differs from the last save: undoing
// back to the saved state makes it clean again.
func (s *Session) Dirty() bool { return s.top() != s.savedID }

// MarkSaved records that the document as it is now has been saved.
func (s *Session) MarkSaved() { s.savedID = s.top() }

// MarkUnsaved records that the document differs from its file although
// nothing was edited here (it was recovered from an autosave, or imported).
func (s *Session) MarkUnsaved() { s.savedID = -1 }

// top is the id of the step the document is at (0: as opened).
func (s *Session) top() int {
	if len(s.undo) == 0 {
		return 0
	}
	return s.undo[len(s.undo)-1].id
}

// CanUndo and CanRedo report whether there is something to take back or
// do again; UndoLabel and RedoLabel name it ("填写 2013101 公用经费").
func (s *Session) CanUndo() bool { return len(s.undo) > 0 }
func (s *Session) CanRedo() bool { return len(s.redo) > 0 }

func (s *Session) UndoLabel() string {
	if len(s.undo) == 0 {
		return ""
	}
	return s.undo[len(s.undo)-1].label
}

func (s *Session) RedoLabel() string {
	if len(s.redo) == 0 {
		return ""
	}
	return s.redo[len(s.redo)-1].label
}

// Undo takes back the last change; false when there is none.
func (s *Session) Undo() bool {
	if len(s.undo) == 0 {
		return false
	}
	st := s.undo[len(s.undo)-1]
	s.undo = s.undo[:len(s.undo)-1]
	s.redo = append(s.redo, st)
	s.changed(st.undo())
	return true
}

// Redo does again the last change taken back; false when there is none.
func (s *Session) Redo() bool {
	if len(s.redo) == 0 {
		return false
	}
	st := s.redo[len(s.redo)-1]
	s.redo = s.redo[:len(s.redo)-1]
	s.undo = append(s.undo, st)
	s.changed(st.redo())
	return true
}

// record keeps a change just applied for undo, drops what could be redone
// and tells the watchers.
func (s *Session) record(label string, undo, redo func() Change, c Change) {
	undo, redo = s.dropPrinted(c, undo, redo)
	s.lastID++
	s.undo = append(s.undo, step{id: s.lastID, label: label, undo: undo, redo: redo})
	if len(s.undo) > MaxUndo {
		s.undo = s.undo[len(s.undo)-MaxUndo:]
	}
	s.redo = nil
	s.changed(c)
}

// changed re-runs the checks that read what changed and tells the watchers.
func (s *Session) changed(c Change) {
	var what []string
	what = append(what, c.Tables...)
	if c.Perf {
		// the checks compare only the forms named (check.ProjectForm)
		for _, i := range c.PerfForms {
			what = append(what, check.ProjectForm(i))
		}
		if c.PerfOthers {
			what = append(what, check.OtherForms)
		}
		if len(c.PerfForms) == 0 && !c.PerfOthers {
			what = append(what, "perf")
		}
	}
	if c.Text {
		what = append(what, "text")
	}
	if c.Inputs {
		what = append(what, "inputs")
	}
	// a programming error in a rule must not undo the clerk's edit, which
	// is applied and recorded already: the findings stay as they were, and
	// CheckError says so
	s.checkErr = crash.Guard("审核", func() {
		switch {
		case c.Meta:
			s.result = s.checker.Full() // the names reach every rule and the text
		case len(what) > 0 || c.Notes:
			s.result = s.checker.Changed(what...) // explanations are attached anew
		}
	})
	for _, w := range s.watchers {
		w(c)
	}
}

// dropPrinted: a table read from a published document keeps its printed
// copy, which show and the exports reproduce; once the clerk edits the
// table that copy no longer says what the table holds, so the first edit
// drops it (the exports then print the program's layout). Undo brings the
// copy back with the figures; redo drops it again.
func (s *Session) dropPrinted(c Change, undo, redo func() Change) (func() Change, func() Change) {
	kept := map[*forms.Table]*forms.Printed{}
	for _, t := range s.doc.Tables {
		if t.Printed == nil || t.IsPrinted() {
			continue
		}
		if slices.Contains(c.Tables, t.ID) || c.Perf && t.Layout() == forms.LayoutForm {
			kept[t] = t.Printed
		}
	}
	if len(kept) == 0 {
		return undo, redo
	}
	drop := func() {
		for t := range kept {
			t.Printed = nil
		}
	}
	drop()
	return func() Change {
			ch := undo()
			for t, p := range kept {
				t.Printed = p
			}
			return ch
		}, func() Change {
			ch := redo()
			drop()
			return ch
		}
}
