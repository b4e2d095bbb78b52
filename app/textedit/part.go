package textedit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"yusuan/app/look"
	"yusuan/forms/edit"
)

// Part edits one free text of 第一部分 部门概况 (主要职能 or 机构设置).
type Part struct {
	s     *edit.Session
	get   func() string
	field *Field
	obj   fyne.CanvasObject
}

var _ View = (*Part)(nil)

// Functions edits 第一部分 一、主要职能.
func Functions(s *edit.Session, w fyne.Window) *Part {
	return newPart(s, "第一部分 部门概况　一、主要职能",
		"每项职能一段，按（一）（二）……编号。",
		"尚未填写主要职能：请按（一）（二）……分段填写本部门的主要职能。",
		func() string { return s.Doc().Text.Functions },
		s.SetFunctions)
}

// Organization edits 二、机构设置.
func Organization(s *edit.Session, w fyne.Window) *Part {
	return newPart(s, "第一部分 部门概况　二、机构设置",
		"写明内设机构的个数和名称、人员编制；所说的个数要与列出的名称一致（检查规则 N-7 会核对）。",
		"尚未填写机构设置：内设机构的个数和名称、人员编制和领导职数。",
		func() string { return s.Doc().Text.Organization },
		s.SetOrganization)
}

func newPart(s *edit.Session, title, help, empty string, get func() string, set func(string) error) *Part {
	p := &Part{s: s, get: get}
	p.field = NewMultiLineField(get(), 12, set)
	p.field.PlaceHolder = empty
	top := container.NewVBox(look.Heading(title), Note(help+"离开输入框或停顿片刻后记入文档；Ctrl+Z 撤销。"))
	p.obj = container.NewBorder(top, p.field.Message(), nil, nil, p.field)
	return p
}

// Object is the view.
func (p *Part) Object() fyne.CanvasObject { return p.obj }

// Refresh shows the text again after a change.
func (p *Part) Refresh(edit.Change) { p.field.Set(p.get()) }

// Commit applies what is being typed.
func (p *Part) Commit() { p.field.Commit() }

// Field is the text's entry.
func (p *Part) Field() *Field { return p.field }
