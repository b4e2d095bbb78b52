package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func run(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := Run(args, &out, &errb)
	return code, out.String(), errb.String()
}

// yusuan sample -o s.json && yusuan show s.json prints all 13 tables of
// the sample with the seed's totals.
func TestSampleThenShow(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.json")
	if code, out, errs := run("sample", "-o", path); code != 0 || !strings.Contains(out, path) {
		t.Fatalf("sample: %d %q %q", code, out, errs)
	}
	code, out, errs := run("show", path)
	if code != 0 || errs != "" {
		t.Fatalf("show: %d %q", code, errs)
	}
	titles := []string{"一、2022年收支预算总表", "二、2022年收入预算总表", "三、2022年支出预算总表", "四、2022年财政拨款收支预算总表",
		"五、2022年一般公共预算支出表", "六、2022年一般公共预算基本支出表", "七、2022年一般公共预算“三公”经费支出表",
		"八、2022年政府性基金预算支出表", "九、2022年项目支出表", "十、2022年部门整体支出绩效目标申报表",
		"十一、2022年事前绩效评估项目绩效目标申报表", "十二、2022年项目支出绩效目标申报表（一级项目）", "十三、2022年项目支出绩效目标申报表（二级项目）"}
	for _, title := range titles {
		if !strings.Contains(out, "\n"+title+"\n") {
			t.Errorf("missing table %s", title)
		}
	}
	for _, line := range []string{
		"收入总计                           6677.45  支出总计                             6677.45",
		"合计                                    6677.45  943.25    768.85    174.40   5734.20",
		"2022年预算数  51.28              0.00  0.00            0.00            0.00       51.28",
		"本部门2022年无政府性基金预算财政拨款安排，故本表无数据。",
		"5783.89",
		"合计                                                                                      5734.20       5734.20",
		"项目名称：服务保障（一级项目）",
	} {
		if !strings.Contains(out, line) {
			t.Errorf("show lacks %q", line)
		}
	}
}

func TestOptionsAfterFilesAndErrors(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.yusuan")
	if code, _, errs := run("sample", "--output="+path); code != 0 {
		t.Fatalf("--output=: %d %s", code, errs)
	}
	if code, _, _ := run("show", path, "--"); code != 0 {
		t.Error("show with -- failed")
	}
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"sample"}, "用法：yusuan sample"},
		{[]string{"sample", "-o"}, "后面缺少值"},
		{[]string{"sample", "-o", path, "--bogus"}, "不认识的选项“--bogus”"},
		{[]string{"sample", "--large", "--seed", "x", "-o", path}, "--seed 应为非负整数"},
		{[]string{"show"}, "用法：yusuan show"},
		{[]string{"show", filepath.Join(dir, "none.yusuan")}, "文件不存在"},
		{[]string{"frobnicate"}, "不认识的命令“frobnicate”"},
	}
	for _, c := range cases {
		code, _, errs := run(c.args...)
		if code != ExitUsage || !strings.Contains(errs, c.want) {
			t.Errorf("%v: code %d, stderr %q; want 2 and %q", c.args, code, errs, c.want)
		}
	}
	bad := filepath.Join(dir, "bad.yusuan")
	os.WriteFile(bad, []byte("{\"format\":\"yusuan\",\"schema\":1,\n\"meta\":{\"year\":2022,,}}"), 0o644)
	code, out, errs := run("show", path, bad)
	if code != ExitUsage || !strings.Contains(errs, "第 2 行") || !strings.Contains(out, "收支预算总表") {
		t.Errorf("one bad file among good ones: %d %q", code, errs)
	}
	if code, out, _ := run("help"); code != 0 || !strings.Contains(out, "yusuan show") {
		t.Errorf("help: %d %q", code, out)
	}
	if !IsCommand("show") || !IsCommand("--help") || IsCommand("部门.yusuan") {
		t.Error("IsCommand")
	}
}

func TestSampleLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("large document")
	}
	path := filepath.Join(t.TempDir(), "large.yusuan")
	if code, _, errs := run("sample", "--large", "-o", path); code != 0 {
		t.Fatalf("%d %s", code, errs)
	}
	code, out, _ := run("show", path)
	if code != 0 || !strings.Contains(out, "二级项目10000") || !strings.Contains(out, "所属单位200") {
		t.Errorf("large show: %d, %d bytes", code, len(out))
	}
}

func TestDisplayWidth(t *testing.T) {
	if displayWidth("合计") != 4 || displayWidth("6677.45") != 7 || displayWidth("（一）a") != 7 {
		t.Error("display width")
	}
}

// A programming error inside a command ends in a Chinese message naming
// the log with the details, and exit code 2, not a Go stack trace.
func TestAPanicInACommandIsReportedNotThrown(t *testing.T) {
	logs := t.TempDir()
	t.Setenv("YUSUAN_LOG_DIR", logs)
	register(&command{name: "boom-test", run: func(*Env, []string) int {
		var m map[string]int
		m["x"] = 1 // assignment to a nil map
		return 0
	}})
	defer delete(commands, "boom-test")
	code, _, errs := run("boom-test")
	if code != ExitUsage || !strings.Contains(errs, "程序内部错误") || !strings.Contains(errs, logs) {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	log, _ := os.ReadFile(filepath.Join(logs, "yusuan-errors.log"))
	if !strings.Contains(string(log), "nil map") || !strings.Contains(string(log), "cli_test.go") {
		t.Errorf("log: %.300s", log)
	}
}
