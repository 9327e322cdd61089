import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accessLabel, accessOfMeta, adminRefusal, ANONYMOUS, bearerOf, cookieOf, deleteRefusal, isListed, pickerName } from './access';

const owner = { keys: ['k-owner'], admin: false };
const other = { keys: ['k-other'], admin: false };
const admin = { keys: [], admin: true };

test('a private upload is listed for its owners and the admin only; a published one, and data that is not uploaded, for all', () => {
  const priv = { published: false, owners: ['k-token', 'k-owner'] };
  assert.equal(isListed(priv, owner), true);
  assert.equal(isListed(priv, { keys: ['k-token'], admin: false }), true, 'the token its answer returned');
  assert.equal(isListed(priv, other), false);
  assert.equal(isListed(priv, ANONYMOUS), false);
  assert.equal(isListed(priv, admin), true);
  assert.equal(isListed({ published: true, owners: [] }, ANONYMOUS), true);
  assert.equal(isListed(null, ANONYMOUS), true, 'bundled and data-folder datasets');
  assert.deepEqual(accessLabel(priv, owner), { published: false, yours: true });
  assert.deepEqual(accessLabel(priv, admin), { published: false, yours: false });
});

test('metadata stored before access control counts as published and owned by no one', () => {
  assert.deepEqual(accessOfMeta({}), { published: true, owners: [] });
  assert.deepEqual(accessOfMeta({ published: false, owners: ['a', 3, 'b'] }), { published: false, owners: ['a', 'b'] });
  assert.deepEqual(accessOfMeta({ published: 'no', owners: 'a' }), { published: true, owners: [] });
});

test('deleting: the owner or the admin; 401 with no secret, 403 with another', () => {
  const priv = { published: false, owners: ['k-owner'] };
  assert.equal(deleteRefusal('u-1', priv, owner), null);
  assert.equal(deleteRefusal('u-1', priv, admin), null);
  assert.equal(deleteRefusal('u-1', priv, ANONYMOUS)?.status, 401);
  assert.match(deleteRefusal('u-1', priv, ANONYMOUS)!.detail, /Authorization: Bearer TOKEN/);
  assert.equal(deleteRefusal('u-1', priv, other)?.status, 403);
  assert.match(deleteRefusal('u-1', { published: true, owners: [] }, other)!.detail, /stored before uploads had owners: only the admin/);
});

test('admin actions: off without ADMIN_TOKEN, 401 without a token, 403 with a wrong one', () => {
  assert.equal(adminRefusal(admin, true, true), null);
  assert.match(adminRefusal(other, false, true)!.detail, /ADMIN_TOKEN is not set/);
  assert.equal(adminRefusal(ANONYMOUS, true, false)?.status, 401);
  assert.equal(adminRefusal(other, true, true)?.status, 403);
});

test('the Authorization header: Bearer or nothing; another scheme is named, not taken as anonymous', () => {
  assert.deepEqual(bearerOf(null), { token: null });
  assert.deepEqual(bearerOf('  '), { token: null });
  assert.deepEqual(bearerOf('Bearer abc123'), { token: 'abc123' });
  assert.deepEqual(bearerOf('bearer   abc123 '), { token: 'abc123' });
  for (const bad of ['Basic dXNlcjpwYXNz', 'Bearer', 'Bearer a b', 'abc123']) assert.ok('error' in bearerOf(bad), bad);
});

test('a cookie by name from a Cookie header', () => {
  assert.equal(cookieOf('a=1; arms_owner=xyz; b=2', 'arms_owner'), 'xyz');
  assert.equal(cookieOf('xarms_owner=1', 'arms_owner'), null);
  assert.equal(cookieOf(null, 'arms_owner'), null);
});

test('a picker names private uploads as such', () => {
  assert.equal(pickerName({ name: 'mine.csv', access: { published: false, yours: true } }), 'mine.csv (private)');
  assert.equal(pickerName({ name: 'shared.csv', access: { published: true, yours: false } }), 'shared.csv');
  assert.equal(pickerName({ name: 'SIPRI extract' }), 'SIPRI extract');
});
