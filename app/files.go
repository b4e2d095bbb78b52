package app

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"yusuan/app/look"
	"yusuan/export/docin"
	"yusuan/export/into"
	"yusuan/export/pdf"
	"yusuan/export/xlsx"
	"yusuan/forms"
	"yusuan/forms/check"
	"yusuan/forms/edit"
	"yusuan/forms/lock"
	"yusuan/forms/narrative"
)

// Files: open, save, new, recent files, autosave and recovery, export.

const (
	prefRecent = "recentFiles"
	maxRecent  = 8
	// AutosaveEvery is how often unsaved work goes to the recovery file.
	AutosaveEvery = time.Minute
)

// openPath opens a document file, or reads a workbook or a published PDF,
// into the window, offering an autosave newer than the file.
func (u *mainUI) openPath(path string) {
	title := "正在打开…"
	if docin.IsPDF(path) {
		title = "正在读取 PDF…"
	}
	done := u.progress(title, path)
	var o loaded
	u.inBackground("打开文件", func() error { o = load(path); return nil }, func(err error) {
		done()
		if err != nil {
			o = loaded{err: err}
		}
		u.showOpened(path, o)
	})
}

// loaded is what reading a file gave: a session on the document (checked
// whole, which takes a moment on a large one), or why not.
type loaded struct {
	s        *edit.Session
	imported *docin.Report // a workbook or a PDF was read: what it gave
	err      error
}

// load reads a document file, a workbook or a published PDF (told apart
// by content); it touches no UI, so it runs off the UI goroutine.
func load(path string) loaded {
	if xlsx.IsWorkbook(path) || docin.IsPDF(path) {
		d, rep, err := docin.Read(path, docin.Options{})
		if err != nil {
			return loaded{err: withProblems(err, rep)}
		}
		return loaded{s: edit.New(d), imported: rep}
	}
	s, err := edit.Open(path) // remembers the file's stamp, for saving
	if err != nil {
		return loaded{err: err}
	}
	return loaded{s: s}
}

// showOpened shows what load gave.
func (u *mainUI) showOpened(path string, o loaded) {
	if o.err != nil {
		u.failOpen(path, o.err)
		return
	}
	if o.imported != nil {
		source := "导入自 "
		if docin.IsPDF(path) {
			source = "读自 "
		}
		u.setSession(o.s, "", source+filepath.Base(path))
		u.imported = path
		u.s.MarkUnsaved()
		u.refreshChrome()
		u.showReadReport(path, o.imported)
		return
	}
	if samePath(path, u.path) {
		u.releaseLock() // the same file opened again
	}
	l, err := lock.Acquire(path)
	var held *lock.HeldError
	if errors.As(err, &held) {
		u.askReadOnly(path, o, held)
		return
	}
	if err != nil {
		u.failOpen(path, err)
		return
	}
	u.showDocument(o.s, path, l, false)
}

// askReadOnly: the file is open elsewhere (another window, another
// computer): say by whom and since when, and offer to open it read-only.
func (u *mainUI) askReadOnly(path string, o loaded, held *lock.HeldError) {
	text := fmt.Sprintf("“%s”正在被使用：%s打开。\n两处同时修改会互相覆盖。可以只读方式打开查看；要保存修改，请“另存为”新文件。",
		filepath.Base(path), held.Owner.Describe())
	// on this computer, by another program: after a power cut Windows may
	// give the dead program's number to a new one, and the lock looks held
	local := held.Owner.OnThisComputer() && held.Owner.PID != os.Getpid()
	if local {
		text += "\n如果确定本机没有别的窗口在用它（例如上次断电或程序异常退出），可以“强制打开”。"
	}
	choices := []choice{
		{label: "取消", do: func() {
			if u.s == nil {
				u.showError(path, held)
			}
		}},
		{label: "以只读方式打开", do: func() { u.showDocument(o.s, path, nil, true) }},
	}
	if local {
		choices = append(choices, choice{label: "强制打开", do: func() {
			l, err := lock.Force(path)
			if err != nil {
				u.failOpen(path, err)
				return
			}
			u.showDocument(o.s, path, l, false)
		}})
	}
	u.ask("文件正在使用", text, fyne.NewSize(600, 280), choices...)
}

