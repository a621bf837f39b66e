import type { Design } from './types';

/** What a node is called on screen and in reports: its label, else its id (also for an id no longer in the design). */
export function nodeName(design: Design, id: string): string {
  return design.nodes.find((n) => n.id === id)?.label ?? id;
}
