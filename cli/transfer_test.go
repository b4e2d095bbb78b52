package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"yusuan/forms"
	"yusuan/forms/generate"
)

func TestExportImportCheckWorkbooks(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "s.yusuan")
	run("sample", "-o", doc)
	wb := filepath.Join(dir, "s.xlsx")
	if code, out, errs := run("export", "--xlsx", wb, doc); code != 0 || !strings.Contains(out, "13 张表") {
		t.Fatalf("export: %d %s %s", code, out, errs)
	}
	back := filepath.Join(dir, "back.yusuan")
	code, out, errs := run("import", wb, "-o", back)
	if code != 0 || !strings.Contains(out, "一、2022年收支预算总表 ← 工作表“01收支预算总表”：29 行，2 个金额栏，单位：万元") ||
		!strings.Contains(out, "十三、2022年项目支出绩效目标申报表（二级项目） ← 工作表“13项目支出绩效目标申报表（二级项目）”：12 份绩效表") {
		t.Fatalf("import: %d\n%s\n%s", code, out, errs)
	}
	// the workbook checks as the document does: it carries the 情况说明's
	// extra inputs too (all but the heading line, which names the file)
	_, fromDoc, _ := run("check", doc)
	_, fromWB, _ := run("check", wb)
	findings := func(s string) string {
		_, rest, _ := strings.Cut(s, "\n")
		return rest
	}
	if findings(fromDoc) != findings(fromWB) || !strings.Contains(fromDoc, "警告 29 项") {
		t.Errorf("checking the workbook differs from checking the document:\n%s\n---\n%s", fromDoc, fromWB)
	}
	// --strict refuses a document with 错误; without it the export warns
	seedWB := filepath.Join(dir, "seed.xlsx")
	if code, _, errs := run("export", "--strict", "--xlsx", seedWB, seedFixture); code != ExitFound || !strings.Contains(errs, "19 项错误") {
		t.Errorf("strict: %d %s", code, errs)
	}
	if _, err := os.Stat(seedWB); err == nil {
		t.Error("--strict wrote the workbook")
	}
	if code, _, errs := run("export", "--xlsx", seedWB, seedFixture); code != 0 || !strings.Contains(errs, "警告：文档有 19 项错误") {
		t.Errorf("export with errors: %d %s", code, errs)
	}
	if code, _, _ := run("check", seedWB); code != ExitFound {
		t.Errorf("checking the seed's workbook exits %d", code)
	}
}

func TestImportUnreadable(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.xlsx")
	os.WriteFile(bad, []byte("这不是工作簿"), 0o644)
	code, _, errs := run("import", bad, "-o", filepath.Join(dir, "x.yusuan"))
	if code != ExitUsage || !strings.Contains(errs, "不是可以读取的 Excel 工作簿") {
		t.Errorf("import of a broken file: %d %s", code, errs)
	}
	if code, _, errs := run("check", bad); code != ExitUsage || !strings.Contains(errs, "bad.xlsx") {
		t.Errorf("check of a broken workbook: %d %s", code, errs)
	}
	if code, _, errs := run("export", bad); code != ExitUsage || !strings.Contains(errs, "--pdf") {
		t.Errorf("export without an output: %d %s", code, errs)
	}
	if code, _, _ := run("import", bad); code != ExitUsage {
		t.Error("import without -o accepted")
	}
}

// yusuan export --pdf writes the disclosure document; with --xlsx too it
// writes both, from a document or from a workbook.
func TestExportPDF(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "s.yusuan")
	run("sample", "-o", doc)
	out := filepath.Join(dir, "公开文本.pdf")
	code, stdout, errs := run("export", doc, "--pdf", out)
	if code != 0 || !strings.Contains(stdout, "已导出 PDF："+out+"（") || !strings.Contains(stdout, " 页）") || errs != "" {
		t.Fatalf("export --pdf: %d\n%s\n%s", code, stdout, errs)
	}
	data, err := os.ReadFile(out)
	if err != nil || !strings.HasPrefix(string(data), "%PDF-") {
		t.Fatalf("not a PDF: %v", err)
	}
	wb, fromWB := filepath.Join(dir, "s.xlsx"), filepath.Join(dir, "wb.pdf")
	if code, stdout, errs := run("export", "--xlsx", wb, "--pdf", filepath.Join(dir, "both.pdf"), doc); code != 0 ||
		!strings.Contains(stdout, "已导出工作簿") || !strings.Contains(stdout, "已导出 PDF") {
		t.Fatalf("both: %d %s %s", code, stdout, errs)
	}
	if code, stdout, errs := run("export", "--pdf", fromWB, wb); code != 0 || !strings.Contains(stdout, "已导出 PDF") {
		t.Fatalf("from a workbook: %d %s %s", code, stdout, errs)
	}
	// a document with 错误 is exported with a warning, or refused with --strict
	seedPDF := filepath.Join(dir, "seed.pdf")
	if code, _, errs := run("export", "--strict", "--pdf", seedPDF, seedFixture); code != ExitFound || !strings.Contains(errs, "项错误") {
		t.Errorf("strict: %d %s", code, errs)
	}
	if _, err := os.Stat(seedPDF); err == nil {
		t.Error("--strict wrote the PDF")
	}
	if code, _, errs := run("export", "--pdf", seedPDF, seedFixture); code != 0 || !strings.Contains(errs, "警告：文档有") {
		t.Errorf("export with errors: %d %s", code, errs)
	}
	if code, _, errs := run("export", "--pdf", filepath.Join(dir, "无此文件夹", "a.pdf"), doc); code != ExitUsage || !strings.Contains(errs, "无法") {
		t.Errorf("unwritable: %d %s", code, errs)
	}
}

// 【请填写：…】 left in the 情况说明: export says how many and what they ask
// for, and --strict refuses (issue 16).
func TestExportSaysTheGapsLeft(t *testing.T) {
	d, err := generate.Document(generate.Size{Units: 1, Lines: 10, Projects: 3, L1: 1}, 1)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	doc := filepath.Join(dir, "生成.yusuan")
	if err := forms.Save(doc, d); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "公开.pdf")
	code, _, errs := run("export", "--strict", "--pdf", out, doc)
	if code != ExitFound || !strings.Contains(errs, "处待补充") || !strings.Contains(errs, "按 --strict 未导出") {
		t.Errorf("--strict with gaps: %d %q", code, errs)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("--strict wrote the PDF")
	}
	code, _, errs = run("export", "--pdf", out, doc)
	if code != 0 || !strings.Contains(errs, "警告：情况说明还有") || !strings.Contains(errs, "会照样印出") {
		t.Errorf("without --strict: %d %q", code, errs)
	}
	// the sample gives every input: nothing to say
	sample := filepath.Join(dir, "示例.yusuan")
	run("sample", "-o", sample)
	if _, _, errs := run("export", "--pdf", filepath.Join(dir, "示例.pdf"), sample); strings.Contains(errs, "待补充") {
		t.Errorf("the sample: %q", errs)
	}
}
