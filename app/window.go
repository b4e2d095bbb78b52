// Package app is the main window of 预算公开助手: navigation, the editor of
// the selected part (app/sheet for tables, app/perfedit for the 绩效 forms,
// app/textedit for the texts), the findings panel, menus, toolbar, status
// bar and files. It knows forms; nothing knows app. It does not import the
// GL driver (fyne.io/fyne/v2/app): main does, so these packages build and
// test without cgo.
package app

import (
	"fmt"
	"path/filepath"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"yusuan/app/look"
	"yusuan/app/perfedit"
	"yusuan/app/sheet"
	"yusuan/forms"
	"yusuan/forms/check"
	"yusuan/forms/edit"
	"yusuan/forms/lock"
	"yusuan/internal/crash"
)

// view is what the middle of the window shows: a table, the forms of a
// 绩效 table, a text part.
type view interface {
	Object() fyne.CanvasObject
	Refresh(c edit.Change) // after any change: redraw what c touches
	Commit()               // push an edit in progress into the session
}

// mainUI is the state of the main window.
type mainUI struct {
	app      fyne.App
	win      fyne.Window
	s        *edit.Session
	path     string // the document file; "" for the sample or a new document
	source   string // where the document came from when it has no file yet (示例数据, a workbook)
	imported string // the workbook the document was imported from: an export never replaces it
	template string // the bureau's 表样 chosen for 填入下发表样 (read, never written)
	nav      *widget.Tree
	navData  *navModel
	content  *fyne.Container // the selected part's view
	current  string          // selected navigation node
	view     view
	findings *findingsPanel
	status   *widget.Label
	// said is what the last undo or redo did, first on the status bar
	// until the next change; undoing names it while the change is made
	said, undoing string
	counts        *canvas.Text
	banner        fyne.CanvasObject // the 示例数据 banner; nil when the document is not the sample
	body          *fyne.Container   // everything under the menu: replaced when another document opens
	stop          chan struct{}     // ends the autosave ticker
	busy          sync.WaitGroup    // files being read or written off the UI goroutine
	lock          *lock.Lock        // the document file's lock; nil when none is held
	readOnly      bool              // the file is open elsewhere: saving goes to another file
	held          int               // questions open or work running that hold the commands (see hold)
}

// NewMainWindow opens the main window on a document file (or a workbook),
// or on the embedded sample when path is "". A file that cannot be opened
// is reported in the window and left as it is.
func NewMainWindow(a fyne.App, path string) fyne.Window {
	return newWindow(a, path).win
}

func newWindow(a fyne.App, path string) *mainUI {
	look.UseChinese()
	w := a.NewWindow("预算公开助手")
	u := &mainUI{app: a, win: w}
	w.Resize(u.rememberedSize())
	sheet.SetGrouped(a.Preferences().Bool(prefGrouped))
	register(u)
	w.SetMainMenu(u.menu())
	u.addShortcuts()
	w.SetCloseIntercept(u.askClose)
	u.body = newBody()
	w.SetContent(u.body)
	if path == "" {
		d, err := forms.Sample()
		if err != nil {
			u.showError("", err)
			return u
		}
		u.setDocument(d, "", "示例数据")
	} else {
		u.openPath(path)
	}
	u.startAutosave()
	u.offerOrphanedRecovery()
	u.afterCrash()
	return u
}

// The window's size: decision 46's 1200×680 fits a 1280×720 or 1366×768
// laptop screen with its task bar (Fyne tells nothing of the screen); the
// size the clerk leaves it at is remembered for the next run.
const (
	prefWidth, prefHeight       = "windowWidth", "windowHeight"
	defaultWidth, defaultHeight = 1200, 680
)

func (u *mainUI) rememberedSize() fyne.Size {
	p := u.app.Preferences()
	w, h := p.FloatWithFallback(prefWidth, defaultWidth), p.FloatWithFallback(prefHeight, defaultHeight)
	if w < 640 || h < 400 || w > 10000 || h > 10000 {
		w, h = defaultWidth, defaultHeight // a broken preference
	}
	return fyne.NewSize(float32(w), float32(h))
}

// rememberSize keeps the window's size for the next run.
func (u *mainUI) rememberSize() {
	size := u.win.Canvas().Size()
	if size.Width >= 640 && size.Height >= 400 {
		u.app.Preferences().SetFloat(prefWidth, float64(size.Width))
		u.app.Preferences().SetFloat(prefHeight, float64(size.Height))
	}
}

