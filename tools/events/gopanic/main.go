// A real Go panic for tests/data/events/go-panic.log: see ../make_traces.sh.
//
// Logs a few lines with the standard "log" package (2026/11/27 10:00:00 prefix), starts a
// background worker goroutine, then indexes past the end of a slice in a nested call:
// "panic: runtime error: index out of range [3] with length 3" and the goroutine dump
// (GOTRACEBACK=all in make_traces.sh adds the other goroutines to the dump).
package main

import (
	"log"
	"os"
	"time"
)

type batch struct {
	users []string
}

func (b *batch) nth(i int) string {
	return b.users[i]
}

func importBatch(b *batch, count int) {
	for i := 0; i < count; i++ {
		log.Printf("importing user %s", b.nth(i))
	}
}

func worker(ticks <-chan time.Time) {
	for range ticks {
	}
}

func main() {
	log.SetOutput(os.Stderr)
	log.Printf("starting import (pid %d)", os.Getpid())
	go worker(time.NewTicker(time.Hour).C)
	time.Sleep(10 * time.Millisecond)
	importBatch(&batch{users: []string{"ada", "grace", "linus"}}, 4)
	log.Printf("import finished")
}
