/*
 * ctmode.c: --mode completion-thread ("ping-pong").
 *
 * Two threads, two rings, --qd I/Os in flight:
 *   submitter S (cpus[0]) owns ring 1 (the I/O ring, created with all ring
 *     options) and is its only SQ producer;
 *   completer C (cpus[1]) is ring 1's only CQ consumer: it waits with
 *     io_uring_enter(GETEVENTS), accounts each CQE, runs the think cycles, and
 *     hands the free slot back by submitting a NOP (user_data = slot) on ring 2,
 *     a plain ring that C owns;
 *   S waits on ring 2's CQ, and re-issues one I/O per returned slot on ring 1.
 * Each ring has exactly one producer thread and one consumer thread. Task work of
 * ring 1's I/O belongs to S (the submitter), so every completion crosses threads.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include "ringbench.h"

struct ct {
	struct rb_job *job;
	struct io_uring ring2;
	struct rb_ring_info info2;
	pthread_barrier_t ready;
	_Atomic uint64_t final_issued;
	int ccpu;
};

static void *completer(void *arg)
{
	struct ct *ct = arg;
	struct rb_job *j = ct->job;
	const struct rb_opts *o = j->o;
	int ret;
	if (ct->ccpu >= 0 && (ret = rb_pin_self(ct->ccpu)))
		rb_die(1, "cannot pin completion thread to cpu %d: %s", ct->ccpu, strerror(-ret));
	rb_ring_create(&ct->ring2, o->qd, o, false, &ct->info2);
	pthread_barrier_wait(&ct->ready);

	uint64_t reaped = 0;
	bool stop_seen = false;
	for (;;) {
		struct io_uring_cqe *cqe;
		ret = rb_wait_cqe(j, &j->ring, &cqe);
		if (ret < 0)
			rb_die(1, "completion thread: waiting on ring 1: %s", strerror(-ret));
		unsigned head, n = 0;
		uint64_t now = rb_ticks();
		io_uring_for_each_cqe(&j->ring, head, cqe) {
			n++;
			if (cqe->user_data == RB_STOP_UDATA) {
				stop_seen = true;
				continue;
			}
			if (o->think_cycles)
				now = rb_ticks();
			rb_job_complete(j, cqe, now);
			reaped++;
			rb_think(o->think_cycles);
			struct io_uring_sqe *sqe = rb_get_sqe(&ct->ring2);
			io_uring_prep_nop(sqe);
			sqe->user_data = cqe->user_data;
		}
		io_uring_cq_advance(&j->ring, n);
		ret = io_uring_submit(&ct->ring2);
		if (ret < 0 && ret != -EINTR && ret != -EAGAIN)
			rb_die(1, "completion thread: submitting to ring 2: %s", strerror(-ret));
		if (stop_seen && reaped >= atomic_load(&ct->final_issued))
			break;
	}
	j->t_end = rb_ticks();
	return NULL;
}

void rb_run_completion_thread(const struct rb_opts *o, struct rb_result *r)
{
	struct ct ct;
	memset(&ct, 0, sizeof(ct));
	r->njobs = 1;
	r->jobs = calloc(1, sizeof(struct rb_job));
	if (!r->jobs)
		rb_die(1, "out of memory");
	struct rb_job *j = &r->jobs[0];
	rb_job_init(j, 0, o);
	ct.job = j;
	j->cpu = o->ncpus ? o->cpus[0] : -1;
	ct.ccpu = o->ncpus >= 2 ? o->cpus[1] : j->cpu;
	r->submit_cpu = j->cpu;
	r->complete_cpu = ct.ccpu;
	atomic_store(&ct.final_issued, UINT64_MAX);
	pthread_barrier_init(&ct.ready, NULL, 2);

	int ret;
	if (j->cpu >= 0 && (ret = rb_pin_self(j->cpu)))
		rb_die(1, "cannot pin submission thread to cpu %d: %s", j->cpu, strerror(-ret));
	rb_ring_create(&j->ring, o->qd, o, true, &j->info);	/* S is ring 1's submitter */
	rb_job_register(j);
	pthread_t t;
	if (pthread_create(&t, NULL, completer, &ct))
		rb_die(1, "pthread_create failed");
	pthread_barrier_wait(&ct.ready);
	rb_window(o, "open");

	j->t_start = rb_ticks();
	uint64_t deadline = j->t_start + (uint64_t)(o->runtime_s * 1e9 * rb_ticks_per_ns);
	bool stop = false;
	for (unsigned i = 0; i < o->qd; i++) {
		if ((o->ios && j->st.issued >= o->ios) || (!o->ios && rb_ticks() >= deadline))
			break;
		rb_job_prep(j, rb_get_sqe(&j->ring), i);
		rb_job_submit_batched(j);
	}
	ret = io_uring_submit(&j->ring);
	j->unsubmitted = 0;
	if (ret < 0)
		rb_die(1, "io_uring_submit: %s", strerror(-ret));
	while (!stop) {
		struct io_uring_cqe *cqe;
		ret = rb_wait_cqe(NULL, &ct.ring2, &cqe);
		if (ret < 0)
			rb_die(1, "submission thread: waiting on ring 2: %s", strerror(-ret));
		unsigned head, n = 0;
		io_uring_for_each_cqe(&ct.ring2, head, cqe) {
			n++;
			if (!stop)
				stop = o->ios ? j->st.issued >= o->ios : rb_ticks() >= deadline;
			if (!stop) {
				rb_job_prep(j, rb_get_sqe(&j->ring), (unsigned)cqe->user_data);
				rb_job_submit_batched(j);
			}
		}
		io_uring_cq_advance(&ct.ring2, n);
		if (stop) {
			atomic_store(&ct.final_issued, j->st.issued);
			struct io_uring_sqe *sqe = rb_get_sqe(&j->ring);
			io_uring_prep_nop(sqe);
			sqe->user_data = RB_STOP_UDATA;
		}
		ret = io_uring_submit(&j->ring);
		j->unsubmitted = 0;
		if (ret < 0 && ret != -EINTR && ret != -EAGAIN)
			rb_die(1, "io_uring_submit: %s", strerror(-ret));
	}
	pthread_join(t, NULL);
	rb_window(o, "close");
	r->elapsed_s = rb_ticks_to_ns(j->t_end - j->t_start) / 1e9;
	r->ring2 = ct.info2;
	r->has_ring2 = true;
	io_uring_queue_exit(&j->ring);
	io_uring_queue_exit(&ct.ring2);
	pthread_barrier_destroy(&ct.ready);
}
