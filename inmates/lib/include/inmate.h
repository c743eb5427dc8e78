/* SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause) */
/*
 * Inmate library: the API every demo and test inmate uses, identical on x86
 * and ARMv7. Architecture specifics (port I/O, MSRs, GIC registers) live in
 * <inmate_arch.h>, which this file pulls in at the end.
 *
 * An inmate provides inmate_main(). The library's start code brings the CPU
 * into a C-friendly state, checks the communication region, selects the
 * console and then calls inmate_main(); when that returns, the CPU stops.
 */
#ifndef _INMATE_H
#define _INMATE_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#include <jailhouse/types.h>
#include <jailhouse/hypercall.h>

#define __noreturn	__attribute__((noreturn))
#define __weak		__attribute__((weak))
#define __packed	__attribute__((packed))
#define __printf(a, b)	__attribute__((format(printf, a, b)))
#define __aligned(n)	__attribute__((aligned(n)))

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

#define NS_PER_SEC	1000000000ULL
#define NS_PER_MSEC	1000000ULL
#define NS_PER_USEC	1000ULL

/* The communication region, at the address every inmate cell config uses. */
#define comm_region \
	((struct jailhouse_comm_region *)JAILHOUSE_COMM_REGION_INMATE_ADDR)

/* Entry point of the inmate; the CPU stops when it returns. */
void inmate_main(void);

/* Park this CPU for good: interrupts off, halted. */
void __noreturn stop(void);

/* First C function, called by the arch start code (lib/common/setup.c). */
void __noreturn c_entry(void);

