# Top-level build of the Jailhouse-compatible partitioning hypervisor.
#
#   make                         everything for x86-64
#   make ARCH=arm                everything for ARMv7 (CROSS_COMPILE defaults
#                                to arm-linux-gnueabihf-)
#   make KDIR=/path/to/kernel    build the driver against that kernel tree;
#                                default: the pinned Debian headers, fetched
#                                and cached by ci/kernel.sh
#   make test-unit | test-x86 | test-arm | test | demo | bench | install
#
# Every sub-directory has its own Makefile; this one only dispatches.

ARCH ?= x86
ifeq ($(ARCH),x86_64)
override ARCH := x86
endif
ifneq ($(filter-out x86 arm,$(ARCH)),)
$(error ARCH must be x86 or arm, not '$(ARCH)')
endif

ifeq ($(ARCH),arm)
CROSS_COMPILE ?= arm-linux-gnueabihf-
endif

SRCTREE := $(CURDIR)
# Deferred: only resolved (and fetched) when the driver is built.
KDIR ?= $(shell $(SRCTREE)/ci/kernel.sh headers $(ARCH))
DESTDIR ?=
PREFIX ?= /usr/local

export ARCH CROSS_COMPILE SRCTREE DESTDIR PREFIX

SUBDIRS := hypervisor driver tools configs inmates

.PHONY: all $(SUBDIRS) clean install test test-unit test-x86 test-arm \
	demo bench check-style

all: $(SUBDIRS)

hypervisor tools configs inmates:
	$(MAKE) -C $@

driver:
	$(MAKE) -C $@ KDIR="$(KDIR)"

install: all
	$(MAKE) -C hypervisor install
	$(MAKE) -C driver install KDIR="$(KDIR)"
	$(MAKE) -C tools install
	$(MAKE) -C configs install
	$(MAKE) -C inmates install

clean:
	for d in $(SUBDIRS) tests; do $(MAKE) -C $$d clean; done

# Tests: every stage appends PASS/FAIL lines to one results file; the last
# line of `make test` is the "N passed, N failed" summary.
JH_RESULTS ?= $(SRCTREE)/build/test-results.txt
export JH_RESULTS

test-unit:
	ci/run-tests.sh unit

test-x86:
	ci/run-tests.sh x86

test-arm:
	ci/run-tests.sh arm

test:
	ci/run-tests.sh all

demo:
	ci/demo.sh $(ARCH)

bench:
	ci/bench.sh $(BENCH)

check-style:
	ci/check-style.sh
