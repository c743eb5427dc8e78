// SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
/*
 * Build-time guard for the config images (host program, not installed).
 *
 *   cell-image-check ARCH OBJECT IMAGE
 *
 * A .cell file is the raw .data section of OBJECT. Two things can go wrong
 * silently when that section is cut out with objcopy, and both are caught
 * here so that `make` fails instead of producing a config that the driver
 * or the hypervisor later rejects (or, worse, misreads):
 *
 * 1. The object carries data outside .data (a const config lands in
 *    .rodata, a zero-initialised helper in .bss, a pointer needs a
 *    relocation): that data would be missing from the image.
 * 2. The image is not exactly as long as its own header says
 *    (jailhouse_system_config_size() / jailhouse_cell_config_size()):
 *    a count that does not match the arrays, a stray extra variable, or
 *    padding between the descriptor and its arrays.
 *
 * The object may be ELF32 (ARM) or ELF64 (x86-64), little endian.
 */
#include <elf.h>
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jailhouse/cell-config.h>

static const char *prog = "cell-image-check";
static int errors;

static void __attribute__((format(printf, 2, 3)))
error(const char *file, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: %s: ", prog, file);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	errors++;
}

static void *read_file(const char *name, size_t *size)
{
	FILE *f = fopen(name, "rb");
	size_t cap = 4096, len = 0, n;
	char *buf = malloc(cap);

	if (!f || !buf) {
		fprintf(stderr, "%s: %s: %s\n", prog, name, strerror(errno));
		exit(2);
	}
	while ((n = fread(buf + len, 1, cap - len, f)) > 0) {
		len += n;
		if (len == cap) {
			cap *= 2;
			buf = realloc(buf, cap);
			if (!buf) {
				perror(prog);
				exit(2);
			}
		}
	}
	fclose(f);
	*size = len;
	return buf;
}

/* One section header, whatever the ELF class. */
struct section {
	const char *name;
	unsigned int type;
	unsigned long long flags;
	unsigned long long size;
};

struct elf_view {
	const unsigned char *data;
	size_t size;
	int is64;
	unsigned long long shoff;
	unsigned int shnum, shentsize, shstrndx;
};

static int in_bounds(const struct elf_view *elf, unsigned long long off,
		     unsigned long long len)
{
	return off <= elf->size && len <= elf->size - off;
}

static int get_section(const struct elf_view *elf, unsigned int idx,
		       struct section *sec, unsigned long long *name_off,
		       unsigned long long *offset)
{
	unsigned long long hdr = elf->shoff + (unsigned long long)idx *
				 elf->shentsize;

	if (!in_bounds(elf, hdr, elf->shentsize))
		return -1;
	if (elf->is64) {
		Elf64_Shdr sh;

		memcpy(&sh, elf->data + hdr, sizeof(sh));
		*name_off = sh.sh_name;
		sec->type = sh.sh_type;
		sec->flags = sh.sh_flags;
		sec->size = sh.sh_size;
		*offset = sh.sh_offset;
	} else {
		Elf32_Shdr sh;

		memcpy(&sh, elf->data + hdr, sizeof(sh));
		*name_off = sh.sh_name;
		sec->type = sh.sh_type;
		sec->flags = sh.sh_flags;
		sec->size = sh.sh_size;
		*offset = sh.sh_offset;
	}
	return 0;
}

static int open_elf(struct elf_view *elf, const char *file)
{
	const unsigned char *id = elf->data;

	if (elf->size < EI_NIDENT || memcmp(id, ELFMAG, SELFMAG) ||
	    id[EI_DATA] != ELFDATA2LSB) {
		error(file, "not a little-endian ELF object");
		return -1;
	}
	elf->is64 = id[EI_CLASS] == ELFCLASS64;
	if (elf->is64 && elf->size >= sizeof(Elf64_Ehdr)) {
		Elf64_Ehdr eh;

		memcpy(&eh, elf->data, sizeof(eh));
		elf->shoff = eh.e_shoff;
		elf->shnum = eh.e_shnum;
		elf->shentsize = eh.e_shentsize;
		elf->shstrndx = eh.e_shstrndx;
	} else if (!elf->is64 && elf->size >= sizeof(Elf32_Ehdr)) {
		Elf32_Ehdr eh;

		memcpy(&eh, elf->data, sizeof(eh));
		elf->shoff = eh.e_shoff;
		elf->shnum = eh.e_shnum;
		elf->shentsize = eh.e_shentsize;
		elf->shstrndx = eh.e_shstrndx;
	} else {
		error(file, "truncated ELF header");
		return -1;
	}
	if (elf->shentsize < (elf->is64 ? sizeof(Elf64_Shdr) :
					  sizeof(Elf32_Shdr)) ||
	    elf->shstrndx >= elf->shnum) {
		error(file, "bad section header table");
		return -1;
	}
	return 0;
}

/*
 * Notes (.note.gnu.property and friends) are metadata that objcopy drops;
 * everything else that occupies memory must be the config in .data.
 */
