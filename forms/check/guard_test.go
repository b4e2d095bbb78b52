package check

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"yusuan/forms"
)

// failRule makes a rule of the catalogue panic (its whole run, or only its
// 情况说明 part) until the test ends: a test hook standing for a bug.
func failRule(t *testing.T, id string, explanationOnly bool) {
	t.Helper()
	r := RuleByID(id)
	if r == nil {
		t.Fatalf("no rule %s", id)
	}
	eval, expl := r.eval, r.explanation
	boom := func(x *ctx) {
		var rows []int
		_ = rows[len(x.doc.Tables)] // index out of range
	}
	if explanationOnly {
		r.explanation = boom
	} else {
		r.eval = boom
	}
	t.Cleanup(func() { r.eval, r.explanation = eval, expl })
}

func skipOf(r *Result, rule string) (Skip, bool) {
	for _, s := range r.Skipped {
		if s.Rule == rule {
			return s, true
		}
	}
	return Skip{}, false
}

// A rule that panics is listed as not run, saying it failed and where the
// details were logged; every other rule still runs and reports.
func TestAFailingRuleDoesNotStopTheOthers(t *testing.T) {
	logs := t.TempDir()
	t.Setenv("YUSUAN_LOG_DIR", logs)
	d := cleanDoc(t)
	give(t, d, "summary", forms.SideOut, "201", "amount", "171.00") // T1-1 finds this
	want := Document(d)
	failRule(t, "X-9", false)

	c := NewChecker(d)
	got := c.Full()
	s, ok := skipOf(got, "X-9")
	if !ok || !s.Failed() || !strings.Contains(s.Reason, "X-9") || !strings.Contains(s.Reason, "index out of range") ||
		!strings.Contains(s.Reason, filepath.Join(logs, "yusuan-errors.log")) {
		t.Fatalf("X-9 not listed as failed: %+v", got.Skipped)
	}
	if slices.Contains(got.Ran, "X-9") {
		t.Error("a failed rule is listed as run")
	}
	log, err := os.ReadFile(filepath.Join(logs, "yusuan-errors.log"))
	if err != nil || !strings.Contains(string(log), "运行审核规则 X-9") || !strings.Contains(string(log), "guard_test.go") {
		t.Errorf("the failure was not logged with its stack: %v %.300s", err, log)
	}
	// everything else is as without the bug
	if len(got.Findings) != len(want.Findings) || !hasFinding(got, "T1-1", "收入总计 188.00 ≠ 支出总计 189.00") {
		t.Errorf("the other rules' findings were lost:\n%s", messages(got.Findings))
	}
	if len(got.Ran) != len(want.Ran)-1 {
		t.Errorf("ran %d rules, want %d", len(got.Ran), len(want.Ran)-1)
	}
	for _, s := range got.Skipped {
		if s.Rule != "X-9" && s.Failed() {
			t.Errorf("%s listed as failed", s.Rule)
		}
	}
	// re-checking after an edit it reads: still failed, the others current
	give(t, d, "sangong", "", "cur", "reception", "6.00")
	got = c.Changed("sangong")
	if s, ok := skipOf(got, "X-9"); !ok || !s.Failed() {
		t.Errorf("X-9 after an edit: %+v", got.Skipped)
	}
	if !hasFinding(got, "T1-1") {
		t.Error("T1-1 lost after the edit")
	}
}

// The same when only a rule's 情况说明 part fails, on an edit that
// re-runs just that part; once fixed the rule runs again.
func TestAFailingExplanationPartIsListedAsNotRun(t *testing.T) {
	t.Setenv("YUSUAN_LOG_DIR", t.TempDir())
	d, err := forms.Sample()
	if err != nil {
		t.Fatal(err)
	}
	c := NewChecker(d)
	before := c.Full()
	if !slices.Contains(before.Ran, "X-11") {
		t.Fatal("X-11 should run on the sample")
	}
	failRule(t, "X-11", true)
	gen := d.Table("general").Main()
	gen.Set(gen.RowIndex("2101101"), gen.Col("personnel"), m("50.00"))
	got := c.Changed("general") // the generated text changes: X-11's text part re-runs
	if s, ok := skipOf(got, "X-11"); !ok || !s.Failed() {
		t.Fatalf("X-11 not listed as failed: %+v", got.Skipped)
	}
	if len(findingsOf(got, "X-11")) != 0 {
		t.Error("a failed rule keeps findings")
	}
	if len(findingsOf(got, "P-3")) == 0 {
		t.Error("the other rules' findings were lost")
	}
}
