package xlsx

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"yusuan/export/tablein"
	"yusuan/forms"
)

// sampleWorkbook exports the sample, lets change alter the workbook, saves
// it and returns its path with the sample.
func sampleWorkbook(t *testing.T, change func(d *forms.Document, f *excelize.File)) (string, *forms.Document) {
	t.Helper()
	d, err := forms.Sample()
	if err != nil {
		t.Fatal(err)
	}
	f := reopened(t, d)
	defer f.Close()
	if change != nil {
		change(d, f)
	}
	path := filepath.Join(t.TempDir(), "样例.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path, d
}

// truncate removes every row of a sheet but its first keep (the title,
// then the unit line).
func truncate(t *testing.T, f *excelize.File, sheet string, keep int) {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for r := len(rows); r > keep; r-- {
		if err := f.RemoveRow(sheet, r); err != nil {
			t.Fatal(err)
		}
	}
	if got, _ := f.GetRows(sheet); len(got) != min(keep, len(rows)) {
		t.Fatalf("sheet %s still has %d rows", sheet, len(got))
	}
}

// rawTables is each table as the file holds it, by ID, for comparing.
func rawTables(t *testing.T, d *forms.Document) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, rt := range d.Raw().Tables {
		b, err := json.Marshal(rt)
		if err != nil {
			t.Fatal(err)
		}
		out[rt.ID] = string(b)
	}
	return out
}

// sheetOf is the sheet our export gives a table.
func sheetOf(d *forms.Document, id string) string {
	for i, t := range d.Tables {
		if t.ID == id {
			return SheetName(i+1, t)
		}
	}
	return ""
}

// wantOthersIntact: every table but skip came back with its figures.
func wantOthersIntact(t *testing.T, d, back *forms.Document, skip string) {
	t.Helper()
	want, got := rawTables(t, d), rawTables(t, back)
	for id, w := range want {
		if id == skip {
			continue
		}
		if got[id] != w {
			t.Errorf("table %s came back as\n%s\nwant\n%s", id, got[id], w)
		}
	}
}

// A 收支总表 or 财政拨款收支总表 sheet holding only its title row (or its
// title and unit line) costs that table only: the others import with their
// figures, and the short one is reported by its sheet.
func TestAShortTwoSidedSheetCostsThatTableOnly(t *testing.T) {
	d, err := forms.Sample()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, tb := range d.Tables {
		if tb.Absent || tb.Layout() != forms.LayoutTwoSided {
			continue
		}
		n++
		for _, keep := range []int{1, 2} {
			id := tb.ID
			t.Run(fmt.Sprintf("%s/%d", id, keep), func(t *testing.T) {
				var sheet string
				path, d := sampleWorkbook(t, func(d *forms.Document, f *excelize.File) {
					sheet = sheetOf(d, id)
					truncate(t, f, sheet, keep)
				})
				back, rep, err := Import(path, ImportOptions{})
				if err != nil {
					t.Fatalf("import: %v", err)
				}
				var msgs []string
				for _, p := range rep.Problems {
					if p.Sheet == sheet {
						msgs = append(msgs, p.Message)
					}
				}
				if len(msgs) == 0 {
					t.Errorf("the short sheet %s is not reported: %v", sheet, rep.Problems)
				}
				if keep == 1 && (len(msgs) != 1 || !strings.Contains(msgs[0], "标题下面没有内容")) {
					t.Errorf("a sheet of only a title is reported as %q", msgs)
				}
				for _, rt := range back.Raw().Tables {
					for _, r := range rt.Rows {
						if rt.ID == id && len(r.Values) > 0 {
							t.Errorf("the short table has figures: %+v", r)
						}
					}
				}
				wantOthersIntact(t, d, back, id)
			})
		}
	}
	if n < 2 {
		t.Fatalf("the sample has %d two-sided tables, want both 收支总表 and 财政拨款收支总表", n)
	}
}

// panicIn makes reading the table id panic, as a programming error would.
func panicIn(t *testing.T, id string) {
	t.Helper()
	t.Cleanup(tablein.AfterLinesForTest(func(tableID string) {
		if tableID == id {
			var rows [][]string
			_ = rows[len(rows)+1] // index out of range
		}
	}))
}

// A panic while reading one table costs that table only: it is reported in
// Chinese by its sheet, left absent, recorded in the error log, and every
// other table imports with its figures.
func TestAPanicReadingOneTableCostsThatTableOnly(t *testing.T) {
	for _, id := range []string{"expense", "perf_dept"} {
		t.Run(id, func(t *testing.T) {
			logs := t.TempDir()
			t.Setenv("YUSUAN_LOG_DIR", logs)
			panicIn(t, id)
			path, d := sampleWorkbook(t, nil)
			back, rep, err := Import(path, ImportOptions{})
			if err != nil {
				t.Fatalf("import: %v", err)
			}
			sheet := sheetOf(d, id)
			var msgs []string
			for _, p := range rep.Problems {
				if p.Sheet == sheet {
					msgs = append(msgs, p.Message)
				}
			}
			if len(msgs) != 1 || !strings.Contains(msgs[0], "读取这张表时程序出错，这张表未导入") {
				t.Errorf("problems of %s: %q", sheet, msgs)
			}
			if tb := back.Table(id); tb == nil || !tb.Absent {
				t.Errorf("table %s is not absent", id)
			}
			wantOthersIntact(t, d, back, id)
			if id == "perf_dept" && back.Perf.Dept != nil {
				t.Errorf("half a 绩效 form came in: %+v", back.Perf.Dept)
			}
			log, err := os.ReadFile(filepath.Join(logs, "yusuan-errors.log"))
			if err != nil {
				t.Fatalf("nothing logged: %v", err)
			}
			for _, want := range []string{"index out of range", sheet, "short_sheet_test.go"} {
				if !strings.Contains(string(log), want) {
					t.Errorf("the log lacks %q:\n%.600s", want, log)
				}
			}
		})
	}
}

// Every table's reader copes with a sheet cut short under its title (the
// unit line, a header row, part of the header): no panic, whatever the
// layout.
func TestEveryReaderCopesWithAShortSheet(t *testing.T) {
	huntPanics(t)
	for _, keep := range []int{2, 3, 4, 5} {
		path, _ := sampleWorkbook(t, func(d *forms.Document, f *excelize.File) {
			for _, tb := range d.Tables {
				if !tb.Absent {
					truncate(t, f, sheetOf(d, tb.ID), keep)
				}
			}
		})
		if _, _, err := importFile(path, ImportOptions{}); err != nil {
			t.Errorf("%d rows a sheet: %v", keep, err)
		}
	}
}