// newBody is the window's content under the menu: replaced when another
// document opens.
func newBody() *fyne.Container { return container.NewStack() }

// setDocument shows a document in the window (replacing the one shown).
func (u *mainUI) setDocument(d *forms.Document, path, source string) {
	u.setSession(edit.New(d), path, source)
}

// setSession shows the document of a session made beforehand (off the UI
// goroutine, for a file that takes a moment to read and check).
func (u *mainUI) setSession(s *edit.Session, path, source string) {
	if path == "" {
		u.releaseLock() // a new, imported or carried-over document has no file yet
		u.readOnly = false
	}
	if u.s != nil && path != "" && samePath(path, u.path) && s.FileStamp().Path == "" {
		// recovered from the autosave, or a consolidation updated: the file
		// is still the one the previous session read or wrote
		s.SetFileStamp(u.s.FileStamp())
	}
	if path == "" || !samePath(path, u.path) {
		u.imported = "" // another document (an import says so after this)
	}
	u.s = s
	d := s.Doc()
	u.path, u.source = path, source
	u.s.Watch(u.changed)
	u.current, u.view = "", nil
	u.navData = newNavModel(u)
	u.nav = u.navData.tree()
	u.content = container.NewStack()
	u.findings = newFindingsPanel(u)
	u.status = widget.NewLabel("")
	u.status.Truncation = fyne.TextTruncateEllipsis // a long path must not widen the window
	u.counts = canvas.NewText("", look.Text)
	right := container.NewHSplit(u.content, u.findings.object())
	right.Offset = 0.74
	split := container.NewHSplit(u.nav, right)
	split.Offset = 0.2
	top := container.NewVBox()
	u.banner = nil
	if d.Meta.Sample {
		// beside the toolbar: a laptop's screen keeps the line for the table
		u.banner = sampleBanner(d)
		top.Add(container.NewBorder(nil, nil, u.toolbar(), nil, u.banner))
	} else {
		top.Add(u.toolbar())
	}
	bottom := container.NewBorder(nil, nil, nil, container.NewPadded(u.counts), u.status)
	u.body.Objects = []fyne.CanvasObject{container.NewBorder(top, bottom, nil, nil, split)}
	u.body.Refresh()
	u.selectNode(firstTableNode(d))
	u.refreshChrome()
	go giveBackLater() // the document shown before, and its checks, are garbage now
}

// showError fills the window with why a file could not be opened.
func (u *mainUI) showError(path string, err error) {
	u.body.Objects = []fyne.CanvasObject{errorView(path, err)}
	u.body.Refresh()
}

// changed follows every edit, undo and redo: the view shown, the findings,
// the navigation counts, the title and the status bar.
func (u *mainUI) changed(c edit.Change) {
	u.said = ""
	if u.undoing != "" {
		u.said = u.undoing + u.tablesOf(c)
		u.undoing = ""
	}
	err := crash.Guard("刷新窗口", func() {
		if u.view != nil {
			u.view.Refresh(c)
		}
		u.findings.refresh()
		u.markCells()
		u.navData.refresh()
		u.refreshChrome()
	})
	if err != nil {
		u.reportCrash(err)
	}
}

// refreshChrome updates the title, the status bar and the counts.
func (u *mainUI) refreshChrome() {
	u.win.SetTitle(u.title())
	if u.banner != nil && u.banner.Visible() != u.s.Doc().Meta.Sample {
		// the 示例数据 mark dropped on 另存为, or back with Ctrl+Z
		if u.s.Doc().Meta.Sample {
			u.banner.Show()
		} else {
			u.banner.Hide()
		}
	}
	u.status.SetText(u.statusText())
	r := u.s.Result()
	u.counts.Text = fmt.Sprintf("错误 %d　警告 %d　提示 %d", r.Count(check.Error), r.Count(check.Warning), r.Count(check.Hint))
	if explained := r.CountExplained(); explained > 0 {
		// the navigation counts the warnings still to look at
		u.counts.Text = fmt.Sprintf("错误 %d　警告 %d（%d 项已说明）　提示 %d", r.Count(check.Error), r.Count(check.Warning), explained, r.Count(check.Hint))
	}
	u.counts.Color = look.Text
	if r.Count(check.Error) > 0 {
		u.counts.Color = look.ErrorFg
	}
	u.counts.Refresh()
}

