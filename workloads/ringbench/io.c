/* io.c: the I/O target, per-job slots/buffers/registration, SQE prep and CQE accounting. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include "ringbench.h"

uint64_t rb_target_size;
uint64_t rb_target_laid_out;
bool rb_target_is_bdev;

static uint64_t splitmix64(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static void fill_pattern(void *buf, size_t len, uint64_t seed)
{
	uint64_t *p = buf;
	for (size_t i = 0; i < len / 8; i++)
		p[i] = splitmix64(&seed);
}

/* Write real data up to `want` bytes so that reads hit the device (fallocate'd
 * or sparse ranges would be served without I/O). */
static void lay_out(const char *path, uint64_t have, uint64_t want)
{
	int fd = open(path, O_WRONLY | O_CREAT, 0644);
	if (fd < 0)
		rb_die(1, "cannot create %s: %s", path, strerror(errno));
	const size_t chunk = 1 << 20;
	void *buf = malloc(chunk);
	if (!buf)
		rb_die(1, "out of memory");
	fill_pattern(buf, chunk, 42);
	for (uint64_t off = have; off < want;) {
		size_t n = (size_t)((want - off) < chunk ? (want - off) : chunk);
		ssize_t w = pwrite(fd, buf, n, (off_t)off);
		if (w <= 0)
			rb_die(1, "laying out %s: %s", path, w < 0 ? strerror(errno) : "short write");
		off += (uint64_t)w;
	}
	if (fsync(fd))
		rb_die(1, "fsync %s: %s", path, strerror(errno));
	free(buf);
	close(fd);
	rb_target_laid_out = want - have;
}

void rb_target_prepare(const struct rb_opts *o)
{
	struct stat st;
	uint64_t size = 0;
	if (stat(o->file, &st)) {
		if (errno != ENOENT || !o->size)
			rb_die(1, "cannot stat %s: %s%s", o->file, strerror(errno),
			       errno == ENOENT ? " (give --size to create it)" : "");
		lay_out(o->file, 0, o->size);
		if (stat(o->file, &st))
			rb_die(1, "cannot stat %s: %s", o->file, strerror(errno));
	}
	if (S_ISBLK(st.st_mode)) {
		rb_target_is_bdev = true;
		if (rb_writes(o) && !o->destructive) {
			fprintf(stderr, "ringbench: --rw %s on block device %s destroys its data; add --destructive\n",
				rb_rw_name(o->rw), o->file);
			exit(2);
		}
		int fd = open(o->file, O_RDONLY);
		if (fd < 0 || ioctl(fd, BLKGETSIZE64, &size))
			rb_die(1, "cannot size block device %s: %s", o->file, strerror(errno));
		close(fd);
	} else if (S_ISREG(st.st_mode)) {
		size = (uint64_t)st.st_size;
		if (o->size > size) {
			lay_out(o->file, size, o->size);
			size = o->size;
		}
	} else {
		rb_die(1, "%s is neither a regular file nor a block device", o->file);
	}
	if (o->size && o->size < size)
		size = o->size;
	size -= size % o->bs;
	if (size < o->bs)
		rb_die(1, "%s: usable size %llu is smaller than --bs %u", o->file,
		       (unsigned long long)size, o->bs);
	rb_target_size = size;
	int fd = open(o->file, (rb_writes(o) ? O_RDWR : O_RDONLY) | (o->direct ? O_DIRECT : 0));
	if (fd < 0)
		rb_die(1, "cannot open %s%s: %s", o->file, o->direct ? " with O_DIRECT" : "", strerror(errno));
	close(fd);
}

void rb_job_init(struct rb_job *j, int id, const struct rb_opts *o)
{
	memset(j, 0, sizeof(*j));
	j->id = id;
	j->o = o;
	j->cpu = o->ncpus ? o->cpus[id % o->ncpus] : -1;
	j->fd = open(o->file, (rb_writes(o) ? O_RDWR : O_RDONLY) | (o->direct ? O_DIRECT : 0));
	if (j->fd < 0)
		rb_die(1, "cannot open %s: %s", o->file, strerror(errno));
	j->sqe_fd = j->fd;
	j->slots = calloc(o->qd, sizeof(*j->slots));
	size_t total = (size_t)o->qd * o->bs;
	if (!j->slots || posix_memalign(&j->bufmem, 4096, total))
		rb_die(1, "out of memory for %u x %u byte buffers", o->qd, o->bs);
	fill_pattern(j->bufmem, total - total % 8, o->seed + (uint64_t)id);
	for (unsigned i = 0; i < o->qd; i++) {
		j->slots[i].buf = (char *)j->bufmem + (size_t)i * o->bs;
		j->slots[i].iov.iov_base = j->slots[i].buf;
		j->slots[i].iov.iov_len = o->bs;
	}
	j->rng = o->seed * 0x9e3779b97f4a7c15ULL + (uint64_t)id + 1;
	uint64_t nblocks = rb_target_size / o->bs;
	j->seq_off = (nblocks / o->jobs) * (uint64_t)id * o->bs;
	rb_hist_init(&j->st.hist);
	j->cq_wait = o->cq_wait == CQWAIT_AUTO ? (o->sqpoll ? CQWAIT_SPIN : CQWAIT_ENTER) : o->cq_wait;
}

