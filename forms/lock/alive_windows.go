//go:build windows

package lock

import "syscall"

// alive asks Windows whether a process with that id still runs. A process
// of another user or an elevated one refuses to be opened: it runs.
func alive(pid int) bool {
	const queryLimitedInformation = 0x1000
	const stillActive = 259
	h, err := syscall.OpenProcess(queryLimitedInformation, false, uint32(pid))
	if err != nil {
		return err == syscall.ERROR_ACCESS_DENIED
	}
	defer syscall.CloseHandle(h)
	var code uint32
	if err := syscall.GetExitCodeProcess(h, &code); err != nil {
		return true // cannot tell: better to ask than to take the file
	}
	return code == stillActive
}
