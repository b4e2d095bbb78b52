package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"yusuan/export/xlsx"
	"yusuan/forms"
	"yusuan/forms/money"
)

// writeUnit saves a 单位's document made from the sample (a workbook when
// the name ends in .xlsx); change, when set, alters it first.
func writeUnit(t *testing.T, path, code, name string, change func(d *forms.Document)) {
	t.Helper()
	d, err := forms.Sample()
	if err != nil {
		t.Fatal(err)
	}
	d.Meta.Level, d.Meta.Code, d.Meta.Name, d.Meta.Sample, d.Meta.Remark = forms.LevelUnit, code, name, false, ""
	if change != nil {
		change(d)
	}
	if strings.HasSuffix(path, ".xlsx") {
		err = xlsx.Export(d, path)
	} else {
		err = forms.Save(path, d)
	}
	if err != nil {
		t.Fatal(err)
	}
}

func TestMergeCommand(t *testing.T) {
	dir := t.TempDir()
	u1, u2, u3 := filepath.Join(dir, "办公室.yusuan"), filepath.Join(dir, "机要局.xlsx"), filepath.Join(dir, "信息中心.yusuan")
	writeUnit(t, u1, "324001", "中共吉林市委办公室", nil)
	writeUnit(t, u2, "324002", "中共吉林市委机要局", nil)
	writeUnit(t, u3, "324003", "中共吉林市委信息中心", nil)
	dept := filepath.Join(dir, "部门.yusuan")
	// options after the files too (decision 12); one unit is a workbook
	code, out, errs := run("merge", u1, u2, "-o", dept, u3)
	if code != ExitOK || !strings.Contains(out, "已汇总 3 个单位（本级：324001 中共吉林市委办公室（本级））为“中共吉林市委办公室”2022年部门预算，写出："+dept) ||
		!strings.Contains(out, "审核汇总文档：错误 0 项") {
		t.Fatalf("merge: %d\n%s\n%s", code, out, errs)
	}
	// where one figure came from
	code, out, errs = run("show", "--from", dept, "general", "2013101", "人员经费")
	if code != ExitOK || !strings.Contains(out, "【一般公共预算支出表】单位：万元\n2013101 行政运行“基本支出人员经费”：1701.27\n") ||
		!hasLine(out, "324002 中共吉林市委机要局", "567.09") || strings.Count(out, "567.09") != 3 {
		t.Errorf("show --from one figure: %d\n%s\n%s", code, out, errs)
	}
	// every figure, with the list of units and the inputs
	code, out, _ = run("show", "--from", dept)
	if code != ExitOK || !strings.Contains(out, "324002 中共吉林市委机要局（文件 机要局.xlsx）") || !strings.Contains(out, "【收入预算总表】") ||
		!strings.Contains(out, "上年收支总预算：3090.30") {
		t.Errorf("show --from all: %d\n%.2000s", code, out)
	}
	if code, _, errs := run("show", "--from", dept, "income", "324002", "一般公共预算"); code != ExitUsage || !strings.Contains(errs, "有几栏都叫“一般公共预算”，请用编号：") {
		t.Errorf("ambiguous column: %d %s", code, errs)
	}
	if code, _, errs := run("show", "--from", u1); code != ExitUsage || !strings.Contains(errs, "不是汇总生成的文档") {
		t.Errorf("--from on a unit's document: %d %s", code, errs)
	}

	// 机要局 sends a corrected workbook: its share is replaced, the changes listed
	fixed := filepath.Join(dir, "机要局更正.xlsx")
	writeUnit(t, fixed, "324002", "中共吉林市委机要局", func(d *forms.Document) {
		p := d.Table("general").Main()
		if err := p.Set(p.RowIndex("2013101"), p.Col(forms.ColPersonnel), money.MustParse("550.00")); err != nil {
			t.Fatal(err)
		}
	})
	code, out, errs = run("merge", "--previous", dept, "-o", dept, fixed)
	if code != ExitFound || !strings.Contains(out, "替换 1 个单位（324002 中共吉林市委机要局），保留 2 个单位原来的数") ||
		!strings.Contains(out, "一般公共预算支出表 2013101 行政运行“基本支出人员经费”：1701.27 → 1684.18万元（324002 中共吉林市委机要局 567.09 → 550.00）") ||
		!strings.Contains(out, "（涉及单位：324002 中共吉林市委机要局）") {
		t.Fatalf("merge --previous: %d\n%s\n%s", code, out, errs)
	}
	if _, err := os.Stat(dept + forms.BackupExt); err != nil {
		t.Error("the previous consolidation was not kept as .bak")
	}
	// check names the unit, in text and JSON
	code, out, _ = run("check", "--json", dept)
	var found []jsonFinding
	if err := json.Unmarshal([]byte(out), &found); err != nil || code != ExitFound {
		t.Fatalf("check --json: %d %v", code, err)
	}
	named := 0
	for _, f := range found {
		if f.Severity == "error" && len(f.Units) == 1 && f.Units[0] == "324002 中共吉林市委机要局" {
			named++
		}
	}
	if named == 0 {
		t.Errorf("no 错误 names 机要局: %s", out)
	}
}

