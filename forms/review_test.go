package forms

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"yusuan/forms/money"
)

// Regression tests for problems found in review.

func docJSON(tables string, extra string) []byte {
	return []byte(`{"format":"yusuan","schema":1,"meta":{"name":"x","year":2022,"level":"部门","template":"jilin-2022"},"tables":[` + tables + `]` + extra + `}`)
}

func TestProjectFormLevelIsValidated(t *testing.T) {
	_, err := Decode(docJSON("", `,"perf":{"projects":[{"name":"甲","level":"三级项目","money":{}}]}`))
	if err == nil || !strings.Contains(err.Error(), "项目级次“三级项目”") {
		t.Errorf("bad project level: %v", err)
	}
	if _, err := Decode([]byte(`{"format":"yusuan","schema":1,"meta":{"name":"x","year":2022,"level":"xx","template":"national"}}`)); err == nil || !strings.Contains(err.Error(), "级次“xx”") {
		t.Errorf("bad document level: %v", err)
	}
	_, err = Decode([]byte("{\"format\":\"yusuan\",\"schema\":1,\n\"meta\":{\"level\":5}}"))
	if err == nil || !strings.Contains(err.Error(), "应为文字，实为数字") {
		t.Errorf("level given as a number: %v", err)
	}
}

func TestRepeatedCodesLoadEachUnderItsOwnKey(t *testing.T) {
	var rows []string
	for i := 0; i < 3000; i++ {
		rows = append(rows, `{"code":"2013101","name":"行政运行","v":{"basic":"1.00"}}`)
	}
	d, err := Decode(docJSON(`{"id":"expense","rows":[`+strings.Join(rows, ",")+`]}`, ""))
	if err != nil {
		t.Fatal(err)
	}
	p := d.Table("expense").Main()
	keys := map[string]bool{}
	for _, r := range p.Rows {
		if keys[r.Key] {
			t.Fatalf("key %s twice", r.Key)
		}
		keys[r.Key] = true
	}
	if len(p.Rows) != 3001 {
		t.Errorf("%d rows", len(p.Rows))
	}
}

func TestTotalsNeverWrap(t *testing.T) {
	var rows []string
	for i := 0; i < 93000; i++ {
		rows = append(rows, fmt.Sprintf(`{"code":"20131%02d","name":"x","v":{"basic":"1000000000000"}}`, i%100))
	}
	_, err := Decode(docJSON(`{"id":"expense","rows":[`+strings.Join(rows, ",")+`]}`, ""))
	if err == nil || !strings.Contains(err.Error(), "合计超出可处理的范围") {
		t.Errorf("overflowing totals: %v", err)
	}
	// typing a figure that would overflow a total is refused and undone
	d := mustSample(t)
	p := d.Table("general").Main()
	ri, ci := p.RowIndex("2013102"), p.Col("project")
	before := p.Rows[ri].Cells[ci].Value
	if err := p.Set(ri, ci, money.MaxAbs); err == nil || !strings.Contains(err.Error(), "超出可处理的范围") {
		t.Errorf("overflowing edit: %v", err)
	}
	if p.Rows[ri].Cells[ci].Value != before {
		t.Error("the refused figure stayed")
	}
}

func TestCodesAreStoredNormalised(t *testing.T) {
	d, err := Decode(docJSON(`{"id":"expense","rows":[{"code":"201","name":"一般公共服务支出"},{"code":"201 31 01","name":"行政运行","v":{"basic":"1.00"}},{"code":"２０１３１０２","name":"一般行政管理事务","v":{"project":"2.00"}}]}`, ""))
	if err != nil {
		t.Fatal(err)
	}
	p := d.Table("expense").Main()
	if p.Row("2013101") == nil || p.Row("2013102") == nil {
		t.Fatal("codes not normalised")
	}
	if v, _ := p.Value("201", "total"); v != m("3.00") {
		t.Errorf("201 adds its 项 only when their codes are normalised: %v", v)
	}
	if _, err := Decode(docJSON(`{"id":"summary","rows":[{"code":"abc","name":"坏"}]}`, "")); err == nil || !strings.Contains(err.Error(), "不是科目编码") {
		t.Errorf("a non-code on the 支出 side: %v", err)
	}
}

// Totals in a file that agree with their sums are stored as computed
// (decision 2): only disagreeing ones stay "as given".
func TestEqualTotalsFromFileAreComputed(t *testing.T) {
	d, err := Decode(docJSON(`{"id":"expense","rows":[{"key":"total","v":{"basic":"5.00","project":"9.00"}},{"code":"2013101","name":"行政运行","v":{"basic":"5.00"}}]}`, ""))
	if err != nil {
		t.Fatal(err)
	}
	p := d.Table("expense").Main()
	tot := p.Row("total")
	if tot.Cells[p.Col("basic")].Entered {
		t.Error("an agreeing total is kept as given")
	}
	if c := tot.Cells[p.Col("project")]; !c.Entered || c.Value != m("9.00") {
		t.Errorf("a disagreeing total lost: %+v", c)
	}
}

func TestOpenRefusesDevicesAndExplainsSystemErrors(t *testing.T) {
	if runtime.GOOS != "windows" {
		if _, err := Open("/dev/zero"); err == nil || !strings.Contains(err.Error(), "不是普通文件") {
			t.Errorf("/dev/zero: %v", err)
		}
		dir := t.TempDir()
		loop := filepath.Join(dir, "loop")
		os.Symlink(loop, loop)
		if _, err := Open(loop); err == nil || strings.Contains(err.Error(), "too many") {
			t.Errorf("symlink loop: %v", err)
		}
	}
	if msg := DescribeOSError(errors.New("something odd")); !strings.HasPrefix(msg, "系统拒绝了操作") {
		t.Errorf("fallback %q", msg)
	}
}
