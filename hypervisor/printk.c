// SPDX-License-Identifier: GPL-2.0
/*
 * Formatted output: a small vsnprintf (no floating point, no libc) and
 * printk on top of it.
 */
#include <jailhouse/printk.h>
#include <jailhouse/string.h>

#define FLAG_LEFT	0x01
#define FLAG_ZERO	0x02
#define FLAG_ALT	0x04
#define FLAG_PLUS	0x08
#define FLAG_SPACE	0x10
#define FLAG_UPPER	0x20

struct out_buf {
	char *buf;
	size_t size;
	size_t pos;		/* may run past size: the would-be length */
};

struct conv_spec {
	unsigned int flags;
	int width;
	int precision;		/* -1: none */
};

static void out_char(struct out_buf *out, char c)
{
	if (out->pos + 1 < out->size)
		out->buf[out->pos] = c;
	out->pos++;
}

static void out_repeat(struct out_buf *out, char c, int count)
{
	while (count-- > 0)
		out_char(out, c);
}

/* Divide *n by base in place and return the remainder (no libgcc). */
static unsigned int div_u64_rem(u64 *n, unsigned int base)
{
	u64 quot = 0, rem = 0;
	int bit;

	if (*n <= 0xffffffffULL) {
		u32 small = (u32)*n;

		*n = small / base;
		return small % base;
	}
	for (bit = 63; bit >= 0; bit--) {
		rem = (rem << 1) | ((*n >> bit) & 1);
		quot <<= 1;
		if (rem >= base) {
			rem -= base;
			quot |= 1;
		}
	}
	*n = quot;
	return (unsigned int)rem;
}

static void out_number(struct out_buf *out, u64 value, bool negative,
		       unsigned int base, const struct conv_spec *spec)
{
	const char *digits = (spec->flags & FLAG_UPPER) ?
		"0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24];
	const char *prefix = "";
	int len = 0, num_digits, pad;
	bool zero_pad;

	do {
		tmp[len++] = digits[div_u64_rem(&value, base)];
	} while (value);

	if (spec->precision == 0 && len == 1 && tmp[0] == '0')
		len = 0;

	if (negative)
		prefix = "-";
	else if (spec->flags & FLAG_PLUS)
		prefix = "+";
	else if (spec->flags & FLAG_SPACE)
		prefix = " ";
	else if ((spec->flags & FLAG_ALT) && base == 16)
		prefix = (spec->flags & FLAG_UPPER) ? "0X" : "0x";
	else if ((spec->flags & FLAG_ALT) && base == 8 && len && tmp[len - 1] != '0')
		prefix = "0";

	num_digits = MAX(len, spec->precision);
	pad = spec->width - num_digits - (int)strlen(prefix);

	zero_pad = (spec->flags & FLAG_ZERO) && !(spec->flags & FLAG_LEFT) &&
		spec->precision < 0;
	if (!(spec->flags & FLAG_LEFT) && !zero_pad)
		out_repeat(out, ' ', pad);
	while (*prefix)
		out_char(out, *prefix++);
	if (zero_pad)
		out_repeat(out, '0', pad);
	out_repeat(out, '0', num_digits - len);
	while (len)
		out_char(out, tmp[--len]);
	if (spec->flags & FLAG_LEFT)
		out_repeat(out, ' ', pad);
}

static void out_string(struct out_buf *out, const char *s,
		       const struct conv_spec *spec)
{
	int len, pad;

	if (!s)
		s = "(null)";
	len = spec->precision >= 0 ? (int)strnlen(s, spec->precision) :
		(int)strlen(s);
	pad = spec->width - len;
	if (!(spec->flags & FLAG_LEFT))
		out_repeat(out, ' ', pad);
	while (len--)
		out_char(out, *s++);
	if (spec->flags & FLAG_LEFT)
		out_repeat(out, ' ', pad);
}

static const char *parse_flags(const char *fmt, struct conv_spec *spec)
{
	for (;; fmt++) {
		switch (*fmt) {
		case '-':
			spec->flags |= FLAG_LEFT;
			break;
		case '0':
			spec->flags |= FLAG_ZERO;
			break;
		case '#':
			spec->flags |= FLAG_ALT;
			break;
		case '+':
			spec->flags |= FLAG_PLUS;
			break;
		case ' ':
			spec->flags |= FLAG_SPACE;
			break;
		default:
			return fmt;
		}
	}
}

