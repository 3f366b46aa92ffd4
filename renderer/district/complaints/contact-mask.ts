/**
 * A phone number as a list or a closed panel shows it: the first three and last four digits
 * (`138****5678`), or only the last two of a short number. Personal data is shown whole only when
 * someone asks for it.
 */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\s+/g, '');
  if (digits.length >= 11) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  if (digits.length > 2) return `${'*'.repeat(digits.length - 2)}${digits.slice(-2)}`;
  return '**';
}

/** A name with only its first character: `张*`, `欧阳**`'s first character and stars. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  return chars.length <= 1 ? '*' : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}
