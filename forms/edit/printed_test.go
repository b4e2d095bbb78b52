package edit

import (
	"testing"

	"yusuan/forms"
)

// withPrinted gives tables of the sample printed copies, as a document read
// from a published PDF has them.
func withPrinted(t *testing.T, s *Session, ids ...string) map[string]*forms.Printed {
	t.Helper()
	out := map[string]*forms.Printed{}
	for _, id := range ids {
		p := &forms.Printed{Header: [][]string{{"科目编码", "科目名称", "合计"}}, Rows: [][]string{{"201", "一般公共服务支出", "1.00"}}, Pages: []int{7}}
		s.Doc().Table(id).Printed = p
		out[id] = p
	}
	return out
}

// The first edit of a table read from a published document drops its
// printed copy (the exports then print the program's layout); undo brings
// the copy back, redo drops it again; other tables keep theirs.
func TestFirstEditDropsThePrintedCopy(t *testing.T) {
	for _, c := range []struct {
		what string
		do   func(s *Session) error
	}{
		{"a figure", func(s *Session) error { return s.Enter(at(t, s, "general", "2013101", "public"), "200.00") }},
		{"a cleared figure", func(s *Session) error { s.Clear([]At{at(t, s, "general", "2013101", "public")}); return nil }},
		{"a pasted block", func(s *Session) error {
			s.Paste([]Item{{At: at(t, s, "general", "2013101", "public"), Text: "3.00"}})
			return nil
		}},
		{"a line added", func(s *Session) error {
			_, err := s.AddClassRow("general", 0, "2059901", "其他教育管理事务")
			return err
		}},
		{"a line removed", func(s *Session) error {
			return s.RemoveRow("general", 0, s.Doc().Table("general").Main().RowIndex("2101101"))
		}},
		{"a line renamed", func(s *Session) error {
			return s.Rename("general", 0, s.Doc().Table("general").Main().RowIndex("2101101"), "行政单位医疗（改）")
		}},
	} {
		s := sample(t)
		kept := withPrinted(t, s, "general", "basic")
		g, b := s.Doc().Table("general"), s.Doc().Table("basic")
		if err := c.do(s); err != nil {
			t.Fatalf("%s: %v", c.what, err)
		}
		if g.Printed != nil {
			t.Errorf("%s: the edited table keeps its printed copy", c.what)
		}
		if b.Printed != kept["basic"] {
			t.Errorf("%s: another table lost its printed copy", c.what)
		}
		s.Undo()
		if g.Printed != kept["general"] || s.Dirty() {
			t.Errorf("%s: undo does not bring the printed copy back (dirty %v)", c.what, s.Dirty())
		}
		s.Redo()
		if g.Printed != nil {
			t.Errorf("%s: redo keeps the printed copy", c.what)
		}
	}
}

// Text, inputs and meta are not tables: their edits keep the printed copies.
func TestOtherEditsKeepThePrintedCopies(t *testing.T) {
	s := sample(t)
	kept := withPrinted(t, s, "general")
	if err := s.SetFunctions("新的主要职能。"); err != nil {
		t.Fatal(err)
	}
	if s.Doc().Table("general").Printed != kept["general"] {
		t.Error("a text edit dropped a table's printed copy")
	}
}
