// 预算公开助手 (yusuan): prepare, check and export a department's annual
// budget disclosure. With a subcommand it runs headless (see cli); without
// one it opens the window, on the embedded sample or on the file given.
package main

import (
	"os"
	"path/filepath"
	"strings"

	"yusuan/cli"
)

func main() {
	args := os.Args[1:]
	if len(args) > 0 && (cli.IsCommand(args[0]) || mistypedCommand(args[0])) {
		useParentConsole()
		os.Exit(cli.Run(args, os.Stdout, os.Stderr))
	}
	os.Exit(runWindow(args))
}

// mistypedCommand: a first word that is no file and has neither a file
// name's ending nor a folder in it (`yusuan chek x.yusuan`) is a command
// misspelt, which the command line names, rather than a document to open.
func mistypedCommand(arg string) bool {
	if _, err := os.Stat(arg); err == nil {
		return false
	}
	return filepath.Ext(arg) == "" && !strings.ContainsAny(arg, `/\`)
}
