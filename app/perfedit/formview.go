package perfedit

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"yusuan/app/look"
	"yusuan/app/textedit"
	"yusuan/forms"
	"yusuan/forms/money"
)

// formView edits one form of a 绩效 table.
type formView interface {
	object() fyne.CanvasObject
	refresh()            // show the stored form again
	commit()             // apply what is being typed
	indicators() []*grid // its indicator grids, for a finding to point into
}

func (f *projectForm) indicators() []*grid { return []*grid{f.grid} }
func (f *deptForm) indicators() []*grid    { return []*grid{f.grid} }
func (f *preForm) indicators() []*grid     { return []*grid{f.annualGrid, f.wholeGrid} }

func errorf(format string, a ...any) error { return fmt.Errorf(format, a...) }

// clone deep-copies a form, so that a change does not touch the document.
func clone[T any](v T) T {
	var out T
	b, err := json.Marshal(v)
	if err == nil && json.Unmarshal(b, &out) == nil {
		return out
	}
	return v
}

// same reports whether two forms are stored alike.
func same[T any](a, b T) bool {
	x, err1 := json.Marshal(a)
	y, err2 := json.Marshal(b)
	return err1 == nil && err2 == nil && bytes.Equal(x, y)
}

func newHeadRect() *canvas.Rectangle { return canvas.NewRectangle(look.HeaderBg) }

// rows lays out label / field lines.
var labelCols = &textedit.Columns{Widths: []float32{150, 0}}

func fieldRow(label string, o fyne.CanvasObject, msg fyne.CanvasObject) fyne.CanvasObject {
	l := textedit.FieldLabel(label)
	if msg == nil {
		return labelCols.Row(container.NewVBox(l), o)
	}
	return labelCols.Row(container.NewVBox(l), container.NewVBox(o, msg))
}

func caption(text string) fyne.CanvasObject {
	return container.NewPadded(textedit.Subheading(text))
}

// fundFields edit a Fund (万元): 总额 computed unless given, 财政拨款, 其他资金.
type fundFields struct {
	total, fiscal, other *textedit.Field
	hint                 *widget.Label
	get                  func() forms.Fund
}

func newFundFields(get func() forms.Fund, set func(func(*forms.Fund)) error) *fundFields {
	ff := &fundFields{get: get}
	amount := func(part func(*forms.Fund) *money.Amount) *textedit.Field {
		return textedit.NewField("", func(t string) error {
			a, err := textedit.ParseAmountOrZero(t)
			if err != nil {
				return err
			}
			return set(func(f *forms.Fund) { *part(f) = a })
		})
	}
	ff.total = textedit.NewField("", func(t string) error {
		if strings.TrimSpace(t) == "" {
			return set(func(f *forms.Fund) { f.Total = nil })
		}
		a, err := textedit.ParseAmountOrZero(t)
		if err != nil {
			return err
		}
		return set(func(f *forms.Fund) { f.Give(a) })
	})
	ff.total.PlaceHolder = "空白为财政拨款＋其他资金"
	ff.fiscal = amount(func(f *forms.Fund) *money.Amount { return &f.Fiscal })
	ff.other = amount(func(f *forms.Fund) *money.Amount { return &f.Other })
	ff.hint = widget.NewLabel("")
	ff.hint.Wrapping = fyne.TextWrapWord
	return ff
}

func (ff *fundFields) rows(total, fiscal, other string) []fyne.CanvasObject {
	unit := func(f *textedit.Field) fyne.CanvasObject {
		return container.NewHBox(textedit.Sized(160, f), widget.NewLabel("万元"))
	}
	return []fyne.CanvasObject{
		// the VBox keeps the field one line high when the hint wraps
		fieldRow(total, container.NewBorder(nil, nil, container.NewVBox(unit(ff.total)), nil, ff.hint), ff.total.Message()),
		fieldRow(fiscal, unit(ff.fiscal), ff.fiscal.Message()),
		fieldRow(other, unit(ff.other), ff.other.Message()),
	}
}

func (ff *fundFields) refresh() {
	f := ff.get()
	ff.total.Set(textedit.AmountText(f.TotalValue()))
	ff.fiscal.Set(textedit.AmountText(f.Fiscal))
	ff.other.Set(textedit.AmountText(f.Other))
	if f.Total == nil {
		ff.hint.SetText("＝财政拨款＋其他资金（自动计算）")
		ff.hint.Importance = widget.LowImportance
	} else {
		ff.hint.SetText("填写的总额，与财政拨款＋其他资金 " + money.FormatWithUnit(f.Fiscal+f.Other, money.WanYuan) + " 不一致")
		ff.hint.Importance = widget.WarningImportance
	}
	ff.hint.Refresh()
}

func (ff *fundFields) commit() { textedit.Fields{ff.total, ff.fiscal, ff.other}.Commit() }

