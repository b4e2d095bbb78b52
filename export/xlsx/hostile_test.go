package xlsx

import (
	"archive/zip"
	"bytes"
	"cmp"
	"compress/flate"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"yusuan/forms"
)

// hostileTexts are what a clerk (or a file from elsewhere) can put in a
// text cell: text a spreadsheet would run as a formula, control
// characters, a name as long as a document may hold (decision 45).
var hostileTexts = []string{
	`=HYPERLINK("http://example.invalid","点此查看")`,
	"+1+1",
	"-2+3",
	"@SUM(A1:A9)",
	"=cmd|' /C calc'!A0",
	"带\x01控制\x07字符\x1b的名称\x00",
	string([]rune(strings.Repeat("很长的项目名称", forms.MaxNameChars/7+1))[:forms.MaxNameChars]),
}

// hostileDocument is the sample with those texts in project names, the
// unit's name and the 主要职能.
func hostileDocument(t *testing.T) *forms.Document {
	t.Helper()
	d, err := forms.Sample()
	if err != nil {
		t.Fatal(err)
	}
	p := d.Table("projects").Main()
	for i, text := range hostileTexts {
		pr := forms.Project{Type: "专项业务支出", L1: "服务保障", L2: text, Unit: "中共吉林市委办公室"}
		if i == 0 {
			pr.Unit = text
		}
		if _, err := p.AddProject(pr); err != nil {
			t.Fatalf("project %d: %v", i, err)
		}
	}
	d.Text.Functions = strings.Join(append(hostileTexts, strings.Repeat("很长的一段职能说明。", 1000)), "\n")
	d.Recompute()
	return d
}

// The exported workbook holds no formula at all, is well-formed XML, and
// the texts come back (control characters, which XML cannot carry, are
// dropped or escaped — never a broken file).
func TestHostileTextsExportAsPlainText(t *testing.T) {
	d := hostileDocument(t)
	path := filepath.Join(t.TempDir(), "h.xlsx")
	if err := Export(d, path); err != nil {
		t.Fatal(err)
	}
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	for _, f := range z.File {
		if !strings.HasSuffix(f.Name, ".xml") {
			continue
		}
		r, _ := f.Open()
		data, _ := io.ReadAll(r)
		r.Close()
		if strings.HasPrefix(f.Name, "xl/worksheets/") && bytes.Contains(data, []byte("<f>")) || bytes.Contains(data, []byte("<f ")) {
			t.Errorf("%s holds a formula", f.Name)
		}
		dec := xml.NewDecoder(bytes.NewReader(data))
		for {
			if _, err := dec.Token(); err == io.EOF {
				break
			} else if err != nil {
				t.Errorf("%s is not well-formed XML: %v", f.Name, err)
				break
			}
		}
	}
	back, _, err := Import(path, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, r := range back.Table("projects").Main().Rows {
		if r.Project != nil {
			names[r.Project.L2] = true
		}
	}
	for _, text := range hostileTexts {
		if strings.ContainsAny(text, "\x00\x01\x07\x1b") {
			continue
		}
		if !names[text] {
			t.Errorf("%.40q did not come back as text", text)
		}
	}
}

// zipBomb writes a workbook whose one sheet unpacks to n bytes (spaces
// inside the sheet's XML) while the file itself stays small: the deflate
// stream repeats one compressed block.
func zipBomb(t *testing.T, n, declared int64) string {
	t.Helper()
	const chunk = 1 << 20
	var head, block, tail bytes.Buffer
	fw, _ := flate.NewWriter(&head, flate.BestCompression)
	fw.Write([]byte(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`))
	fw.Write(bytes.Repeat([]byte(" "), chunk))
	fw.Flush()
	fw.Reset(&block) // Reset clears the window: the block must not look back
	fw.Write(bytes.Repeat([]byte(" "), chunk))
	fw.Flush()
	fw.Reset(&tail)
	fw.Write([]byte(`</sheetData></worksheet>`))
	fw.Close()
	repeats := n/chunk - 1
	size := int64(len(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)) + chunk + repeats*chunk + int64(len(`</sheetData></worksheet>`))

	path := filepath.Join(t.TempDir(), "bomb.xlsx")
	out, _ := os.Create(path)
	z := zip.NewWriter(out)
	small := map[string]string{
		"[Content_Types].xml":        `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
		"_rels/.rels":                `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml":            `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
	}
	for name, content := range small {
		w, _ := z.Create(name)
		io.WriteString(w, content)
	}
	w, err := z.CreateRaw(&zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: zip.Deflate, UncompressedSize64: uint64(cmp.Or(declared, size)), CompressedSize64: uint64(head.Len() + int(repeats)*block.Len() + tail.Len()), CRC32: 0})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(head.Bytes())
	for i := int64(0); i < repeats; i++ {
		w.Write(block.Bytes())
	}
	w.Write(tail.Bytes())
	z.Close()
	out.Close()
	return path
}

// A workbook whose sheet unpacks to 1 GB is refused at once, in Chinese,
// without unpacking it.
func TestAWorkbookUnpackingTo1GBIsRefused(t *testing.T) {
	path := zipBomb(t, 1<<30, 0)
	if fi, _ := os.Stat(path); fi.Size() > 8<<20 {
		t.Fatalf("the test file itself is %d bytes", fi.Size())
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	_, _, err := Import(path, ImportOptions{})
	took := time.Since(start)
	runtime.ReadMemStats(&after)
	if err == nil || !strings.Contains(err.Error(), "解压后超过") || !strings.Contains(err.Error(), "bomb.xlsx") {
		t.Errorf("import: %v", err)
	}
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 256<<20 {
		t.Errorf("reading it allocated %d MB", grew>>20)
	}
	t.Logf("refused in %v", took)
}

// The same sheet with a zip header that lies (it declares 1 MB): reading
// stops where the header said the sheet ends, and the file is refused.
func TestAWorkbookWhoseHeaderLiesIsRefused(t *testing.T) {
	path := zipBomb(t, 1<<30, 1<<20)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, _, err := Import(path, ImportOptions{})
	runtime.ReadMemStats(&after)
	if err == nil || !strings.Contains(err.Error(), "bomb.xlsx") {
		t.Errorf("import: %v", err)
	}
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 256<<20 {
		t.Errorf("reading it allocated %d MB", grew>>20)
	}
	t.Log(err)
}
