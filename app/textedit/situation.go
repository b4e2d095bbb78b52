package textedit

import (
	"errors"
	"regexp"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"yusuan/app/look"
	"yusuan/forms"
	"yusuan/forms/edit"
	"yusuan/forms/linebreak"
	"yusuan/forms/narrative"
)

// Situation edits 第三部分 情况说明: the generated text section by section,
// its figures marked and its gaps (【请填写：…】) highlighted, each with the
// field under the section that fills it; a section can be switched to
// hand-written and back; a whole hand-written 情况说明 is edited as one text.
type Situation struct {
	s      *edit.Session
	w      fyne.Window
	in     *inputs
	note   *look.Para
	whole  *fyne.Container // the whole hand-written text
	wfield *Field
	body   *fyne.Container // the sections
	secs   []*sectionView
	scroll *container.Scroll
	obj    fyne.CanvasObject
}

var _ View = (*Situation)(nil)

// sectionView is one section: heading, switch, text (generated or the
// clerk's), the gaps it leaves and the inputs that fill them.
type sectionView struct {
	key     string
	num     int // its place: 一、二、…
	title   *canvas.Text
	check   *widget.Check
	restore *widget.Button
	text    *widget.RichText
	edit    *Field
	gaps    *fyne.Container
	lines   []string // the text as shown
	written bool
	quiet   bool // the check is being set from the document
}

// Explanation edits the 情况说明.
func Explanation(s *edit.Session, w fyne.Window) *Situation {
	v := &Situation{s: s, w: w, in: newInputs(s)}
	v.note = Note("")
	v.wfield = NewMultiLineField(s.Doc().Text.Explanation, 20, func(t string) error {
		if strings.TrimSpace(t) == "" {
			return errors.New("情况说明不能为空；要改回自动生成，请点“恢复自动生成”")
		}
		return s.SetExplanation(t)
	})
	restoreWhole := widget.NewButton("恢复自动生成", func() {
		v.wfield.Revert()
		s.SetExplanation("")
	})
	restoreWhole.Importance = widget.WarningImportance
	banner := canvas.NewRectangle(look.Banner)
	msg := look.Wrapped("整篇情况说明是导入或手工填写的一篇文字，不随表格和补充信息更新。恢复自动生成后，按各表数据和各节的补充信息逐节生成（可用 Ctrl+Z 撤销）。")
	v.whole = container.NewVBox(
		Tinted(banner, container.NewBorder(nil, nil, nil, container.NewCenter(restoreWhole), msg)),
		v.wfield.Object())
	v.body = container.NewVBox()
	for i, sec := range narrative.Sections(s.Doc()) {
		v.body.Add(v.section(i, sec))
	}
	content := container.NewVBox(v.note, v.whole, v.body)
	v.scroll = container.NewVScroll(container.NewPadded(content))
	v.obj = container.NewBorder(look.Heading("第三部分 情况说明"), nil, nil, nil, look.PageScroll(v.scroll))
	v.Refresh(edit.Change{})
	return v
}

func (v *Situation) section(i int, sec narrative.Section) fyne.CanvasObject {
	sv := &sectionView{key: sec.Key, num: i + 1}
	sv.title = Subheading(v.heading(sv, sec))
	sv.check = widget.NewCheck("手写本节", func(on bool) {
		if sv.quiet {
			return
		}
		if on {
			v.s.WriteSection(sv.key, "")
		} else {
			sv.edit.Commit() // what was typed stays in the undo history
			v.s.GenerateSection(sv.key)
		}
	})
	sv.restore = widget.NewButton("恢复自动生成", func() {
		sv.edit.Commit()
		v.s.GenerateSection(sv.key)
	})
	sv.text = widget.NewRichText()
	sv.text.Wrapping = fyne.TextWrapWord
	sv.edit = NewMultiLineField("", 4, func(t string) error {
		if strings.TrimSpace(t) == "" {
			return errors.New("本节不能为空；要改回自动生成，请点“恢复自动生成”")
		}
		return v.s.WriteSection(sv.key, t)
	})
	sv.gaps = container.NewVBox()
	head := container.NewBorder(nil, nil, container.NewPadded(sv.title), container.NewHBox(sv.restore, sv.check))
	box := container.NewVBox(head, look.Narrowable(sv.text, 200), sv.edit.Object(), sv.gaps)
	if p := v.in.panel(sec.Key); p != nil {
		box.Add(p)
	}
	box.Add(widget.NewSeparator())
	v.secs = append(v.secs, sv)
	return box
}

