package textedit

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"yusuan/app/look"
	"yusuan/forms"
	"yusuan/forms/edit"
)

// Terms edits 第四部分 名词解释: each term and its explanation, add and
// remove, back to the program's default, or none at all.
type Terms struct {
	s        *edit.Session
	w        fyne.Window
	note     *look.Para
	restore  *widget.Button
	clear    *widget.Button
	rows     *fyne.Container
	items    []*termRow
	newTerm  *PlainEntry
	newDef   *PlainEntry
	addMsg   *widget.Label
	obj      fyne.CanvasObject
	colsTerm *Columns
}

var _ View = (*Terms)(nil)

type termRow struct {
	num       *widget.Label
	term, def *Field
}

// Glossary edits the 名词解释.
func Glossary(s *edit.Session, w fyne.Window) *Terms {
	v := &Terms{s: s, w: w, colsTerm: &Columns{Widths: []float32{64, 190, 0, 44}}}
	v.note = Note("")
	v.restore = widget.NewButtonWithIcon("恢复默认", theme.ViewRefreshIcon(), func() {
		v.Commit()
		s.SetGlossary(nil)
	})
	v.clear = widget.NewButtonWithIcon("全部删除", theme.DeleteIcon(), func() {
		d := dialog.NewCustomConfirm("删除全部名词解释", "全部删除", "取消",
			look.Wrapped("删除后，本文档的第四部分不列任何名词（可用 Ctrl+Z 撤销，或点“恢复默认”用程序自带的名词解释）。"),
			func(ok bool) {
				if ok {
					s.SetGlossary([]forms.Term{})
				}
			}, w)
		d.SetConfirmImportance(widget.DangerImportance)
		look.ShowDialog(look.Widened(d), w)
	})
	v.rows = container.NewVBox()
	v.newTerm = NewPlainEntry()
	v.newTerm.PlaceHolder = "名词"
	v.newDef = NewPlainEntry()
	v.newDef.PlaceHolder = "解释"
	v.addMsg = widget.NewLabel("")
	v.addMsg.Importance = widget.DangerImportance
	v.addMsg.Hide()
	add := widget.NewButtonWithIcon("添加", theme.ContentAddIcon(), v.add)
	v.newDef.OnSubmitted = func(string) { v.add() }
	head := v.colsTerm.Row(widget.NewLabel("序号"), widget.NewLabel("名词"), widget.NewLabel("解释"), widget.NewLabel(""))
	addRow := v.colsTerm.Row(widget.NewLabel("新增"), v.newTerm, v.newDef, add)
	top := container.NewVBox(
		container.NewBorder(nil, nil, nil, container.NewHBox(v.restore, v.clear), look.Heading("第四部分 名词解释")),
		v.note)
	body := container.NewVBox(Tinted(newRect(), head), v.rows, widget.NewSeparator(), addRow, v.addMsg)
	v.obj = container.NewBorder(top, nil, nil, nil, look.PageScroll(container.NewVScroll(container.NewPadded(body))))
	v.Refresh(edit.Change{})
	return v
}

// Object is the view.
func (v *Terms) Object() fyne.CanvasObject { return v.obj }

// Commit applies what is being typed.
func (v *Terms) Commit() {
	for _, r := range v.items {
		r.term.Commit()
		r.def.Commit()
	}
}

// list is a copy of the glossary the document prints.
func (v *Terms) list() []forms.Term { return slices.Clone(v.s.Doc().GlossaryOf()) }

// Refresh shows the glossary as stored.
func (v *Terms) Refresh(edit.Change) {
	d := v.s.Doc()
	terms := d.GlossaryOf()
	switch {
	case d.Text.Glossary == nil:
		v.note.SetText(fmt.Sprintf("使用程序自带的名词解释（%d 条），可按本单位情况修改、增删；改动后本文档保存自己的名词解释。", len(terms)))
		v.restore.Disable()
	case len(terms) == 0:
		v.note.SetText("本文档不列名词解释：导出时第四部分没有内容。可在下面添加，或点“恢复默认”。")
		v.restore.Enable()
	default:
		v.note.SetText(fmt.Sprintf("本文档自己的名词解释，共 %d 条。", len(terms)))
		v.restore.Enable()
	}
	if len(terms) == 0 {
		v.clear.Disable()
	} else {
		v.clear.Enable()
	}
	if len(terms) != len(v.items) {
		v.build(len(terms))
	}
	for i, t := range terms {
		v.items[i].term.Set(t.Term)
		v.items[i].def.Set(t.Definition)
	}
}

// build makes n rows, each editing the term at its position.
func (v *Terms) build(n int) {
	v.items = nil
	v.rows.Objects = nil
	for i := 0; i < n; i++ {
		r := &termRow{num: widget.NewLabel("（" + forms.ChineseNumber(i+1) + "）")}
		r.term = NewField("", func(t string) error {
			t = strings.TrimSpace(t)
			if t == "" {
				return errors.New("名词不能为空；要删去这一条，请点右边的删除按钮")
			}
			list := v.list()
			for j, x := range list {
				if j != i && x.Term == t {
					return fmt.Errorf("已有名词“%s”", t)
				}
			}
			list[i].Term = t
			return v.s.SetGlossary(list)
		})
		r.def = NewMultiLineField("", 2, func(t string) error {
			list := v.list()
			list[i].Definition = strings.TrimSpace(t)
			return v.s.SetGlossary(list)
		})
		del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { v.remove(i) })
		v.items = append(v.items, r)
		v.rows.Add(container.NewVBox(
			v.colsTerm.Row(r.num, r.term, r.def, container.NewVBox(del)),
			r.term.Message(), r.def.Message()))
	}
	v.rows.Refresh()
}

func (v *Terms) remove(i int) {
	v.Commit()
	list := v.list()
	if i >= len(list) {
		return
	}
	next := append(make([]forms.Term, 0, len(list)-1), list[:i]...)
	v.s.SetGlossary(append(next, list[i+1:]...))
}

func (v *Terms) add() {
	t, def := strings.TrimSpace(v.newTerm.Text), strings.TrimSpace(v.newDef.Text)
	v.addMsg.Hide()
	if t == "" {
		v.addMsg.SetText("请先填写名词。")
		v.addMsg.Show()
		return
	}
	list := v.list()
	for _, x := range list {
		if x.Term == t {
			v.addMsg.SetText(fmt.Sprintf("已有名词“%s”。", t))
			v.addMsg.Show()
			return
		}
	}
	v.Commit()
	if err := v.s.SetGlossary(append(v.list(), forms.Term{Term: t, Definition: def})); err != nil {
		v.addMsg.SetText(err.Error())
		v.addMsg.Show()
		return
	}
	v.newTerm.SetText("")
	v.newDef.SetText("")
}
