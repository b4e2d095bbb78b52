package edit

import (
	"strings"
	"testing"

	"yusuan/forms"
	"yusuan/forms/money"
)

// A programming error in the checks does not lose the edit: the figure is
// stored and can be undone, the findings stay those of before, and
// CheckError says what happened.
func TestAFailingCheckKeepsTheEdit(t *testing.T) {
	t.Setenv("YUSUAN_LOG_DIR", t.TempDir())
	d, err := forms.Sample()
	if err != nil {
		t.Fatal(err)
	}
	s := New(d)
	before := s.Result()
	told := 0
	s.Watch(func(Change) { told++ })
	good := s.checker
	s.checker = nil // the next check panics
	p := d.Table("general").Main()
	at := At{Table: "general", Row: p.RowIndex("2013101"), Col: p.Col("public")}
	if err := s.Enter(at, "200"); err != nil {
		t.Fatal(err)
	}
	if v, _ := p.Value("2013101", "public"); v != money.MustParse("200.00") || told != 1 || !s.Dirty() {
		t.Fatalf("the edit: %v, watchers told %d times", v, told)
	}
	if s.Result() != before || s.CheckError() == nil || !strings.Contains(s.CheckError().Error(), "审核") {
		t.Fatalf("check error %v", s.CheckError())
	}
	s.checker = good
	s.Undo()
	if v, _ := p.Value("2013101", "public"); v != money.MustParse("174.40") || s.CheckError() != nil {
		t.Errorf("after undo: %v, %v", v, s.CheckError())
	}
}