// Object is the view.
func (v *Situation) Object() fyne.CanvasObject { return v.obj }

// Commit applies what is being typed.
func (v *Situation) Commit() {
	v.wfield.Commit()
	for _, sv := range v.secs {
		sv.edit.Commit()
	}
	v.in.commit()
}

// Refresh shows the text generated anew and the inputs as stored. The text
// follows the tables, the inputs and the names: it is drawn again on every
// change.
func (v *Situation) Refresh(edit.Change) {
	d := v.s.Doc()
	if narrative.IsGenerated(d) {
		v.note.SetText("按各表数据和各节的补充信息自动生成，随表格更新。蓝色是取自表格和补充信息的数字；红色【请填写：……】处缺少补充信息。")
		v.note.Show()
		v.whole.Hide()
		v.body.Show()
	} else {
		v.note.Hide()
		v.wfield.Set(d.Text.Explanation)
		v.whole.Show()
		v.body.Hide()
	}
	byKey := map[string]narrative.Section{}
	for _, sec := range narrative.Sections(d) {
		byKey[sec.Key] = sec
	}
	for _, sv := range v.secs {
		sec, ok := byKey[sv.key]
		if !ok {
			continue
		}
		v.showSection(sv, sec)
	}
	v.in.show()
}

// heading is a section's heading as the PDF prints it (with the year).
func (v *Situation) heading(sv *sectionView, sec narrative.Section) string {
	return forms.ChineseNumber(sv.num) + "、" + narrative.PrintedHeading(v.s.Doc(), sec)
}

func (v *Situation) showSection(sv *sectionView, sec narrative.Section) {
	sv.written = sec.Written
	sv.lines = sec.Lines
	sv.quiet = true
	sv.check.SetChecked(sec.Written)
	sv.quiet = false
	if sec.Written {
		text := v.s.Doc().Text.Written[sv.key]
		sv.edit.SetMinRowsVisible(min(max(strings.Count(text, "\n")+2, 4), 16))
		sv.edit.Set(text)
		sv.text.Hide()
		sv.edit.Object().Show()
		sv.restore.Show()
	} else {
		sv.text.Segments = segments(sec.Lines)
		sv.text.Refresh()
		sv.text.Show()
		sv.edit.Object().Hide()
		sv.restore.Hide()
	}
	v.showGaps(sv, sec)
}

// showGaps lists the gaps of a section, each with the field that fills it.
func (v *Situation) showGaps(sv *sectionView, sec narrative.Section) {
	sv.gaps.Objects = nil
	for _, l := range sec.Lines {
		for _, m := range reGap.FindAllStringSubmatch(l, -1) {
			what := m[1]
			warn := widget.NewLabel("待填写：" + what)
			warn.Importance = widget.DangerImportance
			var action fyne.CanvasObject
			switch f := v.in.fieldForGap(what, l); {
			case sec.Written:
				action = Note("本节为手写：请在上面的文字中改写这一处。")
			case f != nil:
				action = widget.NewButton("填写“"+f.label+"”", func() { v.focus(f.Field) })
			case gapsWithoutField[what] != "":
				action = Note(gapsWithoutField[what])
			default:
				action = Note("请补充后再导出。")
			}
			sv.gaps.Add(container.NewHBox(warn, action))
		}
	}
	sv.gaps.Refresh()
}

// focus puts the cursor in a field and scrolls it into view.
func (v *Situation) focus(f *Field) {
	drv := fyne.CurrentApp().Driver()
	pos := drv.AbsolutePositionForObject(f).Subtract(drv.AbsolutePositionForObject(v.scroll.Content))
	v.scroll.Offset = fyne.NewPos(0, max(0, pos.Y-v.scroll.Size().Height/3))
	v.scroll.Refresh()
	if c := v.w.Canvas(); c != nil {
		c.Focus(f)
	}
}

