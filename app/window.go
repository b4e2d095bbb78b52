// Package app is the main window of 预算公开助手: navigation, the editor of
// the selected part (app/sheet for tables, app/perfedit for the 绩效 forms,
// app/textedit for the texts), the findings panel, menus and files. It
// knows forms; nothing knows app. It does not import the GL driver
// (fyne.io/fyne/v2/app): main does, so these packages build and test
// without cgo.
package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"yusuan/app/look"
	"yusuan/app/perfedit"
	"yusuan/app/sheet"
	"yusuan/app/textedit"
	"yusuan/forms"
)

// mainUI is the state of one main window.
type mainUI struct {
	win     fyne.Window
	doc     *forms.Document
	path    string
	nav     *widget.Tree
	content *fyne.Container // the selected part's view
	status  *widget.Label
	current string       // selected navigation node
	table   *sheet.Sheet // the table shown, if a table is shown
}

// NewMainWindow builds the main window on a document. When the document
// could not be opened (loadErr), the window says why and shows nothing else:
// the file is left as it is.
func NewMainWindow(a fyne.App, d *forms.Document, path string, loadErr error) fyne.Window {
	w := a.NewWindow("预算公开助手")
	w.Resize(fyne.NewSize(1280, 800))
	if loadErr != nil {
		w.SetContent(errorView(path, loadErr))
		return w
	}
	u := newMainUI(w, d, path)
	w.SetContent(u.build())
	u.selectNode(firstTableNode(d))
	return w
}

func newMainUI(w fyne.Window, d *forms.Document, path string) *mainUI {
	u := &mainUI{win: w, doc: d, path: path}
	w.SetTitle(u.title())
	return u
}

func (u *mainUI) title() string {
	t := fmt.Sprintf("预算公开助手 — %s %d年%s预算", u.doc.Meta.Name, u.doc.Meta.Year, u.doc.LevelWord())
	if u.doc.Meta.Sample {
		t += "（示例数据）"
	}
	return t
}

func (u *mainUI) build() fyne.CanvasObject {
	u.nav = newNavigation(u.doc, u.selectNode)
	u.content = container.NewStack()
	u.status = widget.NewLabel(u.statusText())
	split := container.NewHSplit(u.nav, u.content)
	split.Offset = 0.27
	var top fyne.CanvasObject
	if u.doc.Meta.Sample {
		top = sampleBanner(u.doc)
	}
	return container.NewBorder(top, u.status, nil, nil, split)
}

func (u *mainUI) statusText() string {
	where := "内置示例文档（只读查看）"
	if u.path != "" {
		where = "文件：" + u.path
	}
	return fmt.Sprintf("%s　｜　模板：%s　｜　单位代码：%s", where, u.doc.Template.Name, u.doc.Meta.Code)
}

// sampleBanner tells the clerk this is sample data and how it was made.
func sampleBanner(d *forms.Document) fyne.CanvasObject {
	tag := canvas.NewText("示例数据", look.GivenFg)
	tag.TextSize = theme.TextSubHeadingSize()
	text := look.Wrapped(d.Meta.Remark)
	bg := canvas.NewRectangle(look.Banner)
	return container.NewStack(bg, container.NewBorder(nil, nil, container.NewPadded(tag), nil, text))
}

// selectNode shows the view of a navigation node.
func (u *mainUI) selectNode(id string) {
	if id == "" || id == u.current {
		return
	}
	u.current = id
	u.table = nil
	u.content.Objects = []fyne.CanvasObject{u.viewFor(id)}
	u.content.Refresh()
	if u.nav != nil {
		u.nav.Select(id)
	}
}

func (u *mainUI) viewFor(id string) fyne.CanvasObject {
	switch {
	case id == nodeFunctions:
		return textedit.TextView("第一部分 部门概况　一、主要职能", u.doc.Text.Functions, "尚未填写主要职能。")
	case id == nodeOrganization:
		return textedit.TextView("第一部分 部门概况　二、机构设置", u.doc.Text.Organization, "尚未填写机构设置。")
	case id == nodeExplanation:
		return textedit.ExplanationView(u.doc)
	case id == nodeGlossary:
		return textedit.GlossaryView(u.doc.GlossaryOf(), u.doc.Text.Glossary == nil)
	}
	if t := u.doc.Table(tableOfNode(id)); t != nil {
		if t.Layout() == forms.LayoutForm {
			return perfedit.NewFormsView(u.doc, t)
		}
		u.table = sheet.New(u.doc, t)
		return u.table.Object()
	}
	return partView(id)
}

func errorView(path string, err error) fyne.CanvasObject {
	head := widget.NewLabelWithStyle("无法打开文档", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	msg := widget.NewLabel(err.Error())
	msg.Wrapping = fyne.TextWrapWord
	hint := widget.NewLabel(fmt.Sprintf("文件“%s”没有被改动。请检查文件，或在命令行用 yusuan show 查看详细信息。", path))
	hint.Wrapping = fyne.TextWrapWord
	return container.NewPadded(container.NewVBox(head, msg, hint))
}
