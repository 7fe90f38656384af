/** A domain event as subscribers see it, once the transaction that wrote it has committed. */
export interface PublishedEvent {
  id: string;
  orgId: string;
  type: string;
  data: Record<string, unknown>;
  occurredAt: Date;
  /** The writing transaction (xid8 as text), when read from the feed: with `id`, its feed position. */
  xid?: string;
}

export type EventListener = (event: PublishedEvent) => void;

/**
 * Carries committed events to live subscribers (SSE streams). The outbox table stays the record;
 * the bus only makes delivery fast. In-process by default; through Redis across instances.
 */
export interface EventBus {
  publish(events: PublishedEvent[]): Promise<void>;
  /** Returns the function that ends the subscription. */
  subscribe(listener: EventListener): () => void;
  close(): Promise<void>;
}

/** Delivers to the listeners of this process only. */
export class LocalEventBus implements EventBus {
  private readonly listeners = new Set<EventListener>();

  async publish(events: PublishedEvent[]): Promise<void> {
    this.deliver(events);
  }

  /** Hands events to every listener; one failing listener does not starve the others. */
  deliver(events: PublishedEvent[]): void {
    for (const event of events) {
      for (const listener of this.listeners) {
        try {
          listener(event);
        } catch {
          // A subscriber's own failure (say, a closed socket) is its stream's business.
        }
      }
    }
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  async close(): Promise<void> {
    this.listeners.clear();
  }
}
