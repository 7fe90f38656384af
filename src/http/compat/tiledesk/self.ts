import type { Ctx } from '../../../core/context.js';
import { OBJECT_NOT_FOUND, TiledeskError } from './errors.js';

/** The teammate of the calling key; a key bound to no agent has none (404, as Tiledesk words it). */
export function selfId(ctx: Ctx): string {
  const id = ctx.actor.agent?.id;
  if (id === undefined) {
    throw new TiledeskError(404, { msg: OBJECT_NOT_FOUND });
  }
  return id;
}
