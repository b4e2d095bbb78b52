package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

const seedFixture = "../forms/testdata/seed_published.yusuan"

func TestCheckSeedExitsOneAndPrintsFindings(t *testing.T) {
	code, out, _ := run("check", seedFixture)
	if code != ExitFound {
		t.Errorf("exit %d, want 1", code)
	}
	for _, want := range []string{
		"【支出预算总表】",
		"错误 H-1   支出预算总表 “合计”行“基本支出”列：各类合计 831.91 ≠ 合计行 943.25，相差 111.34万元",
		"【情况说明】",
		"机构设置称内设 17 个机构，随后列出了 19 个",
		"错误 ", "未运行的规则：T6-1",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	// most severe first within each table
	lines := strings.Split(out, "\n")
	last := ""
	for _, l := range lines {
		if strings.HasPrefix(l, "【") {
			last = ""
			continue
		}
		if sev := strings.Fields(l); strings.HasPrefix(l, "  ") && len(sev) > 0 && (sev[0] == "错误" || sev[0] == "警告" || sev[0] == "提示") {
			if rank(sev[0]) < rank(last) {
				t.Fatalf("severity order broken at %q", l)
			}
			last = sev[0]
		}
	}
	// 19: 2013199 printed without its 支出 is an 错误 against a name sourced for 2022 (decision 40)
	if !strings.Contains(out, "错误 19 项，警告") {
		t.Errorf("summary line: %s", lines[len(lines)-3:])
	}
}

func rank(s string) int { return map[string]int{"": -1, "错误": 0, "警告": 1, "提示": 2}[s] }

func TestCheckCorrectDocumentExitsZero(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sample.yusuan")
	run("sample", "-o", path)
	code, out, _ := run("check", path)
	if code != ExitOK || !strings.Contains(out, "错误 0 项") {
		t.Errorf("sample: exit %d\n%s", code, out)
	}
}

func TestCheckJSON(t *testing.T) {
	code, out, _ := run("check", "--json", seedFixture)
	if code != ExitFound {
		t.Errorf("exit %d", code)
	}
	var fs []map[string]any
	if err := json.Unmarshal([]byte(out), &fs); err != nil {
		t.Fatalf("not a JSON array: %v", err)
	}
	if len(fs) < 50 {
		t.Fatalf("%d findings", len(fs))
	}
	for _, key := range []string{"file", "rule", "severity", "table", "kind", "cells", "message", "values", "explanation"} {
		if _, ok := fs[0][key]; !ok {
			t.Errorf("JSON finding lacks %q: %v", key, fs[0])
		}
	}
	found := false
	for _, f := range fs {
		if f["rule"] == "H-1" && strings.Contains(f["message"].(string), "831.91") {
			found = true
			if f["severity"] != "error" || f["table"] != "expense" || f["file"] != seedFixture {
				t.Errorf("H-1 finding: %v", f)
			}
			cells := f["cells"].([]any)
			first := cells[0].(map[string]any)
			if first["table"] != "expense" || first["row"] != "合计" || first["column"] != "basic" {
				t.Errorf("cells: %v", cells)
			}
			if f["values"].(map[string]any)["各类合计"] != "831.91万元" {
				t.Errorf("values: %v", f["values"])
			}
		}
	}
	if !found {
		t.Error("H-1 831.91 not in the JSON")
	}
}

func TestCheckManyFilesOneUnreadable(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.yusuan")
	run("sample", "-o", good)
	bad := filepath.Join(dir, "bad.yusuan")
	os.WriteFile(bad, []byte("not json"), 0o644)
	code, out, errs := run("check", good, bad, seedFixture)
	if code != ExitUsage {
		t.Errorf("exit %d, want 2", code)
	}
	if !strings.Contains(errs, "bad.yusuan") || !strings.Contains(out, "good.yusuan") || !strings.Contains(out, "共 3 个文件（1 个无法读取）") {
		t.Errorf("out:\n%s\nerr:\n%s", out, errs)
	}
	// order follows the arguments although files are checked in parallel
	if strings.Index(out, "good.yusuan") > strings.Index(out, "seed_published") {
		t.Error("report order differs from the arguments")
	}
}

// A text a clerk wrote in a word processor, saved as GBK, checked against
// the document's tables.
func TestCheckText(t *testing.T) {
	text := "三、2022年支出预算情况\n2022年支出预算6677.45万元，其中：基本支出943.25万元，占14.13%；项目支出5734.20万元，占85.00%。\n"
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "情况说明.txt")
	os.WriteFile(path, []byte(gbk), 0o644)
	sample := filepath.Join(t.TempDir(), "s.yusuan")
	run("sample", "-o", sample)
	code, out, errs := run("check", "--text", path, sample)
	if code != ExitFound {
		t.Errorf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "“项目支出5734.20万元，占85.00%”：按表格计算应占 85.87%") {
		t.Errorf("text not checked:\n%s", out)
	}
	if strings.Contains(out, "P-3") {
		t.Error("--text reports the text rules only")
	}
	if code, _, errs := run("check", "--text", filepath.Join(t.TempDir(), "none.txt"), sample); code != ExitUsage || !strings.Contains(errs, "文件不存在") {
		t.Errorf("missing text file: %d %s", code, errs)
	}
}

func TestRulesAndGeneratedDocs(t *testing.T) {
	code, out, _ := run("rules")
	if code != 0 || !strings.Contains(out, "T1-1") || !strings.Contains(out, "N-8") || !strings.Contains(out, "错误") {
		t.Errorf("rules: %d\n%s", code, out)
	}
	doc, err := os.ReadFile("../docs/checks.md")
	if err != nil {
		t.Fatal(err)
	}
	if string(doc) != RulesMarkdown() {
		t.Error("docs/checks.md is out of date: run `go run -tags nogui . rules --markdown > docs/checks.md`")
	}
}
