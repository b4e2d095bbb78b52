package app

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"yusuan/app/look"
	"yusuan/export/xlsx"
	"yusuan/forms"
	"yusuan/forms/check"
	"yusuan/forms/edit"
	"yusuan/forms/merge"
)

// 汇总 (文件 → 汇总所属单位…): the clerk lists the 本级's and the units'
// files (documents or workbooks), picks the 本级, and the 部门's document is
// built off the UI goroutine and opened unsaved, with the differences
// between the units (and, on a consolidation open in the window, what
// changed) in a dialog.

// unitPicker is the dialog's list of files.
type unitPicker struct {
	u        *mainUI
	files    []string
	selected int
	list     *widget.List
	self     *widget.Select
	update   *widget.Check // on the consolidation open in the window
	dir      fyne.ListableURI
}

func (u *mainUI) askConsolidate() {
	u.whenSaved(u.showConsolidateDialog)
}

func (u *mainUI) showConsolidateDialog() {
	p := &unitPicker{u: u, selected: -1}
	p.list = widget.NewList(func() int { return len(p.files) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(p.files[i]) })
	p.list.OnSelected = func(i widget.ListItemID) { p.selected = i }
	p.self = widget.NewSelect(nil, nil)
	p.self.PlaceHolder = "（先添加文件）"
	add := widget.NewButtonWithIcon("添加文件…", theme.ContentAddIcon(), p.addFile)
	folder := widget.NewButtonWithIcon("添加文件夹…", theme.FolderOpenIcon(), p.addFolder)
	remove := widget.NewButtonWithIcon("移除", theme.ContentRemoveIcon(), p.remove)
	hint := look.Wrapped("选择本级和各所属单位的文档（.yusuan）或工作簿（.xlsx），须是同一年度、同一模板。汇总时各表逐行相加，每个数记下来自哪些单位；汇总结果在窗口中打开，尚未保存。")
	top := container.NewVBox(hint)
	if d := u.s.Doc(); d.Merge != nil {
		p.update = widget.NewCheck(fmt.Sprintf("在当前汇总文档（%d 个单位）上更新：所选文件替换同一单位原来的数，或作为新单位加入；未选的单位保留原来的数", len(d.Merge.Units)), nil)
		p.update.SetChecked(true)
		top.Add(p.update)
		p.refresh()
	}
	bottom := container.NewVBox(
		container.NewHBox(add, folder, remove),
		widget.NewForm(widget.NewFormItem("本级", p.self)),
	)
	content := container.NewBorder(top, bottom, nil, nil, p.list)
	dlg := dialog.NewCustomConfirm("汇总所属单位", "汇总", "取消", content, func(ok bool) {
		if ok {
			p.run()
		}
	}, u.win)
	dlg.Resize(fyne.NewSize(720, 520))
	look.ShowDialog(dlg, u.win)
}

// add puts files in the list (each once) and refreshes the 本级 choice.
func (p *unitPicker) add(paths ...string) {
	for _, path := range paths {
		if !slices.Contains(p.files, path) {
			p.files = append(p.files, path)
		}
	}
	p.refresh()
}

// keepSelf is the 本级 choice that keeps the current consolidation's.
const keepSelf = "沿用原汇总文档的本级"

func (p *unitPicker) refresh() {
	keep := p.self.Selected
	var names []string
	if p.update != nil {
		names = append(names, keepSelf)
	}
	for _, f := range p.files {
		names = append(names, filepath.Base(f))
	}
	p.self.SetOptions(names)
	switch {
	case keep != "" && slices.Contains(names, keep):
		p.self.SetSelected(keep)
	case len(names) > 0:
		p.self.SetSelectedIndex(0)
	default:
		p.self.ClearSelected()
	}
	p.list.Refresh()
}

func (p *unitPicker) remove() {
	if p.selected < 0 || p.selected >= len(p.files) {
		return
	}
	p.files = slices.Delete(p.files, p.selected, p.selected+1)
	p.list.UnselectAll()
	p.selected = -1
	p.refresh()
}

