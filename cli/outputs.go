package cli

import (
	"errors"
	"fmt"

	"yusuan/forms"
	"yusuan/forms/lock"
)

// forceFlag lets a writing command replace a document that another program
// holds open (decision 43): the clerk is sure nobody works on it.
var forceFlag = flagSpec{key: "force", names: []string{"--force"}}

// holdDocument takes the lock of the document file a command is about to
// write, as the window does when it opens one, so that the two never write
// the same file unknowingly. A lock another program holds refuses the
// command (exit 2, who and since when) unless --force; a lock left by a
// program that died is taken over. release gives the lock back.
func holdDocument(e *Env, out string, force bool) (release func(), ok bool) {
	l, err := lock.Acquire(out)
	var held *lock.HeldError
	switch {
	case err == nil:
		return l.Release, true
	case errors.As(err, &held) && force:
		fmt.Fprintf(e.Stderr, "提示：“%s”已被%s打开，按 --force 仍然写入\n", out, held.Owner.Describe())
		return func() {}, true
	case errors.As(err, &held):
		e.errorf("“%s”已被%s打开，写入会覆盖那里正在做的修改，未写出。请在那边关闭它后再试；确认无人在用时可加 --force", out, held.Owner.Describe())
		return nil, false
	}
	e.errorf("%v", err)
	return nil, false
}

// save writes a command's document output (its lock already held).
func save(e *Env, out string, d *forms.Document) bool {
	if err := forms.Save(out, d); err != nil {
		e.errorf("%v", err)
		return false
	}
	return true
}
