#include <pthread.h>
#include <stdlib.h>
#include "_cgo_export.h"

struct job { int n; long result; };

static void *worker(void *arg) {
	struct job *j = arg;
	long x = 0;
	for (int i = 0; i < j->n; i++) x = goAdd1(x) ^ (i & 1);
	j->result = x;
	return NULL;
}

long run_thread(int n) {
	pthread_t t;
	struct job j = { n, 0 };
	if (pthread_create(&t, NULL, worker, &j) != 0) abort();
	pthread_join(t, NULL);
	return j.result;
}
