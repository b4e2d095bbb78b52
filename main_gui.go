//go:build !nogui

package main

import (
	"fmt"
	"os"

	fyneapp "fyne.io/fyne/v2/app"

	"yusuan/app"
	"yusuan/app/look"
)

// runWindow opens the main window on the file given, or on the sample.
func runWindow(args []string) int {
	if len(args) > 1 {
		fmt.Fprintln(os.Stderr, "错误：一次只能打开一个文档文件。")
		return 2
	}
	a := fyneapp.NewWithID("cn.yusuan.budget")
	a.Settings().SetTheme(look.NewTheme())
	a.SetIcon(look.Icon())
	path := ""
	if len(args) == 1 {
		path = args[0]
	}
	w := app.NewMainWindow(a, path)
	w.ShowAndRun()
	return 0
}
