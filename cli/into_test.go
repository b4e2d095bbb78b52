package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"yusuan/internal/corpus"
)

// yusuan export --into 表样.xlsx --xlsx 填好的.xlsx FILE: exit 0 with the
// report; 1 under --strict when anything could not be placed (nothing
// written); 2 when the 表样 cannot be read or is the output.
func TestExportIntoTemplate(t *testing.T) {
	doc := corpus.PDF("sh-muni-2026-shenjiju", "")
	tmpl := filepath.Join(corpus.Dir(), "templates-sh-putuo-2026", "unit_budget_template.xlsx")
	dir := t.TempDir()
	out := filepath.Join(dir, "填好的.xlsx")

	code, stdout, stderr := run("export", "--into", tmpl, "--xlsx", out, doc)
	if code != ExitOK {
		t.Fatalf("exit %d: %s %s", code, stdout, stderr)
	}
	for _, w := range []string{"工作表“单位收入总表”A9:I32：2026年预算单位收入预算总表：23 行及合计（表样留有 11 行，插入 12 行）", "已填入表样"} {
		if !strings.Contains(stdout, w) {
			t.Errorf("stdout lacks %q:\n%s", w, stdout)
		}
	}
	if !strings.Contains(stderr, "没能填入") || !strings.Contains(stderr, "比2025年预算增加（减少）XXX万元") {
		t.Errorf("stderr does not list what was left:\n%s", stderr)
	}
	if code, shown, errs := run("show", out); code != ExitOK || !strings.Contains(shown, "114,479,860") {
		t.Errorf("the filled workbook does not read back (行政运行 114,479,860 of p. 8): %d %s", code, errs)
	}

	strictOut := filepath.Join(dir, "严格.xlsx")
	code, _, stderr = run("export", "--strict", "--into", tmpl, "--xlsx", strictOut, doc)
	if code != ExitFound || !strings.Contains(stderr, "按 --strict 未导出") {
		t.Errorf("--strict: exit %d, %s", code, stderr)
	}
	if _, err := os.Stat(strictOut); err == nil {
		t.Error("--strict refused but wrote the workbook")
	}

	for _, c := range []struct {
		name string
		args []string
		want string
	}{
		{"no such 表样", []string{"export", "--into", filepath.Join(dir, "没有.xlsx"), "--xlsx", filepath.Join(dir, "a.xlsx"), doc}, "没有.xlsx"},
		{"an .xls 表样", []string{"export", "--into", writeFileT(t, dir, "旧表样.xls", "x"), "--xlsx", filepath.Join(dir, "b.xlsx"), doc}, "另存为 .xlsx"},
		{"not a workbook", []string{"export", "--into", writeFileT(t, dir, "坏的.xlsx", "not a zip"), "--xlsx", filepath.Join(dir, "c.xlsx"), doc}, "坏的.xlsx"},
		{"without --xlsx", []string{"export", "--into", tmpl, "--pdf", filepath.Join(dir, "d.pdf"), doc}, "--xlsx"},
		{"the 表样 as output", []string{"export", "--into", tmpl, "--xlsx", tmpl, doc}, ""},
	} {
		code, _, stderr := run(c.args...)
		if code != ExitUsage || !strings.Contains(stderr, c.want) {
			t.Errorf("%s: exit %d, %q", c.name, code, stderr)
		}
	}
}

func writeFileT(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}
