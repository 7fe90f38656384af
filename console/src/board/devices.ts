/**
 * Signing one of an agent's devices out from the board (`DELETE /v1/agents/{id}/presence/devices/
 * {device_id}`). The dialog lists the agent's live devices (`GET /v1/agents/{id}/presence/devices`:
 * each one's ID, latest heartbeat and channels), the supervisor picks one and confirms, and the
 * presence view then tells whether another device keeps the agent online.
 */

/** What the presence view says after the sign-out, as a sentence for the supervisor. */
export function outcome(name: string, deviceId: string, connection: 'online' | 'offline'): string {
  return connection === 'offline'
    ? `“${deviceId}” is signed out. ${name} is now offline: no device of theirs is live.`
    : `“${deviceId}” is signed out. ${name} is still online: another device of theirs is live ` +
        '(an ID that was not live changes nothing).';
}
