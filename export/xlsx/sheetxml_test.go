package xlsx

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/xuri/excelize/v2"

	"yusuan/forms"
	"yusuan/forms/generate"
)

// Our one-pass reader of a sheet part gives the rows the workbook library's
// row reader gives (raw values), sheet by sheet: on the bureau's 表样
// workbooks of the corpus (written by Excel or WPS: shared strings, rich
// text, styles on empty cells), on our own exports (inline strings, a
// streamed sheet) and on a hand-made part with what writers vary in.
func TestSheetPartsReadAsTheLibraryReadsThem(t *testing.T) {
	var paths []string
	corpus, _ := filepath.Glob(filepath.Join("..", "..", "internal", "corpus", "files", "*", "*.xlsx"))
	paths = append(paths, corpus...)
	if len(corpus) == 0 {
		t.Error("no corpus workbooks found")
	}
	dir := t.TempDir()
	for name, large := range map[string]bool{"sample": false, "generated": true} {
		var d *forms.Document
		var err error
		if large {
			d, err = generate.Document(generate.Size{Units: 3, Lines: 60, Projects: 3000, L1: 30}, 7) // over 2,048 rows: streamed in parts
		} else {
			d, err = forms.Sample()
		}
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, name+".xlsx")
		if err := Export(d, p); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	for _, path := range paths {
		f, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		scan, err := scanWorkbook(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range f.GetSheetList() {
			budget := MaxCellsTotal
			want, err := readRows(f, name, &budget)
			if err != nil {
				t.Fatal(err)
			}
			p := scan.sheets[name]
			if p == nil || p.err != nil {
				t.Errorf("%s %s: not read (%v)", filepath.Base(path), name, p)
				continue
			}
			if !reflect.DeepEqual(normal(p.rows), normal(want)) {
				t.Errorf("%s %s: rows differ\n ours %q\n lib  %q", filepath.Base(path), name, head(p.rows), head(want))
			}
		}
		f.Close()
	}
}

// normal makes nil and empty rows alike.
func normal(rows [][]string) [][]string {
	out := make([][]string, len(rows))
	for i, r := range rows {
		out[i] = append([]string{}, r...)
	}
	return out
}

func head(rows [][]string) [][]string { return rows[:min(len(rows), 6)] }

// A part as writers vary it: prefixed names, cells without references,
// shared, inline and rich strings with phonetic runs,
// entities and character references, CDATA, a formula without a value,
// _xHHHH_ escapes, rows given out of order and a row declared far down.
func TestSheetPartVariants(t *testing.T) {
	sst := []string{"共享", "第二"}
	part := []byte(`<?xml version="1.0"?><x:worksheet xmlns:x="s"><x:sheetData>` +
		`<x:row r="1"><x:c r="B1" t="s"><x:v>1</x:v></x:c><x:c t="s"><x:v>0</x:v></x:c></x:row>` +
		`<row><c><v>1.5</v></c><c t="inlineStr"><is><r><t>甲</t></r><r><t xml:space="preserve"> 乙</t></r><rPh><t>ジャ</t></rPh></is></c></row>` +
		`<row r="4"><c r="A4"><v>7</v></c><c r="C4" t="str"><f>A1</f><v>&lt;a&amp;b&gt; &#x4E2D;&#25991;</v></c></row>` +
		`<row r="5"><c r="A5" t="inlineStr"><is><t><![CDATA[x<y & z]]></t></is></c><c r="B5"><f>1+1</f></c><c r="C5" t="inlineStr"><is><t>a_x000D_b</t></is></c></row>` +
		`<!-- a comment <row r="9"> -->` +
		`<row r="7" spans="1:3"/>` +
		`</x:sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></x:worksheet>`)
	budget := 1000
	p := parseSheet(part, sst, &budget)
	want := [][]string{
		{"", "第二", "共享"},
		{"1.5", "甲 乙"},
		nil,
		{"7", "", "<a&b> 中文"},
		{"x<y & z", "", "a\rb"},
	}
	if p.err != nil || !reflect.DeepEqual(normal(p.rows), normal(want)) {
		t.Errorf("rows %q (%v), want %q", p.rows, p.err, want)
	}
	if !reflect.DeepEqual(p.merges, []string{"A1:B1"}) || p.cells != 9 {
		t.Errorf("merges %q, cells %d", p.merges, p.cells)
	}
	if budget != 1000-3-2-3-3 {
		t.Errorf("budget left %d", budget)
	}
	// the same part through the library, as a workbook
	wb := partWorkbook(t, part, sst)
	f, err := excelize.OpenReader(bytes.NewReader(wb))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b := 1000
	lib, err := readRows(f, "Sheet1", &b)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(normal(p.rows), normal(lib)) {
		t.Errorf("ours %q\n lib %q", p.rows, lib)
	}
	// cells out of order (against the format, but written by some tools)
	// go to their columns (the library appends them at the end)
	b = 10
	q := parseSheet([]byte(`<row r="1"><c r="C1"><v>3</v></c><c r="A1"><v>1</v></c></row>`), nil, &b)
	if !reflect.DeepEqual(q.rows, [][]string{{"1", "", "3"}}) {
		t.Errorf("out of order: %q", q.rows)
	}
}

// partWorkbook wraps a worksheet part and shared strings into a workbook.
func partWorkbook(t *testing.T, part []byte, sst []string) []byte {
	t.Helper()
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	add := func(name, body string) {
		w, err := z.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	add("[Content_Types].xml", `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`)
	add("_rels/.rels", `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`)
	add("xl/workbook.xml", `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`)
	add("xl/_rels/workbook.xml.rels", `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`)
	sstXML := `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`
	for _, s := range sst {
		sstXML += "<si><t>" + s + "</t></si>"
	}
	add("xl/sharedStrings.xml", sstXML+"</sst>")
	add("xl/worksheets/sheet1.xml", string(part))
	if err := z.Close(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "p.xlsx")
	os.WriteFile(path, buf.Bytes(), 0o644)
	// and through the scan, from the file
	scan, err := scanWorkbook(path)
	if err != nil || scan.sheets["Sheet1"] == nil {
		t.Fatalf("scan: %v", err)
	}
	return buf.Bytes()
}
