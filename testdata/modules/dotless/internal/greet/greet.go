// Package greet lives in a module whose path has no dot (go mod init myapp).
package greet

import "unicode/utf8"

func Hello(name string) string { return "hello, " + name }

func Len(s string) int { return utf8.RuneCountInString(s) }