bool rb_op_supported(struct io_uring *ring, int op)
{
	struct io_uring_probe *p = io_uring_get_probe_ring(ring);
	bool ok = p && op <= p->last_op && op < p->ops_len && (p->ops[op].flags & IO_URING_OP_SUPPORTED);
	if (p)
		io_uring_free_probe(p);
	return ok;
}

/* Registration happens on the ring's submitting thread, right after creation. */
void rb_job_register(struct rb_job *j)
{
	const struct rb_opts *o = j->o;
	int ret;
	if (o->fixed_files) {
		ret = io_uring_register_files(&j->ring, &j->fd, 1);
		if (ret < 0)
			rb_die(1, "io_uring_register_files: %s", strerror(-ret));
		j->sqe_fd = 0;
		j->sqe_flags |= IOSQE_FIXED_FILE;
	}
	if (o->fixed_buffers) {
		struct iovec *iov = calloc(o->qd, sizeof(*iov));
		if (!iov)
			rb_die(1, "out of memory");
		for (unsigned i = 0; i < o->qd; i++)
			iov[i] = j->slots[i].iov;
		ret = io_uring_register_buffers(&j->ring, iov, o->qd);
		free(iov);
		if (ret < 0)
			rb_die(1, "io_uring_register_buffers(%u x %u): %s", o->qd, o->bs, strerror(-ret));
		if (o->vectored && !rb_op_supported(&j->ring, RB_IORING_OP_READV_FIXED)) {
			fprintf(stderr, "ringbench: kernel %s lacks IORING_OP_READV_FIXED/WRITEV_FIXED "
				"(Linux >= 6.15) needed for --vectored with --fixed-buffers\n", rb_kernel_release());
			exit(2);
		}
	}
}

static uint64_t next_off(struct rb_job *j, bool *is_write)
{
	const struct rb_opts *o = j->o;
	uint64_t nblocks = rb_target_size / o->bs;
	uint64_t off;
	switch (o->rw) {
	case RW_READ:
	case RW_WRITE:
		off = j->seq_off;
		j->seq_off += o->bs;
		if (j->seq_off >= nblocks * o->bs)
			j->seq_off = 0;
		*is_write = o->rw == RW_WRITE;
		return off;
	case RW_RANDWRITE:
		*is_write = true;
		break;
	case RW_MIXED:
		*is_write = (int)(splitmix64(&j->rng) % 100) >= o->mix_read_pct;
		break;
	default:
		*is_write = false;
		break;
	}
	return (splitmix64(&j->rng) % nblocks) * o->bs;
}

void rb_job_prep(struct rb_job *j, struct io_uring_sqe *sqe, unsigned slot)
{
	const struct rb_opts *o = j->o;
	struct rb_slot *s = &j->slots[slot];
	bool w;
	s->off = next_off(j, &w);
	s->is_write = w;
	if (o->fixed_buffers && o->vectored) {
		io_uring_prep_rw(w ? RB_IORING_OP_WRITEV_FIXED : RB_IORING_OP_READV_FIXED, sqe,
				 j->sqe_fd, &s->iov, 1, s->off);
		sqe->buf_index = (__u16)slot;
	} else if (o->fixed_buffers) {
		if (w)
			io_uring_prep_write_fixed(sqe, j->sqe_fd, s->buf, o->bs, s->off, (int)slot);
		else
			io_uring_prep_read_fixed(sqe, j->sqe_fd, s->buf, o->bs, s->off, (int)slot);
	} else if (o->vectored) {
		if (w)
			io_uring_prep_writev(sqe, j->sqe_fd, &s->iov, 1, s->off);
		else
			io_uring_prep_readv(sqe, j->sqe_fd, &s->iov, 1, s->off);
	} else {
		if (w)
			io_uring_prep_write(sqe, j->sqe_fd, s->buf, o->bs, s->off);
		else
			io_uring_prep_read(sqe, j->sqe_fd, s->buf, o->bs, s->off);
	}
	unsigned fl = j->sqe_flags;
	j->nsqe++;
	if (o->force_async && j->nsqe % o->force_async == 0)
		fl |= IOSQE_ASYNC;
	io_uring_sqe_set_flags(sqe, fl);
	sqe->user_data = slot;
	j->st.issued++;
	s->t_submit = rb_ticks();
}

/*
 * --submit-batch N: hand the prepared SQEs to the kernel every N of them, as fio's
 * iodepth_batch_submit does (its default is 1). With 0, everything prepared in one
 * loop goes in with the wait, one io_uring_enter and one plugged dispatch. On the lab
 * VM at QD 64 that burst doubled the interrupts per I/O (33 vs 62 I/Os per virtio
 * interrupt); a steady stream of single submissions kept the device busier.
 */
