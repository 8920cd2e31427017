/*
 * uringlab's probe-window barrier, client side. One connection per event: the client writes
 * "<what>\n" and reads one line back. uringlab answers only after it has dumped the probes'
 * maps, so the caller's next instruction (fio's first I/O, or its teardown) is on the right
 * side of the window. Every wait is bounded: a uringlab that is gone or stuck makes this fail
 * with a message, never hang the workload.
 */
#include "barrier_client.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int barrier_signal(const char *path, const char *what, int timeout_s)
{
	struct sockaddr_un addr = { .sun_family = AF_UNIX };
	char line[256];
	size_t got = 0;
	int fd;

	if (strlen(path) >= sizeof(addr.sun_path)) {
		fprintf(stderr, "uringlab-barrier: socket path too long: %s\n", path);
		return -1;
	}
	strcpy(addr.sun_path, path);
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0 || connect(fd, (struct sockaddr *)&addr, sizeof(addr)) < 0) {
		fprintf(stderr, "uringlab-barrier: cannot connect to %s: %s\n", path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	snprintf(line, sizeof(line), "%s\n", what);
	if (write(fd, line, strlen(line)) != (ssize_t)strlen(line)) {
		fprintf(stderr, "uringlab-barrier: cannot send '%s' to %s: %s\n", what, path, strerror(errno));
		close(fd);
		return -1;
	}
	long long deadline = now_ms() + (long long)timeout_s * 1000;
	while (got < sizeof(line) - 1) {
		long long left = deadline - now_ms();
		struct pollfd p = { .fd = fd, .events = POLLIN };
		if (left <= 0 || poll(&p, 1, (int)left) == 0) {
			fprintf(stderr, "uringlab-barrier: no answer to '%s' from %s within %d s\n", what, path, timeout_s);
			close(fd);
			return -1;
		}
		ssize_t n = read(fd, line + got, sizeof(line) - 1 - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		got += (size_t)n;
		if (memchr(line, '\n', got))
			break;
	}
	close(fd);
	line[got] = '\0';
	if (strncmp(line, "ok\n", 3) == 0)
		return 0;
	fprintf(stderr, "uringlab-barrier: '%s' refused by %s: %s\n", what, path, got ? line : "(connection closed)\n");
	return -1;
}
