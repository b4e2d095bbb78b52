package app

import (
	"os/exec"
	"runtime"
)

// openInSystem shows a file or folder with the system's own program (the
// file's application, the file manager): nothing of the network, so not
// a URL (decision 26). A variable so that tests open nothing.
var openInSystem = func(path string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "windows":
		// the file's own program, as a double click would
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", path)
	case "darwin":
		cmd = exec.Command("open", path)
	default:
		cmd = exec.Command("xdg-open", path)
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	go cmd.Wait() // reap it whenever it ends
	return nil
}
