#!/usr/bin/env python3
"""Reference implementation of FioJsonParser's aggregation rules, written separately from the
Java code so that two implementations must agree. Writes <golden>.expected next to each golden.
Run from this directory: python3 expected.py"""
import glob, json

PCTS = [(50.0, 'p50'), (95.0, 'p95'), (99.0, 'p99'), (99.9, 'p99_9')]

def load(path):
    text = open(path).read()
    lines = text.split('\n')
    i = next(n for n, l in enumerate(lines) if l.lstrip().startswith('{'))
    obj, _ = json.JSONDecoder().raw_decode('\n'.join(lines[i:]).lstrip())
    return obj

def dirs(job):
    if 'mixed' in job:
        return [job['mixed']]
    return [job[d] for d in ('read', 'write', 'trim') if d in job and job[d].get('total_ios', 0) > 0]

def lat(d, kind):
    if kind + '_ns' in d:
        return d[kind + '_ns'], 1.0
    if kind in d:
        return d[kind], 1000.0
    return None, 1.0

def pct_from(table, p):
    for k, v in table.items():
        if abs(float(k) - p) < 1e-6:
            return v
    return None

def latency(out, kind, contributors):
    cs = [(s, f) for s, f in contributors if s is not None and s.get('N', 0) > 0]
    if not cs:
        return
    n = sum(s['N'] for s, _ in cs)
    out[kind + '_mean_us'] = sum(s['mean'] * f * s['N'] for s, f in cs) / n / 1000.0
    if any('percentile' not in s for s, _ in cs):
        return
    for p, name in PCTS:
        if len(cs) == 1:
            v = pct_from(cs[0][0]['percentile'], p)
            v = None if v is None else v * cs[0][1]
        elif all('bins' in s for s, _ in cs):
            bins = {}
            for s, f in cs:
                for k, c in s['bins'].items():
                    key = round(float(k) * f)
                    bins[key] = bins.get(key, 0) + c
            total = sum(bins.values()); run = 0; v = None
            for k in sorted(bins):
                run += bins[k]
                if run >= p / 100.0 * total:
                    v = k; break
        else:
            vals = [pct_from(s['percentile'], p) for s, _ in cs]
            v = None if any(x is None for x in vals) else max(x * f for x, (_, f) in zip(vals, cs))
        if v is not None:
            out['%s_%s_us' % (kind, name)] = v / 1000.0

def sqpoll_clat_broken(root):
    # fio before 3.36 (axboe/fio#1484, PR #1594) mis-set issue_time under sqthread_poll.
    v = root.get('fio version', '').replace('fio-', '').split('-')[0].split('.')
    try:
        old = (int(v[0]), int(v[1])) < (3, 36)
    except (ValueError, IndexError):
        old = True
    return old and any(j.get('job options', {}).get('sqthread_poll', '0') not in ('0', '') for j in root['jobs'])

def metrics(root):
    out = {}
    jobs = root['jobs']
    ds = [(job, d) for job in jobs for d in dirs(job)]
    out['iops'] = sum(d['iops'] for _, d in ds)
    out['bw_mb_s'] = sum(d['bw_bytes'] if 'bw_bytes' in d else d['bw'] * 1024 for _, d in ds) / 1e6
    out['total_ios'] = sum(d['total_ios'] for _, d in ds)
    out['runtime_s'] = max([d['runtime'] for _, d in ds] or [0]) / 1000.0
    out['ctx_switches'] = sum(j.get('ctx', 0) for j in jobs)
    out['io_errors'] = sum(j.get('total_err', 0) for j in jobs)
    w = [j['job_runtime'] if 'job_runtime' in j else max([d['runtime'] for d in dirs(j)] or [0]) for j in jobs]
    for key, field in (('usr_cpu_pct', 'usr_cpu'), ('sys_cpu_pct', 'sys_cpu')):
        out[key] = sum(j[field] * x for j, x in zip(jobs, w)) / sum(w) if sum(w) > 0 else sum(j[field] for j in jobs) / len(jobs)
    for kind in ('clat', 'lat'):
        if kind == 'clat' and sqpoll_clat_broken(root):
            continue
        latency(out, kind, [lat(d, kind) for _, d in ds])
    return out

for path in sorted(glob.glob('*.json')):
    root = load(path)
    if any(j.get('error', 0) for j in root['jobs']):
        continue  # error goldens are checked by their own tests
    m = metrics(root)
    with open(path[:-len('.json')] + '.expected', 'w') as f:
        for k in sorted(m):
            f.write('%s=%r\n' % (k, float(m[k])))
