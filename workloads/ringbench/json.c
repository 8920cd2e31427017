/* json.c: a tiny streaming JSON writer (one document on stdout). */
#include <math.h>
#include "ringbench.h"

void rb_json_begin(struct rb_json *j, FILE *f)
{
	j->f = f;
	j->depth = 0;
	j->first[0] = true;
}

static void sep(struct rb_json *j, const char *key)
{
	if (!j->first[j->depth])
		fputc(',', j->f);
	j->first[j->depth] = false;
	if (j->depth > 0 && j->depth <= 2) {
		fputc('\n', j->f);
		for (int i = 0; i < j->depth; i++)
			fputs("  ", j->f);
	}
	if (key) {
		fputc('"', j->f);
		for (const char *p = key; *p; p++)
			fputc(*p, j->f);
		fputs("\": ", j->f);
	}
}

static void open_(struct rb_json *j, const char *key, char c)
{
	sep(j, key);
	fputc(c, j->f);
	j->depth++;
	j->first[j->depth] = true;
}

void rb_json_obj(struct rb_json *j, const char *key) { open_(j, key, '{'); }
void rb_json_arr(struct rb_json *j, const char *key) { open_(j, key, '['); }
void rb_json_end_obj(struct rb_json *j) { j->depth--; fputc('}', j->f); }
void rb_json_end_arr(struct rb_json *j) { j->depth--; fputc(']', j->f); }

void rb_json_str(struct rb_json *j, const char *key, const char *v)
{
	sep(j, key);
	if (!v) {
		fputs("null", j->f);
		return;
	}
	fputc('"', j->f);
	for (const unsigned char *p = (const unsigned char *)v; *p; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(j->f, "\\%c", *p);
		else if (*p < 0x20)
			fprintf(j->f, "\\u%04x", *p);
		else
			fputc(*p, j->f);
	}
	fputc('"', j->f);
}

void rb_json_u64(struct rb_json *j, const char *key, uint64_t v)
{
	sep(j, key);
	fprintf(j->f, "%llu", (unsigned long long)v);
}

void rb_json_i64(struct rb_json *j, const char *key, int64_t v)
{
	sep(j, key);
	fprintf(j->f, "%lld", (long long)v);
}

void rb_json_dbl(struct rb_json *j, const char *key, double v)
{
	sep(j, key);
	if (!isfinite(v))
		fputs("null", j->f);
	else
		fprintf(j->f, "%.3f", v);
}

void rb_json_bool(struct rb_json *j, const char *key, bool v)
{
	sep(j, key);
	fputs(v ? "true" : "false", j->f);
}

void rb_json_null(struct rb_json *j, const char *key)
{
	sep(j, key);
	fputs("null", j->f);
}

void rb_json_finish(struct rb_json *j)
{
	fputc('\n', j->f);
	fflush(j->f);
}
