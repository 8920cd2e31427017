/* ringbench: shared declarations. See README.md. */
#ifndef RINGBENCH_H
#define RINGBENCH_H

#include <stdbool.h>
#include <stdint.h>
#include <stdatomic.h>
#include <stdio.h>
#include <time.h>
#include <sys/uio.h>
#include <liburing.h>

#if defined(__x86_64__) || defined(__i386__)
#include <x86intrin.h>
#define RB_HAVE_TSC 1
#else
#define RB_HAVE_TSC 0
#endif

/* Setup flags newer than liburing 2.3's header (kernel UAPI values). */
#ifndef IORING_SETUP_COOP_TASKRUN
#define IORING_SETUP_COOP_TASKRUN	(1U << 8)
#endif
#ifndef IORING_SETUP_TASKRUN_FLAG
#define IORING_SETUP_TASKRUN_FLAG	(1U << 9)
#endif
#ifndef IORING_SETUP_SINGLE_ISSUER
#define IORING_SETUP_SINGLE_ISSUER	(1U << 12)
#endif
#ifndef IORING_SETUP_DEFER_TASKRUN
#define IORING_SETUP_DEFER_TASKRUN	(1U << 13)
#endif
#ifndef IORING_SETUP_NO_MMAP
#define IORING_SETUP_NO_MMAP		(1U << 14)
#endif
#ifndef IORING_SETUP_REGISTERED_FD_ONLY
#define IORING_SETUP_REGISTERED_FD_ONLY	(1U << 15)
#endif
#ifndef IORING_SETUP_NO_SQARRAY
#define IORING_SETUP_NO_SQARRAY		(1U << 16)
#endif
#ifndef IORING_SETUP_HYBRID_IOPOLL
#define IORING_SETUP_HYBRID_IOPOLL	(1U << 17)
#endif
#ifndef IORING_SQ_TASKRUN
#define IORING_SQ_TASKRUN		(1U << 2)
#endif
/* Opcodes added in Linux 6.15 (enum io_uring_op values). */
#define RB_IORING_OP_READV_FIXED	60
#define RB_IORING_OP_WRITEV_FIXED	61

#define RB_MAX_CPUS 256
#define RB_MAX_QD 4096
#define RB_MAX_JOBS 256
#define RB_STOP_UDATA (~0ULL)

enum rb_rw { RW_RANDREAD, RW_RANDWRITE, RW_READ, RW_WRITE, RW_MIXED };
enum rb_mode { MODE_THROUGHPUT, MODE_COMPLETION_THREAD, MODE_STALL, MODE_CAT };
enum rb_catapi { CATAPI_URING, CATAPI_READ };
enum rb_cqwait { CQWAIT_AUTO, CQWAIT_ENTER, CQWAIT_SPIN };

struct rb_opts {
	bool coop_taskrun, taskrun_flag, defer_taskrun, single_issuer;
	bool sqpoll, iopoll;
	int sq_thread_cpu;		/* -1: not set */
	long sq_thread_idle_ms;		/* -1: kernel default */
	unsigned force_async;		/* 0 off, N: every Nth SQE */
	unsigned submit_batch;		/* 0: one submit per loop; N: submit every N prepared SQEs */
	bool fixed_files, fixed_buffers, vectored, register_ring_fd;
	enum rb_rw rw;
	int mix_read_pct;
	unsigned bs, qd, jobs;
	int cpus[RB_MAX_CPUS];
	int ncpus;
	double runtime_s;		/* 0 when --ios is used */
	uint64_t ios;			/* 0 when --runtime is used */
	bool direct;
	const char *file;
	uint64_t size;			/* 0: whole file/device */
	uint64_t seed;
	uint64_t think_cycles;
	enum rb_mode mode;
	enum rb_cqwait cq_wait;
	bool busy_sibling;
	int busy_sibling_cpu;		/* -1: unpinned */
	unsigned iterations;		/* stall */
	unsigned stall_timeout_ms;	/* stall */
	bool destructive;
	enum rb_catapi cat_api;		/* cat */
	const char *barrier;		/* uringlab's probe-window socket, or NULL */
};