void rb_job_submit_batched(struct rb_job *j)
{
	unsigned batch = j->o->submit_batch;
	if (!batch || ++j->unsubmitted < batch)
		return;
	j->unsubmitted = 0;
	int ret = io_uring_submit(&j->ring);
	if (ret < 0 && ret != -EINTR && ret != -EAGAIN && ret != -EBUSY)
		rb_die(1, "io_uring_submit (job %d): %s", j->id, strerror(-ret));
}

static void count_errno(struct rb_stats *st, int err)
{
	for (int i = 0; i < RB_MAX_ERRNO; i++) {
		if (st->err_count[i] && st->err_code[i] == err) {
			st->err_count[i]++;
			return;
		}
		if (!st->err_count[i]) {
			st->err_code[i] = err;
			st->err_count[i] = 1;
			return;
		}
	}
}

/* Nothing but errors so far: the run cannot measure anything, stop with one line. */
#define RB_FAIL_FAST 256
static void __attribute__((noreturn)) fail_fast(const struct rb_job *j, int err)
{
	const char *hint = "";
	if (err == EOPNOTSUPP && j->o->iopoll)
		hint = " (--iopoll: this file/device has no polled I/O; block devices need poll queues, "
		       "e.g. nvme.poll_queues or virtio_blk.poll_queues)";
	else if (err == EINVAL && j->o->direct)
		hint = " (--direct: check --bs against the device's logical block size)";
	rb_die(1, "the first %d I/Os all failed (%s: %s)%s", RB_FAIL_FAST, strerrorname_np(err)
	       ? strerrorname_np(err) : "?", strerror(err), hint);
}

/* Every CQE is checked: errors and short transfers are counted, never as IOs. */
void rb_job_complete(struct rb_job *j, const struct io_uring_cqe *cqe, uint64_t now)
{
	struct rb_stats *st = &j->st;
	uint64_t ud = cqe->user_data;
	if (ud >= j->o->qd) {
		st->errors++;
		count_errno(st, 0);
		return;
	}
	struct rb_slot *s = &j->slots[ud];
	if (cqe->res < 0) {
		st->errors++;
		count_errno(st, -cqe->res);
		if (!st->ios && !st->short_reads && !st->short_writes && st->errors >= RB_FAIL_FAST)
			fail_fast(j, -cqe->res);
		return;
	}
	if ((unsigned)cqe->res != j->o->bs) {
		if (s->is_write)
			st->short_writes++;
		else
			st->short_reads++;
		return;
	}
	st->ios++;
	st->bytes += j->o->bs;
	if (s->is_write)
		st->writes++;
	else
		st->reads++;
	uint64_t dt = now > s->t_submit ? now - s->t_submit : 0;
	rb_hist_add(&st->hist, (uint64_t)rb_ticks_to_ns(dt));
}

void rb_stats_merge(struct rb_stats *d, const struct rb_stats *s)
{
	d->ios += s->ios;
	d->reads += s->reads;
	d->writes += s->writes;
	d->bytes += s->bytes;
	d->errors += s->errors;
	d->short_reads += s->short_reads;
	d->short_writes += s->short_writes;
	d->issued += s->issued;
	for (int i = 0; i < RB_MAX_ERRNO && s->err_count[i]; i++)
		for (uint64_t k = 0; k < s->err_count[i]; k++)
			count_errno(d, s->err_code[i]);
	rb_hist_merge(&d->hist, &s->hist);
}

struct io_uring_sqe *rb_get_sqe(struct io_uring *ring)
{
	struct io_uring_sqe *sqe = io_uring_get_sqe(ring);
	if (!sqe) {
		int ret = io_uring_submit(ring);
		if (ret < 0)
			rb_die(1, "io_uring_submit: %s", strerror(-ret));
		sqe = io_uring_get_sqe(ring);
		if (!sqe && (ring->flags & IORING_SETUP_SQPOLL)) {
			/* SQ thread has not consumed the entries yet */
			ret = io_uring_sqring_wait(ring);
			if (ret < 0)
				rb_die(1, "io_uring_sqring_wait: %s", strerror(-ret));
			sqe = io_uring_get_sqe(ring);
		}
		if (!sqe)
			rb_die(1, "submission queue full");
	}
	return sqe;
}

/* Wait until at least one CQE is visible. Spin: user-space poll of the CQ tail
 * (SQPOLL rings, no syscall). Enter: io_uring_enter(GETEVENTS, min_complete=1). */
int rb_wait_cqe(struct rb_job *j, struct io_uring *ring, struct io_uring_cqe **cqe)
{
	if (j && j->cq_wait == CQWAIT_SPIN) {
		while (!io_uring_cq_ready(ring))
			__asm__ __volatile__("" ::: "memory");
		return io_uring_peek_cqe(ring, cqe);
	}
	for (;;) {
		int ret = io_uring_wait_cqe(ring, cqe);
		if (ret == -EINTR || ret == -EAGAIN)
			continue;
		return ret;
	}
}

void rb_job_free(struct rb_job *j)
{
	if (j->fd >= 0)
		close(j->fd);
	free(j->slots);
	free(j->bufmem);
}
