package app

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"yusuan/internal/corpus"
)

// 文件 → 填入下发表样…: the 表样 chosen, the filled copy written where the
// clerk says, and the message says what went where and what was left.
func TestFillTheBureausTemplateFromTheWindow(t *testing.T) {
	u := newTestUI(t, "")
	tmpl := filepath.Join(corpus.Dir(), "templates-sh-putuo-2026", "department_budget_template.xlsx")
	out := filepath.Join(t.TempDir(), "填好的.xlsx")
	u.template = tmpl
	if err := u.mayExport(exportInto, tmpl); err == nil {
		t.Error("the 表样 itself may be written over")
	}
	u.export(exportInto, out, "填好的表样")
	u.busy.Wait()
	msg := overlayText(u.win)
	// the sample is of 2022, the 表样 of 2026: said first
	for _, w := range []string{"已把文档填入表样“department_budget_template.xlsx”", "没能填入", "表样是 2026 年度的，文档是 2022 年度的"} {
		if !strings.Contains(msg, w) {
			t.Errorf("the message lacks %q:\n%s", w, msg)
		}
	}
	if u.template != "" {
		t.Error("the 表样 is remembered for the next fill; it should be asked again")
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	// the sample's 编制部门 line
	if v, _ := f.GetCellValue("部门收入总表", "A4"); v != "编制部门："+u.s.Doc().Meta.Name {
		t.Errorf("部门收入总表!A4 = %q", v)
	}
}