static int section_is_stray(const struct section *sec)
{
	if (!(sec->flags & SHF_ALLOC) || sec->size == 0)
		return 0;
	if (sec->type == SHT_NOTE)
		return 0;
	return strcmp(sec->name, ".data") != 0;
}

static unsigned long long check_object(const char *file)
{
	struct elf_view elf = { 0 };
	unsigned long long strtab_off, strtab_size, name_off, offset;
	unsigned long long data_size = 0;
	struct section sec, strtab;
	unsigned int i;
	size_t size;

	elf.data = read_file(file, &size);
	elf.size = size;
	if (open_elf(&elf, file))
		return 0;
	if (get_section(&elf, elf.shstrndx, &strtab, &name_off, &strtab_off))
		goto bad_table;
	strtab_size = strtab.size;
	if (!in_bounds(&elf, strtab_off, strtab_size))
		goto bad_table;

	for (i = 1; i < elf.shnum; i++) {
		if (get_section(&elf, i, &sec, &name_off, &offset) ||
		    name_off >= strtab_size)
			goto bad_table;
		sec.name = (const char *)elf.data + strtab_off + name_off;
		if (!memchr(sec.name, 0, strtab_size - name_off))
			goto bad_table;

		if (!strcmp(sec.name, ".data"))
			data_size = sec.size;
		if ((sec.type == SHT_REL || sec.type == SHT_RELA) &&
		    strstr(sec.name, ".data"))
			error(file,
			      "config data needs relocations (%s): a config must not contain pointers",
			      sec.name);
		if (section_is_stray(&sec))
			error(file,
			      "unexpected allocatable section %s (%llu bytes): all config data must be in .data (no const, no zero-only helper variables)",
			      sec.name, sec.size);
	}
	if (!data_size)
		error(file, "no .data section: is the config declared const?");
	free((void *)elf.data);
	return data_size;

bad_table:
	error(file, "corrupt section table");
	free((void *)elf.data);
	return 0;
}

static int parse_arch(const char *arch)
{
	if (!strcmp(arch, "x86") || !strcmp(arch, "x86_64"))
		return JAILHOUSE_X86;
	if (!strcmp(arch, "arm"))
		return JAILHOUSE_ARM;
	if (!strcmp(arch, "arm64"))
		return JAILHOUSE_ARM64;
	fprintf(stderr, "%s: unknown architecture '%s'\n", prog, arch);
	exit(2);
}

static void check_header(const char *file, const __u8 *image, int arch)
{
	__u16 revision;

	memcpy(&revision, image + 6, sizeof(revision));
	if (image[5] != arch)
		error(file,
		      "architecture byte is %u, expected %d for this build",
		      image[5], arch);
	if (revision != JAILHOUSE_CONFIG_REVISION)
		error(file, "revision is %u, expected %d",
		      revision, JAILHOUSE_CONFIG_REVISION);
}

static void check_image(const char *file, const __u8 *image, size_t size,
			int arch)
{
	const char *kind;
	__u64 expected;

	if (size >= sizeof(struct jailhouse_system) &&
	    !memcmp(image, JAILHOUSE_SYSTEM_SIGNATURE,
		    JAILHOUSE_SIGNATURE_LEN)) {
		struct jailhouse_system sys;

		memcpy(&sys, image, sizeof(sys));
		expected = jailhouse_system_config_size(&sys);
		kind = "jailhouse_system_config_size()";
	} else if (size >= sizeof(struct jailhouse_cell_desc) &&
		   !memcmp(image, JAILHOUSE_CELL_DESC_SIGNATURE,
			   JAILHOUSE_SIGNATURE_LEN)) {
		struct jailhouse_cell_desc cell;

		memcpy(&cell, image, sizeof(cell));
		expected = jailhouse_cell_config_size(&cell);
		kind = "jailhouse_cell_config_size()";
	} else {
		error(file,
		      "neither a system (JHSYS) nor a cell (JHCLL) config, or truncated (%zu bytes): is the config the only initialised variable of its file?",
		      size);
		return;
	}
	check_header(file, image, arch);
	if (expected != size)
		error(file,
		      "image has %zu bytes but %s says %llu: do the num_* counts and cpu_set_size match the arrays?",
		      size, kind, (unsigned long long)expected);
}

int main(int argc, char *argv[])
{
	unsigned long long data_size;
	size_t image_size;
	__u8 *image;
	int arch;

	if (argc != 4) {
		fprintf(stderr, "usage: %s ARCH OBJECT IMAGE\n", prog);
		return 2;
	}
	arch = parse_arch(argv[1]);
	data_size = check_object(argv[2]);
	image = read_file(argv[3], &image_size);
	if (data_size && data_size != image_size)
		error(argv[3],
		      "image is not the whole .data section (%llu bytes)",
		      data_size);
	check_image(argv[3], image, image_size, arch);
	free(image);
	return errors ? 1 : 0;
}
