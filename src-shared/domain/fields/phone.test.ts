import { describe, expect, it } from 'vitest';
import { landlineSchema, mobileSchema, parsePhone, phoneKey, phoneSchema } from './phone';

describe('mobile numbers', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['+86-138-1234-5678', '13812345678'],
    ['0086 13912345678', '13912345678'],
    ['(+86)15012345678', '15012345678'],
    ['199-0000-1111', '19900001111'],
    ['１３８１２３４５６７８', '13812345678'],
    [' 138\u200b1234\u20605678 ', '13812345678'],
  ])('accepts %s as %s', (raw, normalized) => {
    expect(mobileSchema.parse(raw)).toBe(normalized);
    expect(phoneKey(raw)).toBe(normalized);
  });

  it.each([
    ['12812345678', 'second digit 2'],
    ['1381234567', '10 digits'],
    ['138123456789', '12 digits'],
    ['+1 138 1234 5678', 'another country code'],
    ['138.1234.5678', 'dots are not separators'],
    ['13812345678转1', 'mobiles have no extension'],
    ['138abcd5678', 'letters'],
    ['', 'empty'],
  ])('rejects %s (%s)', (raw) => {
    expect(mobileSchema.safeParse(raw).error?.issues[0]?.message).toBe('v.mobile');
  });

  it('does not take a landline for a mobile', () => {
    expect(mobileSchema.safeParse('010-62345678').error?.issues[0]?.message).toBe('v.mobile');
  });
});

describe('landlines', () => {
  it.each([
    ['010-62345678', '010-62345678', '01062345678'],
    ['(010)62345678', '010-62345678', '01062345678'],
    ['（010）6234-5678', '010-62345678', '01062345678'],
    ['021 5234 5678', '021-52345678', '02152345678'],
    ['02087654321', '020-87654321', '02087654321'],
    ['0755-8234567', '0755-8234567', '07558234567'],
    ['0755 2345 6789', '0755-23456789', '075523456789'],
    ['0571-88888888转801', '0571-88888888-801', '057188888888'],
    ['0571-88888888 ext. 801', '0571-88888888-801', '057188888888'],
    ['010-62345678-8001', '010-62345678-8001', '01062345678'],
    ['+86 10 6234 5678', '010-62345678', '01062345678'],
    ['+86 (0)755 2345 6789', '0755-23456789', '075523456789'],
    ['0086-21-52345678', '021-52345678', '02152345678'],
  ])('accepts %s as %s', (raw, normalized, key) => {
    expect(landlineSchema.parse(raw)).toBe(normalized);
    expect(phoneKey(raw)).toBe(key);
  });

  it.each([
    ['62345678', 'no area code'],
    ['010-6234567', '7 digits after a 3-digit area code'],
    ['010-12345678', 'local numbers do not start with 1'],
    ['0755-623456789', '9 digits'],
    ['0155-8234567', 'area codes 01x other than 010 do not exist'],
    ['13812345678', 'a mobile'],
    ['010-62345678-1234567', 'an extension of 7 digits'],
  ])('rejects %s (%s)', (raw) => {
    expect(landlineSchema.safeParse(raw).error?.issues[0]?.message).toBe('v.landline');
  });
});

describe('any phone', () => {
  it('takes mobiles, landlines and 400/800 service numbers', () => {
    expect(phoneSchema.parse('+86 138 1234 5678')).toBe('13812345678');
    expect(phoneSchema.parse('(0755)82345678')).toBe('0755-82345678');
    expect(phoneSchema.parse('400-820-8820')).toBe('400-820-8820');
    expect(parsePhone('800 810 8888')).toEqual({ kind: 'service', normalized: '800-810-8888', key: '8008108888' });
  });

  it('rejects anything else with v.phone, and an absent value with v.required', () => {
    expect(phoneSchema.safeParse('12345').error?.issues[0]?.message).toBe('v.phone');
    expect(phoneSchema.safeParse('call me').error?.issues[0]?.message).toBe('v.phone');
    expect(phoneSchema.safeParse(undefined).error?.issues[0]?.message).toBe('v.required');
    expect(phoneKey('not a phone')).toBeNull();
  });
});
