/* clock.c: timestamp source and think-cycle calibration. */
#include <time.h>
#include "ringbench.h"

double rb_ticks_per_ns = 1.0;

uint64_t rb_now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

/*
 * One think "cycle" is one tick of the timestamp counter: the invariant TSC on
 * x86 (reference cycles at the nominal frequency, unaffected by frequency
 * scaling), nanoseconds of CLOCK_MONOTONIC elsewhere. The rate is measured once
 * against CLOCK_MONOTONIC over a 50 ms busy window, then checked by spinning
 * 1,000,000 cycles with rb_think() and timing it.
 */
void rb_calibrate(struct rb_calib *c)
{
	const uint64_t window = 50000000ULL;
#if RB_HAVE_TSC
	c->source = "tsc";
	uint64_t n0 = rb_now_ns(), k0 = rb_ticks(), n1;
	do {
		n1 = rb_now_ns();
	} while (n1 - n0 < window);
	uint64_t k1 = rb_ticks();
	rb_ticks_per_ns = (double)(k1 - k0) / (double)(n1 - n0);
	c->calib_window_ms = (double)(n1 - n0) / 1e6;
#else
	c->source = "clock_monotonic";
	rb_ticks_per_ns = 1.0;
	c->calib_window_ms = 0.0;
	(void)window;
#endif
	c->ticks_per_ns = rb_ticks_per_ns;

	const uint64_t check = 1000000;
	uint64_t t0 = rb_now_ns();
	rb_think(check);
	uint64_t t1 = rb_now_ns();
	c->think_check_cycles = (double)check;
	c->think_check_ns = (double)(t1 - t0);

	const int reads = 100000;
	volatile uint64_t sink = 0;
	t0 = rb_now_ns();
	for (int i = 0; i < reads; i++)
		sink += rb_ticks();
	t1 = rb_now_ns();
	(void)sink;
	c->tick_read_ns = (double)(t1 - t0) / reads;
}
