/* main.c: ringbench entry point. */
#include <stdlib.h>
#include <string.h>
#include "ringbench.h"

int main(int argc, char **argv)
{
	struct rb_opts o;
	struct rb_calib cal;
	struct rb_result res;
	struct rb_usage_snap u0, u1;

	if (rb_parse_args(argc, argv, &o))
		return 2;
	if (o.mode == MODE_CAT)
		return rb_run_cat(&o);	/* a fresh process per file: no calibration, no layout */
	rb_calibrate(&cal);
	rb_target_prepare(&o);
	if (o.jobs > 1)
		rb_ring_preflight(&o);	/* one clean EINVAL message before threads start */
	memset(&res, 0, sizeof(res));

	rb_busy_sibling_start(&o);
	rb_usage_snap(&u0);
	switch (o.mode) {
	case MODE_THROUGHPUT: rb_run_throughput(&o, &res); break;
	case MODE_COMPLETION_THREAD: rb_run_completion_thread(&o, &res); break;
	case MODE_STALL: rb_run_stall(&o, &res); break;
	case MODE_CAT: break;
	}
	rb_usage_snap(&u1);
	rb_busy_sibling_stop();

	rb_report(&o, &cal, &res, &u0, &u1);
	for (int i = 0; i < res.njobs; i++)
		rb_job_free(&res.jobs[i]);
	free(res.jobs);
	free(res.stall_us);
	return 0;
}
