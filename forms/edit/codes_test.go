package edit

import (
	"strings"
	"testing"

	"yusuan/forms/classify"
)

// Importing a list names codes the shipped list does not know, renames
// one the clerk's list names otherwise, and undo takes it back whole.
func TestAddCodes(t *testing.T) {
	s := sample(t)
	d := s.Doc()
	year := d.Meta.Year
	if _, ok := d.Catalog().Name(classify.Functional, "2014006", year); ok {
		t.Fatal("2014006 is known before the import")
	}
	list := []classify.Entry{
		{Scheme: classify.Functional, Code: "2014006", Name: "信访专项事务", Source: "导入"},
		{Scheme: classify.Functional, Code: "2014006", Name: "信访专项事务", Source: "导入"},
	}
	if added, renamed := s.AddCodes(list); added != 1 || renamed != 0 {
		t.Fatalf("added %d renamed %d", added, renamed)
	}
	if n, _ := d.Catalog().Name(classify.Functional, "2014006", year); n != "信访专项事务" {
		t.Errorf("after the import 2014006 is %q", n)
	}
	if added, renamed := s.AddCodes([]classify.Entry{{Scheme: classify.Functional, Code: "2014006", Name: "信访专项工作"}}); added != 0 || renamed != 1 {
		t.Errorf("the second import: added %d renamed %d", added, renamed)
	}
	if added, renamed := s.AddCodes(list[:0]); added+renamed != 0 {
		t.Error("an empty list changed something")
	}
	s.Undo()
	if n, _ := d.Catalog().Name(classify.Functional, "2014006", year); n != "信访专项事务" {
		t.Errorf("undo of the rename: %q", n)
	}
	s.Undo()
	if _, ok := d.Catalog().Name(classify.Functional, "2014006", year); ok {
		t.Error("undo of the import left 2014006")
	}
}

// The 合计 line's 合计 column is named once in the status line.
func TestWhereOfTheTotal(t *testing.T) {
	s := sample(t)
	p := s.Doc().Table("general").Main()
	at := At{Table: "general", Pane: 0, Row: p.RowIndex("total"), Col: p.Col("total")}
	if got := s.Where(at); got != "合计" {
		t.Errorf("the total's total: %q", got)
	}
	at.Col = p.Col("basic")
	if got := s.Where(at); !strings.HasPrefix(got, "合计 ") {
		t.Errorf("the total's 基本支出: %q", got)
	}
}
