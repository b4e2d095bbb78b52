//go:build windows

package lock

import "os"

// alive: on Windows FindProcess opens the process, and fails when there is
// none with that id.
func alive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	p.Release()
	return true
}
