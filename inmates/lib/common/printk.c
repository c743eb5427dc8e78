// SPDX-License-Identifier: (GPL-2.0 OR BSD-2-Clause)
/*
 * A small vsnprintf for inmates and printk on top of it.
 *
 * Supported: conversions d i u x X o p s c %, flags - 0 + space #, field
 * width and precision (numbers or *), length modifiers hh h l ll z t j.
 * Return value and truncation follow C99: the length the full output would
 * have, the buffer always NUL-terminated when size > 0.
 */
#include <inmate.h>

struct out_buf {
	char *buf;
	size_t size;
	size_t len;
};

struct conv_spec {
	bool left;
	bool zero;
	bool plus;
	bool space;
	bool alt;
	int width;
	int precision;	/* -1: none given */
	int length;	/* 0: int, 1: long, 2: long long / 64 bit */
	bool half;	/* h or hh: narrow the promoted argument */
	bool half_half;
};

static void emit(struct out_buf *out, char c)
{
	if (out->len + 1 < out->size)
		out->buf[out->len] = c;
	out->len++;
}

static void emit_repeat(struct out_buf *out, char c, int count)
{
	while (count-- > 0)
		emit(out, c);
}

static void emit_string(struct out_buf *out, const char *s,
			const struct conv_spec *spec)
{
	int len = 0;

	if (!s)
		s = "(null)";
	while (s[len] && (spec->precision < 0 || len < spec->precision))
		len++;

	if (!spec->left)
		emit_repeat(out, ' ', spec->width - len);
	for (int i = 0; i < len; i++)
		emit(out, s[i]);
	if (spec->left)
		emit_repeat(out, ' ', spec->width - len);
}

static void emit_number(struct out_buf *out, unsigned long long value,
			bool negative, unsigned int base, bool upper,
			const char *prefix, const struct conv_spec *spec)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24];
	int ndigits = 0, sign_len, prefix_len, zeros, pad;
	char sign = 0;

	while (value) {
		tmp[ndigits++] = digits[value % base];
		value /= base;
	}
	/* "%.0d" of zero prints no digit at all */
	if (ndigits == 0 && spec->precision != 0)
		tmp[ndigits++] = '0';

	if (negative)
		sign = '-';
	else if (spec->plus)
		sign = '+';
	else if (spec->space)
		sign = ' ';
	sign_len = sign ? 1 : 0;
	prefix_len = prefix ? strlen(prefix) : 0;

	zeros = spec->precision > ndigits ? spec->precision - ndigits : 0;
	pad = spec->width - sign_len - prefix_len - zeros - ndigits;
	if (spec->zero && !spec->left && spec->precision < 0) {
		zeros += pad > 0 ? pad : 0;
		pad = 0;
	}

	if (!spec->left)
		emit_repeat(out, ' ', pad);
	if (sign)
		emit(out, sign);
	while (prefix && *prefix)
		emit(out, *prefix++);
	emit_repeat(out, '0', zeros);
	while (ndigits > 0)
		emit(out, tmp[--ndigits]);
	if (spec->left)
		emit_repeat(out, ' ', pad);
}

static const char *parse_spec(const char *fmt, struct conv_spec *spec,
			      va_list *ap)
{
	memset(spec, 0, sizeof(*spec));
	spec->precision = -1;

	for (;; fmt++) {
		if (*fmt == '-')
			spec->left = true;
		else if (*fmt == '0')
			spec->zero = true;
		else if (*fmt == '+')
			spec->plus = true;
		else if (*fmt == ' ')
			spec->space = true;
		else if (*fmt == '#')
			spec->alt = true;
		else
			break;
	}

	if (*fmt == '*') {
		spec->width = va_arg(*ap, int);
		if (spec->width < 0) {
			spec->left = true;
			spec->width = -spec->width;
		}
		fmt++;
	}
	while (*fmt >= '0' && *fmt <= '9')
		spec->width = spec->width * 10 + (*fmt++ - '0');

	if (*fmt == '.') {
		fmt++;
		spec->precision = 0;
		if (*fmt == '*') {
			spec->precision = va_arg(*ap, int);
			if (spec->precision < 0)
				spec->precision = -1;
			fmt++;
		}
		while (*fmt >= '0' && *fmt <= '9')
			spec->precision = spec->precision * 10 + (*fmt++ - '0');
	}

	for (;; fmt++) {
		if (*fmt == 'l') {
			spec->length++;
		} else if (*fmt == 'h') {
			spec->half_half = spec->half;
			spec->half = true;
		} else if (*fmt == 'z' || *fmt == 't') {
			spec->length = sizeof(size_t) == 8 ? 2 : 1;
		} else if (*fmt == 'j') {
			spec->length = 2;
		} else {
			break;
		}
	}
	if (spec->length > 2)
		spec->length = 2;
	return fmt;
}