func (p *unitPicker) addFile() {
	p.u.pickFile("添加单位的文件", []string{forms.FileExt, ".xlsx"}, p.dir, func(path string) {
		p.remember(filepath.Dir(path))
		p.add(path)
	})
}

// addFolder adds every document and workbook of a folder.
func (p *unitPicker) addFolder() {
	open := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
		if err != nil || l == nil {
			return
		}
		p.remember(l.Path())
		entries, err := os.ReadDir(l.Path())
		if err != nil {
			look.ShowError(fmt.Errorf("无法读取文件夹“%s”：%s", l.Path(), forms.DescribeOSError(err)), p.u.win)
			return
		}
		var found []string
		for _, e := range entries {
			ext := strings.ToLower(filepath.Ext(e.Name()))
			if !e.IsDir() && (ext == forms.FileExt || ext == ".xlsx") {
				found = append(found, filepath.Join(l.Path(), e.Name()))
			}
		}
		if len(found) == 0 {
			look.ShowInformation("没有可汇总的文件", fmt.Sprintf("文件夹“%s”中没有文档（.yusuan）或工作簿（.xlsx）。", l.Path()), p.u.win)
			return
		}
		p.add(found...)
	}, p.u.win)
	open.SetTitleText("添加一个文件夹里的单位文件")
	open.SetConfirmText("添加")
	if p.dir != nil {
		open.SetLocation(p.dir)
	}
	showFileDialog(open, p.u.win)
}

// remember opens the next file dialog where the last file was.
func (p *unitPicker) remember(dir string) {
	if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
		p.dir = l
	}
}

func (p *unitPicker) run() {
	var prev *forms.Document
	if p.update != nil && p.update.Checked {
		prev = p.u.s.Doc()
	}
	if len(p.files) == 0 && prev == nil {
		look.ShowInformation("汇总所属单位", "请先添加本级和各所属单位的文件。", p.u.win)
		return
	}
	self := ""
	i := p.self.SelectedIndex()
	if p.update != nil {
		i-- // after 沿用原汇总文档的本级
	}
	if i >= 0 && i < len(p.files) {
		self = p.files[i]
	}
	p.u.consolidate(p.files, self, prev)
}

// consolidate reads the files and sums them off the UI goroutine, with a
// progress bar, then opens the 部门's document.
func (u *mainUI) consolidate(paths []string, self string, prev *forms.Document) {
	bar := widget.NewProgressBar()
	line := look.Wrapped(fmt.Sprintf("正在读取 %d 个文件…", len(paths)))
	prog := dialog.NewCustomWithoutButtons("正在汇总…", container.NewVBox(line, bar), u.win)
	prog.Resize(fyne.NewSize(460, prog.MinSize().Height))
	prog.Show()
	release := u.hold()
	prevName, prevPath := u.docName(), u.path
	var loaded merge.Loaded
	var res *merge.Result
	var s *edit.Session
	u.inBackground("汇总", func() (err error) {
		loaded, res, s, err = consolidateFiles(paths, self, prev, prevName, bar, line)
		return err
	}, func(err error) {
		prog.Hide()
		release()
		path := ""
		if prev != nil {
			path = prevPath // an update is saved over the consolidation it updates (kept as .bak)
		}
		u.showConsolidation(loaded, res, s, err, path)
	})
}

// consolidateFiles reads and sums the units' files (off the UI goroutine;
// the progress line through fyne.Do).
func consolidateFiles(paths []string, self string, prev *forms.Document, prevName string, bar *widget.ProgressBar, line *look.Para) (loaded merge.Loaded, res *merge.Result, s *edit.Session, err error) {
	loaded = merge.Load(paths, func(path string) (*forms.Document, []string, error) {
		return xlsx.ReadDocumentNotes(path, xlsx.ImportOptions{})
	}, func(done, total int) {
		fyne.Do(func() {
			bar.SetValue(float64(done) / float64(total))
			line.SetText(fmt.Sprintf("已读取 %d/%d 个文件", done, total))
		})
	})
	if len(loaded.Errors) == 0 {
		fyne.Do(func() { line.SetText("正在逐表相加并审核…") })
		res, err = merge.Consolidate(loaded.Inputs, merge.Options{Self: self, Previous: prev, PreviousFile: prevName})
		if err == nil {
			s = edit.New(res.Doc) // checked whole, off the UI goroutine
		}
	}
	return loaded, res, s, err
}

