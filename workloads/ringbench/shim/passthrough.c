/*
 * passthrough.so: an LD_PRELOAD shim that interposes open/openat/read/pread
 * and forwards each call unchanged to the next definition (libc). It is the
 * do-nothing baseline of an interception layer: what it costs is the price of
 * being loaded and of one extra indirect call per interposed call, which the
 * file-size claim measures per invocation (experiments/claims/file-size-reads.yaml).
 * With PASSTHROUGH_REPORT set it prints its call counts to stderr at exit, so a
 * test can tell that it was really in the path.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dlfcn.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/types.h>
#include <unistd.h>

static _Atomic unsigned long n_open, n_read;

/* The next definition of a function, with the type of its own declaration in libc's headers. */
#define NEXT(name) \
	static __typeof__(&name) next_##name; \
	if (!next_##name) \
		next_##name = (__typeof__(&name))dlsym(RTLD_NEXT, #name)

/* open's mode argument exists only when O_CREAT or O_TMPFILE asks for it. */
static mode_t mode_of(int flags, va_list ap)
{
	return (flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE ? (mode_t)va_arg(ap, int) : 0;
}

/* One interposer: count the call, forward it with the same arguments (open's mode read as libc reads it). */
#define OPEN_LIKE(name, params, args) \
	int name params \
	{ \
		NEXT(name); \
		va_list ap; \
		va_start(ap, flags); \
		mode_t mode = mode_of(flags, ap); \
		va_end(ap); \
		n_open++; \
		return next_##name args; \
	}
#define READ_LIKE(name, params, args) \
	ssize_t name params \
	{ \
		NEXT(name); \
		n_read++; \
		return next_##name args; \
	}

OPEN_LIKE(open, (const char *path, int flags, ...), (path, flags, mode))
OPEN_LIKE(open64, (const char *path, int flags, ...), (path, flags, mode))
OPEN_LIKE(openat, (int dirfd, const char *path, int flags, ...), (dirfd, path, flags, mode))
OPEN_LIKE(openat64, (int dirfd, const char *path, int flags, ...), (dirfd, path, flags, mode))
READ_LIKE(read, (int fd, void *buf, size_t count), (fd, buf, count))
READ_LIKE(pread, (int fd, void *buf, size_t count, off_t off), (fd, buf, count, off))
READ_LIKE(pread64, (int fd, void *buf, size_t count, off_t off), (fd, buf, count, off))

__attribute__((destructor)) static void report(void)
{
	if (getenv("PASSTHROUGH_REPORT"))
		fprintf(stderr, "passthrough: open %lu read %lu\n", (unsigned long)n_open, (unsigned long)n_read);
}
