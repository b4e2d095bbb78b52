//go:build windows

package main

import (
	"os"
	"syscall"
)

// useParentConsole: the Windows program is built as a GUI program (no
// console window when a clerk double-clicks it), so a command typed in a
// console window would print nothing. When its output is not redirected,
// it writes to the console it was started from.
func useParentConsole() {
	if _, err := os.Stdout.Stat(); err == nil {
		return // redirected to a file or a pipe: leave it so
	}
	const attachParentProcess = ^uintptr(0) // (DWORD)-1
	attach := syscall.NewLazyDLL("kernel32.dll").NewProc("AttachConsole")
	if r, _, _ := attach.Call(attachParentProcess); r == 0 {
		return // started without a console
	}
	if out, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0); err == nil {
		os.Stdout, os.Stderr = out, out
	}
}