// showDocument shows a document file read into a session; l is its lock
// (nil when opened read-only). An autosave newer than the file is offered.
func (u *mainUI) showDocument(s *edit.Session, path string, l *lock.Lock, readOnly bool) {
	u.releaseLock()
	u.lock, u.readOnly = l, readOnly
	u.setSession(s, path, "")
	u.addRecent(path)
	if readOnly {
		return // the autosave is the other window's to offer
	}
	if rec, ok := edit.Recovery(path); ok {
		u.askRecovery(fmt.Sprintf("“%s”有一份自动保存的内容，比文件本身新（可能上次没有保存就关闭了程序）。\n要恢复自动保存的内容吗？恢复后请检查并保存。", filepath.Base(path)),
			func() { u.recoverFrom(path, rec) }, func() { edit.DropRecovery(path) })
	}
}

// askRecovery asks whether to recover autosaved work. Until it is
// answered, the window's commands wait: Ctrl+S would otherwise save the
// file as it was and drop the very autosave being offered.
func (u *mainUI) askRecovery(question string, recover, drop func()) {
	release := u.hold()
	d := dialog.NewCustomConfirm("发现未保存的工作", "恢复", "不恢复", look.Wrapped(question), func(yes bool) {
		release()
		if yes {
			recover()
		} else {
			drop()
		}
	}, u.win)
	d.Resize(fyne.NewSize(560, 240))
	d.Show()
}

// choice is one answer to a question asked with ask.
type choice struct {
	label  string
	do     func()
	danger bool // an answer that can lose work, drawn in red
}

// ask shows a question whose every answer closes it; until it is
// answered, the window's commands wait (hold). Esc answers 取消, when that
// is one of the answers.
func (u *mainUI) ask(title, text string, size fyne.Size, choices ...choice) {
	release := u.hold()
	var d dialog.Dialog
	answered := false
	var cancel func()
	buttons := container.NewHBox()
	for _, c := range choices {
		b := widget.NewButton(c.label, func() {
			answered = true
			d.Hide()
			release()
			c.do()
		})
		if c.danger {
			b.Importance = widget.DangerImportance
		}
		if c.label == "取消" {
			cancel = c.do
		}
		buttons.Add(b)
	}
	d = dialog.NewCustomWithoutButtons(title, container.NewVBox(look.Wrapped(text), container.NewCenter(buttons)), u.win)
	d.Resize(size)
	if cancel == nil {
		d.Show()
		return
	}
	d.SetOnClosed(func() {
		if !answered { // closed by Esc
			answered = true
			release()
			cancel()
		}
	})
	look.ShowDialog(d, u.win)
}

// progress shows a modal line with an endless bar while long work runs,
// holding the window's commands; the returned function ends it.
func (u *mainUI) progress(title, detail string) (done func()) {
	release := u.hold()
	bar := widget.NewProgressBarInfinite()
	d := dialog.NewCustomWithoutButtons(title, container.NewVBox(look.Wrapped(detail), bar), u.win)
	d.Resize(fyne.NewSize(460, d.MinSize().Height+look.Wrapped(detail).MinSize().Height))
	d.Show()
	// the bar's animation outlives a hidden dialog: without Stop the window
	// is redrawn sixty times a second for as long as it stays open
	return func() { bar.Stop(); d.Hide(); release() }
}

// recoverFrom shows the autosaved content of a document file, unsaved.
func (u *mainUI) recoverFrom(path, rec string) {
	rd, err := forms.Open(rec)
	if err != nil {
		look.ShowError(fmt.Errorf("自动保存的内容无法读取：%v", err), u.win)
		return
	}
	u.setDocument(rd, path, "")
	u.s.MarkUnsaved()
	u.refreshChrome()
}

// failOpen reports a file that could not be opened: in the window when
// nothing is shown yet, else in a dialog over the document shown.
func (u *mainUI) failOpen(path string, err error) {
	if u.s == nil {
		u.showError(path, err)
		return
	}
	look.ShowError(err, u.win)
}

