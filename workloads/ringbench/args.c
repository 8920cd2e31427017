/* args.c: command line parsing and validation. Bad arguments -> usage, exit 2. */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include "ringbench.h"

void rb_usage(FILE *f)
{
	fputs(
"usage: ringbench --file PATH [options]\n"
"ring setup:  --coop-taskrun --taskrun-flag --defer-taskrun --single-issuer\n"
"             --sqpoll [--sq-thread-cpu N] [--sq-thread-idle MS] --iopoll\n"
"             --register-ring-fd\n"
"per SQE:     --force-async N (IOSQE_ASYNC on every Nth SQE, 1 = all)\n"
"             --submit-batch N (submit every N prepared SQEs; 0 = all at once, default)\n"
"             --fixed-files --fixed-buffers --vectored\n"
"I/O shape:   --rw randread|randwrite|read|write|mixed [--mix-read-pct P]\n"
"             --bs SIZE (4k) --qd N (1) --jobs N (1) --cpus LIST (e.g. 0,1 or 0-3)\n"
"             --runtime SEC (5) | --ios N   --direct (default) | --buffered\n"
"             --size SIZE (use only the first SIZE bytes) --seed N (1)\n"
"             --think-cycles N --cq-wait auto|enter|spin --destructive\n"
"modes:       --mode throughput|completion-thread|stall|cat\n"
"             --cat-api uring|read (cat: read the whole file through io_uring or read(2))\n"
"             --iterations N (stall, 100) --stall-timeout-ms MS (stall, 1000)\n"
"             --busy-sibling [--busy-sibling-cpu N]\n"
"uringlab:    --barrier SOCKET (say \"open\" before the first submit and \"close\" after the last\n"
"             completion to uringlab's probe-window socket, and wait for its answer)\n"
"output:      --json (default; one JSON document on stdout)  --help\n"
"Exit: 0 ok, 1 runtime failure, 2 bad arguments or ring flags rejected by the kernel.\n",
	f);
}

const char *rb_rw_name(enum rb_rw rw)
{
	static const char *n[] = {"randread", "randwrite", "read", "write", "mixed"};
	return n[rw];
}

const char *rb_mode_name(enum rb_mode m)
{
	static const char *n[] = {"throughput", "completion-thread", "stall", "cat"};
	return n[m];
}

const char *rb_cqwait_name(enum rb_cqwait w)
{
	static const char *n[] = {"auto", "enter", "spin"};
	return n[w];
}

static int bad(const char *fmt, const char *a, const char *b)
{
	fprintf(stderr, "ringbench: ");
	fprintf(stderr, fmt, a, b);
	fputc('\n', stderr);
	rb_usage(stderr);
	return -1;
}

/* Unsigned integer with optional k/m/g/t suffix (powers of 1024). */
static int parse_size(const char *s, uint64_t *out)
{
	char *end;
	if (!s || !*s || *s == '-')
		return -1;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 0);
	if (errno || end == s)
		return -1;
	unsigned shift = 0;
	if (*end) {
		switch (tolower((unsigned char)*end)) {
		case 'k': shift = 10; break;
		case 'm': shift = 20; break;
		case 'g': shift = 30; break;
		case 't': shift = 40; break;
		default: return -1;
		}
		end++;
		if (*end == 'i' || *end == 'I')
			end++;
		if (*end == 'b' || *end == 'B')
			end++;
		if (*end)
			return -1;
	}
	if (shift && v > (UINT64_MAX >> shift))
		return -1;
	*out = (uint64_t)v << shift;
	return 0;
}

static int parse_u64(const char *s, uint64_t *out)
{
	char *end;
	if (!s || !*s || *s == '-')
		return -1;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (errno || *end)
		return -1;
	*out = v;
	return 0;
}

static int parse_uint(const char *s, uint64_t max, uint64_t *out)
{
	if (parse_u64(s, out) || *out > max)
		return -1;
	return 0;
}

