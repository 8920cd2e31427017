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

int open(const char *path, int flags, ...)
{
	NEXT(open);
	va_list ap;
	va_start(ap, flags);
	mode_t mode = mode_of(flags, ap);
	va_end(ap);
	n_open++;
	return next_open(path, flags, mode);
}

int open64(const char *path, int flags, ...)
{
	NEXT(open64);
	va_list ap;
	va_start(ap, flags);
	mode_t mode = mode_of(flags, ap);
	va_end(ap);
	n_open++;
	return next_open64(path, flags, mode);
}

int openat(int dirfd, const char *path, int flags, ...)
{
	NEXT(openat);
	va_list ap;
	va_start(ap, flags);
	mode_t mode = mode_of(flags, ap);
	va_end(ap);
	n_open++;
	return next_openat(dirfd, path, flags, mode);
}

int openat64(int dirfd, const char *path, int flags, ...)
{
	NEXT(openat64);
	va_list ap;
	va_start(ap, flags);
	mode_t mode = mode_of(flags, ap);
	va_end(ap);
	n_open++;
	return next_openat64(dirfd, path, flags, mode);
}

ssize_t read(int fd, void *buf, size_t count)
{
	NEXT(read);
	n_read++;
	return next_read(fd, buf, count);
}

ssize_t pread(int fd, void *buf, size_t count, off_t off)
{
	NEXT(pread);
	n_read++;
	return next_pread(fd, buf, count, off);
}

ssize_t pread64(int fd, void *buf, size_t count, off_t off)
{
	NEXT(pread64);
	n_read++;
	return next_pread64(fd, buf, count, off);
}

__attribute__((destructor)) static void report(void)
{
	if (getenv("PASSTHROUGH_REPORT"))
		fprintf(stderr, "passthrough: open %lu read %lu\n", (unsigned long)n_open, (unsigned long)n_read);
}
