/*
 * stall.c: --mode stall and the --busy-sibling thread.
 *
 * Per iteration the submitter S (cpus[0]) prepares one SQE, calls
 * io_uring_submit() (one kernel entry), then spins in user space without any
 * system call until told the iteration is over. The watcher W (cpus[1]) spins on
 * the CQ tail in shared memory and timestamps the moment the CQE becomes
 * visible; latency = visible - just before submit. Without COOP_TASKRUN the
 * completion's task work interrupts S (IPI/kick) and runs at once; with it, the
 * work waits for S's next kernel entry (e.g. the next timer tick), so the CQE
 * shows up milliseconds late. With DEFER_TASKRUN it waits for an
 * io_uring_enter(GETEVENTS) that S never makes: after --stall-timeout-ms W asks
 * S to enter the kernel (io_uring_get_events) and counts a timeout.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include "ringbench.h"

struct stall {
	struct rb_job *job;
	_Atomic unsigned submitted;	/* iterations submitted */
	_Atomic unsigned done;		/* iterations observed */
	_Atomic unsigned kick;		/* iteration number + 1 whose CQE is overdue */
	_Atomic uint64_t t_submit;
	double *lat_us;
	unsigned timeouts;
	int wcpu;
};

static void *watcher(void *arg)
{
	struct stall *s = arg;
	struct rb_job *j = s->job;
	const struct rb_opts *o = j->o;
	int ret;
	if (s->wcpu >= 0 && (ret = rb_pin_self(s->wcpu)))
		rb_die(1, "cannot pin watcher thread to cpu %d: %s", s->wcpu, strerror(-ret));
	uint64_t timeout = (uint64_t)((double)o->stall_timeout_ms * 1e6 * rb_ticks_per_ns);
	for (unsigned it = 0; it < o->iterations; it++) {
		while (atomic_load_explicit(&s->submitted, memory_order_acquire) <= it)
			__asm__ __volatile__("" ::: "memory");
		uint64_t t0 = atomic_load(&s->t_submit);
		bool kicked = false;
		while (!io_uring_cq_ready(&j->ring)) {
			if (!kicked && rb_ticks() - t0 > timeout) {
				kicked = true;
				s->timeouts++;
				atomic_store(&s->kick, it + 1);
			}
		}
		uint64_t now = rb_ticks();
		struct io_uring_cqe *cqe;
		unsigned head, n = 0;
		io_uring_for_each_cqe(&j->ring, head, cqe) {
			rb_job_complete(j, cqe, now);
			n++;
		}
		io_uring_cq_advance(&j->ring, n);
		s->lat_us[it] = rb_ticks_to_ns(now - t0) / 1e3;
		atomic_store_explicit(&s->done, it + 1, memory_order_release);
	}
	return NULL;
}

void rb_run_stall(const struct rb_opts *o, struct rb_result *r)
{
	struct stall s;
	memset(&s, 0, sizeof(s));
	r->njobs = 1;
	r->jobs = calloc(1, sizeof(struct rb_job));
	s.lat_us = calloc(o->iterations, sizeof(double));
	if (!r->jobs || !s.lat_us)
		rb_die(1, "out of memory");
	struct rb_job *j = &r->jobs[0];
	rb_job_init(j, 0, o);
	s.job = j;
	j->cpu = o->ncpus ? o->cpus[0] : -1;
	s.wcpu = o->ncpus >= 2 ? o->cpus[1] : j->cpu;
	r->submit_cpu = j->cpu;
	r->complete_cpu = s.wcpu;

	int ret;
	if (j->cpu >= 0 && (ret = rb_pin_self(j->cpu)))
		rb_die(1, "cannot pin submitter to cpu %d: %s", j->cpu, strerror(-ret));
	rb_ring_create(&j->ring, 1, o, true, &j->info);
	rb_job_register(j);
	pthread_t t;
	if (pthread_create(&t, NULL, watcher, &s))
		rb_die(1, "pthread_create failed");
	rb_window(o, "open");

	j->t_start = rb_ticks();
	for (unsigned it = 0; it < o->iterations; it++) {
		struct io_uring_sqe *sqe = rb_get_sqe(&j->ring);
		rb_job_prep(j, sqe, 0);
		atomic_store(&s.t_submit, j->slots[0].t_submit);
		ret = io_uring_submit(&j->ring);
		if (ret < 0)
			rb_die(1, "io_uring_submit: %s", strerror(-ret));
		atomic_store_explicit(&s.submitted, it + 1, memory_order_release);
		bool kicked = false;
		/* user-space spin: no system call until the watcher saw the CQE */
		while (atomic_load_explicit(&s.done, memory_order_acquire) <= it) {
			if (!kicked && atomic_load_explicit(&s.kick, memory_order_relaxed) == it + 1) {
				kicked = true;
				ret = io_uring_get_events(&j->ring);
				if (ret < 0 && ret != -EINTR && ret != -EAGAIN)
					rb_die(1, "io_uring_get_events: %s", strerror(-ret));
			}
			__asm__ __volatile__("" ::: "memory");
		}
	}
	j->t_end = rb_ticks();
	pthread_join(t, NULL);
	rb_window(o, "close");
	io_uring_queue_exit(&j->ring);
	r->elapsed_s = rb_ticks_to_ns(j->t_end - j->t_start) / 1e9;
	r->stall_us = s.lat_us;
	r->stall_n = o->iterations;
	r->stall_timeouts = s.timeouts;
}

/* --busy-sibling: a thread of this process that only spins (shares the file table). */
static _Atomic bool sib_stop;
static pthread_t sib_thread;
static bool sib_running;

static void *sibling(void *arg)
{
	int cpu = *(int *)arg;
	if (cpu >= 0) {
		int ret = rb_pin_self(cpu);
		if (ret)
			rb_die(1, "cannot pin busy sibling to cpu %d: %s", cpu, strerror(-ret));
	}
	while (!atomic_load_explicit(&sib_stop, memory_order_relaxed))
		__asm__ __volatile__("" ::: "memory");
	return NULL;
}

void rb_busy_sibling_start(const struct rb_opts *o)
{
	static int cpu;
	if (!o->busy_sibling)
		return;
	cpu = o->busy_sibling_cpu;
	atomic_store(&sib_stop, false);
	if (pthread_create(&sib_thread, NULL, sibling, &cpu))
		rb_die(1, "pthread_create failed");
	sib_running = true;
}

void rb_busy_sibling_stop(void)
{
	if (!sib_running)
		return;
	atomic_store(&sib_stop, true);
	pthread_join(sib_thread, NULL);
	sib_running = false;
}
