/*
 * catmode.c: --mode cat, read one whole file the way liburing's io_uring-cat
 * (the interception study's cat_liburing) does, or with read(2) as cat(1) does.
 *
 * --cat-api uring: fstat for the size, then keep --qd reads of --bs bytes in
 * flight from offset 0 to EOF on a ring built from the ring options; a short
 * read is re-issued for the rest of its chunk. --cat-api read: read(2) of --bs
 * bytes until it returns 0. The data goes nowhere (stdout carries the JSON), so
 * only the reading is timed: from open(2) to close(2), with no TSC calibration
 * first, because a per-invocation study times short runs of a fresh process.
 * A position-weighted sum of one 64-bit word per 4 KiB (sample_sum) is the same
 * for both APIs when they read the same bytes; make check compares them.
 * --size N reads the first N bytes as if the file ended there (N <= its size),
 * so one laid-out file serves a sweep over sizes: the calls are those of a cat
 * of an N-byte file, except that read(2) stops at N instead of on a 0-byte read.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include "ringbench.h"

#define CAT_SAMPLE 4096

struct cat_run {
	uint64_t file_bytes, bytes, reads, short_reads;
	uint64_t sample_sum;
	uint64_t t0_ns, t1_ns;
};

/* Words at absolute offsets that are multiples of CAT_SAMPLE, weighted by page number: order-free. */
static void sample(struct cat_run *c, const unsigned char *buf, uint64_t off, uint64_t len)
{
	uint64_t first = (off + CAT_SAMPLE - 1) / CAT_SAMPLE * CAT_SAMPLE;
	for (uint64_t p = first; p + sizeof(uint64_t) <= off + len; p += CAT_SAMPLE) {
		uint64_t w;
		memcpy(&w, buf + (p - off), sizeof(w));
		c->sample_sum += w * (p / CAT_SAMPLE + 1);
	}
}

static void *chunk_alloc(size_t bs)
{
	void *p = NULL;
	if (posix_memalign(&p, 4096, bs))
		rb_die(1, "cannot allocate a %zu-byte buffer", bs);
	return p;
}

static void cat_read(const struct rb_opts *o, int fd, struct cat_run *c)
{
	unsigned char *buf = chunk_alloc(o->bs);
	uint64_t off = 0;
	for (;;) {
		size_t want = o->size ? (size_t)(c->file_bytes - off < o->bs ? c->file_bytes - off : o->bs) : o->bs;
		if (!want)
			break;
		ssize_t n = read(fd, buf, want);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			rb_die(1, "read %s at offset %llu: %s", o->file, (unsigned long long)off, strerror(errno));
		}
		if (n == 0)
			break;
		c->reads++;
		if ((size_t)n < want && off + (uint64_t)n < c->file_bytes)
			c->short_reads++;
		sample(c, buf, off, (uint64_t)n);
		off += (uint64_t)n;
	}
	c->bytes = off;
	free(buf);
}

struct cat_slot { unsigned char *buf; uint64_t off; unsigned len, done; };

static void cat_prep(struct io_uring *ring, int fd, struct cat_slot *s, unsigned idx)
{
	struct io_uring_sqe *sqe = rb_get_sqe(ring);
	io_uring_prep_read(sqe, fd, s->buf + s->done, s->len - s->done, s->off + s->done);
	io_uring_sqe_set_data64(sqe, idx);
}

static void cat_uring(const struct rb_opts *o, int fd, struct cat_run *c)
{
	struct io_uring ring;
	struct rb_ring_info info;
	unsigned qd = o->qd;
	rb_ring_create(&ring, qd, o, true, &info);
	struct cat_slot *slots = calloc(qd, sizeof(*slots));
	if (!slots)
		rb_die(1, "out of memory");
	uint64_t next = 0;
	unsigned inflight = 0;
	for (unsigned i = 0; i < qd && next < c->file_bytes; i++) {
		slots[i].buf = chunk_alloc(o->bs);
		slots[i].off = next;
		slots[i].len = (unsigned)(c->file_bytes - next < o->bs ? c->file_bytes - next : o->bs);
		next += slots[i].len;
		cat_prep(&ring, fd, &slots[i], i);
		inflight++;
	}
	while (inflight) {
		struct io_uring_cqe *cqe;
		int ret = io_uring_submit_and_wait(&ring, 1);
		if (ret < 0 && ret != -EINTR)
			rb_die(1, "io_uring_submit_and_wait: %s", strerror(-ret));
		unsigned head, seen = 0;
		io_uring_for_each_cqe(&ring, head, cqe) {
			seen++;
			unsigned idx = (unsigned)io_uring_cqe_get_data64(cqe);
			struct cat_slot *s = &slots[idx];
			if (cqe->res < 0)
				rb_die(1, "read %s at offset %llu: %s", o->file,
				       (unsigned long long)(s->off + s->done), strerror(-cqe->res));
			if (cqe->res == 0)
				rb_die(1, "%s ended at %llu, before the %llu bytes fstat reported (was it truncated?)",
				       o->file, (unsigned long long)(s->off + s->done), (unsigned long long)c->file_bytes);
			c->reads++;
			s->done += (unsigned)cqe->res;
			if (s->done < s->len) {
				c->short_reads++;
				cat_prep(&ring, fd, s, idx);
				continue;
			}
			sample(c, s->buf, s->off, s->len);
			c->bytes += s->len;
			if (next < c->file_bytes) {
				s->off = next;
				s->len = (unsigned)(c->file_bytes - next < o->bs ? c->file_bytes - next : o->bs);
				s->done = 0;
				next += s->len;
				cat_prep(&ring, fd, s, idx);
			} else {
				inflight--;
			}
		}
		io_uring_cq_advance(&ring, seen);
	}
	for (unsigned i = 0; i < qd; i++)
		free(slots[i].buf);
	free(slots);
	io_uring_queue_exit(&ring);
}

