/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Every hook the core expects from an architecture. Each one is
 * implemented under hypervisor/arch/<arch>/; the linker picks the right
 * one. The semantics are documented in Documentation/hypervisor.md.
 *
 * Header-level hooks (inline or macros) come from the arch's asm/ headers:
 *   asm/percpu.h    struct per_cpu_arch, PERCPU_STACK_SIZE,
 *                   arch_this_cpu_data()
 *   asm/cell.h      struct cell_arch
 *   asm/spinlock.h  spinlock_t, DEFINE_SPINLOCK(), spin_lock(), spin_unlock()
 *   asm/processor.h cpu_relax(), memory_barrier()
 *   asm/paging.h    JAILHOUSE_BASE, REMAP_BASE, REMAP_PAGES,
 *                   arch_hv_paging_format
 */
#ifndef _JAILHOUSE_ARCH_H
#define _JAILHOUSE_ARCH_H

#include <jailhouse/utils.h>

struct per_cpu;
struct cell;
struct jailhouse_memory;
struct uart_chip;

/* --- enable ------------------------------------------------------------ */

/*
 * First CPU only, after page pools, console, the hypervisor's page tables
 * (hypervisor memory at its link address) and config validation, before
 * the root cell is built. Probe and map global hardware here.
 */
int arch_init_early(void);

/*
 * Every CPU, after early init succeeded and the root cell exists. Prepare
 * this CPU to run cpu_data->cell as guest (it is not yet activated).
 * Must set cpu_data->initialized = true once there is something to undo;
 * on error, leave nothing that arch_cpu_restore() could not undo.
 */
int arch_cpu_init(struct per_cpu *cpu_data);

/* First CPU, after every CPU passed arch_cpu_init() (before activation). */
int arch_init_late(void);

/*
 * Undo arch_cpu_init() on this CPU (no-op if cpu_data->initialized is
 * false, which it clears). The CPU keeps running hypervisor code, but
 * the global teardown may start once every CPU has passed here.
 */
void arch_cpu_exit(struct per_cpu *cpu_data);

/*
 * Leave the hypervisor on this CPU: continue Linux in its original (host)
 * mode at the point where it called the entry or the DISABLE hypercall,
 * with return_code in the result register. Calls arch_cpu_exit() first if
 * that has not happened. Called by the core for DISABLE (after
 * arch_cpu_exit()); by the arch entry code when entry() failed.
 */
void __noreturn arch_cpu_restore(struct per_cpu *cpu_data, int return_code);

/* Global teardown after the last CPU asked to leave (DISABLE). */
void arch_shutdown(void);

/* --- cells ------------------------------------------------------------- */

/*
 * Arch state of a new cell (stage-2/EPT root, IDs), root cell included,
 * called from cell_init() before the memory regions are mapped. For
 * non-root cells cell->comm_page exists already: fill the arch tail of
 * the comm region here (it stays valid for the cell's lifetime; the core
 * rewrites only the generic header at each start).
 * arch_cell_destroy() runs after the regions were unmapped.
 */
int arch_cell_create(struct cell *cell);
void arch_cell_destroy(struct cell *cell);

/* Make a config memory region (not sub-page) (un)available to the cell. */
int arch_map_memory_region(struct cell *cell,
			   const struct jailhouse_memory *mem);
int arch_unmap_memory_region(struct cell *cell,
			     const struct jailhouse_memory *mem);

/* After stage-2/EPT changes: flush the cell's guest TLB entries. */
void arch_cell_tlb_flush(struct cell *cell);

/* --- hypervisor address space ------------------------------------------ */

/*
 * Invalidate hypervisor TLB entries for [virt, virt + size) on all CPUs
 * (after a remap-pool range was unmapped, before it is reused).
 */
void arch_paging_flush_hv(unsigned long virt, unsigned long size);

/* --- console ------------------------------------------------------------ */

/* Set chip->reg_in/reg_out for a port-I/O UART; -EINVAL if impossible. */
int arch_uart_pio_setup(struct uart_chip *chip);

/* --- failures ----------------------------------------------------------- */

/* Stop this CPU for good (hypervisor error). Interrupts stay off. */
void __noreturn arch_panic_stop(void);

/*
 * Park this CPU after a guest fault: it no longer runs guest code but
 * stays responsive to the hypervisor (cell destruction resets it).
 */
void __noreturn arch_panic_park(void);

/* --- cell lifecycle ------------------------------------------------------ */

/*
 * Called by the core (lifecycle.c) on a root-cell CPU with the control
 * lock held, never with cpu == the calling CPU. A target CPU is in one of
 * three places: running guest code, powered off by its cell (waiting in
 * the hypervisor) or parked after a fault; it must answer in all three.
 *
 * arch_cpu_suspend(cpu): returns 0 once @cpu waits in the hypervisor and
 * runs no guest code until arch_cpu_resume(cpu); -EBUSY (and @cpu not
 * suspended) if it does not answer in time. While a CPU is suspended the
 * core may change per_cpu(cpu)->cell, ->failed and the cell's memory.
 *
 * arch_cpu_reset(cpu), arch_cpu_park(cpu): only on a suspended CPU; the
 * request takes effect when it is resumed, with the cell it then has:
 *   reset: the architectural reset state of per_cpu(cpu)->cell: its first
 *          CPU starts at cpu_reset_address (x86: real mode; ARM: SVC mode,
 *          MMU and caches off), every other CPU powered off until the
 *          cell's boot CPU starts it (x86: INIT/SIPI; ARM: PSCI CPU_ON).
 *   park:  powered off in the cell (stopped = true), address space of the
 *          cell loaded; the cell's own CPUs may start it (CPU_ON, SIPI)
 *          unless ->failed. CPUs given back to the root cell are parked,
 *          Linux brings them online again.
 *
 * arch_cpu_request_park(cpu): the exception to the rules above, for a
 * cell that fails as a whole: called by a CPU of @cpu's cell after a
 * fault, without the control lock, on a CPU that may run guest code, sit
 * in the hypervisor (hypercall, trap), be off or be suspended by the root
 * cell. Asks it to park as arch_cpu_park() does, effective before it runs
 * guest code again; does not wait for a CPU that is suspended.
 *
 * arch_cell_reset(cell): arch_cpu_reset() on every CPU of the suspended
 * cell, after the core wrote the comm region (make it visible to a guest
 * that starts with caches off).
 *
 * arch_config_commit(cell): after memory moved between the root cell and
 * @cell (NULL: only the root cell changed), with the affected CPUs
 * suspended: flush stale guest translations.
 */
int arch_cpu_suspend(unsigned int cpu);
void arch_cpu_resume(unsigned int cpu);
void arch_cpu_reset(unsigned int cpu);
void arch_cpu_park(unsigned int cpu);
void arch_cpu_request_park(unsigned int cpu);
void arch_cell_reset(struct cell *cell);
void arch_config_commit(struct cell *cell_added_removed);

#endif /* !_JAILHOUSE_ARCH_H */
