import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { signatureHeader } from './policy.js';

describe('webhook signatures', () => {
  it("reproduce the standardwebhooks library's own test vector", () => {
    assert.equal(
      signatureHeader(
        ['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'],
        'msg_p5jXN8AQM9LWM0D4loKWxJek',
        1614265330,
        '{"test": 2432232314}',
      ),
      'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    );
  });
});