// projectForm edits a 项目支出绩效目标表.
type projectForm struct {
	e      *Editor
	idx    int
	name   *textedit.Field
	level  *widget.Select
	quiet  bool
	dept   *textedit.Field
	fund   *fundFields
	goal   *textedit.Field
	grid   *grid
	fields textedit.Fields
	obj    fyne.CanvasObject
}

func (e *Editor) newProjectForm(idx int) *projectForm {
	p := &projectForm{e: e, idx: idx}
	p.name = textedit.NewField("", func(t string) error {
		t = strings.TrimSpace(t)
		if t == "" {
			return errors.New("项目名称不能为空")
		}
		return p.update(func(f *forms.ProjectPerf) { f.Name = t })
	})
	p.dept = textedit.NewField("", func(t string) error {
		return p.update(func(f *forms.ProjectPerf) { f.Dept = strings.TrimSpace(t) })
	})
	p.dept.PlaceHolder = "如：324001-中共吉林市委办公室"
	var levelObj fyne.CanvasObject
	if lv := e.t.Def.ProjectLevel; lv != "" {
		levelObj = widget.NewLabel(lv + "（本表的项目级次）")
	} else {
		p.level = widget.NewSelect([]string{forms.ProjectLevel1, forms.ProjectLevel2}, func(l string) {
			if !p.quiet {
				p.update(func(f *forms.ProjectPerf) { f.Level = l })
			}
		})
		levelObj = container.NewHBox(textedit.Sized(160, p.level))
	}
	p.fund = newFundFields(func() forms.Fund { return p.get().Money },
		func(ch func(*forms.Fund)) error { return p.update(func(f *forms.ProjectPerf) { ch(&f.Money) }) })
	p.goal = textedit.NewMultiLineField("", 3, func(t string) error {
		return p.update(func(f *forms.ProjectPerf) { f.Goal = strings.TrimSpace(t) })
	})
	p.goal.PlaceHolder = "本年度要达到的绩效目标"
	p.grid = newGrid(e.w, false, func() []forms.Indicator { return p.get().Indicators },
		func(ind []forms.Indicator) error {
			return p.update(func(f *forms.ProjectPerf) { f.Indicators = ind })
		})
	p.fields = textedit.Fields{p.name, p.dept, p.goal}
	box := container.NewVBox(
		fieldRow(forms.LabelProject, p.name, p.name.Message()),
		fieldRow(forms.LabelLevel, levelObj, nil),
		fieldRow(forms.LabelDept, p.dept, p.dept.Message()),
		caption(forms.LabelMoney),
	)
	for _, r := range p.fund.rows(forms.LabelTotal, forms.LabelFiscal, forms.LabelOther) {
		box.Add(r)
	}
	box.Add(caption(forms.LabelGoal))
	box.Add(p.goal.Object())
	box.Add(caption(forms.LabelIndicators))
	box.Add(p.grid.obj)
	p.obj = box
	p.refresh()
	return p
}

func (p *projectForm) get() forms.ProjectPerf {
	if ps := p.e.s.Doc().Perf.Projects; p.idx < len(ps) {
		return ps[p.idx]
	}
	return forms.ProjectPerf{}
}

// update changes a copy of the form and stores it when it differs.
func (p *projectForm) update(ch func(*forms.ProjectPerf)) error {
	old := p.get()
	f := clone(old)
	ch(&f)
	if same(f, old) {
		p.refresh()
		return nil
	}
	return p.e.s.SetProjectForm(p.idx, f)
}

func (p *projectForm) object() fyne.CanvasObject { return p.obj }

func (p *projectForm) refresh() {
	f := p.get()
	p.name.Set(f.Name)
	p.dept.Set(f.Dept)
	if p.level != nil {
		p.quiet = true
		p.level.SetSelected(f.Level)
		p.quiet = false
	}
	p.fund.refresh()
	p.goal.Set(f.Goal)
	p.grid.refresh()
}

func (p *projectForm) commit() {
	p.fields.Commit()
	p.fund.commit()
	p.grid.commit()
}

// deptForm edits the 部门整体支出绩效目标表.
type deptForm struct {
	e        *Editor
	nameCode *textedit.Field
	tasks    *fyne.Container
	taskRows []*taskRow
	keyWork  *textedit.Field
	grid     *grid
	obj      fyne.CanvasObject
}

type taskRow struct{ name, content *textedit.Field }

var taskCols = &textedit.Columns{Widths: []float32{210, 0, 40}}

