package textedit

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"yusuan/app/look"
	"yusuan/forms"
	"yusuan/forms/edit"
)

// Cover edits the 封面 and 基本信息: 单位名称, 单位代码, 编制日期 and 部门/单位; the
// year and the template are shown, not edited (a new year starts from last
// year's document); the 所属单位 are listed.
type Cover struct {
	s        *edit.Session
	name     *Field
	code     *Field
	date     *Field
	level    *widget.RadioGroup
	levelMsg *widget.Label
	quiet    bool
	year     *widget.Label
	tmpl     *widget.Label
	preview  *canvas.Text
	units    *widget.List
	unitsBox *fyne.Container
	obj      fyne.CanvasObject
}

var _ View = (*Cover)(nil)

// Meta edits the document's identity.
func Meta(s *edit.Session, w fyne.Window) *Cover {
	v := &Cover{s: s}
	d := s.Doc()
	v.name = NewField(d.Meta.Name, func(t string) error {
		m := s.Doc().Meta
		m.Name = strings.TrimSpace(t)
		return s.SetMeta(m)
	})
	v.name.PlaceHolder = "如：中共吉林市委办公室"
	v.code = NewField(d.Meta.Code, func(t string) error {
		m := s.Doc().Meta
		m.Code = strings.TrimSpace(t)
		return s.SetMeta(m)
	})
	v.code.PlaceHolder = "预算单位代码，如 324"
	v.date = NewField(d.Meta.Date, func(t string) error {
		m := s.Doc().Meta
		m.Date = t
		return s.SetMeta(m) // written as 2026年1月20日, or refused with why
	})
	v.date.PlaceHolder = "如 2026年1月20日；不填则封面不印日期"
	v.levelMsg = widget.NewLabel("")
	v.levelMsg.Importance = widget.DangerImportance
	v.levelMsg.Hide()
	v.level = widget.NewRadioGroup([]string{string(forms.LevelDept), string(forms.LevelUnit)}, func(l string) {
		if v.quiet || l == "" {
			return
		}
		m := s.Doc().Meta
		m.Level = forms.Level(l)
		if err := s.SetMeta(m); err != nil {
			v.levelMsg.SetText(err.Error())
			v.levelMsg.Show()
			v.Refresh(edit.Change{Meta: true})
			return
		}
		v.levelMsg.Hide()
	})
	v.level.Horizontal = true
	v.level.Required = true
	v.year = widget.NewLabel("")
	v.tmpl = widget.NewLabel("")
	v.preview = canvas.NewText("", look.Text)
	v.preview.TextSize = 22
	v.preview.Alignment = fyne.TextAlignCenter

	cols := &Columns{Widths: []float32{130, 0}}
	row := func(label string, o fyne.CanvasObject, msg fyne.CanvasObject) fyne.CanvasObject {
		return cols.Row(container.NewVBox(FieldLabel(label)), container.NewVBox(o, msg))
	}
	form := container.NewVBox(
		row("单位名称", v.name, v.name.Message()),
		row("单位代码", v.code, v.code.Message()),
		row("编制日期", v.date, v.date.Message()),
		row("部门/单位", v.level, v.levelMsg),
		row("预算年度", v.year, Note("年度不能在这里修改。新的年度请从 文件 → 新建 → 从上年结转 开始：各部分文字和补充信息带到新文档。")),
		row("模板", v.tmpl, Note("模板决定要公开的表格和格式，随文档建立时选定。")),
	)
	top := container.NewVBox(look.Heading("封面和基本信息"),
		Box(container.NewVBox(Note("封面预览"), v.preview)))
	if d.Meta.Sample {
		tag := canvas.NewText("示例数据", look.GivenFg)
		tag.TextSize = 16
		note := look.Wrapped("这是程序自带的示例文档，用于熟悉程序，不是真实的公开文本。" + d.Meta.Remark)
		note.Wrapping = fyne.TextWrapBreak // Chinese breaks anywhere, not at the spaces around figures
		top.Add(Tinted(canvas.NewRectangle(look.Banner), container.NewBorder(nil, nil, container.NewPadded(tag), nil, note)))
	}
	top.Add(form)
	v.units = widget.NewList(
		func() int { return len(s.Doc().Units) },
		func() fyne.CanvasObject {
			return (&Columns{Widths: []float32{130, 0}}).Row(widget.NewLabel("000000"), widget.NewLabel("单位名称"))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			u := s.Doc().Units[id]
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Label).SetText(u.Code)
			row.Objects[1].(*widget.Label).SetText(u.Name)
		})
	v.unitsBox = container.NewBorder(Subheading(fmt.Sprintf("所属单位（%d 个，来自收入总表，只读）", len(d.Units))), nil, nil, nil, v.units)
	v.obj = container.NewPadded(container.NewBorder(top, nil, nil, nil, v.unitsBox))
	v.Refresh(edit.Change{})
	return v
}

// Object is the view.
func (v *Cover) Object() fyne.CanvasObject { return v.obj }

// Commit applies what is being typed.
func (v *Cover) Commit() {
	v.name.Commit()
	v.code.Commit()
	v.date.Commit()
}

// Refresh shows the stored identity.
func (v *Cover) Refresh(edit.Change) {
	d := v.s.Doc()
	m := d.Meta
	v.name.Set(m.Name)
	v.code.Set(m.Code)
	v.date.Set(m.Date)
	v.quiet = true
	v.level.SetSelected(string(m.Level))
	v.quiet = false
	v.year.SetText(fmt.Sprintf("%d年", m.Year))
	tmpl := m.Template
	if d.Template != nil {
		tmpl = d.Template.Name + "（" + d.Template.ID + "）"
	}
	v.tmpl.SetText(tmpl)
	v.preview.Text = fmt.Sprintf("%s　%d年%s预算", m.Name, m.Year, d.LevelWord())
	v.preview.Refresh()
	v.units.Refresh()
}
