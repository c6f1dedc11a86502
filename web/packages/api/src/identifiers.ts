// Client-side twins of the server's identifier checks (platform.IdNumbers, the collection form rules,
// the organisation credit code): the same rules, so a form is refused before it is sent.

/** GB 11643 weights of the first 17 digits and the check characters by remainder (ISO 7064 MOD 11-2). */
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB/T 2260 provinces (and 71/81/82/83 for Taiwan, Hong Kong, Macao and the others). */
const PROVINCES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41',
  '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71',
  '81', '82', '83',
]); // prettier-ignore

/** What is wrong with an ID number, in the order the server checks it. */
export type IdNumberProblem = 'format' | 'province' | 'birthDate' | 'check' | 'sex';

/** The birth date in positions 7–14 as `YYYY-MM-DD`, or null when it is no real date. */
export function idNumberBirthDate(value: string): string | null {
  const year = Number(value.slice(6, 10));
  const month = Number(value.slice(10, 12));
  const day = Number(value.slice(12, 14));
  const birth = new Date(Date.UTC(year, month - 1, day));
  if (
    !/^\d{8}$/.test(value.slice(6, 14)) ||
    birth.getUTCFullYear() !== year ||
    birth.getUTCMonth() !== month - 1 ||
    birth.getUTCDate() !== day
  ) {
    return null;
  }
  return value.slice(6, 10) + '-' + value.slice(10, 12) + '-' + value.slice(12, 14);
}

/** GB/T 2261.1 sex code from the sequence: odd `1` (male), even `2` (female). */
export function idNumberSex(value: string): '1' | '2' {
  return Number(value[16]) % 2 === 1 ? '1' : '2';
}

/**
 * What is wrong with a resident ID number (GB 11643), or null: 17 digits and a digit or X, a
 * province, a real birth date from 1880 and not in the future, the check character, and — when
 * a sex of 1 or 2 is declared — the sequence's sex.
 */
export function idNumberProblem(
  value: string,
  declaredSex?: string | null,
  today: Date = new Date(),
): IdNumberProblem | null {
  if (!/^\d{17}[\dXx]$/.test(value)) return 'format';
  if (!PROVINCES.has(value.slice(0, 2))) return 'province';
  const birth = idNumberBirthDate(value);
  const now = [today.getFullYear(), today.getMonth() + 1, today.getDate()]
    .map((n, i) => String(n).padStart(i === 0 ? 4 : 2, '0'))
    .join('-');
  if (!birth || birth > now || birth < '1880-01-01') return 'birthDate';
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(value[i]) * ID_WEIGHTS[i];
  if (value[17].toUpperCase() !== ID_CHECK[sum % 11]) return 'check';
  if ((declaredSex === '1' || declaredSex === '2') && declaredSex !== idNumberSex(value)) {
    return 'sex';
  }
  return null;
}

/** A resident ID number as the server accepts it (see {@link idNumberProblem}). */
export function validIdNumber(value: string, today: Date = new Date()): boolean {
  return idNumberProblem(value, null, today) === null;
}

/** A mobile number or a landline with area code, as the server accepts. */
export const PHONE_PATTERN = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;

/** GB 32100 characters (no I, O, S, V, Z) and the weights of the first 17 positions. */
const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The GB 32100 check character the first 17 positions of a credit code call for (MOD 31). */
export function creditCodeCheckCharacter(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CHARS.indexOf(first17[i]);
    if (value < 0) return null;
    sum += value * CREDIT_WEIGHTS[i];
  }
  return CREDIT_CHARS[(31 - (sum % 31)) % 31];
}

/** A unified social credit code (GB 32100): 18 characters of its alphabet and the right check character. */
export function validCreditCode(value: string): boolean {
  const code = value.toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return false;
  return creditCodeCheckCharacter(code.slice(0, 17)) === code[17];
}

/**
 * What a search box holds when it is an identifier: an 18-character ID number or a phone number
 * (the server then looks it up exactly through the keyed hash), else null.
 */
export function identifierKind(value: string): 'idNumber' | 'phone' | null {
  const text = value.trim();
  if (/^\d{17}[\dXx]$/.test(text)) return 'idNumber';
  if (/^1\d{10}$/.test(text)) return 'phone';
  return null;
}