/* ---- args.c ---- */
void rb_usage(FILE *f);
int rb_parse_args(int argc, char **argv, struct rb_opts *o); /* 0 ok, -1 bad (message printed) */
const char *rb_rw_name(enum rb_rw rw);
const char *rb_mode_name(enum rb_mode m);
const char *rb_cqwait_name(enum rb_cqwait w);

/* ---- util (report.c) ---- */
void rb_die(int code, const char *fmt, ...) __attribute__((noreturn, format(printf, 2, 3)));
const char *rb_kernel_release(void);
int rb_pin_self(int cpu); /* 0 ok, -errno */
bool rb_writes(const struct rb_opts *o);

/* ---- clock.c ---- */
struct rb_calib {
	const char *source;		/* "tsc" or "clock_monotonic" */
	double ticks_per_ns;		/* tick = think cycle */
	double calib_window_ms;
	double think_check_cycles;	/* cycles spun for the self check */
	double think_check_ns;		/* wall time they took */
	double tick_read_ns;		/* cost of one timestamp */
};
extern double rb_ticks_per_ns;
static inline uint64_t rb_ticks(void)
{
#if RB_HAVE_TSC
	return __rdtsc();
#else
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
#endif
}
static inline void rb_think(uint64_t cycles)
{
	if (!cycles)
		return;
	uint64_t start = rb_ticks();
	while (rb_ticks() - start < cycles)
		__asm__ __volatile__("" ::: "memory");
}
static inline double rb_ticks_to_ns(uint64_t t) { return (double)t / rb_ticks_per_ns; }
uint64_t rb_now_ns(void);
void rb_calibrate(struct rb_calib *c);

/* ---- hist.c: log-linear histogram of nanoseconds ---- */
#define RB_HIST_SUB_BITS 7
#define RB_HIST_SUB (1u << RB_HIST_SUB_BITS)
#define RB_HIST_HALF (RB_HIST_SUB / 2)
#define RB_HIST_BUCKETS (RB_HIST_SUB + (64 - RB_HIST_SUB_BITS) * RB_HIST_HALF)
struct rb_hist {
	uint64_t count, min, max;
	double sum;
	uint64_t b[RB_HIST_BUCKETS];
};
void rb_hist_init(struct rb_hist *h);
/* Values below 128 ns are exact; above, 64 buckets per power of two (<1.6% error). */
static inline unsigned rb_hist_index(uint64_t v)
{
	if (v < RB_HIST_SUB)
		return (unsigned)v;
	unsigned msb = 63u - (unsigned)__builtin_clzll(v);
	unsigned shift = msb - RB_HIST_SUB_BITS + 1;
	unsigned top = (unsigned)(v >> shift);	/* in [HALF, SUB) */
	return RB_HIST_SUB + (shift - 1) * RB_HIST_HALF + (top - RB_HIST_HALF);
}
static inline void rb_hist_add(struct rb_hist *h, uint64_t v)
{
	h->count++;
	h->sum += (double)v;
	if (v < h->min)
		h->min = v;
	if (v > h->max)
		h->max = v;
	h->b[rb_hist_index(v)]++;
}
void rb_hist_merge(struct rb_hist *dst, const struct rb_hist *src);
double rb_hist_pct(const struct rb_hist *h, double pct); /* ns */
double rb_hist_bucket_value(unsigned i); /* ns, the midpoint rb_hist_pct reports */

/* ---- ring.c ---- */
struct rb_ring_info {
	unsigned requested_flags, granted_flags, features;
	unsigned sq_entries, cq_entries;
	int sq_thread_cpu;
	long sq_thread_idle_ms;
	bool ring_fd_registered;
};
unsigned rb_requested_flags(const struct rb_opts *o);
void rb_ring_preflight(const struct rb_opts *o);	/* exits 2 on EINVAL */
void rb_ring_create(struct io_uring *ring, unsigned entries, const struct rb_opts *o,
		    bool with_opts, struct rb_ring_info *info);
int rb_flag_names(unsigned flags, char *buf, size_t len, bool features);
const char *rb_flag_name(unsigned bit, bool features);

