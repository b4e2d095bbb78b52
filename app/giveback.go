package app

import "time"

// giveBackLater gives memory back now (giveBackMemory, per system) and once
// more after Fyne's caches have let go of what the window no longer shows
// (its renderers and textures expire a minute after their last paint).
func giveBackLater() {
	giveBackMemory()
	time.AfterFunc(75*time.Second, giveBackMemory)
}
