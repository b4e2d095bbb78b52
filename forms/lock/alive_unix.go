//go:build !windows

package lock

import (
	"errors"
	"os"
	"syscall"
)

// alive: signal 0 checks that a process exists without touching it.
func alive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	err = p.Signal(syscall.Signal(0))
	return err == nil || errors.Is(err, syscall.EPERM)
}
