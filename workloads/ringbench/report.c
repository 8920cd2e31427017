/* report.c: helpers (die, uname, pinning, rusage) and the JSON result document. */
#include <errno.h>
#include <sched.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/utsname.h>
#include "ringbench.h"

extern uint64_t rb_target_laid_out;
extern bool rb_target_is_bdev;

void rb_die(int code, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	for (char *p = buf; *p; p++)
		if (*p == '\n')
			*p = ' ';
	fprintf(stderr, "ringbench: %s\n", buf);
	fflush(stderr);
	exit(code);
}

static struct utsname uts;
static bool uts_ok;

static void get_uts(void)
{
	if (!uts_ok && uname(&uts) == 0)
		uts_ok = true;
}

const char *rb_kernel_release(void)
{
	get_uts();
	return uts_ok ? uts.release : "unknown";
}

int rb_pin_self(int cpu)
{
	cpu_set_t set;
	if (cpu < 0 || cpu >= CPU_SETSIZE)
		return -EINVAL;
	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	int ret = sched_setaffinity(0, sizeof(set), &set);
	return ret ? -errno : 0;
}

bool rb_writes(const struct rb_opts *o)
{
	return o->rw == RW_RANDWRITE || o->rw == RW_WRITE || (o->rw == RW_MIXED && o->mix_read_pct < 100);
}

void rb_usage_snap(struct rb_usage_snap *u)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	u->usr_s = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6;
	u->sys_s = (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
	u->nvcsw = ru.ru_nvcsw;
	u->nivcsw = ru.ru_nivcsw;
}

static void flags_obj(struct rb_json *j, const char *key, unsigned v, bool features)
{
	char names[512];
	rb_json_obj(j, key);
	rb_json_u64(j, "value", v);
	char hex[16];
	snprintf(hex, sizeof(hex), "0x%x", v);
	rb_json_str(j, "hex", hex);
	rb_json_arr(j, "names");
	for (unsigned b = 0; b < 32; b++)
		if (v & (1U << b)) {
			rb_flag_names(1U << b, names, sizeof(names), features);
			rb_json_str(j, NULL, names);
		}
	rb_json_end_arr(j);
	rb_json_end_obj(j);
}

static void ring_obj(struct rb_json *j, const char *key, const struct rb_ring_info *i)
{
	rb_json_obj(j, key);
	flags_obj(j, "requested_flags", i->requested_flags, false);
	flags_obj(j, "granted_flags", i->granted_flags, false);
	flags_obj(j, "features", i->features, true);
	rb_json_u64(j, "sq_entries", i->sq_entries);
	rb_json_u64(j, "cq_entries", i->cq_entries);
	if (i->sq_thread_cpu >= 0)
		rb_json_i64(j, "sq_thread_cpu", i->sq_thread_cpu);
	else
		rb_json_null(j, "sq_thread_cpu");
	if (i->sq_thread_idle_ms >= 0)
		rb_json_i64(j, "sq_thread_idle_ms", i->sq_thread_idle_ms);
	else
		rb_json_null(j, "sq_thread_idle_ms");
	rb_json_bool(j, "ring_fd_registered", i->ring_fd_registered);
	rb_json_end_obj(j);
}

/* The non-empty buckets as {"<ns>": count}, fio json+'s clat_ns.bins shape, so a reader can draw
 * the whole distribution (CDF, tail) instead of five percentiles. Keys are the values rb_hist_pct
 * reports for a bucket (its midpoint, whole ns). */
static void bins_obj(struct rb_json *j, const struct rb_hist *h)
{
	char key[32];
	rb_json_obj(j, "bins_ns");
	for (unsigned i = 0; i < RB_HIST_BUCKETS; i++) {
		if (!h->b[i])
			continue;
		snprintf(key, sizeof(key), "%llu", (unsigned long long)rb_hist_bucket_value(i));
		rb_json_u64(j, key, h->b[i]);
	}
	rb_json_end_obj(j);
}

static void latency_obj(struct rb_json *j, const char *key, const struct rb_hist *h, bool bins)
{
	rb_json_obj(j, key);
	rb_json_u64(j, "samples", h->count);
	rb_json_dbl(j, "mean", h->count ? h->sum / (double)h->count / 1e3 : 0.0);
	rb_json_dbl(j, "min", h->count ? (double)h->min / 1e3 : 0.0);
	rb_json_dbl(j, "p50", rb_hist_pct(h, 50) / 1e3);
	rb_json_dbl(j, "p95", rb_hist_pct(h, 95) / 1e3);
	rb_json_dbl(j, "p99", rb_hist_pct(h, 99) / 1e3);
	rb_json_dbl(j, "p99_9", rb_hist_pct(h, 99.9) / 1e3);
	rb_json_dbl(j, "max", h->count ? (double)h->max / 1e3 : 0.0);
	if (bins)
		bins_obj(j, h);
	rb_json_end_obj(j);
}

