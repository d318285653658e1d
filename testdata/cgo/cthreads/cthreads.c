#include <pthread.h>
#include <stdlib.h>
#include "_cgo_export.h"

struct job { int thread; int calls; long long sum; };

static void *worker(void *arg) {
	struct job *j = arg;
	if (j->calls < 0) {
		/* nested mode: a callback that starts threads itself */
		j->sum = goNested(-j->calls);
		return NULL;
	}
	for (int i = 0; i < j->calls; i++)
		j->sum += goWork(j->thread, i);
	return NULL;
}

/* Runs nthreads threads making `calls` callbacks each and returns the sum of the
   callbacks' results. A negative nthreads starts one thread that calls goNested(-n). */
int c_run_threads(int nthreads, int calls) {
	if (nthreads < 0) {
		calls = nthreads;
		nthreads = 1;
	}
	pthread_t th[64];
	struct job jobs[64];
	for (int t = 0; t < nthreads; t++) {
		jobs[t].thread = t;
		jobs[t].calls = calls;
		jobs[t].sum = 0;
		if (pthread_create(&th[t], NULL, worker, &jobs[t]) != 0) abort();
	}
	long long sum = 0;
	for (int t = 0; t < nthreads; t++) {
		pthread_join(th[t], NULL);
		sum += jobs[t].sum;
	}
	return (int)sum;
}
