// Each Intl formatter is an ICU object of its own, with the locale's patterns and the zone's rules
// loaded into memory outside the JavaScript heap the collector measures: made anew for every row
// and every clock tick, they cost time and memory that a collection returns late. One per locale,
// zone and style is made once and kept (a desk uses a handful).

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The date formatter for `locale` and `options`, made on first use. */
export function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    dateFormats.set(key, format);
  }
  return format;
}

const englishNumbers = new Intl.NumberFormat("en");

/** A count as English prose writes it: "1,200". */
export function figure(n: number): string {
  return englishNumbers.format(n);
}