// whenSaved runs next once the current document is saved or the clerk
// chose to drop its changes (before opening another one, closing).
func (u *mainUI) whenSaved(next func()) {
	if u.s == nil || !u.s.Dirty() {
		next()
		return
	}
	u.commit()
	if !u.s.Dirty() {
		next()
		return
	}
	var d dialog.Dialog
	answer := func(f func()) func() {
		return func() { d.Hide(); f() }
	}
	save := widget.NewButton("保存", answer(func() { u.save(next) }))
	save.Importance = widget.HighImportance
	buttons := container.NewHBox(
		widget.NewButton("取消", answer(func() {})), // chosen by mistake: nothing happens
		widget.NewButton("不保存", answer(func() {
			if !u.readOnly {
				os.Remove(u.recoveryPath()) // the clerk chose to drop this work
			}
			next()
		})),
		save,
	)
	d = dialog.NewCustomWithoutButtons("文档未保存", container.NewVBox(
		look.Wrapped(fmt.Sprintf("“%s”有未保存的修改。要先保存吗？", u.docName())),
		container.NewCenter(buttons)), u.win)
	d.Resize(fyne.NewSize(480, 200))
	look.ShowDialog(d, u.win)
}

// askClose: closing with unsaved changes asks.
func (u *mainUI) askClose() {
	u.whenSaved(func() {
		if u.stop != nil {
			close(u.stop)
			u.stop = nil
		}
		u.releaseLock()
		u.rememberSize()
		u.win.Close()
	})
}

func (u *mainUI) askOpen() {
	u.whenSaved(func() { u.pickFile("打开文档", openExts, nil, u.openPath) })
}

// openExts are the files 打开 and 从上年结转 offer: documents, workbooks and
// published PDFs (the file's content decides how it is read).
var openExts = []string{forms.FileExt, ".xlsx", ".pdf"}

// save writes the document to its file, or asks for one; then runs next.
func (u *mainUI) save(next func()) {
	if u.s == nil {
		return
	}
	u.commit()
	if u.path == "" || u.readOnly {
		u.saveAs(next)
		return
	}
	// a file that cannot be examined is left to the save, which says why
	if out, err := u.s.ChangedOnDisk(u.path); err == nil && out != nil {
		u.askOverwrite(out, next)
		return
	}
	u.write(next)
}

// write saves the document over its file; then runs next.
func (u *mainUI) write(next func()) {
	if err := u.s.Save(u.path); err != nil {
		look.ShowError(err, u.win)
		return
	}
	u.addRecent(u.path)
	u.refreshChrome()
	if next != nil {
		next()
	}
}

// askOverwrite: the file changed on disk since this window opened or
// saved it (another program, the command line, a copy elsewhere). Saving
// over it without a word would lose that work (decision 33).
func (u *mainUI) askOverwrite(out *edit.Outside, next func()) {
	const stamp = "2006-01-02 15:04:05"
	name := filepath.Base(out.Path)
	seen := "本窗口打开它："
	if out.Seen.Saved {
		seen = "本窗口上次保存它："
	}
	seen += out.Seen.Taken.Format(stamp)
	var text string
	if out.Gone {
		text = fmt.Sprintf("“%s”已被别的程序删除或移走。\n%s\n\n覆盖：在原处重新保存窗口中的内容。\n另存为：把窗口中的内容保存为另一个文件。\n取消：不保存。",
			name, seen)
	} else {
		text = fmt.Sprintf("“%s”已被别的程序修改。\n%s\n别的程序修改它：%s\n\n覆盖：用窗口中的内容替换它，别的程序所做的修改会丢失（替换前的文件留作 %s）。\n另存为：把窗口中的内容保存为另一个文件，原文件保持不变。\n取消：不保存，可以先查看原文件。",
			name, seen, out.ModTime.Format(stamp), name+forms.BackupExt)
	}
	u.ask("文件在本窗口之外被改动", text, fyne.NewSize(640, 300),
		choice{label: "取消", do: func() {}},
		choice{label: "另存为…", do: func() { u.saveAs(next) }},
		choice{label: "覆盖", do: func() { u.write(next) }, danger: true})
}

