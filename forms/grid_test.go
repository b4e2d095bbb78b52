package forms

import (
	"reflect"
	"testing"
)

func TestGridMarksWhereFiguresComeFrom(t *testing.T) {
	d := mustSample(t)
	exp := d.Table("expense")
	p := exp.Main()
	if err := p.Give(p.RowIndex("201"), p.Col("basic"), m("700.00")); err != nil {
		t.Fatal(err)
	}
	g := d.Grid(exp)
	if len(g.Columns) != 2+6 || g.Columns[0].Label != "科目编码" || !g.Columns[2].Amount {
		t.Fatalf("columns %+v", g.Columns)
	}
	state := func(rowKey, col string) CellState {
		for _, r := range g.Rows {
			for _, c := range r.Cells {
				if c.Row == p.RowIndex(rowKey) && c.Col == p.Col(col) {
					return c.State
				}
			}
		}
		return -1
	}
	if state("2013101", "basic") != CellEntered || state("2013101", "total") != CellComputed ||
		state("total", "project") != CellComputed || state("201", "basic") != CellGiven {
		t.Error("cell states wrong")
	}
	if g.Rows[0].Cells[1].Text != "合计" || !g.Rows[0].Total || g.Rows[3].Total {
		t.Error("合计 line first and bold; leaf lines not")
	}
	if g.Rows[3].Cells[5].Text != "" {
		t.Error("zero prints blank in this table")
	}
	// two-sided: 收入 | 支出 groups, blank halves
	s := d.Grid(d.Table("summary"))
	if !s.HasGroups() || len(s.Spans()) != 2 || s.Columns[0].Group != "收入" {
		t.Errorf("summary header %+v", s.Columns)
	}
	if last := s.Rows[len(s.Rows)-1]; last.Cells[0].Text != "收入总计" || last.Cells[2].Text != "支出总计" || last.Cells[3].Text != "6677.45" {
		t.Errorf("last line %+v", last.Cells)
	}
	if s.Rows[12].Cells[0].State != CellBlank {
		t.Error("padding half not blank")
	}
}

func TestIndicatorTablePrintsGroupsOnce(t *testing.T) {
	heads, rows := IndicatorTable([]Indicator{
		{L1: "产出指标", L2: "数量指标", L3: "次数", Stage: ">=1次", Value: ">=2次"},
		{L1: "产出指标", L2: "数量指标", L3: "人数", Value: "<=30人"},
		{L1: "产出指标", L2: "质量指标", L3: "合格率", Value: "=100%"},
		{L1: "满意度指标", L2: "满意度指标", L3: "满意度", Value: ">=90%"},
	}, false)
	if len(heads) != 5 || heads[3] != "阶段性指标值" {
		t.Errorf("heads %v", heads)
	}
	want := [][]string{{"产出指标", "数量指标", "次数", ">=1次", ">=2次"}, {"", "", "人数", "", "<=30人"},
		{"", "质量指标", "合格率", "", "=100%"}, {"满意度指标", "满意度指标", "满意度", "", ">=90%"}}
	for i := range want {
		for j := range want[i] {
			if rows[i][j] != want[i][j] {
				t.Fatalf("rows %q", rows)
			}
		}
	}
}

// After a figure changes in any grid table, refreshing the figures of the
// grid made before gives the grid made afresh.
func TestRefreshFiguresEqualsAFreshGrid(t *testing.T) {
	d := mustSample(t)
	changed := 0
	for _, tb := range d.Tables {
		if !tb.IsGrid() || tb.Absent {
			continue
		}
		grids := map[*Table]*Grid{}
		for _, other := range d.Tables {
			if other.IsGrid() && !other.Absent {
				grids[other] = d.Grid(other)
			}
		}
		set := false
		for _, p := range tb.Panes {
			for ri := range p.Rows {
				for ci, c := range p.Columns {
					if set || c.Text || p.IsComputed(ri, ci) {
						continue
					}
					if err := p.Set(ri, ci, p.Rows[ri].Cells[ci].Value+m("12.34")); err != nil {
						t.Fatal(err)
					}
					set = true
				}
			}
		}
		if !set {
			continue
		}
		changed++
		for other, g := range grids {
			d.RefreshFigures(other, g)
			if fresh := d.Grid(other); !reflect.DeepEqual(g, fresh) {
				t.Errorf("%s after a figure of %s: the refreshed grid differs from a fresh one", other.ID, tb.ID)
			}
		}
	}
	if changed < 5 {
		t.Errorf("only %d tables had a figure to change", changed)
	}
}
