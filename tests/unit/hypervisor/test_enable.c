// SPDX-License-Identifier: GPL-2.0
/*
 * The enable and disable protocol of the core (setup.c, control.c), run on
 * the host: one thread per CPU enters at once, on a stand-in architecture
 * that can be told to fail. Each scenario runs in its own process, since
 * the core keeps its state in globals.
 *
 *   test_enable SYSTEM.cell    an x86 system config (the fake arch is 0)
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <jailhouse/arch.h>
#include <jailhouse/cell.h>
#include <jailhouse/config.h>
#include <jailhouse/control.h>
#include <jailhouse/errno.h>
#include <jailhouse/image.h>
#include <jailhouse/paging.h>
#include <jailhouse/uart.h>

#include "../testlib.h"

#define HV_MEM_SIZE	(8 << 20)
#define NUM_CPUS	4
#define TEXT_OFFSET	0x1000
#define PERCPU_OFFSET	0x20000
/* the hypercall ABI's "not implemented" (Linux errno 38) */
#define HC_NOT_IMPLEMENTED	(-38)

/* hypervisor memory with the image symbols where the linker puts them */
u8 hv_memory[HV_MEM_SIZE] __attribute__((aligned(1 << 21)));
asm(".globl hypervisor_header\n.set hypervisor_header, hv_memory\n"
	".globl __text_start\n.set __text_start, hv_memory + 0x1000\n"
	".globl __text_end\n.set __text_end, hv_memory + 0x2000\n"
	".globl __percpu_start\n.set __percpu_start, hv_memory + 0x20000\n");

/* --- stand-in architecture ------------------------------------------------ */

static __thread struct per_cpu *tls_cpu;
static int fail_cpu = -1, fail_error;
static unsigned int exits[NUM_CPUS], shutdowns, seq;
static unsigned int exit_seq[NUM_CPUS], shutdown_seq;
static int results[NUM_CPUS];
static char uart_out[8192];
static unsigned int uart_len;

struct per_cpu *test_this_cpu(void)
{
	return tls_cpu;
}

int arch_init_early(void)
{
	return 0;
}

int arch_cpu_init(struct per_cpu *cpu_data)
{
	if ((int)cpu_data->cpu_id == fail_cpu)
		return fail_error;
	cpu_data->initialized = true;
	return 0;
}

int arch_init_late(void)
{
	return 0;
}

void arch_cpu_exit(struct per_cpu *cpu_data)
{
	if (!cpu_data->initialized)
		return;
	cpu_data->initialized = false;
	__atomic_add_fetch(&exits[cpu_data->cpu_id], 1, __ATOMIC_SEQ_CST);
	exit_seq[cpu_data->cpu_id] = __atomic_add_fetch(&seq, 1,
							__ATOMIC_SEQ_CST);
}

void arch_cpu_restore(struct per_cpu *cpu_data, int return_code)
{
	arch_cpu_exit(cpu_data);
	results[cpu_data->cpu_id] = return_code;
	pthread_exit(NULL);
}

void arch_shutdown(void)
{
	__atomic_add_fetch(&shutdowns, 1, __ATOMIC_SEQ_CST);
	shutdown_seq = __atomic_add_fetch(&seq, 1, __ATOMIC_SEQ_CST);
}

int arch_cell_create(struct cell *cell)
{
	return 0;
}

void arch_cell_destroy(struct cell *cell)
{
}

int arch_map_memory_region(struct cell *cell,
			   const struct jailhouse_memory *mem)
{
	return 0;
}

int arch_unmap_memory_region(struct cell *cell,
			     const struct jailhouse_memory *mem)
{
	return 0;
}

void arch_cell_tlb_flush(struct cell *cell)
{
}

void arch_paging_flush_hv(unsigned long virt, unsigned long size)
{
}

int arch_cpu_suspend(unsigned int cpu)
{
	return 0;
}

void arch_cpu_resume(unsigned int cpu)
{
}

void arch_cpu_reset(unsigned int cpu)
{
}

void arch_cpu_park(unsigned int cpu)
{
}

void arch_cpu_request_park(unsigned int cpu)
{
}

void arch_cell_reset(struct cell *cell)
{
}

void arch_config_commit(struct cell *cell_added_removed)
{
}

static u32 uart_in(struct uart_chip *chip, unsigned int reg)
{
	return reg == 5 ? 0x20 : 0;	/* LSR: transmitter empty */
}