// saveAs asks for a file name and saves there.
func (u *mainUI) saveAs(next func()) {
	if u.s == nil {
		return
	}
	u.commit()
	d := u.s.Doc()
	name := fmt.Sprintf("%s%d年%s预算%s", d.Meta.Name, d.Meta.Year, d.LevelWord(), forms.FileExt)
	folder := u.saveFolder()
	switch {
	case u.path != "":
		name = filepath.Base(u.path)
	case u.imported != "":
		// a read PDF or workbook: its name, beside it
		name = strings.TrimSuffix(filepath.Base(u.imported), filepath.Ext(u.imported)) + forms.FileExt
		folder = filepath.Dir(u.imported)
	}
	save := func() {
		u.askSavePathIn(folder, "另存为", name, forms.FileExt, nil, func(path string) { u.saveTo(path, next) })
	}
	if !d.Meta.Sample {
		save()
		return
	}
	// decision 46: the sample saved under a real name may become a real
	// document; while the mark stays, the exports say 示例数据
	u.ask("另存为", "这是示例数据。另存为自己的文档时，要去掉“示例数据”标记吗？去掉后窗口和导出的文件都不再标明示例；保留则导出的文件仍标明“示例数据”。",
		fyne.NewSize(520, 0),
		choice{label: "去掉标记", do: func() {
			// the mark goes with the save: a cancelled save leaves the sample
			u.askSavePathIn(folder, "另存为", name, forms.FileExt, nil, func(path string) {
				m := d.Meta
				m.Sample = false
				if err := u.s.SetMeta(m); err != nil {
					look.ShowError(err, u.win)
					return
				}
				u.saveTo(path, next)
			})
		}},
		choice{label: "保留标记", do: save},
		choice{label: "取消", do: func() {}})
}

// saveTo saves the document under a new name: it takes the new file's
// lock first (a file open elsewhere is left alone), then writes.
func (u *mainUI) saveTo(path string, next func()) {
	var l *lock.Lock
	if !samePath(path, u.path) || u.readOnly {
		var err error
		if l, err = lock.Acquire(path); err != nil {
			look.ShowError(err, u.win)
			return
		}
	}
	if err := u.s.Save(path); err != nil {
		l.Release()
		look.ShowError(err, u.win)
		return
	}
	if u.path == "" || u.readOnly {
		os.Remove(u.recoveryPath()) // the untitled autosave: the work now has its file
	}
	if l != nil {
		u.releaseLock()
		u.lock, u.readOnly = l, false
	}
	u.path, u.source = path, ""
	u.addRecent(path)
	u.refreshChrome()
	if next != nil {
		next()
	}
}

// Recent files, kept in the preferences.

func (u *mainUI) recent() []string {
	return u.app.Preferences().StringList(prefRecent)
}

func (u *mainUI) addRecent(path string) {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	list := []string{path}
	for _, p := range u.recent() {
		if p != path && len(list) < maxRecent {
			list = append(list, p)
		}
	}
	u.app.Preferences().SetStringList(prefRecent, list)
	if m := u.win.MainMenu(); m != nil {
		m.Items[0].Items[2] = u.recentMenu()
		m.Refresh()
	}
}

func (u *mainUI) recentMenu() *fyne.MenuItem {
	item := fyne.NewMenuItem("最近打开", nil)
	var items []*fyne.MenuItem
	for _, p := range u.recent() {
		path := p
		items = append(items, fyne.NewMenuItem(path, func() { u.whenSaved(func() { u.openPath(path) }) }))
	}
	if len(items) == 0 {
		none := fyne.NewMenuItem("（无）", nil)
		none.Disabled = true
		items = append(items, none)
	}
	item.ChildMenu = fyne.NewMenu("", items...)
	return item
}

// New documents: a template, a unit and a year; or next year from a file.

func (u *mainUI) askNew() {
	u.whenSaved(u.showNewDialog)
}