func TestMergeRefuses(t *testing.T) {
	dir := t.TempDir()
	u1, u2 := filepath.Join(dir, "办公室.yusuan"), filepath.Join(dir, "明年.yusuan")
	writeUnit(t, u1, "324001", "中共吉林市委办公室", nil)
	writeUnit(t, u2, "324002", "中共吉林市委机要局", func(d *forms.Document) { d.Meta.Year = 2023 })
	out := filepath.Join(dir, "部门.yusuan")
	code, _, errs := run("merge", "-o", out, u1, u2)
	if code != ExitUsage || !strings.Contains(errs, "未写出") || !strings.Contains(errs, "文件“"+u2+"”是 2023 年的预算，本级文件“"+u1+"”是 2022 年") {
		t.Errorf("year: %d %s", code, errs)
	}
	bad := filepath.Join(dir, "坏的.xlsx")
	os.WriteFile(bad, []byte("PK\x03\x04 这不是工作簿"), 0o644)
	code, _, errs = run("merge", "-o", out, u1, bad)
	if code != ExitUsage || !strings.Contains(errs, "“"+bad+"”不是可以读取的 Excel 工作簿") || !strings.Contains(errs, "1 个文件无法读取") {
		t.Errorf("broken workbook: %d %s", code, errs)
	}
	code, _, errs = run("merge", "-o", out, u1, filepath.Join(dir, "没有.yusuan"))
	if code != ExitUsage || !strings.Contains(errs, "没有.yusuan") || !strings.Contains(errs, "文件不存在") {
		t.Errorf("missing file: %d %s", code, errs)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a refused consolidation was written")
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"merge", u1}, "用法：yusuan merge"},
		{[]string{"merge", "-o", u1, u1}, "是要汇总的单位文件之一"},
		{[]string{"merge", "-o", out, "--previous", u1, u1}, "不是汇总生成的文档"},
		{[]string{"merge", "-o", out, "--self", "别的.yusuan", u1}, "--self 指定的本级文件“别的.yusuan”不在要汇总的文件中"},
	} {
		if code, _, errs := run(c.args...); code != ExitUsage || !strings.Contains(errs, c.want) {
			t.Errorf("%v: %d %s", c.args, code, errs)
		}
	}
	if code, out, _ := run("help"); code != 0 || !strings.Contains(out, "yusuan merge -o 部门.yusuan") || !strings.Contains(out, "--from 部门.yusuan") {
		t.Errorf("help: %s", out)
	}
}

// hasLine reports whether a line of out holds every part, in order.
func hasLine(out string, parts ...string) bool {
	for _, l := range strings.Split(out, "\n") {
		rest, ok := l, true
		for _, p := range parts {
			var found bool
			if _, rest, found = strings.Cut(rest, p); !found {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}
