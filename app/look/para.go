package look

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"yusuan/forms/linebreak"
)

// Para is a label of running Chinese text broken into lines as Chinese is
// set (forms/linebreak): no line begins with "，。；：、）" or ends with "（“",
// and a figure stays whole. Fyne's own wrapping breaks before any CJK
// character, marks included. The text is filled again whenever the label
// is given another width; Fyne's wrapping stays on for a piece wider than
// a line.
type Para struct {
	widget.Label
	raw      string
	filledAt float32 // the width the text was filled to
}

// Wrapped is text that wraps to the width it is given.
func Wrapped(text string) *Para {
	p := &Para{raw: text}
	p.Text = text
	p.Wrapping = fyne.TextWrapWord
	p.ExtendBaseWidget(p)
	return p
}

// Raw is the text as it was set, without the line breaks of its filling.
func (p *Para) Raw() string { return p.raw }

// SetText sets the text and fills it to the label's width.
func (p *Para) SetText(text string) {
	p.raw = text
	p.filledAt = p.Size().Width
	p.Label.SetText(p.fill(p.filledAt))
}

// Resize fills the text to the new width before the label lays it out.
func (p *Para) Resize(size fyne.Size) {
	if size.Width == p.filledAt {
		p.Label.Resize(size)
		return
	}
	p.filledAt = size.Width
	filled := p.fill(size.Width)
	p.Label.Resize(size)
	if filled != p.Text {
		p.Text = filled
		p.Label.Refresh()
	}
}

// paraSlack keeps a filled line a little narrower than the label, so that
// Fyne's wrapping, which measures the same way, never breaks it again.
const paraSlack = 0.97

func (p *Para) fill(width float32) string {
	inner := (width - 2*theme.InnerPadding()) * paraSlack
	if inner < 40 || p.raw == "" {
		return p.raw
	}
	size := theme.TextSize()
	if p.SizeName != "" {
		size = theme.Size(p.SizeName)
	}
	return FillText(p.raw, inner, size, p.TextStyle)
}

// FillText breaks text into lines no wider than width as Fyne draws it at
// that size and style, between the pieces Chinese may be broken between
// (forms/linebreak), joined by line breaks.
func FillText(text string, width, size float32, style fyne.TextStyle) string {
	measure := func(s string) float32 { return fyne.MeasureText(s, size, style).Width }
	return strings.Join(linebreak.Fill(text, width, measure), "\n")
}