// showConsolidation opens the 部门's document, or says why there is none,
// and lists the differences between the units and what changed.
func (u *mainUI) showConsolidation(loaded merge.Loaded, res *merge.Result, s *edit.Session, err error, path string) {
	if len(loaded.Errors) > 0 {
		var msgs []string
		for _, e := range loaded.Errors {
			msgs = append(msgs, e.Error())
		}
		u.showLines("无法汇总", fmt.Sprintf("%d 个文件无法读取，未汇总：", len(loaded.Errors)), msgs)
		return
	}
	var refused *merge.Refused
	if errors.As(err, &refused) {
		var msgs []string
		for _, is := range refused.Issues {
			if is.Fatal {
				msgs = append(msgs, is.Message)
			}
		}
		u.showLines("无法汇总", "各单位的文件不能汇总在一起：", msgs)
		return
	}
	if err != nil {
		look.ShowError(err, u.win)
		return
	}
	d := res.Doc
	u.setSession(s, path, fmt.Sprintf("汇总（%d 个单位）", len(d.Merge.Units)))
	u.s.MarkUnsaved()
	u.refreshChrome()
	u.showLines("汇总完成", consolidationHead(res, s.Result()), consolidationReport(res, loaded.Notes))
}

// consolidationHead says what was consolidated and how it checks.
func consolidationHead(res *merge.Result, r *check.Result) string {
	d := res.Doc
	self := ""
	for _, x := range d.Merge.Units {
		if x.Self {
			self = x.Label()
		}
	}
	head := fmt.Sprintf("已汇总 %d 个单位（本级：%s）为“%s”%d年部门预算，尚未保存。审核：%s。", len(d.Merge.Units), self, d.Meta.Name, d.Meta.Year, r.Summary())
	return head + "在表格中选中一个数，点“来源单位…”可看它来自哪些单位。"
}

// consolidationReport lists the differences between the units, what
// changed against the previous consolidation and what imports could not read.
func consolidationReport(res *merge.Result, notes []string) []string {
	var lines []string
	if len(res.Issues) > 0 {
		lines = append(lines, fmt.Sprintf("【各单位之间的差异（%d 处）】", len(res.Issues)))
		for _, is := range res.Issues {
			lines = append(lines, is.Message)
		}
	}
	if len(res.Replaced)+len(res.Kept) > 0 { // on a previous consolidation
		lines = append(lines, "【与原汇总文档相比】"+res.UnitsLine())
		if len(res.Changes) == 0 && len(res.FormChanges) == 0 {
			lines = append(lines, "数字没有变化")
		}
		for _, c := range res.Changes {
			lines = append(lines, c.String())
		}
		lines = append(lines, res.FormChanges...)
	}
	if len(notes) > 0 {
		lines = append(lines, fmt.Sprintf("【导入工作簿时未能读取的内容（%d 处）】", len(notes)))
		lines = append(lines, notes...)
	}
	if len(lines) == 0 {
		lines = []string{"各单位的文件之间没有发现差异。"}
	}
	return lines
}

// showLines shows a heading and a long list of lines in a dialog.
func (u *mainUI) showLines(title, head string, lines []string) {
	list := widget.NewList(func() int { return len(lines) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Wrapping = fyne.TextWrapWord
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(lines[i]) })
	for i, l := range lines { // wrapped lines are as tall as their text
		list.SetItemHeight(i, wrappedHeight(l))
	}
	d := dialog.NewCustom(title, "关闭", container.NewBorder(look.Wrapped(head), nil, nil, nil, list), u.win)
	d.Resize(fyne.NewSize(860, 560))
	look.ShowDialog(d, u.win)
}

// wrappedHeight estimates the height of a line of text wrapped to the
// dialog's width (about 50 characters a line).
func wrappedHeight(s string) float32 {
	n := len([]rune(s))/50 + 1
	one := widget.NewLabel("国").MinSize().Height
	return one + float32(n-1)*theme.TextSize()*1.4
}
