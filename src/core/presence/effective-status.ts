export type EffectiveStatus = 'offline' | 'away' | 'busy' | 'available';

export interface StatusInputs {
  /** A device sent a heartbeat within the TTL. */
  online: boolean;
  /** The agent's own switch. */
  available: boolean;
  /** Whether the chosen status (working, away or a custom one) counts as available. */
  statusAvailable: boolean;
  activeConversations: number;
  capacity: number;
}

/**
 * Derives what supervisors and routing see, in order of precedence: no live device is offline
 * whatever the agent chose; then the agent's choice; then capacity. Never stored.
 */
export function effectiveStatus(s: StatusInputs): EffectiveStatus {
  if (!s.online) {
    return 'offline';
  }
  if (!s.available || !s.statusAvailable) {
    return 'away';
  }
  if (atCapacity(s.activeConversations, s.capacity)) {
    return 'busy';
  }
  return 'available';
}

/** The capacity rule: an agent holding as many open conversations as its capacity takes no more. */
export function atCapacity(activeConversations: number, capacity: number): boolean {
  return activeConversations >= capacity;
}
