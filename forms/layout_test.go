package forms

import "testing"

func TestSideBySideAlignsTotals(t *testing.T) {
	d := newDoc(t, "jilin-2022")
	tb := d.Table("summary")
	in, out := tb.Pane(SideIn), tb.Pane(SideOut)
	pairs := tb.SideBySide()
	last := pairs[len(pairs)-1]
	if in.Rows[last[0]].Key != LineInTotal || out.Rows[last[1]].Key != LineOutTotal {
		t.Errorf("last line pairs %v", last)
	}
	found := false
	for _, p := range pairs {
		if p[0] >= 0 && in.Rows[p[0]].Key == LineInCurrent {
			found = p[1] >= 0 && out.Rows[p[1]].Key == LineOutCurrent
		}
	}
	if !found {
		t.Error("本年收入合计 not beside 本年支出合计")
	}
	// every row printed exactly once
	seenIn, seenOut := map[int]bool{}, map[int]bool{}
	for _, p := range pairs {
		if p[0] >= 0 {
			seenIn[p[0]] = true
		}
		if p[1] >= 0 {
			seenOut[p[1]] = true
		}
	}
	if len(seenIn) != len(in.Rows) || len(seenOut) != len(out.Rows) {
		t.Errorf("printed %d/%d and %d/%d rows", len(seenIn), len(in.Rows), len(seenOut), len(out.Rows))
	}
	// 24 类, 本年支出合计, then the three 收入 lines after 本年收入合计, 总计
	if len(pairs) != 24+1+3+1 {
		t.Errorf("%d printed lines", len(pairs))
	}
}
