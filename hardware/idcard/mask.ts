/**
 * Masking for logs and technician screens: personal data is never logged in
 * the clear, since logs are read by support staff and leave the machine in diagnostics bundles.
 */

/**
 * `11010519491231002X` → `110105********002X`: the area code and the last four
 * stay, so staff can tell records apart without seeing the birth date.
 * Numbers too short to keep 10 characters visible are masked entirely.
 */
export function maskIdNumber(idNumber: string): string {
  const chars = Array.from(idNumber);
  if (chars.length <= 10) return '*'.repeat(chars.length);
  return chars.slice(0, 6).join('') + '*'.repeat(chars.length - 10) + chars.slice(-4).join('');
}

/**
 * Common two-character surnames; the whole surname stays visible, as on paper forms. (Kept a dozen
 * to a line: Prettier would give each its own.)
 */
// prettier-ignore
const COMPOUND_SURNAMES = new Set([
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒',
  '夏侯', '轩辕', '令狐', '端木', '南宫', '西门', '独孤', '澹台', '呼延', '百里', '东郭', '闻人',
  '万俟', '赫连', '申屠', '太史', '钟离', '濮阳', '淳于', '单于', '公羊', '公冶', '仲孙', '拓跋',
]);

/**
 * `张三` → `张*`, `李小红` → `李**`, `欧阳娜娜` → `欧阳**`. Keeps the first
 * character (the compound surname when there is one and something is left to
 * mask); every other character, spaces included, becomes `*`.
 */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return '*'.repeat(chars.length);
  const keep = chars.length > 2 && COMPOUND_SURNAMES.has(chars.slice(0, 2).join('')) ? 2 : 1;
  return chars.slice(0, keep).join('') + '*'.repeat(chars.length - keep);
}
