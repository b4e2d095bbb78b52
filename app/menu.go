package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// menu is the main menu: 文件, 编辑, 帮助.
func (u *mainUI) menu() *fyne.MainMenu {
	item := func(label string, f func()) *fyne.MenuItem { return fyne.NewMenuItem(label, u.safe(label, f)) }
	file := fyne.NewMenu("文件",
		item("新建…", u.askNew),
		item("打开…", u.askOpen),
		u.recentMenu(),
		fyne.NewMenuItemSeparator(),
		item("汇总所属单位…", u.askConsolidate),
		fyne.NewMenuItemSeparator(),
		item("保存", func() { u.save(nil) }),
		item("另存为…", func() { u.saveAs(nil) }),
		fyne.NewMenuItemSeparator(),
		item("导出 Excel 工作簿…", func() { u.askExport(exportXLSX) }),
		item("导出 PDF 公开文本…", func() { u.askExport(exportPDF) }),
	)
	editMenu := fyne.NewMenu("编辑",
		item("撤销", u.undo),
		item("重做", u.redo),
	)
	help := fyne.NewMenu("帮助", item("键盘操作", u.showKeys), item("关于预算公开助手", u.about))
	return fyne.NewMainMenu(file, editMenu, help)
}

// toolbar: the commands a clerk uses all day.
func (u *mainUI) toolbar() fyne.CanvasObject {
	action := func(icon fyne.Resource, doing string, f func()) widget.ToolbarItem {
		return widget.NewToolbarAction(icon, u.safe(doing, f))
	}
	return widget.NewToolbar(
		action(theme.DocumentCreateIcon(), "新建", u.askNew),
		action(theme.FolderOpenIcon(), "打开", u.askOpen),
		action(theme.DocumentSaveIcon(), "保存", func() { u.save(nil) }),
		widget.NewToolbarSeparator(),
		action(theme.ContentUndoIcon(), "撤销", u.undo),
		action(theme.ContentRedoIcon(), "重做", u.redo),
		widget.NewToolbarSeparator(),
		action(theme.DocumentIcon(), "导出工作簿", func() { u.askExport(exportXLSX) }),
		action(theme.DocumentPrintIcon(), "导出 PDF", func() { u.askExport(exportPDF) }),
	)
}

// addShortcuts: Ctrl+S, Ctrl+O, Ctrl+N, Ctrl+Z, Ctrl+Y (and Ctrl+Shift+Z).
func (u *mainUI) addShortcuts() {
	c := u.win.Canvas()
	add := func(key fyne.KeyName, mod fyne.KeyModifier, f func()) {
		f = u.safe("快捷键", f)
		c.AddShortcut(&desktop.CustomShortcut{KeyName: key, Modifier: mod}, func(fyne.Shortcut) { f() })
	}
	ctrl := fyne.KeyModifierShortcutDefault
	add(fyne.KeyS, ctrl, func() { u.save(nil) })
	add(fyne.KeyO, ctrl, u.askOpen)
	add(fyne.KeyN, ctrl, u.askNew)
	add(fyne.KeyZ, ctrl, u.undo)
	add(fyne.KeyY, ctrl, u.redo)
	add(fyne.KeyZ, ctrl|fyne.KeyModifierShift, u.redo)
}

func (u *mainUI) undo() {
	if u.s == nil {
		return
	}
	u.commit()
	u.s.Undo()
}

func (u *mainUI) redo() {
	if u.s == nil {
		return
	}
	u.commit()
	u.s.Redo()
}
