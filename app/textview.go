package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"yusuan/forms"
	"yusuan/forms/narrative"
)

// heading is a view's title, larger than body text (the bundled font has
// no bold face, so size sets it apart).
func heading(text string) fyne.CanvasObject {
	t := canvas.NewText(text, colorText)
	t.TextSize = theme.TextSubHeadingSize()
	return container.NewPadded(t)
}

func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// textView shows a text part, read-only in this version.
func textView(title, text, empty string) fyne.CanvasObject {
	body := wrapped(text)
	if text == "" {
		body = wrapped(empty)
		body.Importance = widget.LowImportance
	}
	return container.NewBorder(heading(title), nil, nil, nil, container.NewVScroll(body))
}

// explanationView shows the 情况说明: generated from the tables and the
// extra inputs unless a whole text was given, with a line saying which.
func explanationView(d *forms.Document) fyne.CanvasObject {
	note := "（根据各表数据和补充信息自动生成，表格改动后随之更新；【请填写：……】处需要补充信息。）"
	if !narrative.IsGenerated(d) {
		note = "（整篇情况说明为导入或手工填写的文字，不随表格更新。）"
	}
	head := wrapped(note)
	head.Importance = widget.LowImportance
	box := container.NewVBox(head)
	if narrative.IsGenerated(d) {
		for i, sec := range narrative.Sections(d) {
			title := forms.ChineseNumber(i+1) + "、" + sec.Heading
			if sec.Written {
				title += "（手写）"
			}
			box.Add(subheading(title))
			box.Add(wrapped(strings.Join(sec.Lines, "\n")))
		}
	} else {
		box.Add(wrapped(d.Text.Explanation))
	}
	return container.NewBorder(heading("第三部分 情况说明"), nil, nil, nil, container.NewVScroll(box))
}

// subheading is a section's title inside a view: body size, accent colour.
func subheading(text string) fyne.CanvasObject {
	t := canvas.NewText(text, theme.Color(theme.ColorNamePrimary))
	t.TextSize = theme.TextSize() + 1
	return container.NewPadded(t)
}

// glossaryView lists the 名词解释.
func glossaryView(terms []forms.Term, isDefault bool) fyne.CanvasObject {
	box := container.NewVBox()
	if isDefault {
		note := wrapped("（使用程序自带的名词解释，可按本单位情况修改。）")
		note.Importance = widget.LowImportance
		box.Add(note)
	}
	for i, t := range terms {
		box.Add(wrapped("（" + forms.ChineseNumber(i+1) + "）" + t.Term + "：" + t.Definition))
	}
	return container.NewBorder(heading("第四部分 名词解释"), nil, nil, nil, container.NewVScroll(box))
}
