package sync

// The runtime's semaphores (runtime/src/sema.rs): acquire waits until *s > 0 and
// decrements it, parking the goroutine; release increments it and wakes one waiter.

//gorc:extern gorc_semacquire
func runtime_Semacquire(s *uint32)

//gorc:extern gorc_semacquire_mutex
func runtime_SemacquireMutex(s *uint32)

//gorc:extern gorc_semacquire_cond
func runtime_SemacquireCond(s *uint32)

//gorc:extern gorc_semrelease
func runtime_Semrelease(s *uint32)

// fatal: 0 unlock of unlocked mutex, 1 RUnlock of unlocked RWMutex, 2 Unlock of unlocked
// RWMutex (gc's unrecoverable fatal errors).
//
//gorc:extern gorc_sync_fatal
func fatal(code int)