static void uart_out_reg(struct uart_chip *chip, unsigned int reg, u32 val)
{
	if (reg == 0 && uart_len < sizeof(uart_out) - 1)
		uart_out[uart_len++] = (char)val;
}

int arch_uart_pio_setup(struct uart_chip *chip)
{
	chip->reg_in = uart_in;
	chip->reg_out = uart_out_reg;
	return 0;
}

void arch_panic_stop(void)
{
	abort();
}

void arch_panic_park(void)
{
	abort();
}

/* 2 levels of 2 MiB blocks and 4 KiB pages are enough here */
static pt_entry_t f_leaf(unsigned int lvl, u64 phys, unsigned long flags)
{
	return (phys & ~0xfffULL) | 1;
}

static pt_entry_t f_table(u64 phys)
{
	return (phys & ~0xfffULL) | 3;
}

static bool f_valid(pt_entry_t e, unsigned int lvl)
{
	return e & 1;
}

static bool f_leaf_p(pt_entry_t e, unsigned int lvl)
{
	return lvl == 3 || !(e & 2);
}

static u64 f_phys(pt_entry_t e, unsigned int lvl)
{
	return e & ~0xfffULL;
}

static unsigned long f_flags(pt_entry_t e, unsigned int lvl)
{
	return PAGE_DEFAULT_FLAGS;
}

const struct paging_format arch_hv_paging_format = {
	.num_levels = 4,
	.level = {
		{ .shift = 39, .index_bits = 9 },
		{ .shift = 30, .index_bits = 9 },
		{ .shift = 21, .index_bits = 9, .block = true },
		{ .shift = 12, .index_bits = 9, .block = true },
	},
	.root_pages = 1,
	.make_leaf = f_leaf, .make_table = f_table, .is_valid = f_valid,
	.is_leaf = f_leaf_p, .get_phys = f_phys, .get_flags = f_flags,
};

/* --- harness --------------------------------------------------------------- */

static size_t load_config(const char *path)
{
	struct jailhouse_header *hdr = &hypervisor_header;
	size_t offset = PERCPU_OFFSET + NUM_CPUS * sizeof(struct per_cpu);
	FILE *f = fopen(path, "rb");
	size_t len;

	if (!f)
		return 0;
	offset = (offset + 0xfff) & ~0xfffUL;
	len = fread(hv_memory + offset, 1, HV_MEM_SIZE - offset, f);
	fclose(f);
	/* the root cell owns all NUM_CPUS CPUs */
	hv_memory[offset + sizeof(struct jailhouse_system)] |=
		(1 << NUM_CPUS) - 1;
	memcpy(hdr->signature, JAILHOUSE_FW_SIGNATURE, 8);
	hdr->max_cpus = NUM_CPUS;
	hdr->online_cpus = NUM_CPUS;
	hdr->config_offset = offset;
	return len;
}

/* DISABLE after a successful enable, when asked to. */
static bool disable_after_enable;

static void *cpu_thread(void *arg)
{
	unsigned int cpu = (unsigned long)arg;
	int err;

	tls_cpu = per_cpu(cpu);
	err = entry(cpu, tls_cpu);
	if (err)
		arch_cpu_restore(tls_cpu, err);
	results[cpu] = 0;
	if (disable_after_enable)
		hypercall(JAILHOUSE_HC_DISABLE, 0, 0);	/* does not return */
	return NULL;
}

static void run_cpus(void)
{
	pthread_t threads[NUM_CPUS];
	unsigned long cpu;

	for (cpu = 0; cpu < NUM_CPUS; cpu++)
		pthread_create(&threads[cpu], NULL, cpu_thread, (void *)cpu);
	for (cpu = 0; cpu < NUM_CPUS; cpu++)
		pthread_join(threads[cpu], NULL);
}

static bool all_results(int want)
{
	unsigned int cpu;

	for (cpu = 0; cpu < NUM_CPUS; cpu++)
		if (results[cpu] != want)
			return false;
	return true;
}

static bool ring_has(const char *text)
{
	return !!strstr(console_ring.content, text);
}

/* The UART got the ring's text, with CR before each LF. */
static bool uart_matches_ring(void)
{
	unsigned int u = 0, r = 0;

	for (; u < uart_len; u++) {
		if (uart_out[u] == '\r') {
			if (uart_out[u + 1] != '\n')
				return false;
			continue;
		}
		if (uart_out[u] != console_ring.content[r++])
			return false;
	}
	return r == console_ring.tail && r > 100;
}