// Section reports, for tests and the window, what a section shows: its
// lines, whether it is hand-written, and the gaps listed under it.
func (v *Situation) Section(key string) (lines []string, written bool, gaps []string) {
	for _, sv := range v.secs {
		if sv.key != key {
			continue
		}
		for _, o := range sv.gaps.Objects {
			gaps = append(gaps, o.(*fyne.Container).Objects[0].(*widget.Label).Text)
		}
		return sv.lines, sv.written, gaps
	}
	return nil, false, nil
}

var (
	reGap    = regexp.MustCompile(regexp.QuoteMeta(narrative.GapPrefix) + `([^】]*)】`)
	reMarked = regexp.MustCompile(regexp.QuoteMeta(narrative.GapPrefix) + `[^】]*】|[0-9][0-9,]*(?:\.[0-9]+)?(?:万元|元|%|个|项|张|辆|套)`)
)

// isSubheading: "（一）机关运行经费" and the like, printed without indent.
func isSubheading(l string) bool {
	return strings.HasPrefix(l, "（") && !strings.ContainsAny(l, "。；，") && len([]rune(l)) < 30
}

// segments draws a section's lines: one paragraph each, indented by two
// characters as Chinese documents are; figures in the accent colour, gaps
// in the error colour.
func segments(lines []string) []widget.RichTextSegment {
	var out []widget.RichTextSegment
	seg := func(text string, color fyne.ThemeColorName) *widget.TextSegment {
		st := widget.RichTextStyleInline
		st.ColorName = color
		return &widget.TextSegment{Text: text, Style: st}
	}
	for _, l := range lines {
		var segs []*widget.TextSegment
		// plain text goes in phrases: a piece that does not fit the rest of
		// a line moves to the next one whole, so pieces are kept short and
		// lines end after a punctuation mark
		plain := func(text string) {
			for _, p := range phrases(text) {
				segs = append(segs, seg(p, theme.ColorNameForeground))
			}
		}
		if isSubheading(l) {
			plain(l)
		} else {
			l = "　　" + l
			at := 0
			for _, m := range reMarked.FindAllStringIndex(l, -1) {
				if m[0] > at {
					plain(l[at:m[0]])
				}
				color := theme.ColorNamePrimary
				if strings.HasPrefix(l[m[0]:], narrative.GapPrefix) {
					color = theme.ColorNameError
				}
				segs = append(segs, seg(l[m[0]:m[1]], color))
				at = m[1]
			}
			if at < len(l) {
				plain(l[at:])
			}
		}
		if len(segs) == 0 {
			continue
		}
		// a comma or full stop right after a figure or a gap goes with it
		// (in its colour): alone it could begin the next line
		for i := 1; i < len(segs); i++ {
			lead := leadingClosers(segs[i].Text)
			if lead == "" {
				continue
			}
			segs[i-1].Text += lead
			segs[i].Text = segs[i].Text[len(lead):]
		}
		segs = slices.DeleteFunc(segs, func(s *widget.TextSegment) bool { return s.Text == "" })
		segs[len(segs)-1].Style.Inline = false // ends the paragraph
		for _, s := range segs {
			out = append(out, s)
		}
	}
	return out
}

// phraseRunes is the longest piece of plain text: a piece that does not fit
// the rest of a line moves to the next one whole, so short pieces keep the
// right edge even; a longer one the text view would break anywhere, even
// before a comma.
const phraseRunes = 6

// phrases cuts plain text into short pieces that end after a closing mark
// or before an opening one, and never begin with a closing mark.
func phrases(text string) []string {
	var out []string
	r := []rune(text)
	start := 0
	for i, c := range r {
		next := rune(0)
		if i+1 < len(r) {
			next = r[i+1]
		}
		switch {
		case i+1 == len(r):
		case strings.ContainsRune(linebreak.Closers, next):
			continue // the mark stays with what it closes
		case strings.ContainsRune(linebreak.Closers, c), strings.ContainsRune(linebreak.Openers, next),
			i+1-start >= phraseRunes:
		default:
			continue
		}
		out = append(out, string(r[start:i+1]))
		start = i + 1
	}
	return out
}

// leadingClosers is the run of closing marks a text begins with.
func leadingClosers(text string) string {
	for i, c := range text {
		if !strings.ContainsRune(linebreak.Closers, c) {
			return text[:i]
		}
	}
	return text
}
