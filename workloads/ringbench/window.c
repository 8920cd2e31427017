/* window.c: --barrier, the probe window uringlab cuts around the I/O (barrier/barrier_client.c). */
#include "ringbench.h"
#include "barrier/barrier_client.h"

void rb_window(const struct rb_opts *o, const char *what)
{
	/* 30 s: above uringlab's own 10 s bound on a probe dump; a failure ends the run, never a hang */
	if (o->barrier && barrier_signal(o->barrier, what, 30))
		rb_die(1, "probe window: uringlab did not confirm '%s' on %s", what, o->barrier);
}
