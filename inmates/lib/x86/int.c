// SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
/*
 * IDT and interrupt dispatch. Every vector has a stub (header.S); vectors
 * below 32 are CPU exceptions and end the inmate with a report, the rest
 * go to the handler registered with irq_init() and get an APIC EOI.
 */
#include <inmate.h>

#define IDT_ENTRIES		256
#define IDT_STUB_SIZE		16
#define IDT_GATE_INT64		0x8e00	/* present, DPL 0, interrupt gate */
#define FIRST_IRQ_VECTOR	32
#define VECTOR_PAGE_FAULT	14

struct idt_gate {
	u16 offset_low;
	u16 selector;
	u16 flags;
	u16 offset_mid;
	u32 offset_high;
	u32 reserved;
} __packed;

struct int_frame {
	u64 r11, r10, r9, r8, rdi, rsi, rdx, rcx, rax;
	u64 vector;
	u64 error_code;
	u64 rip, cs, rflags, rsp, ss;
};

static struct idt_gate idt[IDT_ENTRIES] __aligned(16);
static irq_handler_t irq_handler;

static const char *const exception_names[] = {
	"#DE divide error", "#DB debug", "NMI", "#BP breakpoint",
	"#OF overflow", "#BR bound range", "#UD invalid opcode",
	"#NM device not available", "#DF double fault",
	"coprocessor segment overrun", "#TS invalid TSS",
	"#NP segment not present", "#SS stack fault",
	"#GP general protection", "#PF page fault", "reserved",
	"#MF x87 error", "#AC alignment check", "#MC machine check",
	"#XM SIMD error", "#VE virtualization exception",
	"#CP control protection",
};

void x86_idt_load(void)
{
	struct {
		u16 limit;
		u64 base;
	} __packed idtr = {
		.limit = sizeof(idt) - 1,
		.base = (unsigned long)idt,
	};
	unsigned long stub;
	unsigned int vector;

	if (!idt[0].flags) {
		for (vector = 0; vector < IDT_ENTRIES; vector++) {
			stub = (unsigned long)int_stubs +
				vector * IDT_STUB_SIZE;
			idt[vector].offset_low = stub & 0xffff;
			idt[vector].selector = INMATE_CS64;
			idt[vector].flags = IDT_GATE_INT64;
			idt[vector].offset_mid = (stub >> 16) & 0xffff;
			idt[vector].offset_high = stub >> 32;
		}
	}
	asm volatile("lidt %0" : : "m" (idtr));
}

static void __noreturn report_exception(struct int_frame *frame)
{
	unsigned long cr2;

	printk("FATAL: exception %llu (%s), error code 0x%llx, RIP 0x%llx, RSP 0x%llx, RFLAGS 0x%llx\n",
	       frame->vector,
	       frame->vector < ARRAY_SIZE(exception_names) ?
	       exception_names[frame->vector] : "reserved",
	       frame->error_code, frame->rip, frame->rsp, frame->rflags);
	if (frame->vector == VECTOR_PAGE_FAULT) {
		asm volatile("mov %%cr2, %0" : "=r" (cr2));
		printk("FATAL: page fault address 0x%lx\n", cr2);
	}
	stop();
}

void x86_int_dispatch(struct int_frame *frame)
{
	if (frame->vector < FIRST_IRQ_VECTOR)
		report_exception(frame);
	/* spurious APIC interrupts must not be acknowledged */
	if (frame->vector == APIC_SPURIOUS_VECTOR)
		return;
	if (irq_handler)
		irq_handler(frame->vector);
	apic_eoi();
}

void irq_init(irq_handler_t handler)
{
	irq_handler = handler;
	apic_init();
}

/* All vectors have gates; the source (APIC LVT, MSI-X, IOAPIC) decides. */
void irq_enable(unsigned int irq)
{
}

void irq_disable(unsigned int irq)
{
}
