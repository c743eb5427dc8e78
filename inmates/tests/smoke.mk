# Bare-metal smoke images and runs (included by inmates/Makefile).
#
# The images are the normal demo/test objects linked where the emulator
# can start them, with a built-in command line (smoke-cmdline.c) because
# no loader writes one.

SMOKE_DIR := $(BUILD)/smoke

ifeq ($(ARCH),arm)
SMOKE_BASE := 0x40000000
SMOKE_CON := con-type=PL011 con-base=0x09000000
SMOKE_DEMOS := gic-demo uart-demo
SMOKE_ARGS_rogue := action=read-ram addr=0x0c000000
SMOKE_ARGS_ok-inmate := pci-scan
else
SMOKE_BASE := 0
SMOKE_CON := con-type=8250 con-base=0x3f8 con-divider=1
SMOKE_DEMOS := apic-demo tiny-demo
SMOKE_ARGS_rogue := action=read-ram addr=0x100000000
SMOKE_ARGS_apic-demo-x2apic := x2apic
SMOKE_ARGS_ok-inmate-smp := start-cpu=1 pci-scan
endif
SMOKE_TESTS := ok-inmate rogue

$(SMOKE_DIR)/%-cmdline.o: tests/common/smoke-cmdline.c tests/smoke.mk
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -DSMOKE_CMDLINE='"$(SMOKE_CON) $(SMOKE_ARGS_$*)"' \
		-c $< -o $@

# $(call smoke_image,DIR,OBJECT,IMAGE): IMAGE.elf from DIR/OBJECT.o with
# the command line SMOKE_ARGS_<IMAGE>
define smoke_image
$(SMOKE_DIR)/$(3).elf: $(BUILD)/$(1)/$(2).o $(SMOKE_DIR)/$(3)-cmdline.o \
		$(LIB) lib/$(ARCH)/inmate.lds
	$(LD) $(LDFLAGS) -T lib/$(ARCH)/inmate.lds \
		--defsym=INMATE_BASE=$(SMOKE_BASE) -o $$@ \
		$(SMOKE_DIR)/$(3)-cmdline.o $(BUILD)/$(1)/$(2).o $(LIB)
endef

$(foreach d,$(SMOKE_DEMOS),$(eval $(call smoke_image,demos,$(d),$(d))))
$(foreach t,$(SMOKE_TESTS),$(eval $(call smoke_image,tests,$(t),$(t))))

SMOKE_IMAGES := $(SMOKE_DEMOS) $(SMOKE_TESTS)
ifeq ($(ARCH),x86)
$(eval $(call smoke_image,demos,apic-demo,apic-demo-x2apic))
$(eval $(call smoke_image,tests,ok-inmate,ok-inmate-smp))
SMOKE_IMAGES += apic-demo-x2apic ok-inmate-smp
endif

$(SMOKE_DIR)/%.bin: $(SMOKE_DIR)/%.elf
	$(OBJCOPY) -O binary $< $@

# the Bochs boot sector: 16-bit code, linked at 0
$(SMOKE_DIR)/boot.bin: tests/x86/smoke-boot.S
	@mkdir -p $(dir $@)
	gcc -m32 -c $< -o $(SMOKE_DIR)/boot.o
	ld -m elf_i386 -Ttext 0 --oformat binary -o $@ $(SMOKE_DIR)/boot.o

ifeq ($(ARCH),arm)
SMOKE_ELFS := $(SMOKE_IMAGES:%=$(SMOKE_DIR)/%.elf)
else
SMOKE_ELFS := $(SMOKE_IMAGES:%=$(SMOKE_DIR)/%.bin) $(SMOKE_DIR)/boot.bin
endif

$(SMOKE_DIR)/comm-$(ARCH).bin: tests/make-commregion.py
	@mkdir -p $(dir $@)
	python3 $< $(ARCH) $@

$(SMOKE_DIR)/comm-$(ARCH)-badrev.bin: tests/make-commregion.py
	@mkdir -p $(dir $@)
	python3 $< $(ARCH) $@ --revision 1

SMOKE_INPUTS := $(SMOKE_ELFS) $(SMOKE_DIR)/comm-$(ARCH).bin \
	$(SMOKE_DIR)/comm-$(ARCH)-badrev.bin

smoke:
	$(MAKE) ARCH=arm smoke-arm
	$(MAKE) ARCH=x86 smoke-x86

smoke-$(ARCH): $(SMOKE_INPUTS)
	tests/$(ARCH)/smoke.sh $(SMOKE_DIR)
