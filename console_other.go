//go:build !windows

package main

// useParentConsole matters on Windows only (see console_windows.go).
func useParentConsole() {}
