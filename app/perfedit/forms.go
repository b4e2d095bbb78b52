package perfedit

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"yusuan/app/look"
	"yusuan/forms"
	"yusuan/forms/money"
)

// NewFormsView shows the 绩效 forms of a table, one card per form, in a
// virtualised list (a consolidated department has thousands of projects).
//
// Deprecated: the window's old read-only view; use New. Kept until the
// window switches, then to be removed.
func NewFormsView(d *forms.Document, t *forms.Table) fyne.CanvasObject {
	title := look.Centred(look.Heading(t.Title))
	top := container.NewVBox(title)
	if note := d.NoteOf(t); note != "" {
		n := look.Wrapped(note)
		n.Importance = widget.WarningImportance
		top.Add(n)
	}
	var cards []func() fyne.CanvasObject
	switch t.Kind {
	case forms.KindPerfDept:
		if f := d.Perf.Dept; f != nil {
			cards = append(cards, func() fyne.CanvasObject { return deptCard(f) })
		}
	case forms.KindPerfPre:
		for i := range d.Perf.Pre {
			f := &d.Perf.Pre[i]
			cards = append(cards, func() fyne.CanvasObject { return preCard(f) })
		}
	case forms.KindPerfProject:
		for _, i := range d.Perf.ProjectsAt(t.Def.ProjectLevel) {
			f := &d.Perf.Projects[i]
			cards = append(cards, func() fyne.CanvasObject { return projectCard(f) })
		}
	}
	var list *widget.List
	list = widget.NewList(
		func() int { return len(cards) },
		func() fyne.CanvasObject { return container.NewStack() },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			box := o.(*fyne.Container)
			card := cards[id]()
			box.Objects = []fyne.CanvasObject{card}
			box.Refresh()
			list.SetItemHeight(id, card.MinSize().Height)
		},
	)
	return container.NewBorder(top, nil, nil, nil, list)
}

func field(label, value string) fyne.CanvasObject {
	l := widget.NewLabelWithStyle(label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v := look.Wrapped(value)
	return container.NewBorder(nil, nil, l, nil, v)
}

func fundText(f forms.Fund) string {
	return fmt.Sprintf("%s　（其中：财政拨款 %s，其他资金 %s）", money.FormatWithUnit(f.TotalValue(), money.WanYuan), f.Fiscal, f.Other)
}

func projectCard(f *forms.ProjectPerf) fyne.CanvasObject {
	box := container.NewVBox(
		widget.NewLabelWithStyle(f.Name+"（"+f.Level+"）", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
	)
	if f.Dept != "" {
		box.Add(field("主管部门及编码：", f.Dept))
	}
	box.Add(field("年度资金总额：", fundText(f.Money)))
	box.Add(field("年度绩效目标：", f.Goal))
	box.Add(indicatorTable(f.Indicators, false))
	box.Add(widget.NewSeparator())
	return box
}

func deptCard(f *forms.DeptPerf) fyne.CanvasObject {
	box := container.NewVBox(field("部门名称及编码：", f.NameCode))
	tasks := container.NewGridWithColumns(2, headerLabel("任务名称"), headerLabel("主要内容"))
	for _, t := range f.Tasks {
		tasks.Add(look.Wrapped(t.Name))
		tasks.Add(look.Wrapped(t.Content))
	}
	box.Add(tasks)
	box.Add(field("年度重点工作：", f.KeyWork))
	box.Add(indicatorTable(f.Indicators, false))
	return box
}

func preCard(f *forms.PrePerf) fyne.CanvasObject {
	return container.NewVBox(
		field("政策（项目）名称：", f.Name),
		field("主管部门及编码：", f.Dept),
		field("计划实施期：", f.Period),
		field("年度资金总额：", fundText(f.Annual)),
		field("实施期资金总额：", fundText(f.Whole)),
		field("年度目标：", f.AnnualGoal),
		indicatorTable(f.AnnualGrid, true),
		field("实施期目标：", f.WholeGoal),
		indicatorTable(f.WholeGrid, true),
		field("填报人：", f.Reporter+"　　联系电话："+f.Phone),
		widget.NewSeparator(),
	)
}

func headerLabel(s string) *widget.Label {
	return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// indicatorTable lays out an indicator grid.
func indicatorTable(ind []forms.Indicator, scored bool) fyne.CanvasObject {
	heads, rows := forms.IndicatorTable(ind, scored)
	g := container.NewGridWithColumns(len(heads))
	for _, h := range heads {
		g.Add(headerLabel(h))
	}
	for _, r := range rows {
		for _, c := range r {
			g.Add(widget.NewLabel(c))
		}
	}
	return g
}
