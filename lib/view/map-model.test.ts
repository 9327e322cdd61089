import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mapSide } from './map-model';

test('the map’s side: recipient by default, supplier when asked, anything else named and ignored', () => {
  assert.deepEqual(mapSide({}), { side: 'recipient', notices: [] });
  assert.deepEqual(mapSide({ side: 'recipient' }), { side: 'recipient', notices: [] });
  assert.deepEqual(mapSide({ side: 'supplier' }), { side: 'supplier', notices: [] });
  const bad = mapSide({ side: 'sideways' });
  assert.equal(bad.side, 'recipient');
  assert.deepEqual(bad.notices, [{ param: 'side', message: '"sideways" is not one of recipient, supplier; ignored' }]);
  assert.equal(mapSide({ side: ['supplier', 'x'] }).notices[0].param, 'side', 'a repeated parameter is not silently read');
});
