package xlsx

import (
	"yusuan/forms"
	"yusuan/forms/money"
)

// Labels of the 绩效 form blocks; import finds the blocks by them.
const (
	lblDeptName   = "部门名称及编码"
	lblTaskName   = "任务名称"
	lblTaskBody   = "主要内容"
	lblKeyWork    = "年度重点工作"
	lblProject    = "项目名称"
	lblLevel      = "项目级次"
	lblDept       = "主管部门及编码"
	lblTotal      = "年度资金总额"
	lblFiscal     = "其中：财政拨款"
	lblOther      = "其他资金"
	lblGoal       = "年度绩效目标"
	lblPreName    = "政策（项目）名称"
	lblPeriod     = "计划实施期"
	lblWholeTotal = "实施期资金总额"
	lblWholeFisc  = "其中：财政拨款（实施期）"
	lblWholeOther = "其他资金（实施期）"
	lblAnnualGoal = "年度目标"
	lblWholeGoal  = "实施期目标"
	lblAnnualGrid = "年度绩效指标"
	lblWholeGrid  = "实施期绩效指标"
	lblReporter   = "填报人"
	lblPhone      = "联系电话"
	lblL1         = "一级指标"
)

// formSheet writes a 绩效 table: its forms one block after another, or the
// empty-table note.
func (w *writer) formSheet(sheet string, t *forms.Table) error {
	f, d := w.f, w.doc
	cols := 5
	if t.Kind == forms.KindPerfPre {
		cols = 6
	}
	f.SetCellStr(sheet, "A1", t.Title)
	f.MergeCell(sheet, "A1", cell(cols, 1))
	f.SetCellStyle(sheet, "A1", cell(cols, 1), w.style(styleKey{kind: sTitle}))
	f.SetRowHeight(sheet, 1, 30)
	unitName := "编制单位：" + d.Meta.Name
	if d.Meta.Sample {
		unitName += "（示例数据）"
	}
	f.SetCellStr(sheet, "A2", unitName)
	f.MergeCell(sheet, "A2", cell(cols-1, 2))
	f.SetCellStr(sheet, cell(cols, 2), "单位："+string(money.WanYuan))
	f.SetCellStyle(sheet, "A2", cell(cols, 2), w.style(styleKey{kind: sText, plain: true}))
	b := &block{w: w, sheet: sheet, cols: cols, row: 3, merge: formCount(d, t) <= maxMergedForms}
	if note := d.NoteOf(t); note != "" {
		f.SetCellStr(sheet, cell(1, b.row), note)
		f.MergeCell(sheet, cell(1, b.row), cell(cols, b.row))
		f.SetCellStyle(sheet, cell(1, b.row), cell(cols, b.row), w.style(styleKey{kind: sText, wrap: true, plain: true}))
		b.row++
	}
	switch t.Kind {
	case forms.KindPerfDept:
		if p := d.Perf.Dept; p != nil {
			b.field(lblDeptName, p.NameCode)
			b.pair(lblTaskName, lblTaskBody, true)
			for _, task := range p.Tasks {
				b.pair(task.Name, task.Content, false)
			}
			b.field(lblKeyWork, p.KeyWork)
			b.grid(p.Indicators, false)
		}
	case forms.KindPerfPre:
		for _, p := range d.Perf.Pre {
			b.field(lblPreName, p.Name)
			b.field(lblDept, p.Dept)
			b.field(lblPeriod, p.Period)
			b.fund(lblTotal, lblFiscal, lblOther, p.Annual)
			b.fund(lblWholeTotal, lblWholeFisc, lblWholeOther, p.Whole)
			b.field(lblAnnualGoal, p.AnnualGoal)
			b.field(lblWholeGoal, p.WholeGoal)
			b.caption(lblAnnualGrid)
			b.grid(p.AnnualGrid, true)
			b.caption(lblWholeGrid)
			b.grid(p.WholeGrid, true)
			b.field(lblReporter, p.Reporter)
			b.field(lblPhone, p.Phone)
			b.row++
		}
	case forms.KindPerfProject:
		for _, i := range d.Perf.ProjectsAt(t.Def.ProjectLevel) {
			p := d.Perf.Projects[i]
			b.field(lblProject, p.Name)
			b.field(lblLevel, p.Level)
			b.field(lblDept, p.Dept)
			b.fund(lblTotal, lblFiscal, lblOther, p.Money)
			b.field(lblGoal, p.Goal)
			b.grid(p.Indicators, false)
			b.row++
		}
	}
	f.SetColWidth(sheet, "A", "A", 22)
	f.SetColWidth(sheet, "B", "C", 18)
	f.SetColWidth(sheet, "D", "F", 16)
	return w.printSetup(sheet, []float64{22, 18, 18, 16, 16}, 1, 2)
}

// maxMergedForms: up to this many forms a sheet merges cells as published;
// beyond, merging (whose cost in the workbook library grows with the square
// of the merges) is left out and the values stand in the first cell.
const maxMergedForms = 300

