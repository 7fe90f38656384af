import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { Webhook } from 'standardwebhooks';
import { generateSigningSecret, signatureHeader } from './policy.js';
import { isSealed, SecretBox, SecretUnreadable } from './secret-box.js';

const ID = '01900000-0000-7000-8000-000000000001';
const OTHER_ID = '01900000-0000-7000-8000-000000000002';

describe('SecretBox', () => {
  const k1 = randomBytes(32);
  const k2 = randomBytes(32);

  it('without a key stores a secret as it is, and opens it as it is', () => {
    const box = new SecretBox();
    const secret = generateSigningSecret();
    assert.equal(box.sealing, false);
    assert.equal(box.seal(secret, ID), secret);
    assert.equal(box.open(secret, ID), secret);
    assert.equal(box.needsResealing(secret, ID), false);
  });

  it('seals so that the stored form shows nothing of the secret, differently each time, and opens it again', () => {
    const box = new SecretBox([k1]);
    const secret = generateSigningSecret();
    const a = box.seal(secret, ID);
    const b = box.seal(secret, ID);
    assert.ok(isSealed(a) && isSealed(b));
    assert.notEqual(a, b, 'a fresh nonce each time');
    assert.ok(!a.includes(secret.slice(6)) && !a.includes('whsec_'));
    assert.equal(box.open(a, ID), secret);
    // What it opens signs as the secret itself does: standardwebhooks verifies it.
    const body = '{"id":"e"}';
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = {
      'webhook-id': 'e',
      'webhook-timestamp': String(timestamp),
      'webhook-signature': signatureHeader([box.open(a, ID)], 'e', timestamp, body),
    };
    assert.deepEqual(new Webhook(secret).verify(body, headers), { id: 'e' });
  });

  it('refuses a sealed secret it cannot open: another key, another endpoint, or altered', () => {
    const sealed = new SecretBox([k1]).seal('whsec_x', ID);
    assert.throws(() => new SecretBox([k2]).open(sealed, ID), SecretUnreadable);
    assert.throws(() => new SecretBox().open(sealed, ID), SecretUnreadable);
    assert.throws(
      () => new SecretBox([k1]).open(sealed, OTHER_ID),
      SecretUnreadable,
      'bound to its endpoint',
    );
    const raw = Buffer.from(sealed.slice('sealed1:'.length), 'base64');
    raw[raw.length - 20] = (raw[raw.length - 20] ?? 0) ^ 1;
    assert.throws(() => new SecretBox([k1]).open(`sealed1:${raw.toString('base64')}`, ID), SecretUnreadable);
    assert.throws(() => new SecretBox([k1]).open('sealed1:AAAA', ID), SecretUnreadable);
  });

  it('opens with a previous key, seals with the first, and says what must be sealed again', () => {
    const old = new SecretBox([k1]);
    const rotated = new SecretBox([k2, k1]);
    const sealedByOld = old.seal('whsec_y', ID);
    assert.equal(rotated.open(sealedByOld, ID), 'whsec_y');
    assert.equal(rotated.needsResealing(sealedByOld, ID), true);
    assert.equal(rotated.needsResealing('whsec_y', ID), true, 'a plain secret once a key is set');
    const sealedByNew = rotated.seal('whsec_y', ID);
    assert.equal(rotated.needsResealing(sealedByNew, ID), false);
    assert.equal(new SecretBox([k2]).open(sealedByNew, ID), 'whsec_y');
  });

  it('takes only 32-byte keys', () => {
    assert.throws(() => new SecretBox([randomBytes(16)]), /32 bytes/);
  });
});
