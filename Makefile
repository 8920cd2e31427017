# The README's two commands. Both install what is missing first, so they work on a fresh machine.
SHELL := /bin/bash
MVN ?= mvn -B -q

.PHONY: deps build demo test clean

deps:
	./scripts/install-deps.sh

build: deps
	$(MAKE) -s -C workloads/ringbench
	$(MVN) package -DskipTests

# The default suite: an IRQ-locality sweep that runs on any Linux box in a few minutes.
demo: build
	./uringlab run experiments.yaml

# Unit tests and the integration tests (*IT) that run real fio, bpftrace, BCC and ringbench, and the
# lab tests (*LabIT) that run them in a QEMU guest with Debian's kernel (kprobes, emulated NVMe, NUMA).
test: deps
	./scripts/install-bcc.sh
	./scripts/install-lab.sh
	$(MAKE) -s -C workloads/ringbench
	$(MAKE) -s -C workloads/ringbench check
	@# The Slurm ITs need a running cluster: a local one-node cluster is started for them and stopped
	@# after (also on failure or Ctrl-C), unless one was already running before.
	if ./scripts/slurm-local.sh status >/dev/null 2>&1; then keep=1; else keep=0; fi; \
	trap '[ $$keep = 1 ] || ./scripts/slurm-local.sh stop' EXIT INT TERM; \
	./scripts/slurm-local.sh start || echo 'make test: no local Slurm cluster; the Slurm ITs will say why'; \
	mvn -B verify

clean:
	mvn -B -q clean
