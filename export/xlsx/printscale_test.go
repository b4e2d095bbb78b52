package xlsx

import (
	"strings"
	"testing"

	"yusuan/forms/linebreak"

	"github.com/xuri/excelize/v2"
)

// printScale is the share of its width a sheet prints at when fitted to
// one A4 page wide: Excel's width unit is about 7 px (1.85 mm) and the
// default margins leave 297−2×17.8 mm landscape, 210−2×17.8 mm portrait.
func printScale(t *testing.T, f *excelize.File, sheet string) float64 {
	t.Helper()
	cols, err := f.GetCols(sheet)
	if err != nil {
		t.Fatal(err)
	}
	total := 0.0
	for i := range cols {
		name, _ := excelize.ColumnNumberToName(i + 1)
		if shown, _ := f.GetColVisible(sheet, name); !shown {
			continue // kept for the round trip, not printed
		}
		w, err := f.GetColWidth(sheet, name)
		if err != nil {
			t.Fatal(err)
		}
		total += w
	}
	pl, err := f.GetPageLayout(sheet)
	if err != nil {
		t.Fatal(err)
	}
	avail := 210 - 2*17.8
	if pl.Orientation != nil && *pl.Orientation == "landscape" {
		avail = 297 - 2*17.8
	}
	return min(1, avail/(total*7*25.4/96))
}

// The widest tables (收入预算总表: 20 columns, 项目支出表: 14) print at a
// scale a reader can read: the figure columns are as wide as the figures,
// the header labels wrap, and the header rows are tall enough for them.
func TestWideSheetsPrintReadably(t *testing.T) {
	d, f := builtSample(t)
	for i, tb := range d.Tables {
		sheet := SheetName(i+1, tb)
		if s := printScale(t, f, sheet); s < 0.75 {
			t.Errorf("%s prints at %.0f%% of its size (11 pt → %.1f pt)", sheet, 100*s, 11*s)
		}
	}
	// every header label fits its cell: lines × the line height within the
	// rows it spans
	for i, tb := range d.Tables {
		if tb.ID != "income" && tb.ID != "projects" {
			continue
		}
		sheet := SheetName(i+1, tb)
		g := d.GridWithHidden(tb) // as the sheet has it
		widths := sheetColumnWidths(g, true)
		top := 3
		if d.NoteOf(tb) != "" {
			top++
		}
		h1, _ := f.GetRowHeight(sheet, top)
		h2, _ := f.GetRowHeight(sheet, top+1)
		for ci, c := range g.Columns {
			ref, _ := excelize.CoordinatesToCellName(ci+1, top+1)
			label, _ := f.GetCellValue(sheet, ref)
			room := h2
			if c.Group == "" { // a label over both rows
				room = h1 + h2
			}
			if strings.ReplaceAll(label, "\n", "") != c.Label {
				t.Errorf("%s: the header cell of %q says %q", sheet, c.Label, label)
			}
			// broken between words only
			bounds := map[int]bool{}
			at := 0
			for _, w := range linebreak.Words(c.Label) {
				at += len(w)
				bounds[at] = true
			}
			at = 0
			for _, line := range strings.Split(label, "\n") {
				at += len(line)
				if !bounds[at] {
					t.Errorf("%s: %q broken inside a word", sheet, label)
				}
			}
			if need := 14 * headerLines(c.Label, widths[ci]); need > room {
				t.Errorf("%s: %q needs %.0f pt, its rows have %.0f", sheet, c.Label, need, room)
			}
		}
	}
}
