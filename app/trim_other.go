//go:build !linux || !cgo

package app

import (
	"runtime/debug"
	"time"
)

// giveBackMemory returns the free pages of Go's heap to the system (other
// systems' allocators give back freed C memory themselves).
func giveBackMemory() { debug.FreeOSMemory() }

// giveBackLater gives memory back now and once more after Fyne's caches
// have let go of what the window no longer shows (its renderers and
// textures expire a minute after their last paint).
func giveBackLater() {
	giveBackMemory()
	time.AfterFunc(75*time.Second, giveBackMemory)
}
