import { customType, timestamp } from 'drizzle-orm/pg-core';

/** A timestamp with time zone, read as a Date. */
export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A 64-bit transaction id (`xid8`), carried as its decimal text: it never wraps around. */
export const xid8 = customType<{ data: string; driverData: string }>({ dataType: () => 'xid8' });
