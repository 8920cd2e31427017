/* ring.c: ring setup from the options, flag naming, and EINVAL diagnosis. */
#include <errno.h>
#include <string.h>
#include "ringbench.h"

static const char *setup_names[32] = {
	"IOPOLL", "SQPOLL", "SQ_AFF", "CQSIZE", "CLAMP", "ATTACH_WQ", "R_DISABLED",
	"SUBMIT_ALL", "COOP_TASKRUN", "TASKRUN_FLAG", "SQE128", "CQE32", "SINGLE_ISSUER",
	"DEFER_TASKRUN", "NO_MMAP", "REGISTERED_FD_ONLY", "NO_SQARRAY", "HYBRID_IOPOLL",
	"CQE_MIXED", "SQE_MIXED",
};
static const char *feat_names[32] = {
	"SINGLE_MMAP", "NODROP", "SUBMIT_STABLE", "RW_CUR_POS", "CUR_PERSONALITY",
	"FAST_POLL", "POLL_32BITS", "SQPOLL_NONFIXED", "EXT_ARG", "NATIVE_WORKERS",
	"RSRC_TAGS", "CQE_SKIP", "LINKED_FILE", "REG_REG_RING", "RECVSEND_BUNDLE",
	"MIN_TIMEOUT", "RW_ATTR", "NO_IOWAIT",
};

const char *rb_flag_name(unsigned bit, bool features)
{
	const char *n = bit < 32 ? (features ? feat_names : setup_names)[bit] : NULL;
	return n ? n : "UNKNOWN";
}

/* "A|B|C" (or "none"); unknown bits as BIT<n>. Returns length. */
int rb_flag_names(unsigned flags, char *buf, size_t len, bool features)
{
	size_t off = 0;
	buf[0] = 0;
	for (unsigned b = 0; b < 32; b++) {
		if (!(flags & (1U << b)))
			continue;
		const char *n = b < 32 ? (features ? feat_names : setup_names)[b] : NULL;
		int w = n ? snprintf(buf + off, len - off, "%s%s", off ? "|" : "", n)
			  : snprintf(buf + off, len - off, "%sBIT%u", off ? "|" : "", b);
		if (w < 0 || (size_t)w >= len - off)
			break;
		off += (size_t)w;
	}
	if (!off)
		snprintf(buf, len, "none");
	return (int)strlen(buf);
}

unsigned rb_requested_flags(const struct rb_opts *o)
{
	unsigned f = 0;
	if (o->iopoll) f |= IORING_SETUP_IOPOLL;
	if (o->sqpoll) f |= IORING_SETUP_SQPOLL;
	if (o->sq_thread_cpu >= 0) f |= IORING_SETUP_SQ_AFF;
	if (o->coop_taskrun) f |= IORING_SETUP_COOP_TASKRUN;
	if (o->taskrun_flag) f |= IORING_SETUP_TASKRUN_FLAG;
	if (o->single_issuer) f |= IORING_SETUP_SINGLE_ISSUER;
	if (o->defer_taskrun) f |= IORING_SETUP_DEFER_TASKRUN;
	return f;
}

static int try_flags(unsigned flags, const struct rb_opts *o, unsigned entries)
{
	struct io_uring ring;
	struct io_uring_params p;
	memset(&p, 0, sizeof(p));
	p.flags = flags;
	if (flags & IORING_SETUP_SQ_AFF)
		p.sq_thread_cpu = (unsigned)o->sq_thread_cpu;
	if ((flags & IORING_SETUP_SQPOLL) && o->sq_thread_idle_ms >= 0)
		p.sq_thread_idle = (unsigned)o->sq_thread_idle_ms;
	int ret = io_uring_queue_init_params(entries, &ring, &p);
	if (ret == 0)
		io_uring_queue_exit(&ring);
	return ret;
}