func (u *mainUI) showNewDialog() {
	tmpls, err := forms.Templates()
	if err != nil {
		look.ShowError(err, u.win)
		return
	}
	var names []string
	for _, t := range tmpls {
		names = append(names, t.Name)
	}
	tmpl := widget.NewSelect(names, nil)
	tmpl.SetSelectedIndex(0)
	name := look.NewEntry()
	name.SetPlaceHolder("例如：某某市财政局")
	code := look.NewEntry()
	year := look.NewEntry()
	year.SetText(strconv.Itoa(time.Now().Year() + 1))
	level := widget.NewRadioGroup([]string{string(forms.LevelDept), string(forms.LevelUnit)}, nil)
	level.Horizontal = true
	level.SetSelected(string(forms.LevelDept))
	form := widget.NewForm(
		widget.NewFormItem("模板", tmpl),
		widget.NewFormItem("单位名称", name),
		widget.NewFormItem("单位代码", code),
		widget.NewFormItem("预算年度", year),
		widget.NewFormItem("级次", level),
	)
	var dlg dialog.Dialog
	fromLast := widget.NewButton("从上年文件结转…", func() {
		dlg.Hide()
		u.askCarryOver()
	})
	hint := look.Wrapped("从上年文件结转：上年的文档、工作簿或公开的 PDF 都可以。沿用单位、模板（读自 PDF 的沿用其表格目录）、部门概况、名词解释、科目行和各类用途，并把上年的收支总预算、“三公”经费、机关运行经费作为本年情况说明的上年数；表格数字从空白开始。")
	hint.Importance = widget.LowImportance
	content := container.NewVBox(form, widget.NewSeparator(), fromLast, hint)
	dlg = dialog.NewCustomConfirm("新建文档", "新建", "取消", content, func(ok bool) {
		if !ok {
			return
		}
		y, err := strconv.Atoi(strings.TrimSpace(year.Text))
		if err != nil {
			look.ShowError(fmt.Errorf("预算年度“%s”不是年份", year.Text), u.win)
			return
		}
		if strings.TrimSpace(name.Text) == "" {
			look.ShowError(errors.New("请填写单位名称"), u.win)
			return
		}
		for _, f := range []struct{ label, v string }{{"单位名称", name.Text}, {"单位代码", code.Text}} {
			if err := edit.CheckName(f.label, strings.TrimSpace(f.v)); err != nil {
				look.ShowError(err, u.win) // such a document could not be saved
				return
			}
		}
		d, err := forms.NewDocument(forms.Meta{Name: strings.TrimSpace(name.Text), Code: strings.TrimSpace(code.Text), Year: y,
			Level: forms.Level(level.Selected), Template: tmpls[tmpl.SelectedIndex()].ID})
		if err != nil {
			look.ShowError(err, u.win)
			return
		}
		u.setDocument(d, "", "新文档")
		u.s.MarkUnsaved()
		u.refreshChrome()
	}, u.win)
	dlg.Resize(fyne.NewSize(560, 420))
	look.ShowDialog(dlg, u.win)
}

// askCarryOver starts next year's document from this year's: a document
// file, a workbook, or the published PDF (read off the UI goroutine).
func (u *mainUI) askCarryOver() {
	u.pickFile("选择上年的文件", openExts, nil, u.carryOverFrom)
}

// carried is what carrying a file over gave.
type carried struct {
	s     *edit.Session
	notes []string // what the clerk should know about the new document
	err   error
}

func (u *mainUI) carryOverFrom(path string) {
	done := u.progress("正在从上年文件结转…", path)
	var c carried
	u.inBackground("从上年结转", func() error { c = carryOver(path); return c.err }, func(err error) {
		done()
		if err != nil {
			look.ShowError(err, u.win)
			return
		}
		u.setSession(c.s, "", fmt.Sprintf("结转自 %s", filepath.Base(path)))
		u.s.MarkUnsaved()
		u.refreshChrome()
		d := dialog.NewCustom("从上年结转", "关闭", container.NewVScroll(look.Wrapped(strings.Join(c.notes, "\n"))), u.win)
		d.Resize(fyne.NewSize(720, 420))
		look.ShowDialog(d, u.win)
	})
}

// carryOver reads last year's file and starts next year's document from
// it; it touches no UI.
func carryOver(path string) carried {
	last, rep, err := docin.Read(path, docin.Options{})
	if err != nil {
		return carried{err: withProblems(err, rep)}
	}
	d, notes, err := forms.CarryOverNotes(last)
	if err != nil {
		return carried{err: err}
	}
	return carried{s: edit.New(d), notes: append(carryOverSummary(last, d), append(notes, readNote(rep)...)...)}
}

