#include <pthread.h>
#include "_cgo_export.h"

static void *worker(void *arg) {
	goCB();
	return 0;
}

void run_thread(void) {
	pthread_t t;
	pthread_create(&t, 0, worker, 0);
	pthread_join(t, 0);
}