static int parse_cpus(const char *s, struct rb_opts *o)
{
	char *dup = strdup(s), *save = NULL;
	if (!dup)
		return -1;
	o->ncpus = 0;
	for (char *tok = strtok_r(dup, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		char *dash = strchr(tok, '-');
		uint64_t a, b;
		if (dash) {
			*dash = 0;
			if (parse_uint(tok, RB_MAX_CPUS * 64, &a) || parse_uint(dash + 1, RB_MAX_CPUS * 64, &b) || b < a)
				goto fail;
		} else {
			if (parse_uint(tok, RB_MAX_CPUS * 64, &a))
				goto fail;
			b = a;
		}
		for (uint64_t c = a; c <= b; c++) {
			if (o->ncpus >= RB_MAX_CPUS)
				goto fail;
			o->cpus[o->ncpus++] = (int)c;
		}
	}
	free(dup);
	return o->ncpus > 0 ? 0 : -1;
fail:
	free(dup);
	return -1;
}

enum {
	OPT_COOP = 256, OPT_TASKRUN_FLAG, OPT_DEFER, OPT_SINGLE, OPT_SQPOLL, OPT_SQCPU, OPT_SQIDLE, OPT_IOPOLL,
	OPT_FORCE_ASYNC, OPT_FIXED_FILES, OPT_FIXED_BUFFERS, OPT_VECTORED, OPT_RING_FD, OPT_RW, OPT_MIX,
	OPT_BS, OPT_QD, OPT_JOBS, OPT_CPUS, OPT_RUNTIME, OPT_IOS, OPT_DIRECT, OPT_BUFFERED, OPT_FILE, OPT_SIZE,
	OPT_SEED, OPT_THINK, OPT_MODE, OPT_BUSY, OPT_BUSY_CPU, OPT_ITER, OPT_STALL_TO, OPT_JSON, OPT_HELP,
	OPT_CQWAIT, OPT_DESTRUCTIVE, OPT_SUBMIT_BATCH, OPT_CAT_API, OPT_BARRIER,
};

static const struct option longopts[] = {
	{"coop-taskrun", no_argument, 0, OPT_COOP},
	{"taskrun-flag", no_argument, 0, OPT_TASKRUN_FLAG},
	{"defer-taskrun", no_argument, 0, OPT_DEFER},
	{"single-issuer", no_argument, 0, OPT_SINGLE},
	{"sqpoll", no_argument, 0, OPT_SQPOLL},
	{"sq-thread-cpu", required_argument, 0, OPT_SQCPU},
	{"sq-thread-idle", required_argument, 0, OPT_SQIDLE},
	{"iopoll", no_argument, 0, OPT_IOPOLL},
	{"force-async", required_argument, 0, OPT_FORCE_ASYNC},
	{"submit-batch", required_argument, 0, OPT_SUBMIT_BATCH},
	{"fixed-files", no_argument, 0, OPT_FIXED_FILES},
	{"fixed-buffers", no_argument, 0, OPT_FIXED_BUFFERS},
	{"vectored", no_argument, 0, OPT_VECTORED},
	{"register-ring-fd", no_argument, 0, OPT_RING_FD},
	{"rw", required_argument, 0, OPT_RW},
	{"mix-read-pct", required_argument, 0, OPT_MIX},
	{"bs", required_argument, 0, OPT_BS},
	{"qd", required_argument, 0, OPT_QD},
	{"jobs", required_argument, 0, OPT_JOBS},
	{"cpus", required_argument, 0, OPT_CPUS},
	{"runtime", required_argument, 0, OPT_RUNTIME},
	{"ios", required_argument, 0, OPT_IOS},
	{"direct", no_argument, 0, OPT_DIRECT},
	{"buffered", no_argument, 0, OPT_BUFFERED},
	{"file", required_argument, 0, OPT_FILE},
	{"barrier", required_argument, 0, OPT_BARRIER},
	{"size", required_argument, 0, OPT_SIZE},
	{"seed", required_argument, 0, OPT_SEED},
	{"think-cycles", required_argument, 0, OPT_THINK},
	{"mode", required_argument, 0, OPT_MODE},
	{"busy-sibling", no_argument, 0, OPT_BUSY},
	{"busy-sibling-cpu", required_argument, 0, OPT_BUSY_CPU},
	{"iterations", required_argument, 0, OPT_ITER},
	{"stall-timeout-ms", required_argument, 0, OPT_STALL_TO},
	{"cq-wait", required_argument, 0, OPT_CQWAIT},
	{"destructive", no_argument, 0, OPT_DESTRUCTIVE},
	{"cat-api", required_argument, 0, OPT_CAT_API},
	{"json", no_argument, 0, OPT_JSON},
	{"help", no_argument, 0, OPT_HELP},
	{0, 0, 0, 0},
};

int rb_parse_args(int argc, char **argv, struct rb_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->sq_thread_cpu = -1;
	o->sq_thread_idle_ms = -1;
	o->rw = RW_RANDREAD;
	o->mix_read_pct = 50;
	o->bs = 4096;
	o->qd = 1;
	o->jobs = 1;
	o->direct = true;
	o->seed = 1;
	o->mode = MODE_THROUGHPUT;
	o->busy_sibling_cpu = -1;
	o->iterations = 100;
	o->stall_timeout_ms = 1000;
	o->cq_wait = CQWAIT_AUTO;
	bool have_runtime = false, have_ios = false, have_rw = false, have_cat_api = false,
	     have_direct = false;
	uint64_t v;
	int c;

	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		const char *a = optarg;
		switch (c) {
		case OPT_COOP: o->coop_taskrun = true; break;
		case OPT_TASKRUN_FLAG: o->taskrun_flag = true; break;
		case OPT_DEFER: o->defer_taskrun = true; break;
		case OPT_SINGLE: o->single_issuer = true; break;
		case OPT_SQPOLL: o->sqpoll = true; break;
		case OPT_SQCPU:
			if (parse_uint(a, 1u << 20, &v)) return bad("bad --sq-thread-cpu '%s'%s", a, "");
			o->sq_thread_cpu = (int)v; break;
		case OPT_SQIDLE:
			if (parse_uint(a, 1u << 30, &v)) return bad("bad --sq-thread-idle '%s'%s", a, "");
			o->sq_thread_idle_ms = (long)v; break;
		case OPT_IOPOLL: o->iopoll = true; break;
		case OPT_FORCE_ASYNC:
			if (parse_uint(a, UINT32_MAX, &v) || v == 0)
				return bad("bad --force-async '%s'%s (N >= 1: IOSQE_ASYNC on every Nth SQE)", a, "");
			o->force_async = (unsigned)v; break;
		case OPT_SUBMIT_BATCH:
			if (parse_uint(a, UINT32_MAX, &v))
				return bad("bad --submit-batch '%s'%s (N >= 0: submit every N prepared SQEs, 0 = all at once)", a, "");
			o->submit_batch = (unsigned)v; break;
		case OPT_FIXED_FILES: o->fixed_files = true; break;
		case OPT_FIXED_BUFFERS: o->fixed_buffers = true; break;
		case OPT_VECTORED: o->vectored = true; break;
		case OPT_RING_FD: o->register_ring_fd = true; break;
		case OPT_RW:
			have_rw = true;
			if (!strcmp(a, "randread")) o->rw = RW_RANDREAD;
			else if (!strcmp(a, "randwrite")) o->rw = RW_RANDWRITE;
			else if (!strcmp(a, "read")) o->rw = RW_READ;
			else if (!strcmp(a, "write")) o->rw = RW_WRITE;
			else if (!strcmp(a, "mixed") || !strcmp(a, "randrw")) o->rw = RW_MIXED;
			else return bad("bad --rw '%s'%s", a, "");
			break;
		case OPT_MIX:
			if (parse_uint(a, 100, &v)) return bad("bad --mix-read-pct '%s'%s (0..100)", a, "");
			o->mix_read_pct = (int)v; break;
		case OPT_BS:
			if (parse_size(a, &v) || v == 0 || v > (64u << 20)) return bad("bad --bs '%s'%s", a, "");
			o->bs = (unsigned)v; break;
		case OPT_QD:
			if (parse_uint(a, RB_MAX_QD, &v) || v == 0) return bad("bad --qd '%s'%s (1..4096)", a, "");
			o->qd = (unsigned)v; break;
		case OPT_JOBS:
			if (parse_uint(a, RB_MAX_JOBS, &v) || v == 0) return bad("bad --jobs '%s'%s (1..256)", a, "");
			o->jobs = (unsigned)v; break;
		case OPT_CPUS:
			if (parse_cpus(a, o)) return bad("bad --cpus '%s'%s (e.g. 0,1 or 0-3)", a, "");
			break;
		case OPT_RUNTIME: {
			char *end;
			errno = 0;
			double d = strtod(a, &end);
			if (errno || *end || end == a || !(d > 0) || d > 1e6)
				return bad("bad --runtime '%s'%s (seconds > 0)", a, "");
			o->runtime_s = d; have_runtime = true; break;
		}
		case OPT_IOS:
			if (parse_size(a, &v) || v == 0) return bad("bad --ios '%s'%s", a, "");
			o->ios = v; have_ios = true; break;
		case OPT_DIRECT: o->direct = true; have_direct = true; break;
		case OPT_BUFFERED: o->direct = false; break;
		case OPT_FILE: o->file = a; break;
		case OPT_BARRIER: o->barrier = a; break;
		case OPT_SIZE:
			if (parse_size(a, &v) || v == 0) return bad("bad --size '%s'%s", a, "");
			o->size = v; break;
		case OPT_SEED:
			if (parse_u64(a, &v)) return bad("bad --seed '%s'%s", a, "");
			o->seed = v; break;
		case OPT_THINK:
			if (parse_u64(a, &v)) return bad("bad --think-cycles '%s'%s", a, "");
			o->think_cycles = v; break;
		case OPT_MODE:
			if (!strcmp(a, "throughput")) o->mode = MODE_THROUGHPUT;
			else if (!strcmp(a, "completion-thread")) o->mode = MODE_COMPLETION_THREAD;
			else if (!strcmp(a, "stall")) o->mode = MODE_STALL;
			else if (!strcmp(a, "cat")) o->mode = MODE_CAT;
			else return bad("bad --mode '%s'%s", a, "");
			break;
		case OPT_BUSY: o->busy_sibling = true; break;
		case OPT_BUSY_CPU:
			if (parse_uint(a, 1u << 20, &v)) return bad("bad --busy-sibling-cpu '%s'%s", a, "");
			o->busy_sibling_cpu = (int)v; o->busy_sibling = true; break;
		case OPT_ITER:
			if (parse_uint(a, 100000000, &v) || v == 0) return bad("bad --iterations '%s'%s", a, "");
			o->iterations = (unsigned)v; break;
		case OPT_STALL_TO:
			if (parse_uint(a, 3600000, &v) || v == 0) return bad("bad --stall-timeout-ms '%s'%s", a, "");
			o->stall_timeout_ms = (unsigned)v; break;
		case OPT_CQWAIT:
			if (!strcmp(a, "auto")) o->cq_wait = CQWAIT_AUTO;
			else if (!strcmp(a, "enter")) o->cq_wait = CQWAIT_ENTER;
			else if (!strcmp(a, "spin")) o->cq_wait = CQWAIT_SPIN;
			else return bad("bad --cq-wait '%s'%s", a, "");
			break;
		case OPT_DESTRUCTIVE: o->destructive = true; break;
		case OPT_CAT_API:
			if (!strcmp(a, "uring")) o->cat_api = CATAPI_URING;
			else if (!strcmp(a, "read")) o->cat_api = CATAPI_READ;
			else return bad("bad --cat-api '%s'%s", a, "");
			have_cat_api = true;
			break;
		case OPT_JSON: break;
		case OPT_HELP: rb_usage(stdout); exit(0);
		default: {
			const char *arg = argv[optind - 1];
			return bad("unknown or incomplete option '%s'%s", arg ? arg : "?", "");
		}
		}
	}
	if (optind < argc)
		return bad("unexpected argument '%s'%s", argv[optind], "");
	if (!o->file)
		return bad("--file PATH is required%s%s", "", "");
	if (have_runtime && have_ios)
		return bad("--runtime and --ios are exclusive%s%s", "", "");
	if (!have_runtime && !have_ios)
		o->runtime_s = 5.0;
	if (o->direct && o->bs % 512)
		return bad("--bs must be a multiple of 512 with --direct%s%s", "", "");
	if ((o->sq_thread_cpu >= 0 || o->sq_thread_idle_ms >= 0) && !o->sqpoll)
		return bad("--sq-thread-cpu/--sq-thread-idle need --sqpoll%s%s", "", "");
	if (o->iopoll && !o->direct)
		return bad("--iopoll needs --direct (polled I/O is OPT_DIRECT only)%s%s", "", "");
	if (o->cq_wait == CQWAIT_SPIN && !o->sqpoll)
		return bad("--cq-wait spin needs --sqpoll (without it, completions need a kernel entry)%s%s", "", "");
	if (o->mode != MODE_THROUGHPUT && o->jobs != 1)
		return bad("--jobs > 1 is only for --mode throughput%s%s", "", "");
	if (o->mode == MODE_COMPLETION_THREAD && o->defer_taskrun)
		return bad("--defer-taskrun cannot be used with --mode completion-thread: with "
			   "DEFER_TASKRUN only the submitting task may wait for completions%s%s", "", "");
	if (o->mode == MODE_STALL && o->qd != 1)
		return bad("--mode stall keeps exactly one I/O in flight (--qd 1)%s%s", "", "");
	if (o->mode == MODE_STALL && o->submit_batch > 1)
		return bad("--mode stall submits one SQE at a time; --submit-batch does not apply%s%s", "", "");
	if (o->mode == MODE_STALL && have_ios)
		return bad("--mode stall uses --iterations, not --ios%s%s", "", "");
	if (o->mode == MODE_CAT && !have_direct)
		o->direct = false;	/* cat reads through the page cache unless --direct is given */
	if (have_cat_api && o->mode != MODE_CAT)
		return bad("--cat-api is only for --mode cat%s%s", "", "");
	if (o->mode == MODE_CAT && (have_runtime || have_ios || have_rw))
		return bad("--mode cat reads the file once: --runtime, --ios and --rw do not apply%s%s", "", "");
	if (o->mode == MODE_CAT && (o->fixed_files || o->fixed_buffers || o->vectored || o->force_async
				    || o->think_cycles || o->busy_sibling))
		return bad("--mode cat takes ring setup flags only (no per-SQE options, think cycles or busy sibling)%s%s", "", "");
	(void)have_rw;
	return 0;
}
