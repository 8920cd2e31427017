/* throughput.c: each job owns one ring and keeps --qd I/Os in flight. */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include "ringbench.h"

static pthread_barrier_t start_barrier;

static bool should_stop(const struct rb_job *j, uint64_t now, uint64_t deadline)
{
	if (j->o->ios)
		return j->st.issued >= j->o->ios;
	return now >= deadline;
}

static void *job_main(void *arg)
{
	struct rb_job *j = arg;
	const struct rb_opts *o = j->o;
	int ret;

	if (j->cpu >= 0 && (ret = rb_pin_self(j->cpu)))
		rb_die(1, "cannot pin job %d to cpu %d: %s", j->id, j->cpu, strerror(-ret));
	rb_ring_create(&j->ring, o->qd, o, true, &j->info);
	rb_job_register(j);
	if (o->jobs > 1)
		pthread_barrier_wait(&start_barrier);
	rb_window(o, "open");

	unsigned *freed = malloc(sizeof(unsigned) * o->qd);
	if (!freed)
		rb_die(1, "out of memory");
	uint64_t limit = o->ios ? (o->ios + o->jobs - 1 - (uint64_t)j->id) / o->jobs : 0; /* split --ios */
	struct rb_opts local = *o;
	local.ios = limit;
	j->o = &local;

	j->t_start = rb_ticks();
	uint64_t deadline = j->t_start + (uint64_t)(o->runtime_s * 1e9 * rb_ticks_per_ns);
	unsigned inflight = 0;
	bool stop = false;
	for (unsigned i = 0; i < o->qd && !should_stop(j, j->t_start, deadline); i++) {
		rb_job_prep(j, rb_get_sqe(&j->ring), i);
		rb_job_submit_batched(j);
		inflight++;
	}
	while (inflight) {
		if (j->cq_wait == CQWAIT_SPIN) {
			ret = io_uring_submit(&j->ring);	/* enters only to wake the SQ thread */
			if (ret >= 0)
				while (!io_uring_cq_ready(&j->ring))
					__asm__ __volatile__("" ::: "memory");
		} else if (o->sqpoll && io_uring_cq_ready(&j->ring)) {
			ret = io_uring_submit(&j->ring);
		} else {
			ret = io_uring_submit_and_wait(&j->ring, 1);
		}
		j->unsubmitted = 0;
		if (ret < 0 && ret != -EINTR && ret != -EAGAIN && ret != -EBUSY)
			rb_die(1, "io_uring_submit_and_wait (job %d): %s", j->id, strerror(-ret));

		struct io_uring_cqe *cqe;
		unsigned head, n = 0;
		uint64_t now = rb_ticks();
		io_uring_for_each_cqe(&j->ring, head, cqe) {
			if (o->think_cycles)
				now = rb_ticks();
			rb_job_complete(j, cqe, now);
			freed[n++] = (unsigned)cqe->user_data;
			rb_think(o->think_cycles);
			if (n == o->qd)
				break;
		}
		io_uring_cq_advance(&j->ring, n);
		if (!stop)
			stop = should_stop(j, o->think_cycles ? rb_ticks() : now, deadline);
		for (unsigned i = 0; i < n; i++) {
			if (!stop && freed[i] < o->qd) {
				rb_job_prep(j, rb_get_sqe(&j->ring), freed[i]);
				rb_job_submit_batched(j);
				stop = should_stop(j, now, deadline);
			} else {
				inflight--;
			}
		}
	}
	j->t_end = rb_ticks();
	j->o = o;
	rb_window(o, "close");
	free(freed);
	io_uring_queue_exit(&j->ring);
	return NULL;
}

void rb_run_throughput(const struct rb_opts *o, struct rb_result *r)
{
	r->njobs = (int)o->jobs;
	r->jobs = calloc(o->jobs, sizeof(struct rb_job));
	if (!r->jobs)
		rb_die(1, "out of memory");
	for (unsigned i = 0; i < o->jobs; i++)
		rb_job_init(&r->jobs[i], (int)i, o);
	if (o->jobs == 1) {
		/* run on the main thread: no extra threads share the file table */
		job_main(&r->jobs[0]);
	} else {
		pthread_t *t = calloc(o->jobs, sizeof(*t));
		if (!t)
			rb_die(1, "out of memory");
		pthread_barrier_init(&start_barrier, NULL, o->jobs);
		for (unsigned i = 0; i < o->jobs; i++)
			if (pthread_create(&t[i], NULL, job_main, &r->jobs[i]))
				rb_die(1, "pthread_create failed");
		for (unsigned i = 0; i < o->jobs; i++)
			pthread_join(t[i], NULL);
		pthread_barrier_destroy(&start_barrier);
		free(t);
	}
	uint64_t t0 = UINT64_MAX, t1 = 0;
	for (unsigned i = 0; i < o->jobs; i++) {
		if (r->jobs[i].t_start < t0)
			t0 = r->jobs[i].t_start;
		if (r->jobs[i].t_end > t1)
			t1 = r->jobs[i].t_end;
	}
	r->elapsed_s = rb_ticks_to_ns(t1 - t0) / 1e9;
}