static long long fetch_signed(const struct conv_spec *spec, va_list *ap)
{
	long long value;

	if (spec->length == 2)
		return va_arg(*ap, long long);
	if (spec->length == 1)
		return va_arg(*ap, long);
	value = va_arg(*ap, int);
	if (spec->half_half)
		return (signed char)value;
	if (spec->half)
		return (short)value;
	return value;
}

static unsigned long long fetch_unsigned(const struct conv_spec *spec,
					 va_list *ap)
{
	unsigned long long value;

	if (spec->length == 2)
		return va_arg(*ap, unsigned long long);
	if (spec->length == 1)
		return va_arg(*ap, unsigned long);
	value = va_arg(*ap, unsigned int);
	if (spec->half_half)
		return (unsigned char)value;
	if (spec->half)
		return (unsigned short)value;
	return value;
}

static void convert(struct out_buf *out, char conv,
		    const struct conv_spec *spec, va_list *ap)
{
	unsigned long long uval;
	long long sval;
	char c;

	switch (conv) {
	case 'd':
	case 'i':
		sval = fetch_signed(spec, ap);
		/* negate in unsigned arithmetic: LLONG_MIN has no positive */
		uval = sval < 0 ? 0ULL - (unsigned long long)sval :
			(unsigned long long)sval;
		emit_number(out, uval, sval < 0, 10, false, NULL, spec);
		break;
	case 'u':
		emit_number(out, fetch_unsigned(spec, ap), false, 10, false,
			    NULL, spec);
		break;
	case 'x':
	case 'X':
		uval = fetch_unsigned(spec, ap);
		emit_number(out, uval, false, 16, conv == 'X',
			    spec->alt && uval ? (conv == 'X' ? "0X" : "0x") :
			    NULL, spec);
		break;
	case 'o':
		uval = fetch_unsigned(spec, ap);
		emit_number(out, uval, false, 8, false,
			    spec->alt && uval ? "0" : NULL, spec);
		break;
	case 'p':
		uval = (unsigned long)va_arg(*ap, void *);
		emit_number(out, uval, false, 16, false, "0x", spec);
		break;
	case 's':
		emit_string(out, va_arg(*ap, const char *), spec);
		break;
	case 'c':
		c = (char)va_arg(*ap, int);
		if (!spec->left)
			emit_repeat(out, ' ', spec->width - 1);
		emit(out, c);
		if (spec->left)
			emit_repeat(out, ' ', spec->width - 1);
		break;
	case '%':
		emit(out, '%');
		break;
	default:
		/* unknown conversion: show it literally */
		emit(out, '%');
		if (conv)
			emit(out, conv);
		break;
	}
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct out_buf out = { .buf = buf, .size = size, .len = 0 };
	struct conv_spec spec;
	va_list args;

	va_copy(args, ap);
	while (*fmt) {
		if (*fmt != '%') {
			emit(&out, *fmt++);
			continue;
		}
		fmt = parse_spec(fmt + 1, &spec, &args);
		convert(&out, *fmt, &spec, &args);
		if (*fmt)
			fmt++;
	}
	va_end(args);

	if (size > 0)
		buf[out.len < size ? out.len : size - 1] = '\0';
	return out.len;
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

void printk(const char *fmt, ...)
{
	char line[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	console_write(line);
}