/* ---- io.c: the I/O target, slots and completion accounting ---- */
struct rb_slot {
	uint64_t t_submit;
	uint64_t off;
	void *buf;
	struct iovec iov;
	bool is_write;
};
#define RB_MAX_ERRNO 8
struct rb_stats {
	uint64_t ios, reads, writes, bytes;
	uint64_t errors, short_reads, short_writes, issued;
	int err_code[RB_MAX_ERRNO];
	uint64_t err_count[RB_MAX_ERRNO];
	struct rb_hist hist;
};
struct rb_job {
	int id, cpu;
	const struct rb_opts *o;
	struct io_uring ring;
	struct rb_ring_info info;
	int fd;
	int sqe_fd;			/* fd or fixed index */
	unsigned sqe_flags;		/* IOSQE_FIXED_FILE or 0 */
	struct rb_slot *slots;
	void *bufmem;
	uint64_t rng, seq_off, region_off, region_len, nsqe;
	unsigned unsubmitted;		/* prepared since the last submit (--submit-batch) */
	uint64_t t_start, t_end;	/* ticks */
	struct rb_stats st;
	unsigned cq_wait;		/* resolved: CQWAIT_ENTER or CQWAIT_SPIN */
};
extern uint64_t rb_target_size;		/* bytes usable */
void rb_target_prepare(const struct rb_opts *o);	/* validates, lays out */
void rb_job_init(struct rb_job *j, int id, const struct rb_opts *o);
void rb_job_register(struct rb_job *j);		/* after ring creation */
/* --barrier: tells uringlab "open" (before the first submit) or "close" (after the last completion) */
void rb_window(const struct rb_opts *o, const char *what);
void rb_job_prep(struct rb_job *j, struct io_uring_sqe *sqe, unsigned slot);
void rb_job_submit_batched(struct rb_job *j);	/* after each rb_job_prep: --submit-batch */
void rb_job_complete(struct rb_job *j, const struct io_uring_cqe *cqe, uint64_t now);
void rb_job_free(struct rb_job *j);
void rb_stats_merge(struct rb_stats *dst, const struct rb_stats *src);
struct io_uring_sqe *rb_get_sqe(struct io_uring *ring);
int rb_wait_cqe(struct rb_job *j, struct io_uring *ring, struct io_uring_cqe **cqe);
bool rb_op_supported(struct io_uring *ring, int op);

/* ---- modes ---- */
struct rb_result {
	struct rb_job *jobs;
	int njobs;
	struct rb_ring_info ring2;	/* completion-thread: the notify ring */
	bool has_ring2;
	double elapsed_s;
	/* stall */
	double *stall_us;
	unsigned stall_n, stall_timeouts;
	int submit_cpu, complete_cpu;
};
void rb_run_throughput(const struct rb_opts *o, struct rb_result *r);
void rb_run_completion_thread(const struct rb_opts *o, struct rb_result *r);
void rb_run_stall(const struct rb_opts *o, struct rb_result *r);
int rb_run_cat(const struct rb_opts *o);	/* prints its own document; returns the exit code */

/* ---- json.c ---- */
struct rb_json { FILE *f; int depth; bool first[32]; };
void rb_json_begin(struct rb_json *j, FILE *f);
void rb_json_obj(struct rb_json *j, const char *key);	/* key NULL inside arrays/top */
void rb_json_arr(struct rb_json *j, const char *key);
void rb_json_end_obj(struct rb_json *j);
void rb_json_end_arr(struct rb_json *j);
void rb_json_str(struct rb_json *j, const char *key, const char *v);
void rb_json_u64(struct rb_json *j, const char *key, uint64_t v);
void rb_json_i64(struct rb_json *j, const char *key, int64_t v);
void rb_json_dbl(struct rb_json *j, const char *key, double v);
void rb_json_bool(struct rb_json *j, const char *key, bool v);
void rb_json_null(struct rb_json *j, const char *key);
void rb_json_finish(struct rb_json *j);

/* ---- report.c ---- */
struct rb_usage_snap { double usr_s, sys_s; long nvcsw, nivcsw; };
void rb_usage_snap(struct rb_usage_snap *u);
void rb_report(const struct rb_opts *o, const struct rb_calib *c, const struct rb_result *r,
	       const struct rb_usage_snap *u0, const struct rb_usage_snap *u1);

/* ---- busy sibling (stall.c) ---- */
void rb_busy_sibling_start(const struct rb_opts *o);
void rb_busy_sibling_stop(void);

#endif