static void scenario_success(void)
{
	char line[32];
	unsigned int cpu;
	bool ok = true;

	run_cpus();
	t_result(all_results(0), "hv/enable/all-cpus-succeed", "results %d %d %d %d",
		 results[0], results[1], results[2], results[3]);
	for (cpu = 0; cpu < NUM_CPUS; cpu++) {
		snprintf(line, sizeof(line), " CPU %u... OK\n", cpu);
		ok = ok && ring_has(line);
	}
	t_result(ring_has("Initializing Jailhouse hypervisor") &&
		 ring_has("Code location: 0x") &&
		 ring_has("Page pool usage after early setup: mem ") &&
		 ring_has("Initializing processors:") && ok &&
		 ring_has("Activating hypervisor"), "hv/enable/console-lines",
		 "ring: %.300s", console_ring.content);
	t_result(uart_matches_ring(), "hv/enable/uart-mirrors-ring",
		 "uart: %.60s", uart_out);
	t_result(hypervisor_header.entered_cpus == NUM_CPUS &&
		 hypervisor_header.init_error == 0, "hv/enable/header",
		 "entered %u error %d", hypervisor_header.entered_cpus,
		 hypervisor_header.init_error);
	tls_cpu = per_cpu(2);
	t_result(hypercall(JAILHOUSE_HC_HYPERVISOR_GET_INFO,
			   JAILHOUSE_INFO_NUM_CELLS, 0) == 1 &&
		 hypercall(JAILHOUSE_HC_HYPERVISOR_GET_INFO,
			   JAILHOUSE_INFO_MEM_POOL_USED, 0) ==
		 (long)mem_pool.used_pages &&
		 hypercall(JAILHOUSE_HC_CPU_GET_INFO, 3,
			   JAILHOUSE_CPU_INFO_STATE) == JAILHOUSE_CPU_RUNNING &&
		 hypercall(JAILHOUSE_HC_CPU_GET_INFO, 7,
			   JAILHOUSE_CPU_INFO_STATE) == -EINVAL &&
		 hypercall(JAILHOUSE_HC_CELL_GET_STATE, 0, 0) ==
		 JAILHOUSE_CELL_RUNNING &&
		 hypercall(JAILHOUSE_HC_CELL_CREATE, ~0UL, 0) == -EINVAL &&
		 hypercall(99, 0, 0) == HC_NOT_IMPLEMENTED, "hv/enable/hypercalls",
		 "unexpected result");
	t_result(hypercall(JAILHOUSE_HC_CPU_GET_INFO, 2,
			   JAILHOUSE_CPU_INFO_STAT_BASE +
			   JAILHOUSE_CPU_STAT_VMEXITS_HYPERCALL) >= 7,
		 "hv/enable/hypercall-statistics", "counter too low");
}

static void scenario_cpu_fails(void)
{
	unsigned int cpu;
	bool exited = true, ordered = true;

	fail_cpu = 2;
	fail_error = -EIO;
	run_cpus();
	t_result(all_results(-EIO) && hypervisor_header.init_error == -EIO,
		 "hv/enable/one-cpu-fails-all-return-its-error",
		 "results %d %d %d %d, init_error %d", results[0], results[1],
		 results[2], results[3], hypervisor_header.init_error);
	for (cpu = 0; cpu < NUM_CPUS; cpu++) {
		if (cpu != 2 && exits[cpu] != 1)
			exited = false;
		if (cpu != 2 && exit_seq[cpu] > shutdown_seq)
			ordered = false;
	}
	t_result(exited && exits[2] == 0, "hv/enable/initialized-cpus-undone",
		 "exits %u %u %u %u", exits[0], exits[1], exits[2], exits[3]);
	t_result(shutdowns == 1 && ordered,
		 "hv/enable/global-teardown-once-after-cpus", "shutdowns %u",
		 shutdowns);
	t_result(ring_has(" CPU 2... FAILED (error -5)"),
		 "hv/enable/failure-on-console", "ring: %.300s",
		 console_ring.content);
}

static void scenario_bad_config(void)
{
	struct jailhouse_system *sys = (void *)(hv_memory +
		hypervisor_header.config_offset);

	sys->revision = 13;
	run_cpus();
	t_result(all_results(-EINVAL) && shutdowns == 0 && !exits[0],
		 "hv/enable/bad-config-refused-early", "results %d %d %d %d",
		 results[0], results[1], results[2], results[3]);
	t_result(ring_has("ERROR: configuration revision 13, expected 14"),
		 "hv/enable/bad-config-explained", "ring: %.200s",
		 console_ring.content);
}

