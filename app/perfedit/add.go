package perfedit

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"yusuan/app/look"
	"yusuan/app/textedit"
	"yusuan/forms"
	"yusuan/forms/classify"
	"yusuan/forms/money"
)

// candidate is a project of the 项目支出表 that has no form yet.
type candidate struct {
	name, level string
	total, own  money.Amount // 万元
	unit        string       // 项目单位
}

// candidates lists the projects of the 项目支出表, at this table's level,
// that have no form of that level.
func (e *Editor) candidates() []candidate {
	d := e.s.Doc()
	prj := d.First(forms.KindProjects)
	if prj == nil || prj.Absent {
		return nil
	}
	has := map[string]bool{}
	for _, f := range d.Perf.Projects {
		has[f.Level+"|"+classify.FoldName(f.Name)] = true
	}
	p := prj.Main()
	tc, oc := p.Col(forms.ColTotal), p.Col("own")
	wan := func(ri, ci int) money.Amount {
		if ci < 0 {
			return 0
		}
		v, err := money.Convert(p.Rows[ri].Cells[ci].Value, prj.Unit, money.WanYuan)
		if err != nil {
			return 0
		}
		return v
	}
	var out []candidate
	for ri, r := range p.Rows {
		c := candidate{}
		switch r.Type {
		case forms.RowL1:
			c.name, c.level = r.Name, forms.ProjectLevel1
		case forms.RowProject:
			c.name, c.level, c.unit = r.Project.L2, forms.ProjectLevel2, r.Project.Unit
		default:
			continue
		}
		key := c.level + "|" + classify.FoldName(c.name)
		if strings.TrimSpace(c.name) == "" || has[key] || (e.t.Def.ProjectLevel != "" && e.t.Def.ProjectLevel != c.level) {
			continue
		}
		has[key] = true
		c.total, c.own = wan(ri, tc), wan(ri, oc)
		out = append(out, c)
	}
	return out
}

// newProject is the form a project starts with: its name, level, unit and
// money from the 项目支出表 (单位资金 as 其他资金), the usual indicator lines.
func (e *Editor) newProject(c candidate) forms.ProjectPerf {
	d := e.s.Doc()
	dept := d.Meta.Code + "-" + d.Meta.Name
	for _, u := range d.Units { // a 单位 of that name, rather than the 部门 itself
		if c.unit != "" && classify.FoldName(u.Name) == classify.FoldName(c.unit) {
			dept = u.Code + "-" + u.Name
			if u.Code != d.Meta.Code {
				break
			}
		}
	}
	return forms.ProjectPerf{
		Name: c.name, Level: c.level, Dept: dept,
		Money:      forms.Fund{Fiscal: c.total - c.own, Other: c.own},
		Indicators: skeleton(),
	}
}

// addNamed adds the form of a project (from the 项目支出表 when it is there)
// and shows it.
func (e *Editor) addNamed(name, level string) error {
	name = strings.TrimSpace(name)
	if name == "" {
		return errors.New("请填写项目名称")
	}
	if e.t.Def.ProjectLevel != "" {
		level = e.t.Def.ProjectLevel
	}
	if level == "" {
		return errors.New("请选择项目级次")
	}
	for _, f := range e.s.Doc().Perf.Projects {
		if f.Level == level && classify.FoldName(f.Name) == classify.FoldName(name) {
			return fmt.Errorf("“%s”已有%s绩效目标表", name, level)
		}
	}
	c := candidate{name: name, level: level}
	for _, x := range e.candidates() {
		if x.level == level && classify.FoldName(x.name) == classify.FoldName(name) {
			c = x
		}
	}
	e.commitForm()
	i, err := e.s.AddProjectForm(e.newProject(c))
	if err != nil {
		return err
	}
	e.show(i)
	e.selectInList()
	return nil
}

// addPre adds a 事前绩效评估 form.
func (e *Editor) addPre(name string) error {
	name = strings.TrimSpace(name)
	if name == "" {
		return errors.New("请填写政策（项目）名称")
	}
	d := e.s.Doc()
	e.commitForm()
	next := append(clone(d.Perf.Pre), forms.PrePerf{Name: name, Dept: joinName(d.Meta.Code, d.Meta.Name), AnnualGrid: skeleton()})
	if err := e.s.SetPreForms(next); err != nil {
		return err
	}
	e.show(len(next) - 1)
	e.selectInList()
	return nil
}

