//go:build !nogui

package main

import (
	"fmt"
	"os"
	"os/exec"
	"runtime/debug"
	"time"

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
	if os.Getenv("GOMEMLIMIT") == "" {
		// a soft limit: the collector works harder before the process grows
		// past what an office PC spares a form. The large document takes
		// about 300 MB in the window, below it, so the collector is not kept
		// running; a larger need is still met
		debug.SetMemoryLimit(384 << 20)
	}
	a := fyneapp.NewWithID("cn.yusuan.budget")
	a.Settings().SetTheme(look.NewTheme())
	a.SetIcon(look.Icon())
	path := ""
	if len(args) == 1 {
		path = args[0]
	}
	w := app.NewMainWindow(a, path)
	file, err := app.Run(w)
	if err == nil {
		return 0
	}
	// a panic ended the window: the documents are autosaved; start again
	// on the file (not when it crashed again within a minute)
	fmt.Fprintln(os.Stderr, "错误："+err.Error())
	if app.MayRestart(time.Now()) {
		restart(file, err.Error())
	}
	return 2
}

// restart starts the program again on file, telling it why.
func restart(file, why string) {
	exe, err := os.Executable()
	if err != nil {
		return
	}
	args := []string{exe}
	if file != "" {
		args = append(args, file)
	}
	cmd := exec.Command(exe, args[1:]...) // no console on Windows: exec opens the null device for the standard files
	cmd.Env = append(os.Environ(), app.RestartEnv(why, time.Now())...)
	if cmd.Start() == nil {
		cmd.Process.Release()
	}
}