func formCount(d *forms.Document, t *forms.Table) int {
	switch t.Kind {
	case forms.KindPerfPre:
		return len(d.Perf.Pre)
	case forms.KindPerfProject:
		return len(d.Perf.ProjectsAt(t.Def.ProjectLevel))
	}
	return 1
}

// block writes label/value lines and indicator grids down a sheet.
type block struct {
	w     *writer
	sheet string
	cols  int
	row   int
	merge bool
}

func (b *block) mergeCell(from, to string) {
	if b.merge {
		b.w.f.MergeCell(b.sheet, from, to)
	}
}

func (b *block) field(label, value string) {
	f := b.w.f
	f.SetCellStr(b.sheet, cell(1, b.row), label)
	f.SetCellStr(b.sheet, cell(2, b.row), value)
	b.mergeCell(cell(2, b.row), cell(b.cols, b.row))
	f.SetCellStyle(b.sheet, cell(1, b.row), cell(1, b.row), b.w.style(styleKey{kind: sHeader}))
	f.SetCellStyle(b.sheet, cell(2, b.row), cell(b.cols, b.row), b.w.style(styleKey{kind: sText, wrap: true}))
	b.w.fitRow(b.sheet, b.row, value, 18+18+16*float64(b.cols-3))
	b.row++
}

func (b *block) amount(label string, v money.Amount) {
	f := b.w.f
	f.SetCellStr(b.sheet, cell(1, b.row), label)
	f.SetCellDefault(b.sheet, cell(2, b.row), v.String())
	b.mergeCell(cell(2, b.row), cell(b.cols, b.row))
	f.SetCellStyle(b.sheet, cell(1, b.row), cell(1, b.row), b.w.style(styleKey{kind: sHeader}))
	f.SetCellStyle(b.sheet, cell(2, b.row), cell(b.cols, b.row), b.w.style(styleKey{kind: sAmount}))
	b.row++
}

func (b *block) fund(total, fiscal, other string, m forms.Fund) {
	b.amount(total, m.TotalValue())
	b.amount(fiscal, m.Fiscal)
	b.amount(other, m.Other)
}

func (b *block) pair(a, c string, head bool) {
	f := b.w.f
	f.SetCellStr(b.sheet, cell(1, b.row), a)
	f.SetCellStr(b.sheet, cell(2, b.row), c)
	b.mergeCell(cell(2, b.row), cell(b.cols, b.row))
	st := b.w.style(styleKey{kind: sText, wrap: true})
	if head {
		st = b.w.style(styleKey{kind: sHeader})
	}
	f.SetCellStyle(b.sheet, cell(1, b.row), cell(b.cols, b.row), st)
	b.w.fitRowTexts(b.sheet, b.row, []string{a, c}, []float64{22, 18 + 18 + 16*float64(b.cols-3)})
	b.row++
}

func (b *block) caption(s string) {
	f := b.w.f
	f.SetCellStr(b.sheet, cell(1, b.row), s)
	b.mergeCell(cell(1, b.row), cell(b.cols, b.row))
	f.SetCellStyle(b.sheet, cell(1, b.row), cell(b.cols, b.row), b.w.style(styleKey{kind: sHeader}))
	b.row++
}

// grid writes an indicator grid; 一级 and 二级 are merged down their groups,
// as published.
func (b *block) grid(ind []forms.Indicator, scored bool) {
	f := b.w.f
	heads, _ := forms.IndicatorTable(nil, scored)
	for i, h := range heads {
		f.SetCellStr(b.sheet, cell(i+1, b.row), h)
	}
	f.SetCellStyle(b.sheet, cell(1, b.row), cell(len(heads), b.row), b.w.style(styleKey{kind: sHeader}))
	b.row++
	start := b.row
	var shown []forms.Indicator
	for _, x := range ind {
		if !x.Blank() {
			shown = append(shown, x)
		}
	}
	ind = shown
	for _, x := range ind {
		vals := []string{x.L1, x.L2, x.L3, x.Stage, x.Value}
		if scored {
			vals = []string{x.L1, x.L2, x.L3, x.Value, x.Standard, x.Score}
		}
		for i, v := range vals {
			if v != "" {
				f.SetCellStr(b.sheet, cell(i+1, b.row), v) // every line carries its 一级 and 二级; merges only show them once
			}
		}
		b.row++
	}
	if b.row > start {
		f.SetCellStyle(b.sheet, cell(1, start), cell(len(heads), b.row-1), b.w.style(styleKey{kind: sText, wrap: true}))
	}
	// merge runs of the same 一级, and of the same 二级 within them
	mergeRuns := func(col int, key func(forms.Indicator) string) {
		for i := 0; i < len(ind); {
			j := i + 1
			for j < len(ind) && key(ind[j]) == key(ind[i]) && key(ind[i]) != "" {
				j++
			}
			if j-i > 1 {
				b.mergeCell(cell(col, start+i), cell(col, start+j-1))
			}
			i = j
		}
	}
	mergeRuns(1, func(x forms.Indicator) string { return x.L1 })
	mergeRuns(2, func(x forms.Indicator) string { return x.L1 + "\x00" + x.L2 })
}