// carryOverSummary says what went over to the new document.
func carryOverSummary(last, d *forms.Document) []string {
	out := []string{fmt.Sprintf("已从%s %d年的文件新建 %d年的文档（尚未保存为文件）：表格 %d 张，数字从空白开始。", last.Meta.Name, last.Meta.Year, d.Meta.Year, len(d.Tables))}
	var texts []string
	for _, p := range []struct{ name, text string }{{"主要职能", d.Text.Functions}, {"机构设置", d.Text.Organization}} {
		if strings.TrimSpace(p.text) != "" {
			texts = append(texts, p.name)
		}
	}
	if len(d.Text.Glossary) > 0 {
		texts = append(texts, fmt.Sprintf("名词解释 %d 条", len(d.Text.Glossary)))
	}
	if len(texts) > 0 {
		out = append(out, "沿用的文字："+strings.Join(texts, "、")+"。")
	}
	in := d.Inputs
	var prev []string
	if v := in.PrevTotal; v != nil {
		prev = append(prev, "上年收支总预算 "+v.String()+"万元")
	}
	if s := in.PrevSangong; s != nil {
		prev = append(prev, fmt.Sprintf("上年“三公”经费 %s万元（因公出国（境）费 %s，公务用车购置费 %s，公务用车运行费 %s，公务接待费 %s）",
			s.Total(), s.Abroad, s.CarBuy, s.CarRun, s.Reception))
	}
	if v := in.PrevOperating; v != nil {
		prev = append(prev, "上年机关运行经费 "+v.String()+"万元")
	}
	if len(prev) > 0 {
		out = append(out, "作为情况说明的上年数："+strings.Join(prev, "；")+"。请在“第三部分 情况说明”中核对。")
	} else {
		out = append(out, "上年文件中没有读到收支总表、“三公”经费表或机关运行经费，上年数请在“第三部分 情况说明”中填写。")
	}
	return out
}

// readNote: what reading last year's workbook or PDF could not use.
func readNote(rep *docin.Report) []string {
	if rep == nil || len(rep.Problems) == 0 {
		return nil
	}
	return []string{fmt.Sprintf("读取上年文件时有 %d 处未能读取（打开上年文件可查看详情），上年数请核对。", len(rep.Problems))}
}

// Autosave: every minute, unsaved work goes to a recovery file beside the
// document (or, for a document without a file, in the program's storage).

func (u *mainUI) startAutosave() {
	u.stop = make(chan struct{})
	stop := u.stop
	go func() {
		t := time.NewTicker(AutosaveEvery)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				fyne.Do(u.autosave)
			}
		}
	}()
}

// autosave writes the recovery file now (on the UI goroutine: the document
// is only touched there).
func (u *mainUI) autosave() {
	if u.s == nil {
		return
	}
	u.commit()
	if _, err := u.s.Autosave(u.recoveryPath()); err != nil {
		u.status.SetText("自动保存失败：" + err.Error())
	}
}

func (u *mainUI) recoveryPath() string {
	if u.path != "" && !u.readOnly {
		return edit.RecoveryPath(u.path)
	}
	return edit.ProgramRecoveryPath(recoveryDir(u.app), u.path)
}

func recoveryDir(a fyne.App) string {
	dir := filepath.Join(a.Storage().RootURI().Path(), "recovery")
	os.MkdirAll(dir, 0o755)
	return dir
}

// offerOrphanedRecovery: work on a document never saved to a file (or
// opened read-only) was autosaved to the program's folder; at the next
// start it is offered, one autosave after another.
func (u *mainUI) offerOrphanedRecovery() {
	crashed, _ := strconv.Atoi(os.Getenv(CrashedPIDEnv))
	left := edit.LeftBehind(recoveryDir(u.app), crashed)
	if len(left) == 0 {
		return
	}
	rec := left[0].Path
	what := "一份从未保存为文件的文档"
	if left[0].Doc != "" {
		what = "以只读方式打开的“" + left[0].Doc + "”上的修改"
	}
	u.askRecovery(fmt.Sprintf("上次有%s没有保存，自动保存于 %s。\n要恢复它吗？恢复后请“另存为”文件。不恢复则删除这份自动保存。", what, left[0].Saved.Format("2006-01-02 15:04")),
		func() {
			rd, err := forms.Open(rec)
			if err != nil {
				look.ShowError(fmt.Errorf("自动保存的内容无法读取：%v", err), u.win)
				return
			}
			u.setDocument(rd, "", "恢复的未保存文档")
			u.s.MarkUnsaved()
			u.refreshChrome()
			os.Rename(rec, u.recoveryPath()) // now this window's autosave, until it is saved
		}, func() {
			os.Remove(rec)
			u.offerOrphanedRecovery()
		})
}