// addForm asks which form to add.
func (e *Editor) addForm() {
	msg := widget.NewLabel("")
	msg.Importance = widget.DangerImportance
	msg.Hide()
	name := look.NewEntry()
	var dlg *dialog.CustomDialog
	var content fyne.CanvasObject
	var level *widget.Select
	do := func() {
		var err error
		if e.t.Kind == forms.KindPerfPre {
			err = e.addPre(name.Text)
		} else {
			lv := ""
			if level != nil {
				lv = level.Selected
			}
			err = e.addNamed(name.Text, lv)
		}
		if err != nil {
			msg.SetText(err.Error())
			msg.Show()
			return
		}
		dlg.Hide()
	}
	name.OnSubmitted = func(string) { do() }
	buttons := container.NewHBox(layout.NewSpacer(), widget.NewButton("取消", func() { dlg.Hide() }),
		&widget.Button{Text: "添加", Importance: widget.HighImportance, OnTapped: do})
	if e.t.Kind == forms.KindPerfPre {
		name.PlaceHolder = "政策（项目）名称"
		content = container.NewVBox(widget.NewLabel("开展事前绩效评估的政策或项目名称："), name, msg, buttons)
		dlg = dialog.NewCustomWithoutButtons("添加事前绩效评估表", textedit.Sized(420, content), e.w)
		look.ShowDialog(dlg, e.w)
		e.w.Canvas().Focus(name)
		return
	}
	all := e.candidates()
	shown := all
	name.PlaceHolder = "项目名称"
	list := widget.NewList(func() int { return len(shown) },
		func() fyne.CanvasObject {
			n := widget.NewLabel("项目名称")
			n.Truncation = fyne.TextTruncateEllipsis
			return itemCols.Row(n, widget.NewLabelWithStyle("0.00", fyne.TextAlignTrailing, fyne.TextStyle{}))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container)
			c := shown[id]
			label := c.name
			if e.t.Def.ProjectLevel == "" {
				label += "（" + c.level + "）"
			}
			row.Objects[0].(*widget.Label).SetText(label)
			row.Objects[1].(*widget.Label).SetText(money.Format(c.total, false))
		})
	if e.t.Def.ProjectLevel == "" {
		level = widget.NewSelect([]string{forms.ProjectLevel1, forms.ProjectLevel2}, nil)
		level.SetSelected(forms.ProjectLevel2)
	}
	list.OnSelected = func(id widget.ListItemID) {
		name.SetText(shown[id].name)
		if level != nil {
			level.SetSelected(shown[id].level)
		}
	}
	find := look.NewEntry()
	find.PlaceHolder = "按名称查找"
	find.OnChanged = func(q string) {
		q = classify.FoldName(strings.TrimSpace(q))
		shown = nil
		for _, c := range all {
			if strings.Contains(classify.FoldName(c.name), q) {
				shown = append(shown, c)
			}
		}
		list.UnselectAll()
		list.Refresh()
	}
	head := fmt.Sprintf("项目支出表中还没有绩效目标表的项目（%d 个），选一个，或直接填写项目名称：", len(all))
	if len(all) == 0 {
		head = "项目支出表中的项目都已有绩效目标表。可以直接填写项目名称添加（检查时会核对项目支出表中有没有这个项目）。"
	}
	nameRow := fyne.CanvasObject(name)
	if level != nil {
		nameRow = container.NewBorder(nil, nil, nil, textedit.Sized(130, level), name)
	}
	top := container.NewVBox(textedit.Note(head), find)
	bottom := container.NewVBox(nameRow, msg, buttons)
	content = container.NewBorder(top, bottom, nil, nil, list)
	sized := container.New(&fixedSize{fyne.NewSize(560, 440)}, content)
	dlg = dialog.NewCustomWithoutButtons("添加"+e.levelWord()+"绩效目标表", sized, e.w)
	look.ShowDialog(dlg, e.w)
	e.w.Canvas().Focus(find)
}

func (e *Editor) levelWord() string {
	if lv := e.t.Def.ProjectLevel; lv != "" {
		return lv
	}
	return "项目"
}

// fixedSize gives a dialog's content a size of its own.
type fixedSize struct{ s fyne.Size }

func (l *fixedSize) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Resize(size)
		o.Move(fyne.NewPos(0, 0))
	}
}

func (l *fixedSize) MinSize([]fyne.CanvasObject) fyne.Size { return l.s }
