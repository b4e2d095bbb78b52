package into

import (
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// Everything of the 表样 outside the cells a fill writes stays as the
// bureau made it: sheet order and visibility, every other cell's value and
// style, merged ranges, column widths, row heights, page setup, margins,
// views and defined names — with the rows below an insertion moved down.
func TestFillChangesNothingElseOfTheTemplate(t *testing.T) {
	for _, name := range []string{"unit_budget_template.xlsx", "department_budget_template.xlsx"} {
		t.Run(name, func(t *testing.T) {
			orig, err := excelize.OpenFile(putuo(name))
			if err != nil {
				t.Fatal(err)
			}
			defer orig.Close()
			f, rep := fill(t, shanghaiDoc(t), putuo(name))
			if a, b := orig.GetSheetList(), f.GetSheetList(); !reflect.DeepEqual(a, b) {
				t.Fatalf("sheets %v, want %v", b, a)
			}
			if a, b := orig.GetDefinedName(), f.GetDefinedName(); !reflect.DeepEqual(a, b) {
				t.Errorf("defined names %v, want %v", b, a)
			}
			for _, sheet := range orig.GetSheetList() {
				compareSheet(t, orig, f, sheet, rep)
			}
		})
	}
}

func compareSheet(t *testing.T, orig, f *excelize.File, sheet string, rep *Report) {
	var ins []Insertion
	for _, in := range rep.Insertions {
		if in.Sheet == sheet {
			ins = append(ins, in)
		}
	}
	moved := func(row int) int {
		for _, in := range ins {
			if row >= in.At {
				row += in.Count
			}
		}
		return row
	}
	va, _ := orig.GetSheetVisible(sheet)
	vb, _ := f.GetSheetVisible(sheet)
	if va != vb {
		t.Errorf("%s: visible %v, want %v", sheet, vb, va)
	}
	// the cells a fill may write: what the report says it placed, and the
	// 编制单位 line
	written := map[string]bool{}
	for _, p := range rep.Placed {
		if p.Sheet != sheet {
			continue
		}
		from, to, _ := strings.Cut(p.Range, ":")
		if to == "" {
			to = from
		}
		c1, r1, _ := excelize.CellNameToCoordinates(from)
		c2, r2, _ := excelize.CellNameToCoordinates(to)
		for r := r1; r <= r2; r++ {
			for c := c1; c <= c2; c++ {
				n, _ := excelize.CoordinatesToCellName(c, r)
				written[n] = true
			}
		}
	}
	// a merged range's cells all show its first cell's text
	mergedInto := map[string]string{}
	merges, _ := f.GetMergeCells(sheet)
	for _, m := range merges {
		c1, r1, _ := excelize.CellNameToCoordinates(m.GetStartAxis())
		c2, r2, _ := excelize.CellNameToCoordinates(m.GetEndAxis())
		for r := r1; r <= r2; r++ {
			for c := c1; c <= c2; c++ {
				n, _ := excelize.CoordinatesToCellName(c, r)
				mergedInto[n] = m.GetStartAxis()
			}
		}
	}
	changed := 0
	rows, _ := orig.GetRows(sheet)
	for r := 1; r <= 60 && changed < 5; r++ {
		for c := 1; c <= 14; c++ {
			a, _ := excelize.CoordinatesToCellName(c, r)
			b, _ := excelize.CoordinatesToCellName(c, moved(r))
			sa, _ := orig.GetCellStyle(sheet, a)
			sb, _ := f.GetCellStyle(sheet, b)
			if sa != sb {
				t.Errorf("%s!%s: style %d, want %d (the 表样's %s)", sheet, b, sb, sa, a)
			}
			va, _ := orig.GetCellValue(sheet, a)
			vb, _ := f.GetCellValue(sheet, b)
			org := r <= len(rows) && strings.HasPrefix(strings.TrimSpace(va), "编制")
			if first, ok := mergedInto[b]; ok {
				b = first
			}
			if va != vb && !written[b] && !org {
				changed++
				t.Errorf("%s!%s = %q, want the 表样's %q (%s)", sheet, b, vb, va, a)
			}
		}
		ha, _ := orig.GetRowHeight(sheet, r)
		hb, _ := f.GetRowHeight(sheet, moved(r))
		if ha != hb {
			t.Errorf("%s: row %d height %v, want %v", sheet, moved(r), hb, ha)
		}
	}
	// inserted rows look like the row above them
	for _, in := range ins {
		for i := 0; i < in.Count; i++ {
			for c := 1; c <= 14; c++ {
				above, _ := excelize.CoordinatesToCellName(c, in.At-1)
				at, _ := excelize.CoordinatesToCellName(c, in.At+i)
				sa, _ := f.GetCellStyle(sheet, above)
				sb, _ := f.GetCellStyle(sheet, at)
				if sa != sb {
					t.Errorf("%s!%s: inserted row's style %d, the row above's %d", sheet, at, sb, sa)
				}
			}
		}
	}
	for c := 1; c <= 14; c++ {
		col, _ := excelize.ColumnNumberToName(c)
		wa, _ := orig.GetColWidth(sheet, col)
		wb, _ := f.GetColWidth(sheet, col)
		if wa != wb {
			t.Errorf("%s: column %s width %v, want %v", sheet, col, wb, wa)
		}
	}
	ma, _ := orig.GetMergeCells(sheet)
	mb, _ := f.GetMergeCells(sheet)
	want := map[string]bool{}
	for _, m := range ma {
		c1, r1, _ := excelize.CellNameToCoordinates(m.GetStartAxis())
		c2, r2, _ := excelize.CellNameToCoordinates(m.GetEndAxis())
		a, _ := excelize.CoordinatesToCellName(c1, moved(r1))
		b, _ := excelize.CoordinatesToCellName(c2, moved(r2))
		want[a+":"+b] = true
	}
	got := map[string]bool{}
	for _, m := range mb {
		got[m.GetStartAxis()+":"+m.GetEndAxis()] = true
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s: merged ranges %v, want %v", sheet, got, want)
	}
	for _, pair := range []struct {
		name string
		a, b any
	}{
		{"page layout", must(orig.GetPageLayout(sheet)), must(f.GetPageLayout(sheet))},
		{"margins", must(orig.GetPageMargins(sheet)), must(f.GetPageMargins(sheet))},
		{"view", must(orig.GetSheetView(sheet, 0)), must(f.GetSheetView(sheet, 0))},
		{"panes", must(orig.GetPanes(sheet)), must(f.GetPanes(sheet))},
		{"header/footer", must(orig.GetHeaderFooter(sheet)), must(f.GetHeaderFooter(sheet))},
		{"sheet properties", must(orig.GetSheetProps(sheet)), must(f.GetSheetProps(sheet))},
	} {
		if !reflect.DeepEqual(pair.a, pair.b) {
			t.Errorf("%s: %s %+v, want %+v", sheet, pair.name, pair.b, pair.a)
		}
	}
}

func must[T any](v T, _ error) T { return v }
