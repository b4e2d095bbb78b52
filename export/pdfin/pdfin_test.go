package pdfin

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"

	"yusuan/internal/corpus"
)

func readCorpus(t testing.TB, folder, part string) *Document {
	t.Helper()
	path := corpus.PDF(folder, part)
	if path == "" {
		t.Fatalf("no corpus PDF %s/%s", folder, part)
	}
	d, err := ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// gridOf is the page's one grid whose text contains want.
func gridOf(t *testing.T, p *Page, want string) *Grid {
	t.Helper()
	for _, g := range grids(p) {
		for _, row := range g.Cells {
			if strings.Contains(strings.Join(row, "|"), want) {
				return g
			}
		}
	}
	t.Fatalf("page %d: no grid holds %q", p.Number, want)
	return nil
}

// distinct drops a row's repeats (a spanning cell fills each column it
// spans) and its empty cells.
func distinct(row []string) []string {
	var out []string
	for _, c := range row {
		if c != "" && (len(out) == 0 || out[len(out)-1] != c) {
			out = append(out, c)
		}
	}
	return out
}

func assertRows(t *testing.T, g *Grid, want [][]string) {
	t.Helper()
	i := 0
	for _, row := range g.Cells {
		d := distinct(row)
		if len(d) == 0 {
			continue
		}
		if i >= len(want) {
			break
		}
		if strings.Join(d, "|") != strings.Join(want[i], "|") {
			t.Errorf("row %d:\n got %q\nwant %q", i, d, want[i])
		}
		i++
	}
	if i < len(want) {
		t.Errorf("only %d of %d rows", i, len(want))
	}
}

// 长春市信访局 2026, 预算表4 (page 9): a two-sided table whose title and
// unit line sit inside the ruled frame. Figures as printed on the page.
func TestRuledTwoSidedTable(t *testing.T) {
	d := readCorpus(t, "cc-2026-xinfangju", "")
	g := gridOf(t, d.Pages[8], "财政拨款收支总表")
	assertRows(t, g, [][]string{
		{"财政拨款收支总表(预算表 4)"},
		{"预算单位：长春市信访局", "单位：万元"},
		{"收 入", "支 出"},
		{"项 目", "本年预算", "编制预算", "上年结转", "项 目", "本年预算", "编制预算", "上年结转"},
		{"一、本年收入", "1682.76", "0.00", "一、本年支出", "1682.76", "0.00"},
		{"一般公共预算拨款", "1682.76", "0.00", "一、一般公共服务支出", "1378.41", "0.00"},
		{"政府性基金预算拨款", "0.00", "二、社会保障和就业支出", "178.42", "0.00"},
		{"国有资本经营预算拨款", "0.00", "三、卫生健康支出", "32.65", "0.00"},
		{"四、住房保障支出", "93.27", "0.00"},
		{"二、结转下年支出"},
		{"收 入 总 计", "1682.76", "0.00", "支 出 总 计", "1682.76", "0.00"},
	})
	if len(g.ColX) != 9 {
		t.Errorf("%d columns, want 8", len(g.ColX)-1)
	}
}

// 长春 预算表5 (page 10): figures too wide for their column wrap onto a
// second line ("1682.7" over "6"), and 小计 is printed one character a
// line; a cell's lines join into one text.
func TestFiguresWrappedInNarrowColumns(t *testing.T) {
	d := readCorpus(t, "cc-2026-xinfangju", "")
	g := gridOf(t, d.Pages[9], "本年一般公共预算支出表")
	want := map[string][]string{
		"总计：":     {"1682.76", "1682.76", "1208.20", "997.20", "211.00", "474.56", "0.00", "0.00", "0.00", "0.00", "0.00"},
		"201":     {"一般公共服务支出", "1378.41", "1378.41", "903.85", "692.85", "211.00", "474.56", "0.00", "0.00", "0.00", "0.00", "0.00"},
		"2014002": {"一般行政管理事务", "458.00", "458.00", "0.00", "0.00", "0.00", "458.00", "0.00", "0.00", "0.00", "0.00", "0.00"},
		"2080505": {"机关事业单位基本养老保险缴费支出", "105.80", "105.80", "105.80", "105.80", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00"},
		"2210201": {"住房公积金", "93.27", "93.27", "93.27", "93.27", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00"},
		"科目编码":    {"科目编码", "功能分类科目名称", "合计", "小计", "小计", "人员经费", "公用经费", "项目支出", "小计", "小计", "人员经费", "公用经费", "项目支出"},
	}
	found := 0
	for r, row := range g.Cells {
		key := row[0]
		w, ok := want[key]
		if !ok || (key == "科目编码" && row[4] != "小计") {
			continue
		}
		got := row[1:]
		if key == "总计：" {
			got = row[2:] // 总计： spans the code and name columns
		}
		if key == "科目编码" {
			got = row
		}
		if strings.Join(got, "|") != strings.Join(w, "|") {
			t.Errorf("row %d %s:\n got %q\nwant %q", r, key, got, w)
		}
		found++
	}
	if found != len(want) {
		t.Errorf("found %d of %d rows", found, len(want))
	}
}

// 深圳市统计局 2026 (page 16): the whole page is drawn inside a form
// object; its rules are found there. Title and unit line stand outside the
// frame.
func TestRulesInsideFormObjects(t *testing.T) {
	d := readCorpus(t, "sz-2026-tongjiju", "")
	p := d.Pages[15]
	g := gridOf(t, p, "年预算数")
	assertRows(t, g, [][]string{
		{"收 入", "支 出"},
		{"项 目", "2026 年预算数", "项 目", "2026 年预算数"},
		{"一、财政拨款", "5,417.80", "一、一般公共服务支出", "3,478.72"},
		{"1.一般公共预算拨款", "5,417.80", "统计信息事务", "3,478.72"},
		{"2.政府性基金预算拨款", "0.00", "行政运行", "2,357.92"},
	})
	var outside []string
	for _, l := range groupLines(p.Glyphs) {
		if l.Y1 < g.Y0 {
			outside = append(outside, l.Text())
		}
	}
	if got := strings.Join(outside, "|"); !strings.Contains(got, "收支总表|部门名称：深圳市统计局（本级） 单位：万元") {
		t.Errorf("lines above the table: %q", got)
	}
}

// Every corpus PDF reads, every page with text, in well under a second
// each once the engine runs; each PDF's characters are those poppler reads
// (checked in TestEveryCorpusPDFReads by count, against a floor).
func TestEveryCorpusPDFReads(t *testing.T) {
	// glyphs per document as read here, checked against pdftotext's
	// character count when the corpus was added: at least this many
	floor := map[string]int{
		"附件2：北京市审计局2026年度部门预算报表.pdf": 17558,
		"2026年长春市信访局部门预算.pdf":        9648,
		"2026年深圳市统计局部门预算.pdf":        14387,
		"西安市统计局（汇总）2026年部门预算.pdf":    25803,
	}
	for _, folder := range corpus.Folders() {
		for _, path := range corpus.PDFs(folder) {
			d, err := ReadFile(path)
			if err != nil {
				t.Errorf("%s: %v", path, err)
				continue
			}
			n := 0
			for _, p := range d.Pages {
				n += len(p.Glyphs)
				if p.Image {
					t.Errorf("%s page %d: taken for a scan", path, p.Number)
				}
			}
			base := path[strings.LastIndex(path, "/")+1:]
			if f, ok := floor[base]; ok && n < f {
				t.Errorf("%s: %d characters, want at least %d", base, n, f)
			}
			if n == 0 {
				t.Errorf("%s: no text", base)
			}
		}
	}
}

// A page turned by /Rotate (a wide table on an upright page) reads in the
// orientation it is shown in: its text runs left to right on one line.
func TestRotatedPageReadsUpright(t *testing.T) {
	// the text runs up the unrotated page; turned 90° it reads across
	pdf := buildPDF(595, 842, 90, "BT /F1 12 Tf 0 1 -1 0 300 100 Tm (Total 12345.67) Tj ET 0 0 0 RG 1 w 320 80 m 320 400 l S")
	d, err := Read(pdf)
	if err != nil {
		t.Fatal(err)
	}
	p := d.Pages[0]
	if p.Width != 842 || p.Height != 595 {
		t.Errorf("page %vx%v, want 842x595 as shown", p.Width, p.Height)
	}
	lines := groupLines(p.Glyphs)
	if len(lines) != 1 || lines[0].Text() != "Total 12345.67" {
		var got []string
		for _, l := range lines {
			got = append(got, l.Text())
		}
		t.Errorf("lines %q", got)
	}
	if len(p.Rules) != 1 || !p.Rules[0].Horizontal() {
		t.Errorf("rules %v: the vertical line of the unrotated page is horizontal as shown", p.Rules)
	}
}

// A page that is only an image (a scanned page) is told apart from an
// empty one.
func TestAScannedPageIsTold(t *testing.T) {
	pdf := buildPDF(595, 842, 0, "q 500 0 0 700 40 40 cm /Im1 Do Q")
	d, err := Read(pdf)
	if err != nil {
		t.Fatal(err)
	}
	if !d.Pages[0].Image || len(d.Pages[0].Glyphs) != 0 {
		t.Errorf("image page: %+v", d.Pages[0])
	}
}

// Bad input gets a Chinese message, never a panic.
func TestBadPDFsAreRefusedInChinese(t *testing.T) {
	good := buildPDF(595, 842, 0, "BT /F1 12 Tf 72 700 Td (1) Tj ET")
	cases := map[string][]byte{
		"不是 PDF":     []byte("PK\x03\x04 a workbook"),
		"已损坏":        []byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF"),
		"truncated":  good[:len(good)/3],
		"empty file": {},
	}
	for name, data := range cases {
		_, err := Read(data)
		if err == nil {
			t.Errorf("%s: read", name)
			continue
		}
		if !strings.ContainsAny(err.Error(), "不损坏无法") {
			t.Errorf("%s: %v", name, err)
		}
	}
	if _, err := ReadFile("/nonexistent/x.pdf"); err == nil || !strings.Contains(err.Error(), "文件不存在") {
		t.Errorf("missing file: %v", err)
	}
}

// buildPDF writes a one-page PDF with the given content stream, Helvetica
// as /F1 and a 2×2 gray image as /Im1.
func buildPDF(w, h float64, rotate int, content string) []byte {
	var b bytes.Buffer
	offsets := []int{}
	obj := func(s string) {
		offsets = append(offsets, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", len(offsets), s)
	}
	b.WriteString("%PDF-1.4\n")
	obj("<< /Type /Catalog /Pages 2 0 R >>")
	obj("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
	obj(fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %g %g] /Rotate %d /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> /XObject << /Im1 6 0 R >> >> >>", w, h, rotate))
	obj(fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content))
	obj("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
	obj("<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>\nstream\n\x00\xff\xff\x00\nendstream")
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(offsets)+1)
	for _, o := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offsets)+1, xref)
	return b.Bytes()
}

func TestMain(m *testing.M) {
	// tests share one compiled engine in a folder of their own
	if os.Getenv("YUSUAN_CACHE_DIR") == "" {
		if d, err := os.UserCacheDir(); err == nil {
			os.Setenv("YUSUAN_CACHE_DIR", d+"/yusuan-test")
		}
	}
	os.Exit(m.Run())
}
