import { describe, expect, it } from 'vitest';
import {
  creditCodeCheckCharacter,
  identifierKind,
  idNumberBirthDate,
  idNumberProblem,
  idNumberSex,
  validCreditCode,
  validIdNumber,
} from './identifiers';

/** A valid number with this body (the check character computed here, independently). */
function withCheck(body17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body17].reduce((s, c, i) => s + Number(c) * weights[i], 0);
  return body17 + '10X98765432'[sum % 11];
}

describe('idNumberProblem (GB 11643)', () => {
  const today = new Date(2026, 10, 24);

  it('accepts a valid number, lower-case x included', () => {
    expect(idNumberProblem('11010519491231002X', null, today)).toBeNull();
    expect(idNumberProblem('11010519491231002x', null, today)).toBeNull();
    expect(validIdNumber(withCheck('32050519900307123'), today)).toBe(true);
  });

  it('names the first thing wrong, in the server’s order', () => {
    expect(idNumberProblem('1101051949123100', null, today)).toBe('format');
    expect(idNumberProblem('11010519491231002Y', null, today)).toBe('format');
    expect(idNumberProblem(withCheck('99010519491231002'), null, today)).toBe('province');
    expect(idNumberProblem(withCheck('32050519900231123'), null, today)).toBe('birthDate');
    expect(idNumberProblem(withCheck('32050518790101123'), null, today)).toBe('birthDate');
    expect(idNumberProblem(withCheck('32050520261125123'), null, today)).toBe('birthDate');
    expect(idNumberProblem('110105194912310021', null, today)).toBe('check');
  });

  it('checks the declared sex against the sequence (odd male, even female)', () => {
    const male = withCheck('32050519900307123');
    expect(idNumberSex(male)).toBe('1');
    expect(idNumberProblem(male, '1', today)).toBeNull();
    expect(idNumberProblem(male, '2', today)).toBe('sex');
    expect(idNumberProblem(male, '9', today)).toBeNull();
    expect(idNumberSex(withCheck('32050519900307122'))).toBe('2');
  });

  it('reads the birth date', () => {
    expect(idNumberBirthDate('11010519491231002X')).toBe('1949-12-31');
    expect(idNumberBirthDate('11010519490231002X')).toBeNull();
  });
});

describe('validCreditCode (GB 32100)', () => {
  it('accepts codes with the right check character', () => {
    expect(validCreditCode('91350100M000100Y43')).toBe(true);
    expect(
      validCreditCode('91320505MA1MXXXX0' + creditCodeCheckCharacter('91320505MA1MXXXX0')),
    ).toBe(true);
  });

  it('refuses a wrong check character, letters outside the alphabet and wrong lengths', () => {
    expect(validCreditCode('91350100M000100Y44')).toBe(false);
    expect(validCreditCode('91350100M000100I43')).toBe(false);
    expect(validCreditCode('91350100M000100Y4')).toBe(false);
  });
});

describe('identifierKind', () => {
  it('tells ID numbers and mobile numbers from names', () => {
    expect(identifierKind(' 11010519491231002X ')).toBe('idNumber');
    expect(identifierKind('13812345678')).toBe('phone');
    expect(identifierKind('张三')).toBeNull();
    expect(identifierKind('1381234567')).toBeNull();
  });
});