static const char *parse_number(const char *fmt, int *value, va_list *ap)
{
	if (*fmt == '*') {
		*value = va_arg(*ap, int);
		return fmt + 1;
	}
	*value = 0;
	while (*fmt >= '0' && *fmt <= '9')
		*value = *value * 10 + (*fmt++ - '0');
	return fmt;
}

/* Length modifier: 0 int, 1 long, 2 long long, -1 short, -2 char, 3 size_t */
static const char *parse_length(const char *fmt, int *length)
{
	*length = 0;
	if (fmt[0] == 'h') {
		*length = fmt[1] == 'h' ? -2 : -1;
		return fmt + (fmt[1] == 'h' ? 2 : 1);
	}
	if (fmt[0] == 'l') {
		*length = fmt[1] == 'l' ? 2 : 1;
		return fmt + (fmt[1] == 'l' ? 2 : 1);
	}
	if (fmt[0] == 'z') {
		*length = 3;
		return fmt + 1;
	}
	return fmt;
}

static u64 fetch_unsigned(int length, va_list *ap)
{
	switch (length) {
	case -2:
		return (unsigned char)va_arg(*ap, unsigned int);
	case -1:
		return (unsigned short)va_arg(*ap, unsigned int);
	case 1:
		return va_arg(*ap, unsigned long);
	case 2:
		return va_arg(*ap, unsigned long long);
	case 3:
		return va_arg(*ap, size_t);
	default:
		return va_arg(*ap, unsigned int);
	}
}

static s64 fetch_signed(int length, va_list *ap)
{
	switch (length) {
	case -2:
		return (signed char)va_arg(*ap, int);
	case -1:
		return (short)va_arg(*ap, int);
	case 1:
		return va_arg(*ap, long);
	case 2:
		return va_arg(*ap, long long);
	case 3:
		return (long)va_arg(*ap, size_t);
	default:
		return va_arg(*ap, int);
	}
}

static void out_conversion(struct out_buf *out, char conv, int length,
			   struct conv_spec *spec, va_list *ap)
{
	s64 sval;

	switch (conv) {
	case 'd':
	case 'i':
		sval = fetch_signed(length, ap);
		out_number(out, sval < 0 ? -(u64)sval : (u64)sval, sval < 0,
			   10, spec);
		break;
	case 'u':
		out_number(out, fetch_unsigned(length, ap), false, 10, spec);
		break;
	case 'X':
		spec->flags |= FLAG_UPPER;
		fallthrough;
	case 'x':
		out_number(out, fetch_unsigned(length, ap), false, 16, spec);
		break;
	case 'o':
		out_number(out, fetch_unsigned(length, ap), false, 8, spec);
		break;
	case 'p':
		spec->flags |= FLAG_ALT | FLAG_ZERO;
		spec->width = 2 + 2 * sizeof(void *);
		out_number(out, (unsigned long)va_arg(*ap, void *), false, 16,
			   spec);
		break;
	case 's':
		out_string(out, va_arg(*ap, const char *), spec);
		break;
	case 'c':
		spec->precision = -1;
		out_repeat(out, ' ', (spec->flags & FLAG_LEFT) ? 0 :
			   spec->width - 1);
		out_char(out, (char)va_arg(*ap, int));
		if (spec->flags & FLAG_LEFT)
			out_repeat(out, ' ', spec->width - 1);
		break;
	case '%':
		out_char(out, '%');
		break;
	default:
		/* unknown conversion: show it literally */
		out_char(out, '%');
		out_char(out, conv);
		break;
	}
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct out_buf out = { .buf = buf, .size = size, .pos = 0 };
	struct conv_spec spec;
	va_list args;
	int length;

	va_copy(args, ap);
	while (*fmt) {
		if (*fmt != '%') {
			out_char(&out, *fmt++);
			continue;
		}
		spec.flags = 0;
		spec.precision = -1;
		fmt = parse_flags(fmt + 1, &spec);
		fmt = parse_number(fmt, &spec.width, &args);
		if (spec.width < 0) {
			spec.flags |= FLAG_LEFT;
			spec.width = -spec.width;
		}
		if (*fmt == '.') {
			fmt = parse_number(fmt + 1, &spec.precision, &args);
			if (spec.precision < 0)
				spec.precision = -1;
		}
		fmt = parse_length(fmt, &length);
		if (!*fmt)
			break;
		out_conversion(&out, *fmt++, length, &spec, &args);
	}
	va_end(args);

	if (size)
		buf[MIN(out.pos, size - 1)] = 0;
	return (int)out.pos;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int len;

	va_start(ap, fmt);
	len = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return len;
}
