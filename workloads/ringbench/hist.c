/* hist.c: log-linear latency histogram (fixed size, no per-sample allocation). */
#include <string.h>
#include "ringbench.h"

void rb_hist_init(struct rb_hist *h)
{
	memset(h, 0, sizeof(*h));
	h->min = UINT64_MAX;
}

void rb_hist_merge(struct rb_hist *dst, const struct rb_hist *src)
{
	if (!src->count)
		return;
	dst->count += src->count;
	dst->sum += src->sum;
	if (src->min < dst->min)
		dst->min = src->min;
	if (src->max > dst->max)
		dst->max = src->max;
	for (unsigned i = 0; i < RB_HIST_BUCKETS; i++)
		dst->b[i] += src->b[i];
}

/* Midpoint of bucket i. */
double rb_hist_bucket_value(unsigned i)
{
	if (i < RB_HIST_SUB)
		return (double)i;
	unsigned k = i - RB_HIST_SUB;
	unsigned shift = k / RB_HIST_HALF + 1;
	uint64_t top = k % RB_HIST_HALF + RB_HIST_HALF;
	uint64_t lo = top << shift;
	return (double)lo + (double)((1ULL << shift) - 1) / 2.0;
}

/* Value at percentile pct (0..100): smallest bucket whose cumulative count
 * reaches ceil(pct/100 * count), clamped to the exact min/max. */
double rb_hist_pct(const struct rb_hist *h, double pct)
{
	if (!h->count)
		return 0.0;
	double want = pct / 100.0 * (double)h->count;
	uint64_t rank = (uint64_t)want;
	if ((double)rank < want)
		rank++;
	if (rank < 1)
		rank = 1;
	uint64_t cum = 0;
	for (unsigned i = 0; i < RB_HIST_BUCKETS; i++) {
		cum += h->b[i];
		if (cum >= rank) {
			double v = rb_hist_bucket_value(i);
			if (v < (double)h->min)
				v = (double)h->min;
			if (v > (double)h->max)
				v = (double)h->max;
			return v;
		}
	}
	return (double)h->max;
}
