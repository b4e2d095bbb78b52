package app

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"yusuan/app/look"
	"yusuan/forms"
)

// askSavePath asks for a folder and a file name to write to, and only
// chooses: Fyne's own save dialog creates (empties) the file before the
// program hears of it, which would destroy a document open elsewhere or
// the previous export before anything is written. check (nil: none)
// refuses a path before anything else is asked; the clerk is then asked
// again, in the same folder, for another name.
func (u *mainUI) askSavePath(title, name, ext string, check func(path string) error, chosen func(path string)) {
	u.askSavePathIn(u.saveFolder(), title, name, ext, check, chosen)
}

func (u *mainUI) askSavePathIn(folder, title, name, ext string, check func(path string) error, chosen func(path string)) {
	where := look.Wrapped(folder)
	entry := look.NewEntry()
	entry.SetText(name)
	pick := widget.NewButton("选择文件夹…", func() {
		d := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
			if err == nil && l != nil {
				folder = l.Path()
				where.SetText(folder)
			}
		}, u.win)
		d.SetTitleText("选择保存到哪个文件夹")
		d.SetConfirmText("选定")
		if l, err := storage.ListerForURI(storage.NewFileURI(folder)); err == nil {
			d.SetLocation(l)
		}
		showFileDialog(d, u.win)
	})
	form := container.NewVBox(
		widget.NewLabelWithStyle("保存到文件夹：", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		container.NewBorder(nil, nil, nil, pick, where),
		widget.NewLabelWithStyle("文件名：", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		entry,
	)
	var d *dialog.ConfirmDialog
	d = dialog.NewCustomConfirm(title, "保存", "取消", form, func(ok bool) {
		if !ok {
			return
		}
		file := strings.TrimSpace(entry.Text)
		// after a word on what is wrong, the clerk is back at the name
		again := func() { u.askSavePathIn(folder, title, file, ext, check, chosen) }
		tell := func(title, msg string) {
			info := dialog.NewInformation(title, msg, u.win)
			info.SetOnClosed(again)
			look.ShowDialog(look.Widened(info), u.win)
		}
		if problem := badFileName(file); problem != "" {
			tell("文件名不能用", problem)
			return
		}
		if !strings.HasSuffix(strings.ToLower(file), ext) && (check == nil || !ownExt(file)) {
			// an export named x.yusuan stays so named, and its check
			// says why it is refused, rather than writing x.yusuan.pdf
			file += ext
		}
		path := filepath.Join(folder, file)
		u.app.Preferences().SetString(prefFolder, folder)
		if check != nil {
			if err := check(path); err != nil {
				refused := dialog.NewError(err, u.win)
				refused.SetOnClosed(again)
				look.ShowDialog(look.Widened(refused), u.win)
				return
			}
		}
		fi, err := os.Stat(path)
		switch {
		case err == nil && fi.IsDir():
			tell("不能保存", fmt.Sprintf("“%s”是一个文件夹。", path))
		case err == nil:
			look.ShowDialog(look.Widened(dialog.NewCustomConfirm("文件已存在", "替换", "取消",
				look.Wrapped(fmt.Sprintf("“%s”已经存在。要用现在的内容替换它吗？", path)),
				func(yes bool) {
					if yes {
						chosen(path)
					} else {
						again() // another name, or 取消 there
					}
				}, u.win)), u.win)
		default:
			chosen(path)
		}
	}, u.win)
	// Enter in the name confirms, as in every save dialog a clerk knows
	entry.OnSubmitted = func(string) { d.Confirm() }
	d.Resize(fyne.NewSize(640, 260))
	look.ShowDialog(d, u.win)
	u.win.Canvas().Focus(entry)
}

// pickFile asks for an existing file with one of exts, starting in dir
// (nil: the folder last used), and passes its path on.
func (u *mainUI) pickFile(title string, exts []string, dir fyne.ListableURI, chosen func(path string)) {
	open := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		u.app.Preferences().SetString(prefFolder, filepath.Dir(path))
		chosen(path)
	}, u.win)
	open.SetFilter(storage.NewExtensionFileFilter(exts))
	open.SetTitleText(title) // Fyne's own reads "打开 文件"
	if dir == nil {
		dir, _ = storage.ListerForURI(storage.NewFileURI(u.saveFolder()))
	}
	if dir != nil {
		open.SetLocation(dir)
	}
	showFileDialog(open, u.win)
}

// ownExt: a name ending as the program's own files do (document, export).
func ownExt(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case forms.FileExt, forms.FormatXLSX.Ext, forms.FormatPDF.Ext:
		return true
	}
	return false
}

const prefFolder = "lastFolder"

// saveFolder is where a save dialog starts: the document's folder, the last
// folder used, or the user's documents.
func (u *mainUI) saveFolder() string {
	if u.path != "" {
		return filepath.Dir(u.path)
	}
	if f := u.app.Preferences().String(prefFolder); f != "" {
		if fi, err := os.Stat(f); err == nil && fi.IsDir() {
			return f
		}
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "."
	}
	for _, sub := range []string{"Documents", "文档"} {
		if fi, err := os.Stat(filepath.Join(home, sub)); err == nil && fi.IsDir() {
			return filepath.Join(home, sub)
		}
	}
	return home
}

// badFileName says why a name cannot be a file name on a clerk's PC, or "".
func badFileName(name string) string {
	switch {
	case name == "":
		return "请填写文件名。"
	case strings.ContainsAny(name, `/\:*?"<>|`):
		return `文件名中不能有 / \ : * ? " < > | 这些字符。`
	case strings.Trim(name, ". ") == "":
		return "文件名不能只有点或空格。"
	}
	return ""
}

// samePath tells whether two paths name one file (Windows ignores case and
// accepts either slash).
func samePath(a, b string) bool {
	if a == "" || b == "" {
		return a == b
	}
	ca, errA := filepath.Abs(a)
	cb, errB := filepath.Abs(b)
	if errA != nil || errB != nil {
		ca, cb = filepath.Clean(a), filepath.Clean(b)
	}
	if runtime.GOOS == "windows" {
		return strings.EqualFold(ca, cb)
	}
	return ca == cb
}