/* ---- strings (lib/common/string.c) ---- */
void *memset(void *s, int c, size_t n);
void *memcpy(void *dst, const void *src, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
int strncmp(const char *a, const char *b, size_t n);
int strcmp(const char *a, const char *b);
int strcasecmp(const char *a, const char *b);

/* ---- formatted output (lib/common/printk.c) ---- */
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int snprintf(char *buf, size_t size, const char *fmt, ...) __printf(3, 4);
void printk(const char *fmt, ...) __printf(1, 2);

/* ---- command line (lib/common/cmdline.c) ----
 * The loader writes the string given with `jailhouse cell load ... -s "..."
 * -a 0x1000` into the .cmdline section. Options are separated by blanks and
 * written as key=value; a bare key counts as boolean true.
 */
#define CMDLINE_BUFFER_SIZE	256
extern char cmdline[CMDLINE_BUFFER_SIZE];

long long cmdline_parse_int(const char *key, long long def);
bool cmdline_parse_bool(const char *key, bool def);
/* Copies the value (NUL-terminated, truncated to size) or def into buf. */
const char *cmdline_parse_str(const char *key, char *buf, size_t size,
			      const char *def);

/* The parsers above, working on any string (used by the host tests). */
bool cmdline_lookup(const char *text, size_t text_size, const char *key,
		    const char **value, size_t *value_len);
bool cmdline_value_to_int(const char *value, size_t len, long long *result);
bool cmdline_value_to_bool(const char *value, size_t len, bool *result);

/* ---- communication region (lib/common/comm.c) ---- */
bool comm_region_is_valid(void);
void comm_region_set_state(u32 state);
/*
 * Answer a pending hypervisor message, if any. decide_shutdown (NULL =
 * always approve) says whether a shutdown request is approved; an approved
 * request moves the cell to SHUT_DOWN. Returns the message handled
 * (JAILHOUSE_MSG_NONE if there was none).
 */
u32 comm_region_handle_message(bool (*decide_shutdown)(void));
/* comm_region_handle_message() with approval, then stop() if approved. */
void comm_region_service(void);
/* Print every comm region field, each line starting with prefix. */
void comm_region_print(const char *prefix);

/* ---- console (lib/common/console.c) ---- */
struct uart_chip;

struct uart_driver {
	const char *name;
	u16 type;
	void (*init)(struct uart_chip *chip);
	bool (*is_busy)(struct uart_chip *chip);
	void (*write)(struct uart_chip *chip, char c);
};

struct uart_chip {
	const struct uart_driver *driver;
	unsigned long base;
	u32 divider;
	u16 flags;
	u32 gate_nr;
	unsigned long clock_reg;
	u32 (*reg_in)(struct uart_chip *chip, unsigned int reg);
	void (*reg_out)(struct uart_chip *chip, unsigned int reg, u32 value);
};

extern const struct uart_driver uart_8250_driver;
extern const struct uart_driver uart_pl011_driver;

void console_init(bool trust_comm_region);
void console_write(const char *s);
bool console_uses_hypercall(void);
const struct uart_chip *console_uart(void);

/* Byte-wise and 32-bit register accessors for MMIO UARTs. */
void uart_use_mmio_access(struct uart_chip *chip);

/* ---- timing (lib/common/timing.c + arch) ----
 * timer_ticks() is a free-running counter (x86: TSC, ARM: CNTVCT) with
 * timer_get_frequency() ticks per second. timer_start_at() raises
 * TIMER_IRQ once the counter reaches the deadline.
 */
void timer_init(void);
u64 timer_get_frequency(void);
u64 timer_ticks(void);
void timer_start_at(u64 deadline);
void timer_stop(void);
u64 timer_ticks_to_ns(u64 ticks);
/* (now - then) in nanoseconds, negative if now is before then */
long long timer_ticks_diff_ns(u64 now, u64 then);
u64 timer_ns_to_ticks(u64 ns);
void delay_us(unsigned long us);
/* a * b / c without overflowing for the magnitudes timers produce */
u64 muldiv64(u64 a, u64 b, u64 c);

/*
 * Periodic timer interrupts on top of timer_start_at(): start once, then
 * call timer_periodic_tick() from the TIMER_IRQ handler. It programs the
 * next deadline (one period after the previous deadline, so lateness does
 * not accumulate) and returns how late this tick was, in ns.
 */
void timer_periodic_start(u64 period_ns);
long long timer_periodic_tick(void);

struct jitter_stats {
	long long min_ns;
	long long max_ns;
	unsigned long samples;
};

/* Records one sample and prints the demos' "Timer fired, jitter" line. */
void jitter_report(struct jitter_stats *stats, long long jitter_ns);

/* Optional LED blinking of the timer demos: led-reg=ADDR led-pin=BIT */
void led_init(void);
void led_toggle(void);

/* ---- interrupts (arch) ----
 * irq numbers: x86 IDT vectors (32..255), ARM GIC INTIDs. The library
 * acknowledges the interrupt after the handler returns.
 */
typedef void (*irq_handler_t)(unsigned int irq);
void irq_init(irq_handler_t handler);
void irq_enable(unsigned int irq);
void irq_disable(unsigned int irq);

/* ---- PCI (lib/common/pci.c + arch) ---- */
#define PCI_BDF(bus, dev, fn)	(((bus) << 8) | ((dev) << 3) | (fn))
#define PCI_BUS(bdf)		(((bdf) >> 8) & 0xff)
#define PCI_DEV(bdf)		(((bdf) >> 3) & 0x1f)
#define PCI_FN(bdf)		((bdf) & 0x7)

#define PCI_CFG_VENDOR_ID	0x00
#define PCI_CFG_DEVICE_ID	0x02
#define PCI_CFG_COMMAND		0x04
#define  PCI_CMD_IO		0x0001
#define  PCI_CMD_MEM		0x0002
#define  PCI_CMD_MASTER		0x0004
#define  PCI_CMD_INTX_OFF	0x0400
#define PCI_CFG_STATUS		0x06
#define  PCI_STS_CAPS		0x0010
#define PCI_CFG_CLASS_REV	0x08
#define PCI_CFG_HEADER_TYPE	0x0e
#define PCI_CFG_BAR		0x10
#define  PCI_BAR_64BIT		0x4
#define PCI_CFG_CAP_PTR		0x34
#define PCI_CFG_INT_PIN		0x3d
#define PCI_CFG_MSIX_CTRL	0x02
#define  PCI_MSIX_ENABLE	0x8000
#define  PCI_MSIX_FMASK		0x4000
#define PCI_CFG_MSIX_TABLE	0x04

#define PCI_ID_ANY		0xffff
#define PCI_CAP_MSIX		0x11

u32 pci_read_config(u16 bdf, unsigned int addr, unsigned int size);
void pci_write_config(u16 bdf, unsigned int addr, u32 value,
		      unsigned int size);
/* First device at or after start_bdf matching the IDs; -1 if none. */
int pci_find_device(u16 vendor, u16 device, u16 start_bdf);
/* Config offset of the capability, 0 if the device has none. */
unsigned int pci_find_cap(u16 bdf, u8 cap_id);
/* Program one MSI-X table entry to raise irq on this CPU, and enable MSI-X. */
int pci_msix_set_vector(u16 bdf, unsigned int irq, unsigned int index);
/* Base for the demos' interrupt numbers (x86: vector 32, ARM: vPCI SPIs). */
unsigned int pci_irq_base(void);

/* ECAM/MMCONFIG access used by the arch when pci_mmconfig_base is set. */
u32 pci_ecam_read(u64 base, u16 bdf, unsigned int addr, unsigned int size);
void pci_ecam_write(u64 base, u16 bdf, unsigned int addr, u32 value,
		    unsigned int size);

/* ---- memory map ----
 * Both libraries identity-map the low 4 GiB: the image and the comm region
 * cached, everything else uncached (ARM: device). Shared memory with other
 * cells should be mapped cached so that it is coherent with their view.
 * Granularity: 2 MiB (x86), 1 MiB (ARM). Returns 0, or -1 above 4 GiB.
 */
enum map_type {
	MAP_CACHED,
	MAP_UNCACHED,
};

int map_range(u64 phys, u64 size, enum map_type type);

/* ---- MMIO (uncached on every supported configuration) ---- */
static inline u8 mmio_read8(unsigned long addr)
{
	return *(volatile u8 *)addr;
}

static inline u16 mmio_read16(unsigned long addr)
{
	return *(volatile u16 *)addr;
}

static inline u32 mmio_read32(unsigned long addr)
{
	return *(volatile u32 *)addr;
}

static inline void mmio_write8(unsigned long addr, u8 value)
{
	*(volatile u8 *)addr = value;
}

static inline void mmio_write16(unsigned long addr, u16 value)
{
	*(volatile u16 *)addr = value;
}

static inline void mmio_write32(unsigned long addr, u32 value)
{
	*(volatile u32 *)addr = value;
}

/* ---- hooks every architecture implements ---- */
/* CPU setup before any other library code runs (exceptions, paging). */
void arch_init(void);
/* Console flags to assume when neither comm region nor cmdline set them. */
u16 arch_console_default_flags(void);
/* Set up port-I/O register access for chip; false if there is no PIO. */
bool arch_uart_use_pio_access(struct uart_chip *chip);
/* Write one character to the hypervisor debug console. */
void arch_hypercall_putc(char c);
/* Print the arch tail of the comm region (see comm_region_print). */
void arch_comm_region_print(const char *prefix);
/* MSI-X message that raises irq on the calling CPU. */
void arch_msix_message(unsigned int irq, u64 *address, u32 *data);

#include <inmate_arch.h>

#endif /* !_INMATE_H */