func (e *Editor) newDeptForm() *deptForm {
	p := &deptForm{e: e}
	p.nameCode = textedit.NewField("", func(t string) error {
		return p.update(func(f *forms.DeptPerf) { f.NameCode = strings.TrimSpace(t) })
	})
	p.keyWork = textedit.NewMultiLineField("", 3, func(t string) error {
		return p.update(func(f *forms.DeptPerf) { f.KeyWork = strings.TrimSpace(t) })
	})
	p.tasks = container.NewVBox()
	p.grid = newGrid(e.w, false, func() []forms.Indicator { return p.get().Indicators },
		func(ind []forms.Indicator) error { return p.update(func(f *forms.DeptPerf) { f.Indicators = ind }) })
	addTask := widget.NewButtonWithIcon("添加任务", theme.ContentAddIcon(), func() {
		p.commit()
		p.update(func(f *forms.DeptPerf) { f.Tasks = append(f.Tasks, forms.Task{Name: "新任务"}) })
	})
	head := textedit.Tinted(newHeadRect(), taskCols.Row(
		widget.NewLabelWithStyle(forms.LabelTaskName, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabelWithStyle(forms.LabelTaskBody, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabel("")))
	p.obj = container.NewVBox(
		fieldRow(forms.LabelDeptName, p.nameCode, p.nameCode.Message()),
		caption("任务"), head, p.tasks, container.NewHBox(addTask),
		caption(forms.LabelKeyWork), p.keyWork.Object(),
		caption(forms.LabelIndicators), p.grid.obj)
	p.refresh()
	return p
}

func (p *deptForm) get() forms.DeptPerf {
	if f := p.e.s.Doc().Perf.Dept; f != nil {
		return *f
	}
	return forms.DeptPerf{}
}

func (p *deptForm) update(ch func(*forms.DeptPerf)) error {
	if p.e.s.Doc().Perf.Dept == nil {
		return errors.New("部门整体绩效表已删除")
	}
	old := p.get()
	f := clone(old)
	ch(&f)
	if same(f, old) {
		p.refresh()
		return nil
	}
	return p.e.s.SetDeptForm(&f)
}

func (p *deptForm) object() fyne.CanvasObject { return p.obj }

func (p *deptForm) refresh() {
	f := p.get()
	p.nameCode.Set(f.NameCode)
	p.keyWork.Set(f.KeyWork)
	if len(p.taskRows) != len(f.Tasks) {
		p.buildTasks(len(f.Tasks))
	}
	for i, t := range f.Tasks {
		p.taskRows[i].name.Set(t.Name)
		p.taskRows[i].content.Set(t.Content)
	}
	p.grid.refresh()
}

func (p *deptForm) buildTasks(n int) {
	p.taskRows = nil
	p.tasks.Objects = nil
	for i := 0; i < n; i++ {
		r := &taskRow{}
		r.name = textedit.NewMultiLineField("", 2, func(t string) error {
			t = strings.TrimSpace(t)
			if t == "" {
				return errors.New("任务名称不能为空；要删去这项任务，请点右边的删除按钮")
			}
			return p.update(func(f *forms.DeptPerf) {
				if i < len(f.Tasks) {
					f.Tasks[i].Name = t
				}
			})
		})
		r.content = textedit.NewMultiLineField("", 2, func(t string) error {
			return p.update(func(f *forms.DeptPerf) {
				if i < len(f.Tasks) {
					f.Tasks[i].Content = strings.TrimSpace(t)
				}
			})
		})
		del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
			p.commit()
			p.update(func(f *forms.DeptPerf) {
				if i < len(f.Tasks) {
					f.Tasks = append(f.Tasks[:i:i], f.Tasks[i+1:]...)
				}
			})
		})
		del.Importance = widget.LowImportance
		p.taskRows = append(p.taskRows, r)
		p.tasks.Add(container.NewVBox(taskCols.Row(r.name, r.content, container.NewVBox(del)), r.name.Message(), r.content.Message()))
	}
	p.tasks.Refresh()
}

func (p *deptForm) commit() {
	p.nameCode.Commit()
	p.keyWork.Commit()
	for _, r := range p.taskRows {
		r.name.Commit()
		r.content.Commit()
	}
	p.grid.commit()
}

// preForm edits a 事前绩效评估项目绩效目标申报表.
type preForm struct {
	e                  *Editor
	idx                int
	fields             textedit.Fields
	name, dept, period *textedit.Field
	annualGoal         *textedit.Field
	wholeGoal          *textedit.Field
	reporter, phone    *textedit.Field
	annual, whole      *fundFields
	annualGrid         *grid
	wholeGrid          *grid
	obj                fyne.CanvasObject
}

