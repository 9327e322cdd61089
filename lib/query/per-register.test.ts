import assert from 'node:assert/strict';
import { test } from 'node:test';
import { perRegister } from './per-register';

test('per register: made once per key, the least recently used let go past the limit, registers apart', () => {
  const kept = perRegister<string>(2);
  const made: string[] = [];
  const get = (register: object, key: string) => kept(register, key, () => (made.push(key), `${key}!`));
  const [a, b] = [{}, {}];
  assert.equal(get(a, 'x'), 'x!');
  assert.equal(get(a, 'x'), 'x!');
  get(a, 'y');
  get(a, 'x'); // x is now the most recently used
  get(a, 'z'); // lets y go, not x
  get(a, 'x');
  get(a, 'y');
  get(b, 'x'); // another register keeps its own
  assert.deepEqual(made, ['x', 'y', 'z', 'y', 'x']);
});