static void counters(struct rb_json *j, const struct rb_stats *st, double secs, unsigned bs)
{
	rb_json_u64(j, "total_ios", st->ios);
	rb_json_u64(j, "read_ios", st->reads);
	rb_json_u64(j, "write_ios", st->writes);
	rb_json_u64(j, "issued", st->issued);
	rb_json_u64(j, "errors", st->errors);
	rb_json_u64(j, "short_reads", st->short_reads);
	rb_json_u64(j, "short_writes", st->short_writes);
	rb_json_obj(j, "error_codes");
	for (int i = 0; i < RB_MAX_ERRNO && st->err_count[i]; i++) {
		char name[64];
		snprintf(name, sizeof(name), "%s", st->err_code[i] ? strerrorname_np(st->err_code[i]) ? strerrorname_np(st->err_code[i]) : "E?" : "bad_user_data");
		rb_json_u64(j, name, st->err_count[i]);
	}
	rb_json_end_obj(j);
	rb_json_dbl(j, "iops", secs > 0 ? (double)st->ios / secs : 0.0);
	rb_json_dbl(j, "mb_s", secs > 0 ? (double)st->ios * bs / 1e6 / secs : 0.0);
	rb_json_dbl(j, "mib_s", secs > 0 ? (double)st->ios * bs / 1048576.0 / secs : 0.0);
}

static void options_obj(struct rb_json *j, const struct rb_opts *o)
{
	rb_json_obj(j, "options");
	rb_json_str(j, "file", o->file);
	rb_json_str(j, "mode", rb_mode_name(o->mode));
	rb_json_str(j, "rw", rb_rw_name(o->rw));
	rb_json_i64(j, "mix_read_pct", o->mix_read_pct);
	rb_json_u64(j, "bs", o->bs);
	rb_json_u64(j, "qd", o->qd);
	rb_json_u64(j, "jobs", o->jobs);
	rb_json_arr(j, "cpus");
	for (int i = 0; i < o->ncpus; i++)
		rb_json_i64(j, NULL, o->cpus[i]);
	rb_json_end_arr(j);
	if (o->ios)
		rb_json_null(j, "runtime_s");
	else
		rb_json_dbl(j, "runtime_s", o->runtime_s);
	rb_json_u64(j, "ios", o->ios);
	rb_json_bool(j, "direct", o->direct);
	rb_json_u64(j, "size", o->size);
	rb_json_u64(j, "seed", o->seed);
	rb_json_u64(j, "think_cycles", o->think_cycles);
	rb_json_bool(j, "coop_taskrun", o->coop_taskrun);
	rb_json_bool(j, "taskrun_flag", o->taskrun_flag);
	rb_json_bool(j, "defer_taskrun", o->defer_taskrun);
	rb_json_bool(j, "single_issuer", o->single_issuer);
	rb_json_bool(j, "sqpoll", o->sqpoll);
	if (o->sq_thread_cpu >= 0) rb_json_i64(j, "sq_thread_cpu", o->sq_thread_cpu);
	else rb_json_null(j, "sq_thread_cpu");
	if (o->sq_thread_idle_ms >= 0) rb_json_i64(j, "sq_thread_idle_ms", o->sq_thread_idle_ms);
	else rb_json_null(j, "sq_thread_idle_ms");
	rb_json_bool(j, "iopoll", o->iopoll);
	rb_json_u64(j, "force_async", o->force_async);
	rb_json_u64(j, "submit_batch", o->submit_batch);
	rb_json_bool(j, "fixed_files", o->fixed_files);
	rb_json_bool(j, "fixed_buffers", o->fixed_buffers);
	rb_json_bool(j, "vectored", o->vectored);
	rb_json_bool(j, "register_ring_fd", o->register_ring_fd);
	rb_json_str(j, "cq_wait", rb_cqwait_name(o->cq_wait));
	rb_json_bool(j, "busy_sibling", o->busy_sibling);
	if (o->busy_sibling_cpu >= 0) rb_json_i64(j, "busy_sibling_cpu", o->busy_sibling_cpu);
	else rb_json_null(j, "busy_sibling_cpu");
	rb_json_u64(j, "iterations", o->iterations);
	rb_json_u64(j, "stall_timeout_ms", o->stall_timeout_ms);
	rb_json_bool(j, "destructive", o->destructive);
	rb_json_end_obj(j);
}

