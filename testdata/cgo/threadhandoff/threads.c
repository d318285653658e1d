#include <pthread.h>
#include <stdlib.h>
#include "_cgo_export.h"
static void *worker(void *arg) {
	long calls = (long)arg; long s = 0;
	for (long i = 0; i < calls; i++) s += goCB((int)i);
	return (void*)s;
}
long c_threads(int n, int calls) {
	pthread_t th[64]; long sum = 0;
	for (int t = 0; t < n; t++) if (pthread_create(&th[t], NULL, worker, (void*)(long)calls)) abort();
	for (int t = 0; t < n; t++) { void *r; pthread_join(th[t], &r); sum += (long)r; }
	return sum;
}