func (e *Editor) newPreForm(idx int) *preForm {
	p := &preForm{e: e, idx: idx}
	text := func(multi bool, ch func(*forms.PrePerf, string)) *textedit.Field {
		apply := func(t string) error { return p.update(func(f *forms.PrePerf) { ch(f, strings.TrimSpace(t)) }) }
		var f *textedit.Field
		if multi {
			f = textedit.NewMultiLineField("", 3, apply)
		} else {
			f = textedit.NewField("", apply)
		}
		p.fields = append(p.fields, f)
		return f
	}
	p.name = textedit.NewField("", func(t string) error {
		t = strings.TrimSpace(t)
		if t == "" {
			return errors.New("政策（项目）名称不能为空")
		}
		return p.update(func(f *forms.PrePerf) { f.Name = t })
	})
	p.fields = append(p.fields, p.name)
	p.dept = text(false, func(f *forms.PrePerf, t string) { f.Dept = t })
	p.period = text(false, func(f *forms.PrePerf, t string) { f.Period = t })
	p.period.PlaceHolder = "如：2022年1月—2024年12月"
	p.annualGoal = text(true, func(f *forms.PrePerf, t string) { f.AnnualGoal = t })
	p.wholeGoal = text(true, func(f *forms.PrePerf, t string) { f.WholeGoal = t })
	p.reporter = text(false, func(f *forms.PrePerf, t string) { f.Reporter = t })
	p.phone = text(false, func(f *forms.PrePerf, t string) { f.Phone = t })
	p.annual = newFundFields(func() forms.Fund { return p.get().Annual },
		func(ch func(*forms.Fund)) error { return p.update(func(f *forms.PrePerf) { ch(&f.Annual) }) })
	p.whole = newFundFields(func() forms.Fund { return p.get().Whole },
		func(ch func(*forms.Fund)) error { return p.update(func(f *forms.PrePerf) { ch(&f.Whole) }) })
	p.annualGrid = newGrid(e.w, true, func() []forms.Indicator { return p.get().AnnualGrid },
		func(ind []forms.Indicator) error { return p.update(func(f *forms.PrePerf) { f.AnnualGrid = ind }) })
	p.wholeGrid = newGrid(e.w, true, func() []forms.Indicator { return p.get().WholeGrid },
		func(ind []forms.Indicator) error { return p.update(func(f *forms.PrePerf) { f.WholeGrid = ind }) })
	box := container.NewVBox(
		fieldRow(forms.LabelPreName, p.name, p.name.Message()),
		fieldRow(forms.LabelDept, p.dept, p.dept.Message()),
		fieldRow(forms.LabelPeriod, p.period, p.period.Message()),
		caption("年度资金（万元）"))
	for _, r := range p.annual.rows(forms.LabelTotal, forms.LabelFiscal, forms.LabelOther) {
		box.Add(r)
	}
	box.Add(caption("实施期资金（万元）"))
	for _, r := range p.whole.rows(forms.LabelWholeTotal, "其中：财政拨款", forms.LabelOther) {
		box.Add(r)
	}
	box.Add(caption(forms.LabelAnnualGoal))
	box.Add(p.annualGoal.Object())
	box.Add(caption(forms.LabelWholeGoal))
	box.Add(p.wholeGoal.Object())
	box.Add(caption(forms.LabelAnnualGrid + "（各指标分值合计 100 分）"))
	box.Add(p.annualGrid.obj)
	box.Add(caption(forms.LabelWholeGrid + "（实施期超过一年时填写）"))
	box.Add(p.wholeGrid.obj)
	box.Add(fieldRow(forms.LabelReporter, p.reporter, p.reporter.Message()))
	box.Add(fieldRow(forms.LabelPhone, p.phone, p.phone.Message()))
	p.obj = box
	p.refresh()
	return p
}

func (p *preForm) get() forms.PrePerf {
	if ps := p.e.s.Doc().Perf.Pre; p.idx < len(ps) {
		return ps[p.idx]
	}
	return forms.PrePerf{}
}

func (p *preForm) update(ch func(*forms.PrePerf)) error {
	all := p.e.s.Doc().Perf.Pre
	if p.idx >= len(all) {
		return errors.New("这张事前绩效评估表已删除")
	}
	old := all[p.idx]
	f := clone(old)
	ch(&f)
	if same(f, old) {
		p.refresh()
		return nil
	}
	next := clone(all)
	next[p.idx] = f
	return p.e.s.SetPreForms(next)
}

func (p *preForm) object() fyne.CanvasObject { return p.obj }

func (p *preForm) refresh() {
	f := p.get()
	p.name.Set(f.Name)
	p.dept.Set(f.Dept)
	p.period.Set(f.Period)
	p.annualGoal.Set(f.AnnualGoal)
	p.wholeGoal.Set(f.WholeGoal)
	p.reporter.Set(f.Reporter)
	p.phone.Set(f.Phone)
	p.annual.refresh()
	p.whole.refresh()
	p.annualGrid.refresh()
	p.wholeGrid.refresh()
}

func (p *preForm) commit() {
	p.fields.Commit()
	p.annual.commit()
	p.whole.commit()
	p.annualGrid.commit()
	p.wholeGrid.commit()
}