// releaseLock gives up the lock of the document shown.
func (u *mainUI) releaseLock() {
	u.lock.Release()
	u.lock = nil
}

// Export: the workbook and the PDF, off the UI goroutine, with progress.

type exportKind int

const (
	exportXLSX exportKind = iota
	exportPDF
	exportInto // the bureau's 表样, filled (u.template)
)

func (u *mainUI) askExport(kind exportKind) {
	if u.s == nil {
		return
	}
	u.commit()
	if kind == exportInto {
		u.template = "" // each 填入下发表样 asks for its 表样
	}
	go1 := func() { u.chooseExportFile(kind) }
	var said []string
	if n := u.s.Result().Count(check.Error); n > 0 {
		said = append(said, fmt.Sprintf("审核发现 %d 项错误（见右侧审核结果）。", n))
	}
	// 【请填写：…】 would be printed as they are in the public text
	if gaps := narrative.Gaps(u.s.Doc()); len(gaps) > 0 {
		said = append(said, narrative.DescribeGaps(gaps)+"；导出的文件会照样印出这些【请填写】。")
	}
	if len(said) > 0 {
		title := "文档有错误"
		if u.s.Result().Count(check.Error) == 0 {
			title = "情况说明未填完"
		}
		ask := dialog.NewCustomConfirm(title, "仍然导出", "取消",
			look.Wrapped(strings.Join(said, "\n")+"\n仍要导出吗？"),
			func(yes bool) {
				if yes {
					go1()
				}
			}, u.win)
		ask.Resize(fyne.NewSize(480, 0)) // a sentence a line, not a word
		look.ShowDialog(ask, u.win)
		return
	}
	go1()
}

func (u *mainUI) chooseExportFile(kind exportKind) {
	d := u.s.Doc()
	// (a space between 导出 and a Latin word, as the menu has it)
	ext, what := ".xlsx", " Excel 工作簿"
	if kind == exportPDF {
		ext, what = ".pdf", " PDF 公开文本"
	}
	name := fmt.Sprintf("%s%d年%s预算%s", d.Meta.Name, d.Meta.Year, d.LevelWord(), ext)
	if kind == exportInto && u.template == "" {
		// first the 表样 the bureau sent, then where the filled copy goes
		u.pickFile("选择财政局下发的表样", []string{".xlsx"}, nil, func(tmpl string) {
			u.template = tmpl
			u.chooseExportFile(kind)
		})
		return
	}
	if kind == exportInto {
		what = "填好的表样"
		name = fmt.Sprintf("%s%d年%s预算（%s）%s", d.Meta.Name, d.Meta.Year, d.LevelWord(), strings.TrimSuffix(filepath.Base(u.template), ext), ext)
	}
	check := func(path string) error { return u.mayExport(kind, path) }
	u.askSavePath("导出"+what, name, ext, check, func(path string) { u.export(kind, path, what) })
}

// mayExport says whether an export may write path, as the command line's
// export does (decisions 32, 44): never over the document's own file or
// the workbook it was imported from, another document, or a file that is
// not a previous export of that format.
func (u *mainUI) mayExport(kind exportKind, path string) error {
	format := forms.FormatXLSX
	if kind == exportPDF {
		format = forms.FormatPDF
	}
	var inputs []string
	for _, in := range []string{u.path, u.imported, u.template} { // the 表样 is read, never written
		if in != "" {
			inputs = append(inputs, in)
		}
	}
	return forms.CheckExports([]forms.Export{{Format: format, Path: path}}, inputs)
}

