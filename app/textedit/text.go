package textedit

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"yusuan/app/look"
	"yusuan/forms"
	"yusuan/forms/narrative"
)

// TextView shows a text part, read-only.
//
// Deprecated: the window's old read-only view; use Functions or
// Organization. Kept until the window switches, then to be removed.
func TextView(title, text, empty string) fyne.CanvasObject {
	body := look.Wrapped(text)
	if text == "" {
		body = look.Wrapped(empty)
		body.Importance = widget.LowImportance
	}
	return container.NewBorder(look.Heading(title), nil, nil, nil, container.NewVScroll(body))
}

// ExplanationView shows the 情况说明: generated from the tables and the
// extra inputs unless a whole text was given, with a line saying which.
//
// Deprecated: use Explanation.
func ExplanationView(d *forms.Document) fyne.CanvasObject {
	note := "（根据各表数据和补充信息自动生成，表格改动后随之更新；【请填写：……】处需要补充信息。）"
	if !narrative.IsGenerated(d) {
		note = "（整篇情况说明为导入或手工填写的文字，不随表格更新。）"
	}
	head := look.Wrapped(note)
	head.Importance = widget.LowImportance
	box := container.NewVBox(head)
	if narrative.IsGenerated(d) {
		for i, sec := range narrative.Sections(d) {
			title := forms.ChineseNumber(i+1) + "、" + sec.Heading
			if sec.Written {
				title += "（手写）"
			}
			box.Add(subheading(title))
			box.Add(look.Wrapped(strings.Join(sec.Lines, "\n")))
		}
	} else {
		box.Add(look.Wrapped(d.Text.Explanation))
	}
	return container.NewBorder(look.Heading("第三部分 情况说明"), nil, nil, nil, container.NewVScroll(box))
}

// subheading is a section's title inside a view: body size, accent colour.
func subheading(text string) fyne.CanvasObject {
	t := canvas.NewText(text, theme.Color(theme.ColorNamePrimary))
	t.TextSize = theme.TextSize() + 1
	return container.NewPadded(t)
}

// GlossaryView lists the 名词解释.
//
// Deprecated: use Glossary.
func GlossaryView(terms []forms.Term, isDefault bool) fyne.CanvasObject {
	box := container.NewVBox()
	if isDefault {
		note := look.Wrapped("（使用程序自带的名词解释，可按本单位情况修改。）")
		note.Importance = widget.LowImportance
		box.Add(note)
	}
	for i, t := range terms {
		box.Add(look.Wrapped("（" + forms.ChineseNumber(i+1) + "）" + t.Term + "：" + t.Definition))
	}
	return container.NewBorder(look.Heading("第四部分 名词解释"), nil, nil, nil, container.NewVScroll(box))
}