static void scenario_disable(void)
{
	unsigned int cpu;
	bool ordered = true;

	disable_after_enable = true;
	run_cpus();
	for (cpu = 0; cpu < NUM_CPUS; cpu++)
		if (exit_seq[cpu] > shutdown_seq)
			ordered = false;
	t_result(all_results(0) && shutdowns == 1 && ordered &&
		 ring_has("Shutting down hypervisor"), "hv/disable/all-cpus",
		 "results %d %d %d %d, shutdowns %u, ordered %d", results[0],
		 results[1], results[2], results[3], shutdowns, ordered);
}

/* Each scenario in a child process: fresh core state. */
static int run_scenario(const char *config, void (*fn)(void))
{
	pid_t pid;
	int status;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		if (!load_config(config)) {
			t_result(0, "hv/enable/config", "cannot read %s", config);
			exit(1);
		}
		fn();
		exit(t_failed() ? 1 : 0);
	}
	waitpid(pid, &status, 0);
	if (!WIFEXITED(status)) {
		t_result(0, "hv/enable/scenario-crashed", "status 0x%x", status);
		return 1;
	}
	return WEXITSTATUS(status);
}

/* A cell config next to the system config (configs/x86/<name>.cell). */
static const char *system_path;

static struct jailhouse_cell_desc *read_cell(const char *name, size_t *len)
{
	static char path[512];
	const char *slash = strrchr(system_path, '/');
	void *buf = calloc(1, 65536);
	FILE *f;

	snprintf(path, sizeof(path), "%.*s/%s.cell",
		 slash ? (int)(slash - system_path) : 1,
		 slash ? system_path : ".", name);
	f = fopen(path, "rb");
	if (!f || !buf) {
		free(buf);
		if (f)
			fclose(f);
		return NULL;
	}
	*len = fread(buf, 1, 65536, f);
	fclose(f);
	return buf;
}

/*
 * CELL_CREATE's validation step (config_check_cell) after a real enable:
 * a fitting cell passes; overlapping an existing cell, a wrong revision
 * and a truncated image are refused with a console line each.
 */
static void scenario_cell_checks(void)
{
	const struct jailhouse_cell_desc *others[1];
	struct jailhouse_cell_desc *apic, *bad;
	size_t len = 0;

	run_cpus();
	apic = read_cell("apic-demo", &len);
	if (!apic) {
		t_result(0, "hv/cell/config", "cannot read apic-demo.cell");
		return;
	}
	t_result(config_check_cell(apic, len, NULL, 0) == 0,
		 "hv/cell/valid-config-accepted", "ring: %.300s",
		 console_ring.content);
	others[0] = apic;
	t_result(config_check_cell(apic, len, others, 1) == -EBUSY &&
		 ring_has("overlaps an existing cell"),
		 "hv/cell/overlap-with-existing-refused", "ring tail: %.200s",
		 console_ring.content + (console_ring.tail > 200 ?
					 console_ring.tail - 200 : 0));
	bad = malloc(len);
	memcpy(bad, apic, len);
	bad->revision++;
	t_result(config_check_cell(bad, len, NULL, 0) == -EINVAL &&
		 ring_has("rejected"), "hv/cell/wrong-revision-refused",
		 "accepted");
	t_result(config_check_cell(apic, len / 2, NULL, 0) == -EINVAL,
		 "hv/cell/truncated-refused", "accepted");
	tls_cpu = per_cpu(2);
	t_result(hypercall(JAILHOUSE_HC_CELL_DESTROY, 0, 0) == -EINVAL &&
		 hypercall(JAILHOUSE_HC_CELL_START, 7, 0) == -ENOENT &&
		 hypercall(JAILHOUSE_HC_CELL_SET_LOADABLE, 7, 0) == -ENOENT,
		 "hv/cell/bad-ids-refused", "unexpected result");
	free(bad);
	free(apic);
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		t_result(0, "hv/enable/config", "usage: %s SYSTEM.cell", argv[0]);
		return 1;
	}
	system_path = argv[1];
	return run_scenario(argv[1], scenario_success) |
		run_scenario(argv[1], scenario_cpu_fails) |
		run_scenario(argv[1], scenario_bad_config) |
		run_scenario(argv[1], scenario_disable) |
		run_scenario(argv[1], scenario_cell_checks);
}
