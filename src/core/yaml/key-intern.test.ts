import { describe, expect, it } from 'vitest';
import { internKey } from './key-intern';

const same = (k: string) => k;

describe('internKey', () => {
  it('gives the key text, the same string object each time it is seen', () => {
    const a = internKey('  name: x', 2, 6, same);
    const b = internKey('- name: y', 2, 6, same);
    expect(a).toBe('name');
    expect(b).toBe(a);
  });

  it('asks admit only for a key it has not seen, and its verdict stands', () => {
    let asked = 0;
    const admit = (k: string) => {
      asked++;
      return k;
    };
    internKey('fresh-key-1: 1', 0, 11, admit);
    internKey('fresh-key-1: 2', 0, 11, admit);
    expect(asked).toBe(1);
    expect(() =>
      internKey('bad-key: 1', 0, 7, () => {
        throw new Error('refused');
      }),
    ).toThrow('refused');
  });

  it('tells apart keys of equal length and keeps working past its size bound', () => {
    const keys = Array.from({ length: 10_000 }, (_, i) => `k${String(i).padStart(6, '0')}`);
    for (const k of keys) expect(internKey(`${k}: v`, 0, k.length, same)).toBe(k);
    for (const k of keys.slice(-50)) expect(internKey(`  ${k}: v`, 2, 2 + k.length, same)).toBe(k);
  });
});