/* The kernel said EINVAL: find out which flag(s) it refuses, print one line, exit 2. */
static void __attribute__((noreturn)) diagnose_einval(unsigned req, const struct rb_opts *o, unsigned entries)
{
	/* Each flag tested alone, with only the prerequisite the UAPI documents. */
	static const struct { unsigned flag, with; } probe[] = {
		{IORING_SETUP_IOPOLL, 0},
		{IORING_SETUP_SQPOLL, 0},
		{IORING_SETUP_SQ_AFF, IORING_SETUP_SQPOLL},
		{IORING_SETUP_COOP_TASKRUN, 0},
		{IORING_SETUP_TASKRUN_FLAG, IORING_SETUP_COOP_TASKRUN},
		{IORING_SETUP_SINGLE_ISSUER, 0},
		{IORING_SETUP_DEFER_TASKRUN, IORING_SETUP_SINGLE_ISSUER},
	};
	char names[256], reqn[256], hint[256] = "";
	unsigned bad = 0;
	size_t off = 0;
	for (unsigned i = 0; i < sizeof(probe) / sizeof(probe[0]); i++) {
		if (!(req & probe[i].flag))
			continue;
		if (try_flags(probe[i].flag | probe[i].with, o, entries) == -EINVAL)
			bad |= probe[i].flag;
	}
	rb_flag_names(req, reqn, sizeof(reqn), false);
	if (bad) {
		rb_flag_names(bad, names, sizeof(names), false);
		if ((bad & IORING_SETUP_SQ_AFF) && !(bad & IORING_SETUP_SQPOLL))
			snprintf(hint, sizeof(hint), " (sq_thread_cpu=%d is not an online CPU this task may use)",
				 o->sq_thread_cpu);
		rb_die(2, "kernel %s rejected ring flag(s) %s with EINVAL%s (requested %s)",
		       rb_kernel_release(), names, hint, reqn);
	}
	/* Every flag works alone: the combination is refused. Name the known rules. */
	if ((req & IORING_SETUP_DEFER_TASKRUN) && !(req & IORING_SETUP_SINGLE_ISSUER))
		off += (size_t)snprintf(hint + off, sizeof(hint) - off, "; DEFER_TASKRUN requires SINGLE_ISSUER");
	if ((req & IORING_SETUP_TASKRUN_FLAG) && !(req & (IORING_SETUP_COOP_TASKRUN | IORING_SETUP_DEFER_TASKRUN)))
		off += (size_t)snprintf(hint + off, sizeof(hint) - off,
					"; TASKRUN_FLAG requires COOP_TASKRUN or DEFER_TASKRUN");
	if ((req & IORING_SETUP_SQPOLL) &&
	    (req & (IORING_SETUP_COOP_TASKRUN | IORING_SETUP_TASKRUN_FLAG | IORING_SETUP_DEFER_TASKRUN)))
		off += (size_t)snprintf(hint + off, sizeof(hint) - off,
					"; SQPOLL cannot be combined with COOP_TASKRUN/TASKRUN_FLAG/DEFER_TASKRUN "
					"(task work runs on the SQ thread)");
	(void)off;
	rb_die(2, "kernel %s rejected the ring flag %s%s with EINVAL%s", rb_kernel_release(),
	       __builtin_popcount(req) > 1 ? "combination " : "", reqn, hint);
}

void rb_ring_preflight(const struct rb_opts *o)
{
	unsigned req = rb_requested_flags(o);
	int ret = try_flags(req, o, o->qd);
	if (ret == -EINVAL)
		diagnose_einval(req, o, o->qd);
	if (ret < 0)
		rb_die(1, "io_uring_queue_init_params(%u entries): %s", o->qd, strerror(-ret));
}

void rb_ring_create(struct io_uring *ring, unsigned entries, const struct rb_opts *o,
		    bool with_opts, struct rb_ring_info *info)
{
	struct io_uring_params p;
	unsigned req = with_opts ? rb_requested_flags(o) : 0;
	memset(&p, 0, sizeof(p));
	p.flags = req;
	if (req & IORING_SETUP_SQ_AFF)
		p.sq_thread_cpu = (unsigned)o->sq_thread_cpu;
	if ((req & IORING_SETUP_SQPOLL) && o->sq_thread_idle_ms >= 0)
		p.sq_thread_idle = (unsigned)o->sq_thread_idle_ms;
	int ret = io_uring_queue_init_params(entries, ring, &p);
	if (ret == -EINVAL && req)
		diagnose_einval(req, o, entries);
	if (ret < 0)
		rb_die(1, "io_uring_queue_init_params(%u entries): %s", entries, strerror(-ret));
	memset(info, 0, sizeof(*info));
	info->requested_flags = req;
	/* params.flags after setup is what the kernel accepted (it fails rather than drop flags) */
	info->granted_flags = p.flags;
	info->features = p.features;
	info->sq_entries = p.sq_entries;
	info->cq_entries = p.cq_entries;
	info->sq_thread_cpu = (req & IORING_SETUP_SQ_AFF) ? (int)p.sq_thread_cpu : -1;
	info->sq_thread_idle_ms = (req & IORING_SETUP_SQPOLL) ? (long)p.sq_thread_idle : -1;
	if (with_opts && o->register_ring_fd) {
		ret = io_uring_register_ring_fd(ring);
		if (ret < 0)
			rb_die(1, "io_uring_register_ring_fd: %s", strerror(-ret));
		info->ring_fd_registered = true;
	}
}
