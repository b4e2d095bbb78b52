package xlsx

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// aliasWorkbook writes a workbook whose workbook.xml lists refs sheets, each
// through its own relationship, all pointing at one worksheet part of
// rows×cols figures (or of text, when given): small on disk, but every
// sheet reference is a full sheet to read.
func aliasWorkbook(t *testing.T, refs, rows, cols int, text string) string {
	t.Helper()
	var sheets, rels, data strings.Builder
	for i := 1; i <= refs; i++ {
		fmt.Fprintf(&sheets, `<sheet name="表%d" sheetId="%d" r:id="rId%d"/>`, i, i, i)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>`, i)
	}
	data.WriteString(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	for r := 1; r <= rows; r++ {
		fmt.Fprintf(&data, `<row r="%d">`, r)
		for c := 1; c <= cols; c++ {
			if text != "" {
				fmt.Fprintf(&data, `<c r="%s" t="inlineStr"><is><t>%s</t></is></c>`, cell(c, r), text)
			} else {
				fmt.Fprintf(&data, `<c r="%s"><v>%d</v></c>`, cell(c, r), r*100+c)
			}
		}
		data.WriteString(`</row>`)
	}
	data.WriteString(`</sheetData></worksheet>`)
	parts := []struct{ name, content string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>` + sheets.String() + `</sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + rels.String() + `</Relationships>`},
		{"xl/worksheets/sheet1.xml", data.String()},
	}
	path := filepath.Join(t.TempDir(), "alias.xlsx")
	out, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	z := zip.NewWriter(out)
	for _, p := range parts {
		w, err := z.Create(p.name)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, p.content)
	}
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	out.Close()
	return path
}

// 200 sheets pointing at one part of 50,000 cells are 10,000,000 cells to
// read: refused in Chinese, naming the limit, before the memory is spent.
func TestManySheetsPointingAtOnePartAreRefused(t *testing.T) {
	path := aliasWorkbook(t, 200, 5000, 10, "")
	fi, _ := os.Stat(path)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, _, err := Import(path, ImportOptions{})
	runtime.ReadMemStats(&after)
	if err == nil || !strings.Contains(err.Error(), "alias.xlsx") || !strings.Contains(err.Error(), "上限") ||
		!strings.Contains(err.Error(), fmt.Sprint(MaxCellsTotal/10000)+" 万") {
		t.Errorf("import: %v", err)
	}
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 300<<20 {
		t.Errorf("a %d KB file allocated %d MB before it was refused", fi.Size()>>10, grew>>20)
	}
	t.Logf("%d KB file, %d MB allocated: %v", fi.Size()>>10, (after.TotalAlloc-before.TotalAlloc)>>20, err)
}

// 150 sheets pointing at one part holding one 2 MB text are 300 MB to
// unpack, past the unzip limit the part alone stays under.
func TestManySheetsPointingAtOneLongTextAreRefused(t *testing.T) {
	path := aliasWorkbook(t, 150, 1, 1, strings.Repeat("很", 2<<20/3))
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, _, err := Import(path, ImportOptions{})
	runtime.ReadMemStats(&after)
	if err == nil || !strings.Contains(err.Error(), "alias.xlsx") || !strings.Contains(err.Error(), fmt.Sprintf("超过 %d MB 的上限", MaxUnzipBytes>>20)) {
		t.Errorf("import: %v", err)
	}
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 300<<20 {
		t.Errorf("allocated %d MB before it was refused", grew>>20)
	}
	t.Logf("%d MB allocated: %v", (after.TotalAlloc-before.TotalAlloc)>>20, err)
}

// The cells read are counted again as the sheets are read, so that a
// reference the scan did not resolve still meets the cap.
func TestReadingStopsAtTheCellBudget(t *testing.T) {
	f, err := Open(aliasWorkbook(t, 2, 20, 5, ""))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	budget := 150
	if _, err := readRows(f, "表1", &budget); err != nil || budget != 50 {
		t.Fatalf("first sheet: %v, budget left %d", err, budget)
	}
	if _, err := readRows(f, "表2", &budget); !errors.Is(err, errTooManyCells) || !strings.Contains(err.Error(), "上限") {
		t.Errorf("second sheet: %v", err)
	}
}

// Under the limit, sheet references are read as any sheets are: the cap
// counts work, it does not refuse aliases as such (these hold no table).
func TestAFewSheetsPointingAtOnePartStillRead(t *testing.T) {
	path := aliasWorkbook(t, 3, 20, 5, "")
	if _, _, err := Import(path, ImportOptions{}); !errors.Is(err, ErrNothingRecognised) {
		t.Errorf("import: %v", err)
	}
}
