// Package cli holds the command-line commands of 预算公开助手: headless, no
// window and no display needed, for finance bureaus and scripts. It never
// imports the GUI driver.
package cli

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"yusuan/internal/crash"
)

// Exit codes shared by every command.
const (
	ExitOK    = 0
	ExitFound = 1 // the command worked and found 错误 (check)
	ExitUsage = 2 // bad usage or unreadable input
)

// Env is where a command writes.
type Env struct {
	Stdout, Stderr io.Writer
	// Progress: stderr is a terminal, so long commands show a progress line.
	Progress bool
}

func (e *Env) errorf(format string, args ...any) {
	fmt.Fprintf(e.Stderr, "错误："+format+"\n", args...)
}

type command struct {
	name    string
	usage   string // arguments, after the name
	summary string
	run     func(e *Env, args []string) int
}

var commands = map[string]*command{}

func register(c *command) { commands[c.name] = c }

// IsCommand reports whether arg names a command (or asks for help), so that
// main can tell `yusuan show x` from `yusuan x.yusuan`.
func IsCommand(arg string) bool {
	if _, ok := commands[arg]; ok {
		return true
	}
	return arg == "help" || strings.HasPrefix(arg, "-")
}

// Run executes a command line (without the program name) and returns the
// exit code.
func Run(args []string, stdout, stderr io.Writer) int {
	e := &Env{Stdout: stdout, Stderr: stderr, Progress: isTerminal(stderr)}
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		if len(args) > 1 {
			if c, ok := commands[args[1]]; ok {
				fmt.Fprintf(stdout, "用法：yusuan %s %s\n  %s\n", c.name, c.usage, c.summary)
				return ExitOK
			}
		}
		usage(stdout)
		return ExitOK
	}
	c, ok := commands[args[0]]
	if !ok {
		e.errorf("不认识的命令“%s”。", args[0])
		usage(stderr)
		return ExitUsage
	}
	return runGuarded(e, c, args[1:])
}

// runGuarded runs a command; a programming error in it is reported in
// Chinese with the log that has the details, and exits 2, instead of a Go
// stack trace.
func runGuarded(e *Env, c *command, args []string) (code int) {
	err := crash.Guard("执行 yusuan "+c.name, func() { code = c.run(e, args) })
	if err != nil {
		e.errorf("%v", err)
		return ExitUsage
	}
	return code
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "预算公开助手 —— 部门预算公开表格的填报、审核与导出")
	fmt.Fprintln(w, "")
	fmt.Fprintln(w, "用法：")
	fmt.Fprintln(w, "  yusuan                  打开窗口（示例数据）")
	fmt.Fprintln(w, "  yusuan 文件             在窗口中打开文档文件")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		c := commands[n]
		fmt.Fprintf(w, "  yusuan %s %s\n      %s\n", c.name, c.usage, c.summary)
	}
	fmt.Fprintln(w, "")
	fmt.Fprintln(w, "选项可写在文件名之前或之后。退出码：0 成功，2 用法错误或文件无法读取。")
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
