package app

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"yusuan/app/sheet"
	"yusuan/app/uitest"
	"yusuan/export/docin"
	"yusuan/forms"
	"yusuan/forms/edit"
	"yusuan/forms/money"
	"yusuan/internal/corpus"
)

func corpusPDF(t *testing.T, folder, part string) string {
	t.Helper()
	path := corpus.PDF(folder, part)
	if path == "" {
		t.Fatalf("no corpus PDF %s/%s", folder, part)
	}
	return path
}

// entryTexts are the texts of the entries in the window's pop-ups.
func entryTexts(w fyne.Window) []string {
	var out []string
	for _, o := range w.Canvas().Overlays().List() {
		for _, x := range test.LaidOutObjects(o) {
			if e, ok := uitest.Entry(x); ok {
				out = append(out, e.Text)
			}
		}
	}
	return out
}

// A published PDF opens in the window as a read document: unsaved, with
// no file, a report of what was read per table and what could not be,
// every table shown (the ones kept as printed read-only, from their
// printed copy), and 另存为 offering the PDF's name.
func TestOpenAPublishedPDF(t *testing.T) {
	// a copy: the export below must not replace it, and if it did, no
	// corpus file may be the one lost
	orig, err := os.ReadFile(corpusPDF(t, "cc-2026-xinfangju", "部门预算"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	pdf := filepath.Join(dir, "2026年长春市信访局部门预算.pdf")
	if err := os.WriteFile(pdf, orig, 0o644); err != nil {
		t.Fatal(err)
	}
	u := newTestUI(t, pdf)
	if u.s == nil || u.path != "" || u.imported != pdf || !u.s.Dirty() || !strings.Contains(u.win.Title(), "读自 2026年长春市信访局部门预算.pdf") {
		t.Fatalf("opening the PDF: title %q, path %q", u.win.Title(), u.path)
	}
	d := u.s.Doc()
	if !d.Template.Own || len(d.Tables) != 11 {
		t.Fatalf("%d tables, own template %v", len(d.Tables), d.Template.Own)
	}
	report := overlayText(u.win)
	for _, want := range []string{
		"从公开文本“2026年长春市信访局部门预算.pdf”读到 11 张表（长春市信访局，2026年）",
		"读到的文字：主要职能",
		"未能读取的地方（",
		"第6页“收支总表（预算表 1）”（第6页表内第 2 行第 3 栏）：栏目“收入／编制预算”无法识别，这一列未导入",
	} {
		if !strings.Contains(report, want) {
			t.Errorf("the report lacks %q:\n%s", want, report)
		}
	}
	// lines read change as the reader learns; the rest is as printed
	for _, re := range []string{
		`五、本年一般公共预算支出表（预算表 5）\n　　第10页，\d+ 行，5 个金额栏，单位：万元，按“一般公共预算支出表”审核\n`,
		`九、项目支出表\(预算表 9\)\n　　第14页，\d+ 行，\d+ 个金额栏，单位：万元，照原样保留，不参与审核\n`,
	} {
		if !regexp.MustCompile(re).MatchString(report) {
			t.Errorf("the report lacks %s", re)
		}
	}
	// every table opens; a printed one read-only, from its printed copy
	printed, kind := 0, 0
	for _, node := range navChildren(d)[nodePart2] {
		u.selectNode(node)
		tb := d.Table(tableOfNode(node))
		if _, ok := u.view.(*sheet.Sheet); !ok {
			t.Fatalf("%s: view %T", tb.Title, u.view)
		}
		switch {
		case tb.IsPrinted():
			printed++
			if !containsText(u.content, "照原样保留（本程序没有这种表格的格式），不参与审核、不能修改") {
				t.Errorf("%s: no note that it is kept as printed", tb.Title)
			}
		case tb.Printed != nil:
			kind++
			if !containsText(u.content, "一经修改") {
				t.Errorf("%s: no note that an edit changes what the exports print", tb.Title)
			}
		}
		if !strings.Contains(u.status.Text, "本表单位：万元") {
			t.Errorf("%s: status %q", tb.Title, u.status.Text)
		}
	}
	if printed != 2 || kind != 9 {
		t.Errorf("%d tables kept as printed, %d of a kind with a printed copy", printed, kind)
	}
	for _, f := range u.s.Result().Findings { // a finding opens its table or part
		u.goToFinding(&f)
	}
	// the first edit of a kind table drops its printed copy; undo brings it back
	g := d.First(forms.KindGeneral)
	kept := g.Printed
	u.selectNode(tableNode(g.ID))
	p := g.Main()
	if err := u.s.Enter(edit.At{Table: g.ID, Row: p.RowIndex("2014001"), Col: p.Col("public")}, "212.00"); err != nil {
		t.Fatal(err)
	}
	if g.Printed != nil || containsText(u.content, "一经修改") {
		t.Error("the edited table keeps its printed copy or its note")
	}
	if v, _ := p.Value("total", "public"); v != money.MustParse("212.00") {
		t.Errorf("公用经费 合计 %v after the edit", v)
	}
	u.undo()
	if g.Printed != kept || !containsText(u.content, "一经修改") {
		t.Error("undo does not bring the printed copy back")
	}
	// the PDF export never replaces the PDF the document was read from
	tapButton(t, u.win, "关闭") // the report
	u.app.Preferences().SetString(prefFolder, dir)
	exportAs(t, u, exportPDF, "2026年长春市信访局部门预算")
	untouched(t, pdf, orig, "PDF over the PDF it was read from")
	refused(t, u, "PDF over the PDF it was read from", "就是输入文件")
	// 另存为 offers the PDF's name, beside it
	u.saveAs(nil)
	if names := entryTexts(u.win); !strings.Contains(strings.Join(names, "|"), "2026年长春市信访局部门预算.yusuan") ||
		!strings.Contains(overlayText(u.win), filepath.Dir(pdf)) {
		t.Errorf("另存为 offers %q in %q", names, overlayText(u.win))
	}
}

// 新建 → 从上年结转 takes last year's published PDF: the family's table
// list a year on, the texts, the unit's name, and last year's figures as
// 上年数 (expected figures copied from the PDF's pages 6, 10 and 12 as
// printed).
func TestCarryOverFromAPublishedPDF(t *testing.T) {
	pdf := corpusPDF(t, "cc-2026-xinfangju", "部门预算")
	u := newTestUI(t, "")
	u.carryOverFrom(pdf)
	u.busy.Wait()
	d := u.s.Doc()
	if d.Meta.Year != 2027 || d.Meta.Name != "长春市信访局" || !d.Template.Own || len(d.Tables) != 11 || !strings.Contains(u.win.Title(), "结转自") {
		t.Fatalf("carried over: %+v, %d tables, title %q", d.Meta, len(d.Tables), u.win.Title())
	}
	if got := d.Tables[10].Title; got != "长春市信访局 2027 年项目支出绩效目标表预算表（预算表 11）" {
		t.Errorf("a title a year on: %q", got)
	}
	m := money.MustParse
	in := d.Inputs
	if in.PrevTotal == nil || *in.PrevTotal != m("1682.76") { // p.6 收入总计
		t.Errorf("上年收支总预算 %v", in.PrevTotal)
	}
	if s := in.PrevSangong; s == nil || *s != (forms.Sangong{Abroad: m("0.00"), CarBuy: m("0.00"), CarRun: m("6.75"), Reception: m("0.86")}) || s.Total() != m("7.61") { // p.12
		t.Errorf("上年三公 %+v", in.PrevSangong)
	}
	if in.PrevOperating == nil || *in.PrevOperating != m("211.00") { // p.10 总计 公用经费
		t.Errorf("上年机关运行经费 %v", in.PrevOperating)
	}
	// texts as printed on pages 4–5 and 20, and as read from the PDF
	last, _, err := docin.Read(pdf, docin.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Text.Functions != last.Text.Functions || d.Text.Organization != last.Text.Organization || len(d.Text.Glossary) != len(last.Text.Glossary) {
		t.Error("the texts read are not those carried over")
	}
	if !strings.HasPrefix(d.Text.Functions, "（一）贯彻执行国家、吉林省和长春市有关信访工作的方针政策和法律法规") {
		t.Errorf("主要职能 %.80q", d.Text.Functions)
	}
	if !strings.HasPrefix(d.Text.Organization, "长春市信访局内设十个机构，分别是：办公室、来信受理处") {
		t.Errorf("机构设置 %.80q", d.Text.Organization)
	}
	if len(d.Text.Glossary) == 0 || d.Text.Glossary[0] != (forms.Term{Term: "财政拨款收入", Definition: "指财政当年拨付的资金。"}) {
		t.Errorf("名词解释 %+v", d.Text.Glossary)
	}
	if d.Text.Explanation != "" {
		t.Error("last year's 情况说明 carried over")
	}
	// kind tables empty, printed ones with their header and no lines
	for _, tb := range d.Tables {
		switch {
		case tb.IsPrinted():
			if tb.Printed == nil || len(tb.Printed.Header) == 0 || len(tb.Printed.Rows) != 0 {
				t.Errorf("%s: printed copy %+v", tb.Title, tb.Printed)
			}
		case tb.Printed != nil || !tb.Empty():
			t.Errorf("%s: carried figures or a printed copy", tb.Title)
		}
	}
	said := overlayText(u.win)
	for _, want := range []string{"上年收支总预算 1682.76万元", "上年“三公”经费 7.61万元", "上年机关运行经费 211.00万元", "“项目支出表(预算表 9)”照原样保留", "还不能填写"} {
		if !strings.Contains(said, want) {
			t.Errorf("the carry-over report lacks %q:\n%s", want, said)
		}
	}
	// every table of the new document opens
	for _, node := range navChildren(d)[nodePart2] {
		u.selectNode(node)
	}
}

// A table printed in 万元 with six decimals is kept in 元 (decision 37): its
// figures go over to the 上年数, in 万元, rounded half up (expected figures
// from pages 1 and 9 of 北京's 报表 as printed).
func TestCarryOverConvertsUnits(t *testing.T) {
	u := newTestUI(t, "")
	u.carryOverFrom(corpusPDF(t, "bj-2026-shenjiju", "报表"))
	u.busy.Wait()
	d := u.s.Doc()
	if d.Meta.Year != 2027 || d.First(forms.KindSummary) == nil || d.First(forms.KindSummary).Unit != money.Yuan {
		t.Fatalf("carried over %+v", d.Meta)
	}
	m := money.MustParse
	if v := d.Inputs.PrevTotal; v == nil || *v != m("32852.05") { // 收入总计 32,852.053832
		t.Errorf("上年收支总预算 %v", v)
	}
	// 173.520000, 37.380000, 27.948000, 6.000000
	if s := d.Inputs.PrevSangong; s == nil || *s != (forms.Sangong{Abroad: m("173.52"), CarBuy: m("37.38"), CarRun: m("27.95"), Reception: m("6.00")}) {
		t.Errorf("上年三公 %+v", d.Inputs.PrevSangong)
	}
}

// scannedPDF is a one-page PDF whose page is only an image, as a scan is.
func scannedPDF() []byte {
	var b bytes.Buffer
	var offsets []int
	obj := func(s string) {
		offsets = append(offsets, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", len(offsets), s)
	}
	content := "q 500 0 0 700 40 40 cm /Im1 Do Q"
	b.WriteString("%PDF-1.4\n")
	obj("<< /Type /Catalog /Pages 2 0 R >>")
	obj("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
	obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /XObject << /Im1 5 0 R >> >> >>")
	obj(fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content))
	obj("<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>\nstream\n\x00\xff\xff\x00\nendstream")
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(offsets)+1)
	for _, o := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offsets)+1, xref)
	return b.Bytes()
}

// A scanned PDF cannot be read (no OCR): the window says which page is a
// scan, and leaves the file as it is.
func TestAScannedPDFSaysWhichPage(t *testing.T) {
	path := filepath.Join(t.TempDir(), "扫描件.pdf")
	data := scannedPDF()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	u := newTestUI(t, path)
	if u.s != nil {
		t.Fatal("a scan opened as a document")
	}
	if !containsText(u.win.Content(), "无法打开文档") || !containsText(u.win.Content(), "第1页是扫描图像，没有文字层，无法读取") {
		t.Error("the scanned page is not named")
	}
	untouched(t, path, data, "a scanned PDF")
	// over a document shown, the same words come in a dialog
	v := newTestUI(t, "")
	v.openPath(path)
	v.busy.Wait()
	if !strings.Contains(overlayText(v.win), "第1页是扫描图像") || v.s.Doc().Meta.Sample != true {
		t.Errorf("over the sample: %q", overlayText(v.win))
	}
}
