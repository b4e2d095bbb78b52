// 预算公开助手 (yusuan): prepare, check and export a department's annual
// budget disclosure. With a subcommand it runs headless (see cli); without
// one it opens the window, on the embedded sample or on the file given.
package main

import (
	"os"

	"yusuan/cli"
)

func main() {
	args := os.Args[1:]
	if len(args) > 0 && cli.IsCommand(args[0]) {
		useParentConsole()
		os.Exit(cli.Run(args, os.Stdout, os.Stderr))
	}
	os.Exit(runWindow(args))
}
