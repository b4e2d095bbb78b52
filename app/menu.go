package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"yusuan/app/look"
	"yusuan/app/sheet"
)

// menu is the main menu: 文件, 编辑, 帮助.
func (u *mainUI) menu() *fyne.MainMenu {
	item := func(label string, f func()) *fyne.MenuItem { return fyne.NewMenuItem(label, u.safe(label, f)) }
	// keyed shows the item's key beside it; the key itself is the canvas's
	// (addShortcuts): a menu's Shortcut is only a hint off the Mac
	keyed := func(label string, f func(), key fyne.Shortcut) *fyne.MenuItem {
		i := item(label, f)
		i.Shortcut = key
		return i
	}
	ctrl := func(key fyne.KeyName, mod fyne.KeyModifier) fyne.Shortcut {
		return &desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault | mod}
	}
	file := fyne.NewMenu("文件",
		keyed("新建…", u.askNew, ctrl(fyne.KeyN, 0)),
		keyed("打开…", u.askOpen, ctrl(fyne.KeyO, 0)),
		u.recentMenu(),
		fyne.NewMenuItemSeparator(),
		item("汇总所属单位…", u.askConsolidate),
		item("导入科目表…", u.askImportCodes),
		fyne.NewMenuItemSeparator(),
		keyed("保存", func() { u.save(nil) }, ctrl(fyne.KeyS, 0)),
		item("另存为…", func() { u.saveAs(nil) }),
		fyne.NewMenuItemSeparator(),
		item("导出 Excel 工作簿…", func() { u.askExport(exportXLSX) }),
		item("导出 PDF 公开文本…", func() { u.askExport(exportPDF) }),
		item("填入下发表样…", func() { u.askExport(exportInto) }),
	)
	editMenu := fyne.NewMenu("编辑",
		keyed("撤销", u.undo, ctrl(fyne.KeyZ, 0)),
		keyed("重做", u.redo, ctrl(fyne.KeyY, 0)),
	)
	grouping := item("金额显示千分位", nil)
	grouping.Checked = sheet.Grouped()
	grouping.Action = u.safe("金额显示千分位", func() {
		sheet.SetGrouped(!sheet.Grouped())
		grouping.Checked = sheet.Grouped()
		u.app.Preferences().SetBool(prefGrouped, sheet.Grouped())
		u.redrawView()
		u.win.MainMenu().Refresh()
	})
	legend := item("显示颜色图例", nil)
	legend.Checked = sheet.LegendShown()
	legend.Action = u.safe("显示颜色图例", func() {
		sheet.SetLegend(!sheet.LegendShown())
		legend.Checked = sheet.LegendShown()
		u.redrawView()
		u.win.MainMenu().Refresh()
	})
	sheet.OnLegendChanged(func() {
		legend.Checked = sheet.LegendShown()
		u.win.MainMenu().Refresh()
	})
	view := fyne.NewMenu("视图", grouping, legend)
	help := fyne.NewMenu("帮助", item("键盘操作", u.showKeys), item("关于预算公开助手", u.about))
	return fyne.NewMainMenu(file, editMenu, view, help)
}

// prefGrouped remembers 金额显示千分位.
const prefGrouped = "thousandsSeparators"

// redrawView makes the current part's view anew (after a view setting).
func (u *mainUI) redrawView() {
	if u.s == nil || u.current == "" {
		return
	}
	id := u.current
	u.current = ""
	u.selectNode(id)
}

// toolbar: the commands a clerk uses all day.
func (u *mainUI) toolbar() fyne.CanvasObject {
	// each command says what it does: an icon alone (a pencil for 新建, a
	// printer for 导出 PDF) leaves a clerk guessing
	action := func(icon fyne.Resource, label string, f func()) fyne.CanvasObject {
		b := widget.NewButtonWithIcon(label, icon, u.safe(label, f))
		b.Importance = widget.LowImportance
		return b
	}
	sep := func() fyne.CanvasObject { return widget.NewSeparator() }
	return container.NewHBox(
		action(theme.DocumentCreateIcon(), "新建", u.askNew),
		action(theme.FolderOpenIcon(), "打开", u.askOpen),
		action(theme.DocumentSaveIcon(), "保存", func() { u.save(nil) }),
		sep(),
		action(theme.ContentUndoIcon(), "撤销", u.undo),
		action(theme.ContentRedoIcon(), "重做", u.redo),
		sep(),
		action(theme.DocumentIcon(), "导出工作簿", func() { u.askExport(exportXLSX) }),
		action(theme.DocumentPrintIcon(), "导出 PDF", func() { u.askExport(exportPDF) }),
	)
}

// addShortcuts puts the window's shortcuts on its canvas, under the names
// the driver sends: Fyne's GLFW driver turns Ctrl+Z and Ctrl+Y (Cmd on a
// Mac) into fyne.ShortcutUndo and fyne.ShortcutRedo before anything sees
// them, and every other Ctrl combination (Ctrl+S, Ctrl+Shift+Z …) into a
// desktop.CustomShortcut. The canvas gets a shortcut when nothing focused
// takes shortcuts; the grid, its cell editor and the text fields pass the
// window's shortcuts on to it.
func (u *mainUI) addShortcuts() {
	c := u.win.Canvas()
	// Esc closes a dialog as its 取消 or 关闭 would (a key the canvas gets
	// when nothing in the dialog has the focus)
	c.SetOnTypedKey(func(k *fyne.KeyEvent) {
		if k.Name == fyne.KeyEscape {
			look.EscapeDialog(c)
		}
	})
	add := func(s fyne.Shortcut, f func()) {
		f = u.safe("快捷键", f)
		c.AddShortcut(s, func(fyne.Shortcut) { f() })
	}
	ctrl := func(key fyne.KeyName, mod fyne.KeyModifier) fyne.Shortcut {
		return &desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault | mod}
	}
	add(ctrl(fyne.KeyS, 0), func() { u.save(nil) })
	add(ctrl(fyne.KeyO, 0), u.askOpen)
	add(ctrl(fyne.KeyN, 0), u.askNew)
	add(&fyne.ShortcutUndo{}, u.undo)
	add(&fyne.ShortcutRedo{}, u.redo)
	add(ctrl(fyne.KeyZ, fyne.KeyModifierShift), u.redo)
	add(ctrl(fyne.KeyF, 0), func() { // the grid takes Ctrl+F itself when it has the focus
		if v, ok := u.view.(*sheet.Sheet); ok {
			v.Find()
		}
	})
}

func (u *mainUI) undo() {
	if u.s == nil {
		return
	}
	u.commit()
	if label := u.s.UndoLabel(); label != "" {
		u.undoing = "已撤销：" + label
	}
	u.s.Undo()
}

func (u *mainUI) redo() {
	if u.s == nil {
		return
	}
	u.commit()
	if label := u.s.RedoLabel(); label != "" {
		u.undoing = "已重做：" + label
	}
	u.s.Redo()
}
