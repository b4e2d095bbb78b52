//go:build nogui

package main

import (
	"fmt"
	"os"

	"yusuan/cli"
)

// runWindow: this build has the commands only (no GL, no X11), for servers.
func runWindow(args []string) int {
	fmt.Fprintln(os.Stderr, "错误：此版本为纯命令行版（nogui），没有窗口界面。可用的命令如下：")
	cli.Run([]string{"help"}, os.Stderr, os.Stderr)
	return cli.ExitUsage
}
