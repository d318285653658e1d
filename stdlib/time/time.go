// Package time: durations, the clock, sleeping, timers and tickers. Sleep, Timer and Ticker
// are records in the runtime's timer heap (runtime/src/timer.rs; sleep.go, tick.go).
package time

// A Duration is an elapsed time in nanoseconds.
type Duration int64

const (
	Nanosecond  Duration = 1
	Microsecond          = 1000 * Nanosecond
	Millisecond          = 1000 * Microsecond
	Second               = 1000 * Millisecond
	Minute               = 60 * Second
	Hour                 = 60 * Minute
)

//gorc:extern gorc_sleep
func sleep(ns int64)

//gorc:extern gorc_nanotime
func nanotime() int64

//gorc:extern gorc_walltime
func walltime() int64

// Sleep pauses the current goroutine for at least d.
func Sleep(d Duration) {
	sleep(int64(d))
}

// A Time is an instant: wall-clock nanoseconds since the Unix epoch and a monotonic reading,
// which Sub and Since use when both times have one. The runtime's timer callback send_time
// (runtime/src/timer.rs) builds this layout, two int64s, for the value a Timer sends.
type Time struct {
	wall int64
	mono int64
}

// Now returns the current time.
func Now() Time {
	return Time{walltime(), nanotime()}
}

// Unix returns the local Time corresponding to the given Unix time.
func Unix(sec int64, nsec int64) Time {
	return Time{sec*1e9 + nsec, 0}
}

// Sub returns the duration t-u.
func (t Time) Sub(u Time) Duration {
	if t.mono != 0 && u.mono != 0 {
		return Duration(t.mono - u.mono)
	}
	return Duration(t.wall - u.wall)
}

// Since returns the time elapsed since t.
func Since(t Time) Duration {
	return Now().Sub(t)
}

// Until returns the duration until t.
func Until(t Time) Duration {
	return t.Sub(Now())
}

// Add returns the time t+d.
func (t Time) Add(d Duration) Time {
	if t.mono != 0 {
		t.mono += int64(d)
	}
	t.wall += int64(d)
	return t
}

func (t Time) Before(u Time) bool { return t.Sub(u) < 0 }
func (t Time) After(u Time) bool  { return t.Sub(u) > 0 }
func (t Time) Equal(u Time) bool  { return t.wall == u.wall }
func (t Time) IsZero() bool       { return t.wall == 0 && t.mono == 0 }
func (t Time) Unix() int64        { return t.wall / 1e9 }
func (t Time) UnixNano() int64    { return t.wall }
func (t Time) UnixMilli() int64   { return t.wall / 1e6 }

// Nanoseconds returns the duration as an integer nanosecond count.
func (d Duration) Nanoseconds() int64 { return int64(d) }

// Microseconds returns the duration as an integer microsecond count.
func (d Duration) Microseconds() int64 { return int64(d) / 1e3 }

// Milliseconds returns the duration as an integer millisecond count.
func (d Duration) Milliseconds() int64 { return int64(d) / 1e6 }

// Seconds returns the duration as a floating point number of seconds.
func (d Duration) Seconds() float64 {
	sec := d / Second
	nsec := d % Second
	return float64(sec) + float64(nsec)/1e9
}

// Minutes returns the duration as a floating point number of minutes.
func (d Duration) Minutes() float64 {
	min := d / Minute
	nsec := d % Minute
	return float64(min) + float64(nsec)/(60*1e9)
}

// Hours returns the duration as a floating point number of hours.
func (d Duration) Hours() float64 {
	hour := d / Hour
	nsec := d % Hour
	return float64(hour) + float64(nsec)/(60*60*1e9)
}

// String returns the duration as gc formats it: "72h3m0.5s", "1.5µs", "0s".
func (d Duration) String() string {
	var buf [32]byte
	w := len(buf)
	u := uint64(d)
	neg := d < 0
	if neg {
		u = -u
	}
	if u < uint64(Second) {
		// Less than a second: a smaller unit, fractional.
		var prec int
		w--
		buf[w] = 's'
		w--
		switch {
		case u == 0:
			return "0s"
		case u < uint64(Microsecond):
			prec = 0
			buf[w] = 'n'
		case u < uint64(Millisecond):
			prec = 3
			// U+00B5 'µ' micro sign, two bytes.
			w--
			buf[w] = 0xC2
			buf[w+1] = 0xB5
		default:
			prec = 6
			buf[w] = 'm'
		}
		w, u = fmtFrac(buf[:w], u, prec)
		w = fmtInt(buf[:w], u)
	} else {
		w--
		buf[w] = 's'
		w, u = fmtFrac(buf[:w], u, 9)
		w = fmtInt(buf[:w], u%60)
		u /= 60
		if u > 0 {
			w--
			buf[w] = 'm'
			w = fmtInt(buf[:w], u%60)
			u /= 60
			if u > 0 {
				w--
				buf[w] = 'h'
				w = fmtInt(buf[:w], u)
			}
		}
	}
	if neg {
		w--
		buf[w] = '-'
	}
	return string(buf[w:])
}

// fmtFrac formats the fraction of v/10**prec (e.g. ".12345") into the tail of buf, omitting
// trailing zeros and the point when the fraction is zero. It returns the index where the
// output starts and v/10**prec.
func fmtFrac(buf []byte, v uint64, prec int) (nw int, nv uint64) {
	w := len(buf)
	print := false
	for i := 0; i < prec; i++ {
		digit := v % 10
		print = print || digit != 0
		if print {
			w--
			buf[w] = byte(digit) + '0'
		}
		v /= 10
	}
	if print {
		w--
		buf[w] = '.'
	}
	return w, v
}

// fmtInt formats v into the tail of buf and returns the index where the output starts.
func fmtInt(buf []byte, v uint64) int {
	w := len(buf)
	if v == 0 {
		w--
		buf[w] = '0'
	} else {
		for v > 0 {
			w--
			buf[w] = byte(v%10) + '0'
			v /= 10
		}
	}
	return w
}
