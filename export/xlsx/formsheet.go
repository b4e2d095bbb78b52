package xlsx

import (
	"yusuan/forms"
	"yusuan/forms/money"
)

// formSheet writes a 绩效 table: its forms one block after another, or the
// empty-table note.
func (w *writer) formSheet(sheet string, t *forms.Table) error {
	f, d := w.stream(sheet), w.doc
	f.SetColWidth(sheet, "A", "A", 22) // before the rows: the sheet streams out
	f.SetColWidth(sheet, "B", "C", 18)
	f.SetColWidth(sheet, "D", "F", 16)
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
	f.SetCellStyle(sheet, "A2", cell(cols-1, 2), w.style(styleKey{kind: sText, plain: true}))
	f.SetCellStyle(sheet, cell(cols, 2), cell(cols, 2), w.style(styleKey{kind: sText, plain: true, right: true})) // 单位 flush right, as on the grid sheets
	b := &block{w: w, sheet: sheet, cols: cols, row: 3, merge: formCount(d, t) <= maxMergedForms, show: t.Show}
	if note := d.NoteOf(t); note != "" {
		f.SetCellStr(sheet, cell(1, b.row), note)
		f.MergeCell(sheet, cell(1, b.row), cell(cols, b.row))
		f.SetCellStyle(sheet, cell(1, b.row), cell(cols, b.row), w.style(styleKey{kind: sText, wrap: true, plain: true}))
		b.row++
	}
	switch t.Kind {
	case forms.KindPerfDept:
		if p := d.Perf.Dept; p != nil {
			b.field(forms.LabelDeptName, p.NameCode)
			b.pair(forms.LabelTaskName, forms.LabelTaskBody, true)
			for _, task := range p.Tasks {
				b.pair(task.Name, task.Content, false)
			}
			b.field(forms.LabelKeyWork, p.KeyWork)
			b.caption(forms.LabelIndicators)
			b.grid(p.Indicators, false)
		}
	case forms.KindPerfPre:
		for _, p := range d.Perf.Pre {
			b.field(forms.LabelPreName, p.Name)
			b.field(forms.LabelDept, p.Dept)
			b.field(forms.LabelPeriod, p.Period)
			b.fund(forms.LabelTotal, forms.LabelFiscal, forms.LabelOther, p.Annual)
			b.fund(forms.LabelWholeTotal, forms.LabelWholeFisc, forms.LabelWholeOther, p.Whole)
			b.field(forms.LabelAnnualGoal, p.AnnualGoal)
			b.field(forms.LabelWholeGoal, p.WholeGoal)
			b.caption(forms.LabelAnnualGrid)
			b.grid(p.AnnualGrid, true)
			b.caption(forms.LabelWholeGrid)
			b.grid(p.WholeGrid, true)
			b.field(forms.LabelReporter, p.Reporter)
			b.field(forms.LabelPhone, p.Phone)
			b.row++
		}
	case forms.KindPerfProject:
		for _, i := range d.Perf.ProjectsAt(t.Def.ProjectLevel) {
			p := d.Perf.Projects[i]
			b.field(forms.LabelProject, p.Name)
			b.field(forms.LabelLevel, p.Level)
			b.field(forms.LabelDept, p.Dept)
			b.caption(forms.LabelMoney) // the labels the PDF and the seed print over these lines
			b.fund(forms.LabelTotal, forms.LabelFiscal, forms.LabelOther, p.Money)
			b.field(forms.LabelGoal, p.Goal)
			b.caption(forms.LabelIndicators)
			b.grid(p.Indicators, false)
			b.row++
		}
	}
	if err := w.printSetup(sheet, []float64{22, 18, 18, 16, 16}, 1, 2); err != nil {
		return err
	}
	return w.flushStream()
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
	show  func(money.Amount) string // a figure as the table prints it ("" for a zero printed blank)
}

func (b *block) mergeCell(from, to string) {
	if b.merge {
		b.w.out(b.sheet).MergeCell(b.sheet, from, to)
	}
}

func (b *block) field(label, value string) {
	f := b.w.out(b.sheet)
	f.SetCellStr(b.sheet, cell(1, b.row), label)
	f.SetCellStr(b.sheet, cell(2, b.row), value)
	b.mergeCell(cell(2, b.row), cell(b.cols, b.row))
	f.SetCellStyle(b.sheet, cell(1, b.row), cell(1, b.row), b.w.style(styleKey{kind: sHeader}))
	f.SetCellStyle(b.sheet, cell(2, b.row), cell(b.cols, b.row), b.w.style(styleKey{kind: sText, wrap: true}))
	b.w.fitRow(b.sheet, b.row, value, 18+18+16*float64(b.cols-3))
	b.row++
}

func (b *block) amount(label string, v money.Amount) {
	f := b.w.out(b.sheet)
	f.SetCellStr(b.sheet, cell(1, b.row), label)
	if b.show == nil || b.show(v) != "" { // blank where the PDF prints none
		f.SetCellDefault(b.sheet, cell(2, b.row), v.String())
	}
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
	f := b.w.out(b.sheet)
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
	f := b.w.out(b.sheet)
	f.SetCellStr(b.sheet, cell(1, b.row), s)
	b.mergeCell(cell(1, b.row), cell(b.cols, b.row))
	f.SetCellStyle(b.sheet, cell(1, b.row), cell(b.cols, b.row), b.w.style(styleKey{kind: sHeader}))
	b.row++
}

// grid writes an indicator grid; 一级 and 二级 are merged down their groups,
// as published.
func (b *block) grid(ind []forms.Indicator, scored bool) {
	f := b.w.out(b.sheet)
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