// title: file name, * when unsaved, 预算公开助手.
func (u *mainUI) title() string {
	name := u.docName()
	if u.readOnly {
		name += "（只读）"
	}
	if u.s.Dirty() {
		name += " *"
	}
	return name + " — 预算公开助手"
}

// docName is how the window names the document: its file, or where it came from.
func (u *mainUI) docName() string {
	if u.path != "" {
		return filepath.Base(u.path)
	}
	if u.source != "" {
		return u.source
	}
	return "未命名"
}

// tablesOf names the table a change was made in: “（一般公共预算支出表）”.
func (u *mainUI) tablesOf(c edit.Change) string {
	if len(c.Tables) != 1 {
		return ""
	}
	d := u.s.Doc()
	if t := d.Table(c.Tables[0]); t != nil {
		return "（" + d.ShortTitle(t) + "）"
	}
	return ""
}

func (u *mainUI) statusText() string {
	d := u.s.Doc()
	saved := "已保存"
	if u.s.Dirty() {
		saved = "未保存"
	}
	if u.path == "" {
		saved = "尚未保存为文件"
	}
	if u.readOnly {
		saved = "只读（文件在别处打开；保存请用“另存为”）"
	}
	parts := []string{saved, fmt.Sprintf("%s %d年%s预算", d.Meta.Name, d.Meta.Year, d.LevelWord()), "模板：" + d.Template.Name}
	if u.said != "" {
		parts = append([]string{u.said}, parts...)
	}
	if t := d.Table(tableOfNode(u.current)); t != nil && (t.IsGrid() || t.IsPrinted()) {
		parts = append(parts, "本表单位："+string(t.Unit))
	}
	if u.path != "" {
		parts = append(parts, u.path)
	}
	text := ""
	for i, p := range parts {
		if i > 0 {
			text += "　｜　"
		}
		text += p
	}
	return text
}

// sampleBanner tells the clerk this is sample data and how it was made.
func sampleBanner(d *forms.Document) fyne.CanvasObject {
	tag := canvas.NewText("示例数据", look.GivenFg)
	tag.TextSize = theme.TextSubHeadingSize()
	text := look.Wrapped(d.Meta.Remark)
	short := widget.NewLabel("本文档是示例，不是哪个单位的真实预算。")
	text.Wrapping = fyne.TextWrapBreak // a run of Chinese is one “word” to word wrapping
	text.Hide()                        // two lines of a small screen: open on request
	// the remark takes two lines of a small screen: it folds to one
	var toggle *widget.Button
	toggle = widget.NewButton("展开说明", func() {
		if text.Visible() {
			text.Hide()
			short.Show()
			toggle.SetText("展开说明")
		} else {
			short.Hide()
			text.Show()
			toggle.SetText("收起")
		}
	})
	toggle.Importance = widget.LowImportance
	bg := canvas.NewRectangle(look.Banner)
	return container.NewStack(bg, container.NewBorder(nil, nil, container.NewPadded(tag), container.NewCenter(toggle), container.NewStack(text, short)))
}

// selectNode shows the view of a navigation node.
func (u *mainUI) selectNode(id string) {
	if id == "" || id == u.current {
		return
	}
	if u.view != nil {
		u.view.Commit()
	}
	u.current = id
	u.view = u.viewFor(id)
	var obj fyne.CanvasObject = partView(id)
	if u.view != nil {
		obj = u.view.Object()
		switch u.view.(type) {
		case *sheet.Sheet:
			// the grid scrolls: the navigation keeps its width on a
			// laptop's screen, the lines above the grid may be cut
			obj = look.Narrowable(obj, 560)
		case *perfedit.Editor: // needs its width (its list of forms gives some up)
		default:
			obj = look.Narrowable(obj, 420)
		}
	}
	u.content.Objects = []fyne.CanvasObject{obj}
	u.content.Refresh()
	if u.nav != nil {
		u.nav.Select(id)
	}
	u.markCells()
	u.status.SetText(u.statusText())
}

// commit pushes an edit in progress into the session (before save, export,
// undo).
func (u *mainUI) commit() {
	if u.view != nil {
		u.view.Commit()
	}
}

func errorView(path string, err error) fyne.CanvasObject {
	head := widget.NewLabelWithStyle("无法打开文档", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	msg := look.Wrapped(err.Error())
	hint := look.Wrapped(fmt.Sprintf("文件“%s”没有被改动。请检查文件，或在命令行用 yusuan show 查看详细信息；也可以用“文件”菜单打开其他文档。", path))
	return container.NewPadded(container.NewVBox(head, msg, hint))
}