int rb_run_cat(const struct rb_opts *o)
{
	struct cat_run c;
	struct rb_usage_snap u0, u1;
	memset(&c, 0, sizeof(c));
	rb_usage_snap(&u0);
	c.t0_ns = rb_now_ns();
	int fd = open(o->file, O_RDONLY | (o->direct ? O_DIRECT : 0));
	if (fd < 0)
		rb_die(1, "cannot open %s: %s", o->file, strerror(errno));
	struct stat st;
	if (fstat(fd, &st) || !S_ISREG(st.st_mode))
		rb_die(1, "%s: --mode cat reads a regular file", o->file);
	c.file_bytes = (uint64_t)st.st_size;
	if (o->size) {
		if (o->size > c.file_bytes)
			rb_die(1, "--size %llu is beyond the end of %s (%llu bytes)", (unsigned long long)o->size,
			       o->file, (unsigned long long)c.file_bytes);
		c.file_bytes = o->size;
	}
	if (o->cat_api == CATAPI_READ)
		cat_read(o, fd, &c);
	else if (c.file_bytes)
		cat_uring(o, fd, &c);
	close(fd);
	c.t1_ns = rb_now_ns();
	rb_usage_snap(&u1);
	if (c.bytes != c.file_bytes)
		rb_die(1, "read %llu bytes of %s, fstat said %llu", (unsigned long long)c.bytes, o->file,
		       (unsigned long long)c.file_bytes);

	double elapsed = (double)(c.t1_ns - c.t0_ns) / 1e9;
	struct rb_json j;
	rb_json_begin(&j, stdout);
	rb_json_obj(&j, NULL);
	rb_json_str(&j, "tool", "ringbench");
	rb_json_u64(&j, "schema_version", 1);
	rb_json_str(&j, "mode", "cat");
	rb_json_str(&j, "kernel_release", rb_kernel_release());
	rb_json_obj(&j, "options");
	rb_json_str(&j, "file", o->file);
	rb_json_str(&j, "cat_api", o->cat_api == CATAPI_READ ? "read" : "uring");
	rb_json_u64(&j, "bs", o->bs);
	rb_json_u64(&j, "qd", o->cat_api == CATAPI_READ ? 1 : o->qd);
	rb_json_bool(&j, "direct", o->direct);
	rb_json_end_obj(&j);
	rb_json_u64(&j, "file_bytes", c.file_bytes);
	rb_json_u64(&j, "bytes", c.bytes);
	rb_json_u64(&j, "reads", c.reads);
	rb_json_u64(&j, "short_reads", c.short_reads);
	rb_json_u64(&j, "sample_sum", c.sample_sum);
	rb_json_dbl(&j, "elapsed_s", elapsed);
	rb_json_dbl(&j, "read_us", elapsed * 1e6);
	rb_json_dbl(&j, "mb_s", elapsed > 0 ? (double)c.bytes / 1e6 / elapsed : 0);
	rb_json_obj(&j, "cpu");
	rb_json_dbl(&j, "usr_s", u1.usr_s - u0.usr_s);
	rb_json_dbl(&j, "sys_s", u1.sys_s - u0.sys_s);
	rb_json_i64(&j, "voluntary_ctxsw", u1.nvcsw - u0.nvcsw);
	rb_json_i64(&j, "involuntary_ctxsw", u1.nivcsw - u0.nivcsw);
	rb_json_end_obj(&j);
	rb_json_end_obj(&j);
	rb_json_finish(&j);
	return 0;
}