// export writes the file on another goroutine; a modal progress dialog
// keeps the document unchanged meanwhile. The path is checked again here,
// just before writing: the file may have changed while the clerk answered.
func (u *mainUI) export(kind exportKind, path, what string) {
	if err := u.mayExport(kind, path); err != nil {
		look.ShowError(err, u.win)
		return
	}
	done := u.progress("正在导出"+what+"…", path)
	d := u.s.Doc()
	msg, tmpl := "", u.template
	u.template = "" // the next 填入下发表样 asks again
	u.inBackground("导出"+what, func() (err error) {
		msg, err = exportFile(kind, d, path, tmpl)
		giveBackLater() // an export's buffers are large and done with: give them back
		return err
	}, func(err error) {
		done()
		if err != nil {
			look.ShowError(err, u.win)
			return
		}
		u.exported(msg, path)
	})
}

// exported says what was written, with the file and its folder a click away.
func (u *mainUI) exported(msg, path string) {
	var d dialog.Dialog
	ok := newDefaultButton("确定", func() { d.Hide() })
	open := func(target string) func() {
		return func() {
			d.Hide()
			if err := openInSystem(target); err != nil {
				look.ShowError(fmt.Errorf("无法打开“%s”：%s", target, forms.DescribeOSError(err)), u.win)
			}
		}
	}
	buttons := container.NewHBox(layout.NewSpacer(),
		widget.NewButton("打开文件", open(path)),
		widget.NewButton("打开所在文件夹", open(filepath.Dir(path))),
		ok,
		layout.NewSpacer())
	var body fyne.CanvasObject = look.Wrapped(msg)
	width := float32(520)
	if strings.Count(msg, "\n") > 8 {
		// a long report (a filled 表样's) scrolls inside the window
		scroll := container.NewVScroll(body)
		scroll.SetMinSize(fyne.NewSize(640, 380))
		body, width = scroll, 680
	}
	d = dialog.NewCustomWithoutButtons("导出完成", container.NewBorder(nil, buttons, nil, nil, body), u.win)
	d.Resize(fyne.NewSize(width, 0))
	look.ShowDialog(d, u.win)
	u.win.Canvas().Focus(ok) // Enter closes it, as a message box's 确定
}

// defaultButton is a dialog's default answer: it has the focus, and Enter
// (or Space) presses it.
type defaultButton struct{ widget.Button }

func newDefaultButton(text string, tapped func()) *defaultButton {
	b := &defaultButton{}
	b.Text, b.OnTapped, b.Importance = text, tapped, widget.HighImportance
	b.ExtendBaseWidget(b)
	return b
}

func (b *defaultButton) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		b.Tapped(nil)
	case fyne.KeyEscape:
		if c := fyne.CurrentApp().Driver().CanvasForObject(b); c != nil {
			look.EscapeDialog(c)
		}
	default:
		b.Button.TypedKey(ev)
	}
}

// exportFile writes the workbook, the PDF or the filled 表样 (tmpl) and
// says what it wrote.
func exportFile(kind exportKind, d *forms.Document, path, tmpl string) (msg string, err error) {
	switch kind {
	case exportInto:
		var rep *into.Report
		if rep, err = into.Export(d, tmpl, path); err == nil {
			msg = describeInto(rep, tmpl, path)
		}
	case exportXLSX:
		err = xlsx.Export(d, path)
		msg = fmt.Sprintf("已导出工作簿：%s", path)
	case exportPDF:
		var res *pdf.Result
		res, err = pdf.Export(d, path)
		if err == nil {
			msg = fmt.Sprintf("已导出 PDF：%s（%d 页）", path, res.Pages)
			for _, w := range res.Warnings {
				msg += "\n" + w
			}
		}
	}
	return msg, err
}

func (u *mainUI) about() {
	look.ShowInformation("关于预算公开助手",
		"预算公开助手：编制部门预算公开材料，审核勾稽关系，生成情况说明，导出 Excel 工作簿和 PDF 公开文本。\n全程离线，不联网。", u.win)
}

// showFileDialog shows a file dialog at a size fit for long Chinese file
// names. Fyne sizes a file dialog only once it is shown (resizing it before
// Show panics in Fyne 2.8).
func showFileDialog(d *dialog.FileDialog, w fyne.Window) {
	// a list at first (the clerk's own choice of view is kept by Fyne): the
	// grid cuts long Chinese names and drops the extension, so a workbook and
	// a PDF of one document look the same
	d.SetView(dialog.ListView)
	look.ShowDialog(d, w)
	d.Resize(fyne.NewSize(900, 600))
}
