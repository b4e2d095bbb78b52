package into

import (
	"testing"

	"github.com/xuri/excelize/v2"

	"yusuan/forms"
)

// A 表样 that lists its lines already (every 类 of the 支出 side printed,
// figures to be filled beside them) is filled in place: each figure beside
// its line, a listed line the document has no figure for left as it is,
// nothing re-listed or inserted.
func TestFillAListedTemplateInPlace(t *testing.T) {
	tmpl := variant(t, "unit_budget_template.xlsx", func(f *excelize.File) {
		for i, l := range []string{"一、一般公共服务支出", "二、教育支出", "三、社会保障和就业支出", "四、卫生健康支出", "五、住房保障支出"} {
			f.SetCellStr("单位收支总表", "C"+itoa(10+i), l)
		}
	})
	f, rep := fill(t, shanghaiDoc(t), tmpl)
	// p. 7
	wantCells(t, f, "单位收支总表", map[string]string{
		"C10": "一、一般公共服务支出", "D10": "134339860",
		"C11": "二、教育支出", "D11": "",
		"C12": "三、社会保障和就业支出", "D12": "23992440",
		"C13": "四、卫生健康支出", "D13": "6142000",
		"C14": "五、住房保障支出", "D14": "31300000",
		"D21": "195774300",
	})
	for _, in := range rep.Insertions {
		if in.Sheet == "单位收支总表" {
			t.Errorf("rows inserted into a listed 表样: %+v", in)
		}
	}
}

// The same for a class table listing its lines by code (深圳's layout),
// with a line the document does not have.
func TestFillAListedClassTableInPlace(t *testing.T) {
	d := shenzhenDoc(t)
	base := shenzhenTemplate(t)
	f, err := excelize.OpenFile(base)
	if err != nil {
		t.Fatal(err)
	}
	row := 6
	for _, r := range d.First(forms.KindGeneral).Main().Rows {
		if r.Type == forms.RowTotal {
			continue
		}
		f.SetCellStr("表7", "B"+itoa(row), r.Code)
		f.SetCellStr("表7", "C"+itoa(row), r.Name)
		row++
		if r.Code == "2010501" {
			f.SetCellStr("表7", "B"+itoa(row), "2010502") // 一般行政管理事务: none this year
			f.SetCellStr("表7", "C"+itoa(row), "一般行政管理事务")
			row++
		}
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	g, rep := fill(t, d, base)
	// p. 24: 行政运行 2,357.92; the listed 2010502 stays without figures
	wantCells(t, g, "表7", map[string]string{
		"B8": "2010501", "D8": "2357.92",
		"B9": "2010502", "D9": "",
		"B10": "2010505", "C10": "专项统计业务", "D10": "701.80",
		"D5": "5417.80",
	})
	if rep.Inserted != 0 {
		t.Errorf("%d rows inserted into a listed 表样", rep.Inserted)
	}
}
