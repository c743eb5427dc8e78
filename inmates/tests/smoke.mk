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
else
SMOKE_BASE := 0
SMOKE_CON := con-type=8250 con-base=0x3f8
SMOKE_DEMOS := apic-demo tiny-demo
SMOKE_ARGS_rogue := action=read-ram addr=0x0
endif
SMOKE_TESTS := ok-inmate rogue

$(SMOKE_DIR)/%-cmdline.o: tests/common/smoke-cmdline.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -DSMOKE_CMDLINE='"$(SMOKE_CON) $(SMOKE_ARGS_$*)"' \
		-c $< -o $@

define smoke_image
$(SMOKE_DIR)/$(2).elf: $(BUILD)/$(1)/$(2).o $(SMOKE_DIR)/$(2)-cmdline.o \
		$(LIB) lib/$(ARCH)/inmate.lds
	$(LD) $(LDFLAGS) -T lib/$(ARCH)/inmate.lds \
		--defsym=INMATE_BASE=$(SMOKE_BASE) -o $$@ \
		$(SMOKE_DIR)/$(2)-cmdline.o $(BUILD)/$(1)/$(2).o $(LIB)
endef

$(foreach d,$(SMOKE_DEMOS),$(eval $(call smoke_image,demos,$(d))))
$(foreach t,$(SMOKE_TESTS),$(eval $(call smoke_image,tests,$(t))))

SMOKE_ELFS := $(SMOKE_DEMOS:%=$(SMOKE_DIR)/%.elf) \
	$(SMOKE_TESTS:%=$(SMOKE_DIR)/%.elf)

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