void rb_report(const struct rb_opts *o, const struct rb_calib *c, const struct rb_result *r,
	       const struct rb_usage_snap *u0, const struct rb_usage_snap *u1)
{
	struct rb_json j;
	struct rb_stats tot;
	memset(&tot, 0, sizeof(tot));
	rb_hist_init(&tot.hist);
	for (int i = 0; i < r->njobs; i++)
		rb_stats_merge(&tot, &r->jobs[i].st);
	get_uts();

	rb_json_begin(&j, stdout);
	rb_json_obj(&j, NULL);
	rb_json_str(&j, "tool", "ringbench");
	rb_json_u64(&j, "schema_version", 1);
	rb_json_str(&j, "mode", rb_mode_name(o->mode));
	rb_json_obj(&j, "kernel");
	rb_json_str(&j, "sysname", uts_ok ? uts.sysname : NULL);
	rb_json_str(&j, "release", uts_ok ? uts.release : NULL);
	rb_json_str(&j, "version", uts_ok ? uts.version : NULL);
	rb_json_str(&j, "machine", uts_ok ? uts.machine : NULL);
	rb_json_end_obj(&j);
	options_obj(&j, o);
	ring_obj(&j, "ring", &r->jobs[0].info);
	if (r->has_ring2)
		ring_obj(&j, "ring2", &r->ring2);
	else
		rb_json_null(&j, "ring2");
	rb_json_obj(&j, "target");
	rb_json_u64(&j, "usable_bytes", rb_target_size);
	rb_json_bool(&j, "block_device", rb_target_is_bdev);
	rb_json_u64(&j, "laid_out_bytes", rb_target_laid_out);
	rb_json_end_obj(&j);
	rb_json_obj(&j, "calibration");
	rb_json_str(&j, "clock", c->source);
	rb_json_dbl(&j, "cycles_per_us", c->ticks_per_ns * 1e3);
	rb_json_dbl(&j, "window_ms", c->calib_window_ms);
	rb_json_dbl(&j, "think_check_cycles", c->think_check_cycles);
	rb_json_dbl(&j, "think_check_us", c->think_check_ns / 1e3);
	rb_json_dbl(&j, "timestamp_cost_ns", c->tick_read_ns);
	rb_json_dbl(&j, "think_us", (double)o->think_cycles / c->ticks_per_ns / 1e3);
	rb_json_end_obj(&j);

	rb_json_dbl(&j, "elapsed_s", r->elapsed_s);
	counters(&j, &tot, r->elapsed_s, o->bs);
	latency_obj(&j, "latency_us", &tot.hist, true);
	rb_json_obj(&j, "cpu");
	rb_json_dbl(&j, "usr_s", u1->usr_s - u0->usr_s);
	rb_json_dbl(&j, "sys_s", u1->sys_s - u0->sys_s);
	rb_json_i64(&j, "voluntary_ctxsw", u1->nvcsw - u0->nvcsw);
	rb_json_i64(&j, "involuntary_ctxsw", u1->nivcsw - u0->nivcsw);
	rb_json_end_obj(&j);

	if (o->mode == MODE_STALL) {
		rb_json_obj(&j, "stall");
		rb_json_u64(&j, "iterations", r->stall_n);
		rb_json_u64(&j, "timeouts", r->stall_timeouts);
		rb_json_i64(&j, "submit_cpu", r->submit_cpu);
		rb_json_i64(&j, "watch_cpu", r->complete_cpu);
		rb_json_arr(&j, "latencies_us");
		for (unsigned i = 0; i < r->stall_n; i++)
			rb_json_dbl(&j, NULL, r->stall_us[i]);
		rb_json_end_arr(&j);
		rb_json_end_obj(&j);
	} else {
		rb_json_null(&j, "stall");
	}
	if (o->mode == MODE_COMPLETION_THREAD) {
		rb_json_obj(&j, "threads");
		rb_json_i64(&j, "submit_cpu", r->submit_cpu);
		rb_json_i64(&j, "complete_cpu", r->complete_cpu);
		rb_json_end_obj(&j);
	}

	rb_json_arr(&j, "jobs");
	for (int i = 0; i < r->njobs; i++) {
		const struct rb_job *jb = &r->jobs[i];
		double secs = rb_ticks_to_ns(jb->t_end - jb->t_start) / 1e9;
		rb_json_obj(&j, NULL);
		rb_json_i64(&j, "job", jb->id);
		rb_json_i64(&j, "cpu", jb->cpu);
		rb_json_dbl(&j, "elapsed_s", secs);
		counters(&j, &jb->st, secs, o->bs);
		latency_obj(&j, "latency_us", &jb->st.hist, false);
		rb_json_end_obj(&j);
	}
	rb_json_end_arr(&j);
	rb_json_end_obj(&j);
	rb_json_finish(&j);
}
