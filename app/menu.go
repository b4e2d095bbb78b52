package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// menu is the main menu: 文件, 编辑, 帮助.
func (u *mainUI) menu() *fyne.MainMenu {
	file := fyne.NewMenu("文件",
		fyne.NewMenuItem("新建…", u.askNew),
		fyne.NewMenuItem("打开…", u.askOpen),
		u.recentMenu(),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("汇总所属单位…", u.askConsolidate),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("保存", func() { u.save(nil) }),
		fyne.NewMenuItem("另存为…", func() { u.saveAs(nil) }),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem("导出 Excel 工作簿…", func() { u.askExport(exportXLSX) }),
		fyne.NewMenuItem("导出 PDF 公开文本…", func() { u.askExport(exportPDF) }),
	)
	editMenu := fyne.NewMenu("编辑",
		fyne.NewMenuItem("撤销", u.undo),
		fyne.NewMenuItem("重做", u.redo),
	)
	help := fyne.NewMenu("帮助", fyne.NewMenuItem("键盘操作", u.showKeys), fyne.NewMenuItem("关于预算公开助手", u.about))
	return fyne.NewMainMenu(file, editMenu, help)
}

// toolbar: the commands a clerk uses all day.
func (u *mainUI) toolbar() fyne.CanvasObject {
	return widget.NewToolbar(
		widget.NewToolbarAction(theme.DocumentCreateIcon(), u.askNew),
		widget.NewToolbarAction(theme.FolderOpenIcon(), u.askOpen),
		widget.NewToolbarAction(theme.DocumentSaveIcon(), func() { u.save(nil) }),
		widget.NewToolbarSeparator(),
		widget.NewToolbarAction(theme.ContentUndoIcon(), u.undo),
		widget.NewToolbarAction(theme.ContentRedoIcon(), u.redo),
		widget.NewToolbarSeparator(),
		widget.NewToolbarAction(theme.DocumentIcon(), func() { u.askExport(exportXLSX) }),
		widget.NewToolbarAction(theme.DocumentPrintIcon(), func() { u.askExport(exportPDF) }),
	)
}

// addShortcuts: Ctrl+S, Ctrl+O, Ctrl+N, Ctrl+Z, Ctrl+Y (and Ctrl+Shift+Z).
func (u *mainUI) addShortcuts() {
	c := u.win.Canvas()
	add := func(key fyne.KeyName, mod fyne.KeyModifier, f func()) {
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
